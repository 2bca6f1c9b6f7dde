/**
 * HL7 v2 messages (ADT, ORU, ORM feeds) pasted into comments, strings and outputs: segments of `|`-separated
 * fields, components split by `^`, each segment ended by a carriage return, a line break, or the `\r`/`\n`
 * escapes a string literal holds. The patient's segments say what each field is, so no cue words are needed:
 * PID (identifiers by type code, name, birth date, address, phones, account number, SSN, death date), NK1 (next
 * of kin: name, address, phone), GT1 (the guarantor's name, address, phone, birth date and SSN) and IN1 (the
 * insured's name, birth date and address, the policy and member numbers), which are people wherever they stand (a
 * message kept as a list of segment strings), and PV1 (visit number, admission and discharge times), ORC and OBR
 * (the order's placer and filler numbers, its collection and transaction times) and OBX's observation time after a
 * PID in the same text. MSH and the rest hold codes, facilities and clinicians, and are never read.
 */
import type { Category } from '../model';
import { pushCandidate } from './candidate';
import { isTestPatientName } from './name';
import { isCompactDate, isIdField, isLetterCode, isNameField, isSsnShape, segmentAt, startsAfterBreak, type Segment } from './segments';
import { digitsOf, viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** The longest segment read: a bound that keeps the reading linear (real PID segments are far shorter). */
const MAX_SEGMENT = 2048;
/** PID-3 identifier type codes (component 5) and what they are. */
const ID_TYPES: Readonly<Record<string, Category>> = { MR: 'mrn', MRN: 'mrn', SS: 'ssn', MB: 'health-plan-id', MI: 'health-plan-id', MA: 'health-plan-id', MC: 'health-plan-id', AN: 'account-number', DL: 'license-number' };

function find(text: string, context: FreeTextContext): Candidate[] {
  const pid = text.indexOf('PID|');
  const nk1 = text.indexOf('NK1|');
  const in1 = text.indexOf('IN1|');
  const gt1 = text.indexOf('GT1|');
  if (pid < 0 && nk1 < 0 && in1 < 0 && gt1 < 0) return [];
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  const each = (id: string, first: number, read: (s: Segment) => void): void => {
    for (let at = first; at >= 0; at = text.indexOf(id, at + 4)) if (startsSegment(text, at)) read(hl7Segment(view, at));
  };
  each('PID|', pid, (s) => readPid(view, s, out));
  const identified = out.length > 0;
  each('NK1|', nk1, (s) => readNextOfKin(view, s, out));
  each('IN1|', in1, (s) => readInsurance(view, s, out));
  each('GT1|', gt1, (s) => readGuarantor(view, s, out));
  // A visit's and an order's fields are numbers and times: someone's only beside their PID.
  if (pid >= 0) each('PV1|', text.indexOf('PV1|', pid), (s) => readVisit(view, s, out));
  // An order is someone's only when their PID says who they are: a tokenised or test patient's orders are no one's.
  if (identified) {
    each('ORC|', text.indexOf('ORC|', pid), (s) => readOrder(view, s, ORC_DATES, out));
    each('OBR|', text.indexOf('OBR|', pid), (s) => readOrder(view, s, OBR_DATES, out));
    // OBX-14, when the result was observed.
    each('OBX|', text.indexOf('OBX|', pid), (s) => readDate(view, s, 14, out));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** An HL7 segment also starts after the `\r`/`\n` escape a string literal holds. */
function startsSegment(text: string, at: number): boolean {
  if (startsAfterBreak(text, at)) return true;
  const c = text.charCodeAt(at - 1);
  return at >= 2 && text.charCodeAt(at - 2) === 0x5c && (c === 0x72 || c === 0x6e);
}

/**
 * HL7 segments end at a line break, a `\r`/`\n` escape or a closing double quote (a string literal's end); an
 * apostrophe ends one only outside a word (O'BRIEN stays whole).
 */
function endsHl7(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c === 0x0a || c === 0x0d || c === 0x22) return true;
  if (c === 0x27) return !(isLetterCode(text.charCodeAt(p - 1)) && isLetterCode(text.charCodeAt(p + 1)));
  return c === 0x5c /* \ */ && (text.charCodeAt(p + 1) === 0x72 || text.charCodeAt(p + 1) === 0x6e);
}

function hl7Segment(view: TextView, at: number): Segment {
  return segmentAt(view, at, 0x7c /* | */, MAX_SEGMENT, endsHl7);
}

/** The [start, end) of component `k` (1-based) of field `i`'s first repetition; undefined when absent or empty. */
function component(text: string, s: Segment, i: number, k: number): [number, number] | undefined {
  return i < s.starts.length ? componentIn(text, s.starts[i], s.ends[i], k) : undefined;
}

/** Component `k` of the repetition starting at `start` of a field ending at `fieldEnd`. */
function componentIn(text: string, start: number, fieldEnd: number, k: number): [number, number] | undefined {
  for (let n = 1; ; n++) {
    let end = start;
    while (end < fieldEnd && text.charCodeAt(end) !== 0x5e /* ^ */ && text.charCodeAt(end) !== 0x7e /* ~ */) end++;
    if (n === k) return end > start ? [start, end] : undefined;
    if (end >= fieldEnd || text.charCodeAt(end) === 0x7e) return undefined;
    start = end + 1;
  }
}

function push(view: TextView, out: Candidate[], span: [number, number] | undefined, category: Category): void {
  if (span) pushCandidate(out, view, span[0], span[1], category, 'hl7', 'high');
}

function readPid(view: TextView, s: Segment, out: Candidate[]): void {
  const text = view.text;
  // An interface's test patient (`ZZTEST^COPDBUNDLE`, `TEST^PATIENT`): its numbers and dates are test data too.
  const name = s.starts.length > 5 ? text.slice(s.starts[5], s.ends[5]) : '';
  if (isTestPatientName(name.replace(/\^/g, ' '))) return;
  // PID-2 (external id), PID-3 (identifier list, each repetition typed by its component 5), PID-4 (alternate id).
  for (let i = 2; i <= 4 && i < s.starts.length; i++) {
    for (let at = s.starts[i]; at <= s.ends[i]; at++) {
      const id = componentIn(text, at, s.ends[i], 1);
      const authority = componentIn(text, at, s.ends[i], 4);
      if (id && isIdField(text, id[0], id[1]) && !(authority && PSEUDONYMOUS_AUTHORITY.test(text.slice(authority[0], authority[1])))) {
        const type = componentIn(text, at, s.ends[i], 5);
        push(view, out, id, (type && ID_TYPES[text.slice(type[0], type[1])]) ?? (i === 3 ? 'mrn' : 'other-id'));
      }
      // The next repetition starts after the next `~`.
      while (at < s.ends[i] && text.charCodeAt(at) !== 0x7e) at++;
    }
  }
  readName(view, s, 5, out);
  readName(view, s, 6, out, 1); // mother's maiden name: the family name only
  readDate(view, s, 7, out);
  readAddress(view, s, 11, out);
  for (const i of [13, 14]) readPhone(view, s, i, out);
  const account = component(text, s, 18, 1);
  if (account && isIdField(text, account[0], account[1])) push(view, out, account, 'account-number');
  readSsn(view, s, 19, out);
  readDate(view, s, 29, out);
}

/**
 * An assigning authority that issues tokens, not record numbers (`^^^ZZ-TOKEN^PT`, `^^^DEID_HASH`): a
 * de-identified feed's stand-in for the patient.
 */
const PSEUDONYMOUS_AUTHORITY = /(?:^|[^A-Za-z])(?:TOKENS?|TKN|HASH(?:ED)?|PSEUDO(?:NYM)?|DE-?ID(?:ENTIFIED)?|ANON(?:YMI[SZ]ED)?)(?:$|[^A-Za-z])/i;

/** What a de-identified feed writes where a name was (`REDACTED^REDACTED`). */
const REDACTED_NAME = /^(?:REDACTED|MASKED|REMOVED|WITHHELD|SUPPRESSED|ANONYMOUS|ANONYMI[SZ]ED|DEIDENTIFIED|UNKNOWN)$/i;

function readNextOfKin(view: TextView, s: Segment, out: Candidate[]): void {
  readName(view, s, 2, out);
  readAddress(view, s, 4, out);
  readPhone(view, s, 5, out);
}

function readVisit(view: TextView, s: Segment, out: Candidate[]): void {
  const text = view.text;
  const visit = component(text, s, 19, 1);
  if (visit && isIdField(text, visit[0], visit[1])) push(view, out, visit, 'other-id');
  readDate(view, s, 44, out);
  readDate(view, s, 45, out);
}

/** ORC-9, the order's transaction time; OBR-7, -8 and -14, when the specimen was collected and received. */
const ORC_DATES = [9];
const OBR_DATES = [7, 8, 14];

/**
 * An order's placer and filler numbers (ORC-2/3, OBR-2/3: the lab's accession for one patient's specimen) and its
 * times, read after the patient's PID.
 */
function readOrder(view: TextView, s: Segment, dates: readonly number[], out: Candidate[]): void {
  const text = view.text;
  for (const i of [2, 3]) {
    const id = component(text, s, i, 1);
    if (id && isIdField(text, id[0], id[1])) push(view, out, id, 'other-id');
  }
  for (const i of dates) readDate(view, s, i, out);
}

/** Field `i`, when it holds an SSN. */
function readSsn(view: TextView, s: Segment, i: number, out: Candidate[]): void {
  const ssn = component(view.text, s, i, 1);
  if (ssn && isSsnShape(view.text.slice(ssn[0], ssn[1]))) push(view, out, ssn, 'ssn');
}

/** GT1-3 the guarantor's name, GT1-5 address, GT1-6 phone, GT1-8 birth date, GT1-12 SSN: a patient's relative or payer. */
function readGuarantor(view: TextView, s: Segment, out: Candidate[]): void {
  readName(view, s, 3, out);
  readAddress(view, s, 5, out);
  readPhone(view, s, 6, out);
  readDate(view, s, 8, out);
  readSsn(view, s, 12, out);
}

/** IN1-16 insured's name, IN1-18 birth date, IN1-19 address, IN1-36 policy number, IN1-49 insured's id. */
function readInsurance(view: TextView, s: Segment, out: Candidate[]): void {
  const text = view.text;
  readName(view, s, 16, out);
  readDate(view, s, 18, out);
  readAddress(view, s, 19, out);
  for (const i of [36, 49]) {
    const id = component(text, s, i, 1);
    if (id && isIdField(text, id[0], id[1])) push(view, out, id, 'health-plan-id');
  }
}

/** A name field: family^given^middle (a middle initial alone says nothing). */
function readName(view: TextView, s: Segment, i: number, out: Candidate[], parts = 3): void {
  for (let k = 1; k <= parts; k++) {
    const span = component(view.text, s, i, k);
    if (span && isNameField(view.text, span[0], span[1]) && !REDACTED_NAME.test(view.text.slice(span[0], span[1]))) push(view, out, span, 'name');
  }
}

/** YYYYMMDD, optionally with a time: a person's date when it is a calendar day. */
function readDate(view: TextView, s: Segment, i: number, out: Candidate[]): void {
  const span = component(view.text, s, i, 1);
  if (!span) return;
  const v = view.text.slice(span[0], span[1]);
  if (/^\d{8}(?:\d{2,6}(?:\.\d{1,4})?)?(?:[+-]\d{4})?$/.test(v) && isCompactDate(v.slice(0, 8))) {
    push(view, out, span, 'date');
  }
}

/** street^other^city^state^zip: the street, city and ZIP (a state is no smaller than one). */
function readAddress(view: TextView, s: Segment, i: number, out: Candidate[]): void {
  const text = view.text;
  const street = component(text, s, i, 1);
  if (street && isStreet(text.slice(street[0], street[1]))) push(view, out, street, 'geographic');
  const city = component(text, s, i, 3);
  if (city && isNameField(text, city[0], city[1])) push(view, out, city, 'geographic');
  const zip = component(text, s, i, 5);
  if (zip && /^\d{5}(?:-?\d{4})?$/.test(text.slice(zip[0], zip[1]))) push(view, out, zip, 'geographic');
}

/**
 * A phone field (XTN): a number in its first component (`(608)555-0100`, `6085550100`), or, as v2.5 writes it,
 * the area code and the local number in components 6 and 7 (`^PRN^PH^^^608^5550100`, reported as one span), and
 * an e-mail address in component 4 (`^NET^Internet^…@…`).
 */
function readPhone(view: TextView, s: Segment, i: number, out: Candidate[]): void {
  const text = view.text;
  const span = component(text, s, i, 1);
  if (span && /^[\d()+ .-]{7,20}$/.test(text.slice(span[0], span[1])) && digitsOf(text.slice(span[0], span[1])).length >= 7) push(view, out, span, 'phone');
  const area = component(text, s, i, 6);
  const local = area && component(text, s, i, 7);
  if (area && local && /^\d{3}$/.test(text.slice(area[0], area[1])) && /^\d{3}-?\d{4}$/.test(text.slice(local[0], local[1]))) push(view, out, [area[0], local[1]], 'phone');
  const mail = component(text, s, i, 4);
  if (mail && /^[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}$/.test(text.slice(mail[0], mail[1]))) push(view, out, mail, 'email');
}

/** A house number and a word (`100 TEST AVE`, `PO BOX 12`): not a template's `<ADDRESS>` or a bare word. */
function isStreet(v: string): boolean {
  return /\d/.test(v) && /[A-Za-z]{2}/.test(v) && /^[A-Za-z0-9 .,#'/-]+$/.test(v);
}

export const hl7Detector: Detector = { id: 'hl7', category: 'name', find, needs: ['digit'] };
