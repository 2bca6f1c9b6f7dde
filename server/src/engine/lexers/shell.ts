/**
 * Shell (`%sh` cells, `.sh` files, `%pip`/`%run` arguments): `#` comments at the start of a word (not `$#` or
 * `a#b`), single-quoted strings without escapes, double-quoted strings with them, `$VAR`/`${VAR}` references
 * as parameters, and everything else as words.
 */
import { Ch, OperatorTable, objectLexer, addLineComment, isDigit, isIdentPart, isIdentStart, isWhitespace, quotedEnd } from './chars';
import { Kind, type Lexer, type TokenWriter } from './types';

const OPERATORS = new OperatorTable(['&&', '||', '>>', '<<', '|', '&', ';', '>', '<', '=', '!', '$']);

/** Characters that end a word. */
const WORD_BREAKS = new Set(' \t\r\n\'"$|&;<>()='.split('').map((c) => c.charCodeAt(0)));

/** After these a `#` starts a comment. */
const COMMENT_AFTER = new Set(' \t\r\n;|&('.split('').map((c) => c.charCodeAt(0)));

const SPECIAL_PARAMETERS = new Set('#?@*!$-0123456789'.split('').map((c) => c.charCodeAt(0)));

/** Writes the tokens of `text` into `out`. */
export const writeShellTokens: TokenWriter = (text, out) => {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
    } else if (c === Ch.Hash && (i === 0 || COMMENT_AFTER.has(text.charCodeAt(i - 1)))) {
      i = addLineComment(out, text, i, 1);
    } else if (c === Ch.SingleQuote || c === Ch.DoubleQuote) {
      const s = quotedEnd(text, i, { multiline: true, escapes: c === Ch.DoubleQuote });
      out.addValued(Kind.String, i, s.end, i + 1, s.valueEnd);
      i = s.end;
    } else if (c === Ch.Dollar && parameterEnd(text, i) > i + 1) {
      const end = parameterEnd(text, i);
      out.add(Kind.Parameter, i, end);
      i = end;
    } else if (c === Ch.LParen || c === Ch.RParen) {
      out.add(Kind.Punctuation, i, i + 1);
      i++;
    } else if (WORD_BREAKS.has(c)) {
      const n = OPERATORS.match(text, i);
      if (n > 0) out.add(Kind.Operator, i, i + n);
      i += Math.max(n, 1);
    } else {
      let end = i + 1;
      while (end < text.length && !WORD_BREAKS.has(text.charCodeAt(end))) end++;
      out.add(isAllDigits(text, i, end) ? Kind.Number : Kind.Identifier, i, end);
      i = end;
    }
  }
};

export const lexShell: Lexer = objectLexer(writeShellTokens);

/** End of `$NAME`, `${...}` (to `}` on the line) or `$#`-style special parameters; `i + 1` when none. */
function parameterEnd(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === Ch.LBrace) {
    let k = i + 2;
    while (k < text.length) {
      const c = text.charCodeAt(k);
      if (c === Ch.RBrace) return k + 1;
      if (c === Ch.LF || c === Ch.CR) return k;
      k++;
    }
    return k;
  }
  if (isIdentStart(next)) {
    let k = i + 2;
    while (isIdentPart(text.charCodeAt(k))) k++;
    return k;
  }
  return SPECIAL_PARAMETERS.has(next) ? i + 2 : i + 1;
}

function isAllDigits(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}
