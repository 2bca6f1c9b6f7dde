/**
 * Delimited segments of the healthcare message formats (X12 `NM1*IL*1*…~`, HL7 `PID|1||…`): one line of
 * separated fields, read as offsets so that a reader types fields by position without slicing them. Shared by the
 * X12 and HL7 readers, which differ only in their separator and what ends a segment.
 */
import type { TextView } from './text';

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
