/**
 * A driver's licence or state id scanned from its barcode (AAMVA's PDF417 format, as an EMS or pharmacy system logs
 * the card a patient showed): one element per line, a three-letter id then the value (`DCS` family name, `DAC` first
 * name, `DBB` birth date, `DAG` street, `DAQ` the licence number). The element ids say what each value is, so no cue
 * words are needed; a text is read only when it holds the format's header (`ANSI 6…`) or three of its elements. The
 * card's own dates (issue, expiry) and codes (class, eye colour) are never read.
 */
import type { Category } from '../model';
import { isCalendarDate } from './date';
import { makeCandidate } from './candidate';
import { isCompactDate, isNameField } from './segments';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** The elements read, by id. */
const ELEMENTS: ReadonlyMap<string, Category> = new Map([
  ['DAQ', 'license-number'],
  ['DCS', 'name'], ['DAC', 'name'], ['DAD', 'name'], ['DCT', 'name'], ['DAB', 'name'], ['DBO', 'name'], ['DBP', 'name'],
  ['DBB', 'date'],
  ['DAG', 'geographic'], ['DAH', 'geographic'], ['DAI', 'geographic'], ['DAK', 'geographic'],
]);

/** An issuer's header: `ANSI ` and its six-digit issuer id (every North American one starts with 6). */
const HEADER = /ANSI ?6\d{5}/;
/** Fewest element lines that make a text a scan without its header. */
const MIN_ELEMENTS = 3;
/** What may follow an element's value on its line: spaces, a carriage return, a closing quote, a comma. */
const TRAILER: ReadonlySet<number> = new Set([0x20, 0x09, 0x0d, 0x22, 0x27, 0x2c]);
/** The longest element line read. */
const MAX_LINE = 120;

function find(text: string, context: FreeTextContext): Candidate[] {
  if (!text.includes('DAQ') && !text.includes('DCS') && !text.includes('DBB')) return [];
  const view = viewFor(text, context.meter);
  const lines: [category: Category, start: number, end: number][] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const element = elementAt(text, lineStart, lineEnd);
    if (element) lines.push(element);
    lineStart = lineEnd + 1;
  }
  view.work(text.length);
  if (lines.length === 0 || (lines.length < MIN_ELEMENTS && !HEADER.test(text))) return [];
  const out: Candidate[] = [];
  for (const [category, start, end] of lines) out.push(makeCandidate(view, start, end, category, 'aamva', 'high'));
  return out;
}

/** The element on the line [lineStart, lineEnd), when it is one read and its value has the element's shape. */
function elementAt(text: string, lineStart: number, lineEnd: number): [Category, number, number] | undefined {
  let p = lineStart;
  // What a comment, a string or a list puts before a line: spaces, quotes, `#`.
  while (p < lineEnd && p - lineStart < 8 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x22 || text.charCodeAt(p) === 0x23 || text.charCodeAt(p) === 0x27)) p++;
  if (lineEnd - p < 5 || lineEnd - p > MAX_LINE) return undefined;
  const category = ELEMENTS.get(text.slice(p, p + 3));
  if (!category) return undefined;
  const start = p + 3;
  let end = lineEnd;
  // A value ends before the line's trailing spaces, carriage return, closing quote or comma.
  while (end > start && TRAILER.has(text.charCodeAt(end - 1))) end--;
  const value = text.slice(start, end);
  if (!valueFits(category, text.slice(p, p + 3), value, text, start, end)) return undefined;
  return [category, start, end];
}

function valueFits(category: Category, id: string, value: string, text: string, start: number, end: number): boolean {
  switch (category) {
    case 'name': return isNameField(text, start, end) && value !== 'NONE' && value !== 'unavl';
    case 'date': return isCardDate(value);
    case 'license-number': return /^[A-Z0-9-]{5,25}$/i.test(value) && /\d{3}/.test(value);
    default:
      if (id === 'DAK') return /^\d{5}(?:\d{4})?\s*$/.test(value);
      if (id === 'DAI') return isNameField(text, start, end);
      return /[A-Za-z]{2}/.test(value) && /\d/.test(value);
  }
}

/** MMDDCCYY (a US card) or CCYYMMDD (a Canadian one). */
function isCardDate(v: string): boolean {
  if (!/^\d{8}$/.test(v)) return false;
  return isCalendarDate(Number(v.slice(4, 8)), Number(v.slice(0, 2)), Number(v.slice(2, 4))) || isCompactDate(v);
}

export const aamvaDetector: Detector = { id: 'aamva', category: 'name', find, needs: ['upper'] };
