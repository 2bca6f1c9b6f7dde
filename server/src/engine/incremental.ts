/**
 * Incremental scanning for the editor: a document is split into cells (cheap, the reader does it) and each
 * cell's findings are cached by the cell's raw text. An edit then rescans only the cells it touched; the
 * findings of the others are moved to their cells' new offsets. Scanning a cell on its own gives the same
 * findings as scanning the file because every rule, context and suppression (bar `phisafe-ignore-file`,
 * applied here across cells) is cell-local. Analyzers that declare themselves cell-local (cluster ids in code)
 * run on the cell alone too and their findings are kept with the cell's; the others run on the whole file.
 */
import type { ResolvedConfig } from './config';
import { analyzersFor, type AnalyzerInput, type FileAnalyzer } from './analyzers';
import { readDocument } from './formats';
import { ScanInputError } from './formats/errors';
import { isPhiScannable } from './formats/support';
import type { Finding, KeyedSlice, NotebookCell, OutputRegion, ScanDocument, ScanError, TextSlice } from './model';
import { byOffsets, CellFindings, PlacedFindings, type CellPlacement, type FindingKind } from './placedFindings';
import { LineIndex, OffsetMap, textHashes } from './positions';
import { declaredInCell, tableColumnsOf, tablesDigest, type TableColumns, type TableDeclaration } from './context/tableDeclarations';
import { RecurringValues } from './recurrences';
import { isStaffs, StaffNames, type StaffClaimText } from './staffNames';
import { coveredByFileRanges, recurringFindings, scanOwn, scanWidgets, type ScanResult } from './scan';
import { findDirectives, parseSuppressions } from './suppression';

/**
 * A document's text as an editor keeps it between edits (e.g. a piece table): its length and slices are cheap,
 * the whole text is joined only when `text()` is called. An edit inside one cell of a large .ipynb reads slices.
 */
export interface EditedText {
  readonly length: number;
  slice(start: number, end: number): string;
  text(): string;
}

/** What the editor gets from a scan: findings placed when read (see PlacedFindings). */
export interface IncrementalResult {
  readonly findings: PlacedFindings;
  readonly document?: ScanDocument;
  readonly error?: ScanError;
}

/** One edit as the editor sent it: replaced `[start, end)` of a text `lengthBefore` long with `inserted` characters. */
export interface NotedEdit {
  readonly start: number;
  readonly end: number;
  readonly inserted: number;
  readonly lengthBefore: number;
}

export interface IncrementalOptions {
  /** The caller reports every edit with noteEdit, so an edit inside one cell of a large .ipynb re-reads that cell only. */
  readonly editsNoted?: boolean;
  /** Notebooks smaller than this are always read whole (cheap, and no parsed model is kept for them). */
  readonly minEditedBytes?: number;
}

/** Text left as it was at both ends since the last finished scan (composing edits is the minimum of each). */
interface UnchangedEnds {
  readonly prefix: number;
  readonly suffix: number;
  readonly lengthBefore: number;
  readonly lengthAfter: number;
}

/** What the last finished scan of a large .ipynb read, to patch instead of re-reading on the next edit. */
interface NotebookBase {
  readonly path: string;
  readonly length: number;
  readonly document: ScanDocument;
  /** Per cell, in order: its findings and where the cell starts. */
  readonly entries: readonly CellPlacement[];
  /** Per cell, in order: what its own scan found. */
  readonly cells: readonly CellEntry[];
  /** tablesDigest of the tables every cell declares. */
  readonly tablesDigest: string;
}

/**
 * A cell's own findings (scanned alone and cached by its text), the values they leave to look for again in the
 * whole file, and the cell's findings with the recurrences of the last set of values it was combined with.
 */
interface CellEntry {
  readonly own: CellFindings;
  /** RecurringValues.pack() of the cell's values, and their digest. */
  readonly recurring: string;
  readonly recurringDigest: string;
  /** StaffNames.pack() of the names the cell says are staff's, and their digest. */
  readonly staff: string;
  readonly staffDigest: string;
  /** Findings another cell's staff names could take back (`own` indices and what the check reads). */
  readonly staffClaims: readonly StaffClaim[] | undefined;
  /** The tables the cell's `CREATE TABLE`s declare (tableDeclarations.ts). */
  readonly tables: readonly TableDeclaration[];
  /** The digest of the whole file's declared tables the cell's scan read, when it read them (an INSERT with no column list). */
  readonly tablesRead: string | undefined;
  combined?: { readonly digest: string; readonly findings: CellFindings };
}

