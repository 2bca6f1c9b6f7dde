/** Builders for fix tests: synthetic values made in code, findings placed where a detector would put them. */
import { spawnSync } from 'node:child_process';
import { strict as assert } from 'node:assert';
import { CATEGORY_LABELS, LineIndex, type Category, type Finding, type FixKind, type RegionKind, type ScanDocument } from '../../../server/src/engine';
import { readDocument } from '../../../server/src/engine/formats';

/** An obviously synthetic medical record number, assembled so no literal in the test reads like one. */
export const fakeMrn = (n: number): string => ['ZZ', 'TEST', String(900000 + n)].join('');
/** A structurally valid but never-issued SSN (area 9xx is never assigned). */
export const fakeSsn = (): string => ['987', '65', '4320'].join('-');

const FIXES: Readonly<Record<string, readonly FixKind[]>> = {
  code: ['parameterise', 'suppress'],
  comment: ['redact', 'suppress'],
  markdown: ['redact', 'suppress'],
  title: ['redact', 'suppress'],
  output: ['clear-output', 'suppress'],
};

const RULE: Readonly<Record<string, string>> = {
  code: 'phi/embedded-identifier', comment: 'phi/comment', markdown: 'phi/markdown', title: 'phi/title', output: 'phi/output',
};

export function read(path: string, text: string): ScanDocument {
  return readDocument(path, text);
}

/** The finding a detector would report for the `occurrence`-th copy of `value` in the document text. */
export function findingFor(
  document: ScanDocument, value: string, options: { category: Category; regionKind: RegionKind; contextKey?: string; occurrence?: number; outputIndex?: number },
): Finding {
  let start = -1;
  for (let k = 0; k <= (options.occurrence ?? 0); k++) start = document.text.indexOf(value, start + 1);
  assert.ok(start >= 0, 'fixture does not hold the value');
  const end = start + value.length;
  const lines = new LineIndex(document.text);
  const s = lines.position(start);
  const e = lines.position(end);
  const cell = document.cells.find((c) => c.fileStart <= start && start < c.fileEnd) ?? document.cells[0];
  return {
    ruleId: RULE[options.regionKind], category: options.category, severity: 'error',
    message: `${CATEGORY_LABELS[options.category]} (test)`, redacted: '***',
    range: { startOffset: start, endOffset: end, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character },
    regionKind: options.regionKind, cellIndex: cell.index, outputIndex: options.outputIndex, contextKey: options.contextKey,
    fixes: FIXES[options.regionKind],
  };
}

/** Whether Python accepts the code (`# MAGIC` lines are comments to Python, so a source notebook parses whole). */
export function pythonParses(code: string): boolean {
  const r = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
  return r.status === 0;
}

/** JSON.parse plus the nbformat shape the fixes must keep: cells with source and, for code, outputs. */
export function assertNotebookShape(text: string): { cells: Array<{ cell_type: string; source: unknown; outputs?: unknown[]; execution_count?: number | null }> } {
  const nb = JSON.parse(text) as { cells: Array<{ cell_type: string; source: unknown; outputs?: unknown[]; execution_count?: number | null }> };
  assert.ok(Array.isArray(nb.cells));
  for (const cell of nb.cells) {
    assert.ok(typeof cell.source === 'string' || Array.isArray(cell.source));
    if (cell.cell_type === 'code') assert.ok(Array.isArray(cell.outputs));
  }
  return nb;
}
