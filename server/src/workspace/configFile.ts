/**
 * `.phisafe.json` on disk: discovery upward from a file, parsing, validation with messages that name the file
 * and the key, and include/exclude matching relative to the config file's folder. Shared by the CLI and the
 * language server; the shape and defaults live in engine/config.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CATEGORIES, resolveConfig, type CustomPattern, type PhisafeConfig, type ResolvedConfig } from '../engine';
import { compileCustomPatterns } from '../engine/detectors/custom';
import { compileGlobs, GlobError, type GlobMatcher } from './globs';

export const CONFIG_FILE_NAME = '.phisafe.json';

/** A config file that cannot be used. The message names the file and the key, never a value from it. */
export class ConfigError extends Error {
  constructor(readonly configPath: string, message: string) {
    super(`${configPath}: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  readonly config: ResolvedConfig;
  /** Absent when no config file applies (defaults are used). */
  readonly configPath?: string;
}

/** Caches config files by path and the lookup result by folder; clear it when a config file changes. */
export class ConfigCache {
  readonly byDirectory = new Map<string, LoadedConfig>();
  readonly byFile = new Map<string, LoadedConfig>();

  clear(): void {
    this.byDirectory.clear();
    this.byFile.clear();
  }
}

const SEVERITIES = ['error', 'warning', 'info'] as const;
const RULE_SETTINGS = [...SEVERITIES, 'off'] as const;
/** Families whose settings other modules own and validate (Unity Catalog, cluster targets). */
const FAMILY_KEYS = ['uc', 'cluster'] as const;
const KNOWN_KEYS = new Set<string>([
  '$schema', 'rules', 'include', 'exclude', 'contextWords', 'customPatterns', 'allow', 'maxFileSizeMB', 'failOn',
  ...FAMILY_KEYS,
]);
const CUSTOM_PATTERN_KEYS = new Set(['id', 'category', 'pattern', 'description']);
const CATEGORY_SET = new Set<string>(CATEGORIES);

/**
 * Finds the nearest `.phisafe.json` in the file's folder or above it (up to the filesystem root) and resolves
 * it. Throws ConfigError when the file found is invalid.
 */
export function loadConfigFor(filePath: string, cache: ConfigCache = new ConfigCache()): LoadedConfig {
  const start = path.dirname(path.resolve(filePath));
  const visited: string[] = [];
  let found: LoadedConfig | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const cached = cache.byDirectory.get(dir);
    if (cached) {
      found = cached;
      break;
    }
    visited.push(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) {
      found = loadConfigFile(candidate, cache);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  const result = found ?? { config: resolveConfig(undefined) };
  for (const dir of visited) cache.byDirectory.set(dir, result);
  return result;
}

/** Reads, validates and resolves one config file (for `--config` and discovery). */
export function loadConfigFile(configPath: string, cache?: ConfigCache): LoadedConfig {
  const absolute = path.resolve(configPath);
  const cached = cache?.byFile.get(absolute);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (e) {
    throw new ConfigError(configPath, `cannot be read (${errorCode(e)})`);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    const { line, column } = lineColumn(text, first.offset);
    throw new ConfigError(configPath, `is not valid JSON: ${printParseErrorCode(first.error)} at line ${line}, column ${column}`);
  }
  const loaded: LoadedConfig = { config: resolveConfig(validateConfig(raw, configPath)), configPath: absolute };
  cache?.byFile.set(absolute, loaded);
  return loaded;
}

/** Checks a parsed config against the PhisafeConfig shape; the same rules as schemas/phisafe.schema.json. */
export function validateConfig(raw: unknown, configPath: string): PhisafeConfig {
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(configPath, `${key === '' ? 'the top level' : `"${key}"`} ${problem}`);
  };
  if (!isRecord(raw)) return fail('', 'must be a JSON object');
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) fail(key, `is not a known setting (known: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})`);
  }
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') fail('$schema', 'must be a string');
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) fail('rules', 'must be an object of rule id → severity');
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (id.trim() === '') fail('rules', 'has an empty rule id');
      if (!isOneOf(setting, RULE_SETTINGS)) fail(`rules.${id}`, `must be one of ${RULE_SETTINGS.join(', ')}`);
    }
  }
  for (const key of ['include', 'exclude'] as const) {
    checkStringList(raw[key], key, fail);
    for (const glob of (raw[key] as string[] | undefined) ?? []) {
      try {
        compileGlobs([glob]);
      } catch (e) {
        fail(key, e instanceof GlobError ? `has a glob that ${e.message.replace(/^glob "[^"]*" /, '')}` : 'has an invalid glob');
      }
    }
  }
  checkStringList(raw.allow, 'allow', fail);
  if (raw.contextWords !== undefined) {
    if (!isRecord(raw.contextWords)) fail('contextWords', 'must be an object of category → list of words');
    for (const [category, words] of Object.entries(raw.contextWords as Record<string, unknown>)) {
      if (!CATEGORY_SET.has(category)) fail(`contextWords.${category}`, `is not a category (one of ${CATEGORIES.join(', ')})`);
      checkStringList(words, `contextWords.${category}`, fail);
    }
  }
  if (raw.customPatterns !== undefined) {
    if (!Array.isArray(raw.customPatterns)) fail('customPatterns', 'must be a list of {id, category, pattern, description}');
    (raw.customPatterns as unknown[]).forEach((p, i) => checkCustomPattern(p, `customPatterns[${i}]`, fail));
  }
  if (raw.maxFileSizeMB !== undefined) {
    const n = raw.maxFileSizeMB;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) fail('maxFileSizeMB', 'must be a number greater than 0');
  }
  if (raw.failOn !== undefined && !isOneOf(raw.failOn, SEVERITIES)) fail('failOn', `must be one of ${SEVERITIES.join(', ')}`);
  for (const family of FAMILY_KEYS) {
    if (raw[family] !== undefined && !isRecord(raw[family])) fail(family, 'must be an object');
  }
  return raw as PhisafeConfig;
}

