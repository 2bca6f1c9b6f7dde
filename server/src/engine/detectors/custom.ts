/**
 * A site's own identifier patterns from `.phisafe.json`. Patterns run on every keystroke, so each is checked
 * before use: star height at most one (no quantified group that holds a quantifier), no quantified
 * alternation, no backreferences, no quantifiers inside lookbehind. Errors name the pattern id, never its
 * text (a pattern may embed a real value). Matching runs line by line, in bounded slices of long lines,
 * so even a pattern that scans far per start position stays bounded per slice.
 */
import type { CustomPattern } from '../config';
import { CATEGORIES } from '../model';
import { redact } from '../redact';
import type { Candidate, Detector, FreeTextContext } from './types';

const SLICE = 4096;
const OVERLAP = 256;

export class UnsafePatternError extends Error {
  constructor(id: string, why: string) {
    super(`custom pattern "${id}" rejected: ${why}`);
    this.name = 'UnsafePatternError';
  }
}

interface Group {
  /** The group holds a quantifier (directly or in a nested group). */
  quantified: boolean;
  alternation: boolean;
  lookbehind: boolean;
}

/** Why a pattern could backtrack catastrophically, or undefined when it passes the syntactic check. */
export function unsafeReason(source: string): string | undefined {
  const stack: Group[] = [{ quantified: false, alternation: false, lookbehind: false }];
  let inClass = false;
  /** What the last atom was: a group we just closed (with its flags), or a plain atom. */
  let lastGroup: Group | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const top = stack[stack.length - 1];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'backreference';
      i++;
      lastGroup = undefined;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      lastGroup = undefined;
      continue;
    }
    if (ch === '(') {
      const lookbehind = source.startsWith('(?<=', i) || source.startsWith('(?<!', i);
      stack.push({ quantified: false, alternation: false, lookbehind: lookbehind || top.lookbehind });
      i += groupPrefixLength(source, i) - 1;
      lastGroup = undefined;
      continue;
    }
    if (ch === ')') {
      if (stack.length === 1) return 'unbalanced parenthesis';
      lastGroup = stack.pop();
      if (lastGroup?.quantified) stack[stack.length - 1].quantified = true;
      continue;
    }
    if (ch === '|') {
      top.alternation = true;
      lastGroup = undefined;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (top.lookbehind) return 'quantifier inside lookbehind';
      if (lastGroup && quantifier.unbounded && lastGroup.quantified) return 'nested quantifier';
      if (lastGroup && quantifier.unbounded && lastGroup.alternation) return 'repeated alternation';
      if (lastGroup && lastGroup.quantified && quantifier.large) return 'nested quantifier';
      top.quantified = true;
      i += quantifier.length - 1;
      if (source[i + 1] === '?') i++;
      lastGroup = undefined;
      continue;
    }
    lastGroup = undefined;
  }
  if (stack.length !== 1) return 'unbalanced parenthesis';
  return undefined;
}

/** Length of `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>` at i, so its `?` is not read as a quantifier. */
function groupPrefixLength(source: string, i: number): number {
  if (source[i + 1] !== '?') return 1;
  if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) return 4;
  if (source[i + 2] === '<') {
    const close = source.indexOf('>', i + 3);
    return close > 0 ? close - i + 1 : 3;
  }
  return 3;
}

/** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` at i; `unbounded` for `*`, `+`, `{n,}`; `large` when it repeats > 1. */
function quantifierAt(source: string, i: number): { length: number; unbounded: boolean; large: boolean } | undefined {
  const ch = source[i];
  if (ch === '*' || ch === '+') return { length: 1, unbounded: true, large: true };
  if (ch === '?') return { length: 1, unbounded: false, large: false };
  if (ch !== '{') return undefined;
  const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(source.slice(i, i + 16));
  if (!m) return undefined;
  const unbounded = m[2] !== undefined && m[3] === '';
  const max = m[2] === undefined ? Number(m[1]) : unbounded ? Infinity : Number(m[3]);
  return { length: m[0].length, unbounded, large: max > 1 };
}

function compileOne(p: CustomPattern): Detector {
  const id = typeof p.id === 'string' && p.id ? p.id : '(unnamed)';
  if (!(CATEGORIES as readonly string[]).includes(p.category)) throw new UnsafePatternError(id, 'unknown category');
  if (typeof p.pattern !== 'string' || p.pattern.length === 0 || p.pattern.length > 1000) throw new UnsafePatternError(id, 'empty or too long');
  const why = unsafeReason(p.pattern);
  if (why) throw new UnsafePatternError(id, `${why} (could backtrack catastrophically)`);
  let regex: RegExp;
  try {
    regex = new RegExp(p.pattern, 'g');
  } catch {
    throw new UnsafePatternError(id, 'not a valid regular expression');
  }
  const detectorId = `custom:${id}`;
  return {
    id: detectorId,
    category: p.category,
    find: (text: string, context: FreeTextContext) => findAll(regex, text, p.category, detectorId, context),
  };
}

function findAll(regex: RegExp, text: string, category: CustomPattern['category'], detectorId: string, context: FreeTextContext): Candidate[] {
  const out: Candidate[] = [];
  let lastEnd = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    for (let s = lineStart; s < lineEnd || s === lineStart; s += SLICE) {
      const e = Math.min(lineEnd, s + SLICE + OVERLAP);
      const part = text.slice(s, e);
      if (context.meter) context.meter.steps += part.length;
      regex.lastIndex = 0;
      for (let m = regex.exec(part); m; m = regex.exec(part)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const start = s + m.index;
        const end = start + m[0].length;
        if (start >= lastEnd) {
          out.push({ start, end, category, detectorId, confidence: 'medium', redacted: redact(category, m[0]) });
          lastEnd = end;
        }
      }
      if (e >= lineEnd) break;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return out;
}

/** Compiles a site's own identifier patterns; rejects patterns that could backtrack catastrophically. */
export function compileCustomPatterns(patterns: readonly CustomPattern[]): Detector[] {
  // Pushed, not map()ped: the list map() makes has another elements kind when scanDocument is optimised, and the
  // free-text pass that walks it was deoptimised on the difference.
  const detectors: Detector[] = [];
  for (const p of patterns) detectors.push(compileOne(p));
  return detectors;
}
