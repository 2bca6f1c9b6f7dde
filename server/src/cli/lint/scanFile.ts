/**
 * Scans one file from disk: size checked with stat before reading, read errors turned into a problem with a
 * short reason, findings converted to report rows. Runs in the main thread or in a worker.
 */
import { createHmac } from 'node:crypto';
import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import path from 'node:path';
import { scanBytes, type Finding, type ResolvedConfig } from '../../engine';
import { describeFsError } from '../../workspace/files';
import { compareFindings, type FileProblem, type RenderedBlock, type ReportFinding, type ReportFormat, type SeverityCounts } from '../report/model';

export interface ScanTask {
  /** Path as shown in the report (relative to the working folder unless given absolute). */
  readonly file: string;
  /** Config file that applies, absent for defaults. */
  readonly configPath?: string;
}

export interface ScanSettings {
  /** Overrides the config's maxFileSizeMB (`--max-file-size`). */
  readonly maxFileSizeMB?: number;
  /** With a salt, findings get fingerprints whose path is relative to `fingerprintBase`. */
  readonly fingerprintSalt?: string;
  readonly fingerprintBase?: string;
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** When set, the lane that scans a file also renders its report block (see prerender.ts). */
  readonly render?: RenderSettings;
}

/** What decides a file's report block when no baseline is involved: the format, and whether --quiet drops non-errors. */
export interface RenderSettings {
  readonly format: ReportFormat;
  readonly quiet: boolean;
}

/** A file's reported findings, already written in the report format, and how many of each severity it holds. */
export interface RenderedFile {
  /** Text where it was rendered; UTF-8 bytes once it has crossed from a worker (transferred, not copied). */
  readonly block: RenderedBlock | Uint8Array;
  readonly counts: SeverityCounts;
  /** Set on the main thread for a worker's bytes: hands their buffer back to the worker once written out. */
  readonly written?: () => void;
}

export interface FileResult {
  readonly file: string;
  /** Sorted by compareFindings; empty when `rendered` stands for them. */
  readonly findings: ReportFinding[];
  readonly rendered?: RenderedFile;
  readonly error?: FileProblem;
}

export function scanFileOnDisk(task: ScanTask, config: ResolvedConfig, settings: ScanSettings): FileResult {
  const effective = settings.maxFileSizeMB === undefined ? config : { ...config, maxFileSizeMB: settings.maxFileSizeMB };
  const problem = (message: string): FileResult => ({ file: task.file, findings: [], error: { file: task.file, message } });
  const bytes = readWithinLimit(task.file, effective.maxFileSizeMB * 1024 * 1024);
  if (typeof bytes === 'string') return problem(bytes);
  const fingerprintPath = settings.fingerprintBase === undefined ? undefined : fingerprintPathOf(task.file, settings.fingerprintBase);
  const result = scanBytes(task.file, bytes, {
    config: effective,
    inputs: settings.inputs,
    fingerprintSalt: settings.fingerprintSalt,
    fingerprintPath,
  });
  if (result.error) return problem(result.error.message);
  const findings = result.findings.map((f) => toReportFinding(task.file, f, settings.fingerprintSalt, fingerprintPath));
  findings.sort(compareFindings);
  return { file: task.file, findings };
}

/** The file's bytes, or why they were not read. The size is checked on the open handle, before reading. */
function readWithinLimit(file: string, limitBytes: number): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return describeFsError(e);
  }
  try {
    const { size } = fstatSync(fd);
    if (size > limitBytes) {
      return `file is ${(size / 1048576).toFixed(1)} MB, over the ${limitBytes / 1048576} MB limit (maxFileSizeMB or --max-file-size); skipped`;
    }
    // Not zero-filled: only the bytes read are ever looked at (a file that shrank is cut to what was read).
    const buffer = Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (e) {
    return describeFsError(e);
  } finally {
    closeSync(fd);
  }
}

/** Baseline paths are relative to the baseline file's folder, with `/`, so a baseline survives a moved checkout. */
export function fingerprintPathOf(file: string, base: string): string {
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

function toReportFinding(file: string, f: Finding, salt: string | undefined, fingerprintPath: string | undefined): ReportFinding {
  const r = f.range;
  return {
    file,
    line: r.line + 1,
    column: r.character + 1,
    endLine: r.endLine + 1,
    endColumn: r.endCharacter + 1,
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    fingerprint: salt === undefined ? undefined : f.fingerprint ?? fallbackFingerprint(salt, f, fingerprintPath ?? file),
  };
}

/** Analyzer findings (clusters, Unity Catalog) may come without a fingerprint; their message holds no PHI. */
function fallbackFingerprint(salt: string, f: Finding, fingerprintPath: string): string {
  return createHmac('sha256', salt).update(`${f.ruleId}\0${f.category}\0${fingerprintPath}\0${f.message}`).digest('hex').slice(0, 32);
}
