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

export interface Chain {
  readonly start: number;
  readonly end: number;
  readonly atoms: readonly Atom[];
  /** seps[i] joins atoms[i] and atoms[i + 1]. */
  readonly seps: readonly string[];
  /** Index of this chain in TextView.chains. */
  readonly index: number;
  /** Digit-group lengths (`3,2,4`) when every atom is digits, else ''. Computed once, read by every detector. */
  readonly shape: string;
}

const CHAIN_SEPARATORS = new Set(['-', '.', '/']);

/** Letters (ASCII and Latin accents), digits and `_`: the characters of a word or an id. */
export function isAtomCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
    || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetterCode(code: number): boolean {
  return isAtomCode(code) && !isDigitCode(code) && code !== 95;
}

/** The analysed text: built once per scanFreeText call and shared by all detectors. */
export class TextView {
  readonly atoms: readonly Atom[];
  readonly chains: readonly Chain[];
  private lowerText: string | undefined;
  private memos: Map<symbol, unknown> | undefined;

  constructor(readonly text: string, readonly meter?: WorkMeter) {
    this.atoms = findAtoms(text, meter);
    this.chains = findChains(text, this.atoms, meter);
  }

  /** Results that several detectors share (cue windows, id-like chains), made on first use. */
  memo<T>(key: symbol, make: () => T): T {
    this.memos ??= new Map();
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /** Lower-cased text, computed once. */
  get lower(): string {
    this.lowerText ??= this.text.toLowerCase();
    return this.lowerText;
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
    const next = this.chains[chain.index + 1];
    if (!next || next.start - chain.end !== gap.length) return undefined;
    return this.text.slice(chain.end, next.start) === gap ? next : undefined;
  }

  charBefore(pos: number): string {
    return pos > 0 ? this.text[pos - 1] : '';
  }

  charAt(pos: number): string {
    return pos < this.text.length ? this.text[pos] : '';
  }
}

function findAtoms(text: string, meter?: WorkMeter): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isAtomCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isAtomCode(c)) break;
      if (isDigitCode(c)) digits++;
      else letters++;
      i++;
    }
    atoms.push({ start, end: i, kind: letters === 0 ? 'digits' : digits === 0 ? 'letters' : 'mixed' });
  }
  if (meter) meter.steps += n;
  return atoms;
}

function findChains(text: string, atoms: readonly Atom[], meter?: WorkMeter): Chain[] {
  const chains: Chain[] = [];
  let i = 0;
  while (i < atoms.length) {
    const members: Atom[] = [atoms[i]];
    const seps: string[] = [];
    while (i + 1 < atoms.length) {
      const a = atoms[i];
      const b = atoms[i + 1];
      if (b.start - a.end !== 1 || !CHAIN_SEPARATORS.has(text[a.end])) break;
      seps.push(text[a.end]);
      members.push(b);
      i++;
    }
    chains.push({ start: members[0].start, end: members[members.length - 1].end, atoms: members, seps, index: chains.length, shape: shapeOf(members) });
    i++;
  }
  if (meter) meter.steps += atoms.length;
  return chains;
}

function shapeOf(atoms: readonly Atom[]): string {
  let shape = '';
  for (const a of atoms) {
    if (a.kind !== 'digits') return '';
    shape += shape ? `,${a.end - a.start}` : String(a.end - a.start);
  }
  return shape;
}

const NEED_BITS: Readonly<Record<CharNeed, number>> = { digit: 1, at: 2, colon: 4, upper: 8 };

/** The CharNeed classes present in text, as a bit set (one pass, stops once all are seen). */
export function charNeedsIn(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length && bits !== 15; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) bits |= 1;
    else if (c === 64) bits |= 2;
    else if (c === 58) bits |= 4;
    else if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde)) bits |= 8;
  }
  return bits;
}

/** Whether a detector with these needs can find anything in text with the given CharNeed bits. */
export function meetsNeeds(bits: number, needs: readonly CharNeed[] | undefined): boolean {
  if (!needs) return true;
  for (const n of needs) if (bits & NEED_BITS[n]) return true;
  return false;
}

/** Digits only of a span of text. */
export function digitsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) out += text[i];
  return out;
}

export function isCapitalisedWord(word: string): boolean {
  if (word.length < 2) return false;
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90) && !(first >= 0xc0 && first <= 0xde)) return false;
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

/** The view of `text`, reused while detectors run one after another over the same text. */
export function viewFor(text: string, meter?: WorkMeter): TextView {
  if (lastView && lastView.text === text && lastView.meter === meter) return lastView;
  lastView = new TextView(text, meter);
  return lastView;
}
