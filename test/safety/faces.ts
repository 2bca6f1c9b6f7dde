/** Running the built faces (CLI, language server) the way users do, capturing everything they write. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CRASH_HOOK = path.join(__dirname, 'crashHook.cjs');

/** Builds dist/ unless PHISAFE_SKIP_BUILD=1 and it exists (npm test builds before mocha). */
export function ensureBuilt(): void {
  if (process.env.PHISAFE_SKIP_BUILD === '1' && existsSync(CLI) && existsSync(SERVER)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string>; nodeArgs?: readonly string[] }): CliRun {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd, encoding: 'utf8', env: { ...process.env, ...options.env, NO_COLOR: '1' }, timeout: 120000, maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export interface ServerTranscript {
  /** Every byte the server wrote: JSON-RPC on stdout (diagnostics, hovers, code actions, logs, traces) and stderr. */
  readonly written: string;
  readonly diagnostics: number;
  readonly responses: number;
}

/**
 * Starts dist/server.js over stdio with verbose tracing, opens each file, waits for its diagnostics, asks for a
 * hover and code actions at every diagnostic, then shuts down. Settings turn the debounce off.
 */
export async function runServer(workspace: string, files: readonly string[], options: { env?: Record<string, string>; nodeArgs?: readonly string[] } = {}): Promise<ServerTranscript> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { cwd: workspace, stdio: 'pipe', env: { ...process.env, ...options.env } });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => chunks.push(c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const settings = { enable: true, rules: {}, scanOutputs: true, debounceMs: 0 };
  const published = new Map<string, { version?: number; diagnostics: { range: unknown; message: string }[] }>();
  const waiters = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: { range: unknown; message: string }[] }) => {
    published.set(p.uri, p);
    waiters.get(p.uri)?.();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
  connection.onNotification(() => undefined);
  connection.listen();

  const root = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'leaks' }], trace: 'verbose',
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceFolders: true },
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('$/setTrace', { value: 'verbose' });

  let diagnostics = 0;
  let responses = 0;
  for (const file of files) {
    const uri = pathToFileURL(path.join(workspace, file)).href;
    const languageId = ({ '.py': 'python', '.sql': 'sql', '.ipynb': 'json', '.md': 'markdown', '.scala': 'scala', '.r': 'r', '.yml': 'yaml' } as Record<string, string>)[path.extname(file)] ?? 'plaintext';
    const got = new Promise<void>((resolve) => {
      waiters.set(uri, resolve);
      setTimeout(resolve, 4000).unref();
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(path.join(workspace, file), 'utf8') } });
    await got;
    const found = published.get(uri)?.diagnostics ?? [];
    diagnostics += found.length;
    for (const d of found) {
      const range = d.range as { start: { line: number; character: number } };
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: range.start }).catch(() => null);
      await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }).catch(() => null);
      responses += 2;
    }
  }
  await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]).catch(() => null);
  await connection.sendNotification('exit').catch(() => null);
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  await exited;
  connection.dispose();
  return { written: Buffer.concat(chunks).toString('utf8'), diagnostics, responses };
}

/** Every file under dir, relative, with its size and mtime (to prove a run wrote nothing). */
export function listing(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isSymbolicLink()) out.set(path.relative(dir, full), 'symlink');
      else if (e.isDirectory()) {
        out.set(`${path.relative(dir, full)}/`, 'dir');
        try { walk(full); } catch { /* an unreadable folder is listed, not entered */ }
      } else {
        const s = statSync(full);
        out.set(path.relative(dir, full), `${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}
