/**
 * Scans many files on a worker_threads pool; few files are scanned in-process, where starting workers would
 * cost more than it saves. Workers get paths and config paths and send back report rows: findings never hold
 * a matched value, so nothing sensitive crosses the thread boundary.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../engine';
import { ConfigCache, loadConfigFile } from '../../workspace/configFile';
import { scanFileOnDisk, type FileResult, type ScanSettings, type ScanTask } from './scanFile';

/** Below this many files a run stays in-process. */
const POOL_MIN_FILES = 64;
/** Files per message to a worker: large enough to amortise messaging, small enough to balance load. */
const BATCH_SIZE = 16;
const WORKER_KIND = 'phisafe-scan-worker';

interface WorkerSetup {
  readonly kind: typeof WORKER_KIND;
  readonly settings: ScanSettings;
}

interface BatchRequest {
  readonly id: number;
  readonly tasks: readonly ScanTask[];
}

interface BatchReply {
  readonly id: number;
  readonly results: FileResult[];
}

export interface PoolOptions {
  readonly settings: ScanSettings;
  /** Called after each file, for the progress line. */
  readonly onFileDone?: () => void;
  /** Forces the number of workers (0 = in-process); from PHISAFE_WORKERS. */
  readonly workers?: number;
  /** The script a worker runs: the CLI itself, which turns into a worker when loaded off the main thread. */
  readonly workerScript: string;
}

export async function scanAll(tasks: readonly ScanTask[], options: PoolOptions): Promise<FileResult[]> {
  const size = options.workers ?? (tasks.length < POOL_MIN_FILES ? 0 : Math.min(availableParallelism(), Math.ceil(tasks.length / POOL_MIN_FILES)));
  if (size < 1 || tasks.length === 0) return scanInProcess(tasks, options);
  return scanOnWorkers(tasks, Math.min(size, Math.ceil(tasks.length / BATCH_SIZE) || 1), options);
}

function scanInProcess(tasks: readonly ScanTask[], options: PoolOptions): FileResult[] {
  const configs = configLoader();
  return tasks.map((task) => {
    const result = scanTask(task, configs, options.settings);
    options.onFileDone?.();
    return result;
  });
}

function scanOnWorkers(tasks: readonly ScanTask[], size: number, options: PoolOptions): Promise<FileResult[]> {
  const batches: ScanTask[][] = [];
  for (let i = 0; i < tasks.length; i += BATCH_SIZE) batches.push(tasks.slice(i, i + BATCH_SIZE));
  const results: FileResult[][] = new Array(batches.length);
  let next = 0;
  let running = 0;
  return new Promise((resolve) => {
    const finishIfDone = (): void => {
      if (running === 0 && next >= batches.length) resolve(results.flat());
    };
    const start = (): void => {
      const setup: WorkerSetup = { kind: WORKER_KIND, settings: options.settings };
      const worker = new Worker(options.workerScript, { workerData: setup, stdout: false, stderr: false });
      running++;
      let current = -1;
      const feed = (): void => {
        if (next >= batches.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, tasks: batches[current] } satisfies BatchRequest);
      };
      worker.on('message', (reply: BatchReply) => {
        results[reply.id] = reply.results;
        for (let i = 0; i < reply.results.length; i++) options.onFileDone?.();
        feed();
      });
      // A worker that dies takes only its batch with it; the files are reported, the run goes on.
      worker.on('error', (e: Error) => {
        if (current >= 0 && !results[current]) {
          results[current] = batches[current].map((t) => failed(t, `internal error while scanning (${e.name}); please report it`));
          for (let i = 0; i < batches[current].length; i++) options.onFileDone?.();
        }
        current = -1;
      });
      worker.on('exit', () => {
        running--;
        if (current >= 0 && !results[current]) {
          results[current] = batches[current].map((t) => failed(t, 'internal error while scanning (worker exited); please report it'));
          for (let i = 0; i < batches[current].length; i++) options.onFileDone?.();
        }
        if (next < batches.length && running < size) start();
        finishIfDone();
      });
      feed();
    };
    for (let i = 0; i < size; i++) start();
  });
}

/** Runs in a worker: answers batches until the pool terminates it. */
export function runScanWorker(): boolean {
  const setup = workerData as WorkerSetup | undefined;
  if (!parentPort || setup?.kind !== WORKER_KIND) return false;
  const port = parentPort;
  const configs = configLoader();
  port.on('message', (request: BatchRequest) => {
    const results = request.tasks.map((task) => scanTask(task, configs, setup.settings));
    port.postMessage({ id: request.id, results } satisfies BatchReply);
  });
  return true;
}

type ConfigLoader = (configPath: string | undefined) => ResolvedConfig;

function configLoader(): ConfigLoader {
  const cache = new ConfigCache();
  return (configPath) => (configPath === undefined ? DEFAULT_CONFIG : loadConfigFile(configPath, cache).config);
}

function scanTask(task: ScanTask, configs: ConfigLoader, settings: ScanSettings): FileResult {
  try {
    return scanFileOnDisk(task, configs(task.configPath), settings);
  } catch (e) {
    // Config errors were caught before the scan; anything here is ours, reported by kind alone.
    return failed(task, `internal error while scanning (${e instanceof Error ? e.name : 'error'}); please report it`);
  }
}

function failed(task: ScanTask, message: string): FileResult {
  return { file: task.file, findings: [], error: { file: task.file, message } };
}