export interface IncrementalStats {
  readonly cells: number;
  /** Cells scanned afresh on the last scan (the others came from the cache). */
  readonly scanned: number;
  /** The last scan re-read one edited cell of the file instead of the whole file. */
  readonly oneCell?: boolean;
}

/**
 * One per open document. `steps` is a generator so a caller can spread a long scan over several turns of
 * the event loop and drop it when a newer edit supersedes it; `scan` runs it to the end.
 */
export class IncrementalScanner {
  /**
   * A cell's findings as scanned alone, by cellKey: kind, language, length and a 64-bit digest of the cell's
   * text (no copy of the text is kept). A cell that moves keeps its findings; only its placement changes.
   */
  private cache = new Map<string, CellEntry>();
  /** The values of the last scan's cells, all together, and each cell's own (to tell when the whole changed). */
  private recurring: {
    readonly digest: string; readonly size: number; readonly parts: readonly string[]; readonly values: RecurringValues | undefined;
    readonly staff: StaffNames | undefined;
  } | undefined;
  private config: ResolvedConfig | undefined;
  /** The inputs cell-local analyzers read, as the cached findings had them. */
  private cellInputs: Readonly<Record<string, unknown>> = {};
  private stats: IncrementalStats = { cells: 0, scanned: 0 };
  private base: NotebookBase | undefined;
  /** Edits since `base` was read, oldest first; a finished scan drops the ones its text already had. */
  private edits: UnchangedEnds[] = [];

  constructor(private readonly options: IncrementalOptions = {}) {}

  noteEdit(edit: NotedEdit): void {
    if (!this.options.editsNoted) return;
    const lengthAfter = edit.lengthBefore - (edit.end - edit.start) + edit.inserted;
    this.edits.push({ prefix: edit.start, suffix: edit.lengthBefore - edit.end, lengthBefore: edit.lengthBefore, lengthAfter });
  }

  get lastStats(): IncrementalStats {
    return this.stats;
  }

