/**
 * Tables printed as text: Spark `show()` grids (and their vertical form), Markdown tables, pandas DataFrame and
 * Series prints, CSV, R column summaries (`str`, `glimpse`). Each reader starts at a line, takes the lines of its
 * block and returns the next line, so the whole output is read in one pass; every value is typed by its header.
 */
import { allDigits, isDigitCode, isLowerCaseCode } from '../detectors/text';
import { mayBeColumnSummary, readColumnSummaries } from './columnSummaries';
import { isSpace, type Column, type Lines, type ValueSink } from './tableSink';

/** Reads the table blocks of a text output; returns which lines they took (the rest is read as key/value lines). */
export function textTableValues(lines: Lines, sink: ValueSink): Uint8Array {
  const consumed = new Uint8Array(lines.count);
  let runStart = 0;
  for (let i = 0; i < lines.count && !sink.full;) {
    sink.beginTable();
    const block = readBlockAt(lines, i, runStart, sink);
    sink.endTable();
    if (block) {
      consumed.fill(1, block.from, block.next);
      i = block.next;
      runStart = i;
      continue;
    }
    if (lines.isBlank(i)) runStart = i + 1;
    i++;
  }
  return consumed;
}

interface Block {
  readonly from: number;
  readonly next: number;
}

function readBlockAt(lines: Lines, i: number, runStart: number, sink: ValueSink): Block | undefined {
  const first = lines.indent(i);
  // No block starts at a blank line; the last one may end the text, and a read past it deoptimises the reader.
  if (first === lines.ends[i]) return undefined;
  const c = lines.text.charCodeAt(first);
  let next = i;
  let from = i;
  if (c === 0x2b /* + */ && isGridBorder(lines, i)) next = readGrid(lines, i, sink);
  else if (c === POLARS_TOP_LEFT) next = readPolars(lines, i, sink);
  else if (c === 0x2d /* - */ && lines.startsWith(i, '-RECORD', first)) next = readVertical(lines, i, sink);
  else if (isSeriesFooter(lines, i)) {
    from = Math.max(runStart, i - MAX_SERIES_LINES);
    next = readSeries(lines, from, i, sink);
  } else if (i + 1 < lines.count && isMarkdownSeparator(lines, i + 1) && lineHas(lines, i, 0x7c)) next = readPipeRows(lines, i, i + 2, sink);
  else if (i + 1 < lines.count && isPipeHeader(lines, i)) next = readPipeRows(lines, i, i + 1, sink);
  else if (c === 0x24 /* $ */ && mayBeColumnSummary(lines, i)) next = readColumnSummaries(lines, i, sink);
  else if (first > lines.starts[i] && first < lines.ends[i]) next = readDataFrame(lines, i, sink);
  else if (first === lines.starts[i] && i + 1 < lines.count) {
    const csv = csvHeader(lines, i);
    next = csv ? readCsvRows(lines, i, csv, sink) : readFixedWidth(lines, i, sink);
  }
  return next > i ? { from, next } : undefined;
}

/** Offset of the first `code` character in line i, or -1. */
function indexInLine(lines: Lines, i: number, code: number, from = lines.starts[i]): number {
  for (let p = from; p < lines.ends[i]; p++) if (lines.text.charCodeAt(p) === code) return p;
  return -1;
}

function lineHas(lines: Lines, i: number, code: number): boolean {
  return indexInLine(lines, i, code) >= 0;
}

/**
 * Rows of `describe()` output that are aggregates, not one person's values (min, max and top are values).
 * pandas labels its index with them; Spark puts them under a `summary` column.
 */
const AGGREGATE_ROWS = new Set(['count', 'mean', 'std', 'stddev', '25%', '50%', '75%', 'unique', 'freq']);

// ---- Spark show() grids ----

/** `+---+---+`; with `header`, tabulate's `+===+===+` under a header row too. */
function isGridBorder(lines: Lines, i: number, header = false): boolean {
  const start = lines.indent(i);
  const end = lines.ends[i];
  if (end - start < 3 || lines.text.charCodeAt(end - 1) !== 0x2b) return false;
  for (let p = start; p < end; p++) {
    const c = lines.text.charCodeAt(p);
    if (c !== 0x2b && c !== 0x2d && !(header && c === 0x3d)) return false;
  }
  return true;
}

/**
 * `+---+---+` / `|mrn|name|` / `+---+---+` / rows / `+---+---+`, as Spark's show() prints it; tabulate's `grid`
 * format has `+===+` under the header and a border between every two rows.
 */
function readGrid(lines: Lines, border: number, sink: ValueSink): number {
  if (border + 2 >= lines.count || !isGridBorder(lines, border + 2, true)) return border;
  const plus = borderColumns(lines, border);
  const width = lines.ends[border] - lines.starts[border];
  // One list of bar offsets serves every row; a grid has thousands of rows and a handful of columns.
  const bars: number[] = [];
  if (!gridBars(lines, border + 1, plus, width, bars)) return border;
  const text = lines.text;
  const keys: string[] = [];
  for (let k = 0; k + 1 < bars.length; k++) keys.push(text.slice(bars[k] + 1, bars[k + 1]).trim());
  const columns = sink.columnsOf(keys);
  const summary = keys[0] === 'summary';
  let i = border + 3;
  for (; i < lines.count && !sink.full; i++) {
    if (isGridBorder(lines, i)) {
      // A border ends the grid unless another of its rows follows.
      if (i + 1 < lines.count && gridBars(lines, i + 1, plus, width, bars)) continue;
      return i + 1;
    }
    if (!gridBars(lines, i, plus, width, bars)) break;
    if (summary && AGGREGATE_ROWS.has(text.slice(bars[0] + 1, bars[1]).trim())) continue;
    for (let k = 0; k < columns.length; k++) addGridValue(sink, columns[k], bars[k] + 1, bars[k + 1]);
  }
  return i;
}

// ---- Polars frames ----

const POLARS_TOP_LEFT = 0x250c; // ┌
const POLARS_EDGE = 0x2502; // │
const POLARS_SEPARATOR = 0x2506; // ┆
const POLARS_HEADER_END = 0x255e; // ╞
/** Rows between a Polars header and its `╞═══╡` line: the `---` row and the dtype row. */
const MAX_POLARS_HEADER_ROWS = 3;

/**
 * A Polars frame: `┌───┬───┐`, a header row `│ mrn ┆ dob │`, its `---` and dtype rows, `╞═══╪═══╡`, then rows
 * split at `┆` until `└───┴───┘`. Strings print in double quotes; the value is read inside them.
 */
