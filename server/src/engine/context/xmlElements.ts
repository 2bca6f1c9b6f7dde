/**
 * Values of XML elements pasted or printed (an NCPDP SCRIPT prescription, a C-CDA header, an HL7 v3 message): a
 * leaf element's text under its name (`<LastName>…</LastName>`), a generic leaf (`<Date>`, `<Number>`, `<Value>`)
 * under its parent's name (`<DateOfBirth><Date>…`), and the `value` attribute of an empty element (`<birthTime
 * value="19440807"/>`). What sits under a prescriber, a pharmacy, an author or an organisation is read as theirs (a
 * workforce member's object, TableValue.staff), so no other pass takes it for a patient's. One forward pass; the open
 * elements are a bounded stack.
 */
import { isSpace, JOINED_STAFF, NOT_JOINED, type ValueSink } from './tableSink';

/** Deepest nesting followed; deeper elements are read as leaves of the deepest one kept. */
const MAX_DEPTH = 64;
const MAX_NAME = 60;
/** How far a start tag's `>` is looked for: a longer tag is no element of a record. */
const MAX_TAG = 400;
const MAX_VALUE = 200;

/** Leaves that say only what kind of value they hold: their parent names it (`<DateOfBirth><Date>`). */
const GENERIC_LEAVES = new Set(['date', 'datetime', 'number', 'value', 'text', 'id', 'identifier']);

/** Elements whose content is a workforce member's or an organisation's (prescribers, pharmacies, a document's author). */
const STAFF_ELEMENTS = new Set([
  'prescriber', 'pharmacy', 'pharmacist', 'supervisor', 'facility', 'organization', 'organisation', 'representedorganization',
  'author', 'assignedauthor', 'custodian', 'legalauthenticator', 'authenticator', 'performer', 'assignedentity', 'practitioner',
  'provider', 'serviceprovider', 'sender', 'receiver', 'from', 'to', 'encompassingencounter', 'responsibleparty',
  // Whom a C-CDA is sent to and who keyed it in.
  'informationrecipient', 'intendedrecipient', 'dataenterer',
]);

/** Parts of a person's name (C-CDA's `<given>`, `<family>`): in a staff element, the staff member's name. */
const NAME_PARTS = new Set(['given', 'family', 'name']);

/**
 * Standard elements of a person's record that are named by a number or a word no key reads (C-CDA's `birthTime`, a
 * NEMSIS v3 patient care report's `ePatient.17`), as the keys that type them. NEMSIS: the report's number, the
 * patient's section, the run's times and the scene's address, where the patient was found.
 */
const STANDARD_KEYS: ReadonlyMap<string, string> = new Map([
  ['birthtime', 'birth_date'], ['streetaddressline', 'street_address'],
  ['erecord.01', 'pcr_number'], ['epatient.01', 'patient_id'], ['epatient.02', 'last_name'], ['epatient.03', 'first_name'],
  ['epatient.04', 'middle_name'], ['epatient.05', 'street_address'], ['epatient.06', 'city'], ['epatient.07', 'county'],
  ['epatient.09', 'zip'], ['epatient.12', 'ssn'], ['epatient.17', 'birth_date'], ['epatient.18', 'phone'],
  ['epatient.19', 'email'], ['epatient.21', 'drivers_license_number'],
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'].map((n): [string, string] => [`etimes.${n}`, 'event_time']),
  ['escene.11', 'scene_gps'], ['escene.15', 'street_address'], ['escene.17', 'city'], ['escene.19', 'zip'],
]);

