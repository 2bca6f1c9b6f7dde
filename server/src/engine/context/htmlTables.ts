/**
 * HTML tables (pandas `to_html`, notebook display HTML): each `<td>` typed by the `<th>` of its column. Tags
 * are found with indexOf and read left to right once; there is no regular expression over the document, so a
 * 60 KB single-line output or a broken one (`<td>` never closed, `<` never closed) costs one pass.
 */
import { isSpace, type Column, type ValueSink } from './tableSink';
import { isColumnName } from './textTables';

/** The elements the reader acts on; any other tag is passed over. */
const enum Tag {
  Other, Table, Thead, Tbody, Tr, Td, Th, Script, Style, Textarea,
}


export function htmlTableValues(text: string, sink: ValueSink): void {
  new HtmlTableReader(text, sink).run();
}

/**
 * Cells of the current row as parallel lists (a table has a cell per value, so no object per cell): whether
 * each is a header cell, and the span of its single text run, or -1 when it is empty, nested or holds an entity.
 */
class RowCells {
  length = 0;
  readonly header: boolean[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];

  push(header: boolean, start: number, end: number): void {
    this.header[this.length] = header;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }
}

class HtmlTableReader {
  /** The header's columns, resolved by the sink once per table (undefined for an unnamed column). */
  private header: (Column | undefined)[] | undefined;
  private headerCandidate: string[] | undefined;
  /** Whether the table's columns may be records (a frame printed transposed: `0`, `1`, `pt1`), judged once per table. */
  private columnsMayBeRecords: boolean | undefined;
  private inHead = false;
  private inRow = false;
  private readonly row = new RowCells();
  /** The open `<td>`/`<th>`, if any: its kind, its text runs so far and the last run's span. */
  private inCell = false;
  private cellHeader = false;
  private cellRuns = 0;
  private cellStart = -1;
  private cellEnd = -1;
  private cellPlain = true;
  /** Whether the tag just read closes (`</td>`). */
  private closing = false;

  constructor(private readonly text: string, private readonly sink: ValueSink) {}

  run(): void {
    const text = this.text;
    let pos = 0;
    while (pos < text.length && !this.sink.full) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) break;
      this.noteText(pos, lt);
      if (text.charCodeAt(lt + 1) === 0x21 && text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) break;
        pos = close + 3;
        continue;
      }
      const gt = text.indexOf('>', lt + 1);
      if (gt < 0) break;
      const tag = this.tagAt(lt, gt);
      pos = gt + 1;
      const raw = rawTextName(tag);
      if (raw !== undefined && !this.closing) {
        const close = indexOfClosingTag(text, raw, pos);
        if (close < 0) break;
        pos = close;
        continue;
      }
      this.onTag(tag, this.closing);
    }
    this.endTable();
  }

  private onTag(tag: Tag, closing: boolean): void {
    switch (tag) {
      case Tag.Table:
        this.endTable();
        break;
      case Tag.Thead:
        this.endRow();
        this.inHead = !closing;
        if (closing) this.fixHeader();
        break;
      case Tag.Tbody:
        this.endRow();
        this.fixHeader();
        break;
      case Tag.Tr:
        this.endRow();
        if (!closing) this.inRow = true;
        break;
      case Tag.Td:
      case Tag.Th:
        this.endCell();
        if (!closing && this.inRow) this.openCell(tag === Tag.Th);
        break;
      default:
        break;
    }
  }

  private openCell(header: boolean): void {
    this.inCell = true;
    this.cellHeader = header;
    this.cellRuns = 0;
    this.cellStart = -1;
    this.cellEnd = -1;
    this.cellPlain = true;
  }

  /** Text between two tags: counted when it falls inside a cell. */
  private noteText(from: number, to: number): void {
    if (!this.inCell || to <= from) return;
    const text = this.text;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to <= from) return;
    this.cellRuns++;
    this.cellStart = from;
    this.cellEnd = to;
    // Entities would need decoding to be read; a value is reported only as plain text.
    for (let p = from; p < to; p++) if (text.charCodeAt(p) === 0x26) this.cellPlain = false;
  }

  private endCell(): void {
    if (!this.inCell || !this.inRow) return;
    const ok = this.cellRuns === 1 && this.cellPlain;
    this.row.push(this.cellHeader, ok ? this.cellStart : -1, ok ? this.cellEnd : -1);
    this.inCell = false;
  }

  private endRow(): void {
    this.endCell();
    const row = this.row;
    // The row's cells stay readable in the lists below `length` until the next row overwrites them.
    const length = row.length;
    row.length = 0;
    this.inRow = false;
    if (length === 0) return;
    if (!this.header && (this.inHead || allHeaders(row, length))) {
      const names: string[] = [];
      for (let k = 0; k < length; k++) names.push(row.start[k] >= 0 ? this.text.slice(row.start[k], row.end[k]) : '');
      // Several header rows (a named index, MultiIndex columns): keep the one that names the most columns.
      if (!this.headerCandidate || count(names) > count(this.headerCandidate)) this.headerCandidate = names;
      if (!this.inHead) this.fixHeader();
      return;
    }
    this.fixHeader();
    const header = this.header;
    if (!header) return;
    // A row labelled by a key the caller reads (`<th>birth_date</th>`) in a table whose columns are records
    // (`df.T.to_html()`): its values are keyed by the label.
    if (row.header[0] && row.start[0] >= 0 && length > 1 && this.recordColumns(header)) {
      const label = this.text.slice(row.start[0], row.end[0]);
      if (isColumnName(label) && this.sink.typesKey(label)) {
        const column = this.sink.column(label);
        for (let k = 1; k < length && !this.sink.full; k++) if (column && row.start[k] >= 0) this.sink.addTo(column, row.start[k], row.end[k]);
        return;
      }
    }
    for (let k = 0; k < length && k < header.length; k++) {
      const column = header[k];
      if (column && row.start[k] >= 0 && !this.sink.full) this.sink.addTo(column, row.start[k], row.end[k]);
    }
  }

  /** Whether every named column but the first is a record's position or label (`0`, `1`, `pt1`, `rec_2`). */
  private recordColumns(header: readonly (Column | undefined)[]): boolean {
    if (this.columnsMayBeRecords === undefined) {
      let named = 0;
      let records = 0;
      for (let k = 1; k < header.length; k++) {
        const column = header[k];
        if (!column) continue;
        named++;
        if (RECORD_COLUMN.test(column.name)) records++;
      }
      this.columnsMayBeRecords = named > 0 && records === named;
    }
    return this.columnsMayBeRecords;
  }

  private fixHeader(): void {
    if (!this.header && this.headerCandidate) {
      this.header = this.sink.columnsOf(this.headerCandidate);
      this.sink.beginTable();
    }
  }

  private endTable(): void {
    this.endRow();
    this.sink.endTable();
    this.header = undefined;
    this.headerCandidate = undefined;
    this.columnsMayBeRecords = undefined;
    this.inHead = false;
  }

  /** The element of the tag in text[lt..gt] (its name read in place, any case); sets `closing`. */
  private tagAt(lt: number, gt: number): Tag {
    const text = this.text;
    let p = lt + 1;
    this.closing = text.charCodeAt(p) === 0x2f;
    if (this.closing) p++;
    const start = p;
    while (p < gt && p - start < 16 && isNameChar(text.charCodeAt(p))) p++;
    return tagNamed(text, start, p - start);
  }
}