function readPolars(lines: Lines, top: number, sink: ValueSink): number {
  const header = top + 1;
  const cells: [number, number][] = [];
  if (header >= lines.count || polarsCells(lines, header, cells) < 1) return top;
  const keys = cells.map(([s, e]) => lines.text.slice(s, e));
  let i = header + 1;
  while (i < lines.count && i - header <= MAX_POLARS_HEADER_ROWS && lines.text.charCodeAt(lines.indent(i)) !== POLARS_HEADER_END) i++;
  if (i >= lines.count || lines.text.charCodeAt(lines.indent(i)) !== POLARS_HEADER_END) return top;
  const columns = sink.columnsOf(keys);
  for (i++; i < lines.count && !sink.full && polarsCells(lines, i, cells) === keys.length; i++) {
    for (let k = 0; k < keys.length; k++) {
      const column = columns[k];
      if (!column) continue;
      const [s, e] = cells[k];
      const quoted = e - s >= 2 && lines.text.charCodeAt(s) === 0x22 && lines.text.charCodeAt(e - 1) === 0x22;
      sink.addTo(column, quoted ? s + 1 : s, quoted ? e - 1 : e);
    }
  }
  return lines.text.charCodeAt(lines.indent(i)) === 0x2514 /* └ */ ? i + 1 : i;
}

/** The trimmed cells of a Polars row (`│ a ┆ b │`) into `cells`; their number, 0 when line i is no row. */
function polarsCells(lines: Lines, i: number, cells: [number, number][]): number {
  const text = lines.text;
  const first = lines.indent(i);
  let end = lines.ends[i];
  while (end > first && isSpace(text.charCodeAt(end - 1))) end--;
  cells.length = 0;
  if (text.charCodeAt(first) !== POLARS_EDGE || end - first < 2 || text.charCodeAt(end - 1) !== POLARS_EDGE) return 0;
  let cellStart = first + 1;
  for (let p = first + 1; p <= end - 1; p++) {
    if (p < end - 1 && text.charCodeAt(p) !== POLARS_SEPARATOR) continue;
    let s = cellStart;
    let e = p;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    cells.push([s, e]);
    cellStart = p + 1;
  }
  return cells.length;
}

/** Positions of `+` in a border line, relative to the line start. */
function borderColumns(lines: Lines, i: number): number[] {
  const plus: number[] = [];
  for (let p = lines.starts[i]; p < lines.ends[i]; p++) if (lines.text.charCodeAt(p) === 0x2b) plus.push(p - lines.starts[i]);
  return plus;
}

/**
 * Fills `bars` with the offsets of the `|` around the cells of a grid row (cell k lies between bars k and
 * k + 1): the border's `+` positions when they line up, else the row's own `|` when there are as many. False
 * when the line is no row of this grid.
 */
function gridBars(lines: Lines, i: number, plus: readonly number[], width: number, bars: number[]): boolean {
  const start = lines.starts[i];
  const end = lines.ends[i];
  const text = lines.text;
  bars.length = 0;
  if (end - start === width && barsAt(text, start, plus)) {
    for (const p of plus) bars.push(start + p);
    return true;
  }
  const first = lines.indent(i);
  if (text.charCodeAt(first) !== 0x7c) return false;
  bars.push(first);
  for (let p = first + 1; p < end; p++) if (text.charCodeAt(p) === 0x7c) bars.push(p);
  return bars.length === plus.length;
}

function barsAt(text: string, start: number, plus: readonly number[]): boolean {
  for (const p of plus) if (text.charCodeAt(start + p) !== 0x7c) return false;
  return true;
}

/** show() cuts long values to `abcdefghijklmnopq...`: the part before the cut is still the value's start. */
function addGridValue(sink: ValueSink, column: Column | undefined, start: number, end: number): void {
  if (!column || sink.full) return;
  const text = sink.text;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start > 3 && text.startsWith('...', end - 3)) end -= 3;
  sink.addTo(column, start, end);
}

/** `-RECORD 0-----` followed by ` mrn        | 12345678` lines (show(vertical=True)). */
function readVertical(lines: Lines, i: number, sink: ValueSink): number {
  let j = i + 1;
  for (; j < lines.count && !sink.full; j++) {
    const first = lines.indent(j);
    if (lines.startsWith(j, '-RECORD', first)) continue;
    const bar = indexInLine(lines, j, 0x7c, first);
    if (bar < 0) break;
    addGridValue(sink, sink.column(lines.text.slice(first, bar)), bar + 1, lines.ends[j]);
  }
  return j;
}

// ---- Markdown ----

/** A Markdown separator (`|---|:---:|`) or psql's (`-----+------`): dashes joined by pipes or plus signs. */
function isMarkdownSeparator(lines: Lines, i: number): boolean {
  let dashes = 0;
  let joins = 0;
  for (let p = lines.starts[i]; p < lines.ends[i]; p++) {
    const c = lines.text.charCodeAt(p);
    if (c === 0x2d) dashes++;
    else if (c === 0x7c || c === 0x2b) joins++;
    else if (c !== 0x3a && !isSpace(c)) return false;
  }
  return dashes >= 3 && joins >= 1;
}

/** Longest cell that still reads as a column's name. */
const MAX_HEADER_CELL = 40;

/**
 * A pipe table pasted without its separator (`mrn | last_name | dob` over `0071… | …`): every cell of the line
 * names a column (a word, not a value: it opens with a letter and holds no spaces run), and the next line has
 * as many cells. A data row taken for a header only names columns no detector knows.
 */
function isPipeHeader(lines: Lines, i: number): boolean {
  if (!lineHas(lines, i, 0x7c) || !lineHas(lines, i + 1, 0x7c)) return false;
  const cells = pipeCells(lines, i);
  if (cells.length < 2 || pipeCells(lines, i + 1).length !== cells.length) return false;
  const text = lines.text;
  for (const [s, e] of cells) {
    let from = s;
    let to = e;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to === from || to - from > MAX_HEADER_CELL || !COLUMN_NAME.test(text.slice(from, to))) return false;
  }
  return true;
}

