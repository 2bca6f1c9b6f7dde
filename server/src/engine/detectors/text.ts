/**
 * One linear pass over free text that every detector shares: atoms (runs of letters, digits and `_`) and
 * chains (atoms joined by single `-`, `.` or `/`). Detectors read the exact shape of a whole chain, so
 * `123-45-6789` inside `A-123-45-6789-01` is never seen as an SSN, and no regex has to guess boundaries.
 */
import type { CharNeed, WorkMeter } from './types';

export type AtomKind = 'digits' | 'letters' | 'mixed';

export interface Atom {
  readonly start: number;
  readonly end: number;
  readonly kind: AtomKind;
}

/**
 * Atoms joined by single `-`, `.` or `/`. The view keeps chains in arrays and makes this object only when a
 * detector asks for it (view.chain(i)): most chains (every number of an output table) are rejected on their
 * shape, length or first atom, which the view answers by index. Its atoms and separators are made on demand too.
 */
export class Chain {
  private atomList: readonly Atom[] | undefined;

  constructor(
    private readonly view: TextView,
    /** Index of this chain in the view (view.chain(index)). */
    readonly index: number,
    /** Index of its first atom in the view. */
    readonly firstAtom: number,
    readonly atomCount: number,
    readonly start: number,
    readonly end: number,
    /** Digit-group lengths (`3,2,4`) when every atom is digits, else ''. Computed once, read by every detector. */
    readonly shape: string,
  ) {}

  get atoms(): readonly Atom[] {
    this.atomList ??= Array.from({ length: this.atomCount }, (_, k) => this.view.atom(this.firstAtom + k));
    return this.atomList;
  }

  /** Kind of the first atom. */
  get firstKind(): AtomKind {
    return this.view.atomKind(this.firstAtom);
  }

  /** End of the first atom. */
  get firstEnd(): number {
    return this.view.atomEnd(this.firstAtom);
  }

  /** Whether every separator is `sep` (a single atom has none). */
  joinedOnlyBy(sep: string): boolean {
    return this.view.chainJoinedOnlyBy(this.index, sep);
  }
}

/** CharNeed classes as bits (see charNeeds). */
const NEED_BITS_OF: Readonly<Record<CharNeed, number>> = { digit: 1, at: 2, colon: 4, upper: 8 };

/** Characters of an atom by code, as a table read once per character of every text. */
const ATOM_CODES = new Uint8Array(0x250).map((_, code) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
    || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7) ? 1 : 0);

/** What an atom character is, as bits: an atom of digits alone, of letters and `_` alone, or of both. */
const NOT_ATOM = 0;
const DIGIT_CHAR = 1;
const WORD_CHAR = 2;
const ATOM_CLASS = 3;
/** Other bits of CHAR_FLAGS: the CharNeed classes (NEED_BITS_OF shifted by NEED_SHIFT) and any code from U+0080 up. */
const NEED_SHIFT = 2;
const NON_ASCII_CHAR = 0x40;

/**
 * Every character's atom class, CharNeed class and whether it is ASCII, read once per character of every text
 * by the atom pass (so no other pass reads the text for these). Codes from U+0250 up are NON_ASCII_CHAR alone.
 */
const CHAR_FLAGS = new Uint8Array(0x250).map((_, code) => {
  let flags = !isAtomCode(code) ? NOT_ATOM : isDigitCode(code) ? DIGIT_CHAR : WORD_CHAR;
  if (isDigitCode(code)) flags |= NEED_BITS_OF.digit << NEED_SHIFT;
  if (code === 0x40) flags |= NEED_BITS_OF.at << NEED_SHIFT;
  if (code === 0x3a) flags |= NEED_BITS_OF.colon << NEED_SHIFT;
  if ((code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde)) flags |= NEED_BITS_OF.upper << NEED_SHIFT;
  return code >= 0x80 ? flags | NON_ASCII_CHAR : flags;
});

function charFlags(code: number): number {
  return code < 0x250 ? CHAR_FLAGS[code] : NON_ASCII_CHAR;
}

function atomCharClass(code: number): number {
  return charFlags(code) & ATOM_CLASS;
}

