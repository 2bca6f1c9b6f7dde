/**
 * HTML tables (pandas `to_html`, notebook display HTML): each `<td>` typed by the `<th>` of its column. Tags
 * are found with indexOf and read left to right once; there is no regular expression over the document, so a
 * 60 KB single-line output or a broken one (`<td>` never closed, `<` never closed) costs one pass.
 */
import { isSpace, type ValueSink } from './tableSink';

interface CellText {
  readonly header: boolean;
  /** Span of the cell's single text run, or -1 when it is empty, nested or holds an entity. */
  readonly start: number;
  readonly end: number;
}

/** Elements whose content is never table text. */
const RAW_TEXT = new Set(['script', 'style', 'textarea']);

export function htmlTableValues(text: string, sink: ValueSink): void {
  new HtmlTableReader(text, sink).run();
}

class HtmlTableReader {
  private header: string[] | undefined;
  private headerCandidate: string[] | undefined;
  private inHead = false;
  private row: CellText[] | undefined;
  private cell: { header: boolean; runs: number; start: number; end: number; plain: boolean } | undefined;

  constructor(private readonly text: string, private readonly sink: ValueSink) {}

  run(): void {
    const text = this.text;
    let pos = 0;
    while (pos < text.length && !this.sink.full) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) break;
      this.noteText(pos, lt);
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) break;
        pos = close + 3;
        continue;
      }
      const gt = text.indexOf('>', lt + 1);
      if (gt < 0) break;
      const { name, closing } = tagName(text, lt, gt);
      pos = gt + 1;
      if (RAW_TEXT.has(name) && !closing) {
        const close = indexOfClosingTag(text, name, pos);
        if (close < 0) break;
        pos = close;
        continue;
      }
      this.onTag(name, closing);
    }
    this.endTable();
  }

  private onTag(name: string, closing: boolean): void {
    switch (name) {
      case 'table':
        this.endTable();
        break;
      case 'thead':
        this.endRow();
        this.inHead = !closing;
        if (closing) this.fixHeader();
        break;
      case 'tbody':
        this.endRow();
        this.fixHeader();
        break;
      case 'tr':
        this.endRow();
        if (!closing) this.row = [];
        break;
      case 'td':
      case 'th':
        this.endCell();
        if (!closing && this.row) this.cell = { header: name === 'th', runs: 0, start: -1, end: -1, plain: true };
        break;
      default:
        break;
    }
  }

  /** Text between two tags: counted when it falls inside a cell. */
  private noteText(from: number, to: number): void {
    const cell = this.cell;
    if (!cell || to <= from) return;
    while (from < to && isSpace(this.text.charCodeAt(from))) from++;
    while (to > from && isSpace(this.text.charCodeAt(to - 1))) to--;
    if (to <= from) return;
    cell.runs++;
    cell.start = from;
    cell.end = to;
    // Entities would need decoding to be read; a value is reported only as plain text.
    for (let p = from; p < to; p++) if (this.text.charCodeAt(p) === 0x26) cell.plain = false;
  }

  private endCell(): void {
    const cell = this.cell;
    if (!cell || !this.row) return;
    const ok = cell.runs === 1 && cell.plain;
    this.row.push({ header: cell.header, start: ok ? cell.start : -1, end: ok ? cell.end : -1 });
    this.cell = undefined;
  }

  private endRow(): void {
    this.endCell();
    const row = this.row;
    this.row = undefined;
    if (!row || row.length === 0) return;
    const allHeaders = row.every((c) => c.header);
    if (!this.header && (this.inHead || allHeaders)) {
      const names = row.map((c) => (c.start >= 0 ? this.text.slice(c.start, c.end) : ''));
      // Several header rows (a named index, MultiIndex columns): keep the one that names the most columns.
      if (!this.headerCandidate || count(names) > count(this.headerCandidate)) this.headerCandidate = names;
      if (!this.inHead) this.fixHeader();
      return;
    }
    this.fixHeader();
    const header = this.header;
    if (!header) return;
    row.forEach((c, k) => {
      const key = header[k];
      if (key && c.start >= 0) this.sink.add(key, c.start, c.end);
    });
  }

  private fixHeader(): void {
    if (!this.header && this.headerCandidate) this.header = this.headerCandidate;
  }

  private endTable(): void {
    this.endRow();
    this.header = undefined;
    this.headerCandidate = undefined;
    this.inHead = false;
  }
}

function count(names: readonly string[]): number {
  return names.filter((n) => n !== '').length;
}

/** The lower-cased element name of the tag in text[lt..gt], and whether it closes. */
function tagName(text: string, lt: number, gt: number): { name: string; closing: boolean } {
  let p = lt + 1;
  const closing = text.charCodeAt(p) === 0x2f;
  if (closing) p++;
  const start = p;
  while (p < gt && p - start < 16 && isNameChar(text.charCodeAt(p))) p++;
  return { name: text.slice(start, p).toLowerCase(), closing };
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Offset of the closing tag `</name` (any case) at or after from, or -1. */
function indexOfClosingTag(text: string, name: string, from: number): number {
  for (let p = text.indexOf('</', from); p >= 0; p = text.indexOf('</', p + 2)) {
    if (text.slice(p + 2, p + 2 + name.length).toLowerCase() === name) return p;
  }
  return -1;
}
