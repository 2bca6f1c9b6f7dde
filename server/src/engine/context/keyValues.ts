/**
 * Key/value pairs printed in outputs: Spark `Row(mrn='…', dob='…')`, dict and JSON prints
 * (`{'mrn': '…'}`, `"dob": "…"`) and log lines (`mrn: 12345678`, `patient_name = Ann Lee`). Every reader is a
 * single forward scan; quoted strings never span lines, and an unquoted value is bounded in length.
 */
import { isContactColumn, isWorkforceKey, namesOrganisationCollection, namesPatientOwner, normaliseKey } from '../detectors/keyed';
import { isCapitalCode, isDigitCode } from '../detectors/text';
import { isSpace, JOINED_CONTACT, JOINED_PERSON, JOINED_STAFF, joinsAsContact, NOT_JOINED, skipBlanks, type Lines, type ValueSink } from './tableSink';

const MAX_KEY = 40;
const MAX_QUOTED_KEY = 60;
const MAX_VALUE = 200;

/**
 * `Row(mrn='…', first_name='…', visits=3)`, and the reprs of dataclasses, namedtuples and pydantic models
 * (`DriverExam(name='…', dob=datetime.date(…))`): a capitalised class name, then `key=` pairs. Nested records are
 * read where they start.
 */
export function rowValues(text: string, sink: ValueSink): void {
  const quotes = new QuoteFinder(text);
  for (let p = text.indexOf('(', 0); p >= 0 && !sink.full; p = text.indexOf('(', p + 1)) {
    if (!isRecordName(text, p) || !opensKeyword(text, p + 1)) continue;
    sink.beginTable();
    readRowFields(text, p + 1, sink, quotes);
    sink.endTable();
  }
}

/** Longest class name read before a record's bracket. */
const MAX_RECORD_NAME = 40;

/** Whether a capitalised identifier (`Row`, `DriverExam`) ends right before `open`, not the tail of a longer word. */
function isRecordName(text: string, open: number): boolean {
  let s = open;
  while (s > 0 && open - s <= MAX_RECORD_NAME && isKeyChar(text.charCodeAt(s - 1))) s--;
  if (s === open || open - s > MAX_RECORD_NAME) return false;
  const c = text.charCodeAt(s);
  return c >= 0x41 && c <= 0x5a && (s === 0 || text.charCodeAt(s - 1) !== 0x40 /* @ */);
}

/** Whether the bracket's first field is `key=` (not `==`): a record's, not a call's positional arguments. */
function opensKeyword(text: string, pos: number): boolean {
  let p = skipBlanks(text, pos);
  const keyStart = p;
  while (p < text.length && p - keyStart <= MAX_KEY && isKeyChar(text.charCodeAt(p))) p++;
  if (p === keyStart || !isKeyStart(text.charCodeAt(keyStart))) return false;
  p = skipBlanks(text, p);
  return text.charCodeAt(p) === 0x3d && text.charCodeAt(p + 1) !== 0x3d;
}

function readRowFields(text: string, pos: number, sink: ValueSink, quotes: QuoteFinder): void {
  for (let field = 0; field < 1000; field++) {
    pos = skipBlanks(text, pos);
    const keyStart = pos;
    while (pos < text.length && isKeyChar(text.charCodeAt(pos)) && pos - keyStart <= MAX_KEY) pos++;
    if (pos === keyStart || !isKeyStart(text.charCodeAt(keyStart))) return;
    const key = text.slice(keyStart, pos);
    pos = skipBlanks(text, pos);
    if (text.charCodeAt(pos) !== 0x3d /* = */) return;
    const value = readValue(text, skipBlanks(text, pos + 1), ',)', quotes);
    if (!value) return;
    addValue(text, sink, key, value);
    pos = skipBlanks(text, value.next);
    if (text.charCodeAt(pos) !== 0x2c /* , */) return;
    pos++;
  }
}

/**
 * A plain value as it is; of the calls Python prints for dates, `datetime.date(1966, 4, 23)` (and datetime) whole
 * and the string inside `Timestamp('…')`. Other calls and nested values are not one value.
 */
function addValue(text: string, sink: ValueSink, key: string, value: Value): void {
  if (value.plain) return sink.add(key, value.start, value.end);
  if (text.startsWith('datetime.date', value.start) && text.charCodeAt(value.end - 1) === 0x29) return sink.add(key, value.start, value.end);
  if (text.startsWith('Timestamp(', value.start)) {
    const q = value.start + 10;
    const quote = text.charCodeAt(q);
    if ((quote === 0x27 || quote === 0x22) && text.charCodeAt(value.end - 2) === quote) sink.add(key, q + 1, value.end - 2);
  }
}

