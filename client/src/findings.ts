/** Reading phisafe's own diagnostics back from VS Code: which are ours, and which report PHI. */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function isPhisafeDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE;
}

/** PHI rules live in the `phi/` family; the others (clusters, Unity Catalog) report configuration. */
export function isPhiFinding(diagnostic: vscode.Diagnostic): boolean {
  return ruleIdOf(diagnostic)?.startsWith('phi/') ?? false;
}

export interface FindingCounts {
  readonly phi: number;
  readonly compliance: number;
}

export function countFindings(diagnostics: Iterable<vscode.Diagnostic>): FindingCounts {
  let phi = 0;
  let compliance = 0;
  for (const d of diagnostics) {
    if (!isPhisafeDiagnostic(d)) continue;
    if (isPhiFinding(d)) phi++;
    else compliance++;
  }
  return { phi, compliance };
}

/** The documents the user is looking at: every cell of the active notebook, or the active text file. */
export function activeDocumentUris(): vscode.Uri[] {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  const text = vscode.window.activeTextEditor?.document;
  if (notebook && (!text || text.uri.scheme === 'vscode-notebook-cell')) {
    return [notebook.uri, ...notebook.getCells().map((cell) => cell.document.uri)];
  }
  return text ? [text.uri] : [];
}

export function phisafeDiagnosticsFor(uris: readonly vscode.Uri[]): vscode.Diagnostic[] {
  return uris.flatMap((uri) => vscode.languages.getDiagnostics(uri).filter(isPhisafeDiagnostic));
}
