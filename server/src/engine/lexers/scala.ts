/**
 * Scala (and Spark's Scala DSL): interpolated strings (`s"..."`, `f"..."`, `raw"..."`, any `id"..."`) with
 * `${...}` blocks, triple-quoted strings, char and symbol literals, nested block comments, backtick names,
 * and operators as maximal runs of operator characters (`===`, `=!=`, `->`), as scalac reads them.
 */
import {
  Ch, KeywordSet, TokenList, objectLexer, addBlockComment, addLineComment, identEnd, interpolationEnd, isIdentStart, isPunctuation, isWhitespace, numberEnd,
  quotedEnd, startsNumber,
} from './chars';
import { Flag, Kind, type Lexer, type TokenWriter } from './types';

const KEYWORDS = new KeywordSet([
  'abstract', 'case', 'catch', 'class', 'def', 'do', 'else', 'extends', 'false', 'final', 'finally', 'for',
  'forSome', 'if', 'implicit', 'import', 'lazy', 'match', 'new', 'null', 'object', 'override', 'package',
  'private', 'protected', 'return', 'sealed', 'super', 'this', 'throw', 'trait', 'true', 'try', 'type', 'val',
  'var', 'while', 'with', 'yield', 'given', 'using', 'then', 'enum', 'export',
]);

const OPERATOR_CHARS = new Set('!#%&*+-/:<=>?@\\^|~'.split('').map((c) => c.charCodeAt(0)));

/** Interpolated strings nested in `${...}` deeper than this are scanned as plain text. */
const MAX_INTERPOLATION_DEPTH = 8;

/** Writes the tokens of `text` into `out`. */
export const writeScalaTokens: TokenWriter = (text, out) => {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isWhitespace(c)) {
      i++;
    } else if (c === Ch.Slash && next === Ch.Slash) {
      i = addLineComment(out, text, i, 2);
    } else if (c === Ch.Slash && next === Ch.Star) {
      i = addBlockComment(out, text, i, true);
    } else if (c === Ch.DoubleQuote) {
      i = addString(out, text, i, i, undefined);
    } else if (c === Ch.Dollar && next === Ch.DoubleQuote) {
      // Spark's $"column" is the `$` interpolator; it names a column, so it reads as an operator then a string.
      out.add(Kind.Operator, i, i + 1);
      i = addString(out, text, i + 1, i + 1, undefined);
    } else if (isIdentStart(c) || c === Ch.Dollar) {
      const end = identEnd(text, i, (k) => k === Ch.Dollar);
      if (text.charCodeAt(end) === Ch.DoubleQuote) {
        i = addString(out, text, i, end, text.slice(i, end));
      } else {
        out.add(KEYWORDS.has(text, i, end) ? Kind.Keyword : Kind.Identifier, i, end);
        i = end;
      }
    } else if (c === Ch.Backtick) {
      const s = quotedEnd(text, i, { multiline: false, escapes: false });
      out.addValued(Kind.Identifier, i, s.end, i + 1, s.valueEnd);
      i = s.end;
    } else if (c === Ch.SingleQuote) {
      i = addQuote(out, text, i);
    } else if (startsNumber(text, i)) {
      const end = numberEnd(text, i);
      out.add(Kind.Number, i, end);
      i = end;
    } else if (isPunctuation(c)) {
      out.add(Kind.Punctuation, i, i + 1);
      i++;
    } else if (OPERATOR_CHARS.has(c)) {
      const end = operatorEnd(text, i);
      out.add(Kind.Operator, i, end);
      i = end;
    } else {
      i++;
    }
  }
};

export const lexScala: Lexer = objectLexer(writeScalaTokens);

/** A maximal run of operator characters, stopping before a comment opener. */
function operatorEnd(text: string, from: number): number {
  let i = from + 1;
  while (OPERATOR_CHARS.has(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (c === Ch.Slash && (text.charCodeAt(i + 1) === Ch.Slash || text.charCodeAt(i + 1) === Ch.Star)) break;
    i++;
  }
  return i;
}

/** `'c'`, `'\n'`, `'\u0041'` are char literals (strings); `'name` is a symbol literal (an identifier). */
function addQuote(out: TokenList, text: string, start: number): number {
  const first = text.charCodeAt(start + 1);
  if (first === Ch.Backslash) {
    let i = start + 2;
    while (i < text.length && i < start + 8 && text.charCodeAt(i) !== Ch.SingleQuote && text.charCodeAt(i) !== Ch.LF) i++;
    if (text.charCodeAt(i) === Ch.SingleQuote) {
      out.addValued(Kind.String, start, i + 1, start + 1, i);
      return i + 1;
    }
    return start + 1;
  }
  if (start + 2 < text.length && text.charCodeAt(start + 2) === Ch.SingleQuote && first !== Ch.LF) {
    out.addValued(Kind.String, start, start + 3, start + 1, start + 2);
    return start + 3;
  }
  if (isIdentStart(first)) {
    const end = identEnd(text, start + 1);
    out.addValued(Kind.Identifier, start, end, start + 1, end);
    return end;
  }
  return start + 1;
}

function addString(out: TokenList, text: string, start: number, quoteAt: number, interpolator: string | undefined): number {
  const s = scanString(text, quoteAt, interpolator !== undefined, interpolator === 'raw', 0);
  const flag = interpolator === 'raw' ? Flag.Raw
    : interpolator !== undefined ? Flag.Interpolated
      : s.triple ? Flag.Triple : Flag.None;
  out.addValued(Kind.String, start, s.end, s.valueStart, s.valueEnd, flag);
  return s.end;
}

interface ScannedString {
  readonly end: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly triple: boolean;
}

/**
 * A string from its opening quote. Triple-quoted strings have no escapes and close at the last quote of a
 * run of three or more; single-quoted ones stop at a line break. In interpolated strings `$$` is a dollar
 * and `${...}` is a block that may hold strings of its own.
 */
function scanString(text: string, quoteAt: number, interpolated: boolean, raw: boolean, depth: number): ScannedString {
  const triple = text.startsWith('"""', quoteAt);
  const valueStart = quoteAt + (triple ? 3 : 1);
  let i = valueStart;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (triple && c === Ch.DoubleQuote && text.startsWith('"""', i)) {
      let close = i + 3;
      while (text.charCodeAt(close) === Ch.DoubleQuote) close++;
      return { end: close, valueStart, valueEnd: close - 3, triple };
    }
    if (!triple) {
      if (c === Ch.DoubleQuote) return { end: i + 1, valueStart, valueEnd: i, triple };
      if (c === Ch.LF || c === Ch.CR) return { end: i, valueStart, valueEnd: i, triple };
      if (c === Ch.Backslash && !raw) {
        i += 2;
        continue;
      }
    }
    if (interpolated && c === Ch.Dollar) {
      const next = text.charCodeAt(i + 1);
      i = next === Ch.LBrace ? blockEnd(text, i + 2, triple, depth) : next === Ch.Dollar ? i + 2 : i + 1;
      continue;
    }
    i++;
  }
  const end = Math.min(i, text.length);
  return { end, valueStart, valueEnd: end, triple };
}

/** Skips an interpolation block from after `${` to after its `}`, scanning nested strings whole. */
function blockEnd(text: string, from: number, triple: boolean, depth: number): number {
  return interpolationEnd(text, from, triple, (at) => {
    if (text.charCodeAt(at) !== Ch.DoubleQuote || depth >= MAX_INTERPOLATION_DEPTH) return undefined;
    return scanString(text, at, isIdentStart(text.charCodeAt(at - 1)), false, depth + 1).end;
  });
}
