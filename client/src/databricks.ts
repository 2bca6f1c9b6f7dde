/**
 * Databricks in the VS Code client: the "Look Up Unity Catalog Masks" command (over the server's
 * phisafe/listTables and phisafe/lookUpTable requests), the documents that declare cluster targets, and the
 * bridge to the official Databricks extension, whose profile or host phisafe offers to reuse. Only a profile
 * name or a workspace URL ever crosses over: never a token (credentials stay with the CLI config and the SDK).
 */
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import {
  ClientCommands, ListTablesRequest, LookUpTableRequest, SETTINGS_SECTION,
  type ListTablesResult, type LookUpTableResult, type UcColumnStatus,
} from '../../server/src/protocol';

/** Bundle YAML (databricks.yml and what it includes), cluster/job JSON specs and .databricks/project.json. */
export const DATABRICKS_DOCUMENTS: Exclude<LanguageClientOptions['documentSelector'], undefined> = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
];

const DATABRICKS_EXTENSION_ID = 'databricks.databricks';
const DECLINED_KEY = 'phisafe.databricks.extensionOfferDeclined';

export interface DatabricksClientContext {
  readonly client: () => LanguageClient | undefined;
  readonly log: vscode.LogOutputChannel;
  readonly workspaceState: vscode.Memento;
}

export function registerDatabricks(ctx: DatabricksClientContext): vscode.Disposable[] {
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand(ClientCommands.lookUpUnityCatalogMasks, (table?: string) => lookUpMasks(ctx, table)),
  ];
  disposables.push(...watchDatabricksExtension(ctx));
  return disposables;
}

// ── Look Up Unity Catalog Masks ──────────────────────────────────────────────────────────────────────

function scopeUri(): string | undefined {
  return vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}

