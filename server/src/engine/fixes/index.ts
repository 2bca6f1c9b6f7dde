/**
 * Quick-fix edit builders, shared by the language server and `phisafe lint --fix`. Pure: a scanned document
 * and findings in, file-offset edits out. No edit ever carries a matched value: replacements are
 * placeholders, parameter names (from column names) and suppression comments.
 */
import type { Finding, ScanDocument } from '../model';
import { parameteriseEdits } from './parameterise';
import { redactEdit } from './redact';
import type { FileEdit } from './types';

export type { FileEdit, FixInput } from './types';
export { baseParameterName, canParameterise, parameteriseEdits } from './parameterise';
export { PLACEHOLDERS, redactEdit } from './redact';
export { directiveComment, sanitiseReason, suppressEdit, type Suppression } from './suppress';
export { cellsWithPhiOutputs, clearOutputsEdits } from './clearOutputs';

/**
 * Every parameterise and redact fix in the file, as one non-overlapping set in file order. Where two fixes
 * would touch the same text, the earlier finding's wins; the other stays reported for a later pass.
 */
export function fixAllEdits(document: ScanDocument, findings: readonly Finding[]): FileEdit[] {
  const candidates: FileEdit[] = [...(parameteriseEdits(document, findings) ?? [])];
  for (const f of findings) {
    const edit = redactEdit(f);
    if (edit) candidates.push(edit);
  }
  candidates.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  const kept: FileEdit[] = [];
  let end = -1;
  for (const e of candidates) {
    if (e.startOffset < end) continue;
    kept.push(e);
    end = Math.max(end, e.endOffset);
  }
  return kept;
}

/** Applies non-overlapping edits to text (the CLI's --fix and the tests). */
export function applyEdits(text: string, edits: readonly FileEdit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.startOffset - a.e.startOffset || b.i - a.i);
  let out = text;
  for (const { e } of ordered) out = out.slice(0, e.startOffset) + e.newText + out.slice(e.endOffset);
  return out;
}