/** A FHIR resource about a person, pasted or printed whole. */
const FHIR_PERSON = /"resourceType"\s{0,4}:\s{0,4}"(?:Patient|RelatedPerson|Person)"/;

export function isFhirPerson(text: string): boolean {
  return text.includes('"resourceType"') && FHIR_PERSON.test(text);
}

/** How far back an identifier's or contact point's `system` may stand from its `value`. */
const SYSTEM_REACH = 300;

/** The key a FHIR `value` stands under, by the `system` before it in its object; undefined when untyped. */
function systemKey(system: string): string | undefined {
  const s = system.toLowerCase();
  if (s.includes('ssn') || s.includes('2.16.840.1.113883.4.1')) return 'ssn';
  if (s.includes('mrn') || s.includes('medical-record')) return 'mrn';
  if (s.includes('empi') || s.includes('enterprise')) return 'empi';
  if (/member|subscriber|medicaid|medicare|mbi/.test(s)) return 'member_id';
  if (s.includes('driver')) return 'drivers_license';
  if (s === 'phone' || s === 'sms') return 'phone';
  if (s === 'fax') return 'fax';
  if (s === 'email') return 'email';
  if (s === 'url') return 'personal_url';
  return undefined;
}

/**
 * `'key': value` and `"key": value` pairs, as Python dicts and JSON print them. Read as a FHIR person resource
 * (`resource`), the text is one record: objects inside values are read too, lists of strings (`"given": ["Ruth",
 * "Ellen"]`) give each string, a `value` is typed by the `system` before it (`us-ssn`, `…/mrn`, `phone`) and an
 * address's `line` is its street.
 */
export function quotedPairs(text: string, sink: ValueSink, resource = false): void {
  if (resource) sink.beginTable();
  let system: string | undefined;
  let systemAt = -1;
  /** Whether the resource being read is about the person (false inside an Organization, a MessageHeader, …). */
  let aboutPerson = true;
  const quotes = new QuoteFinder(text);
  const objects = new OpenObjects(text, new QuoteFinder(text), sink);
  let nextSingle = text.indexOf("'");
  let nextDouble = text.indexOf('"');
  let p = 0;
  while (!sink.full) {
    if (nextSingle >= 0 && nextSingle < p) nextSingle = text.indexOf("'", p);
    if (nextDouble >= 0 && nextDouble < p) nextDouble = text.indexOf('"', p);
    const q = nextSingle < 0 ? nextDouble : nextDouble < 0 ? nextSingle : Math.min(nextSingle, nextDouble);
    if (q < 0) return;
    const close = quotes.close(q);
    if (close < 0) {
      p = q + 1;
      continue;
    }
    p = close + 1;
    const colon = skipBlanks(text, close + 1);
    if (text.charCodeAt(colon) !== 0x3a /* : */ || text.charCodeAt(colon + 1) === 0x3a || close - q - 1 > MAX_QUOTED_KEY) continue;
    const value = readValue(text, skipBlanks(text, colon + 1), ',}]', quotes);
    if (!value) continue;
    if (!resource) {
      // Each object a record (`"contact": {"name": …, "role": "Nurse Manager", "phone": …}`): its role or its site
      // says whose its number and name are, as a table's columns do.
      objects.advance(q);
      sink.resumeTable(objects.current, objects.join);
    }
    let key = text.slice(q + 1, close);
    if (resource) {
      if (key === 'resourceType' && value.plain) aboutPerson = !NO_PERSONS_RESOURCES.has(text.slice(value.start, value.end));
      // A bundle's own timestamp, its message header's source, its organisations' names and numbers: no one's.
      if (!aboutPerson) {
        p = value.plain ? value.next : colon + 1;
        continue;
      }
      if (key === 'system' && value.plain) {
        system = text.slice(value.start, value.end);
        systemAt = q;
      }
      if (key === 'value') key = (system !== undefined && q - systemAt <= SYSTEM_REACH ? systemKey(system) : undefined) ?? key;
      else if (key === 'line') key = 'street_address';
      // A name written as one string (`name`, HumanName's `text`) is the resource's person's, whatever it reads like.
      else if (key === 'name' || key === 'text') key = 'patient_name';
      if (!value.plain) {
        if (text.charCodeAt(value.start) === 0x5b /* [ */) addQuotedStrings(text, sink, key, value.start + 1, value.end, quotes);
        // Objects inside a value are read as the scan goes on.
        p = colon + 1;
        continue;
      }
    }
    // An object or a list of them as the value (`"patient": {"mrn": …}` on one line) is read inside, pair by pair.
    if (!value.plain && (text.charCodeAt(value.start) === 0x7b || text.charCodeAt(value.start) === 0x5b)) {
      p = colon + 1;
      continue;
    }
    addValue(text, sink, key, value);
    p = value.next;
  }
  sink.endTable();
}

