/**
 * The phisafe language server: thin handlers over the engine. Text documents and notebook cells are scanned
 * incrementally (per cell, cached by cell text), on the next turn of the event loop (bursts merged, superseded scans dropped); a
 * notebook's saved outputs are read from disk on open and save and shown on their cells. Nothing the server
 * writes (diagnostics, hovers, logs, traces) carries a matched value.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, CodeActionKind, CodeActionTriggerKind, createConnection, MessageType, ShowMessageNotification, DiagnosticSeverity, DidChangeConfigurationNotification, ErrorCodes, NotebookDocuments, ProposedFeatures,
  ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type CodeActionParams, type Connection, type Diagnostic, type ExecuteCommandParams, type HoverParams,
  type InitializeParams, type InitializeResult,
  type NotebookDocument, type TextDocumentContentChangeEvent, type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditedDocument } from './editedDocument';
import type { DatabricksEditorFeatures } from '../databricks/editor';
import { plainDocument } from '../databricks/findings';
import { LineIndex, scanBytes, type Finding, type ResolvedConfig, type ScanDocument, type ScanError } from '../engine';
import { readDocument } from '../engine/formats';
import { isPhiScannable } from '../engine/formats/support';
import { suppressEdit } from '../engine/fixes';
import { IncrementalScanner, type IncrementalResult } from '../engine/incremental';
import { PlacedFindings, type FindingKind } from '../engine/placedFindings';
import {
  FIX_ALL_KIND, ListTablesRequest, LookUpTableRequest, OutputFindingsRequest, SERVER_COMMANDS, ServerCommands, DEFAULT_MAX_DIAGNOSTICS_PER_FILE, DEFAULT_SETTINGS,
  type ListTablesParams, type ListTablesResult, type LookUpTableParams, type LookUpTableResult, type OutputFinding, type OutputFindingsParams,
  type PhisafeInitializationOptions, type PhisafeSettings, type SuppressWithReasonArgs, type WorkspaceScanSummary,
} from '../protocol';
import { codeActionsFor, toTextEdits, type ActionSubject } from './codeActions';
import { DatabricksSupport, tableStatus } from './databricks';
import { cellLevelDiagnostic, contains, DiagnosticReuse, findingDiagnostics, findingRange } from './diagnostics';
import { hoverContent } from './hover';
import { SettingsSource } from './settings';
import { cellScanPath, documentScanPath, fsPathOf, type ScanTarget } from './targets';
import { scanWorkspace } from './workspaceScan';
import { favourMemoryOverThroughput } from './heap';

/**
 * What the server keeps per open document: findings and what the features need, not the parsed document
 * (re-read on demand, see documentFor) nor the published diagnostics (re-derived from the findings).
 */
interface DocumentState {
  readonly target: ScanTarget;
  /** Findings with a place in the document text, placed when read (diagnostics read a bounded number). */
  readonly findings: PlacedFindings;
  readonly error?: ScanError;
  readonly settings: PhisafeSettings;
  /** Saved-output and title findings of a notebook cell, shown at the cell's first line. */
  readonly cellLevel: readonly Finding[];
  /** Databricks features for this document's settings, and which metadata the scan had (to see when more arrived). */
  readonly databricks: DatabricksEditorFeatures;
  readonly inputsKey: string;
}

interface PendingScan {
  readonly timeout?: NodeJS.Timeout;
  readonly immediate?: NodeJS.Immediate;
}

/** A Unity Catalog / cluster lookup for one document; a newer scan asks for another round instead of a second lookup. */
interface LookupJob {
  readonly source: CancellationTokenSource;
  again: boolean;
}

/**
 * The diagnostics published for a state: its findings, saved-output findings on the cell, and a scan error; when
 * there are more than the settings allow, the most severe findings and one diagnostic saying how many more.
 */
function diagnosticsOf(state: DocumentState, reuse?: DiagnosticReuse): Diagnostic[] {
  const firstLineLength = state.cellLevel.length > 0 ? (state.target.text.split(/\r?\n|\r/, 1)[0] ?? '').length : 0;
  const others = state.cellLevel.map((f) => cellLevelDiagnostic(f, firstLineLength));
  if (state.error) {
    others.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information, source: 'phisafe', code: 'phisafe/scan-error',
      message: `phisafe could not scan this file: ${state.error.message}`,
    });
  }
  const limit = state.settings.maxDiagnosticsPerFile ?? DEFAULT_MAX_DIAGNOSTICS_PER_FILE;
  return [...findingDiagnostics(state.findings, limit - others.length, limit, isShown(state.settings), reuse?.begin(state.target.uri)), ...others];
}

