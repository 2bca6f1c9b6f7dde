/** Shared steps of the in-editor tests: find the workspace files, wait for the server's diagnostics. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'phisafe.phisafe';

export interface PhisafeApi {
  statusText(): string;
  ready(): Promise<void>;
}

export async function activatePhisafe(): Promise<PhisafeApi> {
  const extension = vscode.extensions.getExtension<PhisafeApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  await api.ready();
  return api;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function phisafeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'phisafe');
}

export function ruleId(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Thenable<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForDiagnostics(uri: vscode.Uri, what: string, predicate: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = phisafeDiagnostics(uri);
    return predicate(ds) ? ds : undefined;
  });
}

export async function statusText(): Promise<string> {
  return (await vscode.commands.executeCommand<string>('phisafe._statusText')) ?? '';
}

/** Waits until the status bar shows `expected`; returns what it showed last when it never does. */
export async function waitForStatus(expected: string): Promise<string> {
  let last = '';
  return waitFor(`the status bar to read "${expected}"`, async () => ((last = await statusText()) === expected ? last : undefined), 10_000)
    .catch(() => last);
}