const COLUMN_NAME = /^\*{0,2}[A-Za-z_][\w.#/()-]*(?: [\w.#/()-]+){0,3}\*{0,2}$/;

/** `| a | b |` / `|---|---|` / rows, or a header line and rows with no separator: rows from `body` on. */
function readPipeRows(lines: Lines, header: number, body: number, sink: ValueSink): number {
  const keys = pipeCells(lines, header).map(([s, e]) => lines.text.slice(s, e).trim().replace(/^\*\*|\*\*$/g, ''));
  let i = body;
  for (; i < lines.count && !sink.full && lineHas(lines, i, 0x7c); i++) {
    pipeCells(lines, i).forEach(([s, e], k) => {
      if (k < keys.length) sink.add(keys[k], s, e);
    });
  }
  return i;
}

/** Cells between unescaped pipes; an outer pipe at either end does not open an empty cell. */
function pipeCells(lines: Lines, i: number): [number, number][] {
  const text = lines.text;
  let start = lines.indent(i);
  let end = lines.ends[i];
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (text.charCodeAt(start) === 0x7c) start++;
  if (end > start && text.charCodeAt(end - 1) === 0x7c && text.charCodeAt(end - 2) !== 0x5c) end--;
  const cells: [number, number][] = [];
  let cellStart = start;
  for (let p = start; p < end; p++) {
    if (text.charCodeAt(p) === 0x7c && text.charCodeAt(p - 1) !== 0x5c) {
      cells.push([cellStart, p]);
      cellStart = p + 1;
    }
  }
  cells.push([cellStart, end]);
  return cells;
}

// ---- CSV ----

/** Fewest columns a CSV header names: two comma-separated words are as often a pair in prose as a header. */
const MIN_CSV_COLUMNS = 3;
const CSV_CELLS: [number, number][] = [];

/** Delimiters a header is split at, in the order tried: comma, tab (TSV), semicolon (European CSV). */
const CSV_DELIMITERS = [0x2c, 0x09, 0x3b];

interface CsvHeader {
  readonly keys: string[];
  readonly delimiter: number;
}

/**
 * The column names of a CSV header at the margin (`clinic,mrn,patient,dob`, a `to_csv()` print, a file's `head`):
 * three or more names split at commas, tabs or semicolons (a quoted name read inside its quotes) with no space
 * after a delimiter (prose and SQL lists put one there), over a line of as many cells; undefined for any other line.
 */
function csvHeader(lines: Lines, i: number): CsvHeader | undefined {
  const text = lines.text;
  const c = text.charCodeAt(lines.starts[i]);
  // A name or a quoted name opens it: most lines are passed on their first character.
  if (!isNameStart(c) && c !== 0x22) return undefined;
  // One pass counts every delimiter; a line is split only at those it holds enough of (most lines hold none).
  delimiterCounts(lines, i, DELIMITER_COUNTS);
  for (let d = 0; d < CSV_DELIMITERS.length; d++) {
    if (DELIMITER_COUNTS[d] + 1 < MIN_CSV_COLUMNS) continue;
    const keys = csvHeaderSplitAt(lines, i, CSV_DELIMITERS[d]);
    if (keys) return { keys, delimiter: CSV_DELIMITERS[d] };
  }
  return undefined;
}

const DELIMITER_COUNTS = new Array<number>(CSV_DELIMITERS.length).fill(0);

/** How many of each CSV delimiter line i holds outside double quotes, as csvCells splits at them, into `counts`. */
function delimiterCounts(lines: Lines, i: number, counts: number[]): void {
  counts.fill(0);
  const text = lines.text;
  let quoted = false;
  for (let p = lines.starts[i]; p < lines.ends[i]; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted) {
      const d = CSV_DELIMITERS.indexOf(c);
      if (d >= 0) counts[d]++;
    }
  }
}

function csvHeaderSplitAt(lines: Lines, i: number, delimiter: number): string[] | undefined {
  const text = lines.text;
  const cells = csvCells(lines, i, CSV_CELLS, delimiter);
  if (cells < MIN_CSV_COLUMNS || csvCells(lines, i + 1, undefined, delimiter) !== cells) return undefined;
  const keys: string[] = [];
  for (let k = 0; k < cells; k++) {
    let [from, to] = CSV_CELLS[k];
    if (text.charCodeAt(from) === 0x22 && to - from >= 2 && text.charCodeAt(to - 1) === 0x22) {
      from++;
      to--;
    }
    if (to === from || to - from > MAX_HEADER_CELL || isSpace(text.charCodeAt(from))) return undefined;
    const key = text.slice(from, to);
    if (!COLUMN_NAME.test(key)) return undefined;
    keys.push(key);
  }
  return keys;
}

/** Rows under a CSV header while each has as many cells; a quoted cell's value is read inside its quotes. */
function readCsvRows(lines: Lines, header: number, { keys, delimiter }: CsvHeader, sink: ValueSink): number {
  const columns = sink.columnsOf(keys);
  let i = header + 1;
  for (; i < lines.count && !sink.full && csvCells(lines, i, CSV_CELLS, delimiter) === keys.length; i++) {
    for (let k = 0; k < keys.length && !sink.full; k++) {
      const column = columns[k];
      if (!column) continue;
      const [s, e] = CSV_CELLS[k];
      const quoted = e - s >= 2 && lines.text.charCodeAt(s) === 0x22 && lines.text.charCodeAt(e - 1) === 0x22;
      sink.addTo(column, quoted ? s + 1 : s, quoted ? e - 1 : e);
    }
  }
  return i;
}

/**
 * The cells of line i split at the delimiter (a comma unless given) outside double quotes (`""` inside quotes is a
 * quote), written to `out` when given; returns how many. A line with no delimiter has one cell. One pass over the line.
 */
function csvCells(lines: Lines, i: number, out: [number, number][] | undefined, delimiter = 0x2c): number {
  const text = lines.text;
  const end = lines.ends[i];
  let count = 0;
  let cellStart = lines.starts[i];
  let quoted = false;
  for (let p = cellStart; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x22) quoted = !quoted;
    else if (c === delimiter && !quoted) {
      if (out) out[count] = [cellStart, p];
      count++;
      cellStart = p + 1;
    }
  }
  if (out) out[count] = [cellStart, end];
  return count + 1;
}

// ---- pandas Series ----

/** pandas shows at most 60 rows of a Series by default; a longer run above a footer is not its body. */
const MAX_SERIES_LINES = 80;

function isSeriesFooter(lines: Lines, i: number): boolean {
  if (lines.startsWith(i, 'dtype: ')) return true;
  return lines.startsWith(i, 'Name: ') && lines.text.slice(lines.starts[i], lines.ends[i]).includes(', dtype: ');
}

/**
 * `label    value` lines above `Name: x, dtype: y`. A row Series (`df.iloc[0]`) has column names as labels;
 * a column Series (`df["mrn"]`) has row labels and its column in `Name:`.
 */
