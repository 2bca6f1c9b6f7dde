import { liveNote, type ClusterRule, type ClusterViolation } from './types';

const LOCATION_NAMES: Readonly<Record<string, string>> = {
  workspace: 'workspace files', volumes: 'a Unity Catalog volume', dbfs: 'DBFS', s3: 'S3', abfss: 'ADLS (abfss)',
  gcs: 'GCS', file: 'a local file on the node',
};

/** One init script entry, `{ volumes: { destination: ... } }`, read as its location type and destination. */
export interface InitScriptEntry {
  readonly type: string;
  readonly destination: string | undefined;
  readonly at: { readonly start: number; readonly end: number };
}

export const initScripts: ClusterRule = {
  id: 'cluster/init-scripts',
  title: 'Init script from a non-approved location',
  defaultSeverity: 'error',
  summary: 'Init scripts must come from approved locations (default: workspace files and Unity Catalog volumes), never DBFS.',
  docs: `## What it does
Flags each entry of \`init_scripts\` whose location type is not in \`cluster.approvedInitScriptTypes\` (default
\`workspace\` and \`volumes\`), or whose destination does not start with one of
\`cluster.approvedInitScriptPrefixes\` when that list is set. DBFS init scripts are always reported unless
approved explicitly.

## Why is this bad?
An init script runs as root on every node before any access control applies, so it can read or send anything
the cluster touches. Scripts on DBFS can be replaced by any workspace user; Databricks has ended support for
them and recommends workspace files or Unity Catalog volumes, where permissions and audit logs apply. The
Compliance Security Profile expects the code that runs on PHI compute to be controlled.

## Example
\`\`\`yaml
init_scripts:
  - dbfs:
      destination: dbfs:/init/setup.sh
\`\`\`

## Use instead
\`\`\`yaml
init_scripts:
  - volumes:
      destination: /Volumes/main/ops/scripts/setup.sh
\`\`\`
`,
  check(target, settings) {
    const fact = target.setting('init_scripts');
    if (!fact || fact.unresolved || !Array.isArray(fact.value)) return [];
    const out: ClusterViolation[] = [];
    for (const script of fact.value as InitScriptEntry[]) {
      const location = LOCATION_NAMES[script.type];
      if (!location) continue;
      const where = `${target.label} runs an init script from ${location}${liveNote(target)}`;
      if (!settings.approvedInitScriptTypes.includes(script.type)) {
        out.push({ at: script.at, field: 'init_scripts', message: `${where}, which is not an approved location (${settings.approvedInitScriptTypes.join(', ')}); anyone who can write there runs code as root on PHI compute` });
        continue;
      }
      const prefixes = settings.approvedInitScriptPrefixes;
      if (prefixes.length > 0 && !(script.destination && prefixes.some((p) => script.destination?.startsWith(p)))) {
        out.push({ at: script.at, field: 'init_scripts', message: `${where} outside the approved paths (cluster.approvedInitScriptPrefixes)` });
      }
    }
    return out;
  },
};