export function xmlElementValues(text: string, sink: ValueSink): void {
  if (!text.includes('</')) return;
  const stack: string[] = [];
  /** Depth at which a staff element opened (its content is skipped), or -1. */
  let staffDepth = -1;
  sink.beginTable();
  for (let p = text.indexOf('<'); p >= 0 && !sink.full; p = text.indexOf('<', p + 1)) {
    const closing = text.charCodeAt(p + 1) === 0x2f;
    const nameStart = closing ? p + 2 : p + 1;
    const nameEnd = elementNameEnd(text, nameStart);
    if (nameEnd === nameStart) continue;
    // Kept as written: the key's words come from its case (`DateOfBirth` → `date_of_birth`).
    const name = text.slice(nameStart, nameEnd);
    const lower = name.toLowerCase();
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      if (staffDepth > stack.length) {
        staffDepth = -1;
        sink.resumeTable(sink.currentTable, NOT_JOINED);
      }
      continue;
    }
    const close = tagEnd(text, nameEnd);
    if (close < 0) continue;
    if (text.charCodeAt(close - 1) === 0x2f) {
      // An empty element carries its value in an attribute (`<birthTime value="…"/>`, `<telecom value="tel:…"/>`);
      // a staff member's or an organisation's any attribute (`<ClientServices phone="…" fax="…"/>`).
      valueAttribute(text, sink, name, lower, nameEnd, close);
      if (staffDepth >= 0) staffAttributes(text, sink, nameEnd, close);
      p = close;
      continue;
    }
    if (stack.length < MAX_DEPTH) stack.push(name);
    if (staffDepth < 0 && STAFF_ELEMENTS.has(lower)) {
      staffDepth = stack.length;
      sink.resumeTable(sink.currentTable, JOINED_STAFF);
    }
    if (staffDepth >= 0) staffAttributes(text, sink, nameEnd, close);
    p = close;
    const valueEnd = text.indexOf('<', close + 1);
    if (valueEnd < 0 || text.charCodeAt(valueEnd + 1) !== 0x2f || valueEnd - close - 1 > MAX_VALUE) continue;
    let s = close + 1;
    let e = valueEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) sink.add(staffDepth >= 0 && NAME_PARTS.has(lower) ? 'name' : keyOf(name, lower, stack), s, e);
  }
  sink.endTable();
}

/** The key a leaf's value stands under: a generic leaf's parent's name, a standard element's usual key, or its own. */
function keyOf(name: string, lower: string, stack: readonly string[]): string {
  if (GENERIC_LEAVES.has(lower) && stack.length >= 2) return stack[stack.length - 2];
  return STANDARD_KEYS.get(lower) ?? name;
}

/** The `value="…"` of an empty element, under the element's name; a `tel:` or `mailto:` scheme is left out. */
function valueAttribute(text: string, sink: ValueSink, name: string, lower: string, from: number, close: number): void {
  // Searched in the tag alone (at most MAX_TAG characters), never past it.
  const tag = text.slice(from, close);
  const at = tag.indexOf('value="');
  if (at < 0) return;
  let s = from + at + 7;
  const quote = tag.indexOf('"', at + 7);
  if (quote < 0) return;
  const e = from + quote;
  let key = STANDARD_KEYS.get(lower) ?? name;
  if (text.startsWith('tel:', s)) {
    s += 4;
    key = 'phone';
  } else if (text.startsWith('mailto:', s)) {
    s += 7;
    key = 'email';
  }
  if (e > s) sink.add(key, s, e);
}

/**
 * Attributes that structure a document rather than describe someone (HL7 v3's `root`, `extension`, `code`, …;
 * `value`, which valueAttribute reads): a staff element's are not its contact's values.
 */
const STRUCTURAL_ATTRIBUTES = new Set([
  'value', 'root', 'extension', 'use', 'code', 'codeSystem', 'codeSystemName', 'displayName', 'classCode', 'moodCode',
  'typeCode', 'nullFlavor', 'xmlns', 'xsi:type', 'type', 'id', 'unit', 'version', 'assigningAuthorityName',
]);

/** Each `name="value"` attribute of the tag [from, close), under its name: a staff element's, read as theirs. */
function staffAttributes(text: string, sink: ValueSink, from: number, close: number): void {
  for (let eq = text.indexOf('="', from); eq >= 0 && eq < close; eq = text.indexOf('="', eq + 2)) {
    let k = eq;
    while (k > from && isNameChar(text.charCodeAt(k - 1))) k--;
    const end = text.indexOf('"', eq + 2);
    if (k === eq || end < 0 || end > close) return;
    if (end > eq + 2 && !STRUCTURAL_ATTRIBUTES.has(text.slice(k, eq))) sink.add(text.slice(k, eq), eq + 2, end);
    eq = end - 1;
  }
}

/** The end of an element's name starting at p (letters, digits, `_`, `-`, `.`, `:`), p when none starts there. */
function elementNameEnd(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return p;
  let q = p + 1;
  while (q < text.length && q - p < MAX_NAME && isNameChar(text.charCodeAt(q))) q++;
  return q - p >= MAX_NAME ? p : q;
}

function isNameChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x3a;
}

/** The `>` closing a start tag whose name ends at p, within MAX_TAG characters and before any `<`; -1 when none. */
function tagEnd(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c !== 0x3e && c !== 0x2f && !isSpace(c)) return -1;
  const limit = Math.min(text.length, p + MAX_TAG);
  for (let q = p; q < limit; q++) {
    const d = text.charCodeAt(q);
    if (d === 0x3e) return q;
    if (d === 0x3c) return -1;
  }
  return -1;
}
