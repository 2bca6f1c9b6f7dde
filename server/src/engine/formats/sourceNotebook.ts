/**
 * Databricks source notebooks: a `.py`/`.sql`/`.scala`/`.r` file whose first line is
 * `<comment> Databricks notebook source`, with cells split by `<comment> COMMAND ----------`, cells of other
 * languages written as `<comment> MAGIC <line>` and cell titles as `<comment> DBTITLE 1,<title>`.
 */
import type { Language, NotebookCell, ScanDocument, TextSlice } from '../model';
import { findMagicLine } from './magics';
import { SliceBuilder, verbatimSlice } from './sliceBuilder';

export interface SourceNotebookHeader {
  /** The language's line-comment marker: `#`, `--` or `//`. */
  readonly prefix: string;
  readonly language: Language;
  /** Offset where the line after the header starts. */
  readonly bodyStart: number;
}

const HEADER_TEXT = ' Databricks notebook source';

/** The header of a source notebook, or undefined when `text` is not one. `.r` files share `#` with Python. */
export function sourceNotebookHeader(text: string, extension: string): SourceNotebookHeader | undefined {
  const first = lineAt(text, 0);
  // Text from an editor buffer may still carry a BOM; decodeText has removed it from files on disk.
  const content = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, first.contentEnd).trimEnd();
  for (const [prefix, language] of [['#', 'python'], ['--', 'sql'], ['//', 'scala']] as const) {
    if (content === prefix + HEADER_TEXT) {
      return { prefix, language: prefix === '#' && extension === '.r' ? 'r' : language, bodyStart: first.next };
    }
  }
  return undefined;
}

export function readSourceNotebook(path: string, text: string, header: SourceNotebookHeader): ScanDocument {
  const syntax = new NotebookSyntax(header.prefix);
  const cells: NotebookCell[] = [];
  const lines = new CellLines();
  // Without a CR anywhere, native indexOf finds each line end, far faster than a loop over characters.
  const lfOnly = text.indexOf('\r') < 0;
  let cellStart = header.bodyStart;
  for (let pos = header.bodyStart; pos < text.length;) {
    const contentEnd = lfOnly ? lfLineEnd(text, pos) : lineEnd(text, pos);
    const next = nextLineStart(text, contentEnd);
    if (syntax.isSeparator(text, pos, contentEnd)) {
      cells.push(readCell(text, syntax, header.language, lines, cells.length, cellStart, pos));
      lines.clear();
      cellStart = next;
    } else {
      lines.push(pos, contentEnd, next);
    }
    pos = next;
  }
  cells.push(readCell(text, syntax, header.language, lines, cells.length, cellStart, Math.max(cellStart, text.length)));
  return { path, format: 'source-notebook', text, cells };
}

/**
 * The lines of the cell being read, as parallel lists of offsets (no object per line): where each starts,
 * where its content ends (before its line break) and where the next one starts. Reused from cell to cell.
 */
class CellLines {
  readonly starts: number[] = [];
  readonly contentEnds: number[] = [];
  readonly nexts: number[] = [];
  length = 0;

  push(start: number, contentEnd: number, next: number): void {
    this.starts[this.length] = start;
    this.contentEnds[this.length] = contentEnd;
    this.nexts[this.length] = next;
    this.length++;
  }

  clear(): void {
    this.length = 0;
  }

  isBlank(text: string, i: number): boolean {
    return isBlank(text, this.starts[i], this.contentEnds[i]);
  }
}

interface Line {
  readonly start: number;
  /** End of the line's content, before its line break. */
  readonly contentEnd: number;
  /** Start of the next line (after the line break). */
  readonly next: number;
}

/** The line starting at `start`; a line break is LF, CRLF or a lone CR. */
function lineAt(text: string, start: number): Line {
  const contentEnd = lineEnd(text, start);
  return { start, contentEnd, next: nextLineStart(text, contentEnd) };
}

