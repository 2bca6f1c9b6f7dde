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
import { SEVERITIES, atLeast, compareProblems, compareText, type FileProblem, type ReportFormat, type ReportWriter, type RunSummary, type SeverityCounts } from '../report/model';
import { BaselineMatcher, BaselineRecorder, baselineBase, newSalt, readBaseline } from './baseline';
import { scanInOrder } from './pool';
import { ProgressLine } from './progress';
import { Tally, type BaselineMode } from './tally';
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
  /** The report's format: with no baseline, the lane that scans a file also renders its block. */
  readonly reportFormat?: ReportFormat;
  readonly workers?: number;
  readonly workerHeapMB?: number;
  readonly workerScript: string;
}

export interface LintOutcome {
  readonly summary: RunSummary;
  readonly exitCode: number;
  /** Notes for stderr (ignored explicit files, the baseline written). */
  readonly notes: readonly string[];
}

/**
 * Walks, then scans files in path order and hands each file's reported findings to the writer `openReport`
 * gives (called once the files are known, just before scanning), so nothing holds the whole run's findings.
 */
export async function runLint(options: LintOptions, io: CliIO, openReport: () => ReportWriter): Promise<LintOutcome> {
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
    // A baseline decides per finding what is reported, so only without one can the scanning lane render.
    render: options.reportFormat && !baselineFile ? { format: options.reportFormat, quiet: options.quiet } : undefined,
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
  // Report order is path order, not walk order (several roots, and "a/x" walks before "a-b").
  tasks.sort((a, b) => compareText(a.file, b.file));

  const writer = openReport();
  writer.begin();
  const recorder = options.writeBaselineFile && salt !== undefined && settings.fingerprintBase ? new BaselineRecorder(settings.fingerprintBase) : undefined;
  const mode: BaselineMode = recorder ? { kind: 'record', recorder } : baseline ? { kind: 'match', matcher: new BaselineMatcher(baseline) } : { kind: 'none' };
  const tally = new Tally(mode, options.quiet);
  let failing = false;
  const progress = ProgressLine.for(io.stderr, tasks.length, options.progress);
  try {
    const pool = await scanInOrder(tasks, {
      settings,
      workers: options.workers,
      workerHeapMB: options.workerHeapMB,
      workerScript: options.workerScript,
      output: options.outputFile === undefined ? io.stdout : undefined,
      onResult: (result) => {
        progress.tick();
        if (result.error) {
          problems.push(result.error);
          return;
        }
        const threshold = failOnByFile.get(result.file) ?? options.failOn ?? 'warning';
        if (result.rendered) {
          const { block, counts } = result.rendered;
          const count = tally.rendered(counts);
          failing ||= reachesThreshold(counts, threshold);
          if (count > 0) writer.rendered(block, count, result.rendered.written);
          else result.rendered.written?.();
          return;
        }
        const reported = tally.file(result.findings);
        if (reported.length === 0) return;
        failing ||= reported.some((f) => atLeast(f.severity, threshold));
        writer.file(reported);
      },
    });
    if (pool.rescanned > 0) {
      notes.push(`note: ${pool.rescanned} file(s) did not fit a scan worker's heap and were scanned on the main thread (PHISAFE_WORKER_HEAP_MB raises the cap)`);
    }
  } finally {
    progress.clear();
  }
  problems.sort(compareProblems);

  if (recorder && options.writeBaselineFile && salt !== undefined) {
    recorder.write(options.writeBaselineFile, salt);
    notes.push(`wrote a baseline of ${recorder.count} finding(s) to ${options.writeBaselineFile}`);
  }
  const summary = tally.summary(problems);
  writer.end(summary);
  const exitCode = failing ? EXIT_FINDINGS : problems.length ? EXIT_ERROR : EXIT_OK;
  return { summary, exitCode, notes };
}

function reachesThreshold(counts: SeverityCounts, threshold: Severity): boolean {
  return SEVERITIES.some((s) => counts[s] > 0 && atLeast(s, threshold));
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