/** Which findings are shown in the text: saved outputs only when scanOutputs is on (undefined: all are). */
function isShown(settings: PhisafeSettings): ((f: FindingKind) => boolean) | undefined {
  return settings.scanOutputs ? undefined : (f) => f.regionKind !== 'output';
}

/** Every finding shown in the document's text, placed (for code actions and requests that read them all). */
function shownFindings(state: DocumentState): readonly Finding[] {
  const all = state.findings.all();
  const keep = isShown(state.settings);
  return keep ? all.filter(keep) : all;
}

/** Whether two targets hold the same text: the same edited version, else equal strings. */
function sameText(a: ScanTarget, b: ScanTarget): boolean {
  return a.edited !== undefined || b.edited !== undefined ? a.edited === b.edited : a.text === b.text;
}

/** Which tables and clusters scan inputs hold (a rescan is needed when this changes). */
function inputsKey(inputs: Readonly<Record<string, unknown>>): string {
  const snapshot = inputs.ucSnapshot as { tables?: { fullName: string }[] } | undefined;
  const clusters = inputs.liveClusters as Record<string, unknown> | undefined;
  return JSON.stringify([(snapshot?.tables ?? []).map((t) => t.fullName).sort(), Object.keys(clusters ?? {}).sort()]);
}

/** How long a scan runs before it lets other messages (a newer edit, a cancel) through. */
const SLICE_MS = 8;
const NOTEBOOK_CELLS = ['python', 'sql', 'scala', 'r', 'markdown'].map((language) => ({ language }));
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function startServer(): void {
  favourMemoryOverThroughput();
  const connection = createConnection(ProposedFeatures.all);
  new PhisafeServer(connection).listen();
}