/** A column named for a record's position or label, as a transposed frame's are (`0`, `12`, `pt1`, `patient_2`). */
const RECORD_COLUMN = /^(?:[A-Za-z]{1,12}[ _-]?)?\d{1,4}$/;

/** The tag whose name is text[start, start + length) in any case; tables are mostly `td` and `tr`. */
function tagNamed(text: string, start: number, length: number): Tag {
  switch (length) {
    case 2: {
      if ((text.charCodeAt(start) | 0x20) !== 0x74) return Tag.Other; // t
      const c = text.charCodeAt(start + 1) | 0x20;
      return c === 0x64 ? Tag.Td : c === 0x72 ? Tag.Tr : c === 0x68 ? Tag.Th : Tag.Other;
    }
    case 5:
      if (nameIs(text, start, 'table')) return Tag.Table;
      if (nameIs(text, start, 'thead')) return Tag.Thead;
      if (nameIs(text, start, 'tbody')) return Tag.Tbody;
      return nameIs(text, start, 'style') ? Tag.Style : Tag.Other;
    case 6:
      return nameIs(text, start, 'script') ? Tag.Script : Tag.Other;
    case 8:
      return nameIs(text, start, 'textarea') ? Tag.Textarea : Tag.Other;
    default:
      return Tag.Other;
  }
}

/** The name of an element whose content is never table text, or undefined. */
function rawTextName(tag: Tag): string | undefined {
  switch (tag) {
    case Tag.Script: return 'script';
    case Tag.Style: return 'style';
    case Tag.Textarea: return 'textarea';
    default: return undefined;
  }
}

function allHeaders(row: RowCells, length: number): boolean {
  for (let k = 0; k < length; k++) if (!row.header[k]) return false;
  return true;
}

function count(names: readonly string[]): number {
  return names.filter((n) => n !== '').length;
}

/** Whether the name chars at start spell `name` (lower case) in any case; `| 0x20` keeps digits as they are. */
function nameIs(text: string, start: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if ((text.charCodeAt(start + k) | 0x20) !== name.charCodeAt(k)) return false;
  return true;
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