/** Letters (ASCII and Latin accents), digits and `_`: the characters of a word or an id. */
export function isAtomCode(code: number): boolean {
  return code < 0x250 && ATOM_CODES[code] === 1;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether [start, end) is a non-empty run of ASCII digits. */
export function allDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

function isLetterCode(code: number): boolean {
  return isAtomCode(code) && !isDigitCode(code) && code !== 95;
}

/**
 * Atoms and chains of a view as typed columns, grown by doubling. viewFor lends one set to each view in turn,
 * so the texts of a scan (hundreds of thousands, most of them short) allocate no arrays for their atoms.
 */
class ViewColumns {
  /** Atom starts, and atom ends as end * 4 + kind code. */
  atomStarts: Int32Array;
  atomEnds: Int32Array;
  /** Each chain by its last atom (a chain starts after the one before it ends). */
  chainLast: Int32Array;
  /** Shape of each chain (see chainShape), found in the same pass: most detectors reject a chain on it. */
  readonly shapes: string[] = [];

  constructor(capacity: number) {
    this.atomStarts = new Int32Array(capacity);
    this.atomEnds = new Int32Array(capacity);
    this.chainLast = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.atomStarts.length;
  }

  grow(): void {
    this.atomStarts = grown(this.atomStarts);
    this.atomEnds = grown(this.atomEnds);
    this.chainLast = grown(this.chainLast);
  }

  /** Columns of their own holding the first atoms and chains of these. */
  copy(atoms: number, chains: number): ViewColumns {
    const out = new ViewColumns(0);
    out.atomStarts = this.atomStarts.slice(0, atoms);
    out.atomEnds = this.atomEnds.slice(0, atoms);
    out.chainLast = this.chainLast.slice(0, chains);
    for (let i = 0; i < chains; i++) out.shapes.push(this.shapes[i]);
    return out;
  }
}

function grown(column: Int32Array): Int32Array {
  const out = new Int32Array(Math.max(64, column.length * 2));
  out.set(column);
  return out;
}

/**
 * The analysed text: built once per scanFreeText call and shared by all detectors. Atoms (runs of letters,
 * digits and `_`) are kept in typed columns, not objects: an output table has millions of them.
 */
export class TextView {
  private columns: ViewColumns;
  /** The columns' arrays, read on every access (a view that gives its lent columns back keeps copies). */
  private atomStarts: Int32Array;
  private atomEnds: Int32Array;
  private chainLast: Int32Array;
  private shapes: string[];
  private atoms = 0;
  private chains = 0;
  /** The CharNeed classes present in the text, as a bit set (see needBits). */
  charNeeds = 0;
  /** Whether every character is ASCII (then lower-casing moves no offset, and words are atoms cut at `_`). */
  isAscii = true;
  /** Chain objects made so far, by index (most views make none). */
  private made: Map<number, Chain> | undefined;
  private lowerText: string | undefined;
  /** What shared() made, a few entries looked through in turn (asked on every cue lookup, so no map). */
  private shares: { readonly key: symbol; version: number; value: unknown }[] | undefined;

  /** `columns`: lent by viewFor; a view made directly has columns of its own. */
  constructor(readonly text: string, readonly meter?: WorkMeter, columns?: ViewColumns) {
    this.columns = columns ?? new ViewColumns(64);
    this.findAtomsAndChains();
    this.atomStarts = this.columns.atomStarts;
    this.atomEnds = this.columns.atomEnds;
    this.chainLast = this.columns.chainLast;
    this.shapes = this.columns.shapes;
  }

  /** Keeps copies of the lent columns, which the next view will overwrite. */
  detach(): void {
    this.columns = this.columns.copy(this.atoms, this.chains);
    this.atomStarts = this.columns.atomStarts;
    this.atomEnds = this.columns.atomEnds;
    this.chainLast = this.columns.chainLast;
    this.shapes = this.columns.shapes;
  }

  get atomCount(): number {
    return this.atoms;
  }

  atomStart(i: number): number {
    return this.atomStarts[i];
  }

  atomEnd(i: number): number {
    return this.atomEnds[i] >>> 2;
  }

  atomKind(i: number): AtomKind {
    return ATOM_KINDS[this.atomEnds[i] & 3];
  }

  atom(i: number): Atom {
    return { start: this.atomStart(i), end: this.atomEnd(i), kind: this.atomKind(i) };
  }

  get chainCount(): number {
    return this.chains;
  }

  /** The chain at index i (0 <= i < chainCount), made on first use. */
  chain(i: number): Chain {
    this.made ??= new Map();
    let chain = this.made.get(i);
    if (!chain) {
      const first = this.firstAtomOf(i);
      chain = new Chain(this, i, first, this.chainAtomCount(i), this.chainStart(i), this.chainEnd(i), this.chainShape(i));
      this.made.set(i, chain);
    }
    return chain;
  }

  chainStart(i: number): number {
    return this.atomStart(this.firstAtomOf(i));
  }

  chainEnd(i: number): number {
    return this.atomEnd(this.lastAtomOf(i));
  }

  /** Digit-group lengths (`3,2,4`) when every atom of chain i is digits, else ''. */
  chainShape(i: number): string {
    return this.shapes[i];
  }

  chainAtomCount(i: number): number {
    return this.lastAtomOf(i) - this.firstAtomOf(i) + 1;
  }

  chainFirstKind(i: number): AtomKind {
    return this.atomKind(this.firstAtomOf(i));
  }

  /** End of the first atom of chain i. */
  chainFirstEnd(i: number): number {
    return this.atomEnd(this.firstAtomOf(i));
  }

  /** Whether every separator of chain i is `sep` (a single atom has none). */
  chainJoinedOnlyBy(i: number, sep: string): boolean {
    const code = sep.charCodeAt(0);
    for (let k = this.firstAtomOf(i); k < this.lastAtomOf(i); k++) if (this.text.charCodeAt(this.atomEnd(k)) !== code) return false;
    return true;
  }

  private firstAtomOf(i: number): number {
    return i === 0 ? 0 : this.chainLast[i - 1] + 1;
  }

  private lastAtomOf(i: number): number {
    return this.chainLast[i];
  }

  /**
   * Results that several detectors share (cue words, id-like chains): made on first use, and again when
   * `version` changes (they depend on the cue lists indexed so far).
   */
  shared<T>(key: symbol, version: number, make: (view: TextView) => T): T {
    this.shares ??= [];
    let entry;
    for (const e of this.shares) if (e.key === key) entry = e;
    if (entry && entry.version === version) return entry.value as T;
    const value = make(this);
    if (!entry) this.shares.push((entry = { key, version, value }));
    entry.version = version;
    entry.value = value;
    return value;
  }

  /** Lower-cased text, computed once. */
  get lower(): string {
    this.lowerText ??= this.text.toLowerCase();
    return this.lowerText;
  }

  /** Whether offsets into `lower` are offsets into the text (false when a character such as U+0130 lower-cases to two). */
  get lowerAligned(): boolean {
    return this.isAscii || this.lower.length === this.text.length;
  }

  /** lower.charCodeAt(i), read from the text itself when it is ASCII: most texts are never lower-cased whole. */
  lowerCodeAt(i: number): number {
    if (!this.isAscii) return this.lower.charCodeAt(i);
    const c = this.text.charCodeAt(i);
    return c >= 65 && c <= 90 ? c + 32 : c;
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** Counts characters examined, so tests can show that work grows linearly with input. */
  work(steps: number): void {
    if (this.meter) this.meter.steps += steps;
  }

  /** Start of the window [pos - max, pos) clipped to the current line. */
  lineStartWithin(pos: number, max: number): number {
    const floor = Math.max(0, pos - max);
    this.work(pos - floor);
    for (let i = pos - 1; i >= floor; i--) if (this.text.charCodeAt(i) === 10) return i + 1;
    return floor;
  }

  /** End of the window [pos, pos + max) clipped to the current line. */
  lineEndWithin(pos: number, max: number): number {
    const ceil = Math.min(this.text.length, pos + max);
    this.work(ceil - pos);
    for (let i = pos; i < ceil; i++) if (this.text.charCodeAt(i) === 10) return i;
    return ceil;
  }

  /** The chain that follows `chain` after exactly the given gap text, if any. */
  nextChainAfter(chain: Chain, gap: string): Chain | undefined {
    return this.followedAfter(chain.index, gap) ? this.chain(chain.index + 1) : undefined;
  }

  /** Whether chain i + 1 follows chain i after exactly the given gap text. */
  followedAfter(i: number, gap: string): boolean {
    const end = this.chainEnd(i);
    return i + 1 < this.chainCount && this.chainStart(i + 1) - end === gap.length && this.text.startsWith(gap, end);
  }

  charBefore(pos: number): string {
    return pos > 0 ? this.text[pos - 1] : '';
  }

  charAt(pos: number): string {
    return pos < this.text.length ? this.text[pos] : '';
  }

  /**
   * Atoms, the chains they form and each chain's shape, in one pass: the atom after a separator joins the chain
   * when it starts right there (`-`, `.` or `/` between two atom characters).
   */
  private findAtomsAndChains(): void {
    const text = this.text;
    const n = text.length;
    const columns = this.columns;
    let atom = 0;
    let chain = 0;
    let chainFirst = 0;
    let allDigits = true;
    /** Every character's flags or'ed together. */
    let seen = 0;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      let flags = charFlags(code);
      seen |= flags;
      if ((flags & ATOM_CLASS) === NOT_ATOM) {
        // A tag's characters (`<`, `/`, `>`, a-z) add nothing to `seen`, so it can be passed over unread; nor
        // do spaces, which pad the blanked cells and columns of output tables.
        if (code === 0x20) i = afterSpaces(text, i);
        else i = code === 0x3c ? tableTagEnd(text, i) : i + 1;
        continue;
      }
      const start = i;
      let kinds = 0;
      do {
        kinds |= flags & ATOM_CLASS;
        i++;
        flags = i < n ? charFlags(text.charCodeAt(i)) : NOT_ATOM;
        seen |= flags;
      } while ((flags & ATOM_CLASS) !== NOT_ATOM);
      if (atom === columns.capacity) columns.grow();
      columns.atomStarts[atom] = start;
      columns.atomEnds[atom] = i * 4 + (kinds === DIGIT_CHAR ? DIGITS : kinds === WORD_CHAR ? LETTERS : MIXED);
      allDigits &&= kinds === DIGIT_CHAR;
      const joinsNext = i + 1 < n && isChainSeparator(text.charCodeAt(i)) && atomCharClass(text.charCodeAt(i + 1)) !== NOT_ATOM;
      if (joinsNext) {
        i++;
      } else {
        columns.chainLast[chain] = atom;
        columns.shapes[chain] = allDigits ? digitShape(columns, chainFirst, atom) : '';
        chain++;
        chainFirst = atom + 1;
        allDigits = true;
      }
      atom++;
    }
    this.atoms = atom;
    this.chains = chain;
    this.charNeeds = (seen >> NEED_SHIFT) & 0xf;
    this.isAscii = (seen & NON_ASCII_CHAR) === 0;
    this.work(n + atom);
  }
}

/**
 * Bare tags of an HTML table (`<td>`, `</tr>`): output texts of mime text/html are scanned as free text, markup
 * and all, with a few such tags per cell. Their names are never an identifier, a cue word or part of one, and
 * no chain crosses a `<`, so the atom pass makes no atoms for them (a table has more of them than values).
 */
const TABLE_TAGS = ['td', 'tr', 'th', 'div', 'table', 'thead', 'tbody', 'tfoot'];
const LONGEST_TABLE_TAG = 5;

/** The offset after a bare table tag starting with the `<` at i, else i + 1. */
function tableTagEnd(text: string, i: number): number {
  let from = i + 1;
  if (text.charCodeAt(from) === 0x2f) from++;
  // `td`, `tr` and `th` are nearly every tag of a table: answered without the list.
  const second = text.charCodeAt(from + 1);
  if (text.charCodeAt(from) === 0x74 && (second === 0x64 || second === 0x72 || second === 0x68) && text.charCodeAt(from + 2) === 0x3e) return from + 3;
  let end = from;
  while (end - from <= LONGEST_TABLE_TAG && isLowerCaseCode(text.charCodeAt(end))) end++;
  if (end === from || text.charCodeAt(end) !== 0x3e) return i + 1;
  for (const tag of TABLE_TAGS) if (tag.length === end - from && text.startsWith(tag, from)) return end + 1;
  return i + 1;
}

/**
 * The offset of the first character after the space at i that is not a space. The step runs on every call, so
 * a run of spaces first met after optimisation does not deoptimise the atom pass for want of feedback; and the
 * loop stops at the end of the text, which may end in spaces.
 */
function afterSpaces(text: string, i: number): number {
  do i++;
  while (i < text.length && text.charCodeAt(i) === 0x20);
  return i;
}

export function isLowerCaseCode(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * Whether `text` holds no lower-case word of three letters or more but those of `allowed`: only names,
 * credentials, punctuation and linking words, as between a role and the person it names.
 */
export function holdsOnlyWordsOf(text: string, allowed: ReadonlySet<string>): boolean {
  // Letters beyond ASCII belong to their word (`Wójcik`), not split it into a lower-case fragment.
  for (const w of text.split(/[^A-Za-z\u00c0-\u024f]+/)) if (w.length >= 3 && isLowerCaseCode(w.charCodeAt(0)) && !allowed.has(w)) return false;
  return true;
}

/** `3,2,4` for digit atoms first..last of the columns. */
function digitShape(columns: ViewColumns, first: number, last: number): string {
  if (first === last) return lengthText(atomLength(columns, first));
  let key = 0;
  for (let k = first; k <= last && key >= 0; k++) {
    const length = atomLength(columns, k);
    key = length < 32 && last - first < MAX_KEYED_GROUPS ? key * 32 + length : -1;
  }
  let shape = key >= 0 ? groupShapes.get(key) : undefined;
  if (shape === undefined) {
    shape = lengthText(atomLength(columns, first));
    for (let k = first + 1; k <= last; k++) shape += `,${atomLength(columns, k)}`;
    if (key >= 0 && groupShapes.size < MAX_GROUP_SHAPES) groupShapes.set(key, shape);
  }
  return shape;
}

function atomLength(columns: ViewColumns, k: number): number {
  return (columns.atomEnds[k] >>> 2) - columns.atomStarts[k];
}

/**
 * Shapes of several digit groups by their lengths packed base 32 (no length is 0, so each key is one list): a
 * table repeats a few shapes (`4,2,2`, `4,4,2`) on every row. Bounded, so odd input cannot grow it without end.
 */
const groupShapes = new Map<number, string>();
const MAX_KEYED_GROUPS = 6;
const MAX_GROUP_SHAPES = 4096;

const DIGITS = 0;
const LETTERS = 1;
const MIXED = 2;
const ATOM_KINDS: readonly AtomKind[] = ['digits', 'letters', 'mixed'];

/** `-`, `.` or `/`. */
function isChainSeparator(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x2f;
}

/** Lengths as text, made once for the lengths ids have. */
const LENGTH_TEXTS = Array.from({ length: 64 }, (_, n) => String(n));

function lengthText(length: number): string {
  return LENGTH_TEXTS[length] ?? String(length);
}


/** The CharNeed bits of a detector's needs, any one of which it needs; 0 when it declares none (it always runs). */
export function needBits(needs: readonly CharNeed[] | undefined): number {
  let bits = 0;
  for (const n of needs ?? []) bits |= NEED_BITS_OF[n];
  return bits;
}

/** Whether a detector with these CharNeed bits (needBits) can find anything in text with the given bits (charNeeds). */
export function meetsNeeds(present: number, needs: number): boolean {
  return needs === 0 || (present & needs) !== 0;
}

/** The value of [start, end) of text, which must be ASCII digits, read in place. */
export function digitsValue(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** Digits only of a span of text. */
/** How many ASCII digits `text` holds. */
export function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) n++;
  return n;
}

export function digitsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) out += text[i];
  return out;
}

