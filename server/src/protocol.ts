/**
 * Everything that crosses client ⇄ server, written once: settings, command ids and their arguments, custom
 * requests and the `data` every phisafe diagnostic carries. Both sides import this module, so it holds only
 * types and constants (no runtime imports: the client and server bundle different vscode-jsonrpc versions).
 * Nothing here ever carries a matched value: kinds, rule ids, positions and redacted labels only.
 */
import type { FindingCategory, FixKind, SeveritySetting } from './engine/model';

/** The `phisafe` settings section, read with `workspace/configuration` (scoped to a file's URI). */
export interface PhisafeSettings {
  readonly enable: boolean;
  /** Severity overrides by rule id; merged over `.phisafe.json` (settings win). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Whether saved `.ipynb` outputs are read from disk and reported on their cells. */
  readonly scanOutputs: boolean;
  /** Extra delay before an edit is scanned (0: scanned on the next turn of the event loop; bursts are merged either way). */
  readonly debounceMs: number;
  /** Overrides `.phisafe.json` maxFileSizeMB when set. */
  readonly maxFileSizeMB?: number;
  /**
   * Most diagnostics published for one file (the most severe first, then in document order), one of them saying
   * how many more there are. Unset: DEFAULT_MAX_DIAGNOSTICS_PER_FILE.
   */
  readonly maxDiagnosticsPerFile?: number;
  /** Unity Catalog and cluster lookups; withheld by the client (and ignored by the server) in untrusted workspaces. */
  readonly databricks: DatabricksSettings;
}

/** `phisafe.databricks.*`. Never a token: credentials stay in ~/.databrickscfg, the environment or the CLI's login. */
export interface DatabricksSettings {
  /** Profile in ~/.databrickscfg (or DATABRICKS_CONFIG_FILE); empty: only DATABRICKS_CONFIG_PROFILE / DATABRICKS_HOST from the environment. */
  readonly profile: string;
  /** Workspace URL, e.g. taken from the Databricks extension when the user accepts it. */
  readonly host: string;
  /** Path of a `phisafe uc snapshot` JSON file (relative to the workspace folder), used instead of live table lookups. */
  readonly snapshot: string;
  /** How long looked-up metadata is reused before it is read again. */
  readonly cacheTtlSeconds: number;
  /** Tag keys that mark a column as PHI; overrides `.phisafe.json` uc.phiTagKeys when set. */
  readonly phiTagKeys?: readonly string[];
}

export const DEFAULT_DATABRICKS_SETTINGS: DatabricksSettings = { profile: '', host: '', snapshot: '', cacheTtlSeconds: 600 };

/** `initializationOptions` the client sends: in an untrusted workspace the server never calls Databricks. */
export interface PhisafeInitializationOptions {
  readonly trusted?: boolean;
}

export const SETTINGS_SECTION = 'phisafe';

/**
 * 0: no timer. The server already coalesces: a scan starts on the next turn of the event loop (setImmediate),
 * after every message of the current read has been handled, so the several didChange messages an editor sends
 * for one paste, format or multi-cursor edit are scanned once, a superseded scan is dropped, and a single edit
 * is scanned at once. A delay here only adds to what the user waits for; the setting stays for those who want it.
 */
export const DEFAULT_DEBOUNCE_MS = 0;

/** VS Code's own limit per file (its extension host keeps the first 1,000 diagnostics, errors first). */
export const DEFAULT_MAX_DIAGNOSTICS_PER_FILE = 1000;

export const DEFAULT_SETTINGS: PhisafeSettings = {
  enable: true,
  rules: {},
  scanOutputs: true,
  debounceMs: DEFAULT_DEBOUNCE_MS,
  databricks: DEFAULT_DATABRICKS_SETTINGS,
};