  /** A whole scan with every finding placed (tests and callers without a diagnostics limit). */
  scan(path: string, text: string | EditedText, config: ResolvedConfig): ScanResult {
    const steps = this.steps(path, text, config);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return { findings: [...r.value.findings.all()], document: r.value.document, error: r.value.error };
    }
  }

  /** Yields after each cell it had to scan; returns the result. `inputs` go to the analyzers (e.g. Unity Catalog metadata). */
  *steps(path: string, source: string | EditedText, config: ResolvedConfig, inputs: Readonly<Record<string, unknown>> = {}): Generator<void, IncrementalResult> {
    const noted = this.edits.length;
    const analyzers = analyzersFor(path);
    const cellLocal = isPhiScannable(path) ? analyzers.filter((a) => a.cellLocal) : [];
    const cellInputs = pickInputs(cellLocal, inputs);
    if (config !== this.config || !sameInputs(cellInputs, this.cellInputs)) {
      this.cache = new Map();
      this.config = config;
      this.cellInputs = cellInputs;
      this.base = undefined;
    }
    const cellScan: CellScan = { config, path, analyzers: cellLocal, inputs: cellInputs };
    const wholeText = (): string => (typeof source === 'string' ? source : source.text());
    if (source.length > config.maxFileSizeMB * 1024 * 1024) {
      return failed({ path, message: `file is over the ${config.maxFileSizeMB} MB limit (maxFileSizeMB); skipped` });
    }
    let document: ScanDocument | undefined;
    let entries: CellPlacement[] = [];
    let cells: CellEntry[] = [];
    let dropped: ((f: FindingKind) => boolean) | undefined;
    try {
      const patched = this.editOneCell(path, source, cellScan, noted);
      if (patched) {
        ({ document, entries, cells } = patched);
        entries = this.withRecurrences(document, cells, entries, cellScan, source);
        this.keepBase(source.length, document, entries, cells, noted, false, patched.tablesDigest);
        this.stats = { cells: document.cells.length, scanned: 1, oneCell: true };
      } else if (isPhiScannable(path)) {
        const text = wholeText();
        document = readDocument(path, text);
        const next = new Map<string, CellEntry>();
        const lines = new LineIndex(text);
        let scanned = 0;
        const keys = document.cells.map((cell) => cellKey(text, cell));
        // The tables every cell declares, read from the cache where it has the cell: an INSERT in one cell is keyed
        // by a CREATE TABLE in another, so a cell that read them is scanned again when they change.
        const tables = declaredBy(document.cells, (i) => this.cache.get(keys[i])?.tables);
        for (const [i, cell] of document.cells.entries()) {
          const key = keys[i];
          let entry = next.get(key) ?? this.cache.get(key);
          if (entry && entry.tablesRead !== undefined && entry.tablesRead !== tables.digest) entry = undefined;
          if (!entry) {
            entry = scanCell(document, cell, cellScan, tables);
            // Kept at once, so a scan dropped half-way for a newer edit still saves the next one work.
            this.cache.set(key, entry);
            scanned++;
            yield;
          }
          next.set(key, entry);
          cells.push(entry);
          entries.push({ findings: entry.own, fileStart: cell.fileStart, ...lines.position(cell.fileStart), index: cell.index });
        }
        this.cache = next;
        entries = this.withRecurrences(document, cells, entries, cellScan, text);
        this.keepBase(text.length, document, entries, cells, noted, undefined, tables.digest);
        this.stats = { cells: document.cells.length, scanned };
        dropped = fileWideDropped(document, entries);
      }
      // The whole text is joined only for an analyzer that reads it (none does for a notebook without a Unity Catalog snapshot).
      const input: AnalyzerInput = { path, get text() { return wholeText(); }, document, config, inputs };
      const others: Finding[] = [];
      for (const analyzer of analyzers) if (!cellLocal.includes(analyzer)) others.push(...analyzer.analyze(input));
      // Widget values are no cell's: scanned whole each time (a few values; the text is joined only when there are).
      if (document) for (const f of scanWidgets(document, { config })) others.push(f);
      return { findings: new PlacedFindings(entries, others.sort(byOffsets), dropped), document };
    } catch (e) {
      return failed({ path, message: describeError(e) });
    }
  }

  /**
   * Keeps what this scan read (large .ipynb only) and drops the edits its text already had. A notebook with a
   * file-wide suppression is always read whole (a cell edit could add or remove one that applies to all cells).
   */
  private keepBase(
    length: number, document: ScanDocument, entries: readonly CellPlacement[], cells: readonly CellEntry[], noted: number, fileWide: boolean | undefined,
    tablesDigest: string,
  ): void {
    this.edits = this.edits.slice(noted);
    const keep = this.options.editsNoted && document.format === 'ipynb' && length >= (this.options.minEditedBytes ?? 1024 * 1024)
      && !(fileWide ?? findDirectives(document).some((d) => d.scope === 'file'));
    this.base = keep ? { path: document.path, length, document, entries, cells, tablesDigest } : undefined;
  }

  /**
   * Each cell's findings with the recurrences in it of every cell's values (see recurrences.ts): cached with the
   * cell for one set of values, so an edit that leaves the set as it was rescans no other cell.
   */
  private withRecurrences(
    document: ScanDocument, cells: readonly CellEntry[], entries: readonly CellPlacement[], cellScan: CellScan, source: string | EditedText,
  ): CellPlacement[] {
    const { digest, size, values, staff } = this.unionOf(cells, source.length >= (this.options.minEditedBytes ?? 1024 * 1024));
    if (size === 0 && staff.size === 0) return [...entries];
    return entries.map((entry, i) => {
      const cell = cells[i];
      if (cell.combined?.digest !== digest) {
        const at = document.cells[i];
        const own = cell.own;
        const notStaff = withoutStaffs(own, cell.staffClaims, staff, at.index);
        let again: Finding[] = [];
        if (size > 0) {
          const alone = cellAlone(document, at, typeof source === 'string' ? undefined : source.slice(at.fileStart, at.fileEnd));
          const covered: number[] = [];
          for (let k = 0; k < own.length; k++) covered.push(own.startOffset(k), own.endOffset(k));
          again = recurringFindings(alone, values(), coveredByFileRanges(covered), { config: cellScan.config });
        }
        const findings = again.length === 0 && notStaff === own ? own : new CellFindings(mergedFindings(notStaff, again, at.index));
        cell.combined = { digest, findings };
      }
      return { ...entry, findings: cell.combined.findings };
    });
  }

  /**
   * Every cell's values together: their digest and count, and the values themselves when a cell must be combined
   * with them. A notebook under a megabyte keeps only the digest between scans (the values of 200 open notebooks
   * would cost megabytes, and reading back a small one's is quick); an edit that leaves every cell's values as
   * they were needs no more.
   */
  private unionOf(cells: readonly CellEntry[], large: boolean): { digest: string; size: number; values: () => RecurringValues; staff: StaffNames } {
    const last = this.recurring;
    const parts = cells.map((c) => `${c.recurringDigest}|${c.staffDigest}`);
    const same = last !== undefined && last.parts.length === parts.length && parts.every((p, i) => p === last.parts[i]);
    // Staff names are few: every cell's are read back on each scan (a surname of theirs is no value to look for).
    let staff: StaffNames | undefined = same ? last.staff : undefined;
    if (!staff) {
      staff = new StaffNames();
      for (const c of cells) if (c.staff) staff.addPacked(c.staff);
    }
    const everyStaff = staff;
    // A large notebook keeps its values: each edit combines the edited cell with them, and reading back every
    // cell's values would cost more than the edit's own scan.
    let built: RecurringValues | undefined = same ? last.values : undefined;
    const values = (): RecurringValues => {
      if (!built) {
        built = new RecurringValues();
        for (const c of cells) if (c.recurring) built.addPacked(c.recurring);
        built.dropStaffSurnames(everyStaff);
      }
      return built;
    };
    const digest = same ? last.digest : `${values().digest}|${everyStaff.digest}`;
    const size = same ? last.size : values().size;
    this.recurring = { digest, size, parts, values: large ? values() : undefined, staff: everyStaff.size > 0 ? everyStaff : undefined };
    return { digest, size, values, staff: everyStaff };
  }

  /**
   * The scan of an edit that lies strictly inside one cell's JSON object: that cell is read again as a
   * notebook of its own (the file's text around the cells list, that cell's text in it) and accepted only if
   * it reads back as exactly one cell covering the whole span; the cells after it move by the edit's deltas.
   * Only slices of the text are read (the new document joins its text when asked). Undefined when anything
   * does not fit: the caller then reads the whole file.
   */
  private editOneCell(
    path: string, text: string | EditedText, cellScan: CellScan, noted: number,
  ): { document: ScanDocument; entries: CellPlacement[]; cells: CellEntry[]; tablesDigest: string } | undefined {
    const base = this.base;
    if (!base || base.path !== path || noted === 0 || noted > 10_000) return undefined;
    const ends = unchangedEnds(this.edits, noted);
    if (!ends || ends.lengthBefore !== base.length || ends.lengthAfter !== text.length) return undefined;
    const oldEnd = base.length - ends.suffix;
    const delta = text.length - base.length;
    const cells = base.document.cells;
    const i = cellBefore(cells, ends.prefix);
    const cell = cells[i];
    if (!cell || cell.fileStart >= ends.prefix || oldEnd >= cell.fileEnd || ends.prefix > text.length - ends.suffix) return undefined;
    const first = cells[0];
    const last = cells[cells.length - 1];
    const head = text.slice(0, first.fileStart);
    const cellEnd = cell.fileEnd + delta;
    if (first.fileStart + text.length - (last.fileEnd + delta) > 64 * 1024) return undefined;
    const tail = text.slice(last.fileEnd + delta, text.length);
    const next = base.entries[i + 1];
    // The edited cell up to the next cell's start (and the character after, as advance reads a CR LF pair).
    const span = text.slice(cell.fileStart, next ? Math.min(text.length, next.fileStart + delta + 1) : cellEnd);
    let alone: ScanDocument;
    try {
      alone = readDocument(path, head + span.slice(0, cellEnd - cell.fileStart) + tail);
    } catch {
      return undefined;
    }
    const read = alone.cells[0];
    if (alone.cells.length !== 1 || read.fileStart !== head.length || read.fileEnd !== head.length + cellEnd - cell.fileStart) return undefined;
    if (findDirectives(alone).some((d) => d.scope === 'file')) return undefined;
    const edited = relocateCell(read, cell.fileStart - head.length, i);
    const newCells: NotebookCell[] = cells.slice(0, i);
    newCells.push(edited);
    // The notebook's widget values sit outside the cells list: before the edited cell they stay, after it they move.
    const widgets = base.document.widgets?.map((w) => (w.value.map.toFile(0) < cell.fileStart ? w : { ...w, value: shiftSlice(w.value, -delta) }));
    const document: ScanDocument = typeof text === 'string'
      ? { path: base.document.path, format: base.document.format, text, cells: newCells, ...(widgets ? { widgets } : {}) }
      : new JoinedWhenRead(base.document.path, base.document.format, text, newCells, widgets);
    // An edit that changes what the file's CREATE TABLEs declare may change any cell's INSERTs: read the whole file.
    const tables = declaredBy(newCells, (j) => (j === i ? undefined : base.cells[j]?.tables), cells.length);
    if (tables.digest !== base.tablesDigest) return undefined;
    const entries: CellPlacement[] = base.entries.slice(0, i);
    const cellEntries: CellEntry[] = base.cells.slice();
    const at = base.entries[i];
    cellEntries[i] = scanCell(document, edited, cellScan, tables, span.slice(0, cellEnd - cell.fileStart));
    entries.push({ ...at, findings: cellEntries[i].own });
    if (next) {
      const moved = advance(span, 0, next.fileStart + delta - cell.fileStart, at);
      const lineDelta = moved.line - next.line;
      const charDelta = moved.character - next.character;
      for (let j = i + 1; j < cells.length; j++) {
        newCells.push(relocateCell(cells[j], delta, j));
        const e = base.entries[j];
        entries.push({ findings: cellEntries[j].own, fileStart: e.fileStart + delta, line: e.line + lineDelta, character: e.line === next.line ? e.character + charDelta : e.character, index: j });
      }
    }
    return { document, entries, cells: cellEntries, tablesDigest: tables.digest };
  }
}