/** A capital that can start a name or a word: A-Z, À-Þ. */
export function isCapitalCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde);
}

export function isCapitalisedWord(word: string): boolean {
  if (word.length < 2) return false;
  if (!isCapitalCode(word.charCodeAt(0))) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!isLetterCode(c)) return false;
    if (c >= 65 && c <= 90) return false;
  }
  return true;
}

/** Luhn checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

let lastView: TextView | undefined;
/** The columns viewFor lends, and whether their last borrower is done with them (see releaseView). */
const lentColumns = new ViewColumns(1024);
let columnsOwner: TextView | undefined;
let ownerDone = false;
/** Longer texts get columns of their own, so one huge text does not keep its columns alive for the whole scan. */
const MAX_LENT_TEXT = 1 << 17;

/** The view of `text`, reused while detectors run one after another over the same text. */
export function viewFor(text: string, meter?: WorkMeter): TextView {
  if (lastView && lastView.text === text && lastView.meter === meter) {
    if (lastView === columnsOwner) ownerDone = false;
    return lastView;
  }
  if (text.length > MAX_LENT_TEXT) {
    lastView = new TextView(text, meter);
    return lastView;
  }
  // Whoever still holds the previous borrower keeps a copy of its columns.
  if (columnsOwner && !ownerDone) columnsOwner.detach();
  lastView = columnsOwner = new TextView(text, meter, lentColumns);
  ownerDone = false;
  return lastView;
}

/**
 * Says that nobody reads the view of `text` any more (scanFreeText, once its detectors are done): the next view
 * may take over its columns without copying them.
 */
export function releaseView(text: string): void {
  if (columnsOwner && columnsOwner.text === text) ownerDone = true;
}
