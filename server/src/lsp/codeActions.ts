/**
 * Code actions over a scanned document: each finding's quick fixes (from engine/fixes, turned into LSP
 * edits), the suppress command, and `source.fixAll.phisafe`. Titles name kinds and parameter names, never
 * values.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { CATEGORY_LABELS, LineIndex, type Finding, type ScanDocument } from '../engine';
import {
  baseParameterName, clearOutputsEdits, cellsWithPhiOutputs, fixAllEdits, parameteriseEdits, PLACEHOLDERS, redactEdit, type FileEdit,
} from '../engine/fixes';
import { ClientCommands, FIX_ALL_KIND, ServerCommands, type SuppressWithReasonArgs } from '../protocol';
import { findingRange, intersects } from './diagnostics';

export interface ActionSubject {
  readonly uri: string;
  readonly document: ScanDocument;
  /** Findings located in the document's text. */
  readonly findings: readonly Finding[];
  /** The findings on lines `[startLine, endLine]`, without placing the others (a large notebook has tens of thousands). */
  readonly findingsOnLines?: (startLine: number, endLine: number) => readonly Finding[];
  /** Findings from a notebook's saved outputs and titles, shown at the top of a cell (no text range of their own). */
  readonly cellLevel: readonly Finding[];
  /** Set when the subject is a cell of an open notebook. */
  readonly notebookCellIndex?: number;
  /** Diagnostics as published, to attach actions to. */
  readonly diagnostics: readonly Diagnostic[];
  /** Databricks quick fixes for uc/* and cluster/* findings (add a column mask, set a cluster setting). */
  readonly databricksFixes?: (f: Finding) => readonly { readonly title: string; readonly edits: readonly FileEdit[] }[];
}

export function toTextEdits(text: string, edits: readonly FileEdit[]): TextEdit[] {
  return textEdits(new LineIndex(text), edits);
}

function textEdits(lines: LineIndex, edits: readonly FileEdit[]): TextEdit[] {
  return edits.map((e) => {
    const start = lines.position(e.startOffset);
    const end = lines.position(e.endOffset);
    return { range: { start, end }, newText: e.newText };
  });
}

/** Line starts of each document actions were made for, so several actions on one request count lines once. */
const lineIndexes = new WeakMap<ScanDocument, LineIndex>();

function workspaceEdit(subject: ActionSubject, edits: readonly FileEdit[]): WorkspaceEdit {
  let lines = lineIndexes.get(subject.document);
  if (!lines) {
    lines = new LineIndex(subject.document.text);
    lineIndexes.set(subject.document, lines);
  }
  return { changes: { [subject.uri]: textEdits(lines, edits) } };
}

