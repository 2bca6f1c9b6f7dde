/**
 * R's column summaries of a data frame, one line per column with its first values after the type:
 * `str(df)` prints ` $ mrn : chr  "A1" "A2" ...` and dplyr's `glimpse(df)` prints `$ mrn <chr> "A1", "A2", …`.
 * Each line is read once, left to right; a run of such lines is one table.
 */
import { isSpace, skipBlanks, type Lines, type ValueSink } from './tableSink';

const MAX_NAME = 60;
const MAX_TYPE = 12;
const MAX_VALUE = 200;

/** Reads the run of summary lines from line i; returns the line after it (i when line i is none). */
export function readColumnSummaries(lines: Lines, i: number, sink: ValueSink): number {
  let next = i;
  while (next < lines.count && !sink.full && readSummaryLine(lines, next, sink)) next++;
  return next;
}

/** Whether line i opens with `$ name` as a summary does (cheap: the reader's first test). */
export function mayBeColumnSummary(lines: Lines, i: number): boolean {
  const first = lines.indent(i);
  return lines.text.charCodeAt(first) === 0x24 /* $ */ && lines.text.charCodeAt(first + 1) === 0x20;
}

function readSummaryLine(lines: Lines, i: number, sink: ValueSink): boolean {
  const text = lines.text;
  const end = lines.ends[i];
  let p = lines.indent(i);
  if (text.charCodeAt(p) !== 0x24 || text.charCodeAt(p + 1) !== 0x20) return false;
  p = skipBlanks(text, p + 1, end);
  const nameStart = p;
  while (p < end && p - nameStart <= MAX_NAME && isNameChar(text.charCodeAt(p))) p++;
  if (p === nameStart || p - nameStart > MAX_NAME) return false;
  const name = text.slice(nameStart, p);
  p = skipBlanks(text, p, end);
  const c = text.charCodeAt(p);
  if (c === 0x3c /* < */) {
    const close = typeEnd(text, p + 1, end, 0x3e /* > */);
    if (close < 0) return false;
    readValues(text, close + 1, end, name, sink, true);
    return true;
  }
  if (c !== 0x3a /* : */) return false;
  const typeStart = skipBlanks(text, p + 1, end);
  let q = typeStart;
  while (q < end && q - typeStart <= MAX_TYPE && isTypeChar(text.charCodeAt(q))) q++;
  if (q === typeStart || q - typeStart > MAX_TYPE) return false;
  // A factor's levels are the values of its column; its codes are not.
  if (text.startsWith('Factor', typeStart) || text.startsWith('Ord.factor', typeStart)) return true;
  readValues(text, afterTypeNotes(text, q, end), end, name, sink, false);
  return true;
}

/** Past `[1:9]` and `, format:` after a type (`Date[1:9], format: "…"`). */
function afterTypeNotes(text: string, p: number, end: number): number {
  if (text.charCodeAt(p) === 0x5b /* [ */) {
    const close = typeEnd(text, p + 1, end, 0x5d /* ] */);
    if (close >= 0) p = close + 1;
  }
  if (text.startsWith(', format:', p)) p += 9;
  return p;
}

/** Offset of `close` within MAX_TYPE characters of p, or -1. */
function typeEnd(text: string, p: number, end: number, close: number): number {
  for (let q = p; q < end && q - p <= MAX_TYPE; q++) if (text.charCodeAt(q) === close) return q;
  return -1;
}

/**
 * The values after a column's type: str() prints quoted strings or words one space apart (`"A1" "A2" ...`, `92 45
 * ...`), glimpse() values a comma and a space apart, quoted or not (`2025-04-19 03:12:00, …`).
 */
function readValues(text: string, p: number, end: number, name: string, sink: ValueSink, commaSeparated: boolean): void {
  const column = sink.column(name);
  while (column && !sink.full) {
    p = skipBlanks(text, p, end);
    if (p >= end) return;
    const quoted = text.charCodeAt(p) === 0x22;
    const close = quoted ? closingQuote(text, p + 1, end) : commaSeparated ? commaEnd(text, p, end) : wordEnd(text, p, end);
    if (close < 0) return;
    const start = quoted ? p + 1 : p;
    p = quoted ? close + 1 : close;
    // A long string is printed cut, `"Lorem ipsum"| __truncated__`: its start is not the value.
    if (quoted && text.startsWith('| __truncated__', p)) p += 15;
    else if (!isCut(text, start, close)) sink.addTo(column, start, close);
    if (commaSeparated && text.charCodeAt(p) === 0x2c /* , */) p++;
  }
}

function closingQuote(text: string, p: number, end: number): number {
  for (let q = p; q < end && q - p <= MAX_VALUE; q++) {
    const c = text.charCodeAt(q);
    if (c === 0x22) return q;
    if (c === 0x5c) q++;
  }
  return -1;
}

function wordEnd(text: string, p: number, end: number): number {
  let q = p;
  while (q < end && q - p <= MAX_VALUE && !isSpace(text.charCodeAt(q))) q++;
  return q - p > MAX_VALUE ? -1 : q;
}

function commaEnd(text: string, p: number, end: number): number {
  let q = p;
  while (q < end && q - p <= MAX_VALUE && text.charCodeAt(q) !== 0x2c) q++;
  return q - p > MAX_VALUE ? -1 : q;
}

/** A value the console cut (`"Mateo Ibar…`, `...`): not the whole of one. */
function isCut(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  return last === 0x2026 /* … */ || (end - start >= 3 && text.startsWith('...', end - 3));
}

/** R names: letters, digits, `.` and `_`. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x5f;
}

function isTypeChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2e || c === 0x27;
}
