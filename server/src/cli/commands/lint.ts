/** `phisafe lint [paths...]`: scan files for PHI and report in text, JSON or SARIF. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../../engine';
import { parseCommandArgs } from '../args';
import { EXIT_ERROR, UsageError, useColor } from '../io';
import { runLint } from '../lint/run';
import { reportWriter } from '../report/formats';
import type { ReportFormat, ReportWriter } from '../report/model';
import { fileSink, OutputError, streamSink, type ReportSink } from '../report/sink';
import type { CliCommand } from './types';

const OPTIONS = {
  format: { type: 'string', short: 'f', choices: ['text', 'json', 'sarif'] },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string', choices: ['error', 'warning', 'info'] },
  config: { type: 'string', short: 'c' },
  'max-file-size': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-progress': { type: 'boolean' },
  uc: { type: 'string' },
} as const;

const HELP = `Usage: phisafe lint [options] [paths...]

Scans notebooks (.py .sql .scala .r source notebooks, .ipynb), SQL, code and markdown for PHI
(HIPAA Safe Harbor identifiers). Paths default to "."; folders are walked, skipping .git,
node_modules and anything .gitignore ignores.

Options:
  -f, --format <text|json|sarif>  Report format (default: text)
  -o, --output <file>             Write the report to a file instead of stdout
      --fail-on <error|warning|info>
                                  Lowest severity that exits 1 (default: failOn from
                                  .phisafe.json, else warning)
  -c, --config <file>             Use this config file for every file (no discovery)
      --max-file-size <MB>        Skip (and report) files larger than this (default: 20)
      --baseline <file>           Report only findings not already in this baseline
      --write-baseline <file>     Record every current finding in a new baseline file
      --no-ignore                 Do not honour .gitignore files
  -q, --quiet                     Report errors only (no warnings or info)
      --no-progress               Never show the progress line on stderr
      --uc <file>                 Unity Catalog snapshot (JSON) for the column-mask rules
  -h, --help                      Show this help

Exit status:
  0  no findings at or above --fail-on, and every file was scanned
  1  findings at or above --fail-on
  2  usage, config or internal error; or, with no failing findings, some files
     could not be scanned

Examples:
  phisafe lint                                  lint the current folder
  phisafe lint notebooks/ --format sarif -o phisafe.sarif
  phisafe lint --write-baseline .phisafe-baseline.json
  phisafe lint --baseline .phisafe-baseline.json

Docs: docs/cli.md
`;

export const lint: CliCommand = {
  name: 'lint',
  summary: 'Scan files and folders for PHI (text, JSON or SARIF report)',
  help: HELP,
  async run(args, io) {
    const { text, flag, positiveNumber, positionals } = parseCommandArgs(args, OPTIONS);
    if (text('baseline') && text('write-baseline')) {
      throw new UsageError('use either --baseline or --write-baseline, not both');
    }
    const format = text('format') ?? 'text';
    const output = text('output');
    const reportFormat: ReportFormat = format === 'json' || format === 'sarif' ? { format }
      : { format: 'text', color: !output && useColor(io.stdout, io.env) };
    const options = {
      reportFormat,
      paths: positionals.length ? positionals : ['.'],
      configFile: text('config'),
      failOn: text('fail-on') as Severity | undefined,
      maxFileSizeMB: positiveNumber('max-file-size'),
      baselineFile: text('baseline'),
      writeBaselineFile: text('write-baseline'),
      noIgnore: flag('no-ignore'),
      quiet: flag('quiet'),
      progress: !flag('no-progress'),
      ucSnapshotFile: text('uc'),
      outputFile: output,
      workers: wholeNumberFromEnv(io.env, 'PHISAFE_WORKERS', '0 scans in-process'),
      workerHeapMB: wholeNumberFromEnv(io.env, 'PHISAFE_WORKER_HEAP_MB', 'megabytes of old generation per worker'),
      workerScript: scanWorkerScript(),
    };
    let sink: ReportSink | undefined;
    const openReport = (): ReportWriter => {
      sink = output ? fileSink(output) : streamSink(io.stdout);
      return reportWriter(reportFormat, sink, io.cwd);
    };
    try {
      const outcome = await runLint(options, io, openReport);
      sink?.close();
      for (const note of outcome.notes) io.stderr.write(`phisafe: ${note}\n`);
      return outcome.exitCode;
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      io.stderr.write(`phisafe: ${e.message}\n`);
      return EXIT_ERROR;
    }
  },
};

/** PHISAFE_WORKERS=N forces the pool size (0 scans in-process); unset lets the run decide. */
function wholeNumberFromEnv(env: NodeJS.ProcessEnv, name: string, meaning: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number (${meaning})`);
  return n;
}

/**
 * The built worker beside the bundle (dist/scan-worker.js, the engine alone); run from sources, the entry script
 * itself, which turns into a worker when loaded off the main thread.
 */
function scanWorkerScript(): string {
  const built = path.join(__dirname, 'scan-worker.js');
  return existsSync(built) ? built : process.argv[1];
}
