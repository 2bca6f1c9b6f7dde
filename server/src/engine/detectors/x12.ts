/**
 * ASC X12 healthcare transactions (837 claims, 834 enrolments, 270/271 eligibility) pasted into comments, strings
 * and outputs: segments of `*`-separated elements, each ended by `~` or a line break. A subscriber or patient
 * loop (`NM1*IL`, `NM1*QC`) is one person: the name and id of its NM1, the street of its N3, the city and ZIP of
 * its N4, the birth date of its DMG and the SSN of a `REF*SY`. Where such a loop is, a claim's patient control
 * number (CLM01, or CLP01 in an 835) is that patient's account and its DTP dates (service, admission, statement) are theirs; a sample
 * claim with no person in it has none. A `DMG*D8` is a person's birth date wherever it stands. Provider, payer and
 * submitter loops (`NM1*85`, `NM1*PR`, `NM1*41`) name organisations and NPIs, and are never read. The elements
 * are found by position, so no cue words are needed.
 */
import type { Category } from '../model';
import { pushCandidate } from './candidate';
import { fieldText, isCompactDate, isIdField, isNameField, isSsnShape, segmentAt, startsStarSegment, type Segment } from './segments';
import { viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** Entity codes of a person whose data the loop holds: the insured/subscriber and the patient. */
const PERSON_ENTITIES = new Set(['IL', 'QC']);
/** NM108 qualifiers: an SSN, a member id (MI, II); anything else is some other unique id. */
const ID_QUALIFIER_CATEGORY: Readonly<Record<string, Category>> = { 34: 'ssn', MI: 'health-plan-id', II: 'health-plan-id' };
/** Segments that may follow a person's NM1 in its loop; any other ends the loop. */
const LOOP_SEGMENTS = new Set(['N3', 'N4', 'DMG', 'REF', 'PER']);
/** The longest segment read: real ones are far shorter, and a bound keeps the reading linear. */
const MAX_SEGMENT = 512;
/** Segments read after an NM1 before giving up on the loop. */
const MAX_LOOP_SEGMENTS = 12;

function find(text: string, context: FreeTextContext): Candidate[] {
  const nm1 = text.indexOf('NM1*');
  const dmg = text.indexOf('DMG*D8*');
  if (nm1 < 0 && dmg < 0) return [];
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  let persons = 0;
  /** Starts of the segments the loops read, so a DMG read in a loop is not read again on its own. */
  const read = new Set<number>();
  for (let at = nm1; at >= 0; at = text.indexOf('NM1*', at + 4)) {
    if (startsStarSegment(text, at) && readPersonLoop(view, at, out, read)) persons++;
  }
  // A DMG outside a loop (a segment quoted on its own) is still a birth date.
  for (let at = dmg; at >= 0; at = text.indexOf('DMG*D8*', at + 7)) {
    if (startsStarSegment(text, at) && !read.has(at)) readLoopSegment(view, 'DMG', x12Segment(view, at), out);
  }
  if (persons === 0) return out.sort((a, b) => a.start - b.start);
  for (let at = text.indexOf('DTP*'); at >= 0; at = text.indexOf('DTP*', at + 4)) {
    if (startsStarSegment(text, at)) readServiceDates(view, x12Segment(view, at), out);
  }
  // CLM01 (an 837's claim) and CLP01 (the 835 paying it), the patient control number: the provider's account for
  // this patient's stay.
  for (const id of ['CLM*', 'CLP*']) {
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 4)) {
      if (!startsStarSegment(text, at)) continue;
      const claim = x12Segment(view, at);
      if (claim.starts.length > 1 && isIdField(text, claim.starts[1], claim.ends[1])) {
        pushCandidate(out, view, claim.starts[1], claim.ends[1], 'account-number', 'x12', 'high');
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** X12 segments end at `~` or a line break. */
function endsX12(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  return c === 0x7e || c === 0x0a || c === 0x0d;
}

/** The elements of the X12 segment at `at`. */
function x12Segment(view: TextView, at: number): Segment {
  return segmentAt(view, at, 0x2a /* * */, MAX_SEGMENT, endsX12);
}

/** Where the segment after `s` may start: past its `~`. */
function nextAfter(text: string, s: Segment): number {
  return s.stop < text.length && text.charCodeAt(s.stop) === 0x7e ? s.stop + 1 : s.stop;
}

/** Reads an NM1 and, when it names a subscriber or patient (then true), the loop's segments that follow it. */
function readPersonLoop(view: TextView, at: number, out: Candidate[], read: Set<number>): boolean {
  const text = view.text;
  const nm1 = x12Segment(view, at);
  if (!PERSON_ENTITIES.has(fieldText(text, nm1, 1)) || fieldText(text, nm1, 2) !== '1') return false;
  // NM103-NM105: last, first and middle name (a lone middle initial says nothing).
  for (let i = 3; i <= 5; i++) {
    if (i < nm1.starts.length && isNameField(text, nm1.starts[i], nm1.ends[i])) pushCandidate(out, view, nm1.starts[i], nm1.ends[i], 'name', 'x12', 'high');
  }
  // NM108 qualifies NM109; a segment typed by hand with one `*` too many has them one place later.
  const isQualifier = (i: number): boolean => Object.hasOwn(ID_QUALIFIER_CATEGORY, fieldText(text, nm1, i));
  const idAt = !isQualifier(8) && isQualifier(9) ? 10 : 9;
  if (nm1.starts.length > idAt && isIdField(text, nm1.starts[idAt], nm1.ends[idAt])) {
    const category = isQualifier(idAt - 1) ? ID_QUALIFIER_CATEGORY[fieldText(text, nm1, idAt - 1)] : 'other-id';
    pushCandidate(out, view, nm1.starts[idAt], nm1.ends[idAt], category, 'x12', 'high');
  }
  let p = nextAfter(text, nm1);
  for (let k = 0; k < MAX_LOOP_SEGMENTS && p < text.length; k++) {
    while (p < text.length && (text.charCodeAt(p) === 0x0a || text.charCodeAt(p) === 0x0d)) p++;
    let star = p;
    while (star < p + 4 && star < text.length && text.charCodeAt(star) !== 0x2a) star++;
    if (star === p + 4 || star >= text.length || !LOOP_SEGMENTS.has(text.slice(p, star))) break;
    const s = x12Segment(view, p);
    read.add(p);
    readLoopSegment(view, fieldText(text, s, 0), s, out);
    p = nextAfter(text, s);
  }
  return true;
}

function readLoopSegment(view: TextView, id: string, s: Segment, out: Candidate[]): void {
  const text = view.text;
  const push = (i: number, category: Category): void => {
    if (i < s.starts.length && s.ends[i] > s.starts[i]) pushCandidate(out, view, s.starts[i], s.ends[i], category, 'x12', 'high');
  };
  switch (id) {
    case 'N3': // street address, two lines
      for (const i of [1, 2]) if (/[A-Za-z]{2}/.test(fieldText(text, s, i)) && !/[<>{}$]/.test(fieldText(text, s, i))) push(i, 'geographic');
      return;
    case 'N4': { // city, state (not reported: a state is no smaller than one), ZIP; not a template's `{CITY}`
      if (!/[<>{}$]/.test(fieldText(text, s, 1))) push(1, 'geographic');
      const zip = fieldText(text, s, 3);
      if (/^\d{5}(?:\d{4})?$/.test(zip) && !/^0+$/.test(zip)) push(3, 'geographic');
      return;
    }
    case 'DMG': { // DMG*D8*CCYYMMDD: the date of birth
      if (fieldText(text, s, 1) === 'D8' && isCompactDate(fieldText(text, s, 2))) push(2, 'date');
      return;
    }
    case 'REF': // REF*SY: the person's SSN
      if (fieldText(text, s, 1) === 'SY' && isSsnShape(fieldText(text, s, 2))) push(2, 'ssn');
      return;
    case 'PER': // PER*IC*name*TE*number: contact numbers by qualifier
      for (let i = 3; i + 1 < s.starts.length; i += 2) {
        const qualifier = fieldText(text, s, i);
        if (qualifier === 'TE' || qualifier === 'HP' || qualifier === 'CP' || qualifier === 'WP') push(i + 1, 'phone');
        else if (qualifier === 'EM') push(i + 1, 'email');
      }
      return;
  }
}

/** DTP*qualifier*D8*CCYYMMDD or DTP*qualifier*RD8*CCYYMMDD-CCYYMMDD: the dates of a person's claim. */
function readServiceDates(view: TextView, s: Segment, out: Candidate[]): void {
  const text = view.text;
  if (s.starts.length < 4) return;
  const format = fieldText(text, s, 2);
  const start = s.starts[3];
  const value = fieldText(text, s, 3);
  if (format === 'D8' && isCompactDate(value)) pushCandidate(out, view, start, start + 8, 'date', 'x12', 'high');
  else if (format === 'RD8' && value.length === 17 && value[8] === '-' && isCompactDate(value.slice(0, 8)) && isCompactDate(value.slice(9))) {
    pushCandidate(out, view, start, start + 8, 'date', 'x12', 'high');
    pushCandidate(out, view, start + 9, start + 17, 'date', 'x12', 'high');
  }
}

export const x12Detector: Detector = { id: 'x12', category: 'name', find, needs: ['digit'] };
