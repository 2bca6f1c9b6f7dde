// Language-server figures over real stdio: start time, edit → published diagnostics on a 5,000-line notebook
// and on a 20 MB .ipynb, and resident memory after opening 200 notebooks. Drives dist/server.js --stdio with
// vscode-jsonrpc as an editor would; prints nothing itself (scripts/bench.mjs reports).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { notebookOfBytes, notebookOfLines } from './workload.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const languageOf = (file) => ({ '.py': 'python', '.sql': 'sql', '.ipynb': 'json', '.scala': 'scala', '.r': 'r' })[path.extname(file)] ?? 'plaintext';

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMB: NaN, peakMB: NaN };
  }
}

/**
 * A running server and a way to wait for the diagnostics of one document version. `nodeArgs` go to the
 * server's node (e.g. `--cpu-prof` to profile it; NODE_OPTIONS does not allow that flag).
 */
export async function startServer(root, serverJs, settings = null, nodeArgs = []) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const published = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, { version: p.version, count: p.diagnostics.length, at: performance.now() });
    const w = waiters.get(p.uri);
    if (w && (p.version === undefined || p.version >= w.version)) {
      waiters.delete(p.uri);
      w.resolve(performance.now());
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest((_method) => null);
  conn.onNotification((_method) => undefined);
  conn.listen();
  const fail = exited.then((code) => { throw new Error(`server exited with code ${code}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`); });
  const init = await Promise.race([conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: {
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } },
      workspace: { configuration: true, workspaceFolders: true },
    },
    initializationOptions: {},
  }), fail]);
  const startMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  const sync = init?.capabilities?.textDocumentSync;
  const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;

  const diagnosticsFor = (uri, version, timeoutMs = 60000) => Promise.race([
    new Promise((resolve) => waiters.set(uri, { version, resolve })),
    fail,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for a document within ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
  const stop = async () => {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await conn.sendNotification('exit');
    } catch { /* the server may already be gone */ }
    setTimeout(() => child.kill('SIGKILL'), 1000).unref();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 1500))]);
    conn.dispose();
  };
  return { child, conn, startMs, incremental, diagnosticsFor, published, stop };
}

/**
 * Opens a document, then times `edits` single-character edits at `editColumn` of `editLine` (alternately typing
 * an `x` and deleting it) from didChange to its published diagnostics. The column must keep the document well
 * formed (not inside a JSON escape of an .ipynb), or every edit measures the malformed-file path instead.
 */
export async function editLatency(server, uri, languageId, text, editLine, edits, editColumn = (line) => Math.max(0, line.length - 3)) {
  let version = 1;
  const first = server.diagnosticsFor(uri, version, 120000);
  const tOpen = performance.now();
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const openMs = (await first) - tOpen;
  const lines = text.split('\n');
  const samples = [];
  // Once, from the line as opened: the x typed at this column is the character deleted by the next edit.
  const col = editColumn(lines[editLine]);
  for (let i = 0; i < edits + 3; i++) {
    version++;
    const line = lines[editLine];
    const insert = i % 2 === 0 ? 'x' : '';
    const remove = i % 2 === 0 ? 0 : 1;
    lines[editLine] = line.slice(0, col) + insert + line.slice(col + remove);
    const change = server.incremental
      ? { range: { start: { line: editLine, character: col }, end: { line: editLine, character: col + remove } }, text: insert }
      : { text: lines.join('\n') };
    const done = server.diagnosticsFor(uri, version);
    const t = performance.now();
    await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const ms = (await done) - t;
    if (i >= 3) samples.push(ms);
  }
  // How many diagnostics the last edit published: a scan error (one diagnostic) would mean a broken edit script.
  const diagnostics = server.published.get(uri)?.count;
  await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { openMs: round(openMs), p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), edits: samples.length, diagnostics };
}

/** Inside the word "Cohort" of a `"# Cohort refresh …\n",` source line: the end of that line is an escape. */
const atCohortWord = (line) => line.indexOf('Cohort') + 3;

const round = (x) => Math.round(x * 10) / 10;

/** Runs every server measurement; each part reports its own error instead of aborting the others. */
export async function serverBench({ root, files, serverJs = 'dist/server.js', edits = 40 }) {
  const out = {};
  let server;
  try {
    server = await startServer(root, serverJs);
    const starts = [server.startMs];
    for (let i = 0; i < 4; i++) {
      const s = await startServer(root, serverJs);
      starts.push(s.startMs);
      await s.stop();
    }
    out.startMs = round(percentile(starts, 50));
    out.incrementalSync = server.incremental;
  } catch (e) {
    out.error = String(e.message ?? e);
    if (server) await server.stop();
    return out;
  }
  await server.stop();
  // As shipped (the default debounce setting is part of what a user waits for), then with the debounce off
  // (the scan and publish alone).
  for (const [label, settings] of [['asShipped', null], ['noDebounce', { debounceMs: 0 }]]) {
    const figures = {};
    server = await startServer(root, serverJs, settings);
    try {
      const text = notebookOfLines(5000);
      const editLine = text.split('\n').findIndex((l, i) => i > 2500 && l.startsWith('df = '));
      figures.notebook5000 = { lines: 5000, ...(await editLatency(server, pathToFileURL(path.join(root, 'bench_5000_lines.py')).href, 'python', text, editLine, edits)) };
    } catch (e) {
      figures.notebook5000 = { error: String(e.message ?? e) };
    }
    try {
      const text = notebookOfBytes(20e6);
      const lines = text.split('\n');
      const editLine = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('    "# Cohort refresh'));
      figures.ipynb20MB = { bytes: text.length, ...(await editLatency(server, pathToFileURL(path.join(root, 'bench_20mb.ipynb')).href, 'json', text, editLine, edits, atCohortWord)) };
    } catch (e) {
      figures.ipynb20MB = { error: String(e.message ?? e) };
    }
    out[label] = figures;
    await server.stop();
  }
  try {
    server = await startServer(root, serverJs);
    const chosen = files.slice(0, 200);
    const t = performance.now();
    const waits = [];
    for (const f of chosen) {
      const uri = pathToFileURL(path.join(root, f)).href;
      waits.push(server.diagnosticsFor(uri, 1, 180000));
      await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: languageOf(f), version: 1, text: readFileSync(path.join(root, f), 'utf8') } });
    }
    await Promise.all(waits);
    const bytes = chosen.reduce((n, f) => n + readFileSync(path.join(root, f)).length, 0);
    out.open200 = { notebooks: chosen.length, MB: round(bytes / 1048576), allDiagnosticsMs: Math.round(performance.now() - t), ...mapRound(rssOf(server.child.pid)) };
    // Most of that is garbage from the scans, which V8 hands back once the process has been idle for a while
    // (its memory reducer): what an editor holds while someone reads the diagnostics.
    out.open200.restRssMB = round(await rssAtRest(server.child.pid));
  } catch (e) {
    out.open200 = { error: String(e.message ?? e) };
  }
  await server?.stop();
  return out;
}

/** RSS after the server has been idle for REST_SECONDS (sampled each second; the lowest seen). */
const REST_SECONDS = 45;
async function rssAtRest(pid) {
  let lowest = rssOf(pid).rssMB;
  for (let i = 0; i < REST_SECONDS; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    lowest = Math.min(lowest, rssOf(pid).rssMB);
  }
  return lowest;
}

const mapRound = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
