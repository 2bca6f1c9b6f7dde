import { known, liveNote, viaNote, type ClusterRule } from './types';

export const diskEncryption: ClusterRule = {
  id: 'cluster/disk-encryption',
  title: 'Local disk encryption turned off',
  defaultSeverity: 'warning',
  summary: 'enable_local_disk_encryption must not be false; with cluster.requireDiskEncryption it must be set to true.',
  docs: `## What it does
Flags \`enable_local_disk_encryption: false\`. When \`cluster.requireDiskEncryption\` is true (for clouds and
instance types without hardware-encrypted local storage), also flags clusters that do not set it to \`true\`.

## Why is this bad?
Spark spills shuffle data, cached tables and temporary files to the nodes' local disks. HIPAA requires PHI to be
protected at rest; Databricks' Compliance Security Profile relies on encrypted local storage, either from the
instance type or from local disk encryption. Unencrypted local volumes keep readable PHI after the work ends.

## Example
\`\`\`json
{ "enable_local_disk_encryption": false }
\`\`\`

## Use instead
\`\`\`json
{ "enable_local_disk_encryption": true }
\`\`\`
`,
  check(target, settings) {
    const fix = { field: 'enable_local_disk_encryption', value: true };
    const fact = target.setting('enable_local_disk_encryption');
    if (!fact) {
      if (!settings.requireDiskEncryption || target.partial) return [];
      return [{ at: target.anchor, field: 'enable_local_disk_encryption', fix, message: `${target.label} does not enable local disk encryption${liveNote(target)} (cluster.requireDiskEncryption)` }];
    }
    if (!known(target, 'enable_local_disk_encryption')) return [];
    const on = fact.value === true || String(fact.value).toLowerCase() === 'true';
    if (on) return [];
    return [{ at: fact.at, field: 'enable_local_disk_encryption', fix, message: `${target.label} turns local disk encryption off${viaNote(fact)}${liveNote(target)}: data spilled to local disks is stored unencrypted` }];
  },
};
