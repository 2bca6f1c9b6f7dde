/**
 * Settings in one place: the `phisafe` section (workspace/configuration, per document) merged over the
 * nearest `.phisafe.json` (settings win). Both are cached until the client says they changed.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG, type ResolvedConfig, type SeveritySetting } from '../engine';
import { DEFAULT_DATABRICKS_SETTINGS, DEFAULT_SETTINGS, SETTINGS_SECTION, type DatabricksSettings, type PhisafeSettings } from '../protocol';
import { ConfigCache, loadConfigFor } from '../workspace/configFile';

export interface EffectiveConfig {
  readonly settings: PhisafeSettings;
  readonly config: ResolvedConfig;
  /** Why `.phisafe.json` could not be used (names the file and key, never a value). */
  readonly configError?: string;
}

const SEVERITY_SETTINGS = new Set<SeveritySetting>(['error', 'warning', 'info', 'off']);

/** Settings as the client sent them, checked field by field; anything malformed falls back to its default. */
export function normaliseSettings(raw: unknown): PhisafeSettings {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (SEVERITY_SETTINGS.has(v as SeveritySetting)) rules[id] = v as SeveritySetting;
    }
  }
  const debounce = typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? Math.min(Math.max(r.debounceMs, 0), 2000) : DEFAULT_SETTINGS.debounceMs;
  const maxMB = typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB > 0 ? r.maxFileSizeMB : undefined;
  const maxDiagnostics = typeof r.maxDiagnosticsPerFile === 'number' && Number.isFinite(r.maxDiagnosticsPerFile)
    ? Math.max(Math.round(r.maxDiagnosticsPerFile), 2) : undefined;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    scanOutputs: typeof r.scanOutputs === 'boolean' ? r.scanOutputs : DEFAULT_SETTINGS.scanOutputs,
    debounceMs: debounce,
    maxFileSizeMB: maxMB,
    maxDiagnosticsPerFile: maxDiagnostics,
    databricks: normaliseDatabricks(r.databricks),
  };
}

const text = (v: unknown, max: number): string => (typeof v === 'string' && v.length <= max ? v.trim() : '');

/** `phisafe.databricks`: strings and numbers only; anything token-shaped has no key to arrive under. */
export function normaliseDatabricks(raw: unknown): DatabricksSettings {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const ttl = typeof r.cacheTtlSeconds === 'number' && Number.isFinite(r.cacheTtlSeconds)
    ? Math.min(Math.max(Math.round(r.cacheTtlSeconds), 0), 86400) : DEFAULT_DATABRICKS_SETTINGS.cacheTtlSeconds;
  const keys = Array.isArray(r.phiTagKeys) && r.phiTagKeys.length > 0 && r.phiTagKeys.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 255)
    ? (r.phiTagKeys as string[]) : undefined;
  return { profile: text(r.profile, 200), host: text(r.host, 500), snapshot: text(r.snapshot, 4096), cacheTtlSeconds: ttl, phiTagKeys: keys };
}

/** `.phisafe.json` first, then the editor settings on top. */
export function mergeConfig(fileConfig: ResolvedConfig, settings: PhisafeSettings): ResolvedConfig {
  const phiTagKeys = settings.databricks.phiTagKeys;
  if (Object.keys(settings.rules).length === 0 && settings.maxFileSizeMB === undefined && !phiTagKeys) return fileConfig;
  const uc = fileConfig.raw.uc !== null && typeof fileConfig.raw.uc === 'object' ? fileConfig.raw.uc : {};
  return {
    ...fileConfig,
    rules: { ...fileConfig.rules, ...settings.rules },
    maxFileSizeMB: settings.maxFileSizeMB ?? fileConfig.maxFileSizeMB,
    raw: phiTagKeys ? { ...fileConfig.raw, uc: { ...uc, phiTagKeys } } : fileConfig.raw,
  };
}

export class SettingsSource {
  private readonly settings = new Map<string, Promise<PhisafeSettings>>();
  private readonly files = new ConfigCache();
  /** Merged configs keyed by their inputs, so an unchanged config keeps its identity (scanner caches depend on it). */
  private merged = new WeakMap<ResolvedConfig, WeakMap<PhisafeSettings, ResolvedConfig>>();

  constructor(private readonly connection: Connection, private readonly pull: boolean) {}

  settingsFor(scopeUri: string): Promise<PhisafeSettings> {
    if (!this.pull) return Promise.resolve(DEFAULT_SETTINGS);
    let pending = this.settings.get(scopeUri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      this.settings.set(scopeUri, pending);
    }
    return pending;
  }

  async effective(scopeUri: string, filePath: string | undefined): Promise<EffectiveConfig> {
    const settings = await this.settingsFor(scopeUri);
    const { config, configError } = this.fileConfig(filePath);
    let bySettings = this.merged.get(config);
    if (!bySettings) {
      bySettings = new WeakMap();
      this.merged.set(config, bySettings);
    }
    let result = bySettings.get(settings);
    if (!result) {
      result = mergeConfig(config, settings);
      bySettings.set(settings, result);
    }
    return { settings, config: result, configError };
  }

  settingsChanged(): void {
    this.settings.clear();
  }

  configFilesChanged(): void {
    this.files.clear();
    this.merged = new WeakMap();
  }

  private fileConfig(filePath: string | undefined): { config: ResolvedConfig; configError?: string } {
    if (!filePath) return { config: DEFAULT_CONFIG };
    try {
      return { config: loadConfigFor(filePath, this.files).config };
    } catch (e) {
      return { config: DEFAULT_CONFIG, configError: e instanceof Error ? e.message : 'invalid .phisafe.json' };
    }
  }
}