/**
 * FHIR resources about no patient, read in a bundle beside a Patient's: the bundle and its message header, the
 * organisations, places, practitioners and endpoints it names, and definitions.
 */
const NO_PERSONS_RESOURCES: ReadonlySet<string> = new Set([
  'Bundle', 'MessageHeader', 'Organization', 'OrganizationAffiliation', 'Location', 'Practitioner', 'PractitionerRole',
  'Endpoint', 'HealthcareService', 'InsurancePlan', 'Medication', 'Substance', 'ValueSet', 'CodeSystem', 'ConceptMap',
  'StructureDefinition', 'CapabilityStatement', 'OperationOutcome', 'Questionnaire', 'PlanDefinition', 'ActivityDefinition',
  'Library', 'Measure', 'Subscription', 'Schedule', 'Slot',
]);

/** The quoted key an object is the value of, right before its brace. */
const OBJECT_KEY = /["']([A-Za-z_][\w.-]*)["'] ?: ?$/;

/** Most objects and lists open at once that are tracked; deeper ones are their parent's. */
const MAX_OPEN_OBJECTS = 64;

/**
 * The objects and lists open at a point of a dict or JSON print, read forward once: each `{` begins a record, each
 * `}` ends one; braces inside strings are skipped. An object under a key that names the record's person or contact
 * (`"patient": {…}`, `'rep': {…}`, `"contacts": [{…}, {…}]`) is part of the record around it: a visit's patient, a
 * vendor's rep. Its own QuoteFinder: it reads behind the pairs' search.
 */
class OpenObjects {
  /** The record of each open bracket (a list's is its parent's), innermost last. */
  private readonly records: number[] = [];
  /** For each open bracket: OBJECT, or a list whose objects join the record around it or not. */
  private readonly kinds: number[] = [];
  /** For each open bracket: NOT_JOINED, or whether it is (or is inside) an object that joined the record around it, and as whose. */
  private readonly joins: number[] = [];
  /** For each open bracket: whether objects right inside it are organisations' records (it is under `vendors`, `facility`). */
  private readonly holdsOrganisations: boolean[] = [];
  /** Brackets opened past MAX_OPEN_OBJECTS, closed before any recorded one. */
  private overflow = 0;
  private at = 0;

  constructor(private readonly text: string, private readonly quotes: QuoteFinder, private readonly sink: ValueSink) {}

  /** The record of the innermost object open, 0 outside every object. */
  get current(): number {
    return this.records.length > 0 ? this.records[this.records.length - 1] : 0;
  }

  /**
   * How the innermost object open joined the record around it: a contact's, a workforce member's (`"assignee":
   * {"displayName": …}`) or the record's patient's (`"patient": {"mrn": …}`); NOT_JOINED for a record of its own.
   */
  get join(): number {
    return this.joins.length > 0 ? this.joins[this.joins.length - 1] : NOT_JOINED;
  }

  /** Reads the brackets up to `to` (the start of the next key). */
  advance(to: number): void {
    const text = this.text;
    while (this.at < to) {
      const c = text.charCodeAt(this.at);
      if (c === 0x22 || c === 0x27) {
        const close = this.quotes.close(this.at);
        this.at = close < 0 ? this.at + 1 : close + 1;
        continue;
      }
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) this.open(c === 0x7b);
      else if (c === 0x7d /* } */ || c === 0x5d /* ] */) this.close();
      this.at++;
    }
  }

  private open(object: boolean): void {
    if (this.records.length >= MAX_OPEN_OBJECTS) {
      this.overflow++;
      return;
    }
    const inside = this.kinds.length > 0 ? this.kinds[this.kinds.length - 1] : OBJECT;
    const key = this.keyBefore();
    const { organisations, as } = key === undefined ? NO_KEY_JOIN : objectJoin(key);
    const joining = as !== NOT_JOINED;
    const amongOrganisations = this.holdsOrganisations.length > 0 && this.holdsOrganisations[this.holdsOrganisations.length - 1];
    const outer = this.join;
    if (!object) {
      this.records.push(this.current);
      this.kinds.push(joining ? JOINING_LIST : LIST);
      this.joins.push(joining ? as : outer);
      this.holdsOrganisations.push(organisations);
      return;
    }
    const joins = this.records.length > 0 && (inside === JOINING_LIST || (inside === OBJECT && joining));
    if (joins) {
      this.records.push(this.current);
    } else {
      // An object under `vendors`, `facility` or `payer`, or one of the objects of such a dict or list, is an organisation's record.
      this.sink.beginNestedTable(this.current, organisations || amongOrganisations);
      this.records.push(this.sink.currentTable);
    }
    this.kinds.push(OBJECT);
    this.joins.push(!joins ? NOT_JOINED : inside === JOINING_LIST ? outer : as);
    this.holdsOrganisations.push(organisations);
  }

  private close(): void {
    if (this.overflow > 0) this.overflow--;
    else {
      this.records.pop();
      this.kinds.pop();
      this.joins.pop();
      this.holdsOrganisations.pop();
    }
  }

  /** The quoted key right before the bracket at `at`, if any. */
  private keyBefore(): string | undefined {
    return OBJECT_KEY.exec(this.text.slice(Math.max(0, this.at - MAX_QUOTED_KEY - 6), this.at))?.[1];
  }
}