/** A dotted name under the cursor, as a default for the table prompt. */
function nameUnderCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[\w`]+(?:\.[\w`]+){1,2}/);
  return range ? editor.document.getText(range).replace(/`/g, '') : undefined;
}

async function pickTable(client: LanguageClient, uri: string | undefined): Promise<string | undefined> {
  const listed = await client.sendRequest<ListTablesResult>(ListTablesRequest, { uri });
  const typed = nameUnderCursor();
  if (listed.tables.length === 0) {
    return vscode.window.showInputBox({
      title: 'phisafe: Look Up Unity Catalog Masks',
      prompt: 'Table as catalog.schema.table',
      value: typed,
      validateInput: (v) => (/^[\w`-]+(\.[\w`-]+){0,2}$/.test(v.trim()) ? undefined : 'catalog.schema.table'),
    });
  }
  const typeOwn = '$(edit) Type a table name…';
  const choice = await vscode.window.showQuickPick([...listed.tables, typeOwn], { title: 'phisafe: Look Up Unity Catalog Masks', placeHolder: 'Pick a table' });
  if (choice !== typeOwn) return choice;
  return vscode.window.showInputBox({ prompt: 'Table as catalog.schema.table', value: typed });
}

function tagText(tags: Readonly<Record<string, string>>): string {
  const entries = Object.entries(tags);
  return entries.length ? entries.map(([k, v]) => (v ? `${k}=${v}` : k)).join(', ') : 'no tags';
}

/** One quick pick row per column: mask status first, since that is what the command is for. */
export function columnItem(c: UcColumnStatus): vscode.QuickPickItem {
  const icon = c.mask ? '$(lock)' : c.phiTag ? '$(warning)' : '$(circle-outline)';
  return {
    label: `${icon} ${c.name}`,
    description: `${c.type}${c.phiTag ? ' · PHI' : ''}`,
    detail: `${c.mask ? `mask ${c.mask}` : 'no mask'} · ${tagText(c.tags)}${c.phiTag && !c.mask ? ' · PHI column without a mask' : ''}`,
  };
}

async function lookUpMasks(ctx: DatabricksClientContext, preset?: string): Promise<void> {
  const client = ctx.client();
  if (!client) {
    void vscode.window.showWarningMessage('phisafe: the language server is not running (is phisafe.enable off?)');
    return;
  }
  const uri = scopeUri();
  const table = (typeof preset === 'string' ? preset : await pickTable(client, uri))?.trim();
  if (!table) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `phisafe: looking up ${table}`, cancellable: true },
    (_progress, token) => client.sendRequest<LookUpTableResult>(LookUpTableRequest, { table, uri }, token),
  );
  if (!result.found) {
    void vscode.window.showWarningMessage(`phisafe: ${result.problem ?? `${table} not found`}`);
    return;
  }
  const unmasked = result.columns.filter((c) => c.phiTag && !c.mask).length;
  ctx.log.info(`Unity Catalog look-up: ${result.columns.length} columns, ${unmasked} PHI columns without a mask (${result.source})`);
  await vscode.window.showQuickPick(result.columns.map(columnItem), {
    title: `${result.table} · row filter: ${result.rowFilter ?? 'none'} · ${unmasked} PHI column(s) without a mask · ${result.source}`,
    placeHolder: `Table tags: ${tagText(result.tags)}`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
}

// ── The Databricks extension bridge ─────────────────────────────────────────────────────────────────

/** What phisafe may take from the Databricks extension: names and a URL, never credentials. */
export interface DatabricksConnectionHint {
  readonly profile?: string;
  readonly host?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' && v.length <= 500 ? v.trim() : undefined);

function field(o: unknown, ...path: string[]): unknown {
  let v = o;
  for (const key of path) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Reads the profile and host from the extension's exports (`connectionManager`), defensively. */
export function connectionHintOf(exports: unknown): DatabricksConnectionHint | undefined {
  const cm = field(exports, 'connectionManager');
  if (!cm) return undefined;
  const profile = str(field(cm, 'workspaceClient', 'config', 'profile')) ?? str(field(cm, 'databricksWorkspace', 'authProvider', 'profile'));
  const rawHost = field(cm, 'workspaceClient', 'config', 'host') ?? field(cm, 'databricksWorkspace', 'host');
  const hostText = str(typeof rawHost === 'object' && rawHost !== null ? String(rawHost) : rawHost);
  const host = hostText && /^https?:\/\/[\w.-]+(:\d+)?\/?$/.test(hostText) ? hostText.replace(/\/$/, '') : undefined;
  return profile || host ? { profile, host } : undefined;
}

function watchDatabricksExtension(ctx: DatabricksClientContext): vscode.Disposable[] {
  let offered = false;
  const check = (): void => {
    if (offered) return;
    const ext = vscode.extensions.getExtension(DATABRICKS_EXTENSION_ID);
    if (!ext?.isActive) return;
    const hint = connectionHintOf(ext.exports);
    if (!hint) {
      const onChange = field(ext.exports, 'connectionManager', 'onDidChangeState');
      if (typeof onChange === 'function') {
        offered = true;
        (onChange as (listener: () => void) => unknown)(() => {
          offered = false;
          check();
        });
      }
      return;
    }
    offered = true;
    void offerProfile(ctx, hint);
  };
  check();
  return [vscode.extensions.onDidChange(check), vscode.workspace.onDidGrantWorkspaceTrust(check)];
}

async function offerProfile(ctx: DatabricksClientContext, hint: DatabricksConnectionHint): Promise<void> {
  if (!vscode.workspace.isTrusted || ctx.workspaceState.get<boolean>(DECLINED_KEY)) return;
  const settings = vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.databricks`);
  if (settings.get<string>('profile') || settings.get<string>('host')) return;
  const what = hint.profile ? `profile "${hint.profile}"` : `workspace ${hint.host ?? ''}`;
  const use = 'Use It';
  const never = "Don't Ask Again";
  const choice = await vscode.window.showInformationMessage(
    `phisafe: the Databricks extension is connected with ${what}. Use it to check Unity Catalog masks and cluster settings?`, use, 'Not Now', never,
  );
  if (choice === never) await ctx.workspaceState.update(DECLINED_KEY, true);
  if (choice !== use) return;
  if (hint.profile) await settings.update('profile', hint.profile, vscode.ConfigurationTarget.Workspace);
  else if (hint.host) await settings.update('host', hint.host, vscode.ConfigurationTarget.Workspace);
  ctx.log.info(`Databricks: using the Databricks extension's ${hint.profile ? 'profile' : 'host'} for Unity Catalog and cluster checks`);
}