class PhisafeServer {
  /** Each change's range is told to the document's scanner, so an edit in one cell of a large .ipynb re-reads that cell. */
  private readonly documents = new TextDocuments<EditedDocument>({ create: EditedDocument.create, update: (doc, changes, version) => this.applyChanges(doc, changes, version) });
  private readonly notebooks = new NotebookDocuments(TextDocument);
  private settings!: SettingsSource;
  private readonly states = new Map<string, DocumentState>();
  private readonly scanners = new Map<string, IncrementalScanner>();
  /** Scans scheduled but not started: a timer when a debounce is set, else the next turn of the event loop. */
  private readonly timers = new Map<string, PendingScan>();
  private readonly generations = new Map<string, number>();
  /** Findings from each open notebook's file on disk (outputs and titles), by notebook URI. */
  private readonly saved = new Map<string, readonly Finding[]>();
  private readonly fromWorkspaceScan = new Set<string>();
  private readonly warnedConfigErrors = new Set<string>();
  private roots: string[] = [];
  private canCreateProgress = false;
  private databricks!: DatabricksSupport;
  private readonly lookups = new Map<string, LookupJob>();
  private parsed: { readonly target: ScanTarget; readonly document: ScanDocument } | undefined;
  /** The diagnostics of the file published last, reused for its cells that an edit did not touch. */
  private readonly reuse = new DiagnosticReuse();

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.initialized());
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri, this.states.has(e.document.uri)));
    this.documents.onDidClose((e) => this.forget(e.document.uri));
    this.notebooks.onDidOpen((nb) => this.notebookOpened(nb));
    this.notebooks.onDidChange((e) => {
      for (const cell of e.cells?.removed ?? []) this.forget(cell.document);
      for (const cell of e.cells?.added ?? []) this.schedule(cell.document, false);
      for (const cell of e.cells?.changed.textContent ?? []) this.schedule(cell.document, true);
      // Cells moved: their indexes (and the saved outputs shown on them) follow.
      if (e.cells && (e.cells.added.length > 0 || e.cells.removed.length > 0)) this.rescanNotebook(e.notebookDocument);
    });
    this.notebooks.onDidSave((nb) => void this.loadSaved(nb));
    this.notebooks.onDidClose((nb) => {
      for (const cell of nb.cells) this.forget(cell.document);
      this.saved.delete(nb.uri);
    });
    c.onDidChangeConfiguration(() => {
      this.settings.settingsChanged();
      this.databricks.settingsChanged();
      this.rescanAll();
    });
    c.onDidChangeWatchedFiles((params) => {
      if (params.changes.some((ch) => ch.uri.endsWith('.phisafe.json'))) {
        this.settings.configFilesChanged();
        this.warnedConfigErrors.clear();
        this.rescanAll();
      }
      for (const ch of params.changes) {
        const nb = this.notebooks.getNotebookDocument(ch.uri);
        if (nb) void this.loadSaved(nb);
      }
    });
    c.onHover(this.guarded('hover', async (params: HoverParams, token: CancellationToken) => {
      const state = await this.fresh(params.textDocument.uri);
      if (!state || token.isCancellationRequested) return null;
      const { line, character } = params.position;
      const keep = isShown(state.settings);
      const hits = state.findings.onLines(line, line).filter((f) => keep?.(f) !== false && contains(findingRange(f), line, character));
      const cellHits = state.cellLevel.filter((f) => line === 0 && diagnosticsOf(state).some((d) => d.code === f.ruleId && contains(d.range, line, character)));
      const all = [...hits, ...cellHits];
      const document = this.documentFor(state.target);
      const lines = new LineIndex(state.target.text);
      const uc = document ? state.databricks.hover(document, lines.offset(line, character), (await this.settings.effective(state.target.cell?.notebookUri ?? state.target.uri, state.target.configPath)).config) : undefined;
      if (all.length === 0 && !uc) return null;
      const value = [...(all.length > 0 ? [hoverContent(all).value] : []), ...(uc ? [uc.markdown] : [])].join('\n\n---\n\n');
      const range = hits.length > 0 ? findingRange(hits[0]) : uc ? { start: lines.position(uc.startOffset), end: lines.position(uc.endOffset) } : undefined;
      return { contents: { kind: 'markdown', value }, range };
    }));
    c.onCodeAction(this.guarded('code actions', async (params: CodeActionParams, token: CancellationToken) => {
      const subject = await this.subject(params.textDocument.uri);
      if (!subject || token.isCancellationRequested) return [];
      return codeActionsFor(subject, params.range, params.context.only, params.context.triggerKind === CodeActionTriggerKind.Automatic);
    }));
    c.onExecuteCommand(this.guarded('command', async (params: ExecuteCommandParams, token: CancellationToken, workDone: WorkDoneProgressReporter) => {
      if (params.command === ServerCommands.scanWorkspace) return this.scanWorkspace(token, workDone);
      if (params.command === ServerCommands.suppressWithReason) return this.suppress(params.arguments ?? []);
      if (params.command === ServerCommands.refreshUnityCatalog) return this.refreshUnityCatalog();
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
    }));
    c.onRequest(OutputFindingsRequest, this.guarded('output findings', (params: OutputFindingsParams) => this.outputFindings(params.uri)));
    c.onRequest(LookUpTableRequest, this.guarded('table lookup', (params: LookUpTableParams, token: CancellationToken) => this.lookUpTable(params, token)));
    c.onRequest(ListTablesRequest, this.guarded('table list', (params: ListTablesParams, token: CancellationToken) => this.listTables(params, token)));
    c.onShutdown(() => {
      for (const uri of [...this.timers.keys()]) this.cancelPending(uri);
      for (const job of this.lookups.values()) job.source.cancel();
    });
    this.documents.listen(c);
    this.notebooks.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.settings = new SettingsSource(this.connection, caps.workspace?.configuration === true);
    this.canCreateProgress = caps.window?.workDoneProgress === true;
    const folders = params.workspaceFolders?.map((f) => fsPathOf(f.uri)) ?? [params.rootUri ? fsPathOf(params.rootUri) : undefined];
    this.roots = folders.filter((p): p is string => p !== undefined);
    const init = (params.initializationOptions ?? {}) as PhisafeInitializationOptions;
    this.databricks = new DatabricksSupport({
      trusted: init.trusted !== false,
      roots: () => this.roots,
      env: process.env,
      warn: (message) => this.warn(message),
    });
    this.dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: NOTEBOOK_CELLS }], save: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [...SERVER_COMMANDS] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'phisafe' },
    };
  }

  private dynamicConfiguration = false;

  private initialized(): void {
    if (this.dynamicConfiguration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'phisafe' });
  }

  // ── Scanning ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * Schedules a scan of a document or cell, superseding any scan not yet done. With no debounce (the default)
   * the scan runs on the next turn of the event loop: every didChange already read is applied first, so a
   * burst is scanned once, without a timer's delay.
   */
  private schedule(uri: string, debounce: boolean): void {
    this.cancelPending(uri);
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    const delay = debounce ? (this.states.get(uri)?.settings.debounceMs ?? DEFAULT_SETTINGS.debounceMs) : 0;
    const run = (): void => {
      this.timers.delete(uri);
      void this.scan(uri, generation).catch((e: unknown) => this.logFailure('scan', e));
    };
    this.timers.set(uri, delay > 0 ? { timeout: setTimeout(run, delay) } : { immediate: setImmediate(run) });
  }

  private cancelPending(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending?.timeout) clearTimeout(pending.timeout);
    if (pending?.immediate) clearImmediate(pending.immediate);
    this.timers.delete(uri);
  }

  private isCurrent(uri: string, generation: number): boolean {
    return this.generations.get(uri) === generation;
  }

  private async scan(uri: string, generation: number): Promise<DocumentState | undefined> {
    // One turn of the event loop first: didChange messages already read but still queued are applied (and
    // supersede this scan) before any work is done.
    await yieldToEventLoop();
    if (!this.isCurrent(uri, generation)) return undefined;
    const target = this.targetFor(uri);
    if (!target) return undefined;
    const effective = await this.settings.effective(target.cell?.notebookUri ?? uri, target.configPath);
    if (!this.isCurrent(uri, generation)) return undefined;
    if (effective.configError && !this.warnedConfigErrors.has(effective.configError)) {
      this.warnedConfigErrors.add(effective.configError);
      this.warn(`${effective.configError}; using defaults`);
    }
    const started = performance.now();
    let result: IncrementalResult = { findings: PlacedFindings.of([]) };
    const scanner = this.scannerFor(uri);
    const databricks = this.databricks.featuresFor(effective.settings.databricks);
    // What is known now (snapshot, cached lookups): PHI diagnostics never wait for the network. Only live
    // cluster lookups read the text here (joining an edited document's text costs a copy of it).
    const inputs = target.scanPath ? databricks.cachedInputs(target.scanPath, databricks.live ? target.text : '', this.databricks.mayLookUp(databricks) ? this.documentFor(target) : undefined) : {};
    if (effective.settings.enable && target.scanPath) {
      const steps = scanner.steps(target.scanPath, target.edited ?? target.text, effective.config, inputs);
      let slice = performance.now();
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          result = r.value;
          break;
        }
        if (performance.now() - slice > SLICE_MS) {
          await yieldToEventLoop();
          if (!this.isCurrent(uri, generation)) return undefined;
          slice = performance.now();
        }
      }
    }
    const state = this.publish(target, result, effective.settings, databricks, inputsKey(inputs));
    if (effective.settings.enable && target.scanPath) this.startLookup(uri, databricks);
    const stats = scanner.lastStats;
    this.connection.tracer.log(`scan: ${target.cell ? 'notebook cell' : 'document'}, ${stats.cells} cells (${stats.scanned} rescanned), ${result.findings.count()} findings, ${(performance.now() - started).toFixed(1)} ms`);
    return state;
  }

  /**
   * The parsed document of a scan target, for hovers, code actions and lookups. Only the last one is kept
   * (documents hold text copies, slices and offset maps); others are read again when asked for.
   */
  private documentFor(target: ScanTarget): ScanDocument | undefined {
    if (this.parsed?.target.uri === target.uri && sameText(this.parsed.target, target)) return this.parsed.document;
    if (!target.scanPath || !isPhiScannable(target.scanPath)) return undefined;
    try {
      const document = readDocument(target.scanPath, target.text);
      this.parsed = { target, document };
      return document;
    } catch {
      return undefined;
    }
  }

  private applyChanges(doc: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument {
    const scanner = this.scanners.get(doc.uri);
    for (const change of changes) {
      const lengthBefore = doc.snapshot.length;
      const { start, end } = doc.apply(change);
      scanner?.noteEdit({ start, end, inserted: change.text.length, lengthBefore });
    }
    doc.version = version;
    return doc;
  }

  private scannerFor(uri: string): IncrementalScanner {
    let scanner = this.scanners.get(uri);
    if (!scanner) {
      scanner = new IncrementalScanner({ editsNoted: this.documents.get(uri) !== undefined });
      this.scanners.set(uri, scanner);
    }
    return scanner;
  }

  /** The current state of a document, scanning it now if an edit has not been scanned yet. */
  private async fresh(uri: string): Promise<DocumentState | undefined> {
    const target = this.targetFor(uri);
    const state = this.states.get(uri);
    if (!target) return undefined;
    if (state && state.target.version === target.version && sameText(state.target, target)) return state;
    this.cancelPending(uri);
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    return this.scan(uri, generation);
  }

  private targetFor(uri: string): ScanTarget | undefined {
    const doc = this.documents.get(uri);
    if (doc) {
      const edited = doc.snapshot;
      return { uri, version: doc.version, get text() { return edited.text(); }, edited, scanPath: documentScanPath(uri, doc.languageId), configPath: fsPathOf(uri) };
    }
    const cell = this.notebooks.getNotebookCell(uri);
    const notebook = this.notebooks.findNotebookDocumentForCell(uri);
    const cellDoc = cell && this.notebooks.getCellTextDocument(cell);
    if (!cell || !notebook || !cellDoc) return undefined;
    const index = notebook.cells.findIndex((c) => c.document === uri);
    const text = cellDoc.getText();
    return {
      uri, version: cellDoc.version, text,
      scanPath: cellScanPath(notebook.uri, index, cellDoc.languageId, text) ?? '',
      configPath: fsPathOf(notebook.uri),
      cell: { notebookUri: notebook.uri, index },
    };
  }

  private publish(target: ScanTarget, result: IncrementalResult, settings: PhisafeSettings, databricks: DatabricksEditorFeatures, usedInputs: string): DocumentState {
    const cellLevel = target.cell && settings.enable
      ? (this.saved.get(target.cell.notebookUri) ?? []).filter((f) => f.cellIndex === target.cell?.index && (settings.scanOutputs || f.regionKind !== 'output'))
      : [];
    if (result.document) this.parsed = { target, document: result.document };
    const state: DocumentState = { target, findings: result.findings, error: result.error, settings, cellLevel, databricks, inputsKey: usedInputs };
    this.states.set(target.uri, state);
    this.fromWorkspaceScan.delete(target.uri);
    void this.connection.sendDiagnostics({ uri: target.uri, version: target.version, diagnostics: diagnosticsOf(state, this.reuse) });
    return state;
  }

  private forget(uri: string): void {
    this.lookups.get(uri)?.source.cancel();
    this.lookups.delete(uri);
    this.cancelPending(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    this.states.delete(uri);
    this.scanners.delete(uri);
    if (this.parsed?.target.uri === uri) this.parsed = undefined;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private rescanAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, false);
    for (const nb of this.notebooks.cellTextDocuments.all()) this.schedule(nb.uri, false);
  }

  private rescanNotebook(nb: NotebookDocument): void {
    for (const cell of nb.cells) this.schedule(cell.document, false);
  }

  // ── Databricks lookups ────────────────────────────────────────────────────────────────────────────

  /** Fetches the metadata a document needs in the background; rescans it when something new arrived. */
  private startLookup(uri: string, features: DatabricksEditorFeatures): void {
    if (!this.databricks.mayLookUp(features)) return;
    const running = this.lookups.get(uri);
    if (running) {
      running.again = true;
      return;
    }
    const job: LookupJob = { source: new CancellationTokenSource(), again: false };
    this.lookups.set(uri, job);
    void this.runLookup(uri, features, job)
      .catch((e: unknown) => this.logFailure('Databricks lookup', e))
      .finally(() => {
        if (this.lookups.get(uri) === job) this.lookups.delete(uri);
      });
  }

  private async runLookup(uri: string, features: DatabricksEditorFeatures, job: LookupJob): Promise<void> {
    for (;;) {
      job.again = false;
      const state = this.states.get(uri);
      if (!state || state.databricks !== features) return;
      const { scanPath, text } = state.target;
      const document = this.documentFor(state.target);
      const changed = await this.databricks.lookUp(features, scanPath, text, document, job.source.token);
      if (job.source.token.isCancellationRequested) return;
      if (job.again) continue;
      const latest = this.states.get(uri);
      if (changed && latest && inputsKey(features.cachedInputs(scanPath, text, document)) !== latest.inputsKey) this.schedule(uri, false);
      return;
    }
  }

  private refreshUnityCatalog(): { refreshed: boolean } {
    this.databricks.refresh();
    this.rescanAll();
    return { refreshed: true };
  }

  private async databricksScope(uri: string | undefined): Promise<{ features: DatabricksEditorFeatures; config: ResolvedConfig }> {
    const scope = uri ?? (this.roots[0] ? pathToFileURL(this.roots[0]).toString() : '');
    const effective = await this.settings.effective(scope, uri ? fsPathOf(uri) : this.roots[0]);
    return { features: this.databricks.featuresFor(effective.settings.databricks), config: effective.config };
  }

  private async lookUpTable(params: LookUpTableParams, token: CancellationToken): Promise<LookUpTableResult> {
    if (typeof params?.table !== 'string' || !/^[\w`.-]{1,770}$/.test(params.table)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'phisafe/lookUpTable needs {table: "catalog.schema.table"}');
    }
    const name = params.table.replace(/`/g, '');
    const { features, config } = await this.databricksScope(params.uri);
    const found = await features.table(name, token);
    return tableStatus(name, found.table, found.source, config, found.problem);
  }

  private async listTables(params: ListTablesParams, token: CancellationToken): Promise<ListTablesResult> {
    const { features } = await this.databricksScope(params?.uri);
    try {
      return { tables: await features.listTables(params?.catalog || undefined, params?.schema || undefined, token) };
    } catch (e) {
      return { tables: [], problem: e instanceof Error && e.name === 'DatabricksUnavailable' ? e.message : 'listing tables failed' };
    }
  }

  // ── Notebooks: saved outputs ─────────────────────────────────────────────────────────────────────

  private notebookOpened(nb: NotebookDocument): void {
    this.rescanNotebook(nb);
    void this.loadSaved(nb);
  }

  /** Reads the notebook's file (outputs are not part of the LSP notebook model) and shows its findings on cells. */
  private async loadSaved(nb: NotebookDocument): Promise<readonly Finding[]> {
    const findings = await this.savedFindings(nb.uri);
    this.saved.set(nb.uri, findings);
    this.rescanNotebook(nb);
    return findings;
  }

  private async savedFindings(notebookUri: string): Promise<readonly Finding[]> {
    const fsPath = fsPathOf(notebookUri);
    if (!fsPath) return [];
    const effective = await this.settings.effective(notebookUri, fsPath);
    if (!effective.settings.enable) return [];
    let bytes: Buffer;
    try {
      bytes = await readFile(fsPath);
    } catch {
      return [];
    }
    const result = scanBytes(fsPath, bytes, { config: effective.config });
    return result.findings.filter((f) => f.regionKind === 'output' || f.regionKind === 'title');
  }

  private async outputFindings(uri: string): Promise<OutputFinding[]> {
    const nb = this.notebooks.getNotebookDocument(uri);
    let findings: readonly Finding[];
    if (nb) findings = this.saved.get(uri) ?? (await this.loadSaved(nb));
    else if (this.documents.get(uri)) findings = (await this.fresh(uri))?.findings.all() ?? [];
    else findings = await this.savedFindings(uri);
    return findings
      .filter((f) => f.regionKind === 'output' && f.outputIndex !== undefined)
      .map((f) => ({ cellIndex: f.cellIndex, outputIndex: f.outputIndex ?? 0, ruleId: f.ruleId, category: f.category, message: f.message }));
  }

  // ── Requests and commands ────────────────────────────────────────────────────────────────────────

  private async subject(uri: string): Promise<ActionSubject | undefined> {
    const state = await this.fresh(uri);
    if (!state) return undefined;
    // Bundle YAML and JSON specs are not PHI-scanned documents: their cluster fixes edit the plain text.
    const document = this.documentFor(state.target) ?? (state.target.scanPath && !state.error ? plainDocument(state.target.scanPath, state.target.text) : undefined);
    if (!document) return undefined;
    const { config } = await this.settings.effective(state.target.cell?.notebookUri ?? uri, state.target.configPath);
    const target = state.target;
    const databricksFixes = (f: Finding) => (f.ruleId.startsWith('uc/') || f.ruleId.startsWith('cluster/') ? state.databricks.fixes(target.scanPath, target.text, document, f, config) : []);
    const keep = isShown(state.settings);
    // Placed and made when an action needs them: the cursor is on a few of a large notebook's findings.
    let findings: readonly Finding[] | undefined;
    let diagnostics: readonly Diagnostic[] | undefined;
    return {
      uri, document, cellLevel: state.cellLevel, notebookCellIndex: target.cell?.index, databricksFixes,
      get findings() {
        return (findings ??= shownFindings(state));
      },
      findingsOnLines: (start, end) => (keep ? state.findings.onLines(start, end).filter(keep) : state.findings.onLines(start, end)),
      get diagnostics() {
        return (diagnostics ??= diagnosticsOf(state));
      },
    };
  }

  private async suppress(args: readonly unknown[]): Promise<{ applied: boolean }> {
    const request = args[0] as Partial<SuppressWithReasonArgs> | undefined;
    const reason = typeof args[1] === 'string' ? args[1] : request?.reason;
    if (!request || typeof request.uri !== 'string' || typeof request.ruleId !== 'string' || typeof request.line !== 'number') {
      throw new ResponseError(ErrorCodes.InvalidParams, 'phisafe.suppressWithReason needs {uri, ruleId, line, scope, cellIndex}');
    }
    if (!reason?.trim()) throw new ResponseError(ErrorCodes.InvalidParams, 'a suppression needs a reason');
    const state = await this.fresh(request.uri);
    const document = state && this.documentFor(state.target);
    if (!state || !document) throw new ResponseError(ErrorCodes.InvalidParams, 'the document is not open');
    const edit = suppressEdit(document, {
      ruleId: request.ruleId, scope: request.scope === 'cell' ? 'cell' : 'line', cellIndex: request.cellIndex ?? 0, line: request.line, reason,
    });
    if (!edit) return { applied: false };
    const result = await this.connection.workspace.applyEdit({
      label: 'phisafe: suppress with a reason',
      edit: { changes: { [request.uri]: toTextEdits(document.text, [edit]) } },
    });
    return { applied: result.applied };
  }

  private async scanWorkspace(token: CancellationToken, attached: WorkDoneProgressReporter): Promise<WorkspaceScanSummary> {
    const progress = this.canCreateProgress ? await this.connection.window.createWorkDoneProgress() : attached;
    const tokens = 'token' in progress ? [token, (progress as { token: CancellationToken }).token] : [token];
    const started = performance.now();
    const summary = await scanWorkspace({
      connection: this.connection,
      roots: this.roots,
      progress,
      tokens,
      isOpen: (uri) => this.states.has(uri) || this.documents.get(uri) !== undefined,
      configFor: async (filePath) => {
        const effective = await this.settings.effective(pathToFileURL(this.roots.find((r) => filePath.startsWith(r)) ?? filePath).toString(), filePath);
        const { enable, scanOutputs, maxDiagnosticsPerFile } = effective.settings;
        return enable ? { config: effective.config, scanOutputs, maxDiagnostics: maxDiagnosticsPerFile ?? DEFAULT_MAX_DIAGNOSTICS_PER_FILE } : undefined;
      },
      published: (uri) => this.fromWorkspaceScan.add(uri),
    });
    this.connection.console.info(`workspace scan: ${summary.files} files, ${summary.findings} findings, ${summary.errors} errors, ${(performance.now() - started).toFixed(0)} ms${summary.cancelled ? ' (cancelled)' : ''}`);
    return summary;
  }

  /** window/showMessage (a notification): a client that does not answer showMessageRequest must not fail the server. */
  private warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `phisafe: ${message}` });
  }

  /**
   * A request handler whose failures reach the client by kind only: vscode-jsonrpc would otherwise answer with
   * the error's message, and a message from deep in a scan could quote the document.
   */
  private guarded<A extends unknown[], R>(what: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        return await handler(...args);
      } catch (e) {
        if (e instanceof ResponseError) throw e; // ours, with messages written for the user
        this.logFailure(what, e);
        throw new ResponseError(ErrorCodes.InternalError, `phisafe: ${what} failed (${e instanceof Error ? e.name : 'error'})`);
      }
    };
  }

  private logFailure(what: string, e: unknown): void {
    // The error's kind only: a message could quote input.
    this.connection.console.error(`${what} failed (${e instanceof Error ? e.name : 'error'})`);
  }
}
