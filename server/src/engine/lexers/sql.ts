/**
 * Databricks / Spark SQL: `'...'` and `"..."` are both string literals (Spark's default), backticks quote
 * identifiers, bracketed comments nest, and query parameters come in several spellings
 * (`:name`, `${name}`, `{{name}}`, `$name`, `?`).
 */
import {
  Ch, KeywordSet, codeAt, OperatorTable, TokenList, objectLexer, addBlockComment, addLineComment, addSymbol, identEnd, isIdentPart, isIdentStart,
  isWhitespace, numberEnd, quotedEnd, startsNumber,
} from './chars';
import { Flag, Kind, type Lexer, type TokenWriter } from './types';

const KEYWORDS = new KeywordSet([
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'ILIKE', 'RLIKE', 'BETWEEN', 'JOIN',
  'ON', 'AS', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'GROUP', 'BY', 'ORDER', 'HAVING', 'LIMIT', 'UNION', 'INSERT',
  'INTO', 'VALUES', 'UPDATE', 'SET', 'DELETE', 'MERGE', 'USING', 'WITH', 'CREATE', 'TABLE', 'VIEW', 'ALTER',
  'COLUMN', 'MASK', 'ROW', 'FILTER', 'USE', 'CATALOG', 'SCHEMA', 'DATE', 'TIMESTAMP', 'INTERVAL',
  'DISTINCT', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'ASC', 'DESC', 'TRUE', 'FALSE', 'EXISTS',
  'OVER', 'PARTITION', 'DROP', 'REPLACE', 'IF', 'ALL', 'ANY', 'CAST', 'MATCHED',
], true);

const OPERATORS = new OperatorTable([
  '<=>', '==', '!=', '<>', '<=', '>=', '||', '::', '->', '=>', '<', '>', '=', '+', '-', '*', '/', '%', '&', '|',
  '^', '~', '!', ':',
]);

/** Writes the tokens of `text` into `out`. */
export const writeSqlTokens: TokenWriter = (text, out) => {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
    } else if (c === Ch.Minus && codeAt(text, i + 1) === Ch.Minus) {
      i = addLineComment(out, text, i, 2);
    } else if (c === Ch.Slash && codeAt(text, i + 1) === Ch.Star) {
      i = addBlockComment(out, text, i, true);
    } else if (c === Ch.SingleQuote || c === Ch.DoubleQuote) {
      i = addString(out, text, i, i, false);
    } else if (isIdentStart(c)) {
      const end = identEnd(text, i);
      const after = text.charCodeAt(end);
      if (end === i + 1 && (c | 0x20) === 0x72 && (after === Ch.SingleQuote || after === Ch.DoubleQuote)) {
        i = addString(out, text, i, end, true);
      } else {
        out.add(KEYWORDS.has(text, i, end) ? Kind.Keyword : Kind.Identifier, i, end);
        i = end;
      }
    } else if (c === Ch.Backtick) {
      i = addQuotedIdentifier(out, text, i);
    } else if (startsNumber(text, i)) {
      const end = numberEnd(text, i);
      out.add(Kind.Number, i, end);
      i = end;
    } else {
      const parameterEnd = parameterAt(text, i);
      if (parameterEnd > i) {
        out.add(Kind.Parameter, i, parameterEnd);
        i = parameterEnd;
      } else {
        i = addSymbol(out, text, i, OPERATORS);
      }
    }
  }
};

export const lexSql: Lexer = objectLexer(writeSqlTokens);

/** `'...'` with `''` and backslash escapes; raw `r'...'` has no backslash escapes. Strings may span lines. */
function addString(out: TokenList, text: string, start: number, quoteAt: number, raw: boolean): number {
  const s = quotedEnd(text, quoteAt, { multiline: true, doubled: true, escapes: !raw });
  if (raw) out.addValued(Kind.String, start, s.end, quoteAt + 1, s.valueEnd, Flag.Raw);
  else out.addValued(Kind.String, start, s.end, quoteAt + 1, s.valueEnd);
  return s.end;
}

/** `` `name` `` with ``` `` ``` for a literal backtick; the value excludes the backticks. Ends at a line break. */
function addQuotedIdentifier(out: TokenList, text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.LF || c === Ch.CR) break;
    if (c === Ch.Backtick) {
      if (text.charCodeAt(i + 1) !== Ch.Backtick) {
        out.addValued(Kind.Identifier, start, i + 1, start + 1, i);
        return i + 1;
      }
      i++;
    }
    i++;
  }
  out.addValued(Kind.Identifier, start, i, start + 1, i);
  return i;
}

/**
 * End of a parameter reference at `i`, or `i` when there is none. `:name` counts only where a value can
 * start: after `a:b` (a JSON path, `raw:owner`) or `::` (a cast) the colon is an operator.
 */
function parameterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = codeAt(text, i + 1);
  if (c === Ch.Question) return i + 1;
  if (c === Ch.Colon) {
    if (next === Ch.Colon || !isIdentStart(next)) return i;
    const before = codeAt(text, i - 1);
    if (isIdentPart(before) || before === Ch.RParen || before === Ch.RBracket || before === Ch.Backtick
      || before === Ch.Colon || before === Ch.SingleQuote || before === Ch.DoubleQuote) return i;
    return identEnd(text, i + 1);
  }
  if (c === Ch.Dollar) {
    if (next === Ch.LBrace) return closingEnd(text, i + 2, '}');
    return isIdentStart(next) ? identEnd(text, i + 1) : i;
  }
  if (c === Ch.LBrace && next === Ch.LBrace) return closingEnd(text, i + 2, '}}');
  return i;
}

/** Just past `closer` (one or two `}`) on the same line, or the line end when it never comes. */
function closingEnd(text: string, from: number, closer: string): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Ch.LF || c === Ch.CR) return i;
    if (text.startsWith(closer, i)) return i + closer.length;
    i++;
  }
  return i;
}