function readSeries(lines: Lines, from: number, footer: number, sink: ValueSink): number {
  const rows: { label: string; start: number; end: number }[] = [];
  for (let i = from; i < footer; i++) {
    const split = seriesSplit(lines, i);
    if (split) rows.push(split);
  }
  const named = seriesName(lines, footer);
  const labelsAreNames = rows.filter((r) => /^[A-Za-z_][\w ]*$/.test(r.label)).length * 2 > rows.length;
  for (const r of rows) sink.add(labelsAreNames || !named ? r.label : named, r.start, r.end);
  return footer + 1;
}

/** Label up to the first gap of two or more spaces, value after it. */
function seriesSplit(lines: Lines, i: number): { label: string; start: number; end: number } | undefined {
  const text = lines.text;
  const start = lines.starts[i];
  const end = lines.ends[i];
  if (start === end || isSpace(text.charCodeAt(start))) return undefined;
  for (let p = start; p + 1 < end; p++) {
    if (text.charCodeAt(p) === 0x20 && text.charCodeAt(p + 1) === 0x20) {
      let v = p;
      while (v < end && isSpace(text.charCodeAt(v))) v++;
      return v < end ? { label: text.slice(start, p), start: v, end } : undefined;
    }
  }
  return undefined;
}

function seriesName(lines: Lines, footer: number): string | undefined {
  if (!lines.startsWith(footer, 'Name: ')) return undefined;
  const line = lines.text.slice(lines.starts[footer] + 6, lines.ends[footer]);
  const name = line.slice(0, line.indexOf(', dtype: ')).trim();
  return name && !/^-?\d+$/.test(name) ? name : undefined;
}

// ---- fixed-width results (SQL clients, to_string(index=False), pasted query results) ----

/** Fewest columns a fixed-width header names: two words with a wide gap are as often prose as a table. */
const MIN_FIXED_COLUMNS = 3;

/**
 * A header of column names at the margin, every two separated by two spaces or more (`har   guarantor_id
 * adm_date`), then rows whose values start under their names (or, for right-aligned numbers, end under their
 * names' ends). Prose never has a wide gap between every two words, and a row must meet half the columns. A row
 * of exactly as many values (two spaces apart) as the header has names is read in order instead: rows typed by
 * hand drift off their columns.
 */
function readFixedWidth(lines: Lines, header: number, sink: ValueSink): number {
  const words = fixedWidthHeader(lines, header);
  if (!words) return readColumnCut(lines, header, sink);
  const first = header + 1;
  if (lines.isBlank(first)) return header;
  const aligned = meetsHalfTheColumns(lines, first, words);
  if (!aligned && wideGapCells(lines, first, undefined) !== words.length) return header;
  const edges = edgeMaps(words, 0);
  const cells: Cells = [];
  let i = first;
  for (; i < lines.count && cells.length / 3 < sink.remaining; i++) {
    if (lines.isBlank(i)) break;
    const rowStart = cells.length;
    // A row with one value per name is read in order; a row with gaps (an empty value) by its values' edges.
    if (wideGapCells(lines, i, undefined) === words.length) wideGapCells(lines, i, cells);
    else if (aligned) addFixedWidthCells(lines, i, edges, cells);
    if (cells.length === rowStart) break;
  }
  addCells(sink, words.map((w) => w.text), cells);
  return i;
}

/** Adds a block's cells (column, start, end) under the keys of their columns, until the sink is full. */
function addCells(sink: ValueSink, keys: readonly string[], cells: Cells): void {
  const columns = sink.columnsOf(keys);
  for (let c = 0; c < cells.length && !sink.full; c += 3) {
    const column = columns[cells[c]];
    if (column) sink.addTo(column, cells[c + 1], cells[c + 2]);
  }
}

/**
 * The header's names when line i is one: identifier-like words at the margin, each gap two spaces or more. With
 * `narrowGaps`, gaps of one space will do but every name must be snake_case (`first_name`, `dob_raw`), which ends
 * most lines of prose at their first word.
 */
function fixedWidthHeader(lines: Lines, i: number, narrowGaps = false): HeaderWord[] | undefined {
  const text = lines.text;
  const base = lines.starts[i];
  const end = lines.ends[i];
  const isCode = narrowGaps ? isSnakeCode : isNameCode;
  const isStart = narrowGaps ? isLowerCaseCode : isNameStart;
  // Word edges first, as offsets: most lines fail before their second word, and need no slices.
  const edges: number[] = [];
  let p = base;
  while (p < end) {
    const s = p;
    while (p < end && isCode(text.charCodeAt(p))) p++;
    if (p === s || !isStart(text.charCodeAt(s))) return undefined;
    edges.push(s, p);
    if (p === end) break;
    const gap = p;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (p - gap < 2 && p < end && !narrowGaps) return undefined;
  }
  if (edges.length < 2 * MIN_FIXED_COLUMNS) return undefined;
  const words: HeaderWord[] = [];
  for (let k = 0; k < edges.length; k += 2) words.push({ start: edges[k] - base, end: edges[k + 1] - base, text: text.slice(edges[k], edges[k + 1]) });
  return words;
}

/** Fewest columns of a header whose names are one space apart: snake_case names, most of them with a `_`. */
const MIN_CUT_COLUMNS = 5;

/**
 * A result typed or pasted with columns one space apart where a value is as wide as its name (`empi_id    facility
 * mrn      last_name first_name dob_raw`): the names are snake_case, half of them or more with a `_` (prose has
 * few), and every row has a value starting under most names, cut at the next name's start.
 */
function readColumnCut(lines: Lines, header: number, sink: ValueSink): number {
  const words = fixedWidthHeader(lines, header, true);
  if (!words || words.length < MIN_CUT_COLUMNS || !isMostlySnakeCase(words)) return header;
  const cells: Cells = [];
  let i = header + 1;
  for (; i < lines.count && cells.length / 3 < sink.remaining; i++) {
    if (lines.isBlank(i) || !cutRowCells(lines, i, words, cells)) break;
  }
  if (i === header + 1) return header;
  addCells(sink, words.map((w) => w.text), cells);
  return i;
}

/** Half of the names or more hold a `_` (prose has few). */
function isMostlySnakeCase(words: readonly HeaderWord[]): boolean {
  let snake = 0;
  for (const w of words) if (w.text.includes('_')) snake++;
  return snake * 2 >= words.length;
}

/**
 * Adds row i's values cut at the names' starts, when a value starts right under most names (a space or the line's
 * start before it); false, adding nothing, when the row is no such row.
 */
