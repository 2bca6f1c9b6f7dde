/**
 * Builds a TextSlice piece by piece (verbatim runs of the file, single decoded escapes) and can cut a logical
 * sub-range out of it afterwards, so a reader can drop a magic line after it has seen the whole cell.
 */
import type { TextSlice } from '../model';
import { OffsetMap } from '../positions';

export class SliceBuilder {
  private readonly parts: string[] = [];
  /**
   * Flat triples per segment: file start, file length, logical length. Verbatim segments have equal lengths;
   * an escape is one logical unit written as two or more file characters.
   */
  private readonly segments: number[] = [];
  private logicalLength = 0;
  private joined: string | undefined;

  constructor(private readonly fileText: string) {}

  get length(): number {
    return this.logicalLength;
  }

  /** Appends file text [fileStart, fileEnd) as it is (an end offset, unlike OffsetMap.addVerbatim's length). */
  addFileRange(fileStart: number, fileEnd: number): void {
    if (fileEnd <= fileStart) return;
    this.joined = undefined;
    this.parts.push(this.fileText.slice(fileStart, fileEnd));
    this.segments.push(fileStart, fileEnd - fileStart, fileEnd - fileStart);
    this.logicalLength += fileEnd - fileStart;
  }

  /** Appends one logical UTF-16 code unit written in the file as `fileLength` characters. */
  addEscape(fileStart: number, fileLength: number, char: string): void {
    this.joined = undefined;
    this.parts.push(char);
    this.segments.push(fileStart, fileLength, 1);
    this.logicalLength += 1;
  }

  /** The logical text so far. */
  text(): string {
    this.joined ??= this.parts.join('');
    return this.joined;
  }

  /** The slice of logical [from, to); defaults to everything. Its OffsetMap is built on first use. */
  build(from = 0, to = this.logicalLength): TextSlice {
    const whole = this.text();
    const text = from === 0 && to === this.logicalLength ? whole : whole.slice(from, to);
    return new BuiltSlice(text, () => this.mapOf(from, to));
  }

  private mapOf(from: number, to: number): OffsetMap {
    const map = new OffsetMap();
    let logical = 0;
    for (let i = 0; i < this.segments.length && logical < to; i += 3) {
      const fileStart = this.segments[i];
      const fileLength = this.segments[i + 1];
      const logicalLen = this.segments[i + 2];
      const segEnd = logical + logicalLen;
      if (segEnd > from) {
        if (fileLength === logicalLen) {
          const a = Math.max(from, logical);
          const b = Math.min(to, segEnd);
          map.addVerbatim(fileStart + (a - logical), b - a);
        } else {
          map.addEscape(fileStart, fileLength);
        }
      }
      logical = segEnd;
    }
    return map;
  }
}

/** A slice of file text copied verbatim. */
export function verbatimSlice(fileText: string, start: number, end: number): TextSlice {
  return new VerbatimSlice(fileText.slice(start, end), start);
}

/**
 * Slices make their OffsetMap when it is first read: only values that become findings are ever mapped, and
 * an output table can hold hundreds of thousands of values (one small object each keeps the collector calm).
 * `map` is a getter, so copy a slice by reference, not by spreading it.
 */
class VerbatimSlice implements TextSlice {
  private built: OffsetMap | undefined;

  constructor(readonly text: string, private readonly fileStart: number) {}

  get map(): OffsetMap {
    this.built ??= OffsetMap.verbatim(this.fileStart, this.text.length);
    return this.built;
  }
}

class BuiltSlice implements TextSlice {
  private built: OffsetMap | undefined;

  constructor(readonly text: string, private readonly makeMap: () => OffsetMap) {}

  get map(): OffsetMap {
    this.built ??= this.makeMap();
    return this.built;
  }
}
