import type { RuleMeta } from '../types';

/** Reported by the code analyzer, which finds the references (see databricks/codeRefs.ts); no spec to check. */
export const hardCodedId: RuleMeta = {
  id: 'cluster/hard-coded-id',
  title: 'Cluster id written in notebook code',
  defaultSeverity: 'warning',
  summary: 'Code names a cluster by id; choose the cluster in the job or bundle, where policy and review apply.',
  docs: `## What it does
Finds cluster ids written as literals in code: \`DatabricksSession.builder.clusterId("…")\`,
\`.remote(cluster_id="…")\`, \`spark.conf.set("spark.databricks.service.clusterId", "…")\` and similar.
With a workspace connection, the named cluster is fetched and checked by the other \`cluster/*\` rules, and the
message says so.

## Why is this bad?
A hard-coded id ties code that reads PHI to one all-purpose cluster whose settings nobody reviews with the code:
its access mode, runtime and policy can change, or the id can point at another team's cluster in another
workspace. Databricks' guidance is to pick compute in the job or bundle definition (job clusters with a policy),
where the Compliance Security Profile settings are enforced and reviewed.

## Example
\`\`\`python
spark = DatabricksSession.builder.clusterId("0000-000000-example0").getOrCreate()
\`\`\`

## Use instead
\`\`\`python
spark = DatabricksSession.builder.getOrCreate()  # cluster from the profile or the bundle target
\`\`\`
`,
};