function checkCustomPattern(p: unknown, key: string, fail: (key: string, problem: string) => never): void {
  if (!isRecord(p)) fail(key, 'must be an object with id, category and pattern');
  const entry = p as Record<string, unknown>;
  for (const k of Object.keys(entry)) if (!CUSTOM_PATTERN_KEYS.has(k)) fail(`${key}.${k}`, 'is not a known field (id, category, pattern, description)');
  if (typeof entry.id !== 'string' || entry.id.trim() === '') fail(`${key}.id`, 'must be a non-empty string');
  if (typeof entry.category !== 'string' || !CATEGORY_SET.has(entry.category)) fail(`${key}.category`, `must be one of ${CATEGORIES.join(', ')}`);
  if (typeof entry.pattern !== 'string' || entry.pattern === '') fail(`${key}.pattern`, 'must be a non-empty string');
  if (entry.description !== undefined && typeof entry.description !== 'string') fail(`${key}.description`, 'must be a string');
  try {
    new RegExp(entry.pattern as string);
  } catch {
    fail(`${key}.pattern`, 'is not a valid regular expression');
  }
  try {
    compileCustomPatterns([entry as unknown as CustomPattern]);
  } catch (e) {
    // The engine refuses patterns that could backtrack; its message describes the pattern, not data.
    fail(`${key}.pattern`, `is rejected: ${e instanceof Error ? e.message : 'not a safe pattern'}`);
  }
}

function checkStringList(value: unknown, key: string, fail: (key: string, problem: string) => never): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) fail(key, 'must be a list of non-empty strings');
}

/**
 * Whether a file is selected by the config's include/exclude globs, which are relative to the config file's
 * folder. With no config file every file is included. A file outside the config's folder is matched by its
 * name alone.
 */
export function isIncludedByConfig(filePath: string, loaded: LoadedConfig): boolean {
  const { config, configPath } = loaded;
  if (!config.include.length && !config.exclude.length) return true;
  const base = configPath ? path.dirname(configPath) : process.cwd();
  let relative = path.relative(base, path.resolve(filePath)).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) relative = path.basename(filePath);
  const matchers = matchersFor(config);
  if (config.include.length && !matchers.include(relative)) return false;
  return !matchers.exclude(relative);
}

const compiled = new WeakMap<ResolvedConfig, { include: GlobMatcher; exclude: GlobMatcher }>();

function matchersFor(config: ResolvedConfig): { include: GlobMatcher; exclude: GlobMatcher } {
  let m = compiled.get(config);
  if (!m) {
    m = { include: compileGlobs(config.include), exclude: compileGlobs(config.exclude) };
    compiled.set(config, m);
  }
  return m;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOneOf<T extends string>(v: unknown, options: readonly T[]): v is T {
  return typeof v === 'string' && (options as readonly string[]).includes(v);
}

function errorCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : code ?? 'read error';
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
