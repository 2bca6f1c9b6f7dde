/**
 * `.phisafe.json`: the shape, its defaults and how it is resolved. Discovery on disk lives in
 * configDiscovery.ts (it needs fs); this module stays pure so the server and the CLI share it.
 */
import type { Category, Severity, SeveritySetting } from './model';

export interface CustomPattern {
  /** Short id shown in messages, e.g. `site-mrn`. */
  readonly id: string;
  readonly category: Category;
  /** A JavaScript regular expression without nested quantifiers (checked: must run in linear time). */
  readonly pattern: string;
  readonly description?: string;
}

export interface PhisafeConfig {
  /** Severity per rule id, or `off`. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Globs (relative to the config file) of files to scan; default: every supported file. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Extra column/key words per category, e.g. `{"mrn": ["chart_no"]}`. */
  readonly contextWords?: Readonly<Partial<Record<Category, readonly string[]>>>;
  readonly customPatterns?: readonly CustomPattern[];
  /** Values that are known to be synthetic or public (exact text, or `/regex/`). */
  readonly allow?: readonly string[];
  /** Files larger than this are reported as errors and skipped. */
  readonly maxFileSizeMB?: number;
  /** Lowest severity that makes `phisafe lint` exit 1. */
  readonly failOn?: Severity;
  /** Settings of other rule families (Unity Catalog, clusters), read by their own modules. */
  readonly [family: string]: unknown;
}

export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly contextWords: Readonly<Partial<Record<Category, readonly string[]>>>;
  readonly customPatterns: readonly CustomPattern[];
  readonly allow: readonly string[];
  readonly maxFileSizeMB: number;
  readonly failOn: Severity;
  readonly raw: PhisafeConfig;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  include: [],
  exclude: [],
  contextWords: {},
  customPatterns: [],
  allow: [],
  maxFileSizeMB: 20,
  failOn: 'warning',
  raw: {},
};

export function resolveConfig(config: PhisafeConfig | undefined): ResolvedConfig {
  if (!config) return DEFAULT_CONFIG;
  return {
    rules: config.rules ?? {},
    include: config.include ?? [],
    exclude: config.exclude ?? [],
    contextWords: config.contextWords ?? {},
    customPatterns: config.customPatterns ?? [],
    allow: config.allow ?? [],
    maxFileSizeMB: config.maxFileSizeMB ?? DEFAULT_CONFIG.maxFileSizeMB,
    failOn: config.failOn ?? DEFAULT_CONFIG.failOn,
    raw: config,
  };
}