export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * The actions for `range`. `automatic` requests (VS Code's light bulb, on every edit and cursor move) leave
 * source actions out unless `only` names them, as VS Code drops them there: the whole-file fix is made only
 * when someone asks for it.
 */
export function codeActionsFor(subject: ActionSubject, range: Range, only: readonly string[] | undefined, automatic = false): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wantsKind(only, CodeActionKind.QuickFix)) {
    for (const f of subject.findingsOnLines?.(range.start.line, range.end.line) ?? subject.findings) {
      if (intersects(findingRange(f), range)) actions.push(...quickFixes(subject, f, diagnosticFor(subject, f)));
    }
    for (const f of subject.cellLevel) {
      const diagnostic = subject.diagnostics.find((d) => sameFinding(d, f) && intersects(d.range, range));
      if (diagnostic) actions.push(...cellLevelFixes(subject, f, diagnostic));
    }
  }
  if (wantsKind(only, FIX_ALL_KIND) && !(automatic && only === undefined)) {
    const fixAll = fixAllAction(subject);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

export function fixAllAction(subject: ActionSubject): CodeAction | undefined {
  const edits = fixAllEdits(subject.document, subject.findings);
  if (edits.length === 0) return undefined;
  return { title: 'phisafe: Fix all (parameterise literals, redact comments and prose)', kind: FIX_ALL_KIND, edit: workspaceEdit(subject, edits) };
}

function quickFixes(subject: ActionSubject, f: Finding, diagnostic: Diagnostic | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  if (f.fixes.includes('parameterise')) {
    const edits = parameteriseEdits(subject.document, [f]);
    if (edits) {
      const name = parameterNameIn(edits) ?? baseParameterName(f);
      out.push({ title: `phisafe: Parameterise literal as \`${name}\``, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: workspaceEdit(subject, edits) });
    }
  }
  const redact = redactEdit(f);
  if (redact && f.category !== 'compliance') {
    out.push({ title: `phisafe: Redact as ${PLACEHOLDERS[f.category]}`, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: workspaceEdit(subject, [redact]) });
  }
  if (f.fixes.includes('clear-output')) out.push(...clearOutputActions(subject, f, diagnostics));
  for (const fix of subject.databricksFixes?.(f) ?? []) {
    if (fix.edits.length > 0) out.push({ title: `phisafe: ${fix.title}`, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: workspaceEdit(subject, fix.edits) });
  }
  if (f.fixes.includes('suppress')) {
    const scope = f.regionKind === 'title' || f.regionKind === 'output' ? 'cell' : 'line';
    out.push(suppressAction(subject, f, diagnostics, scope, f.range.line, f.cellIndex));
  }
  return out;
}

/** Output and title findings shown on a notebook cell: clear through the client, or suppress for the cell. */
function cellLevelFixes(subject: ActionSubject, f: Finding, diagnostic: Diagnostic): CodeAction[] {
  const out: CodeAction[] = [];
  if (f.fixes.includes('clear-output')) {
    out.push({
      title: 'phisafe: Clear outputs with PHI in this notebook', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
      command: { title: 'Clear outputs with PHI', command: ClientCommands.clearOutputsWithPhi },
    });
  }
  if (f.fixes.includes('suppress')) out.push(suppressAction(subject, f, [diagnostic], 'cell', 0, 0));
  return out;
}

function clearOutputActions(subject: ActionSubject, f: Finding, diagnostics: Diagnostic[] | undefined): CodeAction[] {
  const one = clearOutputsEdits(subject.document, [f.cellIndex]);
  if (one.length === 0) return [];
  const actions: CodeAction[] = [{
    title: `phisafe: Clear outputs of cell ${f.cellIndex + 1}`, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: workspaceEdit(subject, one),
  }];
  const all = cellsWithPhiOutputs(subject.findings);
  if (all.length > 1) {
    actions.push({
      title: `phisafe: Clear outputs with PHI in all ${all.length} cells`, kind: CodeActionKind.QuickFix, diagnostics,
      edit: workspaceEdit(subject, clearOutputsEdits(subject.document, all)),
    });
  }
  return actions;
}

function suppressAction(
  subject: ActionSubject, f: Finding, diagnostics: Diagnostic[] | undefined, scope: 'line' | 'cell', line: number, cellIndex: number,
): CodeAction {
  const args: SuppressWithReasonArgs = { uri: subject.uri, ruleId: f.ruleId, line, scope, cellIndex };
  const what = f.category === 'compliance' ? f.ruleId : CATEGORY_LABELS[f.category];
  return {
    title: `phisafe: Suppress ${f.ruleId} ${scope === 'cell' ? 'for this cell' : 'on this line'} (${what}) with a reason…`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    command: { title: 'Suppress with a reason', command: ServerCommands.suppressWithReason, arguments: [args] },
  };
}

function diagnosticFor(subject: ActionSubject, f: Finding): Diagnostic | undefined {
  const range = findingRange(f);
  return subject.diagnostics.find((d) => sameFinding(d, f) && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
}

function sameFinding(d: Diagnostic, f: Finding): boolean {
  return d.code === f.ruleId && (d.data as { category?: string } | undefined)?.category === f.category;
}

/** The parameter name an edit set introduces (from its `:name` or widget call), for the action's title. */
function parameterNameIn(edits: readonly FileEdit[]): string | undefined {
  for (const e of edits) {
    const m = /^:(\w+)$|^dbutils\.widgets\.get\("(\w+)"\)$/.exec(e.newText);
    if (m) return m[1] ?? m[2];
  }
  return undefined;
}
