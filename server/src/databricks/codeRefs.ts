/**
 * Cluster ids written in code: `DatabricksSession.builder.clusterId("…")`, `.remote(cluster_id="…")`,
 * `Config(cluster_id="…")`, `spark.databricks.service.clusterId`, `DATABRICKS_CLUSTER_ID`, and any string
 * literal shaped exactly like a cluster id. Offsets are in the text given (a cell source).
 */
export interface ClusterIdInCode {
  /** The id's span, without quotes. */
  readonly start: number;
  readonly end: number;
  readonly clusterId: string;
}

/** Linear patterns: each quantifier is bounded and none is nested. */
const NAMED = [
  /\bclusterId\s{0,20}\(\s{0,20}(["'])([^"'\n]{1,100})\1/g,
  /\bcluster_id\s{0,20}=\s{0,20}(["'])([^"'\n]{1,100})\1/g,
  /\bspark\.databricks\.service\.clusterId["']\s{0,20},\s{0,20}(["'])([^"'\n]{1,100})\1/g,
  /\bDATABRICKS_CLUSTER_ID["']\s{0,20}\]\s{0,20}=\s{0,20}(["'])([^"'\n]{1,100})\1/g,
];
const ID_SHAPED = /(["'])(\d{4}-\d{6}-[a-z0-9]{8})\1/g;

export function clusterIdsInCode(text: string): ClusterIdInCode[] {
  const out = new Map<number, ClusterIdInCode>();
  for (const re of [...NAMED, ID_SHAPED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const id = m[2];
      const start = m.index + m[0].length - 1 - id.length;
      if (isWorkspaceApiCall(text, m.index) || isRecordOfRun(text, m.index)) continue;
      if (!out.has(start)) out.set(start, { start, end: start + id.length, clusterId: id });
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/**
 * Whether the id is an argument of a workspace API call that reads or manages the cluster (`w.clusters.get(…)`,
 * `w.libraries.cluster_status(cluster_id=…)`, an audit's own calls): it names the cluster to look at, not compute
 * to run on.
 */
function isWorkspaceApiCall(text: string, at: number): boolean {
  const line = text.slice(Math.max(0, at - 120), at);
  return WORKSPACE_API_CALL.test(line.slice(line.lastIndexOf('\n') + 1));
}

/** `.clusters.get(`, `.libraries.cluster_status(`, `.cluster_policies.…(` with only the call's other arguments after. */
const WORKSPACE_API_CALL = /\.(?:clusters|libraries|cluster_policies|permissions|instance_pools|policy_families)\.[A-Za-z_]{1,40}\([^()\n]{0,80}$/;

/**
 * Whether the id is a record of where something ran, not a choice of compute: on a comment line (a pasted event
 * log or run output), under a run's `cluster_instance`, or as a tag that records it (`clusterUsageTags.clusterId`,
 * `mlflow.databricks.cluster.id`).
 */
function isRecordOfRun(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 120), at);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return COMMENT_LINE.test(line) || RECORDED_RUN_KEY.test(line);
}

/** A line that opens with a comment marker (`#`, `//`, `--`, `*` inside a block comment). */
const COMMENT_LINE = /^\s*(?:#|\/\/|--|\*|\/\*)/;
/** The key right before the id records a run's cluster rather than choosing one. */
const RECORDED_RUN_KEY = /(?:["']cluster_instance["']\s{0,4}:\s{0,4}\{[^{}\n]{0,60}|clusterUsageTags\.clusterId["']\s{0,4}:\s{0,4}|mlflow\.databricks\.cluster\.id["']\s{0,4}:\s{0,4})$/;
