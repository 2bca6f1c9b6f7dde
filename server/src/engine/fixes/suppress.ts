/**
 * Suppress with a reason: a `phisafe-ignore[rule]: reason` comment above the finding, in the comment syntax
 * of the cell's language and inside the notebook's framing (`# MAGIC ` lines, `.ipynb` source arrays).
 * Findings in titles and outputs have no source line, so they get a cell-wide `phisafe-ignore-cell`.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Language, NotebookCell, ScanDocument } from '../model';
import { LineIndex } from '../positions';
import { cellOf, languageOf, lineBreakOf } from './cells';
import type { FileEdit } from './types';

export interface Suppression {
  readonly ruleId: string;
  readonly scope: 'line' | 'cell';
  readonly cellIndex: number;
  /** 0-based line of the finding in the document text (line scope). */
  readonly line: number;
  readonly reason: string;
}

const MAGIC_PREFIX = /^[ \t]*(?:#|--|\/\/) MAGIC ?/;

/** One line, no comment terminators, bounded: the reason lands inside a comment and must not end it. */
export function sanitiseReason(reason: string): string {
  return reason.replace(/-->|\*\/|\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

export function directiveComment(language: Language, suppression: Pick<Suppression, 'ruleId' | 'scope' | 'reason'>): string {
  const keyword = suppression.scope === 'cell' ? 'phisafe-ignore-cell' : 'phisafe-ignore';
  const body = `${keyword}[${suppression.ruleId}]: ${sanitiseReason(suppression.reason)}`;
  switch (language) {
    case 'markdown': return `<!-- ${body} -->`;
    case 'sql': return `-- ${body}`;
    case 'scala': return `// ${body}`;
    default: return `# ${body}`;
  }
}

export function suppressEdit(document: ScanDocument, suppression: Suppression): FileEdit | undefined {
  if (!sanitiseReason(suppression.reason)) return undefined;
  const cell = cellOf(document, suppression.cellIndex);
  if (!cell) return undefined;
  if (document.format === 'ipynb') return ipynbSuppression(document, cell, suppression);
  const text = document.text;
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  const comment = directiveComment(languageOf(document, cell), suppression);
  const target = suppression.scope === 'cell' ? lines.position(cellSourceStart(cell)).line : suppression.line;
  const at = lines.lineStart(target);
  const lineText = text.slice(at, lines.lineStart(target + 1));
  const magic = MAGIC_PREFIX.exec(lineText)?.[0] ?? '';
  const indent = /^[ \t]*/.exec(lineText.slice(magic.length))?.[0] ?? '';
  // An empty cell or a directive past the last line: put it on a line of its own at the end.
  if (target >= lines.lineCount || (at === text.length && text.length > 0)) {
    return { startOffset: text.length, endOffset: text.length, newText: `${eol}${magic}${comment}` };
  }
  return { startOffset: at, endOffset: at, newText: `${magic}${indent}${comment}${eol}` };
}

/** Offset where the cell's source starts in the file (past a DBTITLE line and a `%md` / `%sql` magic line). */
function cellSourceStart(cell: NotebookCell): number {
  return cell.source.text.length > 0 ? Math.max(cell.fileStart, cell.source.map.toFile(0)) : cell.fileStart;
}

/** In `.ipynb` JSON the directive is a new first element of the cell's `source` (after a `%magic` line). */
function ipynbSuppression(document: ScanDocument, cell: NotebookCell, suppression: Suppression): FileEdit | undefined {
  const root = parseTree(document.text);
  const source = root && findNodeAtLocation(root, ['cells', cell.index, 'source']);
  if (!source) return undefined;
  const comment = directiveComment(languageOf(document, cell), { ...suppression, scope: 'cell' });
  const line = JSON.stringify(`${comment}\n`);
  if (source.type === 'string') {
    const value = String(source.value);
    const magicEnd = value.startsWith('%') ? value.indexOf('\n') : -1;
    const insertAt = magicEnd < 0 ? source.offset + 1 : offsetAfterLogical(document.text, source, magicEnd + 1);
    return { startOffset: insertAt, endOffset: insertAt, newText: line.slice(1, -1) };
  }
  if (source.type !== 'array') return undefined;
  const items: Node[] = source.children ?? [];
  if (items.length === 0) return { startOffset: source.offset, endOffset: source.offset + source.length, newText: `[${line}]` };
  const first = items[0];
  const before = document.text.slice(source.offset + 1, first.offset);
  const separator = before.includes('\n') ? `,${lineBreakOf(document.text)}${/[ \t]*$/.exec(before)?.[0] ?? ''}` : ', ';
  const firstValue = typeof first.value === 'string' ? first.value : '';
  if (!firstValue.startsWith('%')) return { startOffset: first.offset, endOffset: first.offset, newText: `${line}${separator}` };
  const after = first.offset + first.length;
  const element = firstValue.endsWith('\n') ? line : JSON.stringify(`\n${comment}\n`);
  return { startOffset: after, endOffset: after, newText: `${separator}${element}` };
}

/** File offset of logical character `logical` inside a JSON string node (escapes are several characters). */
function offsetAfterLogical(text: string, node: Node, logical: number): number {
  let i = node.offset + 1;
  for (let n = 0; n < logical; n++) {
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 6 : 2;
    else i++;
  }
  return i;
}
