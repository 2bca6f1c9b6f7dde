/**
 * R: names with dots (`birth.date`), backtick names, raw strings `r"(...)"` with optional dashes, strings
 * that may span lines, `%op%` operators and the assignment arrows.
 */
import {
  Ch, KeywordSet, OperatorTable, objectLexer, addLineComment, addSymbol, identEnd, isIdentStart, isPunctuation, isWhitespace, numberEnd,
  quotedEnd, startsNumber,
} from './chars';
import { Flag, Kind, type Lexer, type TokenWriter } from './types';

const KEYWORDS = new KeywordSet([
  'if', 'else', 'repeat', 'while', 'function', 'for', 'in', 'next', 'break', 'TRUE', 'FALSE', 'NULL', 'Inf', 'NaN',
  'NA', 'NA_integer_', 'NA_real_', 'NA_character_', 'NA_complex_',
]);

const OPERATORS = new OperatorTable([
  '<<-', '->>', ':::', '<-', '->', '|>', '==', '!=', '<=', '>=', '&&', '||', '::', '=', '<', '>', '!', '&', '|',
  '~', '?', '$', '@', ':', '+', '-', '*', '/', '^', '\\',
]);

const CLOSING_BRACKET: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

const isDot = (c: number): boolean => c === Ch.Dot;

/** Punctuation without the dot, which R names contain (`birth.date`). */
const isRPunctuation = (c: number): boolean => c !== Ch.Dot && isPunctuation(c);

/** Writes the tokens of `text` into `out`. */
export const writeRTokens: TokenWriter = (text, out) => {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
    } else if (c === Ch.Hash) {
      i = addLineComment(out, text, i, 1);
    } else if (c === Ch.SingleQuote || c === Ch.DoubleQuote) {
      const s = quotedEnd(text, i, { multiline: true });
      out.addValued(Kind.String, i, s.end, i + 1, s.valueEnd);
      i = s.end;
    } else if (startsNumber(text, i)) {
      const end = numberEnd(text, i);
      out.add(Kind.Number, i, end);
      i = end;
    } else if (isIdentStart(c) || c === Ch.Dot) {
      const end = identEnd(text, i, isDot);
      const raw = end === i + 1 && (c | 0x20) === 0x72 ? rawStringEnd(text, end) : undefined;
      if (raw) {
        out.addValued(Kind.String, i, raw.end, raw.valueStart, raw.valueEnd, Flag.Raw);
        i = raw.end;
      } else {
        out.add(KEYWORDS.has(text, i, end) ? Kind.Keyword : Kind.Identifier, i, end);
        i = end;
      }
    } else if (c === Ch.Backtick) {
      const s = quotedEnd(text, i, { multiline: false });
      out.addValued(Kind.Identifier, i, s.end, i + 1, s.valueEnd);
      i = s.end;
    } else if (c === Ch.Percent) {
      const end = percentOperatorEnd(text, i);
      out.add(Kind.Operator, i, end);
      i = end;
    } else {
      i = addSymbol(out, text, i, OPERATORS, isRPunctuation);
    }
  }
};

export const lexR: Lexer = objectLexer(writeRTokens);

/**
 * A raw string after its `r`/`R` at `quoteAt`: quote, dashes, an opening bracket, then content up to the
 * matching bracket, the same dashes and the same quote. Undefined when the delimiter is not well formed.
 */
function rawStringEnd(text: string, quoteAt: number): { end: number; valueStart: number; valueEnd: number } | undefined {
  const quote = text[quoteAt];
  if (quote !== '"' && quote !== "'") return undefined;
  let i = quoteAt + 1;
  while (text.charCodeAt(i) === Ch.Minus) i++;
  const close = CLOSING_BRACKET[text[i]];
  if (!close) return undefined;
  const dashes = i - quoteAt - 1;
  const valueStart = i + 1;
  const closer = close + '-'.repeat(dashes) + quote;
  const at = text.indexOf(closer, valueStart);
  if (at < 0) return { end: text.length, valueStart, valueEnd: text.length };
  return { end: at + closer.length, valueStart, valueEnd: at };
}

/** `%in%`, `%>%`, `%like%`: up to the next `%` on the line; a lone `%` otherwise. */
function percentOperatorEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.Percent) return i + 1;
    if (c === Ch.LF || c === Ch.CR) break;
    i++;
  }
  return from + 1;
}