/**
 * How an object under `key` sits in the record around it: joined to it (`as`: a contact's, a workforce member's,
 * the record's patient's) or a record of its own, one of organisations' (`vendor_contacts`, `payers`) or not.
 * Shared by JSON printed as text and by a Databricks result's struct columns (structColumns.ts).
 */
export function objectJoin(key: string): { readonly organisations: boolean; readonly as: number } {
  // A key naming organisations opens their records, not a contact of the record around.
  const organisations = namesOrganisations(key);
  return { organisations, as: organisations ? NOT_JOINED : joinsAs(key) };
}

const NO_KEY_JOIN = { organisations: false, as: NOT_JOINED };

const OBJECT = 0;
const LIST = 1;
const JOINING_LIST = 2;

/** How an object under `key` joins the record around it: not, as its person's or contact's, or as a workforce member's. */
function joinsAs(key: string): number {
  if (!namesRecordsPersonOrContact(key)) return NOT_JOINED;
  if (isWorkforceKey(singularOf(key))) return JOINED_STAFF;
  return namesPatientOwner(key) ? JOINED_PERSON : JOINED_CONTACT;
}

/**
 * A key whose objects are organisations' records: `vendors`, `facility`, `payer_directory` (namesOrganisationCollection),
 * but not a place (`location` is where a patient is as well).
 */
function namesOrganisations(key: string): boolean {
  return namesOrganisationCollection(key) && !/location/i.test(key);
}

function singularOf(key: string): string {
  return key.endsWith('s') ? key.slice(0, -1) : key;
}

/** A patient's or member's key (`patient`, `recipient`), a contact's (`contact`, `contacts`) or a workforce one (`rep`, `owner`). */
function namesRecordsPersonOrContact(key: string): boolean {
  const singular = singularOf(key);
  // A contact person's key (`contact`, `poc`), not one of a way to reach (`mail_house`, `remit_address`).
  return namesPatientOwner(key) || (isContactColumn(singular) && CONTACT_PERSON_END.test(normaliseKey(singular))) || isWorkforceKey(singular);
}

const CONTACT_PERSON_END = /(?:^|_)(?:contact|poc|liaison|contact_name|contact_person)$/i;

/** Each quoted string of a list `["a", "b"]` in [from, to), under `key`; stops at anything else. */
function addQuotedStrings(text: string, sink: ValueSink, key: string, from: number, to: number, quotes: QuoteFinder): void {
  for (let p = skipBlanks(text, from); p < to;) {
    const c = text.charCodeAt(p);
    if (c !== 0x22 && c !== 0x27) return;
    const close = quotes.close(p);
    if (close < 0 || close >= to) return;
    sink.add(key, p + 1, close);
    p = skipBlanks(text, close + 1);
    if (text.charCodeAt(p) !== 0x2c /* , */) return;
    p = skipBlanks(text, p + 1);
  }
}

