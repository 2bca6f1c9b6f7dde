/**
 * Dates tied to a person: a calendar date with a birth, admission, discharge or death cue beside it. Without
 * a cue a date is a log timestamp, a partition or a query bound, and stays quiet; a cue followed by range
 * words (`after`, `since`, `>=`) is a bound, not one person's date.
 */
import { pushCandidate } from './candidate';
import { cueAfter, cueBefore, withExtraCues } from './cues';
import { allDigits, digitsValue, isDigitCode, viewFor, type Chain, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

export const DATE_CUES = [
  'born', 'birth', 'dob', 'd.o.b.', 'd.o.b', 'date of birth', 'birth date', 'birthdate', 'birthday', 'admitted',
  'admission', 'admission date', 'admit date', 'admit', 'discharged', 'discharge', 'discharge date', 'died',
  'deceased', 'death', 'date of death', 'expired', 'dod', 'date of service', 'passed away',
  // A stay, a visit and a fill are events of one person's care, as an admission is (verbs: nouns such as
  // readmission and arrival also name tables, paths and metrics).
  'readmitted', 'arrived', 'visited', 'seen on', 'dispensed', 'filled on',
];
const BOUND_WORDS = [
  'after', 'before', 'since', 'until', 'till', 'between', 'through', 'thru', 'cutoff', 'cut-off', 'range',
  'window', 'partition', 'loaded', 'etl', 'as of', 'snapshot', '>', '<', '=>', 'min', 'max', 'earliest',
  'latest', 'where', 'filter', 'starting', 'ending', 'newer', 'older', 'period',
];
/**
 * Verbs of a person's care that name the date after them only (`arrived 2024-03-11`): before them a date is
 * often a thing's (`the ERAs for 2024-03-11 arrived twice`).
 */
const BEFORE_ONLY_CUES = new Set(['arrived', 'visited', 'dispensed', 'filled on', 'seen on', 'readmitted']);

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7,
  july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** A month's number from its digits or its name (`03`, `Mar`, `MARCH`); NaN for anything else. */
export function monthNumber(month: string): number {
  // Asked of any word: only the table's own numbers count (`constructor` is no month).
  const n = MONTHS[month.toLowerCase()];
  return typeof n === 'number' ? n : Number(month);
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  // Written so that NaN (a last part that is no year) fails every bound.
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return false;
  // 1900-01-01 is the systems' unknown date (a null DOB), not anyone's.
  if (year === 1900 && month === 1 && day === 1) return false;
  // Leap years between 1900 and 2100 (2000 is one; 1900 and 2100 are not), worked out for every month: an
  // operation first run on a February date after optimisation deoptimised isDateIn, which inlines this.
  const leapDay = (year & 3) === 0 && year !== 1900 && year !== 2100 ? 1 : 0;
  return day <= DAYS_IN_MONTH[month - 1] + (month === 2 ? leapDay : 0);
}

/** Days of each month outside a leap year (every eight-digit number of a table is asked). */
const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `yyyy-mm-dd`, `mm/dd/yyyy`, `dd.mm.yyyy`, `mm/dd/yy`, `yyyymmdd`, `03-Mar-1950`, `03MAR1950` as one chain. */
export function isDateText(value: string, compactAllowed: boolean): boolean {
  return isDateIn(value, 0, value.length, compactAllowed);
}

/**
 * isDateText over [start, end) of text, read in place: dates are checked on every chain of an output table,
 * so the parts are never split out into strings.
 */
function isDateIn(text: string, start: number, end: number, compactAllowed: boolean): boolean {
  let first = -1;
  let second = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x2f && c !== 0x2e) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return false;
  }
  if (first < 0) {
    if (isSasDateIn(text, start, end)) return true;
    if (!compactAllowed || end - start !== 8 || !allDigits(text, start, end)) return false;
    return isCalendarDate(digitsValue(text, start, start + 4), digitsValue(text, start + 4, start + 6), digitsValue(text, start + 6, end));
  }
  if (second < 0 || text.charCodeAt(first) !== text.charCodeAt(second)) return false;
  const a = { start, end: first, digits: allDigits(text, start, first) };
  const b = { start: first + 1, end: second, digits: allDigits(text, first + 1, second) };
  const c = { start: second + 1, end, digits: allDigits(text, second + 1, end) };
  if (a.digits && width(a) === 4 && b.digits && isDayOrMonthWidth(b) && c.digits && isDayOrMonthWidth(c)) {
    return isCalendarDate(digitsValue(text, a.start, a.end), digitsValue(text, b.start, b.end), digitsValue(text, c.start, c.end));
  }
  if (a.digits && isDayOrMonthWidth(a) && width(b) >= 3 && width(b) <= 9 && allAsciiLetters(text, b.start, b.end) && c.digits && width(c) === 4) {
    const month = MONTHS[text.slice(b.start, b.end).toLowerCase()];
    return month !== undefined && isCalendarDate(digitsValue(text, c.start, c.end), month, digitsValue(text, a.start, a.end));
  }
  if (!a.digits || !isDayOrMonthWidth(a) || !b.digits || !isDayOrMonthWidth(b)) return false;
  const year = c.digits && width(c) === 4 ? digitsValue(text, c.start, c.end)
    : c.digits && width(c) === 2 && text.charCodeAt(first) === 0x2f ? 1900 + digitsValue(text, c.start, c.end) : NaN;
  const x = digitsValue(text, a.start, a.end);
  const y = digitsValue(text, b.start, b.end);
  return isCalendarDate(year, x, y) || isCalendarDate(year, y, x);
}