/** The file's declared tables and their digest. */
interface FileTables {
  readonly columns: TableColumns;
  readonly digest: string;
}

/**
 * The tables the cells declare, each cell's from `known` (a cached scan's) or read from its source; `count`
 * cells (the cells after the last given keep theirs in `known`).
 */
function declaredBy(cells: readonly NotebookCell[], known: (i: number) => readonly TableDeclaration[] | undefined, count = cells.length): FileTables {
  const declarations: TableDeclaration[] = [];
  for (let i = 0; i < count; i++) {
    const own = known(i) ?? (i < cells.length ? declaredInCell(cells[i]) : []);
    for (const d of own) declarations.push(d);
  }
  const columns = tableColumnsOf(declarations);
  return { columns, digest: tablesDigest(columns) };
}

/** The text both ends of which the first `count` edits left alone, or undefined when they do not chain. */
function unchangedEnds(edits: readonly UnchangedEnds[], count: number): UnchangedEnds | undefined {
  let { prefix, suffix } = edits[0];
  for (let k = 1; k < count; k++) {
    if (edits[k].lengthBefore !== edits[k - 1].lengthAfter) return undefined;
    prefix = Math.min(prefix, edits[k].prefix);
    suffix = Math.min(suffix, edits[k].suffix);
  }
  return { prefix, suffix, lengthBefore: edits[0].lengthBefore, lengthAfter: edits[count - 1].lengthAfter };
}

