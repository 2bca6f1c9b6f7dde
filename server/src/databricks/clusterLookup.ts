/**
 * Live cluster checks: the clusters a file names by id (existing_cluster_id, project.json clusterId, code)
 * are fetched with their policy and handed to scans as `inputs.liveClusters`, so the same cluster rules judge
 * what the workspace really runs.
 */
import type { ScanDocument } from '../engine/model';
import { declarationsIn } from './clusterAnalyzer';
import type { CancellationLike, WorkspaceConnection } from './client';
import { clusterIdsInCode } from './codeRefs';
import { fixedPolicyValues, pickLiveSettings, type LiveClusterInfo } from './liveCluster';

/** Cluster ids a file names: in configuration (bundles, specs, project.json) and in code cells. */
export function referencedClusterIds(path: string, text: string, document?: ScanDocument): string[] {
  const ids = new Set<string>();
  for (const ref of declarationsIn(path, text)?.refs ?? []) if (ref.clusterId) ids.add(ref.clusterId);
  for (const cell of document?.cells ?? []) {
    if (cell.kind === 'code') for (const r of clusterIdsInCode(cell.source.text)) ids.add(r.clusterId);
  }
  return [...ids];
}

export async function fetchLiveCluster(conn: WorkspaceConnection, clusterId: string, cancel?: CancellationLike): Promise<LiveClusterInfo> {
  const cluster = await conn.call(`reading cluster ${clusterId}`, (c, ctx) => c.clusters.get({ cluster_id: clusterId }, ctx), cancel);
  const raw = cluster as unknown as Record<string, unknown>;
  let policyFixed: Record<string, unknown> | undefined;
  if (cluster.policy_id) {
    const policyId = cluster.policy_id;
    const policy = await conn.call(`reading cluster policy of ${clusterId}`, (c, ctx) => c.clusterPolicies.get({ policy_id: policyId }, ctx), cancel);
    policyFixed = fixedPolicyValues(policy.definition);
  }
  return { clusterId, clusterName: cluster.cluster_name, settings: pickLiveSettings(raw), policyFixed };
}

/** Fetches every named cluster; those that fail are left out and their errors returned for the status line. */
export async function fetchLiveClusters(conn: WorkspaceConnection, ids: readonly string[], cancel?: CancellationLike): Promise<{ clusters: Record<string, LiveClusterInfo>; errors: string[] }> {
  const clusters: Record<string, LiveClusterInfo> = {};
  const errors: string[] = [];
  for (const id of ids) {
    try {
      clusters[id] = await fetchLiveCluster(conn, id, cancel);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : 'cluster lookup failed');
    }
  }
  return { clusters, errors };
}