function cutRowCells(lines: Lines, i: number, words: readonly HeaderWord[], cells: Cells): boolean {
  const text = lines.text;
  const base = lines.starts[i];
  const len = lines.ends[i] - base;
  let under = 0;
  // Names past the row's end are not looked at: a row's work is its own length, however wide the header.
  for (const w of words) {
    if (w.start >= len) break;
    if (!isSpace(text.charCodeAt(base + w.start)) && (w.start === 0 || isSpace(text.charCodeAt(base + w.start - 1)))) under++;
  }
  if (under * 4 < words.length * 3) return false;
  for (let k = 0; k < words.length; k++) {
    const from = words[k].start;
    if (from >= len) break;
    const to = k + 1 < words.length ? Math.min(len, words[k + 1].start) : len;
    cells.push(k, base + from, base + to);
  }
  return true;
}

/** A character of a snake_case name: lower-case letters, digits and `_`. */
function isSnakeCode(c: number): boolean {
  return isLowerCaseCode(c) || (c >= 48 && c <= 57) || c === 95;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameCode(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 35 || c === 46;
}

/** Whether the row's values start (or end) under at least half of the header's names. */
function meetsHalfTheColumns(lines: Lines, row: number, words: readonly HeaderWord[]): boolean {
  const text = lines.text;
  const start = lines.starts[row];
  const len = lines.ends[row] - start;
  if (isSpace(text.charCodeAt(start))) return false;
  let hits = 0;
  for (const w of words) {
    const opensThere = w.start < len && !isSpace(text.charCodeAt(start + w.start)) && (w.start === 0 || isSpace(text.charCodeAt(start + w.start - 1)));
    const closesThere = w.end <= len && !isSpace(text.charCodeAt(start + w.end - 1)) && (w.end === len || isSpace(text.charCodeAt(start + w.end)));
    if (opensThere || closesThere) hits++;
  }
  return hits * 2 >= words.length;
}

/**
 * The values of a row split at gaps of two spaces or more, counted, and added to `cells` in order (column = index)
 * when given. A row that starts with a space is no row of such a table, unless `indented` ones are asked for.
 */
function wideGapCells(lines: Lines, i: number, cells: Cells | undefined, indented = false): number {
  const text = lines.text;
  const end = lines.ends[i];
  let p = lines.starts[i];
  if (!indented && p < end && isSpace(text.charCodeAt(p))) return 0;
  let n = 0;
  while (p < end) {
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (p >= end) break;
    const cellStart = p;
    p = wideGapCellEnd(text, p, end);
    cells?.push(n, cellStart, p);
    n++;
  }
  return n;
}

/**
 * The end of the value starting at `p`: the first space followed by another space (or the line's end). Single
 * spaces stay inside (`Ann Lee`), so the character before the end is never a space.
 */
function wideGapCellEnd(text: string, p: number, end: number): number {
  while (p < end && !(isSpace(text.charCodeAt(p)) && (p + 1 >= end || isSpace(text.charCodeAt(p + 1))))) p++;
  return p;
}

/** Splits a row at gaps of two spaces or more; a value belongs to the column it starts under, or ends under. */
function addFixedWidthCells(lines: Lines, i: number, edges: EdgeMaps, cells: Cells): void {
  const text = lines.text;
  const base = lines.starts[i];
  const end = lines.ends[i];
  let p = base;
  while (p < end) {
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (p >= end) break;
    const cellStart = p;
    p = wideGapCellEnd(text, p, end);
    const cellEnd = p;
    let column = columnAt(edges.left, cellStart - base);
    if (column < 0) column = columnAt(edges.right, cellEnd - base);
    if (column >= 0) cells.push(column, cellStart, cellEnd);
  }
}

// ---- pandas DataFrame ----

interface HeaderWord {
  readonly start: number; // relative to the header line start
  readonly end: number;
  readonly text: string;
}

/**
 * The cells of a block, three numbers each (column, start, end) in one flat list: a frame of thousands of rows
 * needs no object per cell.
 */
type Cells = number[];

/**
 * A pandas print: a header line indented over the index, then rows that start with their index label. pandas
 * right-aligns values under right-aligned headers, so a value's right edge is its header's right edge (left
 * edges are the fallback for left-justified output). Values may hold single spaces ("Ann Lee"); wide frames
 * wrap into several blocks, each with its own header, and `...` marks truncated rows and columns.
 */
function readDataFrame(lines: Lines, header: number, sink: ValueSink): number {
  if (header + 1 >= lines.count) return header;
  const words = headerWords(lines, header);
  if (words.length === 0 || isProse(words)) return header;
  let first = header + 1;
  const tibble = isTibbleTypeRow(lines, first);
  if (tibble) {
    const end = readTibble(lines, first, words, sink);
    if (end !== undefined) return end;
  }
  if (tibble || isIndexNameRow(lines, first)) first++;
  if (first >= lines.count) return header;
  // A tibble left-aligns its text columns under their names.
  const shift = bestShift(lines, first, words) ?? (tibble && leftEdgesMeet(lines, first, words) ? 0 : undefined);
  if (shift === undefined) {
    if (tibble) return header;
    const next = readDataFrameInOrder(lines, header, first, words, sink);
    return next > header ? next : readRosterInOrder(lines, header, sink);
  }
  const edges = edgeMaps(words, shift);
  const cells: Cells = [];
  const rows: number[] = [];
  let i = first;
  for (; i < lines.count && cells.length / 3 < sink.remaining; i++) {
    if (lines.isBlank(i) || startsOtherBlock(lines, i)) break;
    const rowStart = cells.length;
    addRowCells(lines, i, edges, cells);
    if (cells.length === rowStart && !isEllipsisRow(lines, i)) break;
    if (isAggregateRow(lines, i)) cells.length = rowStart;
    rows.push(i, rowStart);
  }
  const keys = columnKeys(words, cells);
  addCells(sink, transposedKeys(lines, sink, keys, rows, cells) ?? keys, cells);
  return i;
}

/**
 * A frame printed transposed (`df.T`: one record per column, `pt1  pt2  pt3` over rows labelled `dob`, `mbi`,
 * `election_dt`): when at least two row labels are keys the caller reads, and more of them than of its column names
 * (`pt1` may read as one), each value is keyed by its row's label. Returns the keys, with each cell's column index
 * rewritten to its label's, or undefined.
 */
function transposedKeys(lines: Lines, sink: ValueSink, keys: readonly string[], rows: readonly number[], cells: Cells): string[] | undefined {
  // A summary of the columns (`describe().T`, `isna().sum()`, `dtypes`) lists keys down the left too, over statistics.
  if (rows.length < 4 || keys.some((k) => STATISTIC_COLUMNS.has(k.toLowerCase()))) return undefined;
  let typedColumns = 0;
  for (const k of keys) if (k !== '' && sink.typesKey(k)) typedColumns++;
  const labels: string[] = [];
  const indexOf = new Map<string, number>();
  const labelOfRow: number[] = [];
  let typed = 0;
  for (let r = 0; r < rows.length; r += 2) {
    const label = rowLabel(lines, rows[r]);
    let k = label === undefined ? -1 : indexOf.get(label) ?? -1;
    if (label !== undefined && k < 0) {
      k = labels.push(label) - 1;
      indexOf.set(label, k);
      if (sink.typesKey(label)) typed++;
    }
    labelOfRow.push(k);
  }
  // Columns may be named for the records too (`pt1`, `pt2`): the labels must type more of the frame.
  if (typed < 2 || typed <= typedColumns) return undefined;
  for (let r = 0; r < labelOfRow.length; r++) {
    const from = rows[2 * r + 1];
    const to = r + 1 < labelOfRow.length ? rows[2 * r + 3] : cells.length;
    // A row without a label keeps no key: its values are dropped rather than typed by a column name.
    for (let c = from; c < to; c += 3) cells[c] = labelOfRow[r] >= 0 ? labelOfRow[r] : labels.length;
  }
  return labels;
}

/** Column names of a summary of columns, whose rows are labelled by the columns they summarise. */
const STATISTIC_COLUMNS = new Set(['count', 'mean', 'std', 'min', 'max', '25%', '50%', '75%', 'unique', 'top', 'freq', 'first', 'last',
  'missing', 'null', 'nulls', 'null_count', 'nunique', 'dtype', 'dtypes', 'type', 'non-null', 'pct', 'percent', 'sum']);

/** A row's index label: its first word, at the margin, when it reads as a column's name (`election_dt`, not `CRL0884127`). */
function rowLabel(lines: Lines, i: number): string | undefined {
  const text = lines.text;
  const start = lines.starts[i];
  let p = start;
  while (p < lines.ends[i] && p - start <= MAX_ROW_LABEL && !isSpace(text.charCodeAt(p))) p++;
  if (p === start || p - start > MAX_ROW_LABEL) return undefined;
  const label = text.slice(start, p);
  return isColumnName(label) ? label : undefined;
}

const MAX_ROW_LABEL = 40;

/** A name a frame's column could have: a letter first, then letters, digits, `_`, `.` or `-`, some in lower case. */
export function isColumnName(label: string): boolean {
  return /^[A-Za-z_][\w.-]*$/.test(label) && /[a-z]/.test(label);
}

/**
 * A frame typed or edited by hand, its values off their names' edges: read in order when every row is an index
 * label and then exactly one value per name, two spaces or more apart (as readFixedWidth reads such rows), or, for
 * a frame printed without its index (`to_string(index=False)`), exactly one value per name.
 */
function readDataFrameInOrder(lines: Lines, header: number, first: number, words: readonly HeaderWord[], sink: ValueSink): number {
  if (words.length < MIN_FIXED_COLUMNS || !words.every(isValueColumn)) return header;
  // Without its index a frame's rows are indented, as its header is.
  const indexed = wideGapCells(lines, first, undefined) === words.length + 1;
  if (!indexed && wideGapCells(lines, first, undefined, true) !== words.length) return header;
  const perRow = indexed ? words.length + 1 : words.length;
  const firstValue = indexed ? 3 : 0;
  const cells: Cells = [];
  const row: Cells = [];
  let i = first;
  for (; i < lines.count && cells.length / 3 < sink.remaining; i++) {
    if (lines.isBlank(i) || startsOtherBlock(lines, i)) break;
    row.length = 0;
    if (wideGapCells(lines, i, row, !indexed) !== perRow) break;
    if (isAggregateRow(lines, i)) continue;
    // The first value is the row's index label, when the frame has one.
    for (let c = firstValue; c < row.length; c += 3) cells.push(row[c] - (indexed ? 1 : 0), row[c + 1], row[c + 2]);
  }
  addCells(sink, words.map((w) => w.text), cells);
  return i;
}

/**
 * A roster typed by hand and indented, its names of one word or several (`Cell / Pager`, `Toxicologist on call`)
 * and its values two spaces or more apart but off their names' edges: read in order when every row holds one value
 * per name, after its index label if the first row has one (a frame edited by hand, `0  07-15  Ann Lee  …`).
 */
function readRosterInOrder(lines: Lines, header: number, sink: ValueSink): number {
  const names: Cells = [];
  const count = wideGapCells(lines, header, names, true);
  if (count < MIN_FIXED_COLUMNS) return header;
  const firstRow: Cells = [];
  const firstCount = wideGapCells(lines, header + 1, firstRow, true);
  const indexed = firstCount === count + 1 && allDigits(lines.text, firstRow[1], firstRow[2]);
  if (firstCount !== count && !indexed) return header;
  const perRow = indexed ? count + 1 : count;
  const cells: Cells = [];
  const row: Cells = [];
  let i = header + 1;
  for (; i < lines.count && cells.length / 3 < sink.remaining; i++) {
    if (lines.isBlank(i) || startsOtherBlock(lines, i)) break;
    row.length = 0;
    if (wideGapCells(lines, i, row, true) !== perRow) break;
    if (isAggregateRow(lines, i)) continue;
    // The index label is no value.
    for (let c = indexed ? 3 : 0; c < row.length; c += 3) cells.push(row[c] - (indexed ? 1 : 0), row[c + 1], row[c + 2]);
  }
  const keys: string[] = [];
  for (let c = 0; c < names.length; c += 3) keys.push(lines.text.slice(names[c + 1], names[c + 2]));
  addCells(sink, keys, cells);
  return i;
}

/**
 * pandas puts two spaces between columns: three or more header words one space apart throughout are an indented
 * sentence (`  subpath in the package for the given module.`), not a header.
 */
function isProse(words: readonly HeaderWord[]): boolean {
  if (words.length < 3) return false;
  for (let k = 1; k < words.length; k++) if (words[k].start - words[k - 1].end > 1) return false;
  return true;
}

function headerWords(lines: Lines, i: number): HeaderWord[] {
  const words: HeaderWord[] = [];
  const text = lines.text;
  const base = lines.starts[i];
  let p = base;
  const end = lines.ends[i];
  while (p < end) {
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    const s = p;
    while (p < end && !isSpace(text.charCodeAt(p))) p++;
    if (p > s) words.push({ start: s - base, end: p - base, text: text.slice(s, p) });
  }
  return words;
}

/** Whether values start where half the header's names start, or more, in row i. */
function leftEdgesMeet(lines: Lines, row: number, words: readonly HeaderWord[]): boolean {
  const text = lines.text;
  const start = lines.starts[row];
  const len = lines.ends[row] - start;
  let hits = 0;
  for (const w of words) {
    if (w.start < len && !isSpace(text.charCodeAt(start + w.start)) && (w.start === 0 || isSpace(text.charCodeAt(start + w.start - 1)))) hits++;
  }
  return hits * 2 >= words.length;
}

/**
 * A tibble's rows, read by the columns its `<type>` row lays out: one space apart, text and dates left-aligned
 * under their names and types, numbers right-aligned, each row opening with its number. A text column's values
 * hold spaces (`MAI ANH`), so a column ends where the next one starts, or, before a number, at the last space
 * before the number's right edge. Undefined when the names and types do not pair up (a header wider than the
 * frame, wrapped columns): the pandas reader tries instead.
 */
/**
 * A tibble's names grouped into one per column of its type row (`<chr>`, `<dttm>`): each column's words are those
 * from its type's start up to the next type's. Names then meet their types at the start (text) or end (numbers).
 */
function namesByTypes(lines: Lines, header: number, words: readonly HeaderWord[], types: readonly HeaderWord[]): HeaderWord[] {
  const text = lines.text;
  const base = lines.starts[header];
  const names: HeaderWord[] = [];
  let w = 0;
  for (let k = 0; k < types.length; k++) {
    const from = k === 0 ? 0 : types[k].start;
    const to = k + 1 < types.length ? types[k + 1].start : Number.MAX_SAFE_INTEGER;
    while (w < words.length && words[w].start < from) w++;
    const first = w;
    while (w < words.length && words[w].start < to) w++;
    if (w === first) return [...words];
    names.push({ start: words[first].start, end: words[w - 1].end, text: text.slice(base + words[first].start, base + words[w - 1].end) });
  }
  return w === words.length ? names : [...words];
}

function readTibble(lines: Lines, typeRow: number, headerWordList: readonly HeaderWord[], sink: ValueSink): number | undefined {
  const types = headerWords(lines, typeRow);
  // Names of several words (`Call Date/Time`, `Case #`) are one column each: the type row says where each starts.
  const words = headerWordList.length > types.length ? namesByTypes(lines, typeRow - 1, headerWordList, types) : headerWordList;
  if (types.length !== words.length || types.length < 2) return undefined;
  const leftAligned: boolean[] = [];
  for (let k = 0; k < words.length; k++) {
    if (words[k].start === types[k].start) leftAligned.push(true);
    else if (words[k].end === types[k].end) leftAligned.push(false);
    else return undefined;
  }
  const text = lines.text;
  const cells: Cells = [];
  // A text column's start and a number's end are its name's; the other edge is found in each row.
  const starts = words.map((w) => w.start);
  const ends = words.map((w) => w.end);
  let i = typeRow + 1;
  for (; i < lines.count && cells.length / 3 < sink.remaining; i++) {
    const base = lines.starts[i];
    const len = lines.ends[i] - base;
    let p = lines.indent(i);
    const numberStart = p;
    while (p < lines.ends[i] && isDigitCode(text.charCodeAt(p))) p++;
    if (p === numberStart || p - base >= (leftAligned[0] ? words[0].start : words[0].end) || !isSpace(text.charCodeAt(p))) break;
    const rowNumberEnd = p - base;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) {
      if (!leftAligned[k]) {
        if (k === 0) starts[k] = rowNumberEnd + 1;
        else if (!leftAligned[k - 1]) starts[k] = words[k - 1].end + 1;
        // else set when column k-1 was split below
        continue;
      }
      const next = k + 1;
      if (next === words.length) ends[k] = len;
      else if (leftAligned[next]) ends[k] = words[next].start - 1;
      else {
        // A text column before a number: the number holds no space.
        let cut = Math.min(words[next].end, len) - 1;
        while (cut > starts[k] && !isSpace(text.charCodeAt(base + cut))) cut--;
        if (cut <= starts[k]) ok = false;
        ends[k] = cut;
        starts[next] = cut + 1;
      }
    }
    if (!ok) break;
    for (let k = 0; k < words.length; k++) {
      let a = base + starts[k];
      let b = base + Math.min(ends[k], len);
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (b > a && !(b - a === 2 && text.startsWith('NA', a))) cells.push(k, a, b);
    }
  }
  addCells(sink, words.map((w) => w.text), cells);
  return i;
}