/** The index of the last cell starting before `offset` (cells are in file order), or -1. */
function cellBefore(cells: readonly NotebookCell[], offset: number): number {
  let lo = -1;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cells[mid].fileStart < offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The position of `to`, counting line breaks as LineIndex does from `from` at position `at`. */
function advance(text: string, from: number, to: number, at: Position): Position {
  let line = at.line;
  let lineStart = from - at.character;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      line++;
      lineStart = k + 1;
    } else if (c === 13) {
      if (text.charCodeAt(k + 1) === 10) k++;
      line++;
      lineStart = k + 1;
    }
  }
  return { line, character: to - lineStart };
}

/**
 * A cell read before an edit (or in another text) placed `shift` further on in the file as cell `index`. Its
 * slices are shifted when first read: after an edit most cells of a notebook are only moved, never read.
 */
class MovedCell implements NotebookCell {
  readonly kind: NotebookCell['kind'];
  readonly language: NotebookCell['language'];
  readonly fileStart: number;
  readonly fileEnd: number;
  private shiftedSource: TextSlice | undefined;
  private shiftedOutputs: readonly OutputRegion[] | undefined;

  constructor(readonly origin: NotebookCell, readonly shift: number, readonly index: number) {
    this.kind = origin.kind;
    this.language = origin.language;
    this.fileStart = origin.fileStart + shift;
    this.fileEnd = origin.fileEnd + shift;
  }

  get source(): TextSlice {
    this.shiftedSource ??= shiftSlice(this.origin.source, -this.shift);
    return this.shiftedSource;
  }

