/**
 * V8 flags for the CLI process, set by the entry's first import, before the lint pool creates its worker
 * isolates (they take the process's flags). `phisafe lint` runs one worker per core, so V8's background threads
 * for optimizing compiles and parallel scavenges only take CPU from the workers: doing that work on each
 * isolate's own thread cut a run's wall time ~4% on the bench workload (2 cores), with the same peak RSS.
 * Each isolate compiles the engine on its own (~650 ms of TurboFan per worker); without loop peeling that is
 * ~12% less, and a worker's whole share of the workload took ~2% less CPU (5 alternating runs each).
 * Only flags V8 reads afresh for each collection or each new isolate: switching off concurrent marking or
 * parallel marking in a running process aborts it in its next full collection (`--single-threaded-gc` did, on
 * the main thread, for ~3% more). The language server keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

const CLI_V8_FLAGS = ['--no-parallel-scavenge', '--no-concurrent-recompilation', '--no-turbo-loop-peeling'];

if (isMainThread) for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
