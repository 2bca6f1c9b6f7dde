/**
 * Character classes and small scanners the per-language lexers share. Each returns an offset and never
 * looks back more than a character, so every lexer stays one pass over its text.
 */
import { FLAG_NAMES, Flag, KIND_NAMES, Kind, type LexedTokens, type Lexer, type Token, type TokenColumns, type TokenKind, type TokenWriter, type KindCode, type FlagCode } from './types';

export const Ch = {
  Tab: 0x09, LF: 0x0a, CR: 0x0d, Space: 0x20, Bang: 0x21, DoubleQuote: 0x22, Hash: 0x23, Dollar: 0x24,
  Percent: 0x25, SingleQuote: 0x27, LParen: 0x28, RParen: 0x29, Star: 0x2a, Plus: 0x2b, Minus: 0x2d,
  Dot: 0x2e, Slash: 0x2f, Colon: 0x3a, Question: 0x3f, LBracket: 0x5b, Backslash: 0x5c, RBracket: 0x5d,
  Underscore: 0x5f, Backtick: 0x60, LBrace: 0x7b, RBrace: 0x7d,
} as const;

/**
 * The code of text[i], or -1 outside the text. For reads that may fall one past either end, where charCodeAt's
 * NaN would do: an out-of-bounds charCodeAt deoptimises the function it is inlined in, and the code optimised
 * again calls charCodeAt at that site instead of inlining it.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function isWhitespace(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR || c === 0x0b || c === 0x0c
    || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** ASCII letters, `_`, and any non-ASCII character that is not a space (names in any script). */
export function isIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === Ch.Underscore || (c >= 0x80 && !isWhitespace(c));
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Offset of the next line break at or after `from` (or the text length). */
export function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.LF || c === Ch.CR) return i;
    i++;
  }
  return i;
}

/** End of the identifier starting at `from`; `extra` admits more characters (R's `.`). */
export function identEnd(text: string, from: number, extra?: (c: number) => boolean): number {
  let i = from + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isIdentPart(c) || (extra !== undefined && extra(c))) i++;
    else return i;
  }
}

/**
 * End of a numeric literal at `from` (a digit, or `.` before a digit): hex/octal/binary, digits with `_`,
 * a fraction, an exponent, and any suffix letters (`1L`, `2j`, `1.5BD`, `3f`).
 */
export function numberEnd(text: string, from: number): number {
  let i = from;
  const next = text.charCodeAt(i + 1) | 0x20;
  if (text.charCodeAt(i) === 0x30 && (next === 0x78 || next === 0x6f || next === 0x62)) {
    i += 2;
    while (isHexDigit(text.charCodeAt(i)) || text.charCodeAt(i) === Ch.Underscore) i++;
  } else {
    while (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === Ch.Underscore) i++;
    if (text.charCodeAt(i) === Ch.Dot && isDigit(text.charCodeAt(i + 1))) {
      i++;
      while (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === Ch.Underscore) i++;
    }
    const e = text.charCodeAt(i) | 0x20;
    const sign = text.charCodeAt(i + 1);
    if (e === 0x65 && (isDigit(sign) || ((sign === Ch.Plus || sign === Ch.Minus) && isDigit(text.charCodeAt(i + 2))))) {
      i += 2;
      while (isDigit(text.charCodeAt(i))) i++;
    }
  }
  while (isIdentPart(text.charCodeAt(i))) i++;
  return i;
}

/** Whether a number starts at `i`: a digit, or a `.` followed by a digit. */
export function startsNumber(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isDigit(c) || (c === Ch.Dot && isDigit(text.charCodeAt(i + 1)));
}

/** Longest-match lookup over a fixed operator list: constant work per position. */
export class OperatorTable {
  /** The operators starting with each character, longest first; compared in place, without slicing. */
  private readonly byFirstChar = new Map<number, readonly string[]>();

  constructor(operators: readonly string[]) {
    for (const o of [...operators].sort((a, b) => b.length - a.length)) {
      const c = o.charCodeAt(0);
      this.byFirstChar.set(c, [...(this.byFirstChar.get(c) ?? []), o]);
    }
  }

  /** Length of the longest operator at `at`, or 0. */
  match(text: string, at: number): number {
    const candidates = this.byFirstChar.get(text.charCodeAt(at));
    if (candidates === undefined) return 0;
    for (const o of candidates) if (text.startsWith(o, at)) return o.length;
    return 0;
  }
}

/**
 * A fixed keyword list looked up in place: a name is compared with the few keywords of its length and first
 * letter, so no string is cut out of the text for each of the (many) names that are not keywords.
 * `ignoreCase` compares ASCII letters in either case (SQL); its keywords must be letters only.
 */