  get title(): TextSlice | undefined {
    return this.origin.title && shiftSlice(this.origin.title, -this.shift);
  }

  get outputs(): readonly OutputRegion[] {
    this.shiftedOutputs ??= this.origin.outputs.map((o) => ({
      ...o,
      texts: o.texts.map((t) => shiftSlice(t, -this.shift)),
      keyed: o.keyed.map((k) => ({ ...k, value: shiftSlice(k.value, -this.shift) })),
    }));
    return this.shiftedOutputs;
  }
}

/** A cell placed `shift` further on as cell `index`; moving a moved cell adds up the shifts instead of chaining cells. */
function relocateCell(cell: NotebookCell, shift: number, index: number): NotebookCell {
  if (shift === 0 && cell.index === index) return cell;
  return cell instanceof MovedCell ? new MovedCell(cell.origin, cell.shift + shift, index) : new MovedCell(cell, shift, index);
}

/** Kind, language, length and two independent 32-bit hashes of the cell's span: no slice of the text is kept. */
function cellKey(text: string, cell: NotebookCell): string {
  const [a, b] = textHashes(text, cell.fileStart, cell.fileEnd);
  return `${cell.kind}\0${cell.language}\0${cell.fileEnd - cell.fileStart}\0${(a >>> 0).toString(36)}\0${(b >>> 0).toString(36)}`;
}

/** What scanning one cell takes: the cell-local analyzers and the inputs of theirs the cache was made with. */
interface CellScan {
  readonly config: ResolvedConfig;
  readonly path: string;
  readonly analyzers: readonly FileAnalyzer[];
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** The inputs the cell-local analyzers read (by their declared keys). */
function pickInputs(analyzers: readonly FileAnalyzer[], inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const a of analyzers) for (const key of a.cellLocal?.inputs ?? []) if (inputs[key] !== undefined) picked[key] = inputs[key];
  return picked;
}

/**
 * Whether two picks hold the same values: the same objects, or records of the same objects (a face builds a
 * fresh record per scan, e.g. live clusters by id, from objects it keeps).
 */
function sameInputs(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k] || sameRecord(a[k], b[k]));
}

function sameRecord(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && ra[k] === rb[k]);
}

/**
 * Scans one cell as a document of its own text, so the work (and the line index) is the cell's size, and runs
 * the cell-local analyzers on that document. The findings are the cell's own (offsets and lines from its
 * start), in document order (the PHI scan's first at equal offsets, as a whole-file scan sorts them).
 */
function scanCell(document: ScanDocument, cell: NotebookCell, { config, path, analyzers, inputs }: CellScan, tables: FileTables, cellText?: string): CellEntry {
  const alone = cellAlone(document, cell, cellText);
  const evidence = new Map<Finding, StaffClaimText>();
  const { findings, recurring, staff, tablesAsked } = scanOwn(alone, { config, declaredTables: tables.columns }, evidence);
  for (const analyzer of analyzers) findings.push(...analyzer.analyze({ path, text: alone.text, document: alone, config, inputs }));
  findings.sort(byOffsets);
  let claims: StaffClaim[] | undefined;
  if (evidence.size > 0) {
    findings.forEach((f, index) => {
      const claim = evidence.get(f);
      if (claim !== undefined) (claims ??= []).push({ index, ...claim });
    });
  }
  return {
    own: new CellFindings(findings), recurring: recurring.pack(), recurringDigest: recurring.digest,
    staff: staff.pack(), staffDigest: staff.digest, staffClaims: claims,
    tables: declaredInCell(cell), tablesRead: tablesAsked ? tables.digest : undefined,
  };
}

/** A finding of a cell that staff names could take back: its index in the cell's findings and what the check reads. */
interface StaffClaim extends StaffClaimText {
  readonly index: number;
}

/** A cell's own findings without those the file's staff names take back, or `own` itself when none is. */
function withoutStaffs(own: CellFindings, claims: readonly StaffClaim[] | undefined, staff: StaffNames, index: number): CellFindings {
  const dropped = claims?.filter((c) => isStaffs(c, staff));
  if (!dropped || dropped.length === 0) return own;
  const drop = new Set(dropped.map((n) => n.index));
  const origin: CellPlacement = { findings: own, fileStart: 0, line: 0, character: 0, index };
  const kept: Finding[] = [];
  for (let k = 0; k < own.length; k++) if (!drop.has(k)) kept.push(own.place(k, origin));
  return new CellFindings(kept);
}