/** Longest `<type>` a tibble prints under a column (`<dttm>`, `<fct>`, `<list<int>>` is cut, and read as no type). */
const MAX_TYPE_NAME = 12;

/** A tibble prints its columns' types under their names (`<chr>  <dttm>  <int>`): a row of no values. */
function isTibbleTypeRow(lines: Lines, i: number): boolean {
  if (i >= lines.count) return false;
  const text = lines.text;
  const end = lines.ends[i];
  let p = lines.indent(i);
  if (p >= end) return false;
  while (p < end) {
    if (text.charCodeAt(p) !== 0x3c /* < */) return false;
    // Looked for within a type name's length only: a line of `<` without `>` is read once.
    const limit = Math.min(end, p + MAX_TYPE_NAME);
    let close = p + 1;
    while (close < limit && text.charCodeAt(close) !== 0x3e /* > */) close++;
    if (close >= limit) return false;
    p = close + 1;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
  }
  return true;
}

/**
 * pandas prints a named index on its own row under the header: one word at the margin, nothing else but the
 * `...` of truncated columns.
 */
function isIndexNameRow(lines: Lines, i: number): boolean {
  const text = lines.text;
  let p = lines.starts[i];
  const end = lines.ends[i];
  if (p === end || isSpace(text.charCodeAt(p))) return false;
  while (p < end && !isSpace(text.charCodeAt(p))) p++;
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    if (!isSpace(c) && c !== 0x2e && c !== 0x5c) return false;
  }
  return true;
}

