import { known, liveNote, viaNote, type ClusterRule } from './types';

/** Modes that enforce Unity Catalog: dedicated (single user), standard (shared), and AUTO, which picks one of them. */
export const UNITY_CATALOG_MODES = [
  'SINGLE_USER', 'USER_ISOLATION', 'DATA_SECURITY_MODE_DEDICATED', 'DATA_SECURITY_MODE_STANDARD', 'DATA_SECURITY_MODE_AUTO',
];

export const accessMode: ClusterRule = {
  id: 'cluster/access-mode',
  title: 'Cluster without a Unity Catalog access mode',
  defaultSeverity: 'error',
  summary: 'PHI work needs a Unity Catalog access mode (dedicated or standard); NONE and LEGACY_* modes bypass column masks and row filters.',
  docs: `## What it does
Flags a cluster or job cluster whose \`data_security_mode\` is missing, \`NONE\` or one of the \`LEGACY_*\` modes
(table ACLs, credential passthrough, legacy single user). Allowed modes are configurable
(\`cluster.allowedAccessModes\` in \`.phisafe.json\`).

## Why is this bad?
Databricks' HIPAA guidance (Compliance Security Profile) expects PHI to be governed by Unity Catalog: column
masks, row filters, audit logs and lineage. Only the Unity Catalog access modes enforce them. A cluster with no
isolation lets every attached user read any data the cluster can reach, unmasked; legacy modes predate Unity
Catalog and ignore its masks. Created through the API without \`data_security_mode\`, a cluster gets \`NONE\`.

## Example
\`\`\`yaml
new_cluster:
  spark_version: 15.4.x-scala2.12
  data_security_mode: NONE
\`\`\`

## Use instead
\`\`\`yaml
new_cluster:
  spark_version: 15.4.x-scala2.12
  data_security_mode: SINGLE_USER
\`\`\`
The quick fix sets \`data_security_mode\` (to \`cluster.fixAccessMode\`, default \`SINGLE_USER\`).
`,
  check(target, settings) {
    const fix = { field: 'data_security_mode', value: settings.fixAccessMode };
    // The API's undocumented access_mode is read first, as the official extension does; SHARED is standard mode.
    const accessModeField = known(target, 'access_mode');
    if (accessModeField && String(accessModeField.value).toUpperCase() === 'SHARED') return [];
    const mode = target.setting('data_security_mode');
    if (!mode) {
      if (target.partial) return [];
      return [{
        at: target.anchor, field: 'data_security_mode', fix,
        message: `${target.label} sets no data_security_mode${liveNote(target)}: without it the cluster runs with no isolation (NONE), outside Unity Catalog; use SINGLE_USER or USER_ISOLATION`,
      }];
    }
    if (mode.unresolved) return [];
    const value = String(mode.value).toUpperCase();
    if (settings.allowedAccessModes.includes(value)) return [];
    return [{
      at: mode.at, field: 'data_security_mode', fix,
      message: `${target.label} uses access mode ${value}${viaNote(mode)}${liveNote(target)}: not a Unity Catalog access mode, so column masks and row filters are not enforced; use SINGLE_USER or USER_ISOLATION`,
    }];
  },
};
