/**
 * The only way a matched value becomes text anyone sees: a redacted label. Number-like identifiers keep
 * their shape and the last four digits (`***-**-6789`), as card receipts do; everything else keeps only its
 * punctuation. The result never holds four consecutive characters of the value except that digit tail.
 */
import { digitCount } from './detectors/text';
import type { Category } from './model';

/** Categories whose last four digits may be shown (they help a reader find the value, and say nothing alone). */
const TAIL_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'ssn', 'phone', 'fax', 'account-number', 'mrn', 'health-plan-id', 'other-id', 'device-id', 'license-number',
  'vehicle-id',
]);

const MAX_LENGTH = 16;
const TAIL_DIGITS = 4;
const MIN_DIGITS_FOR_TAIL = 8;
const MASK = 0x2a; // `*`
/** Punctuation worth keeping for shape (all ASCII); anything else becomes `*`. */
const KEPT_PUNCTUATION = asciiSet(' -.()/+#:,_');

export function redact(category: Category, value: string): string {
  const trimmed = value.trim();
  if (category === 'email') return '****@*****.***';
  // Digits are counted only where a digit tail could be kept, and letters (a Unicode test per character) only
  // where there are enough digits.
  const digits = TAIL_CATEGORIES.has(category) ? digitCount(trimmed) : 0;
  const keepTail = digits >= MIN_DIGITS_FOR_TAIL && digits * 5 >= countAlnum(trimmed) * 4;
  const label = keepTail ? maskAllButDigitTail(trimmed, digits) : maskAll(trimmed, MAX_LENGTH);
  const shaped = label.text();
  // A window of four label characters holds value text only if none is masked, or if the value holds `*`.
  if (label.longestUnmasked < 4 && !trimmed.includes('*')) return shaped;
  return leaks(shaped, trimmed, keepTail) ? '***' : shaped;
}

/**
 * Masks every character (a code point: a surrogate pair is one `*`) but kept punctuation, at most two in a
 * row; stops at `limit` characters, the label's cap, so a long value costs no more than a short one.
 */
function maskAll(value: string, limit: number): LabelBuilder {
  const label = LABEL.reset();
  let punctRun = 0;
  for (let i = 0; i < value.length && label.length < limit; i = nextCodePoint(value, i)) {
    const c = value.charCodeAt(i);
    const keep = isKeptPunctuation(c) && punctRun < 2;
    punctRun = keep ? punctRun + 1 : 0;
    if (keep) label.keep(c);
    else label.mask();
  }
  return label;
}

function maskAllButDigitTail(value: string, digits: number): LabelBuilder {
  const label = LABEL.reset();
  let seen = 0;
  let punctRun = 0;
  for (let i = 0; i < value.length; i = nextCodePoint(value, i)) {
    const c = value.charCodeAt(i);
    if (isDigit(c)) {
      seen++;
      if (seen > digits - TAIL_DIGITS) label.keep(c);
      else label.mask();
      punctRun = 0;
    } else {
      const keep = isKeptPunctuation(c) && punctRun < 2;
      punctRun = keep ? punctRun + 1 : 0;
      if (keep) label.keep(c);
      else label.mask();
    }
  }
  return label;
}

/**
 * A label built as runs of `*` between kept characters (all ASCII), so a label costs a few string joins rather
 * than an array of char codes per value. It notes its longest run of kept characters for the leak guard.
 */
class LabelBuilder {
  length = 0;
  longestUnmasked = 0;
  private done = '';
  private masks = 0;
  private unmasked = 0;

  /** Starts a new label (redact reuses one builder: a label per candidate, over a million per large workload). */
  reset(): this {
    this.length = 0;
    this.longestUnmasked = 0;
    this.done = '';
    this.masks = 0;
    this.unmasked = 0;
    return this;
  }

  mask(): void {
    this.masks++;
    this.length++;
    this.unmasked = 0;
  }

  keep(c: number): void {
    this.done += maskRun(this.masks) + ASCII_CHARS[c];
    this.masks = 0;
    this.length++;
    this.unmasked++;
    if (this.unmasked > this.longestUnmasked) this.longestUnmasked = this.unmasked;
  }

  /** The label; past MAX_LABEL characters (a long digit tail), a `*` and the last MAX_LABEL - 1. */
  text(): string {
    const text = this.masks === 0 ? this.done : this.done + maskRun(this.masks);
    return text.length > MAX_LABEL ? `*${text.slice(1 - MAX_LABEL)}` : text;
  }
}

const MAX_LABEL = 24;
const LABEL = new LabelBuilder();

/** One-character strings of ASCII codes. */
const ASCII_CHARS: readonly string[] = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));
const MASK_RUNS: string[] = [];

/** `length` masks; runs are short (a label is at most 24 characters but for a long digit tail). */
function maskRun(length: number): string {
  return (MASK_RUNS[length] ??= '*'.repeat(length));
}

/**
 * A last guard: four consecutive value characters in the label is a leak, except where they overlap the
 * allowed digit tail (the tail and the separators between its digits).
 */
function leaks(label: string, value: string, keepTail: boolean): boolean {
  const tailStart = keepTail ? firstTailIndex(label) : label.length;
  // A window holding `*` can only occur in a value that holds one; labels put `*` in nearly every window, so
  // only windows inside a run of four or more other characters are looked for.
  const valueHasMask = value.includes('*');
  let unmasked = 0;
  for (let i = 0; i < tailStart; i++) {
    unmasked = label.charCodeAt(i) === MASK ? 0 : unmasked + 1;
    if (i < 3 || (!valueHasMask && unmasked < 4)) continue;
    if (value.includes(label.slice(i - 3, i + 1))) return true;
  }
  return false;
}

/** Index in the label where the shown digit tail begins, with the separators just before it. */
function firstTailIndex(label: string): number {
  let seen = 0;
  let i = label.length - 1;
  for (; i >= 0 && seen < TAIL_DIGITS; i--) if (isDigit(label.charCodeAt(i))) seen++;
  return i + 1;
}

/** Index after the code point at i: a surrogate pair counts as one character, as `for…of` reads it. */
function nextCodePoint(value: string, i: number): number {
  const c = value.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isKeptPunctuation(c: number): boolean {
  return c < 0x80 && KEPT_PUNCTUATION[c] === 1;
}

function asciiSet(chars: string): Uint8Array {
  const set = new Uint8Array(0x80);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}


function countAlnum(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i = nextCodePoint(value, i)) if (isAlnumAt(value, i)) n++;
  return n;
}

/** A Unicode letter or number; ASCII is answered without the Unicode test, which is most of every value. */
function isAlnumAt(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(value.codePointAt(i) ?? c));
}
