import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { OutputStream } from '../../server/src/cli/io';
import { scanInOrder } from '../../server/src/cli/lint/pool';
import type { FileResult } from '../../server/src/cli/lint/scanFile';
import { ROOT, SeededValues, ensureBuilt, makeTree, removeTree, syntheticSsn } from './helpers';

const WORKER_SCRIPT = path.join(ROOT, 'dist', 'scan-worker.js');
const seeded = new SeededValues();
const SSN = seeded.add(syntheticSsn(83));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `count()` has stayed the same for `ms`. */
async function settled(count: () => number, ms: number): Promise<void> {
  for (let last = -1; last !== count();) {
    last = count();
    await sleep(ms);
  }
}

describe('cli: scan worker pool', function () {
  this.timeout(60000);
  before(ensureBuilt);

  it('hands out no more files while the report stream is backed up, and finishes in order once it drains', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`part${String(i).padStart(3, '0')}/nb.py`] = `# Databricks notebook source\n# patient SSN ${SSN}\n`;
    const t = makeTree(files);
    try {
      const tasks = Object.keys(files).sort().map((f) => ({ file: path.join(t, f) }));
      let backedUp = false;
      let drain: (() => void) | undefined;
      const output: OutputStream = {
        write: () => undefined, isTTY: false, isBackedUp: () => backedUp, onDrain: (listener) => { drain = listener; },
      };
      const delivered: FileResult[] = [];
      const run = scanInOrder(tasks, {
        settings: {}, workers: 2, workerScript: WORKER_SCRIPT, output,
        onResult: (r) => {
          // The reader falls behind after the first file.
          if (delivered.push(r) === 1) backedUp = true;
        },
      });
      await settled(() => delivered.length, 500);
      // Only files handed out before the stream fell behind finish: at most the first one and the pool's reorder
      // window of 48 beyond it (the workers may finish later files before the first), never all 150.
      assert.ok(delivered.length >= 1 && delivered.length <= 49, `${delivered.length} files delivered while backed up`);
      assert.ok(drain, 'the pool waits for the stream to drain');
      backedUp = false;
      drain();
      await run;
      assert.deepEqual(delivered.map((r) => r.file), tasks.map((task) => task.file));
      assert.ok(delivered.every((r) => !r.error && r.findings.length === 1 && r.findings[0].category === 'ssn'));
    } finally {
      removeTree(t);
    }
  });
});
