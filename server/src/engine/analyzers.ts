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

export interface FileAnalyzer {
  readonly id: string;
  appliesTo(path: string): boolean;
  analyze(input: AnalyzerInput): Finding[];
}

const analyzers: FileAnalyzer[] = [];

export function registerAnalyzer(analyzer: FileAnalyzer): void {
  if (!analyzers.some((a) => a.id === analyzer.id)) analyzers.push(analyzer);
}

export function analyzersFor(path: string): FileAnalyzer[] {
  return analyzers.filter((a) => a.appliesTo(path));
}
