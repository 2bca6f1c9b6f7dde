/**
 * Cell magics (`%sql`, `%md`, ...) decide a notebook cell's language. Shared by source notebooks (after the
 * `# MAGIC ` prefix is stripped) and .ipynb cells, so both read a cell the same way.
 */
import type { Language } from '../model';

export interface CellMagic {
  readonly kind: 'code' | 'markdown';
  readonly language: Language;
}

const MAGICS: Readonly<Record<string, CellMagic>> = {
  '%md': { kind: 'markdown', language: 'markdown' },
  '%md-sandbox': { kind: 'markdown', language: 'markdown' },
  '%sql': { kind: 'code', language: 'sql' },
  '%python': { kind: 'code', language: 'python' },
  '%scala': { kind: 'code', language: 'scala' },
  '%r': { kind: 'code', language: 'r' },
  '%sh': { kind: 'code', language: 'shell' },
  // %pip/%run/%fs take shell-like arguments (paths, package pins, `$param="value"`).
  '%pip': { kind: 'code', language: 'shell' },
  '%run': { kind: 'code', language: 'shell' },
  '%fs': { kind: 'code', language: 'shell' },
  // Jupyter cell magics that change the language.
  '%%sql': { kind: 'code', language: 'sql' },
  '%%sh': { kind: 'code', language: 'shell' },
  '%%bash': { kind: 'code', language: 'shell' },
};

export interface MagicLine {
  readonly magic: CellMagic;
  /** Logical offset where the cell body starts: after the magic word, or on the next line if nothing follows. */
  readonly bodyStart: number;
}

/**
 * The magic on the first non-blank line of `source`, if it is one we know. Text after the magic word on the
 * same line (`%md ## Heading`, `%run ./x $a="b"`) stays part of the body.
 */
export function findMagicLine(source: string): MagicLine | undefined {
  let i = 0;
  while (i < source.length && isSpace(source.charCodeAt(i))) i++;
  // Reads stay inside the source: one past its end (a blank cell) deoptimises the cell reader this is inlined in.
  if (i === source.length || source.charCodeAt(i) !== 0x25) return undefined;
  let end = i + 1;
  if (end < source.length && source.charCodeAt(end) === 0x25) end++;
  while (end < source.length && isMagicWordChar(source.charCodeAt(end))) end++;
  const magic = MAGICS[source.slice(i, end).toLowerCase()];
  if (!magic || (end < source.length && !isSpace(source.charCodeAt(end)))) return undefined;
  let body = end;
  while (body < source.length && (source.charCodeAt(body) === 0x20 || source.charCodeAt(body) === 0x09)) body++;
  if (body < source.length && source.charCodeAt(body) === 0x0d) body++;
  if (body < source.length && source.charCodeAt(body) === 0x0a) body++;
  return { magic, bodyStart: body };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isMagicWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x5f;
}