export class KeywordSet {
  private readonly byShape = new Map<number, readonly string[]>();

  constructor(keywords: Iterable<string>, private readonly ignoreCase = false) {
    for (const k of keywords) {
      const word = ignoreCase ? k.toLowerCase() : k;
      const shape = this.shapeOf(word.length, word.charCodeAt(0));
      this.byShape.set(shape, [...(this.byShape.get(shape) ?? []), word]);
    }
  }

  /** Whether text [start, end) is one of the keywords. */
  has(text: string, start: number, end: number): boolean {
    const candidates = this.byShape.get(this.shapeOf(end - start, text.charCodeAt(start)));
    if (candidates === undefined) return false;
    for (const word of candidates) if (this.matches(text, start, word)) return true;
    return false;
  }

  private shapeOf(length: number, first: number): number {
    return length * 0x10000 + (this.ignoreCase ? first | 0x20 : first);
  }

  private matches(text: string, start: number, word: string): boolean {
    for (let k = 1; k < word.length; k++) {
      const c = text.charCodeAt(start + k);
      // `| 0x20` lowercases an ASCII letter and never turns another character into a lowercase letter.
      if ((this.ignoreCase ? c | 0x20 : c) !== word.charCodeAt(k)) return false;
    }
    return true;
  }
}

export function isPunctuation(c: number): boolean {
  return c === Ch.LParen || c === Ch.RParen || c === Ch.LBracket || c === Ch.RBracket || c === Ch.LBrace
    || c === Ch.RBrace || c === 0x2c || c === Ch.Dot || c === 0x3b;
}

/**
 * Punctuation, or the longest operator at `i`; any other character is skipped. Returns the offset after it.
 * `punctuation` lets a language narrow the set (R's dots belong to its names).
 */
export function addSymbol(out: TokenList, text: string, i: number, operators: OperatorTable, punctuation = isPunctuation): number {
  if (punctuation(text.charCodeAt(i))) {
    out.add(Kind.Punctuation, i, i + 1);
    return i + 1;
  }
  const n = operators.match(text, i);
  if (n > 0) out.add(Kind.Operator, i, i + n);
  return i + Math.max(n, 1);
}

/**
 * Skips an interpolated expression (`{expr}` in a Python f-string, `${expr}` in Scala) from just after its
 * opening brace to just after the matching `}`. `nestedString(i)` returns where a string starting at `i` ends,
 * or undefined when none starts there, so strings inside the expression are skipped whole. In a single-line
 * string the expression ends at a line break.
 */
export function interpolationEnd(text: string, from: number, triple: boolean, nestedString: (at: number) => number | undefined): number {
  let braces = 0;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.RBrace) {
      if (braces === 0) return i + 1;
      braces--;
    } else if (c === Ch.LBrace) {
      braces++;
    } else if (!triple && (c === Ch.LF || c === Ch.CR)) {
      return i;
    } else {
      const end = nestedString(i);
      if (end !== undefined) {
        i = end;
        continue;
      }
    }
    i++;
  }
  return i;
}

/** One growable set of token columns. */
class Columns implements TokenColumns {
  count = 0;
  kind = new Uint8Array(64);
  flag = new Uint8Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  valueStart = new Int32Array(64);
  valueEnd = new Int32Array(64);

  push(kind: number, start: number, end: number, valueStart: number, valueEnd: number, flag: number): void {
    if (this.count === this.kind.length) this.grow();
    const k = this.count++;
    this.kind[k] = kind;
    this.flag[k] = flag;
    this.start[k] = start;
    this.end[k] = end;
    this.valueStart[k] = valueStart;
    this.valueEnd[k] = valueEnd;
  }

  private grow(): void {
    const capacity = this.kind.length * 2;
    this.kind = grown(new Uint8Array(capacity), this.kind);
    this.flag = grown(new Uint8Array(capacity), this.flag);
    this.start = grown(new Int32Array(capacity), this.start);
    this.end = grown(new Int32Array(capacity), this.end);
    this.valueStart = grown(new Int32Array(capacity), this.valueStart);
    this.valueEnd = grown(new Int32Array(capacity), this.valueEnd);
  }
}

function grown<T extends Uint8Array | Int32Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

/** The code of each TokenKind and Token flag: KIND_NAMES and FLAG_NAMES read the other way. */
const KIND_CODES = new Map<TokenKind, number>(KIND_NAMES.map((name, code) => [name, code]));
const FLAG_CODES = new Map<Token['flag'], number>(FLAG_NAMES.map((name, code) => [name, code]));

/**
 * Builds tokens into columns, comments apart. The engine keeps one TokenList per nesting level and clears it
 * for each text, so lexing allocates nothing once the columns have grown.
 */