/** Where the content of the line at `start` ends: at the next LF or CR, or the text's end. */
function lineEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
    i++;
  }
  return i;
}

/** lineEnd for a text without CR. */
function lfLineEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.length : nl;
}

/** Start of the line after one whose content ends at `contentEnd` (past LF, CRLF or a lone CR). */
function nextLineStart(text: string, contentEnd: number): number {
  const c = text.charCodeAt(contentEnd);
  if (c === 0x0a) return contentEnd + 1;
  if (c === 0x0d) return text.charCodeAt(contentEnd + 1) === 0x0a ? contentEnd + 2 : contentEnd + 1;
  return contentEnd;
}

/** The notebook's framing lines, all written behind the language's comment marker. */
class NotebookSyntax {
  private readonly separator: string;
  private readonly magic: string;
  private readonly title: RegExp;

  constructor(prefix: string) {
    this.separator = `${prefix} COMMAND ----------`;
    this.magic = `${prefix} MAGIC`;
    this.title = new RegExp(`^${prefix} DBTITLE \\d{1,3},`);
  }

  isSeparator(text: string, start: number, contentEnd: number): boolean {
    return text.startsWith(this.separator, start) && isBlank(text, start + this.separator.length, contentEnd);
  }

  /** Offset where a `MAGIC` line's content starts (after the prefix and one space), or -1 for other lines. */
  magicContentStart(text: string, start: number, contentEnd: number): number {
    if (!text.startsWith(this.magic, start)) return -1;
    const after = start + this.magic.length;
    if (after === contentEnd) return after;
    return text.charCodeAt(after) === 0x20 ? after + 1 : -1;
  }

  /** Offset where a `DBTITLE` line's title starts, or -1. */
  titleStart(text: string, start: number, contentEnd: number): number {
    const head = text.slice(start, Math.min(contentEnd, start + 20));
    const m = this.title.exec(head);
    return m ? start + m[0].length : -1;
  }
}

function readCell(
  text: string, syntax: NotebookSyntax, notebookLanguage: Language, lines: CellLines,
  index: number, fileStart: number, fileEnd: number,
): NotebookCell {
  // The cell's lines after trimming are [first, end) of `lines`.
  let [first, end] = trimBlankLines(text, lines, 0, lines.length);
  let title: TextSlice | undefined;
  if (end > first) {
    const start = syntax.titleStart(text, lines.starts[first], lines.contentEnds[first]);
    if (start >= 0) {
      title = verbatimSlice(text, start, lines.contentEnds[first]);
      [first, end] = trimBlankLines(text, lines, first + 1, end);
    }
  }
  const isMagicCell = end > first && syntax.magicContentStart(text, lines.starts[first], lines.contentEnds[first]) >= 0;
  const builder = new SliceBuilder(text);
  if (!isMagicCell) {
    // A plain cell's lines follow each other in the file: one range, read without joining pieces.
    if (end > first) builder.addFileRange(lines.starts[first], lines.contentEnds[end - 1]);
  } else {
    for (let i = first; i < end; i++) {
      const magicStart = syntax.magicContentStart(text, lines.starts[i], lines.contentEnds[i]);
      const from = magicStart >= 0 ? magicStart : lines.starts[i];
      builder.addFileRange(from, i === end - 1 ? lines.contentEnds[i] : lines.nexts[i]);
    }
  }
  const magic = findMagicLine(builder.text());
  return {
    index,
    kind: magic?.magic.kind ?? 'code',
    language: magic?.magic.language ?? notebookLanguage,
    source: builder.build(magic?.bodyStart ?? 0),
    title,
    outputs: [],
    fileStart,
    fileEnd,
  };
}

/** [first, end) without whitespace-only lines at both ends (Databricks writes one blank line around each separator). */
function trimBlankLines(text: string, lines: CellLines, first: number, end: number): [number, number] {
  while (first < end && lines.isBlank(text, first)) first++;
  while (end > first && lines.isBlank(text, end - 1)) end--;
  return [first, end];
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
