/**
 * Entry of dist/scan-worker.js: a `phisafe lint` scan worker holds the engine and nothing of the CLI, the
 * language server or the Databricks SDK, so each worker thread parses and keeps a fraction of the CLI bundle.
 */
import { runScanWorker } from './pool';

runScanWorker();
