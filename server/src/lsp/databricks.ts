/**
 * The language server's Databricks side: one DatabricksEditorFeatures per distinct `phisafe.databricks`
 * setting (profile, host, snapshot, TTL), the inputs a scan gets, and the problems shown once to the user.
 * A workspace is contacted only when trusted and when a profile or host is set (in settings or the
 * environment); the SDK itself is loaded by the first lookup, never at start-up. After a failure (offline,
 * 403...) lookups pause for a while so typing never waits on a dead workspace; the offline rules run always.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { DatabricksEditorFeatures } from '../databricks/editor';
import { parseUcSnapshot, phiTagOf, type UcTable } from '../databricks/ucModel';
import { ucSettingsOf } from '../databricks/ucAnalyzer';
import type { ResolvedConfig, ScanDocument } from '../engine';
import type { DatabricksSettings, LookUpTableResult } from '../protocol';

/** How long lookups pause after the workspace could not be used; Refresh Unity Catalog Metadata resumes them. */
const RETRY_AFTER_MS = 60_000;

export interface DatabricksSupportOptions {
  readonly trusted: boolean;
  readonly roots: () => readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Shows a problem to the user (once per distinct text). */
  readonly warn: (message: string) => void;
}

interface Entry {
  readonly features: DatabricksEditorFeatures;
  /** Why the snapshot setting could not be used, shown once. */
  readonly snapshotProblem?: string;
}

export class DatabricksSupport {
  private readonly entries = new Map<string, Entry>();
  private readonly offline = new DatabricksEditorFeatures();
  private readonly shown = new Set<string>();
  private pausedUntil = 0;

  constructor(private readonly options: DatabricksSupportOptions, private readonly clock: () => number = Date.now) {}

  /** The features for these settings; offline-only (cluster fixes, no lookups) when untrusted or unconfigured. */
  featuresFor(settings: DatabricksSettings): DatabricksEditorFeatures {
    if (!this.options.trusted) return this.offline;
    const env = this.options.env;
    const wantsLive = settings.profile !== '' || settings.host !== '' || !!env.DATABRICKS_CONFIG_PROFILE || !!env.DATABRICKS_HOST;
    if (!wantsLive && !settings.snapshot) return this.offline;
    const key = JSON.stringify([wantsLive, settings.profile, settings.host, settings.snapshot, settings.cacheTtlSeconds]);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.create(settings, wantsLive);
      this.entries.set(key, entry);
    }
    if (entry.snapshotProblem) this.show(entry.snapshotProblem);
    return entry.features;
  }

  private create(settings: DatabricksSettings, live: boolean): Entry {
    let snapshot: unknown;
    let snapshotProblem: string | undefined;
    if (settings.snapshot) {
      const file = path.isAbsolute(settings.snapshot) ? settings.snapshot : path.join(this.options.roots()[0] ?? process.cwd(), settings.snapshot);
      try {
        snapshot = parseUcSnapshot(JSON.parse(readFileSync(file, 'utf8')) as unknown);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'not found' : code ? `cannot be read (${code})` : e instanceof SyntaxError ? 'is not valid JSON' : e instanceof Error ? e.message : 'invalid';
        snapshotProblem = `phisafe.databricks.snapshot ${settings.snapshot}: ${why}`;
      }
    }
    const connection = live ? { profile: settings.profile || undefined, host: settings.host || undefined, env: this.options.env } : undefined;
    return { features: new DatabricksEditorFeatures({ connection, snapshot, ttlMs: settings.cacheTtlSeconds * 1000 }), snapshotProblem };
  }

  /** Whether a lookup may go to the workspace now (not paused after a failure). */
  mayLookUp(features: DatabricksEditorFeatures): boolean {
    return features.live && this.clock() >= this.pausedUntil;
  }

  /** Fetches what `features` lacks for this document; true when something new may have arrived. */
  async lookUp(features: DatabricksEditorFeatures, scanPath: string, text: string, document: ScanDocument | undefined, token: CancellationToken): Promise<boolean> {
    if (!this.mayLookUp(features)) return false;
    const { problems } = await features.inputsFor(scanPath, text, document, token);
    if (token.isCancellationRequested) return false;
    if (problems.length > 0) {
      this.pausedUntil = this.clock() + RETRY_AFTER_MS;
      for (const p of problems) this.show(`Databricks lookups paused: ${/offline rules still run/.test(p) ? p : `${p}; PHI and offline checks still run`}`);
    }
    return true;
  }

  /** Forgets cached metadata (and re-reads the snapshot file) and shown problems; lookups resume at once. */
  refresh(): void {
    for (const e of this.entries.values()) e.features.refresh();
    this.entries.clear();
    this.shown.clear();
    this.pausedUntil = 0;
  }

  settingsChanged(): void {
    this.entries.clear();
    this.shown.clear();
    this.pausedUntil = 0;
  }

  show(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.options.warn(message);
  }
}

/** A table's metadata as the look-up request answers it. */
export function tableStatus(name: string, table: UcTable | undefined, source: LookUpTableResult['source'], config: ResolvedConfig, problem?: string): LookUpTableResult {
  if (!table) return { table: name, found: false, source, tags: {}, columns: [], problem };
  const uc = ucSettingsOf(config);
  return {
    table: table.fullName, found: true, source, tags: table.tags, rowFilter: table.rowFilter?.functionName,
    columns: table.columns.map((c) => ({ name: c.name, type: c.type, tags: c.tags, mask: c.mask?.functionName, phiTag: phiTagOf(c.tags, uc) })),
  };
}
