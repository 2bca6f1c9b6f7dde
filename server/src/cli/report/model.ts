/**
 * What a lint run reports, in the plain shape every formatter reads and workers send back. Positions are
 * 1-based lines and columns in UTF-16 code units; `endColumn` is exclusive (one past the last character), as
 * in SARIF regions. There is no field for the matched value: the message holds at most a redacted label.
 */
import type { FindingCategory, Severity } from '../../engine';

export interface ReportFinding {
  /** The path as given on the command line, joined with the path below it. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly message: string;
  /** Salted hash for baselines; only when a salt was given, and never printed. */
  readonly fingerprint?: string;
}

/** A file that could not be scanned; the message never quotes its content. */
export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

/** What the end of a report says, known once every file is done (findings were written as files completed). */
export interface RunSummary {
  /** Sorted by compareProblems. */
  readonly errors: readonly FileProblem[];
  /** Files read and scanned (with or without findings). */
  readonly filesScanned: number;
  /** Findings hidden because the baseline already holds them. */
  readonly baselined: number;
  /** Reported findings per severity. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Files with at least one reported finding. */
  readonly filesWithFindings: number;
}

/**
 * A report format written as the run goes: `begin`, then once per file with reported findings (files in path
 * order, each file's findings sorted by compareFindings) either `file` or `rendered`, then `end`. Memory stays
 * one file's findings.
 */
export interface ReportWriter {
  begin(): void;
  file(findings: readonly ReportFinding[]): void;
  /**
   * A file's findings as the format's FileRenderer wrote them (`count` of them), e.g. by a scan worker.
   * `written` is called once the block's bytes are written out and no longer referenced, so they can be reused.
   */
  rendered(block: RenderedBlock | Uint8Array, count: number, written?: () => void): void;
  end(summary: RunSummary): void;
}

/** Which format a report is in, in a form a worker can receive and build the same FileRenderer from. */
export type ReportFormat =
  | { readonly format: 'json' }
  | { readonly format: 'sarif' }
  | { readonly format: 'text'; readonly color: boolean };

/**
 * A file's findings as a format writes them: pieces of text that, joined, are the block. Each piece stays well
 * under V8's large-object size (see BlockBuilder), so a block of thousands of findings never becomes one big
 * string: that string got pages of its own from the OS, on every file.
 */
export type RenderedBlock = readonly string[];

/**
 * One file's findings as a format writes them, without what separates them from the previous file; pure, so a
 * scan worker renders its own files and the main thread only writes. Undefined when the file needs the
 * writer's state (a SARIF result for a rule the registry does not list).
 */
export type FileRenderer = (findings: readonly ReportFinding[]) => RenderedBlock | undefined;

/** Every severity, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Whether a finding of this severity is reported under --quiet (errors only). */
export function reportedWhenQuiet(severity: Severity): boolean {
  return severity === 'error';
}

/** Reported findings per severity. */
export type SeverityCounts = Record<Severity, number>;

export function severityCounts(findings: readonly ReportFinding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function reportedCount(summary: RunSummary): number {
  return summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.info;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Code-point order, so output does not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || a.endLine - b.endLine
    || a.endColumn - b.endColumn || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

export function compareProblems(a: FileProblem, b: FileProblem): number {
  return compareText(a.file, b.file) || compareText(a.message, b.message);
}
