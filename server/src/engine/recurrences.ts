/**
 * Identifiers a file already reports, found again where nothing else flags them: the MRN of a `WHERE` clause in
 * a comment three cells down (`retired 00714460 -> surviving …`), a patient's surname alone after her full name
 * (`Fenwick showed up three times`), a member id in a file name. A reviewer who has seen a value once knows it
 * everywhere in the file, and so does the scan. Values are compared only within the file being scanned, in
 * memory while it is scanned: never kept, logged or compared across files.
 */
import { udiSerial } from './detectors/device';
import { isDistinctiveSurname } from './detectors/name';
import { tokenWriterFor } from './lexers';
import { TokenList } from './lexers/chars';
import { Kind } from './lexers/types';
import type { Category, NotebookCell, RegionKind, TextSlice } from './model';
import { organisationSections } from './context/organisationSections';
import { digitCount } from './detectors/text';
import type { StaffNames } from './staffNames';
import { textHashes } from './positions';

/** Identifiers that recur verbatim; names recur by their surname (below); dates, places and numbers by shape do not. */
const ID_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'mrn', 'health-plan-id', 'account-number', 'other-id', 'ssn', 'device-id', 'license-number', 'vehicle-id',
]);
/**
 * An id recurs only with enough digits to be nobody else's: a short number is a count, a code or a port in the
 * next line as often as the same id.
 */
const MIN_ID_DIGITS = 5;
const MIN_ID_LENGTH = 6;

/** Whether values of a category may recur (the others RecurringValues.add passes over). */
export function mayRecur(category: Category): boolean {
  return category === 'name' || ID_CATEGORIES.has(category);
}

/** The values to look for again, by what they are. Keys are the values themselves: this lives as long as one scan. */
export class RecurringValues {
  private readonly ids = new Map<string, Category>();
  /** Lower case. */
  private readonly surnames = new Set<string>();
  /** Words of names already judged not distinctive (a table repeats its names' given names on every row). */
  private plainWords: Set<string> | undefined;
  /** Lengths of the ids, so most tokens are passed over without a lookup. */
  minIdLength = Number.MAX_SAFE_INTEGER;
  maxIdLength = 0;
  /**
   * A bit per shape key (length and three characters) of the values: a token whose key has no bit is none of
   * them, and most tokens of a text are passed over without a slice or a lookup.
   */
  private shapes: Uint8Array | undefined;

  /**
   * Notes a reported value of `category`: an id whole and by its hyphen-joined parts, a name by its surnames, a
   * birth date (`birthDate`, scan.ts) as an id: written as one token (`1952-03-14`, `19520314`) it is the
   * patient's wherever the file repeats it.
   */
  add(category: Category, value: string, birthDate = false): void {
    // A UDI recurs by its serial alone (udiSerial): its GTIN and lot are every box's of the product.
    if (category === 'name') this.addName(value);
    else if (ID_CATEGORIES.has(category) || (birthDate && category === 'date')) this.addId(category, category === 'device-id' ? udiSerial(value) ?? value : value);
  }

  get size(): number {
    return this.ids.size + this.surnames.size;
  }

