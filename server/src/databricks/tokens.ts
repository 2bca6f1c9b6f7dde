/**
 * Tokens for table references: the engine's lexer for the language when it has one; otherwise a small
 * linear tokenizer that knows strings, comments, identifiers and punctuation well enough to find
 * `FROM a.b.c`, `spark.table("…")` and SQL held in string literals.
 */
import type { Language } from '../engine/model';
import { lexerFor } from '../engine/lexers';
import type { Token } from '../engine/lexers/types';

export function tokensOf(language: Language, text: string): Token[] {
  const lexer = lexerFor(language);
  return lexer ? lexer(text) : fallbackTokens(language, text);
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_$]/;
const OPERATOR_CHARS = '=<>!*+-/%|&^~:';

function fallbackTokens(language: Language, text: string): Token[] {
  const sql = language === 'sql';
  const hashComment = language === 'python' || language === 'r';
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const two = text.slice(i, i + 2);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if ((sql && two === '--') || (hashComment && c === '#') || (!sql && !hashComment && two === '//')) {
      const end = text.indexOf('\n', i);
      const e = end < 0 ? text.length : end;
      out.push({ kind: 'comment', start: i, end: e });
      i = e;
    } else if (two === '/*' && !hashComment) {
      const end = text.indexOf('*/', i + 2);
      const e = end < 0 ? text.length : end + 2;
      out.push({ kind: 'comment', start: i, end: e, flag: 'block' });
      i = e;
    } else if (c === '"' || c === "'" || (c === '`' && !sql)) {
      i = pushString(out, text, i, i);
    } else if (c === '`' && sql) {
      const end = text.indexOf('`', i + 1);
      const e = end < 0 ? text.length : end + 1;
      out.push({ kind: 'identifier', start: i, end: e, valueStart: i + 1, valueEnd: Math.max(i + 1, e - 1) });
      i = e;
    } else if (IDENT_START.test(c)) {
      let e = i + 1;
      while (e < text.length && IDENT_PART.test(text[e])) e++;
      const next = text[e];
      if (!sql && (next === '"' || next === "'") && e - i <= 3 && /^[rbfuRBFUs]+$/.test(text.slice(i, e))) {
        i = pushString(out, text, e, i);
        continue;
      }
      out.push({ kind: 'identifier', start: i, end: e });
      i = e;
    } else if (/[0-9]/.test(c)) {
      let e = i + 1;
      while (e < text.length && /[0-9.eE_xXa-fA-FlL]/.test(text[e])) e++;
      out.push({ kind: 'number', start: i, end: e });
      i = e;
    } else if (OPERATOR_CHARS.includes(c)) {
      let e = i + 1;
      while (e < text.length && e - i < 3 && OPERATOR_CHARS.includes(text[e]) && text[e] !== '*' && c !== '*') e++;
      out.push({ kind: 'operator', start: i, end: e });
      i = e;
    } else {
      out.push({ kind: 'punctuation', start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

/** A quoted string starting at `quoteAt` (prefix from `start`); triple quotes for Python and Scala. */
function pushString(out: Token[], text: string, quoteAt: number, start: number): number {
  const q = text[quoteAt];
  const triple = text.startsWith(q.repeat(3), quoteAt);
  const open = triple ? 3 : 1;
  let i = quoteAt + open;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (!triple && text[i] === '\n') break;
    if (triple ? text.startsWith(q.repeat(3), i) : text[i] === q) {
      out.push({ kind: 'string', start, end: i + open, valueStart: quoteAt + open, valueEnd: i, flag: triple ? 'triple' : undefined });
      return i + open;
    }
    i++;
  }
  out.push({ kind: 'string', start, end: i, valueStart: quoteAt + open, valueEnd: i });
  return i;
}
