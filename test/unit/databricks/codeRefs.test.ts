import { strict as assert } from 'node:assert';
import { clusterIdsInCode } from '../../../server/src/databricks/codeRefs';

// An invented id in the cluster id shape.
const ID = ['0000', '000000', 'synth001'].join('-');

describe('databricks/codeRefs: cluster ids written in code', () => {
  it('finds an id that chooses compute: a session builder, a Config, a bare literal of the shape', () => {
    for (const code of [`DatabricksSession.builder.clusterId("${ID}").getOrCreate()`, `cfg = Config(cluster_id="${ID}")`, `target = "${ID}"`]) {
      assert.deepEqual(clusterIdsInCode(code).map((r) => r.clusterId), [ID], code);
    }
  });

  it('leaves an id a workspace API call reads or manages the cluster by (an audit of clusters)', () => {
    for (const code of [`libs = w.libraries.cluster_status(cluster_id="${ID}")`, `c = w.clusters.get("${ID}")`, `w.clusters.events(cluster_id="${ID}", limit=5)`]) {
      assert.deepEqual(clusterIdsInCode(code), [], code);
    }
  });

  it('leaves an id that records where something ran: a pasted log in a comment, a run\'s cluster_instance, a recorded tag', () => {
    for (const code of [
      `# {"Properties": {"spark.databricks.clusterUsageTags.clusterId": "${ID}"}}`,
      `// "Properties":{"spark.databricks.clusterUsageTags.clusterId":"${ID}"}`,
      `-- ran on '${ID}'`,
      `last_run = {"tasks": [{"task_key": "a", "cluster_instance": {"cluster_id": "${ID}"}}]}`,
      `tags = {'mlflow.databricks.cluster.id': '${ID}'}`,
    ]) {
      assert.deepEqual(clusterIdsInCode(code), [], code);
    }
    assert.deepEqual(clusterIdsInCode(`job = {"existing_cluster_id": "${ID}"}`).map((r) => r.clusterId), [ID]);
  });
});
