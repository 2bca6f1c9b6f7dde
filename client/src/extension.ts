/**
 * phisafe for VS Code: starts the language server (dist/server.js) over IPC and adds the status bar item and
 * commands. All scanning happens in the server; the client is settings, commands and status.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import type { PhisafeInitializationOptions, SuppressWithReasonArgs } from '../../server/src/protocol';
import { COMMANDS } from './commandIds';
import { askSuppressionReason, registerCommands } from './commands';
import { isEnabled, SECTION } from './config';
import { DATABRICKS_DOCUMENTS, registerDatabricks } from './databricks';
import { PhiStatusBar } from './statusBar';
import { withheldTraceChannel } from './trace';
import { untrustedConfigurationValue } from './trust';

/** What the extension returns from activate(): used by the integration tests and other extensions. */
export interface PhisafeApi {
  statusText(): string;
  /** Resolves once the language server has started (or at once when phisafe is disabled). */
  ready(): Promise<void>;
}

let client: LanguageClient | undefined;
let starting: Promise<void> = Promise.resolve();

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
}

const documentSelector: LanguageClientOptions['documentSelector'] = [
  ...['python', 'sql', 'scala', 'r', 'markdown'].map((language) => ({ scheme: 'file', language })),
  { notebook: 'jupyter-notebook', language: '*' },
  // An .ipynb opened as text (JSON) is scanned as a notebook, outputs included.
  { scheme: 'file', pattern: '**/*.ipynb' },
  ...DATABRICKS_DOCUMENTS,
];

function middleware(statusBar: PhiStatusBar): Middleware {
  return {
    executeCommand: async (command, args, next) => {
      if (command === COMMANDS.scanWorkspace) return statusBar.whileScanning(async () => next(command, args));
      if (command === COMMANDS.suppressWithReason) {
        // A caller that already has the reason (another extension, a test) is not asked again.
        if ((args[0] as Partial<SuppressWithReasonArgs> | undefined)?.reason) return next(command, args);
        const reason = await askSuppressionReason();
        if (reason === undefined) return undefined;
        return next(command, [...args, reason]);
      }
      return next(command, args);
    },
    workspace: {
      // In an untrusted workspace the server never gets settings that would reach outside it (Databricks).
      configuration: async (params, token, next) => {
        const result = await next(params, token);
        if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
        return result.map((value: unknown, i) => untrustedConfigurationValue(params.items[i]?.section, value));
      },
    },
  };
}

async function startClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, statusBar: PhiStatusBar): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.phisafe.json'),
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted } satisfies PhisafeInitializationOptions,
    outputChannel: log,
    traceOutputChannel: withheldTraceChannel(log),
    middleware: middleware(statusBar),
  };
  client = new LanguageClient('phisafe', 'phisafe', serverOptions(context), clientOptions);
  await client.start();
  statusBar.setRunning(true);
  log.info('language server started');
}

async function stopClient(statusBar: PhiStatusBar): Promise<void> {
  const running = client;
  client = undefined;
  statusBar.setRunning(false);
  if (running) await running.stop();
}

export function activate(context: vscode.ExtensionContext): PhisafeApi {
  const log = vscode.window.createOutputChannel('phisafe', { log: true });
  const statusBar = new PhiStatusBar();
  const restart = (): Promise<void> =>
    (starting = starting.then(async () => {
      await stopClient(statusBar);
      if (isEnabled()) await startClient(context, log, statusBar);
    }).catch((err: unknown) => log.error(`language server failed to start: ${err instanceof Error ? err.message : String(err)}`)));

  context.subscriptions.push(
    log,
    statusBar,
    ...registerCommands({ extensionUri: context.extensionUri, log, client: () => client }),
    ...registerDatabricks({ log, client: () => client, workspaceState: context.workspaceState }),
    vscode.commands.registerCommand('phisafe._statusText', () => statusBar.text),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.enable`)) void restart();
    }),
    // Trust granted: restart so the server gets the settings it was denied.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  void restart();
  return { statusText: () => statusBar.text, ready: () => starting };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
