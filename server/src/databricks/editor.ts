/**
 * The Databricks features an editor face needs, as one object over pure functions: the inputs a scan should
 * get (Unity Catalog metadata from a snapshot file or live lookups, live clusters), hovers and quick fixes.
 * Live lookups are optional and fail soft: the offline rules run either way and `problems` says why not.
 */
import type { ResolvedConfig } from '../engine/config';
import type { Finding, ScanDocument } from '../engine/model';
import { connect, type CancellationLike, type ConnectionSettings, type WorkspaceConnection } from './client';
import { clusterFix, type ClusterFix } from './clusterFixes';
import { fetchLiveClusters, referencedClusterIds } from './clusterLookup';
import type { LiveClusterInfo } from './liveCluster';
import { ucSettingsOf } from './ucAnalyzer';
import { ucMaskFix, type MaskFix } from './ucFixes';
import { ucHover, type UcHover } from './ucHover';
import { listUcTables, UcMetadataCache } from './ucLive';
import { UcCatalog, ucSnapshotOf, type UcSnapshot, type UcTable } from './ucModel';
import { referencedTableNames } from './ucReferences';

export interface DatabricksEditorOptions {
  /** Connect to the workspace for live lookups (profile/host from settings or the Databricks extension). */
  readonly connection?: ConnectionSettings;
  /** A snapshot already loaded (`phisafe.databricks.ucSnapshot`): used instead of live table lookups. */
  readonly snapshot?: unknown;
  readonly ttlMs?: number;
}

export interface ScanInputs {
  readonly inputs: Record<string, unknown>;
  /** Why live lookups did not happen (no credentials, offline, 403...), safe to show; empty when they did. */
  readonly problems: string[];
}

/** A table looked up by name for the editor's look-up command: its metadata, or why there is none. */
export interface TableLookup {
  readonly table?: UcTable;
  readonly source: 'snapshot' | 'live' | 'none';
  readonly problem?: string;
}

const DEFAULT_TTL_MS = 10 * 60 * 1000;

export class DatabricksEditorFeatures {
  private readonly conn?: WorkspaceConnection;
  private readonly cache?: UcMetadataCache;
  private readonly snapshot?: UcSnapshot;
  private readonly ttlMs: number;
  /** Live clusters by id with when they were read: an edit must not refetch them on every keystroke. */
  private readonly clusters = new Map<string, { at: number; info: LiveClusterInfo }>();

  constructor(options: DatabricksEditorOptions = {}) {
    this.snapshot = options.snapshot ? ucSnapshotOf({ ucSnapshot: options.snapshot }) : undefined;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    if (options.connection) {
      this.conn = connect(options.connection);
      this.cache = new UcMetadataCache(this.conn, this.ttlMs);
    }
  }

  /** Whether lookups go to a workspace (otherwise only the snapshot and the offline rules are used). */
  get live(): boolean {
    return this.conn !== undefined;
  }