/** Commands the server executes (listed in executeCommandProvider, so the client forwards them). */
export const ServerCommands = {
  /** Args: none. Returns WorkspaceScanSummary. */
  scanWorkspace: 'phisafe.scanWorkspace',
  /**
   * Args: [SuppressWithReasonArgs, reason?]. The VS Code client asks the user for the reason (middleware)
   * and appends it; a reason may also come as `args[0].reason`. The server refuses a suppression without one
   * and applies the comment with workspace/applyEdit.
   */
  suppressWithReason: 'phisafe.suppressWithReason',
  /** Args: none. Forgets cached Unity Catalog and cluster metadata, then rescans open documents. */
  refreshUnityCatalog: 'phisafe.refreshUnityCatalog',
} as const;

export const SERVER_COMMANDS: readonly string[] = Object.values(ServerCommands);

/** Commands the client implements; code actions of the server point at them. */
export const ClientCommands = {
  /**
   * No args: acts on the active notebook. Asks the server for `phisafe/outputFindings`, then clears those
   * outputs with the notebook API (outputs of an open notebook belong to the editor, not to the text).
   */
  clearOutputsWithPhi: 'phisafe.clearOutputsWithPhi',
  /** Optional arg: the table name. Asks for a table (phisafe/listTables), then lists its columns (phisafe/lookUpTable). */
  lookUpUnityCatalogMasks: 'phisafe.lookUpUnityCatalogMasks',
} as const;

export interface SuppressWithReasonArgs {
  /** Document the directive goes into: a file, or a notebook cell's URI. */
  readonly uri: string;
  readonly ruleId: string;
  /** 0-based line of the finding in that document. */
  readonly line: number;
  /** `line` covers the line and the next; `cell` the whole cell with its title and outputs. */
  readonly scope: 'line' | 'cell';
  readonly cellIndex: number;
  readonly reason?: string;
}

export interface WorkspaceScanSummary {
  readonly files: number;
  readonly findings: number;
  readonly errors: number;
  readonly cancelled: boolean;
}

/** Custom request: PHI-bearing outputs of a notebook, for the client's clear-outputs command. */
export const OutputFindingsRequest = 'phisafe/outputFindings';

export interface OutputFindingsParams {
  /** The notebook's URI. */
  readonly uri: string;
}

export interface OutputFinding {
  readonly cellIndex: number;
  readonly outputIndex: number;
  readonly ruleId: string;
  readonly category: FindingCategory;
  /** The finding's message: kind, place and redacted label only. */
  readonly message: string;
}

/** Custom request: one Unity Catalog table's columns with tags and mask status (metadata only, never data). */
export const LookUpTableRequest = 'phisafe/lookUpTable';

export interface LookUpTableParams {
  /** `catalog.schema.table` (a shorter name resolves only against a snapshot, when unambiguous). */
  readonly table: string;
  /** A document whose settings apply (default: the first workspace folder). */
  readonly uri?: string;
}

export interface UcColumnStatus {
  readonly name: string;
  readonly type: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Mask function, or undefined when the column has no mask. */
  readonly mask?: string;
  /** The tag that makes the column PHI (`key` or `key=value`), if any. */
  readonly phiTag?: string;
}

export interface LookUpTableResult {
  readonly table: string;
  readonly found: boolean;
  readonly source: 'snapshot' | 'live' | 'none';
  readonly tags: Readonly<Record<string, string>>;
  readonly rowFilter?: string;
  readonly columns: readonly UcColumnStatus[];
  /** Why the table could not be read (no connection, 403, offline...): never a token or a response body. */
  readonly problem?: string;
}

/** Custom request: table names to pick from (a snapshot's, or a catalog's in the workspace). */
export const ListTablesRequest = 'phisafe/listTables';

export interface ListTablesParams {
  readonly catalog?: string;
  readonly schema?: string;
  readonly uri?: string;
}

export interface ListTablesResult {
  readonly tables: readonly string[];
  readonly problem?: string;
}

/** The `data` of every phisafe diagnostic. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly category: FindingCategory;
  readonly fixes: readonly FixKind[];
  readonly cellIndex: number;
  readonly outputIndex?: number;
}

/** Code action kind of "fix all phisafe findings in this file" (parameterise and redact). */
export const FIX_ALL_KIND = 'source.fixAll.phisafe';

export const DIAGNOSTIC_SOURCE = 'phisafe';
