/**
 * A file's result as workers post it: findings in columns (positions in one typed array, each distinct
 * rule/category/severity once) instead of one cloned object per finding, so a file with thousands of findings
 * is a few arrays to copy and the positions' buffer is transferred, not copied. Like every finding it holds no
 * matched value: only positions, rule ids and already-redacted messages.
 */
import type { FindingCategory, Severity } from '../../engine';
import type { FileProblem, ReportFinding } from '../report/model';
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

export function packResult(result: FileResult): PackedResult {
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
    ...(result.rendered ? { rendered: { ...result.rendered, block: encodeBlock(result.rendered.block) } } : {}),
    numbers,
    kinds,
    messages: findings.map((f) => f.message),
    ...(withFingerprints ? { fingerprints: findings.map((f) => f.fingerprint) } : {}),
  };
}

const encoder = new TextEncoder();

/** A block as bytes with a buffer of its own, which the worker can transfer (Buffer.from may share a pooled slab). */
function encodeBlock(block: string | Uint8Array): Uint8Array {
  return typeof block === 'string' ? encoder.encode(block) : block;
}

/** The buffers a packed result can hand over instead of copying. */
export function transferablesOf(packed: PackedResult): ArrayBuffer[] {
  const buffers = [packed.numbers.buffer as ArrayBuffer];
  if (packed.rendered && typeof packed.rendered.block !== 'string') buffers.push(packed.rendered.block.buffer as ArrayBuffer);
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