/**
 * `key: value` and `key=value` pairs in lines no table reader took; the key must look like a column name. A line
 * is one record (`INFO mrn=… admit_ts=…`), and so is a block of lines that each open with a lower-case `key: value`
 * (a YAML mapping, a record printed field by field, a diff of one); a mail's headers are not one. A block is read
 * as YAML nests it: a deeper mapping is a record of its own inside the one around it, unless its key names that
 * record's person or contact (`contact:` over a vendor's `name:`), and each list item (`- name: …`) is a record.
 * With `fieldsOnly` (text pasted into comments and Markdown, where other `key: value` lines are prose), only blocks
 * of two or more such lines are read.
 */
export function keyValueLines(lines: Lines, consumed: Uint8Array, sink: ValueSink, fieldsOnly = false): void {
  const text = lines.text;
  const quotes = new QuoteFinder(text);
  const block = new FieldBlock(sink);
  let next = lines.count > 0 ? fieldLine(text, lines.starts[0], lines.ends[0]) : undefined;
  /** Whether the line before was a field line: with the next one, whether a line is in a block of two or more. */
  let afterField = false;
  for (let i = 0; i < lines.count && !sink.full; i++) {
    const field = next;
    next = i + 1 < lines.count ? fieldLine(text, lines.starts[i + 1], lines.ends[i + 1]) : undefined;
    if (consumed[i] || !field) {
      block.close();
      afterField = false;
      if (!consumed[i] && !fieldsOnly) {
        sink.beginTable();
        readLinePairs(text, lines.starts[i], lines.ends[i], sink, quotes);
        sink.endTable();
      }
      continue;
    }
    const inBlock = afterField || (next !== undefined && !consumed[i + 1]);
    afterField = true;
    if (fieldsOnly && !inBlock) continue;
    if (!block.enter(field)) continue;
    readLinePairs(text, lines.starts[i], lines.ends[i], sink, quotes, fieldsOnly);
  }
  block.close();
}

/** A line that opens with a lower-case `key:`: where its key starts, whether it opens a list item, whether a value follows. */
interface FieldLine {
  readonly indent: number;
  readonly item: boolean;
  /** `contact:` with nothing after it: the mapping or list below is its value. */
  readonly parent: boolean;
  /** `NL: {name: …, phone: …}`: a flow mapping, a record of its own on its line. */
  readonly flow: boolean;
  readonly key: string;
}

/** Most nested mappings tracked; deeper ones are read as their parent's. */
const MAX_FIELD_LEVELS = 32;

/** The mappings of a block of field lines open at a line, outermost first, each with its indent and record. */
class FieldBlock {
  private readonly indents: number[] = [];
  private readonly tables: number[] = [];
  /** Per level: NOT_JOINED, or how its mapping joined the record around it (a `contact:` under a vendor, an `owner:`). */
  private readonly joins: number[] = [];
  /** The last parent key (`contact:`), its indent, and whether its mapping joins the record around it. */
  private parentIndent = -1;
  private parentJoins = NOT_JOINED;
  /** Whether the last parent key names organisations (`vendors:`): the mappings under it are their records. */
  private parentOrganisations = false;

  constructor(private readonly sink: ValueSink) {}

  /** Moves to the record of a field line; false for a parent key, which has no values of its own. */
  enter(field: FieldLine): boolean {
    const { indents, tables, joins: joined, sink } = this;
    while (indents.length > 0 && indents[indents.length - 1] > field.indent) {
      indents.pop();
      tables.pop();
      joined.pop();
    }
    if (this.parentIndent > field.indent || (this.parentIndent === field.indent && !field.parent)) this.parentIndent = -1;
    const top = indents.length - 1;
    if (field.flow) {
      // Inside the mapping around it, a record of its own unless its key names that record's contact.
      const around = top >= 0 ? tables[top] : 0;
      const as = joinsAs(field.key);
      if (around > 0 && as !== NOT_JOINED) sink.resumeTable(around, as);
      else sink.beginNestedTable(around);
      return true;
    }
    if (top >= 0 && indents[top] === field.indent && !field.item) {
      sink.resumeTable(tables[top], joined[top]);
    } else {
      // A sibling list item replaces the one before it; anything else opens inside the record around it.
      if (top >= 0 && indents[top] === field.indent) {
        indents.pop();
        tables.pop();
        joined.pop();
      }
      const around = tables.length > 0 ? tables[tables.length - 1] : 0;
      const underParent = this.parentIndent >= 0 && this.parentIndent < field.indent;
      // A contact's mapping joins the record around it, and so does each item of a list of contacts (`contacts:`
      // then `- name: …`); a list of patients' items are each their own record.
      const joins = around > 0 && underParent && this.parentJoins !== NOT_JOINED && (!field.item || joinsAsContact(this.parentJoins));
      if (joins) sink.resumeTable(around, this.parentJoins);
      else sink.beginNestedTable(around, underParent && this.parentOrganisations);
      if (indents.length < MAX_FIELD_LEVELS) {
        indents.push(field.indent);
        tables.push(sink.currentTable);
        joined.push(joins ? this.parentJoins : NOT_JOINED);
      }
    }
    if (field.parent) {
      this.parentIndent = field.indent;
      this.parentOrganisations = namesOrganisations(field.key);
      this.parentJoins = this.parentOrganisations ? NOT_JOINED : joinsAs(field.key);
      return false;
    }
    return true;
  }

