/**
 * Scans many files on a worker_threads pool with the main thread as one more lane (one lane per core: each
 * thread carries its own copy of the engine, so a thread more than the cores costs memory and gains nothing);
 * few files are scanned in-process, where starting workers would cost more than it saves. Results come back in task order, each as soon as it and every file before it are
 * done: a bounded reorder window, so a run holds a few files' findings at a time whatever its size. Workers get
 * paths and config paths and send back packed report rows: findings never hold a matched value, so nothing
 * sensitive crosses the thread boundary.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../engine';
import { ConfigCache, loadConfigFile } from '../../workspace/configFile';
import { packResult, unpackResult, type PackedResult } from './packed';
import { scanFileOnDisk, type FileResult, type ScanSettings, type ScanTask } from './scanFile';

/** Below this many files a run stays in-process. */
const POOL_MIN_FILES = 64;
/** Young generation of a worker: V8's default lets each thread keep tens of MB of garbage; this keeps speed. */
const WORKER_YOUNG_GENERATION_MB = 16;
/** Files queued at each worker, so it never waits on the main thread between files. */
const QUEUED_PER_WORKER = 3;
/** How far past the oldest unfinished file the pool may run; bounds the findings held for reordering. */
const REORDER_WINDOW = 48;
const WORKER_KIND = 'phisafe-scan-worker';

interface WorkerSetup {
  readonly kind: typeof WORKER_KIND;
  readonly settings: ScanSettings;
}

interface FileRequest {
  readonly index: number;
  readonly task: ScanTask;
}

interface FileReply {
  readonly index: number;
  readonly result: PackedResult;
}

export interface PoolOptions {
  readonly settings: ScanSettings;
  /** Each file's result, in task order. May throw: the pool then stops its workers and rejects. */
  readonly onResult: (result: FileResult) => void;
  /** Forces the number of worker threads beside the main thread (0 = in-process); from PHISAFE_WORKERS. */
  readonly workers?: number;
  /** The script a worker runs: the CLI itself, which turns into a worker when loaded off the main thread. */
  readonly workerScript: string;
}

export async function scanInOrder(tasks: readonly ScanTask[], options: PoolOptions): Promise<void> {
  const workers = options.workers ?? defaultWorkers(tasks.length);
  if (workers < 1 || tasks.length === 0) {
    scanInProcess(tasks, options);
    return;
  }
  await new WorkerPool(tasks, Math.min(workers, tasks.length), options).run();
}

/** One lane per core, the main thread being one of them; fewer for smaller runs. */
function defaultWorkers(files: number): number {
  return files < POOL_MIN_FILES ? 0 : Math.min(availableParallelism(), Math.ceil(files / POOL_MIN_FILES)) - 1;
}

function scanInProcess(tasks: readonly ScanTask[], options: PoolOptions): void {
  const configs = configLoader();
  for (const task of tasks) options.onResult(scanTask(task, configs, options.settings));
}

/**
 * Hands files out in order, at most REORDER_WINDOW ahead of the oldest unfinished one, to the workers and to the
 * main thread, which scans one file per event-loop turn so worker replies are taken between its files.
 */
class WorkerPool {
  private readonly configs = configLoader();
  private localScheduled = false;
  private nextToSend = 0;
  private nextToDeliver = 0;
  private readonly done = new Map<number, FileResult>();
  private readonly workers = new Map<Worker, Set<number>>();
  private failure: { error: unknown } | undefined;
  private settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(private readonly tasks: readonly ScanTask[], private readonly size: number, private readonly options: PoolOptions) {}

  run(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      for (let i = 0; i < this.size; i++) this.start();
      this.feedAll();
    });
  }

  private start(): void {
    const setup: WorkerSetup = { kind: WORKER_KIND, settings: this.options.settings };
    const worker = new Worker(this.options.workerScript, {
      workerData: setup, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const inFlight = new Set<number>();
    this.workers.set(worker, inFlight);
    worker.on('message', (reply: FileReply) => {
      inFlight.delete(reply.index);
      this.finish(reply.index, unpackResult(reply.result));
    });
    // A worker that dies takes only its queued files with it; they are reported, the run goes on.
    worker.on('error', (e: Error) => this.lose(worker, `internal error while scanning (${e.name}); please report it`));
    worker.on('exit', () => this.lose(worker, 'internal error while scanning (worker exited); please report it'));
  }

  private lose(worker: Worker, message: string): void {
    const inFlight = this.workers.get(worker);
    if (!inFlight) return;
    this.workers.delete(worker);
    for (const index of [...inFlight].sort((a, b) => a - b)) this.finish(index, failed(this.tasks[index], message));
    if (this.settle && this.nextToSend < this.tasks.length) this.start();
    this.feedAll();
  }

  private finish(index: number, result: FileResult): void {
    if (!this.settle) return;
    this.done.set(index, result);
    try {
      for (let r = this.done.get(this.nextToDeliver); r; r = this.done.get(this.nextToDeliver)) {
        this.done.delete(this.nextToDeliver++);
        this.options.onResult(r);
      }
    } catch (e) {
      this.failure = { error: e };
    }
    this.feedAll();
  }

  private canSend(): boolean {
    return this.nextToSend < this.tasks.length && this.nextToSend < this.nextToDeliver + REORDER_WINDOW;
  }

  private scheduleLocal(): void {
    if (this.localScheduled || !this.canSend()) return;
    this.localScheduled = true;
    setImmediate(() => {
      this.localScheduled = false;
      if (!this.settle || !this.canSend()) return;
      const index = this.nextToSend++;
      this.finish(index, scanTask(this.tasks[index], this.configs, this.options.settings));
    });
  }

  private feedAll(): void {
    if (!this.settle) return;
    if (this.failure || this.nextToDeliver >= this.tasks.length) {
      const { resolve, reject } = this.settle;
      this.settle = undefined;
      for (const worker of this.workers.keys()) void worker.terminate();
      this.workers.clear();
      if (this.failure) reject(this.failure.error);
      else resolve();
      return;
    }
    for (const [worker, inFlight] of this.workers) {
      while (inFlight.size < QUEUED_PER_WORKER && this.canSend()) {
        const index = this.nextToSend++;
        inFlight.add(index);
        worker.postMessage({ index, task: this.tasks[index] } satisfies FileRequest);
      }
    }
    this.scheduleLocal();
  }
}

/** Runs in a worker: answers files until the pool terminates it. */
export function runScanWorker(): boolean {
  const setup = workerData as WorkerSetup | undefined;
  if (!parentPort || setup?.kind !== WORKER_KIND) return false;
  const port = parentPort;
  const configs = configLoader();
  port.on('message', (request: FileRequest) => {
    const result = packResult(scanTask(request.task, configs, setup.settings));
    port.postMessage({ index: request.index, result } satisfies FileReply, [result.numbers.buffer as ArrayBuffer]);
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