/**
 * SAS's DATE9 (`05JAN1948`, also `5JAN1948`): how SAS prints and teams type a date, with no separator. The month's
 * letters make it a date on its own, as `05-Jan-1948` is.
 */
function isSasDateIn(text: string, start: number, end: number): boolean {
  const dayDigits = end - start - 7;
  if ((dayDigits !== 1 && dayDigits !== 2) || !allDigits(text, start, start + dayDigits) || !allDigits(text, end - 4, end)) return false;
  if (!allAsciiLetters(text, start + dayDigits, end - 4)) return false;
  const month = MONTHS[text.slice(start + dayDigits, end - 4).toLowerCase()];
  return month !== undefined && isCalendarDate(digitsValue(text, end - 4, end), month, digitsValue(text, start, start + dayDigits));
}

interface DatePart {
  readonly start: number;
  readonly end: number;
  readonly digits: boolean;
}

function width(part: DatePart): number {
  return part.end - part.start;
}

function isDayOrMonthWidth(part: DatePart): boolean {
  return width(part) === 1 || width(part) === 2;
}

function allAsciiLetters(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

interface DateSpan {
  readonly start: number;
  readonly end: number;
}

/** The first three letters of every month name, as codes (see threeAsciiCodes): other words are passed over unsliced. */
const MONTH_PREFIXES = new Set(Object.keys(MONTHS).map(monthKey));

/** The three ASCII codes as one small integer (-1 when one is not ASCII): a set of them is quick to ask. */
function threeAsciiCodes(a: number, b: number, c: number): number {
  return a < 0x80 && b < 0x80 && c < 0x80 ? (a << 14) | (b << 7) | c : -1;
}

function monthKey(month: string): number {
  return threeAsciiCodes(month.charCodeAt(0), month.charCodeAt(1), month.charCodeAt(2));
}

/** Whether the lower-cased text has the first three letters of a month name at pos. */
function isMonthPrefixAt(view: TextView, pos: number): boolean {
  const first = view.lowerCodeAt(pos);
  return first < 0x80 && MONTH_INITIALS[first] === 1
    && MONTH_PREFIXES.has(threeAsciiCodes(first, view.lowerCodeAt(pos + 1), view.lowerCodeAt(pos + 2)));
}

/** First letters of the month names, by code: most words are passed over on their first letter. */
const MONTH_INITIALS = new Uint8Array(0x80).map((_, code) => ('adfjmnos'.includes(String.fromCharCode(code)) ? 1 : 0));

function monthOf(view: TextView, chain: Chain | undefined): number | undefined {
  if (!chain || chain.atomCount !== 1) return undefined;
  const length = chain.end - chain.start;
  if (length < 3 || length > 9 || !isMonthPrefixAt(view, chain.start)) return undefined;
  return MONTHS[view.lower.slice(chain.start, chain.end)];
}

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** `3`, `03`, `3rd`: a day of the month, read in place. */
function dayOf(view: TextView, chain: Chain | undefined): number | undefined {
  if (!chain || chain.atomCount !== 1) return undefined;
  const text = view.lower;
  let digitsEnd = chain.start;
  while (digitsEnd < chain.end && digitsEnd - chain.start < 3 && isDigitCode(text.charCodeAt(digitsEnd))) digitsEnd++;
  const digits = digitsEnd - chain.start;
  if (digits < 1 || digits > 2) return undefined;
  const rest = chain.end - digitsEnd;
  if (rest !== 0 && (rest !== 2 || !ORDINAL_SUFFIXES.has(text.slice(digitsEnd, chain.end)))) return undefined;
  return digitsValue(text, chain.start, digitsEnd);
}

function yearOf(view: TextView, chain: Chain | undefined): number | undefined {
  if (!chain || chain.atomCount !== 1) return undefined;
  const t = view.slice(chain.start, chain.end);
  return /^\d{4}$/.test(t) ? Number(t) : undefined;
}

/** `March 3, 1950`, `Mar 3 1950`, `3 March 1950` starting at this chain. */
function spelledDate(view: TextView, chain: Chain): DateSpan | undefined {
  const month = monthOf(view, chain);
  if (month !== undefined) {
    const dayChain = view.nextChainAfter(chain, ' ') ?? view.nextChainAfter(chain, '. ');
    const day = dayOf(view, dayChain);
    if (!dayChain || day === undefined) return undefined;
    const yearChain = view.nextChainAfter(dayChain, ', ') ?? view.nextChainAfter(dayChain, ' ');
    const year = yearOf(view, yearChain);
    return yearChain && year !== undefined && isCalendarDate(year, month, day) ? { start: chain.start, end: yearChain.end } : undefined;
  }
  const day = dayOf(view, chain);
  if (day === undefined) return undefined;
  const monthChain = view.nextChainAfter(chain, ' ');
  const m = monthOf(view, monthChain);
  if (!monthChain || m === undefined) return undefined;
  const yearChain = view.nextChainAfter(monthChain, ' ') ?? view.nextChainAfter(monthChain, ', ');
  const year = yearOf(view, yearChain);
  return yearChain && year !== undefined && isCalendarDate(year, m, day) ? { start: chain.start, end: yearChain.end } : undefined;
}

/** The date starting at chain i, read by index: most chains are passed over without their Chain being made. */
function dateAt(view: TextView, i: number): DateSpan | undefined {
  const start = view.chainStart(i);
  const end = view.chainEnd(i);
  const atoms = view.chainAtomCount(i);
  const leadingDigits = view.chainFirstKind(i) === 'digits';
  // Every numeric layout is three atoms led by 1-4 digits, or eight digits.
  if (atoms === 3 && leadingDigits && view.chainFirstEnd(i) - start <= 4 && isDateIn(view.text, start, end, false)) return { start, end };
  if (atoms === 1 && end - start === 8 && leadingDigits && isDateIn(view.text, start, end, true)) return { start, end };
  if (atoms === 1 && (end - start === 8 || end - start === 9) && view.chainFirstKind(i) === 'mixed' && isDigitCode(view.text.charCodeAt(start))
    && isSasDateIn(view.text, start, end)) return { start, end };
  return mayStartSpelledDate(view, i) ? spelledDate(view, view.chain(i)) : undefined;
}

/** A month name (3-9 letters), or a day (1-4 characters led by a digit) followed by a space and a month name. */
function mayStartSpelledDate(view: TextView, i: number): boolean {
  if (view.chainAtomCount(i) !== 1) return false;
  const start = view.chainStart(i);
  const length = view.chainEnd(i) - start;
  if (length >= 3 && length <= 9 && isMonthPrefixAt(view, start)) return true;
  return length <= 4 && isDigitCode(view.lowerCodeAt(start)) && view.followedAfter(i, ' ') && isMonthPrefixAt(view, view.chainStart(i + 1));
}

function hasBoundWord(view: TextView, from: number, to: number): boolean {
  const gap = ` ${view.lower.slice(from, to).replace(/_/g, ' ')} `;
  return BOUND_WORDS.some((w) => {
    const at = gap.indexOf(w);
    if (at < 0) return false;
    const wordy = /\w/.test(w);
    return !wordy || (!/\w/.test(gap[at - 1]) && !/\w/.test(gap[at + w.length] ?? ' '));
  });
}

/** A person-date cue right before the date (no range words in between) or just after it. */
function personCue(view: TextView, span: DateSpan, cues: readonly string[]): boolean {
  if (isLogTimestamp(view, span)) return false;
  const before = cueBefore(view, span.start, cues);
  if (before && !hasBoundWord(view, before.end, span.start) && !isIdentifierPart(view, before) && !endsSentence(view, before.end, span.start)
    && !endsQuotedName(view, before.end)) return true;
  const after = cueAfter(view, span.end, cues);
  return after !== undefined && !BEFORE_ONLY_CUES.has(after.phrase) && !isIdentifierPart(view, after) && labelsTheDateBefore(view, span.end, after.start)
    && !hasBoundWord(view, Math.max(0, span.start - 12), span.start);
}

/**
 * Whether a cue after a date labels it (`1950-03-15 (DOB)`, `03/02/2024 admitted`): only spaces and punctuation
 * between them. Words between make the cue another clause's (`since the upgrade on 2024-02-25 the DOB for …`).
 */
function labelsTheDateBefore(view: TextView, end: number, cueStart: number): boolean {
  return /^[\s,;:()[\]=-]*$/.test(view.slice(end, cueStart));
}

/**
 * Whether a sentence ends between a cue and the date (`… transferred / expired. Study period 2021-01-01`): the cue
 * was the last sentence's.
 */
function endsSentence(view: TextView, from: number, to: number): boolean {
  return /[.!?;] +[A-Z]/.test(view.slice(from, to));
}

/**
 * Whether the cue ends a name in quotes that a word goes on from (`the "next-day discharge" huddle … was …`): a
 * thing named after the event. `"dob": "…"`, a key, has no word after its quote.
 */
function endsQuotedName(view: TextView, end: number): boolean {
  return /^["'\u201d\u2019] ?[A-Za-z]/.test(view.slice(end, end + 3));
}

/** `2024-01-15 10:22:33 INFO …`, `[2024-01-15T10:22:33]`: a log line's own time stamp, not a person's date. */
function isLogTimestamp(view: TextView, span: DateSpan): boolean {
  // Look back at most four characters (bounded, so a long line of dates stays linear) for the line start.
  let i = span.start - 1;
  for (; i >= 0 && span.start - i <= 4; i--) {
    const c = view.text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    if (c !== 0x20 && c !== 0x09 && c !== 0x5b && c !== 0x28) return false;
  }
  if (i >= 0 && span.start - i > 4) return false;
  return /^[T ]\d{1,2}:\d{2}/.test(view.text.slice(span.end, span.end + 6));
}

/** Words that keep a cue a cue when it is joined to them: `discharge_date`, `birth_dt`. */
const DATE_SUFFIXES = new Set(['date', 'dt', 'day', 'time', 'ts', 'timestamp', 'datetime', 'on', 'at']);

/** A cue that continues into another word of an identifier (`discharge_summary`) names a thing, not a date. */
function isIdentifierPart(view: TextView, hit: { readonly end: number }): boolean {
  if (view.text.charCodeAt(hit.end) !== 0x5f) return false;
  const m = /^[A-Za-z]{1,20}/.exec(view.text.slice(hit.end + 1, hit.end + 21));
  return m !== null && !DATE_SUFFIXES.has(m[0].toLowerCase());
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(DATE_CUES, 'date', context);
  const out: Candidate[] = [];
  let lastEnd = -1;
  for (let i = 0; i < view.chainCount; i++) {
    if (view.chainStart(i) < lastEnd) continue;
    const span = dateAt(view, i);
    if (!span || !personCue(view, span, cues)) continue;
    pushCandidate(out, view, span.start, span.end, 'date', 'date', 'medium');
    lastEnd = span.end;
  }
  return out;
}

export const dateDetector: Detector = { id: 'date', category: 'date', find, needs: ['digit'] };
