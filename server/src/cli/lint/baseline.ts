/**
 * Baselines let a team adopt phisafe on a repository with known findings: `--write-baseline` records a salted
 * fingerprint and a count per finding kind; `--baseline` reports only findings beyond those counts. The file
 * holds no values and no line numbers, so it can be committed and survives edits that move code around.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportFinding } from '../report/model';

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  /** Path relative to the baseline file's folder. */
  readonly file: string;
  readonly count: number;
}

export interface Baseline {
  readonly version: 1;
  readonly salt: string;
  readonly findings: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(file: string, problem: string) {
    super(`baseline ${file}: ${problem}`);
    this.name = 'BaselineError';
  }
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** Folder that fingerprint paths are relative to. */
export function baselineBase(baselineFile: string): string {
  return path.dirname(path.resolve(baselineFile));
}

export function readBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BaselineError(file, code === 'ENOENT' ? 'not found' : code ? `cannot be read (${code})` : 'is not valid JSON');
  }
  const b = raw as Partial<Baseline> | null;
  if (!b || typeof b !== 'object' || b.version !== 1 || typeof b.salt !== 'string' || b.salt.length < 16 || !Array.isArray(b.findings)) {
    throw new BaselineError(file, 'is not a phisafe baseline (expected version 1 with salt and findings)');
  }
  for (const e of b.findings) {
    if (!e || typeof e.fingerprint !== 'string' || typeof e.count !== 'number' || e.count < 1 || !Number.isInteger(e.count)) {
      throw new BaselineError(file, 'has an entry without a fingerprint and a positive whole count');
    }
  }
  return b as Baseline;
}

export function buildBaseline(salt: string, findings: readonly ReportFinding[], base: string): Baseline {
  const byFingerprint = new Map<string, { ruleId: string; file: string; count: number }>();
  for (const f of findings) {
    if (!f.fingerprint) continue;
    const entry = byFingerprint.get(f.fingerprint);
    if (entry) entry.count++;
    else byFingerprint.set(f.fingerprint, { ruleId: f.ruleId, file: path.relative(base, path.resolve(f.file)).split(path.sep).join('/'), count: 1 });
  }
  const entries = [...byFingerprint].map(([fingerprint, e]) => ({ fingerprint, ...e }));
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
  return { version: 1, salt, findings: entries };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/**
 * Findings the baseline does not account for. Within one fingerprint the first `count` findings (in report
 * order) count as known; the rest are new.
 */
export function subtractBaseline(findings: readonly ReportFinding[], baseline: Baseline): { fresh: ReportFinding[]; known: number } {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + e.count);
  const fresh: ReportFinding[] = [];
  let known = 0;
  for (const f of findings) {
    const left = f.fingerprint ? remaining.get(f.fingerprint) ?? 0 : 0;
    if (left > 0 && f.fingerprint) {
      remaining.set(f.fingerprint, left - 1);
      known++;
    } else {
      fresh.push(f);
    }
  }
  return { fresh, known };
}
