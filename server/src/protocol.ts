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
  /** Delay before an edit is scanned, so a burst of changes is scanned once. */
  readonly debounceMs: number;
  /** Overrides `.phisafe.json` maxFileSizeMB when set. */
  readonly maxFileSizeMB?: number;
}

export const SETTINGS_SECTION = 'phisafe';

/**
 * 30 ms: a scan of a typical notebook takes a few milliseconds, so the delay is what the user feels; 30 ms is
 * below perception yet long enough to merge the several didChange messages an editor sends for one paste,
 * format or multi-cursor edit.
 */
export const DEFAULT_DEBOUNCE_MS = 30;

export const DEFAULT_SETTINGS: PhisafeSettings = {
  enable: true,
  rules: {},
  scanOutputs: true,
  debounceMs: DEFAULT_DEBOUNCE_MS,
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
} as const;

export const SERVER_COMMANDS: readonly string[] = Object.values(ServerCommands);

/** Commands the client implements; code actions of the server point at them. */
export const ClientCommands = {
  /**
   * No args: acts on the active notebook. Asks the server for `phisafe/outputFindings`, then clears those
   * outputs with the notebook API (outputs of an open notebook belong to the editor, not to the text).
   */
  clearOutputsWithPhi: 'phisafe.clearOutputsWithPhi',
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
