/**
 * Entry of dist/cli.js (bin/phisafe.js requires it). Lint workers load dist/scan-worker.js, the engine alone; run
 * from sources (no built worker beside it), this entry is the worker too: loaded off the main thread it answers
 * scan requests instead of running a command.
 */
import { isMainThread } from 'node:worker_threads';
import { runCli } from './cli';
import { processIO } from './io';
import { runScanWorker } from './lint/pool';

if (isMainThread) {
  void runCli(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
} else {
  runScanWorker();
}
