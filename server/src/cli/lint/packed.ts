/**
 * A file's result as workers post it: findings in columns (positions in one typed array, each distinct
 * rule/category/severity once) instead of one cloned object per finding, so a file with thousands of findings
 * is a few arrays to copy and the positions' buffer is transferred, not copied. Like every finding it holds no
 * matched value: only positions, rule ids and already-redacted messages.
 */
import type { FindingCategory, Severity } from '../../engine';
import type { FileProblem, RenderedBlock, ReportFinding } from '../report/model';
import type { FileResult, RenderedFile } from './scanFile';

interface FindingKind {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
}

export interface PackedResult {
  readonly file: string;
  readonly error?: FileProblem;
  /** Per finding: line, column, endLine, endColumn, then its index in `kinds`. */
  readonly numbers: Int32Array;
  readonly kinds: readonly FindingKind[];
  readonly messages: readonly string[];
  /** A block the worker rendered in place of the findings (no baseline). */
  readonly rendered?: RenderedFile;
  /** Present when fingerprints were asked for (baselines). */
  readonly fingerprints?: readonly (string | undefined)[];
}

const FIELDS = 5;

export function packResult(result: FileResult, blocks: BlockEncoder): PackedResult {
  const { findings } = result;
  const numbers = new Int32Array(findings.length * FIELDS);
  const kinds: FindingKind[] = [];
  const kindIndex = new Map<string, number>();
  findings.forEach((f, i) => {
    const key = `${f.ruleId}\0${f.category}\0${f.severity}`;
    let k = kindIndex.get(key);
    if (k === undefined) {
      k = kinds.length;
      kindIndex.set(key, k);
      kinds.push({ ruleId: f.ruleId, category: f.category, severity: f.severity });
    }
    numbers.set([f.line, f.column, f.endLine, f.endColumn, k], i * FIELDS);
  });
  const withFingerprints = findings.some((f) => f.fingerprint !== undefined);
  return {
    file: result.file,
    ...(result.error ? { error: result.error } : {}),
    ...(result.rendered ? { rendered: { ...result.rendered, block: blocks.encode(result.rendered.block) } } : {}),
    numbers,
    kinds,
    messages: findings.map((f) => f.message),
    ...(withFingerprints ? { fingerprints: findings.map((f) => f.fingerprint) } : {}),
  };
}

const encoder = new TextEncoder();
/** Buffers a worker keeps for reuse; more come back only while the main thread's reorder window is full. */
const MAX_SPARES = 8;
/** The most UTF-8 bytes one UTF-16 unit can take. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Encodes a worker's report blocks, each into a buffer of its own that is transferred to the main thread (never
 * Buffer.from, which may share a pooled slab). The main thread hands each buffer back once written out, and it is
 * reused: otherwise a run leaves hundreds of MB of transferred buffers for the main thread's garbage collector,
 * which seldom runs there, and peak memory grows by tens of MB.
 */
export class BlockEncoder {
  private readonly spares: ArrayBuffer[] = [];

  encode(block: RenderedBlock | Uint8Array): Uint8Array {
    if (block instanceof Uint8Array) return block;
    let units = 0;
    for (const piece of block) units += piece.length;
    // UTF-8 takes at least a byte per UTF-16 unit: a buffer that size fits ASCII, and grows for multi-byte text.
    let buffer = this.spare(units) ?? new ArrayBuffer(units);
    let at = 0;
    for (const piece of block) {
      for (let read = 0; ;) {
        const done = encoder.encodeInto(read === 0 ? piece : piece.slice(read), new Uint8Array(buffer, at));
        at += done.written;
        read += done.read;
        units -= done.read;
        if (read === piece.length) break;
        buffer = this.grown(buffer, at, at + units * MAX_BYTES_PER_UNIT);
      }
    }
    return new Uint8Array(buffer, 0, at);
  }

  /** A buffer the main thread has written out. */
  giveBack(buffer: ArrayBuffer): void {
    if (this.spares.length < MAX_SPARES) this.spares.push(buffer);
  }

  private spare(bytes: number): ArrayBuffer | undefined {
    const at = this.spares.findIndex((b) => b.byteLength >= bytes);
    return at >= 0 ? this.spares.splice(at, 1)[0] : undefined;
  }

  /** A buffer of `bytes` holding the first `used` bytes of `buffer`, which is kept for a block it fits. */
  private grown(buffer: ArrayBuffer, used: number, bytes: number): ArrayBuffer {
    const larger = new ArrayBuffer(bytes);
    new Uint8Array(larger).set(new Uint8Array(buffer, 0, used));
    this.giveBack(buffer);
    return larger;
  }
}

/** The buffers a packed result can hand over instead of copying. */
export function transferablesOf(packed: PackedResult): ArrayBuffer[] {
  const buffers = [packed.numbers.buffer as ArrayBuffer];
  if (packed.rendered?.block instanceof Uint8Array) buffers.push(packed.rendered.block.buffer as ArrayBuffer);
  return buffers;
}

export function unpackResult(packed: PackedResult): FileResult {
  const { numbers, kinds, messages, fingerprints, file } = packed;
  const findings: ReportFinding[] = messages.map((message, i) => {
    const at = i * FIELDS;
    const kind = kinds[numbers[at + 4]];
    return {
      file,
      line: numbers[at],
      column: numbers[at + 1],
      endLine: numbers[at + 2],
      endColumn: numbers[at + 3],
      ruleId: kind.ruleId,
      category: kind.category,
      severity: kind.severity,
      message,
      fingerprint: fingerprints?.[i],
    };
  });
  if (packed.error) return { file, findings, error: packed.error };
  return packed.rendered ? { file, findings, rendered: packed.rendered } : { file, findings };
}
