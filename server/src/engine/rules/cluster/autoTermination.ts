import { known, liveNote, viaNote, type ClusterRule } from './types';

export const autoTermination: ClusterRule = {
  id: 'cluster/auto-termination',
  title: 'All-purpose cluster that never shuts down',
  defaultSeverity: 'warning',
  summary: 'An all-purpose cluster needs autotermination_minutes between 1 and the configured maximum (default 120).',
  docs: `## What it does
Flags \`autotermination_minutes\` that is \`0\` (never terminate) or above \`cluster.maxAutoTerminationMinutes\`
(default 120), and all-purpose clusters that do not set it at all (the API default is to never terminate).
Job clusters end with their run, so a missing value on a job cluster is not reported; an explicit bad value is.

## Why is this bad?
An idle cluster keeps PHI it cached in memory and on local disks, keeps its sessions and credentials alive and
stays reachable by everyone attached to it. Databricks' HIPAA guidance asks for compute that is short-lived and
terminated when idle; auto-termination bounds how long data outlives the work.

## Example
\`\`\`yaml
clusters:
  analysis:
    autotermination_minutes: 0
\`\`\`

## Use instead
\`\`\`yaml
clusters:
  analysis:
    autotermination_minutes: 60
\`\`\`
The quick fix sets \`autotermination_minutes\` to 60, or the configured maximum when that is lower.
`,
  check(target, settings) {
    const max = settings.maxAutoTerminationMinutes;
    const fix = { field: 'autotermination_minutes', value: Math.min(60, max) };
    const fact = target.setting('autotermination_minutes');
    if (!fact) {
      if (target.partial || target.ephemeral) return [];
      return [{
        at: target.anchor, field: 'autotermination_minutes', fix,
        message: `${target.label} sets no autotermination_minutes${liveNote(target)}: it never shuts down when idle; set at most ${max} minutes`,
      }];
    }
    if (!known(target, 'autotermination_minutes')) return [];
    const minutes = Number(fact.value);
    if (!Number.isFinite(minutes)) return [];
    if (minutes === 0) {
      return [{
        at: fact.at, field: 'autotermination_minutes', fix,
        message: `${target.label} has autotermination_minutes 0${viaNote(fact)}${liveNote(target)}: it never shuts down when idle; set at most ${max} minutes`,
      }];
    }
    if (minutes > max) {
      return [{
        at: fact.at, field: 'autotermination_minutes', fix,
        message: `${target.label} stays up ${minutes} minutes when idle${viaNote(fact)}${liveNote(target)}, above the maximum of ${max} (cluster.maxAutoTerminationMinutes)`,
      }];
    }
    return [];
  },
};
