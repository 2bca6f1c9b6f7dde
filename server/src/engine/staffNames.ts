/**
 * Names a file itself says are staff's: the values of a roster's or an on-call table's name columns, of an
 * `owner` key, of rows of staff written as code. A name found in prose elsewhere in the file whose every word
 * such a value holds (`ping Ingrid Halvorsen` under `| role | name |` listing `Halvorsen, Ingrid`) is that staff
 * member, not a patient, and a surname of theirs is no value to look for again. Kept only while one file is
 * scanned, like recurring values: never logged, never compared across files.
 */
import { isPlainWord } from './detectors/name';
import { digitCount } from './detectors/text';
import { lineStartWithin, textHashes } from './positions';

/** What may stand between two words of one name: a space, or emphasis around them (`**Jane** **Roe**`). */
function joinsNameWords(gap: string): boolean {
  return gap === ' ' || /^[*_]{0,2} [*_]{0,2}$/.test(gap);
}

/** Words of a name that say nothing about whose it is (`Dr`, `Jr`): left out when a name is compared. */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'jr', 'sr', 'ii', 'iii', 'iv']);

/** A word: letters, with inner apostrophes and hyphens (`O'Neil`, `Vasquez-Lind`). Linear: no nested quantifier. */
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** The lower-case words of a name that can tell whose it is, in order. */
export function nameWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (word.length >= 2 && !NOT_NAME_WORDS.has(word)) words.push(word);
  }
  return words;
}

/** Words of a key that say whose name it holds: a patient's, a member's, a relative's, a case contact's. */
const OWNER_IN_KEY = /pat|pt|member|client|subscriber|beneficiar|resident|guarantor|decedent|mother|child|infant|contact|donor|recipient|cand|enrollee|consumer|participant|person/i;

/** Contacts a staff member's name before them on their line makes that member's (`Jane Roe, RN — 555-…`). */
const CONTACT_CATEGORIES: ReadonlySet<string> = new Set(['phone', 'fax', 'email']);
/** How far back on its line a contact looks for a staff member's name. */
const LINE_WINDOW = 200;

/**
 * What the staff check of a finding reads, or undefined for a finding it never takes back: for a name found in
 * prose, comments, strings or outputs by its shape and cues (not typed by a key or column), the name; for a phone,
 * fax or mail address found there, its line up to it. Taken from the text the finding was found in, so the editor's
 * per-cell scan and a whole-file scan read the same.
 */
export function staffEvidence(finding: { readonly category: string; readonly contextKey?: string }, text: string, start: number, end: number): StaffClaimText | undefined {
  // A serial that a table of the organisation's machines lists (a chamber, a pump) is that machine's wherever it recurs.
  if (finding.category === 'device-id') return { category: 'device-id', text: '', value: text.slice(start, end) };
  if (finding.contextKey !== undefined) {
    // A contact under a key (`primary_phone="906-…"`) is staff's when a table of staff lists that very number.
    if (CONTACT_CATEGORIES.has(finding.category)) return { category: finding.category, text: '', value: text.slice(start, end) };
    // A whole name under a key that says nothing of whose it is (`full_name='…'` in a printed Row of a staff query)
    // is checked like one in prose; a key naming the patient's or a member's keeps it, as does one word of a name
    // (`last_name`), which a staff member's surname may share.
    if (finding.category !== 'name' || OWNER_IN_KEY.test(finding.contextKey)) return undefined;
    const name = text.slice(start, end);
    return nameWords(name).length >= 2 ? { category: 'name', text: name } : undefined;
  }
  if (finding.category === 'name') return { category: 'name', text: text.slice(start, end) };
  if (!CONTACT_CATEGORIES.has(finding.category)) return undefined;
  // The line back to its break, read no further than the window: a lastIndexOf on a one-line output of megabytes
  // would search back to its start for every number on it.
  const line = text.slice(lineStartWithin(text, start, LINE_WINDOW), start);
  return { category: finding.category, text: lastSentence(line), value: text.slice(start, end) };
}

/**
 * A line from its last sentence on: a staff member who speaks first on a line (`**Gwen Okoro:** no, use the
 * landline. Call Harlan Poe at …`) does not own a number a later sentence gives.
 */
function lastSentence(line: string): string {
  let from = 0;
  for (const m of line.matchAll(SENTENCE_BREAK)) from = (m.index ?? 0) + m[0].length - 1;
  // `Call me at …`, `my cell is …`: the speaker's own number, named at the line's start.
  return from === 0 || FIRST_PERSON.test(line.slice(from)) ? line : line.slice(from);
}

const FIRST_PERSON = /\b(?:me|my|I|us|our)\b/;

/** The end of a sentence: a word of two lower-case letters or more (not `Dr.`, not an initial), then a capital. */
const SENTENCE_BREAK = /[a-z]{2}[.!?] +[A-Z]/g;

/**
 * What staff names are checked against to take a finding back, and as what: a name (every word a staff member's)
 * or a contact's line (a staff name on it). A date put by names on its line is checked as those names.
 */
export interface StaffClaimText {
  readonly category: string;
  readonly text: string;
  /** A contact's own number or address, which a table of staff may list. */
  readonly value?: string;
}

