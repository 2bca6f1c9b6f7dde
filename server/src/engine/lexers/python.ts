/** Python: string prefixes, triple quotes, f-string replacement fields (with nested quotes), `#` comments. */
import {
  Ch, KeywordSet, OperatorTable, TokenList, objectLexer, addLineComment, addSymbol, identEnd, interpolationEnd, isIdentStart, isWhitespace, numberEnd,
  startsNumber,
} from './chars';
import { Flag, Kind, type Lexer, type TokenWriter } from './types';

const KEYWORDS = new KeywordSet([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** `t` (template strings, 3.14) interpolates like `f`. */
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);

const OPERATORS = new OperatorTable([
  '**=', '//=', '>>=', '<<=', '==', '!=', '<=', '>=', '->', '**', '//', ':=', '+=', '-=', '*=', '/=', '%=', '&=',
  '|=', '^=', '@=', '>>', '<<', '<', '>', '=', ':', '+', '-', '*', '/', '%', '|', '&', '~', '^', '@', '!',
]);

/** Nested f-strings deeper than this are scanned as plain text (Python itself stops being readable long before). */
const MAX_FSTRING_DEPTH = 8;

/** Writes the tokens of `text` into `out`. */
export const writePythonTokens: TokenWriter = (text, out) => {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c) || c === Ch.Backslash) {
      i++;
    } else if (c === Ch.Hash) {
      i = addLineComment(out, text, i, 1);
    } else if (c === Ch.SingleQuote || c === Ch.DoubleQuote) {
      i = addString(out, text, i, i, '');
    } else if (isIdentStart(c)) {
      const end = identEnd(text, i);
      const prefix = stringPrefixAt(text, i, end);
      if (prefix !== undefined) {
        i = addString(out, text, i, end, prefix);
      } else {
        out.add(KEYWORDS.has(text, i, end) ? Kind.Keyword : Kind.Identifier, i, end);
        i = end;
      }
    } else if (startsNumber(text, i)) {
      const end = numberEnd(text, i);
      out.add(Kind.Number, i, end);
      i = end;
    } else {
      i = addSymbol(out, text, i, OPERATORS);
    }
  }
};

export const lexPython: Lexer = objectLexer(writePythonTokens);

/** The lowercased string prefix when the name [start, end) is one and a quote follows (`f"`, `Rb'`). */
function stringPrefixAt(text: string, start: number, end: number): string | undefined {
  const next = text.charCodeAt(end);
  if ((next !== Ch.SingleQuote && next !== Ch.DoubleQuote) || end - start > 2) return undefined;
  const prefix = text.slice(start, end).toLowerCase();
  return STRING_PREFIXES.has(prefix) ? prefix : undefined;
}

function addString(out: TokenList, text: string, start: number, quoteAt: number, prefix: string): number {
  const interpolated = prefix.includes('f') || prefix.includes('t');
  const s = scanString(text, quoteAt, interpolated, 0);
  const flag = interpolated ? Flag.Interpolated
    : prefix.includes('b') ? Flag.Bytes
      : prefix.includes('r') ? Flag.Raw
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
 * Scans a string from its opening quote. A backslash always protects the next character from closing the
 * string (true in raw strings too). Single-quoted strings stop at an unescaped line break.
 */
function scanString(text: string, quoteAt: number, interpolated: boolean, depth: number): ScannedString {
  const quote = text.charCodeAt(quoteAt);
  const triple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
  const valueStart = quoteAt + (triple ? 3 : 1);
  let i = valueStart;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) {
      i += text.charCodeAt(i + 1) === Ch.CR && text.charCodeAt(i + 2) === Ch.LF ? 3 : 2;
    } else if (c === quote) {
      if (!triple) return { end: i + 1, valueStart, valueEnd: i, triple };
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) {
        return { end: i + 3, valueStart, valueEnd: i, triple };
      }
      i++;
    } else if (!triple && (c === Ch.LF || c === Ch.CR)) {
      return { end: i, valueStart, valueEnd: i, triple };
    } else if (interpolated && c === Ch.LBrace) {
      i = text.charCodeAt(i + 1) === Ch.LBrace ? i + 2 : replacementFieldEnd(text, i + 1, triple, depth);
    } else {
      i++;
    }
  }
  const end = Math.min(i, text.length);
  return { end, valueStart, valueEnd: end, triple };
}

/**
 * Skips an f-string replacement field `{expr!r:spec}` from just after its `{` to just after its `}`. Strings
 * inside the expression are scanned as strings, so `f"{d["k"]}"` (Python 3.12) and `f"{'}'}"` stay whole.
 */
function replacementFieldEnd(text: string, from: number, triple: boolean, depth: number): number {
  return interpolationEnd(text, from, triple, (at) => {
    const c = text.charCodeAt(at);
    if ((c !== Ch.SingleQuote && c !== Ch.DoubleQuote) || depth >= MAX_FSTRING_DEPTH) return undefined;
    const prefix = prefixBefore(text, at, from);
    return scanString(text, at, prefix.includes('f') || prefix.includes('t'), depth + 1).end;
  });
}

/** The string prefix letters directly before a quote inside a replacement field (at most two, lowercased). */
function prefixBefore(text: string, quoteAt: number, floor: number): string {
  let k = quoteAt;
  while (k > floor && k > quoteAt - 2 && isIdentStart(text.charCodeAt(k - 1))) k--;
  const prefix = text.slice(k, quoteAt).toLowerCase();
  return STRING_PREFIXES.has(prefix) ? prefix : '';
}
