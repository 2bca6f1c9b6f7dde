/**
 * ASAP prescription monitoring reports (the file a pharmacy sends its state's PDMP for every controlled substance
 * it dispenses), pasted into comments, strings and outputs: `*`-separated segments ended by `~` or a line break,
 * like X12's. The patient's segment PAT names by position the id the patient showed (typed by PAT02: a driver's
 * licence, an SSN, a state or other id), their name, home address, phone and birth date; AIR names the person who
 * picked the prescription up (often a relative): the id they showed and their name. Pharmacy, prescriber and
 * dispensing segments (PHA, PRE, DSP) are the organisation's and the clinicians', and are never read.
 */
import type { Category } from '../model';
import { pushCandidate } from './candidate';
import { fieldText, isCompactDate, isIdField, isNameField, isSsnShape, segmentAt, startsStarSegment, type Segment } from './segments';
import { digitsOf, viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** The longest segment read: real ones are far shorter, and a bound keeps the reading linear. */
const MAX_SEGMENT = 512;

/** PAT02 / AIR02, what the id after it is: 06 a driver's licence, 07 an SSN, anything else some other id. */
const ID_QUALIFIER_CATEGORY: Readonly<Record<string, Category>> = { '06': 'license-number', '07': 'ssn' };

function find(text: string, context: FreeTextContext): Candidate[] {
  const pat = text.indexOf('PAT*');
  const air = text.indexOf('AIR*');
  if (pat < 0 && air < 0) return [];
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  for (let at = pat; at >= 0; at = text.indexOf('PAT*', at + 4)) if (startsStarSegment(text, at)) readPatient(view, asapSegment(view, at), out);
  for (let at = air; at >= 0; at = text.indexOf('AIR*', at + 4)) if (startsStarSegment(text, at)) readPickup(view, asapSegment(view, at), out);
  return out.sort((a, b) => a.start - b.start);
}

function endsAsap(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  return c === 0x7e || c === 0x0a || c === 0x0d || c === 0x22;
}

function asapSegment(view: TextView, at: number): Segment {
  return segmentAt(view, at, 0x2a /* * */, MAX_SEGMENT, endsAsap);
}

/**
 * An ASAP segment's id qualifier is two digits (`PAT*TN*06*…`); X12's 837 has a PAT segment too, whose first
 * element is a relationship code, and is not this one.
 */
function isAsapIdentified(text: string, s: Segment): boolean {
  const state = fieldText(text, s, 1);
  return /^\d{2}$/.test(fieldText(text, s, 2)) && (state === '' || /^[A-Z]{2}$/.test(state));
}

function push(view: TextView, s: Segment, i: number, category: Category, out: Candidate[]): void {
  if (i < s.starts.length && s.ends[i] > s.starts[i]) pushCandidate(out, view, s.starts[i], s.ends[i], category, 'asap', 'high');
}

/** The id in element `i` (typed by the qualifier before it), when it reads as one. */
function pushId(view: TextView, s: Segment, i: number, out: Candidate[]): void {
  const text = view.text;
  if (i >= s.starts.length) return;
  const category = ID_QUALIFIER_CATEGORY[fieldText(text, s, i - 1)] ?? 'other-id';
  // An id typed as an SSN that is none is some other id.
  if (category === 'ssn' && isSsnShape(fieldText(text, s, i))) push(view, s, i, 'ssn', out);
  else if (isIdField(text, s.starts[i], s.ends[i])) push(view, s, i, category === 'ssn' ? 'other-id' : category, out);
}

function pushName(view: TextView, s: Segment, i: number, out: Candidate[]): void {
  if (i < s.starts.length && isNameField(view.text, s.starts[i], s.ends[i])) push(view, s, i, 'name', out);
}

/**
 * PAT03 the id the patient showed, then in order the name (PAT07-09), the street (PAT12-13), the city (PAT14), the
 * ZIP (PAT16), the phone (PAT17) and the birth date (PAT18). Read by shape in that order after PAT03, not by
 * position: reports typed by hand drop or add an empty element, and each field has a shape of its own.
 */
function readPatient(view: TextView, s: Segment, out: Candidate[]): void {
  const text = view.text;
  if (!isAsapIdentified(text, s)) return;
  pushId(view, s, 3, out);
  let names = 0;
  let street = false;
  let city = false;
  let zip = false;
  let phone = false;
  for (let i = 4; i < s.starts.length; i++) {
    const v = fieldText(text, s, i);
    if (v === '') continue;
    if (!street && names < 3 && isNameField(text, s.starts[i], s.ends[i])) {
      push(view, s, i, 'name', out);
      names++;
    } else if (names > 0 && !city && /[A-Za-z]{2}/.test(v) && /\d/.test(v) && v.includes(' ')) {
      push(view, s, i, 'geographic', out);
      street = true;
    } else if (street && !city && !/^[A-Z]{2}$/.test(v) && isNameField(text, s.starts[i], s.ends[i])) {
      push(view, s, i, 'geographic', out);
      city = true;
    } else if (city && !zip && /^\d{5}(?:-?\d{4})?$/.test(v)) {
      push(view, s, i, 'geographic', out);
      zip = true;
    } else if (zip && !phone && /^[\d()+ .-]{10,20}$/.test(v) && digitsOf(v).length >= 10) {
      push(view, s, i, 'phone', out);
      phone = true;
    } else if (names > 0 && isCompactDate(v)) {
      push(view, s, i, 'date', out);
      return;
    }
  }
}

/** AIR03 the id shown by whoever picked the prescription up, AIR04-05 their name. */
function readPickup(view: TextView, s: Segment, out: Candidate[]): void {
  if (!isAsapIdentified(view.text, s)) return;
  pushId(view, s, 3, out);
  for (const i of [4, 5]) pushName(view, s, i, out);
}

export const asapDetector: Detector = { id: 'asap', category: 'name', find, needs: ['digit'] };
