/**
 * Entry of dist/cli.js (bin/phisafe.js requires it). Lint workers load dist/scan-worker.js, the engine alone; run
 * from sources (no built worker beside it), this entry is the worker too: loaded off the main thread it answers
 * scan requests instead of running a command.
 */
import './v8Flags'; // first: before any other module runs
import { isMainThread } from 'node:worker_threads';
import { runCli } from './cli';
import { EXIT_ERROR, processIO } from './io';
import { runScanWorker } from './lint/pool';

if (isMainThread) {
  // `phisafe lint | head`: the reader has what it wanted. Stop with one line instead of a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.stderr.write('phisafe: the report\'s reader closed the pipe; stopped\n');
    process.exit(EXIT_ERROR);
  });
  void runCli(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
} else {
  runScanWorker();
}
