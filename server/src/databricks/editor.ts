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
import { ucSettingsOf } from './ucAnalyzer';
import { ucMaskFix, type MaskFix } from './ucFixes';
import { ucHover, type UcHover } from './ucHover';
import { UcMetadataCache } from './ucLive';
import { ucSnapshotOf, type UcSnapshot } from './ucModel';
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

export class DatabricksEditorFeatures {
  private readonly conn?: WorkspaceConnection;
  private readonly cache?: UcMetadataCache;
  private readonly snapshot?: UcSnapshot;

  constructor(options: DatabricksEditorOptions = {}) {
    this.snapshot = options.snapshot ? ucSnapshotOf({ ucSnapshot: options.snapshot }) : undefined;
    if (options.connection) {
      this.conn = connect(options.connection);
      this.cache = new UcMetadataCache(this.conn, options.ttlMs);
    }
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
      const { clusters, errors } = await fetchLiveClusters(this.conn, ids, cancel);
      inputs.liveClusters = clusters;
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
  }
}
