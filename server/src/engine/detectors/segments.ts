/**
 * Delimited segments of the healthcare message formats (X12 `NM1*IL*1*…~`, HL7 `PID|1||…`): one line of
 * separated fields, read as offsets so that a reader types fields by position without slicing them. Shared by the
 * X12 and HL7 readers, which differ only in their separator and what ends a segment.
 */
import { isCalendarDate } from './date';
import { isDigitCode, type TextView } from './text';

export interface Segment {
  /** Start of each field (field 0 is the segment id) and its end, in the text. */
  readonly starts: number[];
  readonly ends: number[];
  /** Where the segment stopped: its terminator, or the bound. */
  readonly stop: number;
}

/**
 * The fields of the segment at `at`, split at `separator`, up to the first character `ends` accepts or `maxLength`
 * characters (a bound that keeps every reader linear; real segments are far shorter).
 */
export function segmentAt(view: TextView, at: number, separator: number, maxLength: number, ends: (text: string, p: number) => boolean): Segment {
  const text = view.text;
  const limit = Math.min(text.length, at + maxLength);
  const starts = [at];
  const fieldEnds: number[] = [];
  let p = at;
  for (; p < limit; p++) {
    if (ends(text, p)) break;
    if (text.charCodeAt(p) === separator) {
      fieldEnds.push(p);
      starts.push(p + 1);
    }
  }
  fieldEnds.push(p);
  view.work(p - at);
  return { starts, ends: fieldEnds, stop: p };
}

/**
 * Whether a segment id at `at` starts a segment: at the text's start, or after a line break, a space or a quote
 * (what a comment, a string or an output puts before a pasted segment). Each format adds its own terminators.
 */
export function startsAfterBreak(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return c === 0x0a || c === 0x0d || c === 0x20 || c === 0x22 || c === 0x27 || c === 0x60;
}

export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** A field masked by one letter repeated (`XXXXXXXX`, `xxxx`): a redacted value, no name. */
function isMaskRun(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start) | 0x20;
  if (c !== 0x78 /* x */) return false;
  for (let i = start + 1; i < end; i++) if ((text.charCodeAt(i) | 0x20) !== c) return false;
  return true;
}

/** Whether a `*`-separated segment (X12's, ASAP's) starts at `at`: after a break, or after the `~` ending the one before. */
export function startsStarSegment(text: string, at: number): boolean {
  return startsAfterBreak(text, at) || text.charCodeAt(at - 1) === 0x7e /* ~ */;
}

/** The text of field `i` of the segment, '' when it has none. */
export function fieldText(text: string, s: Segment, i: number): string {
  return i < s.starts.length ? text.slice(s.starts[i], s.ends[i]) : '';
}

/** An SSN as a field holds it: nine digits, dashed or not. */
export function isSsnShape(v: string): boolean {
  return /^\d{3}-?\d{2}-?\d{4}$/.test(v);
}

/** A field that is a name or a place: letters (and inner spaces, hyphens, apostrophes), two to sixty. */
export function isNameField(text: string, start: number, end: number): boolean {
  if (end - start < 2 || end - start > 60 || isMaskRun(text, start, end)) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isLetterCode(c) && !((c === 0x20 || c === 0x2d || c === 0x27) && i > start && i < end - 1)) return false;
  }
  return true;
}

/** A field that is an identifier: 4-30 letters, digits and dashes with at least four digits, not a code or an amount. */
export function isIdField(text: string, start: number, end: number): boolean {
  if (end - start < 4 || end - start > 30) return false;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) digits++;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x2d)) return false;
  }
  return digits >= 4;
}

/** CCYYMMDD that is a calendar day (both formats write dates so). */
export function isCompactDate(v: string): boolean {
  return /^\d{8}$/.test(v) && isCalendarDate(Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8)));
}
