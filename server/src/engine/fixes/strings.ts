/**
 * Where string literals sit, for edit builders. Detection reads the engine's lexers on logical cell text;
 * fixes need the literal's exact extent in the *file* text (quotes, prefixes, framing included), so this is a
 * small single-pass scanner over a file range. Linear: every character is visited once.
 */
import type { Language } from '../model';

export interface StringSpan {
  /** Offset of the literal's first character (its prefix, e.g. `f`, or its opening quote). */
  readonly start: number;
  /** Offset just past the closing quote (or the range end for an unterminated literal). */
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly quote: string;
  /** The prefix letters (`f`, `rb`, `s`): an f-string or interpolator holds substitutions. */
  readonly prefix: string;
}

interface Syntax {
  readonly quotes: readonly string[];
  readonly lineComments: readonly string[];
  readonly blockComment?: readonly [string, string];
  /** SQL doubles a quote to escape it; the others use a backslash. */
  readonly doubledQuoteEscape: boolean;
  readonly prefixes: RegExp;
}

const SYNTAX: Readonly<Record<'python' | 'sql' | 'scala' | 'r', Syntax>> = {
  python: { quotes: ['"""', "'''", '"', "'"], lineComments: ['#'], doubledQuoteEscape: false, prefixes: /[rRbBfFuU]{1,2}$/ },
  sql: { quotes: ["'", '"'], lineComments: ['--'], blockComment: ['/*', '*/'], doubledQuoteEscape: true, prefixes: /[rRxX]$/ },
  scala: { quotes: ['"""', '"'], lineComments: ['//'], blockComment: ['/*', '*/'], doubledQuoteEscape: false, prefixes: /[a-z]+$/ },
  r: { quotes: ['"', "'"], lineComments: ['#'], doubledQuoteEscape: false, prefixes: /(?!)/ },
};

export function hasStringSyntax(language: Language): language is keyof typeof SYNTAX {
  return language in SYNTAX;
}

/** Top-level string literals in text[from, to), skipping comments. */
export function scanStrings(text: string, from: number, to: number, language: keyof typeof SYNTAX): StringSpan[] {
  const syntax = SYNTAX[language];
  const spans: StringSpan[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    if (syntax.lineComments.some((m) => text.startsWith(m, i))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl > to ? to : nl + 1;
      continue;
    }
    if (syntax.blockComment && text.startsWith(syntax.blockComment[0], i)) {
      const close = text.indexOf(syntax.blockComment[1], i + 2);
      i = close < 0 || close > to ? to : close + 2;
      continue;
    }
    const quote = c === '"' || c === "'" ? syntax.quotes.find((q) => text.startsWith(q, i)) : undefined;
    if (!quote) {
      i++;
      continue;
    }
    const prefix = identifierTail(text, from, i, syntax.prefixes);
    const contentStart = i + quote.length;
    const close = findClose(text, contentStart, to, quote, syntax.doubledQuoteEscape);
    if (close < 0 && quote.length === 1) {
      // An unterminated one-line quote is an apostrophe in prose (a title, a magic line), not a literal.
      i = contentStart;
      continue;
    }
    const contentEnd = close < 0 ? to : close;
    const end = close < 0 ? to : close + quote.length;
    spans.push({ start: i - prefix.length, end, contentStart, contentEnd, quote, prefix });
    i = end;
  }
  return spans;
}

/** The innermost of `spans` whose content holds [start, end). */
export function spanContaining(spans: readonly StringSpan[], start: number, end: number): StringSpan | undefined {
  return spans.find((s) => s.contentStart <= start && end <= s.contentEnd);
}

function findClose(text: string, from: number, to: number, quote: string, doubled: boolean): number {
  const single = quote.length === 1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\\' && !doubled) {
      i++;
      continue;
    }
    if (single && c === '\n') return -1;
    if (!text.startsWith(quote, i)) continue;
    if (doubled && text[i + 1] === quote) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** Prefix letters directly before a quote, when they are a literal prefix and not the end of a name. */
function identifierTail(text: string, from: number, quoteAt: number, prefixes: RegExp): string {
  let s = quoteAt;
  while (s > from && s > quoteAt - 8 && /[A-Za-z]/.test(text[s - 1])) s--;
  if (s > from && /[\w.]/.test(text[s - 1])) return '';
  const word = text.slice(s, quoteAt);
  const m = prefixes.exec(word);
  return m && m.index === 0 ? word : '';
}