  /** Inputs from what is already known (snapshot, cached tables and clusters): no network, for a first scan. */
  cachedInputs(path: string, text: string, document: ScanDocument | undefined): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    const snapshot = this.snapshot ?? this.cache?.snapshot();
    if (snapshot) inputs.ucSnapshot = snapshot;
    const now = Date.now();
    const clusters: Record<string, LiveClusterInfo> = {};
    for (const id of this.conn ? referencedClusterIds(path, text, document) : []) {
      const hit = this.clusters.get(id);
      if (hit && now - hit.at <= this.ttlMs) clusters[id] = hit.info;
    }
    if (Object.keys(clusters).length > 0) inputs.liveClusters = clusters;
    return inputs;
  }

  /** One table by its three-part name, from the snapshot or the workspace (cached). */
  async table(fullName: string, cancel?: CancellationLike): Promise<TableLookup> {
    const name = fullName.trim().toLowerCase();
    if (this.snapshot) {
      const table = new UcCatalog(this.snapshot).resolve(name.split('.'), {});
      return { table, source: 'snapshot', problem: table ? undefined : `${fullName} is not in the Unity Catalog snapshot` };
    }
    if (!this.cache) return { source: 'none', problem: 'no Databricks connection or snapshot is configured (phisafe.databricks.profile or phisafe.databricks.snapshot)' };
    if (name.split('.').length !== 3) return { source: 'live', problem: 'give the table as catalog.schema.table' };
    try {
      await this.cache.ensure([name], cancel);
    } catch (e) {
      return { source: 'live', problem: e instanceof Error ? e.message : 'Unity Catalog lookup failed' };
    }
    const table = this.cache.snapshot().tables.find((t) => t.fullName === name);
    return { table, source: 'live', problem: table ? undefined : `${fullName}: no such table in the workspace (404)` };
  }

  /** Table names to pick from: the snapshot's, or a catalog's (and schema's) in the workspace. */
  async listTables(catalog: string | undefined, schema: string | undefined, cancel?: CancellationLike): Promise<string[]> {
    if (this.snapshot) {
      return this.snapshot.tables.map((t) => t.fullName).filter((n) => (!catalog || n.startsWith(`${catalog.toLowerCase()}.`)) && (!schema || n.split('.')[1] === schema.toLowerCase()));
    }
    if (!this.conn || !catalog) return [];
    return listUcTables(this.conn, catalog, schema, cancel);
  }

  /** What to pass as ScanOptions.inputs for this file; fetches what the cache lacks. */
  async inputsFor(path: string, text: string, document: ScanDocument | undefined, cancel?: CancellationLike): Promise<ScanInputs> {
    const inputs: Record<string, unknown> = {};
    const problems: string[] = [];
    if (this.snapshot) inputs.ucSnapshot = this.snapshot;
    if (!this.conn || !this.cache) return { inputs, problems };
    if (!this.snapshot && document) {
      try {
        await this.cache.ensure(referencedTableNames(document), cancel);
      } catch (e) {
        problems.push(e instanceof Error ? e.message : 'Unity Catalog lookup failed');
      }
      inputs.ucSnapshot = this.cache.snapshot();
    }
    const ids = referencedClusterIds(path, text, document);
    if (ids.length > 0 && problems.length === 0) {
      const now = Date.now();
      const known = this.cachedInputs(path, text, document).liveClusters as Record<string, LiveClusterInfo> | undefined ?? {};
      const { clusters, errors } = await fetchLiveClusters(this.conn, ids.filter((id) => !known[id]), cancel);
      for (const [id, info] of Object.entries(clusters)) this.clusters.set(id, { at: now, info });
      inputs.liveClusters = { ...known, ...clusters };
      problems.push(...errors);
    }
    return { inputs, problems };
  }

  /** Hover for a table or column at `offset`, from the snapshot or what live lookups cached. */
  hover(document: ScanDocument, offset: number, config: ResolvedConfig): UcHover | undefined {
    const snapshot = this.snapshot ?? this.cache?.snapshot();
    if (!snapshot) return undefined;
    return ucHover(document, offset, snapshot, ucSettingsOf(config), this.snapshot ? 'snapshot' : 'live, cached');
  }

  /** Quick fixes for Databricks findings: add a column mask, or set a cluster setting. */
  fixes(path: string, text: string, document: ScanDocument | undefined, finding: Finding, config: ResolvedConfig): (MaskFix | ClusterFix)[] {
    if (finding.ruleId.startsWith('cluster/')) {
      const fix = clusterFix(path, text, finding, config);
      return fix ? [fix] : [];
    }
    const snapshot = this.snapshot ?? this.cache?.snapshot();
    if (finding.ruleId !== 'uc/unmasked-phi-column' || !document || !snapshot) return [];
    const fix = ucMaskFix(document, finding, snapshot, ucSettingsOf(config));
    return fix ? [fix] : [];
  }

  /** Manual refresh: forget cached metadata. */
  refresh(): void {
    this.cache?.clear();
    this.clusters.clear();
  }
}
