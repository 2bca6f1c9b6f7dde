/**
 * Positions are mapped once: a TextSlice's logical offsets go through its OffsetMap to file offsets, and a
 * LineIndex turns file offsets into 0-based line/character pairs.
 */

/**
 * Piecewise map from logical offsets to file offsets. A verbatim segment maps one logical character to one
 * file character; an escape segment (JSON `\n`, `\u00e9`) maps one logical character to several.
 */
export class OffsetMap {
  private readonly logicalStarts: number[] = [];
  private readonly fileStarts: number[] = [];
  private readonly fileLengths: number[] = [];
  private readonly verbatim: boolean[] = [];
  private logicalEnd = 0;
  /** The segment last looked up: findings are placed in order, so the next lookup is mostly there or just after. */
  private lastSegment = 0;

  /** A map for text copied verbatim from the file starting at `fileStart`. */
  static verbatim(fileStart: number, length: number): OffsetMap {
    const map = new OffsetMap();
    map.addVerbatim(fileStart, length);
    return map;
  }

  /** Appends `length` logical characters copied verbatim from the file at `fileStart`. */
  addVerbatim(fileStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.logicalStarts.length - 1;
    if (last >= 0 && this.verbatim[last] && this.fileStarts[last] + this.fileLengths[last] === fileStart) {
      this.fileLengths[last] += length;
    } else {
      this.push(fileStart, length, true);
    }
    this.logicalEnd += length;
  }

  /** Appends one logical character written in the file as `fileLength` characters (an escape sequence). */
  addEscape(fileStart: number, fileLength: number): void {
    this.push(fileStart, fileLength, false);
    this.logicalEnd += 1;
  }

  get length(): number {
    return this.logicalEnd;
  }

  /** File offset where the logical character at `offset` starts. */
  toFile(offset: number): number {
    const i = this.segmentAt(offset);
    if (i < 0) return 0;
    const delta = offset - this.logicalStarts[i];
    return this.verbatim[i] ? this.fileStarts[i] + delta : this.fileStarts[i] + (delta > 0 ? this.fileLengths[i] : 0);
  }

  /** File offset just past the logical character before `end` (an exclusive end). */
  toFileEnd(end: number): number {
    if (end <= 0) return this.toFile(0);
    const i = this.segmentAt(end - 1);
    if (i < 0) return 0;
    if (!this.verbatim[i]) return this.fileStarts[i] + this.fileLengths[i];
    return this.fileStarts[i] + (end - this.logicalStarts[i]);
  }

  private push(fileStart: number, fileLength: number, verbatim: boolean): void {
    this.logicalStarts.push(this.logicalEnd);
    this.fileStarts.push(fileStart);
    this.fileLengths.push(fileLength);
    this.verbatim.push(verbatim);
  }

  private segmentAt(offset: number): number {
    let lo = 0;
    let hi = this.logicalStarts.length - 1;
    if (hi < 0) return -1;
    if (offset >= this.logicalEnd && this.logicalEnd > 0) offset = this.logicalEnd - 1;
    const near = this.lastSegment;
    if (near <= hi && this.logicalStarts[near] <= offset) {
      if (near === hi || offset < this.logicalStarts[near + 1]) return near;
      if (near + 1 === hi || offset < this.logicalStarts[near + 2]) return (this.lastSegment = near + 1);
      lo = near + 2;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.logicalStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastSegment = lo);
  }
}

/** Line starts of a text, for offset → 0-based line/character (UTF-16 code units, as LSP and editors count). */
export class LineIndex {
  /**
   * Line starts in [0, lineCount), in a typed list grown by doubling: a document has as many lines as a notebook
   * file, and a plain array of them was several megabytes of garbage per large file.
   */
  private starts: Int32Array;
  private count = 1;
  /** The line last looked up (see OffsetMap.lastSegment). */
  private lastLine = 0;

  constructor(readonly text: string) {
    // Sized for lines of 32 characters, so a notebook's list is rarely regrown (each regrowth zeroes a new one).
    this.starts = new Int32Array(Math.max(64, text.length >> 5));
    // Most files have no CR: then native indexOf finds every break, far faster than a loop over characters.
    if (text.indexOf('\r') < 0) {
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.addLine(nl + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) this.addLine(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          this.addLine(i + 1);
        }
      }
    }
  }

  get lineCount(): number {
    return this.count;
  }

  private addLine(start: number): void {
    if (this.count === this.starts.length) {
      const next = new Int32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    this.starts[this.count++] = start;
  }

  position(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  /** The 0-based line holding `offset` (position() without an object, for callers that place many ranges). */
  lineOf(offset: number): number {
    // The search of OffsetMap.segmentAt, kept apart so each call site reads one kind of list: one function over
    // both this Int32Array and that number[] measured a few percent slower on the bench workload.
    let lo = 0;
    let hi = this.lineCount - 1;
    const near = this.lastLine;
    if (this.starts[near] <= offset) {
      if (near === hi || offset < this.starts[near + 1]) return near;
      if (near + 1 === hi || offset < this.starts[near + 2]) return (this.lastLine = near + 1);
      lo = near + 2;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  offset(line: number, character: number): number {
    if (line >= this.lineCount) return this.text.length;
    return Math.min(this.starts[line] + character, this.text.length);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(line, this.lineCount - 1)];
  }
}

/** Two independent 32-bit hashes of text[start, end): a cache key that keeps no copy of the text. */
export function textHashes(text: string, start: number, end: number): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a, b];
}

/** The start of the line `at` is on, read back at most `window` characters (lineAround's first half). */
export function lineStartWithin(text: string, at: number, window: number): number {
  const from = Math.max(0, at - window);
  let lineStart = at;
  while (lineStart > from && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  return lineStart;
}

/**
 * The bounds of the line around text[start, end), read at most `window` characters either side: a text of one
 * long line (a minified output) costs the window, not the line, for each value asked about.
 */
export function lineAround(text: string, start: number, end: number, window: number): [number, number] {
  const to = Math.min(text.length, end + window);
  const lineStart = lineStartWithin(text, start, window);
  let lineEnd = end;
  while (lineEnd < to && text.charCodeAt(lineEnd) !== 0x0a) lineEnd++;
  return [lineStart, lineEnd];
}