/** The cell as a document of its own text: offsets and lines count from the cell's start. */
function cellAlone(document: ScanDocument, cell: NotebookCell, cellText?: string): ScanDocument {
  const shift = cell.fileStart;
  const local: NotebookCell = {
    index: cell.index,
    kind: cell.kind,
    language: cell.language,
    source: shiftSlice(cell.source, shift),
    title: cell.title && shiftSlice(cell.title, shift),
    outputs: cell.outputs.map((o) => ({
      ...o,
      texts: o.texts.map((t) => shiftSlice(t, shift)),
      keyed: o.keyed.map((k) => ({ ...k, value: shiftSlice(k.value, shift) })),
    })),
    fileStart: 0,
    fileEnd: cell.fileEnd - shift,
  };
  return { path: document.path, format: document.format, text: cellText ?? document.text.slice(cell.fileStart, cell.fileEnd), cells: [local] };
}

/** A cell's own findings and its recurrences, relative to the cell, in document order. */
function mergedFindings(own: CellFindings, again: readonly Finding[], index: number): Finding[] {
  const origin: CellPlacement = { findings: own, fileStart: 0, line: 0, character: 0, index };
  const all: Finding[] = [];
  for (let k = 0; k < own.length; k++) all.push(own.place(k, origin));
  for (const f of again) all.push(f);
  return all.sort(byOffsets);
}

interface Position {
  readonly line: number;
  readonly character: number;
}

/** A document after a one-cell edit whose text is joined from the edited text only when read (most edits never do). */
class JoinedWhenRead implements ScanDocument {
  constructor(
    readonly path: string, readonly format: ScanDocument['format'], private readonly source: EditedText, readonly cells: readonly NotebookCell[],
    readonly widgets?: readonly KeyedSlice[],
  ) {}

  get text(): string {
    return this.source.text();
  }
}

/** An OffsetMap whose file offsets are counted from a cell's start instead of the file's. */
class ShiftedMap extends OffsetMap {
  constructor(private readonly inner: OffsetMap, private readonly shift: number) {
    super();
  }

  override get length(): number {
    return this.inner.length;
  }

  override toFile(offset: number): number {
    return this.inner.toFile(offset) - this.shift;
  }

  override toFileEnd(end: number): number {
    return this.inner.toFileEnd(end) - this.shift;
  }
}

/** A slice whose file offsets are counted `shift` further on; its map is made when first read (most never are). */
class ShiftedSlice implements TextSlice {
  readonly text: string;
  private shiftedMap: OffsetMap | undefined;

  constructor(readonly inner: TextSlice, readonly shift: number) {
    this.text = inner.text;
  }

  get map(): OffsetMap {
    this.shiftedMap ??= new ShiftedMap(this.inner.map, this.shift);
    return this.shiftedMap;
  }
}

/** Shifting a shifted slice adds up the shifts instead of nesting maps. */
function shiftSlice(slice: TextSlice, by: number): TextSlice {
  return slice instanceof ShiftedSlice ? new ShiftedSlice(slice.inner, slice.shift + by) : new ShiftedSlice(slice, by);
}

/**
 * Which cell findings a file-wide suppression removes, by rule id. Each rule id found is asked once, so the
 * answer keeps nothing of the document (the suppressions read it, and a state lives as long as its document is open).
 */
function fileWideDropped(document: ScanDocument, entries: readonly CellPlacement[]): ((f: FindingKind) => boolean) | undefined {
  if (!findDirectives(document).some((d) => d.scope === 'file')) return undefined;
  const suppressions = parseSuppressions(document);
  const dropped = new Set<string>();
  for (const { findings } of entries) {
    for (let i = 0; i < findings.length; i++) {
      const { ruleId } = findings.kind(i);
      if (!dropped.has(ruleId) && suppressions.suppresses(ruleId, -1, undefined)) dropped.add(ruleId);
    }
  }
  return dropped.size > 0 ? (f) => dropped.has(f.ruleId) : undefined;
}

function failed(error: ScanError): IncrementalResult {
  return { findings: PlacedFindings.of([]), error };
}

/** Our own input errors say what is wrong with the file; anything else is reported by kind alone. */
function describeError(e: unknown): string {
  if (e instanceof ScanInputError) return e.message;
  return `internal error while scanning (${e instanceof Error ? e.name : 'error'}); please report it`;
}
