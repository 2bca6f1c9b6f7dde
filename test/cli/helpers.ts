/**
 * Shared by the CLI tests: a built CLI (built here when dist/cli.js is missing or older than the sources), temp
 * trees, synthetic identifiers made in code, and a runner that fails any test whose output holds one of them.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prng } from '../../bench/synthetic.mjs';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(__dirname, '../..');
/** PHISAFE_TEST_CLI points the tests at another build (e.g. an installed package); it is then not rebuilt. */
export const CLI = process.env.PHISAFE_TEST_CLI ?? path.join(ROOT, 'dist', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/ unless it is newer than every source file (npm test builds before mocha, so this is usually free). */
export function ensureBuilt(): void {
  if (process.env.PHISAFE_TEST_CLI) return;
  let built: number;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newestMtime(path.join(ROOT, 'server', 'src')), statSync(path.join(ROOT, 'package.json')).mtimeMs);
  if (built >= sources) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `build failed:\n${r.stderr}`);
}

/** Deterministic pseudo-random digits, so values are made in code yet every run sees the same ones. */
export function digitSource(seed: number): () => number {
  const random = prng(seed);
  // The generator's 32-bit output (exact: a float times a power of two), then its last decimal digit.
  return () => (random() * 4294967296) % 10;
}

/** A dashed SSN with a valid structure (area 100-899 but not 666, group not 00, serial not 0000). */
export function syntheticSsn(seed: number): string {
  const next = digitSource(seed);
  const d = (n: number): string => Array.from({ length: n }, next).join('');
  for (;;) {
    const area = String(1 + (next() % 8)) + d(2);
    const group = d(2);
    const serial = d(4);
    if (area === '666' || group === '00' || serial === '0000') continue;
    return `${area}-${group}-${serial}`;
  }
}

/** An eight-digit medical record number that does not start with 0. */
export function syntheticMrn(seed: number): string {
  const next = digitSource(seed);
  return String(1 + (next() % 9)) + Array.from({ length: 7 }, next).join('');
}

/** Every value a test seeded, and forms of it that would still be a leak (digits without separators). */
export class SeededValues {
  private readonly values = new Set<string>();

  add(value: string): string {
    this.values.add(value);
    const digits = value.replace(/\D/g, '');
    if (digits.length >= 6) this.values.add(digits);
    return value;
  }

  assertAbsent(text: string, where: string): void {
    for (const v of this.values) {
      assert.ok(!text.includes(v), `${where} contains a seeded value (length ${v.length})`);
    }
  }
}

export type Tree = Record<string, string | Buffer | { symlink: string }>;

export function makeTree(files: Tree): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'phisafe-cli-'));
  writeTree(dir, files);
  return dir;
}

export function writeTree(dir: string, files: Tree): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.symlink, p);
    else writeFileSync(p, content);
  }
}

export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI; every output is checked for seeded values before the test sees it. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; seeded: SeededValues; env?: NodeJS.ProcessEnv; spawn?: SpawnSyncOptions; cli?: string },
): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PHISAFE_DEBUG: '', ...options.env };
  const r = spawnSync(process.execPath, [options.cli ?? CLI, ...args], { cwd: options.cwd, env, encoding: 'utf8', ...options.spawn });
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  options.seeded.assertAbsent(stdout, `stdout of phisafe ${args.join(' ')}`);
  options.seeded.assertAbsent(stderr, `stderr of phisafe ${args.join(' ')}`);
  return { status: r.status, stdout, stderr };
}

/** 1-based line and column of the first occurrence of `needle`, counted in UTF-16 code units. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, 'fixture does not contain the value');
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Shape of the JSON report; parsed and checked for exact keys by the tests. */
export interface JsonReport {
  findings: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; category: string; severity: string; message: string }>;
  errors: Array<{ file: string; message: string }>;
}

export function parseJsonReport(stdout: string): JsonReport {
  const report = JSON.parse(stdout) as JsonReport;
  assert.deepEqual(Object.keys(report), ['findings', 'errors']);
  for (const f of report.findings) {
    assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'category', 'severity', 'message']);
  }
  for (const e of report.errors) assert.deepEqual(Object.keys(e), ['file', 'message']);
  return report;
}
