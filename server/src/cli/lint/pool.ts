/**
 * Scans many files on a worker_threads pool, one worker per core; few files are scanned in-process, where
 * starting workers would cost more than it saves. The main thread walks, reorders and writes the report, and
 * scans only the files a worker should not: those too large for a worker's capped heap, and any a worker lost
 * by running out of it. Workers have a bounded heap, so a run's memory does not grow with its size, and a young
 * generation large enough that a file's short-lived objects die young instead of being promoted and collected
 * again. Results come back in task order, each as soon as it and every file before it are done: a bounded
 * reorder window, so a run holds a few files' findings at a time. Workers get paths and config paths and send
 * back rendered report blocks or packed report rows: neither holds a matched value, so nothing sensitive
 * crosses the thread boundary.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../engine';
import { ConfigCache, loadConfigFile } from '../../workspace/configFile';
import { BlockEncoder, packResult, transferablesOf, unpackResult, type PackedResult } from './packed';
import { prerender } from './prerender';
import { scanFileOnDisk, type FileResult, type ScanSettings, type ScanTask } from './scanFile';
import type { OutputStream } from '../io';

/** Below this many files a run stays in-process. */
const POOL_MIN_FILES = 64;
/**
 * A worker's heap. The young generation holds a file's short-lived objects (tokens, windows, candidates) until
 * the file is done: smaller, and they are promoted and collected twice (on the bench workload 24 MB costs ~15%
 * more CPU than 48 MB and saves ~30 MB of peak RSS; 96 MB saves another ~5% for ~70 MB more). The old generation
 * holds the engine's tables and one file's model: ~22 MB on typical notebooks whatever the cap, which only
 * bounds the worst case.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 128 };
/**
 * Old generation a file needs per byte, with room to spare (a 10 MB notebook scans in 64 MB). Files that would
 * not fit a worker's cap go to the main thread, whose heap is not capped.
 */
const HEAP_BYTES_PER_FILE_BYTE = 8;
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

/** A report block's buffer, written out by the main thread and handed back for reuse. */
interface WrittenBuffer {
  readonly written: ArrayBuffer;
}

interface FileReply {
  readonly index: number;
  readonly result: PackedResult;
}

export interface PoolOptions {
  readonly settings: ScanSettings;
  /** Each file's result, in task order. May throw: the pool then stops its workers and rejects. */
  readonly onResult: (result: FileResult) => void;
  /** Forces the number of worker threads (0 = in-process); from PHISAFE_WORKERS. */
  readonly workers?: number;
  /** Overrides a worker's old-generation cap in MB (PHISAFE_WORKER_HEAP_MB). */
  readonly workerHeapMB?: number;
  /** The report's stream, when it can fall behind: no more files are handed out while it is backed up. */
  readonly output?: OutputStream;
  /** The script a worker runs: dist/scan-worker.js, or from sources the CLI entry, which turns into a worker off the main thread. */
  readonly workerScript: string;
}

export interface PoolOutcome {
  /** Files a worker lost by running out of heap, scanned again on the main thread. */
  readonly rescanned: number;
}

export async function scanInOrder(tasks: readonly ScanTask[], options: PoolOptions): Promise<PoolOutcome> {
  const workers = options.workers ?? defaultWorkers(tasks.length);
  if (workers < 1 || tasks.length === 0) {
    scanInProcess(tasks, options);
    return { rescanned: 0 };
  }
  return new WorkerPool(tasks, Math.min(workers, tasks.length), options).run();
}

/** One worker per core, fewer for smaller runs; in-process on one core or for few files. */
function defaultWorkers(files: number): number {
  const cores = availableParallelism();
  return files < POOL_MIN_FILES || cores < 2 ? 0 : Math.min(cores, Math.ceil(files / POOL_MIN_FILES));
}

function scanInProcess(tasks: readonly ScanTask[], options: PoolOptions): void {
  const configs = configLoader();
  for (const task of tasks) options.onResult(scanTask(task, configs, options.settings));
}

/**
 * Hands files out in order, at most REORDER_WINDOW ahead of the oldest unfinished one, to the workers; large
 * files and files lost to a worker's heap limit go to the main thread, which scans one per event-loop turn so
 * worker replies are taken between them.
 */
class WorkerPool {
  private readonly configs = configLoader();
  private localScheduled = false;
  /** Files the main thread scans itself, in task order. */
  private readonly local: number[] = [];
  private nextToSend = 0;
  private nextToDeliver = 0;
  private readonly done = new Map<number, FileResult>();
  private readonly workers = new Map<Worker, Set<number>>();
  private failure: { error: unknown } | undefined;
  private settle: { resolve: (outcome: PoolOutcome) => void; reject: (e: unknown) => void } | undefined;
  private rescanned = 0;
  private awaitingDrain = false;

  private readonly heap: typeof WORKER_HEAP;
  /** Files above this size are scanned on the main thread. */
  private readonly largeFileBytes: number;

  constructor(private readonly tasks: readonly ScanTask[], private readonly size: number, private readonly options: PoolOptions) {
    this.heap = { ...WORKER_HEAP, maxOldGenerationSizeMb: options.workerHeapMB ?? WORKER_HEAP.maxOldGenerationSizeMb };
    this.largeFileBytes = (this.heap.maxOldGenerationSizeMb * 1024 * 1024) / HEAP_BYTES_PER_FILE_BYTE;
  }

