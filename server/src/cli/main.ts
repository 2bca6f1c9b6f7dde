/**
 * Entry of dist/cli.js (bin/phisafe.js requires it). The same bundle is the scan worker: loaded off the main
 * thread it answers scan batches instead of running a command.
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
