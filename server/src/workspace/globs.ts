/**
 * A small glob matcher for `include` / `exclude` in .phisafe.json: `**` (any number of folders), `*` (any run
 * of characters inside one path segment), `?` (one character) and `{a,b}` alternatives. No regular
 * expressions: segments are matched with the two-pointer wildcard walk, so a hostile pattern cannot make
 * matching blow up (cost is at most pattern length × path length).
 *
 * Paths are relative, with `/` separators. A pattern without a `/` (other than a trailing one) matches at any
 * depth, as in .gitignore (`*.sql` means every SQL file); a pattern that matches a folder matches everything
 * below it (`build` or `build/` excludes `build/a/b.py`).
 */

export type GlobMatcher = (relativePath: string) => boolean;

/** Brace expansion is capped so `{a,b}{c,d}…` cannot multiply without bound. */
const MAX_ALTERNATIVES = 256;

export class GlobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlobError';
  }
}

export function compileGlob(pattern: string): GlobMatcher {
  const alternatives = expandBraces(pattern.trim()).map(toSegments);
  return (relativePath) => {
    const parts = relativePath.split('/').filter((p) => p !== '' && p !== '.');
    return alternatives.some((segments) => matchesPathOrAncestor(segments, parts));
  };
}

export function compileGlobs(patterns: readonly string[]): GlobMatcher {
  const matchers = patterns.map(compileGlob);
  return (relativePath) => matchers.some((m) => m(relativePath));
}

function toSegments(pattern: string): string[] {
  let p = pattern.replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  while (p.endsWith('/')) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const segments = p.split('/').filter((s) => s !== '' && s !== '.');
  // Collapse runs of `**`: they mean the same and would only cost time.
  const collapsed = segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**'));
  return anchored || collapsed[0] === '**' ? collapsed : ['**', ...collapsed];
}

/** True when the pattern matches the path itself or one of the folders that contain it. */
function matchesPathOrAncestor(segments: readonly string[], parts: readonly string[]): boolean {
  for (let n = parts.length; n >= 1; n--) {
    if (matchSegments(segments, parts, n)) return true;
  }
  return false;
}

/** Wildcard walk over segments (`**` is the star), on the first `count` path parts. */
function matchSegments(segments: readonly string[], parts: readonly string[], count: number): boolean {
  let s = 0;
  let p = 0;
  let starS = -1;
  let starP = 0;
  while (p < count) {
    if (s < segments.length && segments[s] === '**') {
      starS = s++;
      starP = p;
    } else if (s < segments.length && matchSegment(segments[s], parts[p])) {
      s++;
      p++;
    } else if (starS >= 0) {
      s = starS + 1;
      p = ++starP;
    } else {
      return false;
    }
  }
  while (s < segments.length && segments[s] === '**') s++;
  return s === segments.length;
}

/** Wildcard walk over characters (`*` is the star, `?` any one character). */
function matchSegment(pattern: string, text: string): boolean {
  let i = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern[i];
    if (i < pattern.length && (c === '?' || c === text[t]) && c !== '*') {
      i++;
      t++;
    } else if (c === '*') {
      star = i++;
      mark = t;
    } else if (star >= 0) {
      i = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[i] === '*') i++;
  return i === pattern.length;
}

/** Expands the first top-level `{…}` group, then recurses into each result. */
export function expandBraces(pattern: string): string[] {
  const out: string[] = [];
  const pending = [pattern];
  while (pending.length) {
    const p = pending.pop() as string;
    const group = firstBraceGroup(p);
    if (!group) {
      out.push(p);
    } else {
      const head = p.slice(0, group.start);
      const tail = p.slice(group.end + 1);
      for (const option of group.options) pending.push(head + option + tail);
    }
    if (out.length + pending.length > MAX_ALTERNATIVES) {
      throw new GlobError(`glob "${pattern}" expands to more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return out.reverse();
}

function firstBraceGroup(p: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = p.indexOf('{'); start >= 0; start = p.indexOf('{', start + 1)) {
    let depth = 0;
    let optionStart = start + 1;
    const options: string[] = [];
    for (let i = start; i < p.length; i++) {
      const c = p[i];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        options.push(p.slice(optionStart, i));
        // `{a}` alone is literal text, as in shells; look for a later group instead.
        if (options.length > 1) return { start, end: i, options };
        break;
      } else if (c === ',' && depth === 1) {
        options.push(p.slice(optionStart, i));
        optionStart = i + 1;
      }
    }
  }
  return undefined;
}