  close(): void {
    this.indents.length = 0;
    this.tables.length = 0;
    this.joins.length = 0;
    this.parentIndent = -1;
    this.parentOrganisations = false;
    this.sink.endTable();
  }
}

/**
 * The line's field, if it opens with a lower-case `key: value` or `key:` (after blanks, a diff's `+`/`-` or a list
 * item's `- `); undefined for any other line.
 */
function fieldLine(text: string, start: number, end: number): FieldLine | undefined {
  let p = start;
  if (p < end && isDiffMark(text.charCodeAt(p)) && !isDiffMark(text.charCodeAt(p + 1)) && text.charCodeAt(p + 1) !== 0x20) p++;
  p = skipBlanks(text, p, end);
  const item = text.charCodeAt(p) === 0x2d /* - */ && text.charCodeAt(p + 1) === 0x20;
  if (item) p = skipBlanks(text, p + 1, end);
  const keyStart = p;
  if (!isKeyStart(text.charCodeAt(p))) return undefined;
  while (p < end && p - keyStart <= MAX_KEY && isKeyChar(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 0x3a /* : */ || (p + 1 < end && !isSpace(text.charCodeAt(p + 1)))) return undefined;
  // A mail's or a letter's header (`From:`, `To:`, `Subject:`) names a different person on each line.
  const key = text.slice(keyStart, p);
  if (isCapitalCode(text.charCodeAt(keyStart)) || MAIL_HEADER_KEYS.has(key)) return undefined;
  const valueStart = skipBlanks(text, p + 1, end);
  return { indent: keyStart - start, item, parent: valueStart >= end, flow: text.charCodeAt(valueStart) === 0x7b /* { */, key };
}

const MAIL_HEADER_KEYS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'sent', 'date', 're', 'attn', 'sender', 'recipient']);

/** Fewest tight `key=value` pairs that make a line of prose a log record. */
const MIN_LOG_PAIRS = 2;

/**
 * Log records pasted into comments and Markdown (`mrn=00714460 name=… ctrl=MSG…`): lines no table reader took
 * with two or more `key=value` pairs written tight, each line one record. Prose and `key: value` lines there are
 * a note's, not a record's.
 */
export function logRecordLines(lines: Lines, consumed: Uint8Array, sink: ValueSink): void {
  const text = lines.text;
  const quotes = new QuoteFinder(text);
  const pairs: Pair[] = [];
  for (let i = 0; i < lines.count && !sink.full; i++) {
    if (consumed[i]) continue;
    const start = lines.starts[i];
    const end = lines.ends[i];
    pairs.length = 0;
    for (let p = text.indexOf('=', start); p >= 0 && p < end; p = text.indexOf('=', p + 1)) {
      if (isSpace(text.charCodeAt(p - 1)) || isSpace(text.charCodeAt(p + 1))) continue;
      const pair = linePair(text, start, end, p, quotes);
      if (pair) {
        pairs.push(pair);
        p = Math.max(p, pair.next - 1);
      }
    }
    if (pairs.length < MIN_LOG_PAIRS) continue;
    sink.beginTable();
    for (const pair of pairs) sink.add(pair.key, pair.start, pair.end);
    sink.endTable();
  }
}

/**
 * Reads a line's pairs; with `noProse`, a value that opens with two lower-case words is a description, not a
 * value (a docstring's `fullname:  the file to byte-compile`).
 */
