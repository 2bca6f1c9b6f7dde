/**
 * Analyzers check files for rules that are not about PHI text in regions: cluster specs, bundles, Unity
 * Catalog masks. Each registers once; scanText runs every analyzer that applies to a path.
 */
import type { ResolvedConfig } from './config';
import type { Finding, ScanDocument } from './model';

export interface AnalyzerInput {
  readonly path: string;
  readonly text: string;
  /** Present when the file is also a notebook or code file the PHI scan read. */
  readonly document?: ScanDocument;
  readonly config: ResolvedConfig;
  /** Extra inputs a face supplies, e.g. a Unity Catalog snapshot under `ucSnapshot`. */
  readonly inputs: Readonly<Record<string, unknown>>;
}

/**
 * An analyzer whose findings in a cell depend on that cell alone (its text and index, the config, the named
 * inputs, and suppressions in the cell or file-wide): given a document of one cell, it finds what it would find
 * in that cell of the whole file, at offsets counted from the cell's start. The editor then keeps its findings
 * with the cell's and re-analyses only edited cells.
 */
export interface CellLocality {
  /** The keys of `AnalyzerInput.inputs` it reads: cached findings are dropped when one of them changes. */
  readonly inputs: readonly string[];
}

export interface FileAnalyzer {
  readonly id: string;
  appliesTo(path: string): boolean;
  analyze(input: AnalyzerInput): Finding[];
  /** Set only when nothing it reports in a cell depends on another cell (see CellLocality). */
  readonly cellLocal?: CellLocality;
}

const analyzers: FileAnalyzer[] = [];

export function registerAnalyzer(analyzer: FileAnalyzer): void {
  if (!analyzers.some((a) => a.id === analyzer.id)) analyzers.push(analyzer);
}

export function analyzersFor(path: string): FileAnalyzer[] {
  return analyzers.filter((a) => a.appliesTo(path));
}
