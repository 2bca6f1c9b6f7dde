/**
 * One `phisafe lint` run: walk the paths, pick each file's config, scan (in-process or on workers), apply the
 * baseline, and decide the exit code. Writes nothing but the report and, when asked, the baseline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../../engine';
import { parseUcSnapshot, type UcSnapshot } from '../../databricks/ucModel';
import { CONFIG_FILE_NAME, ConfigCache, isIncludedByConfig, loadConfigFile, loadConfigFor, type LoadedConfig } from '../../workspace/configFile';
import { walkFiles } from '../../workspace/files';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from '../io';
import { atLeast, compareFindings, compareProblems, type FileProblem, type LintReport, type ReportFinding } from '../report/model';
import { baselineBase, buildBaseline, newSalt, readBaseline, subtractBaseline, writeBaseline, type Baseline } from './baseline';
import { scanAll } from './pool';
import { ProgressLine } from './progress';
import type { ScanSettings, ScanTask } from './scanFile';

export interface LintOptions {
  readonly paths: readonly string[];
  readonly configFile?: string;
  readonly failOn?: Severity;
  readonly maxFileSizeMB?: number;
  readonly baselineFile?: string;
  readonly writeBaselineFile?: string;
  readonly noIgnore: boolean;
  readonly quiet: boolean;
  readonly progress: boolean;
  readonly ucSnapshotFile?: string;
  /** The --output target, never scanned itself. */
  readonly outputFile?: string;
  readonly workers?: number;
  readonly workerScript: string;
}

export interface LintOutcome {
  readonly report: LintReport;
  readonly exitCode: number;
  /** Notes for stderr (ignored explicit files, the baseline written). */
  readonly notes: readonly string[];
}

export async function runLint(options: LintOptions, io: CliIO): Promise<LintOutcome> {
  const notes: string[] = [];
  const explicit = options.configFile ? loadConfigFile(options.configFile) : undefined;
  const baseline = options.baselineFile ? readBaseline(options.baselineFile) : undefined;
  const baselineFile = options.baselineFile ?? options.writeBaselineFile;
  const salt = baseline?.salt ?? (options.writeBaselineFile ? newSalt() : undefined);
  const settings: ScanSettings = {
    maxFileSizeMB: options.maxFileSizeMB,
    fingerprintSalt: salt,
    fingerprintBase: baselineFile ? baselineBase(baselineFile) : undefined,
    inputs: options.ucSnapshotFile ? { ucSnapshot: readUcSnapshot(options.ucSnapshotFile) } : undefined,
  };

  // phisafe's own files (config, baselines, the report being written) are not scanned as project files.
  const ownFiles = new Set([options.baselineFile, options.writeBaselineFile, options.outputFile, options.configFile, options.ucSnapshotFile]
    .filter((f): f is string => f !== undefined).map((f) => path.resolve(io.cwd, f)));
  const problems: FileProblem[] = [];
  const tasks: ScanTask[] = [];
  const failOnByFile = new Map<string, Severity>();
  const cache = new ConfigCache();
  for await (const file of walkFiles(options.paths, {
    noIgnore: options.noIgnore,
    onError: (file, message) => problems.push({ file, message }),
    onIgnoredFile: (file) => notes.push(`warning: ${file} is ignored by .gitignore and was not linted (use --no-ignore to lint it)`),
  })) {
    const absolute = path.resolve(io.cwd, file);
    if (ownFiles.has(absolute) || path.basename(file) === CONFIG_FILE_NAME) continue;
    const loaded: LoadedConfig = explicit ?? loadConfigFor(absolute, cache);
    if (!isIncludedByConfig(file, loaded)) continue;
    tasks.push({ file, configPath: loaded.configPath });
    failOnByFile.set(file, options.failOn ?? loaded.config.failOn);
  }

  const progress = ProgressLine.for(io.stderr, tasks.length, options.progress);
  const results = await scanAll(tasks, {
    settings, workers: options.workers, workerScript: options.workerScript, onFileDone: () => progress.tick(),
  });
  progress.clear();

  let findings: ReportFinding[] = [];
  for (const r of results) {
    if (r.error) problems.push(r.error);
    else findings.push(...r.findings);
  }
  findings.sort(compareFindings);
  problems.sort(compareProblems);

  let baselined = 0;
  if (options.writeBaselineFile && salt !== undefined && settings.fingerprintBase) {
    const written: Baseline = buildBaseline(salt, findings, settings.fingerprintBase);
    writeBaseline(options.writeBaselineFile, written);
    notes.push(`wrote a baseline of ${written.findings.reduce((n, e) => n + e.count, 0)} finding(s) to ${options.writeBaselineFile}`);
    ({ fresh: findings, known: baselined } = subtractBaseline(findings, written));
  } else if (baseline) {
    ({ fresh: findings, known: baselined } = subtractBaseline(findings, baseline));
  }
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');

  const report: LintReport = { findings, errors: problems, filesScanned: results.length - results.filter((r) => r.error).length, baselined };
  return { report, exitCode: exitCodeFor(report, failOnByFile, options.failOn), notes };
}

/** 1 for failing findings; otherwise 2 when some file could not be scanned; otherwise 0. */
function exitCodeFor(report: LintReport, failOnByFile: ReadonlyMap<string, Severity>, fallback: Severity | undefined): number {
  const failing = report.findings.some((f) => atLeast(f.severity, failOnByFile.get(f.file) ?? fallback ?? 'warning'));
  if (failing) return EXIT_FINDINGS;
  return report.errors.length ? EXIT_ERROR : EXIT_OK;
}

/** Reads and validates the snapshot up front: a malformed one is a usage error, not a silently empty catalog. */
function readUcSnapshot(file: string): UcSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--uc ${file}: ${code === 'ENOENT' ? 'not found' : code ? `cannot be read (${code})` : 'is not valid JSON'}`);
  }
  try {
    return parseUcSnapshot(data);
  } catch (e) {
    throw new UsageError(`--uc ${file}: ${e instanceof Error ? e.message : 'not a phisafe Unity Catalog snapshot'}`);
  }
}
