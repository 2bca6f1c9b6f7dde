/**
 * The `phisafe.*` settings the client itself reads. The server reads the whole section over
 * workspace/configuration; the client only needs to know whether to start it.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export const SECTION = SETTINGS_SECTION;

export function isEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('enable', true);
}
