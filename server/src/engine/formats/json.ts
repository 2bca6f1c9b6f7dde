/**
 * A JSON scanner that keeps file offsets. JSON.parse loses where a string sat in the file, and every finding
 * in a notebook must point at the exact characters on disk, so each node records its raw span and strings
 * are decoded only when a reader asks for them (an embedded image is scanned past, never copied).
 * Linear time: strings are skipped with indexOf, and nesting deeper than MAX_DEPTH is rejected.
 */
import { ScanInputError } from './errors';
import type { SliceBuilder } from './sliceBuilder';

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

interface Span {
  /** File offset of the value's first character (a quote, brace, bracket, digit or letter). */
  readonly start: number;
  /** File offset just past its last character. */
  readonly end: number;
}

export interface JsonObject extends Span {
  readonly kind: 'object';
  readonly entries: readonly JsonEntry[];
}

export interface JsonEntry {
  readonly key: string;
  readonly value: JsonNode;
}

export interface JsonArray extends Span {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}

/** Span includes the quotes; `escaped` says whether any backslash occurs inside. */
export interface JsonString extends Span {
  readonly kind: 'string';
  readonly escaped: boolean;
}

export interface JsonNumber extends Span {
  readonly kind: 'number';
}

export interface JsonLiteral extends Span {
  readonly kind: 'literal';
}

const MAX_DEPTH = 512;
const LITERALS = ['true', 'false', 'null'];

/** The character of each one-letter escape (`\n` → LF), listed by the letter's code: a lookup per escape, no hash. */
const SIMPLE_ESCAPES: readonly (string | undefined)[] = simpleEscapes({
  0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t',
});

function simpleEscapes(byCode: Record<number, string>): (string | undefined)[] {
  const list = new Array<string | undefined>(128).fill(undefined);
  for (const [code, char] of Object.entries(byCode)) list[Number(code)] = char;
  return list;
}

/** Where a search found nothing: a small integer past any string offset, so the cached positions stay integers. */
const NOWHERE = 0x3fffffff;

/** Parses `text` as one JSON value; throws ScanInputError with a line and column, never with content. */
export function parseJson(text: string): JsonNode {
  const reader = new JsonReader(text);
  const value = reader.node();
  reader.finish();
  return value;
}

export type JsonKind = JsonNode['kind'];

/**
 * Reads JSON in file order, for a caller that knows which parts it needs: it walks objects and arrays
 * member by member, takes a string's span, builds a node tree only for small parts, and skips the rest
 * without allocating (a notebook's images, execution counts, widget state). Every part is validated as it
 * is passed, so a malformed file fails at the same offset with the same message however it was read.
 */
export class JsonReader {
  private pos = 0;
  /** How many objects and arrays enclose the next value. */
  private depth = 0;
  /** Cached position of the next backslash at or after some earlier point, so string scanning stays linear. */
  private nextBackslash = -1;
  private nextQuote = -1;

  constructor(readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
  }

  /** File offset of the next value's first character. */
  get offset(): number {
    return this.pos;
  }

