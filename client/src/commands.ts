/**
 * The client's own commands. Each is thin: the server finds PHI and builds the edits; the client asks the
 * user, applies edits VS Code must apply itself (notebook outputs) and opens documentation.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ipynbEditsWithoutOutputs } from './ipynbText';
import { OutputFindingsRequest, type OutputFinding, type OutputFindingsParams } from '../../server/src/protocol';
import { COMMANDS } from './commandIds';

export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** The running client, or undefined while phisafe is disabled. */
  client(): LanguageClient | undefined;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.clearOutputsWithPhi, () => clearOutputsWithPhi(ctx)),
    vscode.commands.registerCommand(COMMANDS.parameteriseLiteral, () => parameteriseLiteral(ctx)),
    vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, (ruleId?: string) => showRuleDocumentation(ctx, ruleId)),
  ];
}

/** Asks for the reason a suppression comment records; undefined when the user cancels. */
export async function askSuppressionReason(): Promise<string | undefined> {
  const reason = await vscode.window.showInputBox({
    title: 'phisafe: suppress this finding',
    prompt: 'Why is this not PHI (or why may it stay)? The reason is written into the suppression comment.',
    placeHolder: 'e.g. synthetic test value',
    // The reason is committed with the code: it must not become a place to paste the value itself.
    validateInput: (value) => (value.trim().length < 3 ? 'Give a short reason (3 characters or more).' : undefined),
  });
  return reason?.trim();
}

// ── Clear outputs with PHI ────────────────────────────────────────────────────────────────────────────

/** Pure: cell index → output indexes to remove. */
export function outputsByCell(findings: readonly OutputFinding[]): Map<number, Set<number>> {
  const byCell = new Map<number, Set<number>>();
  for (const f of findings) {
    const set = byCell.get(f.cellIndex) ?? new Set<number>();
    set.add(f.outputIndex);
    byCell.set(f.cellIndex, set);
  }
  return byCell;
}

/** Replaces each affected cell by a copy without the outputs that hold PHI (one undoable edit). */
export function notebookEditsWithoutOutputs(notebook: vscode.NotebookDocument, byCell: Map<number, Set<number>>): vscode.NotebookEdit[] {
  const edits: vscode.NotebookEdit[] = [];
  for (const [cellIndex, outputIndexes] of byCell) {
    if (cellIndex < 0 || cellIndex >= notebook.cellCount) continue;
    const cell = notebook.cellAt(cellIndex);
    const data = new vscode.NotebookCellData(cell.kind, cell.document.getText(), cell.document.languageId);
    data.outputs = cell.outputs.filter((_, i) => !outputIndexes.has(i));
    data.metadata = cell.metadata;
    data.executionSummary = cell.executionSummary;
    edits.push(vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(cellIndex, cellIndex + 1), [data]));
  }
  return edits;
}

async function clearOutputsWithPhi(ctx: CommandContext): Promise<number> {
  const client = ctx.client();
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  const textDocument = vscode.window.activeTextEditor?.document;
  const target = notebook?.uri ?? (textDocument?.uri.path.endsWith('.ipynb') ? textDocument.uri : undefined);
  if (!client || !target) {
    void vscode.window.showInformationMessage('phisafe: open a Jupyter notebook to clear outputs that hold PHI.');
    return 0;
  }
  // LSP notebook sync carries cell text, not outputs: the server reads outputs from the saved file, so its
  // output indexes describe the editor's outputs only while the notebook has no unsaved changes.
  if (notebook?.isDirty) {
    void vscode.window.showWarningMessage('phisafe: save the notebook first; outputs are checked as saved on disk.');
    return 0;
  }
  const params: OutputFindingsParams = { uri: client.code2ProtocolConverter.asUri(target) };
  const findings = await client.sendRequest<OutputFinding[]>(OutputFindingsRequest, params);
  const byCell = outputsByCell(findings);
  const count = [...byCell.values()].reduce((n, s) => n + s.size, 0);
  if (count === 0) {
    void vscode.window.showInformationMessage('phisafe: no cell output holds PHI.');
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  if (notebook && notebook.uri.toString() === target.toString()) {
    edit.set(notebook.uri, notebookEditsWithoutOutputs(notebook, byCell));
  } else {
    // Opened as JSON text: drop the same outputs from the JSON (only those, as in the notebook editor; the
    // server's per-cell quick fix clears whole cells), keeping the rest of the file as it is.
    const document = await vscode.workspace.openTextDocument(target);
    const text = document.getText();
    edit.set(target, ipynbEditsWithoutOutputs(text, byCell).map((e) =>
      vscode.TextEdit.replace(new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content)));
  }
  const applied = await vscode.workspace.applyEdit(edit);
  ctx.log.info(`clear outputs: ${applied ? 'cleared' : 'could not clear'} ${count} output(s) in ${byCell.size} cell(s)`);
  return applied ? count : 0;
}

// ── Parameterise literal ──────────────────────────────────────────────────────────────────────────────

/** A bare Command has a string `command`; a CodeAction may carry a Command object. */
function isParameteriseAction(action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction {
  if (typeof action.command === 'string') return false;
  const kind = (action as vscode.CodeAction).kind?.value ?? '';
  // The server titles it "Replace with parameter `name`".
  return /\bparameter/i.test(kind) || /\bparameter/i.test(action.title);
}

async function parameteriseLiteral(ctx: CommandContext): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', editor.document.uri, editor.selection, vscode.CodeActionKind.QuickFix.value,
  );
  const action = (actions ?? []).find(isParameteriseAction);
  if (!action) {
    void vscode.window.showInformationMessage('phisafe: no PHI literal to parameterise at the cursor.');
    return false;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  ctx.log.info('parameterise: applied one quick fix');
  return true;
}

// ── Rule documentation ────────────────────────────────────────────────────────────────────────────────

interface RuleDoc {
  readonly id: string;
  readonly uri: vscode.Uri;
}

/** Rule ids are paths (`phi/comment`), so the pages sit in folders under docs/rules/. */
async function listRuleDocs(dir: vscode.Uri, prefix = ''): Promise<RuleDoc[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const docs: RuleDoc[] = [];
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(dir, name);
    if (type === vscode.FileType.Directory) docs.push(...(await listRuleDocs(uri, `${prefix}${name}/`)));
    else if (name.endsWith('.md') && name.toLowerCase() !== 'readme.md') docs.push({ id: `${prefix}${name.slice(0, -3)}`, uri });
  }
  return docs.sort((a, b) => a.id.localeCompare(b.id));
}

async function firstHeading(uri: vscode.Uri): Promise<string | undefined> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
}

async function showRuleDocumentation(ctx: CommandContext, ruleId?: string): Promise<void> {
  const docs = await listRuleDocs(vscode.Uri.joinPath(ctx.extensionUri, 'docs', 'rules'));
  let chosen = ruleId ? docs.find((d) => d.id === ruleId) : undefined;
  if (!chosen) {
    if (docs.length === 0) {
      void vscode.window.showWarningMessage('phisafe: no rule documentation is shipped with this build.');
      return;
    }
    const items = await Promise.all(docs.map(async (doc) => ({ label: doc.id, description: await firstHeading(doc.uri), doc })));
    chosen = (await vscode.window.showQuickPick(items, { title: 'phisafe: rule documentation', matchOnDescription: true }))?.doc;
  }
  if (chosen) await vscode.commands.executeCommand('markdown.showPreview', chosen.uri);
}