function isValueColumn(w: HeaderWord): boolean {
  return w.text !== '...' && w.text !== '\\';
}

/**
 * The offset (0, then ±1) at which value right edges meet header right edges in the first row; undefined when
 * fewer than half the columns meet, i.e. this is not a table.
 */
function bestShift(lines: Lines, row: number, words: readonly HeaderWord[]): number | undefined {
  const columns = words.filter(isValueColumn);
  if (columns.length === 0) return undefined;
  const text = lines.text;
  const start = lines.starts[row];
  const len = lines.ends[row] - start;
  if (len === 0) return undefined;
  // A frame printed without its index (`to_string(index=False)`) right-aligns its first column too, so its rows
  // start with spaces like indented prose: every column but one must meet its header's edge, unshifted.
  const indented = isSpace(text.charCodeAt(start));
  if (indented && columns.length < MIN_UNINDEXED_COLUMNS) return undefined;
  const needed = indented ? columns.length - 1 : Math.max(1, Math.ceil(columns.length / 2));
  for (const shift of indented ? [0] : [0, 1, -1]) {
    let hits = 0;
    for (const w of columns) {
      const edge = w.end + shift;
      if (edge <= 0 || edge > len) continue;
      if (!isSpace(text.charCodeAt(start + edge - 1)) && (edge === len || isSpace(text.charCodeAt(start + edge)))) hits++;
    }
    if (hits >= needed) return shift;
  }
  return undefined;
}