export class TokenList implements LexedTokens {
  readonly code = new Columns();
  readonly comments = new Columns();

  clear(): this {
    this.code.count = 0;
    this.comments.count = 0;
    return this;
  }

  add(kind: KindCode, start: number, end: number): void {
    this.code.push(kind, start, end, start, end, Flag.None);
  }

  addValued(kind: KindCode, start: number, end: number, valueStart: number, valueEnd: number, flag: FlagCode = Flag.None): void {
    this.code.push(kind, start, end, valueStart, valueEnd, flag);
  }

  addComment(start: number, end: number, valueStart: number, valueEnd: number, flag: FlagCode = Flag.None): void {
    this.comments.push(Kind.Comment, start, end, valueStart, valueEnd, flag);
  }

  /** A token given as an object (tests and callers that hold a Token[]). */
  addToken(t: Token): void {
    (t.kind === 'comment' ? this.comments : this.code)
      .push(KIND_CODES.get(t.kind) as number, t.start, t.end, t.valueStart ?? t.start, t.valueEnd ?? t.end, FLAG_CODES.get(t.flag) as number);
  }

  /** The tokens as objects, in text order; value spans only where they differ from the token's own span. */
  get tokens(): Token[] {
    const tokens: Token[] = [];
    const { code, comments } = this;
    for (let i = 0, j = 0; i < code.count || j < comments.count;) {
      const fromCode = j === comments.count || (i < code.count && code.start[i] < comments.start[j]);
      tokens.push(fromCode ? tokenAt(code, i++) : tokenAt(comments, j++));
    }
    return tokens;
  }
}

/** The object-returning Lexer of a token writer. */
export function objectLexer(write: TokenWriter): Lexer {
  return (text) => {
    const out = new TokenList();
    write(text, out);
    return out.tokens;
  };
}

function tokenAt(columns: TokenColumns, k: number): Token {
  const kind = KIND_NAMES[columns.kind[k]];
  const start = columns.start[k];
  const end = columns.end[k];
  const flag = FLAG_NAMES[columns.flag[k]];
  const valued = columns.valueStart[k] !== start || columns.valueEnd[k] !== end;
  const token: Token = valued ? { kind, start, end, valueStart: columns.valueStart[k], valueEnd: columns.valueEnd[k] } : { kind, start, end };
  return flag === undefined ? token : { ...token, flag };
}

/** A `#`-style line comment from `start`; the value skips the marker and one optional space. */
export function addLineComment(out: TokenList, text: string, start: number, markerLength: number): number {
  const end = lineEnd(text, start);
  let valueStart = Math.min(start + markerLength, end);
  if (text.charCodeAt(valueStart) === Ch.Space && valueStart < end) valueStart++;
  out.addComment(start, end, valueStart, end);
  return end;
}

/**
 * A block comment `open ... close` from `start`, nested when `nested` (Scala, Spark SQL); unterminated
 * comments end at the end of the text.
 */
export function addBlockComment(out: TokenList, text: string, start: number, nested: boolean): number {
  let depth = 1;
  let i = start + 2;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Star && text.charCodeAt(i + 1) === Ch.Slash) {
      depth--;
      i += 2;
      if (depth === 0 || !nested) {
        out.addComment(start, i, start + 2, i - 2, Flag.Block);
        return i;
      }
    } else if (nested && c === Ch.Slash && text.charCodeAt(i + 1) === Ch.Star) {
      depth++;
      i += 2;
    } else {
      i++;
    }
  }
  out.addComment(start, text.length, start + 2, text.length, Flag.Block);
  return text.length;
}

/**
 * A quoted string with backslash escapes from `quoteAt`. `multiline` strings run to EOF when unterminated;
 * others stop at the line break. `doubled` also accepts a doubled quote as an escape (SQL `''`).
 */
export function quotedEnd(text: string, quoteAt: number, options: { multiline: boolean; doubled?: boolean; escapes?: boolean }): { end: number; valueEnd: number } {
  const quote = text.charCodeAt(quoteAt);
  const escapes = options.escapes ?? true;
  let i = quoteAt + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash && escapes) {
      i += text.charCodeAt(i + 1) === Ch.CR && text.charCodeAt(i + 2) === Ch.LF ? 3 : 2;
    } else if (c === quote) {
      if (options.doubled && text.charCodeAt(i + 1) === quote) i += 2;
      else return { end: i + 1, valueEnd: i };
    } else if (!options.multiline && (c === Ch.LF || c === Ch.CR)) {
      return { end: i, valueEnd: i };
    } else {
      i++;
    }
  }
  const end = Math.min(i, text.length);
  return { end, valueEnd: end };
}