/** Whether the staff names take back a finding whose staffEvidence is `claim`. */
export function isStaffs(claim: StaffClaimText, staff: StaffNames): boolean {
  if (staff.size === 0) return false;
  if (claim.category === 'name') return staff.names(claim.text);
  if (claim.category === 'device-id') return claim.value !== undefined && staff.hasSerial(claim.value);
  return staff.namedIn(claim.text) || (claim.value !== undefined && staff.hasContact(claim.value));
}

/** Marks a contact in the set of words, where no word of a name can be: its digits (a number) or its lower case (a mail). */
const CONTACT_MARK = '\u0001';
/** Marks a machine's serial in the set of words, as itself in upper case; and a patient's device's. */
const SERIAL_MARK = '\u0002';
const PATIENT_SERIAL_MARK = '\u0003';

/** A phone or fax number by its last ten digits, a mail address by its lower case; undefined for anything shorter. */
function contactKey(value: string): string | undefined {
  if (value.length > MAX_CONTACT) return undefined;
  if (value.includes('@')) return CONTACT_MARK + value.trim().toLowerCase();
  // Most values noted are names: count before any replace.
  if (digitCount(value) < 10) return undefined;
  // The number without its extension (`+1 978-555-0299 x 88210#`), as a phone finding covers it.
  const digits = value.replace(EXTENSION, '').replace(/\D/g, '');
  return digits.length >= 10 ? CONTACT_MARK + digits.slice(-10) : undefined;
}

/** Longer values are no one number or mailbox (and EXTENSION is only ever tried on a short one). */
const MAX_CONTACT = 80;
const EXTENSION = /\s*(?:x|ext\.?|extension)\s*\d+#?\s*$/i;

/** The words of every staff member's name a file names, lower case. */
export class StaffNames {
  private readonly words = new Set<string>();

  /** Notes the words of a value judged staff's (a name, or a contact that holds one: `Mary Poe x4411`). */
  add(value: string): void {
    for (const word of nameWords(value)) {
      this.words.add(word);
      // A hyphenated surname (`Salazar-Whitfield`) is found elsewhere by its first part too (`Reyna Salazar`).
      if (word.includes('-')) for (const part of word.split('-')) if (part.length >= 2) this.words.add(part);
    }
  }

  /**
   * Notes a phone number, fax number or mail address a table of staff or of sites lists: found again elsewhere in
   * the file (a paging test, a template's filled-in values), it is theirs.
   */
  addContact(value: string): void {
    const key = contactKey(value);
    if (key !== undefined) this.words.add(key);
  }

  hasContact(value: string): boolean {
    const key = contactKey(value);
    return key !== undefined && this.words.has(key);
  }

  /** Notes the serial of a machine a table of the organisation's equipment lists (no person beside it). */
  addSerial(value: string): void {
    const serial = value.trim();
    if (serial) this.words.add(SERIAL_MARK + serial.toUpperCase());
  }

  /** Notes the serial of a patient's device, listed beside the patient: no table of machines takes it back. */
  addPatientSerial(value: string): void {
    const serial = value.trim();
    if (serial) this.words.add(PATIENT_SERIAL_MARK + serial.toUpperCase());
  }

  hasSerial(value: string): boolean {
    const serial = value.trim().toUpperCase();
    return this.words.has(SERIAL_MARK + serial) && !this.words.has(PATIENT_SERIAL_MARK + serial);
  }

  get size(): number {
    return this.words.size;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Whether `name` is staff's: it has a word that can tell, and every such word is a staff member's. */
  names(name: string): boolean {
    if (this.words.size === 0) return false;
    const words = nameWords(name);
    return words.length > 0 && words.every((w) => this.words.has(w));
  }

  /**
   * Whether `line` names a staff member: two capitalised words next to each other (`Naomi Feldstein`,
   * `**Marisol Etxeberria**`), both words of staff names, not both ordinary words.
   */
  namedIn(line: string): boolean {
    if (this.words.size === 0) return false;
    let previous: string | undefined;
    let previousEnd = -1;
    for (const m of line.matchAll(WORD)) {
      const word = m[0];
      const start = m.index ?? 0;
      const lower = word.toLowerCase();
      const capital = word[0] !== lower[0];
      const known = capital && this.words.has(lower) && !NOT_NAME_WORDS.has(lower);
      if (known && previous !== undefined && joinsNameWords(line.slice(previousEnd, start)) && !(isPlainWord(previous) && isPlainWord(word))) return true;
      previous = known ? word : undefined;
      previousEnd = start + word.length;
    }
    return false;
  }

  /** The words as one string, for the editor's per-cell cache. */
  pack(): string {
    return [...this.words].join('\u0000');
  }

  addPacked(packed: string): void {
    if (packed) for (const word of packed.split('\u0000')) this.words.add(word);
  }

  /** A cache key for this set of words that holds none of them: two hashes summed over them, in any order. */
  get digest(): string {
    let a = 0;
    let b = 0;
    for (const word of this.words) {
      const [ha, hb] = textHashes(word, 0, word.length);
      a = (a + ha) | 0;
      b = (b + hb) | 0;
    }
    return `${this.words.size}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
  }
}
