/**
 * The document model every face shares. A file is read once into cells and regions; each region is a
 * TextSlice whose OffsetMap leads back to the exact offset in the file on disk, so detectors only ever see
 * plain strings and offsets, and positions are mapped in one place.
 */
import type { OffsetMap } from './positions';

export type Language = 'python' | 'sql' | 'scala' | 'r' | 'markdown' | 'shell' | 'text';

/** Where text sits, which decides the rule that reports it. */
export type RegionKind = 'code' | 'comment' | 'markdown' | 'title' | 'output' | 'widget';

/** The cell index of a finding in no cell: a value a notebook saves with its widgets. */
export const NO_CELL = -1;

export const CATEGORIES = [
  'name', 'geographic', 'date', 'age-over-89', 'phone', 'fax', 'email', 'ssn', 'mrn', 'health-plan-id',
  'account-number', 'license-number', 'vehicle-id', 'device-id', 'url', 'ip-address', 'biometric', 'other-id',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Findings about configuration (clusters, Unity Catalog masks) carry `compliance` rather than a PHI kind. */
export type FindingCategory = Category | 'compliance';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A piece of text in logical form (escapes decoded, notebook prefixes stripped) and its way back to the file. */
export interface TextSlice {
  readonly text: string;
  readonly map: OffsetMap;
}

export type FileFormat = 'source-notebook' | 'ipynb' | 'plain' | 'markdown';

/** A value typed by the column or key it sits under (a table header, a JSON key, Databricks output schema). */
export interface KeyedSlice {
  readonly key: string;
  readonly value: TextSlice;
  /**
   * The struct columns and fields the value is nested in, outermost first: `["guardian"]` for the `phone` field of
   * a Databricks result's `guardian` struct column. Empty or absent for a value of the row itself.
   */
  readonly path?: readonly string[];
}

/** The mime of an output region holding a Databricks `display()` result read from the output's metadata. */
export const DATABRICKS_TABLE = 'databricks-table';

/** One output of a notebook cell: text to read as prose, and values already typed by a table header or key. */
export interface OutputRegion {
  readonly outputIndex: number;
  /** e.g. 'stream', 'text/plain', 'text/html', 'application/json', 'error', 'databricks-table'. */
  readonly mime: string;
  readonly texts: readonly TextSlice[];
  readonly keyed: readonly KeyedSlice[];
}

export interface NotebookCell {
  /** 0-based position of the cell in the notebook; plain files are one cell. */
  readonly index: number;
  readonly kind: 'code' | 'markdown';
  readonly language: Language;
  /** Cell source without notebook framing (`# MAGIC ` prefixes, the `%sql` magic line, JSON escapes). */
  readonly source: TextSlice;
  readonly title?: TextSlice;
  readonly outputs: readonly OutputRegion[];
  /** Offsets in the file text that the whole cell covers (for cell-level suppression and output fixes). */
  readonly fileStart: number;
  readonly fileEnd: number;
}

export interface ScanDocument {
  readonly path: string;
  readonly format: FileFormat;
  /** The file text as scanned: decoded UTF-8 (or UTF-16 with a BOM) with any BOM removed. */
  readonly text: string;
  readonly cells: readonly NotebookCell[];
  /**
   * The values a Databricks export saves with its widgets (what was typed in, the defaults, a dropdown's choices),
   * keyed by each widget's name. They are no cell's: clearing a cell's outputs leaves them in the file.
   */
  readonly widgets?: readonly KeyedSlice[];
}

/** A range in the file text, 0-based lines and UTF-16 characters (as LSP counts them). */
export interface FileRange {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export type FixKind = 'parameterise' | 'redact' | 'clear-output' | 'suppress' | 'add-column-mask' | 'fix-cluster-setting';

/**
 * What every face needs to report a finding. It never carries the matched text: only its kind, where it is
 * and a redacted label. That is what keeps PHI inside the file it was found in.
 */
export interface Finding {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly message: string;
  readonly redacted: string;
  readonly range: FileRange;
  /** `config` for findings from analyzers of cluster specs, bundles and Unity Catalog metadata. */
  readonly regionKind: RegionKind | 'config';
  readonly cellIndex: number;
  readonly outputIndex?: number;
  /** The column or key that typed the value (a column name is not PHI). */
  readonly contextKey?: string;
  /** Salted hash of rule, category, file and value, for baselines; present only when a salt was given. */
  readonly fingerprint?: string;
  readonly fixes: readonly FixKind[];
}

/** A file that could not be scanned, and why (never with file content in the message). */
export interface ScanError {
  readonly path: string;
  readonly message: string;
}