/** Fewest columns of a frame printed without its index: fewer, and an indented pair of lines can meet by chance. */
const MIN_UNINDEXED_COLUMNS = 3;

/** Every word of every row asks for the column at its edges: lists indexed by offset answer without hashing. */
interface EdgeMaps {
  /** Column index + 1 at each right edge position (relative to the line start); 0 where none. */
  readonly right: number[];
  readonly left: number[];
  /** Column index + 1 at each position its header word covers; 0 where none. */
  readonly under: number[];
}

function edgeMaps(words: readonly HeaderWord[], shift: number): EdgeMaps {
  const size = Math.max(0, words[words.length - 1].end + shift + 1);
  const right = new Array<number>(size).fill(0);
  const left = new Array<number>(size).fill(0);
  const under = new Array<number>(size).fill(0);
  words.forEach((w, k) => {
    // A shift of -1 puts the first word's left edge before the line; no value starts there.
    if (w.start + shift >= 0) left[w.start + shift] = k + 1;
    right[w.end + shift] = k + 1;
    for (let p = Math.max(0, w.start + shift); p < w.end + shift; p++) under[p] = k + 1;
  });
  return { right, left, under };
}

/** Whether the words from p (joined by single spaces) end at a header right edge before a wider gap or the line's end. */
function nextValueEndsAtEdge(text: string, p: number, end: number, base: number, edges: EdgeMaps): boolean {
  while (p < end) {
    while (p < end && !isSpace(text.charCodeAt(p))) p++;
    if (columnAt(edges.right, p - base) >= 0) return true;
    if (p + 1 >= end || isSpace(text.charCodeAt(p + 1))) return false;
    p++;
  }
  return false;
}

/** The one column whose header word lies over part of [start, end), or -1 (none, or two). */
function columnUnder(edges: EdgeMaps, start: number, end: number): number {
  let found = 0;
  for (let p = start; p < end && p < edges.under.length; p++) {
    const k = edges.under[p];
    if (k === 0 || k === found) continue;
    if (found !== 0) return -1;
    found = k;
  }
  return found - 1;
}

/** The column whose edge is at offset, or -1. */
function columnAt(edges: readonly number[], offset: number): number {
  return offset < edges.length ? edges[offset] - 1 : -1;
}

/**
 * Splits a row into values (added to cells): words joined by single spaces, closed at a header right edge (pandas
 * right-aligns values and headers, one space apart when a value is wider than its header) or a wider gap. A value
 * closed at a wide gap belongs to the column whose header starts where it starts or lies over it (a table typed by
 * hand, left-aligned). An edge followed by one space closes a value only when the words after it end at an edge
 * too: `Lind, Rafael MD` typed by hand, with `Rafael` ending at an edge, is one value.
 */
function addRowCells(lines: Lines, i: number, edges: EdgeMaps, cells: Cells): void {
  const text = lines.text;
  const base = lines.starts[i];
  const end = lines.ends[i];
  let p = base;
  let cellStart = -1;
  while (p < end) {
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (p >= end) break;
    if (cellStart < 0) cellStart = p;
    while (p < end && !isSpace(text.charCodeAt(p))) p++;
    const gapIsWide = p + 1 >= end || isSpace(text.charCodeAt(p + 1));
    let column = columnAt(edges.right, p - base);
    // R prints a row's number one space before its first value (`1 W24-219-04417 …`): a number at the margin that
    // no header lies over is that label, not the start of the first value.
    if (!gapIsWide && column < 0 && cellStart === base && allDigits(text, base, p) && columnUnder(edges, 0, p - base) < 0) {
      cellStart = -1;
      continue;
    }
    if (!gapIsWide && (column < 0 || !nextValueEndsAtEdge(text, p + 1, end, base, edges))) continue;
    // The index label at the margin is no value.
    if (column < 0 && cellStart > base) {
      column = columnAt(edges.left, cellStart - base);
      if (column < 0) column = columnUnder(edges, cellStart - base, p - base);
    }
    if (column >= 0) cells.push(column, cellStart, p);
    cellStart = -1;
  }
}

/** A footer (`[5 rows x 7 columns]`) or the start of a grid or Markdown table ends a pandas block. */
function startsOtherBlock(lines: Lines, i: number): boolean {
  const c = lines.text.charCodeAt(lines.starts[i]);
  return c === 0x5b || c === 0x2b || c === 0x7c;
}

/** Whether the row's index label (its first word, at the margin) names an aggregate (`count`, `mean`, `25%`). */
function isAggregateRow(lines: Lines, i: number): boolean {
  const text = lines.text;
  const start = lines.starts[i];
  let p = start;
  while (p < lines.ends[i] && p - start < 16 && !isSpace(text.charCodeAt(p))) p++;
  // Every aggregate label is 3 to 6 characters: row numbers and most labels are passed without a slice.
  return p - start >= 3 && p - start <= 6 && AGGREGATE_ROWS.has(text.slice(start, p));
}

/** `..   ...   ...` rows stand for truncated rows; they neither end the block nor hold values. */
function isEllipsisRow(lines: Lines, i: number): boolean {
  for (let p = lines.starts[i]; p < lines.ends[i]; p++) {
    const c = lines.text.charCodeAt(p);
    if (c !== 0x2e && !isSpace(c)) return false;
  }
  return true;
}

/**
 * Header names; a name with a space ("first name") prints as two words, and only the last one has values
 * under it, so a word without values joins the name of the column to its right.
 */
function columnKeys(words: readonly HeaderWord[], cells: Cells): string[] {
  const used = new Uint8Array(words.length);
  for (let c = 0; c < cells.length; c += 3) used[cells[c]] = 1;
  const keys: string[] = [];
  let pending = '';
  words.forEach((w, k) => {
    const joined = pending ? `${pending} ${w.text}` : w.text;
    keys.push(isValueColumn(w) ? joined : '');
    const next = words[k + 1];
    pending = !used[k] && isValueColumn(w) && next && next.start === w.end + 1 ? joined : '';
  });
  return keys;
}
