/**
 * The only way a matched value becomes text anyone sees: a redacted label. Number-like identifiers keep
 * their shape and the last four digits (`***-**-6789`), as card receipts do; everything else keeps only its
 * punctuation. The result never holds four consecutive characters of the value except that digit tail.
 */
import type { Category } from './model';

/** Categories whose last four digits may be shown (they help a reader find the value, and say nothing alone). */
const TAIL_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'ssn', 'phone', 'fax', 'account-number', 'mrn', 'health-plan-id', 'other-id', 'device-id', 'license-number',
  'vehicle-id',
]);

const MAX_LENGTH = 16;
const TAIL_DIGITS = 4;
const MIN_DIGITS_FOR_TAIL = 8;
/** Punctuation worth keeping for shape; anything else becomes `*`. */
const KEPT_PUNCTUATION = new Set([' ', '-', '.', '(', ')', '/', '+', '#', ':', ',', '_']);

export function redact(category: Category, value: string): string {
  const trimmed = value.trim();
  if (category === 'email') return '****@*****.***';
  const digits = countDigits(trimmed);
  // Letters are counted (a Unicode test per character) only where a digit tail could be kept.
  const keepTail = TAIL_CATEGORIES.has(category) && digits >= MIN_DIGITS_FOR_TAIL && digits * 5 >= countAlnum(trimmed) * 4;
  const shaped = keepTail ? maskAllButDigitTail(trimmed, digits) : capLength(maskAll(trimmed));
  return leaks(shaped, trimmed, keepTail) ? '***' : shaped;
}

function maskAll(value: string): string {
  let out = '';
  let punctRun = 0;
  for (const ch of value) {
    const keep = KEPT_PUNCTUATION.has(ch) && punctRun < 2;
    punctRun = keep ? punctRun + 1 : 0;
    out += keep ? ch : '*';
  }
  return out;
}

function maskAllButDigitTail(value: string, digits: number): string {
  let out = '';
  let seen = 0;
  let punctRun = 0;
  for (const ch of value) {
    if (isDigit(ch)) {
      seen++;
      out += seen > digits - TAIL_DIGITS ? ch : '*';
      punctRun = 0;
    } else {
      const keep = KEPT_PUNCTUATION.has(ch) && punctRun < 2;
      punctRun = keep ? punctRun + 1 : 0;
      out += keep ? ch : '*';
    }
  }
  return out.length > 24 ? `*${out.slice(-23)}` : out;
}

function capLength(masked: string): string {
  return masked.length > MAX_LENGTH ? masked.slice(0, MAX_LENGTH) : masked;
}

/**
 * A last guard: four consecutive value characters in the label is a leak, except where they overlap the
 * allowed digit tail (the tail and the separators between its digits).
 */
function leaks(label: string, value: string, keepTail: boolean): boolean {
  const tailStart = keepTail ? firstTailIndex(label) : label.length;
  for (let i = 0; i + 4 <= tailStart; i++) {
    if (value.includes(label.slice(i, i + 4))) return true;
  }
  return false;
}

/** Index in the label where the shown digit tail begins, with the separators just before it. */
function firstTailIndex(label: string): number {
  let seen = 0;
  let i = label.length - 1;
  for (; i >= 0 && seen < TAIL_DIGITS; i--) if (isDigit(label[i])) seen++;
  return i + 1;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function countDigits(value: string): number {
  let n = 0;
  for (const ch of value) if (isDigit(ch)) n++;
  return n;
}

function countAlnum(value: string): number {
  let n = 0;
  for (const ch of value) if (isAlnum(ch)) n++;
  return n;
}

/** A Unicode letter or number; ASCII is answered without the Unicode test, which is most of every value. */
function isAlnum(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}
