import { known, liveNote, viaNote, type ClusterRule, type ClusterTarget } from './types';

const DEDICATED = new Set(['SINGLE_USER', 'DATA_SECURITY_MODE_DEDICATED', 'LEGACY_SINGLE_USER', 'LEGACY_SINGLE_USER_STANDARD']);
const STANDARD = new Set(['USER_ISOLATION', 'DATA_SECURITY_MODE_STANDARD', 'SHARED']);

/** `15.4.x-scala2.12`, `14.3.x-photon-scala2.12`, `15.4.x-cpu-ml-scala2.12` → [15, 4]; custom images → undefined. */
export function runtimeOf(sparkVersion: string): [number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(?:x|\d{1,4})\b/.exec(sparkVersion);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function parseMinimum(v: string): [number, number] {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

function below(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function familyOf(target: ClusterTarget): 'dedicated' | 'standard' | undefined {
  const access = known(target, 'access_mode');
  if (access && String(access.value).toUpperCase() === 'SHARED') return 'standard';
  const mode = known(target, 'data_security_mode');
  const value = mode ? String(mode.value).toUpperCase() : '';
  if (DEDICATED.has(value)) return 'dedicated';
  if (STANDARD.has(value)) return 'standard';
  return undefined;
}

export const runtimeVersion: ClusterRule = {
  id: 'cluster/runtime-version',
  title: 'Runtime too old to enforce column masks and row filters',
  defaultSeverity: 'error',
  summary: 'The Databricks Runtime is older than the minimum that enforces Unity Catalog column masks and row filters for its access mode.',
  docs: `## What it does
Compares \`spark_version\` with the minimum Databricks Runtime that enforces Unity Catalog fine-grained access
control for the cluster's access mode: 15.4 LTS for dedicated (single user) compute, 12.2 LTS for standard
(shared) compute. Without a known access mode the stricter minimum applies. Thresholds are configurable as
\`cluster.minRuntime: { "dedicated": "15.4", "standard": "12.2" }\`. Custom images are not judged.

## Why is this bad?
Column masks and row filters are how Unity Catalog keeps PHI columns masked for people who may not see them.
On older runtimes, dedicated compute cannot read masked or filtered tables through the serverless filtering
path, and teams work around the failure by copying data to unmasked tables. Databricks' Compliance Security
Profile also requires supported, patched runtimes.

## Example
\`\`\`yaml
new_cluster:
  spark_version: 13.3.x-scala2.12
  data_security_mode: SINGLE_USER
\`\`\`

## Use instead
\`\`\`yaml
new_cluster:
  spark_version: 15.4.x-scala2.12
  data_security_mode: SINGLE_USER
\`\`\`
`,
  check(target, settings) {
    const fact = known(target, 'spark_version');
    if (!fact) return [];
    const runtime = runtimeOf(String(fact.value));
    if (!runtime) return [];
    const family = familyOf(target);
    const dedicated = parseMinimum(settings.minRuntime.dedicated);
    const standard = parseMinimum(settings.minRuntime.standard);
    const minimum = family === 'dedicated' ? dedicated : family === 'standard' ? standard : below(dedicated, standard) ? standard : dedicated;
    if (!below(runtime, minimum)) return [];
    const mode = family ? `${family} access mode` : 'an unknown access mode';
    return [{
      at: fact.at, field: 'spark_version',
      message: `${target.label} runs Databricks Runtime ${runtime[0]}.${runtime[1]}${viaNote(fact)}${liveNote(target)}, older than ${minimum[0]}.${minimum[1]}, the minimum that enforces column masks and row filters on ${mode}`,
    }];
  },
};