function readLinePairs(text: string, start: number, end: number, sink: ValueSink, quotes: QuoteFinder, noProse = false): void {
  let p = start;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c !== 0x3a && c !== 0x3d) {
      p++;
      continue;
    }
    const pair = linePair(text, start, end, p, quotes);
    if (!pair) {
      p++;
      continue;
    }
    if (!noProse || !PROSE_VALUE.test(text.slice(pair.start, Math.min(pair.end, pair.start + MAX_PROSE_HEAD)))) sink.add(pair.key, pair.start, pair.end);
    p = Math.max(p + 1, pair.next);
  }
}

/** A value that opens as a sentence does: two lower-case words (`a 2-tuple (host, port) for …`). */
const PROSE_VALUE = /^[a-z]+ [a-z0-9]/;
const MAX_PROSE_HEAD = 40;

interface Pair {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/** The pair whose separator is at sep, if the text around it is `key<sep>value` with an identifier-like key. */
function linePair(text: string, lineStart: number, lineEnd: number, sep: number, quotes: QuoteFinder): Pair | undefined {
  const isColon = text.charCodeAt(sep) === 0x3a;
  const after = text.charCodeAt(sep + 1);
  const before = text.charCodeAt(sep - 1);
  if (after === 0x3d || after === 0x3a || (isColon && after === 0x2f)) return undefined; // :=, ::, ==, URLs
  if (!isColon && (before === 0x3d || before === 0x21 || before === 0x3c || before === 0x3e)) return undefined; // ==, !=, <=, >=
  let keyEnd = sep;
  while (keyEnd > lineStart && sep - keyEnd < 3 && text.charCodeAt(keyEnd - 1) === 0x20) keyEnd--;
  let keyStart = keyEnd;
  while (keyStart > lineStart && keyEnd - keyStart <= MAX_KEY && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
  if (keyStart === keyEnd || keyEnd - keyStart > MAX_KEY || !isKeyStart(text.charCodeAt(keyStart))) return undefined;
  // A diff's line marks its key with `+` or `-` (`-main_phone: …`).
  if (keyStart > lineStart && !isPairBoundary(text.charCodeAt(keyStart - 1)) && !(keyStart - 1 === lineStart && isDiffMark(text.charCodeAt(lineStart)))) return undefined;
  const spaced = keyEnd < sep || text.charCodeAt(sep + 1) === 0x20;
  const valueStart = skipBlanks(text, sep + 1, lineEnd);
  if (valueStart >= lineEnd) return undefined;
  const first = text.charCodeAt(valueStart);
  // A number opening with its area code in brackets is a value under a field's key (`main_phone: (509) …`); under a
  // form's or a letter's capitalised label (`Fax:  (503) …`) it is left to the prose around it, which says whose it is.
  if (first === 0x7b || first === 0x5b || (first === 0x28 && (isCapitalCode(text.charCodeAt(keyStart)) || !isAreaCode(text, valueStart)))) return undefined; // structures, not values
  const value = first === 0x27 || first === 0x22
    ? readValue(text, valueStart, '', quotes)
    : unquotedLineValue(text, valueStart, lineEnd, isColon || spaced, isColon && ADDRESS_KEY.test(text.slice(keyStart, keyEnd)));
  if (!value || value.end > lineEnd || !value.plain) return undefined;
  return { key: text.slice(keyStart, keyEnd), start: value.start, end: value.end, next: value.next };
}

function isDiffMark(c: number): boolean {
  return c === 0x2b || c === 0x2d;
}

function isPairBoundary(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x3b || c === 0x7c || c === 0x7b || c === 0x28 || c === 0x5b;
}

/** An unquoted value runs to a delimiter, a wide gap or the line end; single spaces stay inside when allowed. */
function unquotedLineValue(text: string, start: number, lineEnd: number, spacesInside: boolean, commasInside = false): Value | undefined {
  let p = start;
  while (p < lineEnd && p - start <= MAX_VALUE) {
    const c = text.charCodeAt(p);
    if ((c === 0x2c && !commasInside) || c === 0x3b || c === 0x7c || c === 0x09 || c === 0x29 || c === 0x5d || c === 0x7d) break;
    if (c === 0x28 && isAreaCode(text, p)) {
      p += 5;
      continue;
    }
    if (c === 0x28 && text.charCodeAt(p - 1) === 0x20) {
      // A note in brackets after a word (`DanceSafe (test strips)`), not a call: the value runs on past it.
      let close = p + 1;
      const limit = Math.min(lineEnd, p + MAX_NOTE);
      while (close < limit && text.charCodeAt(close) !== 0x29 && text.charCodeAt(close) !== 0x3d) close++;
      // A schema's `string (nullable = true)` holds pairs, not a note.
      if (close >= limit || text.charCodeAt(close) === 0x3d) return undefined;
      p = close + 1;
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) return undefined; // a call or structure, not a plain value
    if (c === 0x20 && (!spacesInside || text.charCodeAt(p + 1) === 0x20 || opensPair(text, p + 1, lineEnd))) break;
    p++;
  }
  if (p - start > MAX_VALUE) return undefined;
  let end = p;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end, next: p, plain: true } : undefined;
}

/** Longest note in brackets inside an unquoted value. */
const MAX_NOTE = 80;

/** Whether a `key=` or `key: ` pair starts at p (`needed: Teodoro Sanabria dob=…`: the name ends before `dob`). */
function opensPair(text: string, p: number, lineEnd: number): boolean {
  const keyStart = p;
  while (p < lineEnd && p - keyStart <= MAX_KEY && isKeyChar(text.charCodeAt(p))) p++;
  if (p === keyStart || !isKeyStart(text.charCodeAt(keyStart))) return false;
  const c = text.charCodeAt(p);
  return (c === 0x3d && text.charCodeAt(p + 1) !== 0x3d) || (c === 0x3a && text.charCodeAt(p + 1) === 0x20);
}

/** A key whose value is an address, which runs on over its commas (`site_address: 715 S Second Ave, Okanogan, WA 98840`). */
const ADDRESS_KEY = /(?:^|_)(?:address|addr)(?:_?line)?\d?$/i;

/** `(509)`: a phone number's area code in brackets, not a call. */
function isAreaCode(text: string, p: number): boolean {
  return text.charCodeAt(p + 4) === 0x29 && isDigitCode(text.charCodeAt(p + 1)) && isDigitCode(text.charCodeAt(p + 2)) && isDigitCode(text.charCodeAt(p + 3));
}

interface Value {
  readonly start: number;
  readonly end: number;
  /** Where reading goes on. */
  readonly next: number;
  /** A string or scalar that can be read as it is (not a call, list or nested structure). */
  readonly plain: boolean;
}

/**
 * A quoted string (its content) or an unquoted scalar ending at one of `stops` (outside brackets), a line
 * break or MAX_VALUE characters.
 */
function readValue(text: string, pos: number, stops: string, quotes: QuoteFinder): Value | undefined {
  const c = text.charCodeAt(pos);
  if (c === 0x27 || c === 0x22) {
    const close = quotes.close(pos);
    return close < 0 ? undefined : { start: pos + 1, end: close, next: close + 1, plain: true };
  }
  let depth = 0;
  let p = pos;
  let plain = true;
  for (; p < text.length && p - pos <= MAX_VALUE; p++) {
    const ch = text.charCodeAt(p);
    if (ch === 0x0a || ch === 0x0d) break;
    if (ch === 0x28 || ch === 0x5b || ch === 0x7b) {
      depth++;
      plain = false;
    } else if (ch === 0x29 || ch === 0x5d || ch === 0x7d) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && stops.includes(text[p])) {
      break;
    }
  }
  if (p - pos > MAX_VALUE) return undefined;
  let end = p;
  while (end > pos && isSpace(text.charCodeAt(end - 1))) end--;
  return end > pos ? { start: pos, end, next: p, plain } : undefined;
}

/**
 * Closing quotes on the same line, honouring backslash escapes. A failed search from q also settles every
 * quote of that kind up to where it stopped (each was escaped or unmatched), so no span is searched twice.
 */
export class QuoteFinder {
  private failedSingle = -1;
  private failedDouble = -1;

  constructor(private readonly text: string) {}

  /** Offset of the quote that closes the one at q, or -1. */
  close(q: number): number {
    const text = this.text;
    const quote = text.charCodeAt(q);
    if (q < (quote === 0x27 ? this.failedSingle : this.failedDouble)) return -1;
    let p = q + 1;
    for (; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === quote) return p;
      if (c === 0x0a || c === 0x0d) break;
      if (c === 0x5c) p++;
    }
    if (quote === 0x27) this.failedSingle = p;
    else this.failedDouble = p;
    return -1;
  }
}

function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39);
}
