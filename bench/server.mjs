// Language-server latency over real stdio (prints figures, asserts nothing):
//   start   spawn of dist/server.js --stdio → initialize result
//   edit    didChange (one character in one cell) → publishDiagnostics for that version, ~200 edits
// on a synthetic 5,000-line Databricks source notebook with seeded fake identifiers.
// Usage: node bench/server.mjs [--json] [--edits N] [--debounce MS]   (build first: npm run build)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const EDITS = option('--edits', 200);
const DEBOUNCE = option('--debounce', 0);

/** Deterministic pseudo-random numbers, so every run edits the same places. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** 5,000 lines: Python, %sql and %md cells; some carry invented SSNs (area 5xx) and test MRNs. */
function notebook(lines) {
  const rand = lcg(7);
  const out = ['# Databricks notebook source'];
  let cell = 0;
  while (out.length < lines) {
    const seeded = cell % 7 === 0;
    const ssn = `5${String(10 + (cell % 80)).padStart(2, '0')}-${String(10 + (cell % 89))}-${String(1000 + cell).slice(-4)}`;
    const kind = cell % 5;
    if (kind === 3) {
      out.push('# MAGIC %sql', '# MAGIC SELECT encounter_id, admit_dt, drg_code', '# MAGIC FROM clinical.encounters',
        seeded ? `# MAGIC WHERE mrn = 'ZZTEST${900000 + cell}'` : `# MAGIC WHERE admit_dt >= '2024-01-01'`, '# MAGIC LIMIT 100');
    } else if (kind === 4) {
      out.push('# MAGIC %md', `# MAGIC ## Step ${cell}`, seeded ? `# MAGIC Reviewed with patient SSN ${ssn}.` : '# MAGIC Aggregates by DRG and month.');
    } else {
      for (let i = 0; i < 8; i++) out.push(`df_${cell}_${i} = spark.table("clinical.t${Math.floor(rand() * 100)}").limit(${i + 1})`);
      if (seeded) out.push(`# patient SSN ${ssn} called about claim`);
    }
    out.push('', '# COMMAND ----------', '');
    cell++;
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const text = notebook(5000);
const uri = pathToFileURL(path.join(root, 'bench', 'work', 'server-bench.py')).toString();
const t0 = performance.now();
const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const waiting = new Map();
let findings = 0;
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  findings = p.diagnostics.length;
  waiting.get(p.version)?.();
  waiting.delete(p.version);
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ enable: true, debounceMs: DEBOUNCE, scanOutputs: true, rules: {} })));
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
const startMs = performance.now() - t0;
await conn.sendNotification('initialized', {});

const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
let done = published(1);
const o0 = performance.now();
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
await done;
const openMs = performance.now() - o0;

const rand = lcg(42);
const lineCount = text.split('\n').length - 1;
const latencies = [];
for (let v = 2; v < EDITS + 2; v++) {
  const line = 1 + Math.floor(rand() * (lineCount - 2));
  done = published(v);
  const e0 = performance.now();
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: v },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }],
  });
  await done;
  latencies.push(performance.now() - e0);
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();

const result = {
  lines: 5000, edits: EDITS, debounceMs: DEBOUNCE, findings,
  startMs: +startMs.toFixed(1), openMs: +openMs.toFixed(1),
  editP50Ms: +percentile(latencies, 50).toFixed(2), editP95Ms: +percentile(latencies, 95).toFixed(2), editMaxMs: +Math.max(...latencies).toFixed(2),
};
if (argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  console.log('| figure | value |\n|---|---|');
  for (const [k, v] of Object.entries(result)) console.log(`| ${k} | ${v} |`);
}
