import { known, liveNote, viaNote, type ClusterRule } from './types';

export const policy: ClusterRule = {
  id: 'cluster/policy',
  title: 'Cluster without an approved cluster policy',
  defaultSeverity: 'warning',
  summary: 'A cluster needs a policy_id, and one from the approved list when cluster.approvedPolicyIds is set.',
  docs: `## What it does
Flags a cluster or job cluster with no \`policy_id\` (when \`cluster.requirePolicy\` is true, the default), and
one whose \`policy_id\` is not in \`cluster.approvedPolicyIds\` when that list is set. A \`\${var...}\` that
cannot be resolved (for example a \`lookup\` of a policy by name) is not judged.

## Why is this bad?
Cluster policies are how a workspace admin pins the settings HIPAA work depends on — access mode, runtime,
auto-termination, init scripts, instance types — for everyone. Databricks' HIPAA and Compliance Security Profile
guidance recommends limiting cluster creation to policies; a cluster outside them is configured by hand and
drifts.

## Example
\`\`\`yaml
new_cluster:
  spark_version: 15.4.x-scala2.12
\`\`\`

## Use instead
\`\`\`yaml
new_cluster:
  policy_id: \${var.phi_policy_id}
  spark_version: 15.4.x-scala2.12
\`\`\`
`,
  check(target, settings) {
    const fact = target.setting('policy_id');
    if (!fact || (fact.value === null || fact.value === '')) {
      if (!settings.requirePolicy || target.partial) return [];
      return [{
        at: fact?.at ?? target.anchor, field: 'policy_id',
        message: `${target.label} has no cluster policy${liveNote(target)}: its settings are not pinned by an admin-approved policy; set policy_id`,
      }];
    }
    if (!known(target, 'policy_id') || settings.approvedPolicyIds.length === 0) return [];
    if (settings.approvedPolicyIds.includes(String(fact.value))) return [];
    return [{
      at: fact.at, field: 'policy_id',
      message: `${target.label} uses a cluster policy that is not in the approved list${viaNote(fact)}${liveNote(target)} (cluster.approvedPolicyIds)`,
    }];
  },
};