  /** The kind of the next value, judged by its first character (the value itself is checked when read). */
  kind(): JsonKind {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b) return 'object';
    if (c === 0x5b) return 'array';
    if (c === 0x22) return 'string';
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'number';
    return 'literal';
  }

  /** Reads an object; `onMember` is called with each key and must read or skip that member's value. */
  members(onMember: (key: string) => void): void {
    this.enter();
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.leave();
      return;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail(this.pos);
      const key = decodeJsonString(this.text, this.string());
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail(this.pos);
      this.pos++;
      this.skipWhitespace();
      this.checkDepth();
      onMember(key);
      if (this.endOfList(0x7d)) return;
    }
  }

  /** Reads an array; `onItem` is called with each index and must read or skip that item. */
  items(onItem: (index: number) => void): void {
    this.enter();
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.leave();
      return;
    }
    for (let index = 0; ; index++) {
      this.checkDepth();
      onItem(index);
      if (this.endOfList(0x5d)) return;
    }
  }

  /** Reads a string value as its span. */
  string(): JsonString {
    const start = this.pos;
    const escaped = this.passString();
    return { kind: 'string', start, end: this.pos, escaped };
  }

  /** Reads the next value as a node tree. */
  node(): JsonNode {
    const start = this.pos;
    let node: JsonNode;
    switch (this.kind()) {
      case 'object': {
        const entries: JsonEntry[] = [];
        this.members((key) => entries.push({ key, value: this.node() }));
        node = { kind: 'object', start, end: this.pos, entries };
        break;
      }
      case 'array': {
        const items: JsonNode[] = [];
        this.items(() => items.push(this.node()));
        node = { kind: 'array', start, end: this.pos, items };
        break;
      }
      case 'string':
        return this.string();
      case 'number':
        this.passNumber();
        node = { kind: 'number', start, end: this.pos };
        break;
      default:
        this.passLiteral();
        node = { kind: 'literal', start, end: this.pos };
    }
    return node;
  }

  /**
   * Passes over the next value, validating it, without building anything. One loop with a stack of open
   * containers, not a call and a closure per level: much of a notebook (result tables kept in output data,
   * widget state) is skipped here. Each step checks what members() and items() check, in their order.
   */
  skip(): void {
    const t = this.text;
    /** The closing character of each container this skip has opened and not yet closed. */
    const closers: number[] = [];
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x7b || c === 0x5b) {
        const closer = c === 0x7b ? 0x7d : 0x5d;
        this.enter();
        this.skipWhitespace();
        if (t.charCodeAt(this.pos) !== closer) {
          closers.push(closer);
          if (closer === 0x7d) this.passKey();
          this.checkDepth();
          continue;
        }
        this.pos++;
        this.leave();
      } else if (c === 0x22) {
        this.passString();
      } else if (c === 0x2d || isDigit(c)) {
        this.passNumber();
      } else {
        this.passLiteral();
      }
      // After a value: close what ends here, then go on to the next member or item, if any.
      for (;;) {
        if (closers.length === 0) return;
        const closer = closers[closers.length - 1];
        if (!this.endOfList(closer)) {
          if (closer === 0x7d) this.passKey();
          this.checkDepth();
          break;
        }
        closers.pop();
      }
    }
  }

  /**
   * A member's key and the colon after it, as members() reads them. An escaped key is decoded all the same,
   * so a key that JSON.parse refuses fails alike whether its object is read or skipped.
   */
  private passKey(): void {
    const t = this.text;
    if (t.charCodeAt(this.pos) !== 0x22) this.fail(this.pos);
    const start = this.pos;
    if (this.passString()) decodeJsonString(t, { kind: 'string', start, end: this.pos, escaped: true });
    this.skipWhitespace();
    if (t.charCodeAt(this.pos) !== 0x3a) this.fail(this.pos);
    this.pos++;
    this.skipWhitespace();
  }

  /** Checks that nothing but whitespace follows the top-level value. */
  finish(): void {
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(this.pos);
  }

  private enter(): void {
    this.depth++;
    this.pos++;
  }

  /** Deep nesting is refused before the value inside is read: readers recurse once per level. */
  private checkDepth(): void {
    if (this.depth > MAX_DEPTH) throw new ScanInputError('JSON nested too deeply');
  }

  private leave(): void {
    this.depth--;
  }

  /** After a member or item: true past the closing bracket, false past a comma (another one follows). */
  private endOfList(closer: number): boolean {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    this.pos++;
    if (c === closer) {
      this.leave();
      return true;
    }
    if (c !== 0x2c) this.fail(this.pos - 1);
    this.skipWhitespace();
    return false;
  }

  private skipWhitespace(): void {
    const t = this.text;
    let i = this.pos;
    // Bounded: a read past the end (after the document's last value) deoptimised this loop once per isolate,
    // and its optimised code then called charCodeAt instead of inlining it.
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.pos = i;
  }

  private fail(offset: number): never {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, this.text.length);
    for (let i = this.text.indexOf('\n'); i >= 0 && i < end; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new ScanInputError(`malformed notebook JSON at line ${line}, column ${end - lineStart + 1}`);
  }

  /** Moves past a string from its opening quote; returns whether it holds any escape. */
  private passString(): boolean {
    const t = this.text;
    let i = this.pos + 1;
    let escaped = false;
    for (;;) {
      // Both searches are cached: re-searching from every escape for a far quote would be quadratic.
      if (this.nextQuote < i) {
        const q = t.indexOf('"', i);
        this.nextQuote = q < 0 ? NOWHERE : q;
      }
      const quote = this.nextQuote;
      if (quote === NOWHERE) this.fail(t.length);
      if (this.nextBackslash < i) {
        const b = t.indexOf('\\', i);
        this.nextBackslash = b < 0 ? NOWHERE : b;
      }
      if (this.nextBackslash > quote) {
        this.pos = quote + 1;
        return escaped;
      }
      escaped = true;
      i = this.escapeEnd(this.nextBackslash);
    }
  }

  /** Validates the escape at `at` (a backslash) and returns the offset after it. */
  private escapeEnd(at: number): number {
    const c = this.text.charCodeAt(at + 1);
    if (c === 0x75) {
      for (let k = at + 2; k < at + 6; k++) if (!isHex(this.text.charCodeAt(k))) this.fail(k);
      return at + 6;
    }
    if (SIMPLE_ESCAPES[c] === undefined) this.fail(at + 1);
    return at + 2;
  }

  private passNumber(): void {
    const t = this.text;
    let i = this.pos;
    if (t.charCodeAt(i) === 0x2d) i++;
    const intStart = i;
    while (isDigit(t.charCodeAt(i))) i++;
    if (i === intStart) this.fail(i);
    if (t.charCodeAt(i) === 0x2e) {
      const fracStart = ++i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === fracStart) this.fail(i);
    }
    const e = t.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = t.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      const expStart = i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === expStart) this.fail(i);
    }
    this.pos = i;
  }

  private passLiteral(): void {
    for (const word of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(this.pos);
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The decoded value of a (validated) JSON string node. */
export function decodeJsonString(text: string, node: JsonString): string {
  if (!node.escaped) return text.slice(node.start + 1, node.end - 1);
  return JSON.parse(text.slice(node.start, node.end)) as string;
}

/**
 * Appends a string node's content to a slice: plain runs verbatim, each escape as one logical character
 * mapped to its escape sequence in the file (`\uXXXX` of a surrogate pair gives two code units, one each).
 */
export function appendJsonString(builder: SliceBuilder, text: string, node: JsonString): void {
  const end = node.end - 1;
  let run = node.start + 1;
  if (!node.escaped) {
    builder.addFileRange(run, end);
    return;
  }
  // Jump from escape to escape: most notebook strings are one line with a single `\n` at its end. The
  // searches run from one backslash to the next, so across the file they cover each character once.
  for (let i = text.indexOf('\\', run); i >= 0 && i < end; i = text.indexOf('\\', run)) {
    builder.addFileRange(run, i);
    const c = text.charCodeAt(i + 1);
    if (c === 0x75) {
      builder.addEscape(i, 6, String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
      run = i + 6;
    } else {
      builder.addEscape(i, 2, SIMPLE_ESCAPES[c] as string);
      run = i + 2;
    }
  }
  builder.addFileRange(run, end);
}

/** The entry value under `key`, if `node` is an object that has it. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (const entry of node.entries) if (entry.key === key) return entry.value;
  return undefined;
}

/** The decoded string under `key`, if it is a string. */
export function stringMember(text: string, node: JsonNode | undefined, key: string): string | undefined {
  const value = member(node, key);
  return value?.kind === 'string' ? decodeJsonString(text, value) : undefined;
}
