/**
 * A real LSP client over stdio for protocol tests: spawns dist/server.js --stdio, speaks JSON-RPC with
 * vscode-jsonrpc, answers the server's requests (configuration, progress, applyEdit) and records every byte
 * the server writes (stdout and stderr) for the leak checks.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** Builds dist/server.js unless it is newer than every server source file. */
export function ensureBuilt(): void {
  if (existsSync(SERVER) && process.env.PHISAFE_SKIP_BUILD === '1') return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  if (!statSync(SERVER).isFile()) throw new Error('dist/server.js missing after build');
}

export interface ServerSession {
  readonly connection: MessageConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote, stdout (JSON-RPC) and stderr. */
  written(): string;
  readonly appliedEdits: WorkspaceEdit[];
  readonly progress: unknown[];
  settings: Record<string, unknown>;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  latest(uri: string): Diagnostic[] | undefined;
  close(): Promise<void>;
}

/** `env` replaces the child's environment (e.g. DATABRICKS_CONFIG_FILE pointing at a temporary profile). */
export function startServer(env?: NodeJS.ProcessEnv): ServerSession {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe', env });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => chunks.push(c));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, Diagnostic[]>();
  const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  const session: ServerSession = {
    connection, child,
    written: () => Buffer.concat(chunks).toString('utf8'),
    appliedEdits: [],
    progress: [],
    settings: { enable: true, rules: {}, scanOutputs: true, debounceMs: 0 },
    diagnostics(uri, accept = () => true) {
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    latest: (uri) => published.get(uri),
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      connection.dispose();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && w.accept(p.diagnostics)) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => session.settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', (p: unknown) => {
    session.progress.push(p);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('$/logTrace', () => undefined);
  connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    session.appliedEdits.push(p.edit);
    return { applied: true };
  });
  connection.listen();
  return session;
}

export const initializeParams = (rootUri: string | null): Record<string, unknown> => ({
  processId: process.pid,
  rootUri,
  workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
  trace: 'verbose',
  capabilities: {
    workspace: { configuration: true, applyEdit: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
    window: { workDoneProgress: true },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      synchronization: { didSave: true, dynamicRegistration: false },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
    },
    notebookDocument: { synchronization: { dynamicRegistration: false, executionSummarySupport: true } },
  },
});