  run(): Promise<PoolOutcome> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      for (let i = 0; i < this.size; i++) this.start();
      this.feedAll();
    });
  }

  private start(): void {
    const setup: WorkerSetup = { kind: WORKER_KIND, settings: this.options.settings };
    const worker = new Worker(this.options.workerScript, {
      workerData: setup, stdout: false, stderr: false, resourceLimits: this.heap,
    });
    const inFlight = new Set<number>();
    this.workers.set(worker, inFlight);
    worker.on('message', (reply: FileReply) => {
      inFlight.delete(reply.index);
      this.finish(reply.index, this.handingBack(unpackResult(reply.result), worker));
    });
    // A worker that dies takes only its queued files with it and the run goes on: out of heap, they are scanned
    // again on the main thread; otherwise they are reported.
    worker.on('error', (e: Error) => this.lose(worker, isOutOfMemory(e) ? undefined : `internal error while scanning (${e.name}); please report it`));
    worker.on('exit', () => this.lose(worker, 'internal error while scanning (worker exited); please report it'));
  }

  /**
   * Whether the report stream is behind (a slow reader of a pipe); feeding resumes once it drains. Without this,
   * a run faster than its reader would hold the rest of the report in memory.
   */
  private outputBackedUp(): boolean {
    const output = this.options.output;
    if (!output?.isBackedUp?.() || !output.onDrain) return false;
    if (!this.awaitingDrain) {
      this.awaitingDrain = true;
      output.onDrain(() => {
        this.awaitingDrain = false;
        this.feedAll();
      });
    }
    return true;
  }

  /** The result with its block's buffer handed back to `worker` once written out. */
  private handingBack(result: FileResult, worker: Worker): FileResult {
    const block = result.rendered?.block;
    if (!result.rendered || !(block instanceof Uint8Array)) return result;
    const buffer = block.buffer as ArrayBuffer;
    const written = (): void => {
      if (this.workers.has(worker)) worker.postMessage({ written: buffer } satisfies WrittenBuffer, [buffer]);
    };
    return { ...result, rendered: { ...result.rendered, written } };
  }

  /** Retires a worker; its files are rescanned locally when `message` is undefined, else reported with it. */
  private lose(worker: Worker, message: string | undefined): void {
    const inFlight = this.workers.get(worker);
    if (!inFlight) return;
    this.workers.delete(worker);
    const lost = [...inFlight].sort((a, b) => a - b);
    if (message === undefined) {
      this.rescanned += lost.length;
      this.scanLocally(...lost);
    }
    else for (const index of lost) this.finish(index, failed(this.tasks[index], message));
    if (this.settle && this.nextToSend < this.tasks.length) this.start();
    this.feedAll();
  }

  private scanLocally(...indexes: number[]): void {
    this.local.push(...indexes);
    this.local.sort((a, b) => a - b);
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

  /** The next file in order, if the window allows; large ones are queued for the main thread instead. */
  private nextForWorker(): number | undefined {
    while (this.canSend()) {
      const index = this.nextToSend++;
      if (!isLarge(this.tasks[index], this.largeFileBytes)) return index;
      this.scanLocally(index);
    }
    return undefined;
  }

  private scheduleLocal(): void {
    if (this.localScheduled || this.local.length === 0) return;
    this.localScheduled = true;
    setImmediate(() => {
      this.localScheduled = false;
      const index = this.local.shift();
      if (!this.settle || index === undefined) return;
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
      else resolve({ rescanned: this.rescanned });
      return;
    }
    if (this.outputBackedUp()) return;
    for (const [worker, inFlight] of this.workers) {
      while (inFlight.size < QUEUED_PER_WORKER) {
        const index = this.nextForWorker();
        if (index === undefined) break;
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
  const blocks = new BlockEncoder();
  port.on('message', (message: FileRequest | WrittenBuffer) => {
    if ('written' in message) return blocks.giveBack(message.written);
    const request = message;
    const result = packResult(scanTask(request.task, configs, setup.settings), blocks);
    port.postMessage({ index: request.index, result } satisfies FileReply, transferablesOf(result));
  });
  return true;
}

function isLarge(task: ScanTask, largeFileBytes: number): boolean {
  try {
    return statSync(task.file).size > largeFileBytes;
  } catch {
    return false; // the scan reports the file's problem
  }
}

function isOutOfMemory(e: Error): boolean {
  return (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

type ConfigLoader = (configPath: string | undefined) => ResolvedConfig;

function configLoader(): ConfigLoader {
  const cache = new ConfigCache();
  return (configPath) => (configPath === undefined ? DEFAULT_CONFIG : loadConfigFile(configPath, cache).config);
}

function scanTask(task: ScanTask, configs: ConfigLoader, settings: ScanSettings): FileResult {
  try {
    return prerender(scanFileOnDisk(task, configs(task.configPath), settings), settings.render);
  } catch (e) {
    // Config errors were caught before the scan; anything here is ours, reported by kind alone.
    return failed(task, `internal error while scanning (${e instanceof Error ? e.name : 'error'}); please report it`);
  }
}

function failed(task: ScanTask, message: string): FileResult {
  return { file: task.file, findings: [], error: { file: task.file, message } };
}
