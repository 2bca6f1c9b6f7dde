/**
 * Baselines let a team adopt phisafe on a repository with known findings: `--write-baseline` records a salted
 * fingerprint and a count per finding kind; `--baseline` reports only findings beyond those counts. The file
 * holds no values and no line numbers, so it can be committed and survives edits that move code around.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportFinding } from '../report/model';
import { fileSink } from '../report/sink';

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

/**
 * Collects a new baseline file by file. A fingerprint hashes the file's path, so entries never merge across
 * files; each file's entries are kept as one compact string (`fingerprint\truleId\tcount` lines, by
 * fingerprint) until the baseline is written, not as an object per finding.
 */
export class BaselineRecorder {
  private readonly files: { readonly file: string; readonly entries: string }[] = [];
  private total = 0;

  constructor(private readonly base: string) {}

  /** One file's findings; those without a fingerprint are not baselined. */
  add(findings: readonly ReportFinding[]): void {
    const byFingerprint = new Map<string, { ruleId: string; count: number }>();
    for (const f of findings) {
      if (!f.fingerprint) continue;
      const entry = byFingerprint.get(f.fingerprint);
      if (entry) entry.count++;
      else byFingerprint.set(f.fingerprint, { ruleId: f.ruleId, count: 1 });
      this.total++;
    }
    if (byFingerprint.size === 0) return;
    const entries = [...byFingerprint].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([fp, e]) => `${fp}\t${e.ruleId}\t${e.count}`);
    this.files.push({ file: relativeTo(this.base, findings[0].file), entries: entries.join('\n') });
  }

  /** Findings recorded, counting repeats. */
  get count(): number {
    return this.total;
  }

  /** Writes the file as `JSON.stringify(baseline, null, 2)` would, entries by file then fingerprint. */
  write(target: string, salt: string): void {
    const sink = fileSink(target);
    sink.write(`{\n  "version": 1,\n  "salt": ${JSON.stringify(salt)},\n  "findings": [`);
    let first = true;
    for (const { file, entries } of [...this.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      for (const line of entries.split('\n')) {
        const [fingerprint, ruleId, count] = line.split('\t');
        const entry: BaselineEntry = { fingerprint, ruleId, file, count: Number(count) };
        sink.write(`${first ? '' : ','}\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`);
        first = false;
      }
    }
    sink.write(first ? ']\n}\n' : '\n  ]\n}\n');
    sink.close();
  }
}

function relativeTo(base: string, file: string): string {
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

/**
 * Decides which findings a baseline already holds. Within one fingerprint the first `count` findings (in report
 * order) count as known; the rest are new.
 */
export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();

  constructor(baseline: Baseline) {
    for (const e of baseline.findings) this.remaining.set(e.fingerprint, (this.remaining.get(e.fingerprint) ?? 0) + e.count);
  }

  isKnown(f: ReportFinding): boolean {
    const left = f.fingerprint ? this.remaining.get(f.fingerprint) ?? 0 : 0;
    if (left <= 0 || !f.fingerprint) return false;
    this.remaining.set(f.fingerprint, left - 1);
    return true;
  }
}
