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
  let lines: Line[] = [];
  let cellStart = header.bodyStart;
  for (let pos = header.bodyStart; pos < text.length;) {
    const line = lineAt(text, pos);
    if (syntax.isSeparator(text, line)) {
      cells.push(readCell(text, syntax, header.language, lines, cells.length, cellStart, line.start));
      lines = [];
      cellStart = line.next;
    } else {
      lines.push(line);
    }
    pos = line.next;
  }
  cells.push(readCell(text, syntax, header.language, lines, cells.length, cellStart, Math.max(cellStart, text.length)));
  return { path, format: 'source-notebook', text, cells };
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
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return { start, contentEnd: i, next: i + 1 };
    if (c === 0x0d) return { start, contentEnd: i, next: text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1 };
    i++;
  }
  return { start, contentEnd: i, next: i };
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

  isSeparator(text: string, line: Line): boolean {
    return text.startsWith(this.separator, line.start) && isBlank(text, line.start + this.separator.length, line.contentEnd);
  }

  /** Offset where a `MAGIC` line's content starts (after the prefix and one space), or -1 for other lines. */
  magicContentStart(text: string, line: Line): number {
    if (!text.startsWith(this.magic, line.start)) return -1;
    const after = line.start + this.magic.length;
    if (after === line.contentEnd) return after;
    return text.charCodeAt(after) === 0x20 ? after + 1 : -1;
  }

  /** Offset where a `DBTITLE` line's title starts, or -1. */
  titleStart(text: string, line: Line): number {
    const head = text.slice(line.start, Math.min(line.contentEnd, line.start + 20));
    const m = this.title.exec(head);
    return m ? line.start + m[0].length : -1;
  }
}

function readCell(
  text: string, syntax: NotebookSyntax, notebookLanguage: Language, allLines: readonly Line[],
  index: number, fileStart: number, fileEnd: number,
): NotebookCell {
  let lines = trimBlankLines(text, allLines);
  let title: TextSlice | undefined;
  if (lines.length > 0) {
    const start = syntax.titleStart(text, lines[0]);
    if (start >= 0) {
      title = verbatimSlice(text, start, lines[0].contentEnd);
      lines = trimBlankLines(text, lines.slice(1));
    }
  }
  const isMagicCell = lines.length > 0 && syntax.magicContentStart(text, lines[0]) >= 0;
  const builder = new SliceBuilder(text);
  lines.forEach((line, i) => {
    const magicStart = isMagicCell ? syntax.magicContentStart(text, line) : -1;
    const from = magicStart >= 0 ? magicStart : line.start;
    builder.addFileRange(from, i === lines.length - 1 ? line.contentEnd : line.next);
  });
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

/** Drops whitespace-only lines at both ends (Databricks writes one blank line around each separator). */
function trimBlankLines(text: string, lines: readonly Line[]): readonly Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(text, lines[a].start, lines[a].contentEnd)) a++;
  while (b > a && isBlank(text, lines[b - 1].start, lines[b - 1].contentEnd)) b--;
  return a === 0 && b === lines.length ? lines : lines.slice(a, b);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