  /** A cache key for this set of values that holds none of them: two hashes summed over them, in any order. */
  get digest(): string {
    let a = 0;
    let b = 0;
    const add = (value: string): void => {
      const [ha, hb] = textHashes(value, 0, value.length);
      a = (a + ha) | 0;
      b = (b + hb) | 0;
    };
    for (const id of this.ids.keys()) add(id);
    for (const surname of this.surnames) add(`\0${surname}`);
    return `${this.size}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
  }

  /** The category of the id token text[start, end), whole or, failing that, by a part of it between hyphens. */
  idCategory(text: string, start: number, end: number): Category | undefined {
    if (end - start < this.minIdLength) return undefined;
    if (end - start <= this.maxIdLength) {
      const whole = this.ids.get(text.slice(start, end));
      if (whole !== undefined) return whole;
    }
    for (let from = start; from < end;) {
      let to = from;
      while (to < end && text.charCodeAt(to) !== 0x2d) to++;
      if ((from > start || to < end) && to - from >= this.minIdLength && to - from <= this.maxIdLength) {
        const part = this.ids.get(text.slice(from, to));
        if (part !== undefined) return part;
      }
      from = to + 1;
    }
    return undefined;
  }

  isSurname(word: string): boolean {
    return this.surnames.has(word.toLowerCase());
  }

  /** Whether text[start, end) may be one of the values (no: it is none; yes: look it up). */
  mayBe(text: string, start: number, end: number): boolean {
    const shapes = (this.shapes ??= this.shapesOfValues());
    const key = shapeKey(text, start, end);
    return (shapes[key >>> 3] & (1 << (key & 7))) !== 0;
  }

  /** Made when first searched with (a cell's own values in the editor's cache never are). */
  private shapesOfValues(): Uint8Array {
    const shapes = new Uint8Array(1 << 10);
    const note = (value: string): void => {
      const key = shapeKey(value, 0, value.length);
      shapes[key >>> 3] |= 1 << (key & 7);
    };
    for (const id of this.ids.keys()) note(id);
    for (const surname of this.surnames) note(surname);
    return shapes;
  }

  /** The values as one string, for a cache that keeps them long (a Map per cell costs several times more). */
  pack(): string {
    let packed = '';
    for (const [id, category] of this.ids) packed += `${category}\u0000${id}\u0000`;
    for (const surname of this.surnames) packed += `name\u0000${surname}\u0000`;
    return packed;
  }

  /** Adds values packed by pack(). */
  addPacked(packed: string): void {
    const parts = packed.split('\u0000');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      if (parts[i] === 'name') this.noteSurname(parts[i + 1]);
      else this.noteId(parts[i + 1], parts[i] as Category);
    }
  }

  /** Forgets the surnames of staff members the file names (a name of theirs in prose is no patient's). */
  dropStaffSurnames(staff: StaffNames): void {
    if (staff.size === 0) return;
    for (const surname of this.surnames) {
      if (staff.has(surname)) {
        this.surnames.delete(surname);
        this.shapes = undefined;
      }
    }
  }

  get hasIds(): boolean {
    return this.ids.size > 0;
  }

  get hasSurnames(): boolean {
    return this.surnames.size > 0;
  }

  private addName(value: string): void {
    for (let i = 0; i < value.length;) {
      while (i < value.length && !isLetterChar(value.charCodeAt(i))) i++;
      const start = i;
      while (i < value.length && (isLetterChar(value.charCodeAt(i)) || value.charCodeAt(i) === 0x2d)) i++;
      if (i - start < 4) continue;
      const lower = value.slice(start, i).toLowerCase();
      if (this.surnames.has(lower) || this.plainWords?.has(lower)) continue;
      if (isDistinctiveSurname(lower)) this.noteSurname(lower);
      else (this.plainWords ??= new Set()).add(lower);
    }
  }

  private addId(category: Category, value: string): void {
    for (let i = 0; i < value.length;) {
      if (!isTokenChar(value.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      i = tokenEnd(value, start);
      if (tokenDigits < MIN_ID_DIGITS || i - start < MIN_ID_LENGTH) continue;
      const id = value.slice(start, i);
      this.noteId(id, category);
      // `M00502877-01` recurs as `M00502877` too: each part between hyphens that is an id on its own.
      if (tokenHyphens > 0) for (const part of id.split('-')) if (part.length >= MIN_ID_LENGTH && digitCount(part) >= MIN_ID_DIGITS) this.noteId(part, category);
    }
  }

  private noteSurname(lower: string): void {
    if (this.surnames.has(lower)) return;
    this.surnames.add(lower);
    this.shapes = undefined;
  }

  private noteId(id: string, category: Category): void {
    if (this.ids.has(id)) return;
    this.ids.set(id, category);
    this.shapes = undefined;
    if (id.length < this.minIdLength) this.minIdLength = id.length;
    if (id.length > this.maxIdLength) this.maxIdLength = id.length;
  }
}

/** A 13-bit key of text[start, end) from its length and three letters or digits, ASCII letters in lower case. */
function shapeKey(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start) | 0x20;
  const last = text.charCodeAt(end - 1) | 0x20;
  const before = text.charCodeAt(end - 2) | 0x20;
  return (Math.imul(end - start, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(last, 0xc2b2ae35) ^ Math.imul(before, 0x27d4eb2f)) >>> 19;
}

/** A value found again: `[start, end)` of the slice, typed as the first one was, in a region of a cell. */
export interface Recurrence {
  readonly slice: TextSlice;
  readonly start: number;
  readonly end: number;
  readonly category: Category;
  readonly regionKind: RegionKind;
  readonly cellIndex: number;
  readonly outputIndex: number | undefined;
  /** In the cell source (line-level suppressions apply). */
  readonly inSource: boolean;
}

/**
 * Where findings already are, so a value is not reported twice: per slice in its own offsets where the scan
 * that placed them knows them, else by file offsets.
 */
export interface Covered {
  /** [start, end) pairs of the slice's findings, ascending and apart, or undefined when unknown. */
  inSlice(slice: TextSlice): readonly number[] | undefined;
  /** Whether slice[start, end) overlaps a finding. */
  overlaps(slice: TextSlice, start: number, end: number): boolean;
}

/**
 * Every recurrence of `values` in the cells (sources, titles and outputs) that `covered` leaves: a finding is
 * already there. An id counts anywhere; a surname only in prose, comments, strings, titles and outputs (not as
 * a name in code), never inside an identifier (`FENWICK_TREE`), never after `Dr` (a clinician who shares it),
 * and never in a Markdown section about the team.
 */
export function findRecurrences(
  cells: readonly NotebookCell[], values: RecurringValues, covered: Covered,
): Recurrence[] {
  const found: Recurrence[] = [];
  if (values.size === 0) return found;
  for (const cell of cells) {
    const inCell: Recurrence[] = [];
    const source = cell.source;
    const hits = tokenHits(source, values, covered);
    if (hits.length > 0) {
      if (cell.kind === 'markdown') markdownRecurrences(cell, hits, inCell);
      else codeRecurrences(cell, hits, inCell);
    }
    if (cell.title) for (const h of tokenHits(cell.title, values, covered)) inCell.push(at(cell.title, h, 'title', cell.index, undefined, false));
    for (const out of cell.outputs) {
      for (const text of out.texts) for (const h of tokenHits(text, values, covered)) inCell.push(at(text, h, 'output', cell.index, out.outputIndex, false));
      for (const k of out.keyed) for (const h of tokenHits(k.value, values, covered)) inCell.push(at(k.value, h, 'output', cell.index, out.outputIndex, false));
    }
    const common = inCell.some((r) => r.category === 'name') ? wordsInLowerCase(cell, inCell) : undefined;
    for (const r of inCell) if (!common?.has(r.slice.text.slice(r.start, r.end).toLowerCase())) found.push(r);
  }
  return found;
}

/**
 * Surnames of the name hits that the cell also writes in lower case as a word of their own (`linux` in a path
 * beside `Linux`): a word in common use there, not a person; the name found with it was likely none either.
 */
function wordsInLowerCase(cell: NotebookCell, hits: readonly Recurrence[]): Set<string> {
  const wanted = new Set<string>();
  for (const r of hits) if (r.category === 'name') wanted.add(r.slice.text.slice(r.start, r.end).toLowerCase());
  // One pass over the cell's lower-case words, whatever the number of surnames.
  const common = new Set<string>();
  const slices = [cell.source, ...(cell.title ? [cell.title] : []), ...cell.outputs.flatMap((o) => [...o.texts, ...o.keyed.map((k) => k.value)])];
  for (const slice of slices) lowerCaseWords(slice.text, wanted, common);
  return common;
}

/** Adds to `found` each word of `wanted` that `text` writes in lower case as a word of its own. */
function lowerCaseWords(text: string, wanted: ReadonlySet<string>, found: Set<string>): void {
  const n = text.length;
  for (let i = 0; i < n;) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let lower = true;
    for (; i < n && isTokenChar(text.charCodeAt(i)); i++) if (TOKEN_CHAR[text.charCodeAt(i)] !== LOWER) lower = false;
    if (lower && i - start >= 4) {
      const word = text.slice(start, i);
      if (wanted.has(word)) found.add(word);
    }
  }
}

interface TokenHit {
  readonly start: number;
  readonly end: number;
  readonly category: Category;
}

function at(slice: TextSlice, h: TokenHit, regionKind: RegionKind, cellIndex: number, outputIndex: number | undefined, inSource: boolean): Recurrence {
  return { slice, start: h.start, end: h.end, category: h.category, regionKind, cellIndex, outputIndex, inSource };
}

/** Hits in Markdown, but for those in a section about the team or its sites. */
function markdownRecurrences(cell: NotebookCell, hits: readonly TokenHit[], found: Recurrence[]): void {
  const text = cell.source.text;
  const staff = organisationSections(text);
  // Hits and sections both ascend: one walk.
  let k = 0;
  for (const h of hits) {
    while (k < staff.length && staff[k + 1] <= h.start) k += 2;
    if (k >= staff.length || h.start < staff[k]) found.push(at(cell.source, h, 'markdown', cell.index, undefined, true));
  }
}

const tokens = new TokenList();

/** Hits in a code cell's source: in comments they are a comment's; in strings and code, the code's. */
function codeRecurrences(cell: NotebookCell, hits: readonly TokenHit[], found: Recurrence[]): void {
  const writeTokens = tokenWriterFor(cell.language);
  if (!writeTokens) {
    for (const h of hits) found.push(at(cell.source, h, 'comment', cell.index, undefined, true));
    return;
  }
  writeTokens(cell.source.text, tokens.clear());
  const { code, comments } = tokens;
  let c = 0;
  let s = 0;
  for (const h of hits) {
    while (c < comments.count && comments.end[c] <= h.start) c++;
    if (c < comments.count && comments.start[c] <= h.start) {
      found.push(at(cell.source, h, 'comment', cell.index, undefined, true));
      continue;
    }
    while (s < code.count && code.end[s] <= h.start) s++;
    const inString = s < code.count && code.start[s] <= h.start && code.kind[s] === Kind.String;
    if (inString || h.category !== 'name') found.push(at(cell.source, h, 'code', cell.index, undefined, true));
  }
}

/**
 * The tokens of the slice's text that are values to look for and that `covered` leaves, in order. A token is a
 * run of ASCII letters and digits, hyphens joining runs (`EP-1120984`, `M00502877-01`); anything else ends it
 * (`_`, `.`, `/`, spaces), and a token glued to other letters or digits (`x00714460é`) is part of something longer.
 */
function tokenHits(slice: TextSlice, values: RecurringValues, covered: Covered): TokenHit[] {
  const hits: TokenHit[] = [];
  const text = slice.text;
  const n = text.length;
  const own = covered.inSlice(slice);
  let next = 0;
  const ids = values.hasIds;
  const surnames = values.hasSurnames;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isTokenChar(c)) {
      i++;
      continue;
    }
    const start = i;
    const opensUpper = TOKEN_CHAR[c] === UPPER;
    i = tokenEnd(text, start);
    const digits = tokenDigits;
    const hyphens = tokenHyphens;
    const mayBeId = digits >= MIN_ID_DIGITS && ids;
    const mayBeName = !mayBeId && opensUpper && digits === 0 && surnames && i - start >= 4;
    if (!mayBeId && !mayBeName) continue;
    if (own) {
      // A finding is already at this token (most tokens that are values are their own first occurrence).
      while (next < own.length && own[next + 1] <= start) next += 2;
      if (next < own.length && own[next] < i) continue;
    }
    let category: Category | undefined;
    if (mayBeId) {
      if (hyphens > 0 || values.mayBe(text, start, i)) category = values.idCategory(text, start, i);
    } else if (values.mayBe(text, start, i) && isNameToken(text, start, i)) {
      if (values.isSurname(text.slice(start, i))) category = 'name';
    }
    if (category && !isGlued(text, start, i) && (own || !covered.overlaps(slice, start, i))) hits.push({ start, end: i, category });
  }
  return hits;
}

const DIGIT = 1;
const UPPER = 2;
const LOWER = 3;
/** What each ASCII character is in a token: 0 none, or a digit, a capital or a small letter. */
const TOKEN_CHAR = (() => {
  const kinds = new Uint8Array(0x80);
  for (let c = 48; c <= 57; c++) kinds[c] = DIGIT;
  for (let c = 65; c <= 90; c++) kinds[c] = UPPER;
  for (let c = 97; c <= 122; c++) kinds[c] = LOWER;
  return kinds;
})();

function isGlued(text: string, start: number, end: number): boolean {
  return (end < text.length && text.charCodeAt(end) >= 0x80 && /\p{L}|\p{N}/u.test(text[end]))
    || (start > 0 && text.charCodeAt(start - 1) >= 0x80 && /\p{L}|\p{N}/u.test(text[start - 1]));
}

/** A capitalised or all-capital word standing alone: not part of an identifier, not after `Dr`. */
function isNameToken(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return false;
  if (text.charCodeAt(start - 1) === 0x5f || text.charCodeAt(end) === 0x5f) return false;
  return !/\bDr[as]?\.?\s$/i.test(text.slice(Math.max(0, start - 5), start));
}

/** The digits and the joining hyphens of the token tokenEnd last read. */
let tokenDigits = 0;
let tokenHyphens = 0;

/**
 * Where the token opening at `start` (a letter or digit) ends: ASCII letters and digits, single hyphens joining
 * runs. One reading for the values noted and the text searched, so both split alike.
 */
function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let digits = 0;
  let hyphens = 0;
  let i = start;
  for (;;) {
    if (TOKEN_CHAR[text.charCodeAt(i)] === DIGIT) digits++;
    i++;
    if (i >= n) break;
    if (isTokenChar(text.charCodeAt(i))) continue;
    if (text.charCodeAt(i) === 0x2d && i + 1 < n && isTokenChar(text.charCodeAt(i + 1))) {
      hyphens++;
      i++;
      continue;
    }
    break;
  }
  tokenDigits = digits;
  tokenHyphens = hyphens;
  return i;
}

function isTokenChar(c: number): boolean {
  return c < 0x80 && TOKEN_CHAR[c] !== 0;
}

function isLetterChar(c: number): boolean {
  return c < 0x80 && TOKEN_CHAR[c] >= UPPER;
}
