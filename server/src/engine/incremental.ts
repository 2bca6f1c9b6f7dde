/**
 * Incremental scanning for the editor: a document is split into cells (cheap, the reader does it) and each
 * cell's findings are cached by the cell's raw text. An edit then rescans only the cells it touched; the
 * findings of the others are moved to their cells' new offsets. Scanning a cell on its own gives the same
 * findings as scanning the file because every rule, context and suppression (bar `phisafe-ignore-file`,
 * applied here across cells) is cell-local.
 */
import type { ResolvedConfig } from './config';
import { analyzersFor } from './analyzers';
import { readDocument } from './formats';
import { ScanInputError } from './formats/errors';
import { isPhiScannable } from './formats/support';
import type { Finding, NotebookCell, ScanDocument, TextSlice } from './model';
import { LineIndex, OffsetMap } from './positions';
import { scanDocument, type ScanResult } from './scan';
import { findDirectives, parseSuppressions } from './suppression';

/**
 * A cell's findings as last placed in the file, with where the cell then started. A cell that has not moved
 * hands back the very same Finding objects (one copy per finding is retained); a moved one is shifted.
 */
interface CellEntry {
  readonly findings: readonly Finding[];
  readonly fileStart: number;
  readonly line: number;
  readonly character: number;
  readonly index: number;
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
  /** Per cell, in order: findings as placed, and where the cell starts. */
  readonly entries: readonly CellEntry[];
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
  /** By cellKey: kind, language, length and a 64-bit digest of the cell's text (no copy of the text is kept). */
  private cache = new Map<string, CellEntry>();
  private config: ResolvedConfig | undefined;
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

  scan(path: string, text: string, config: ResolvedConfig): ScanResult {
    const steps = this.steps(path, text, config);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /** Yields after each cell it had to scan; returns the result. `inputs` go to the analyzers (e.g. Unity Catalog metadata). */
  *steps(path: string, text: string, config: ResolvedConfig, inputs: Readonly<Record<string, unknown>> = {}): Generator<void, ScanResult> {
    const noted = this.edits.length;
    if (config !== this.config) {
      this.cache = new Map();
      this.config = config;
      this.base = undefined;
    }
    if (text.length > config.maxFileSizeMB * 1024 * 1024) {
      return { findings: [], error: { path, message: `file is over the ${config.maxFileSizeMB} MB limit (maxFileSizeMB); skipped` } };
    }
    let document: ScanDocument | undefined;
    const findings: Finding[] = [];
    try {
      const patched = this.editOneCell(path, text, config, noted);
      if (patched) {
        document = patched.document;
        for (const entry of patched.entries) for (const f of entry.findings) findings.push(f);
        this.keepBase(path, text, document, patched.entries, noted, false);
        this.stats = { cells: document.cells.length, scanned: 1, oneCell: true };
      } else if (isPhiScannable(path)) {
        document = readDocument(path, text);
        const entries: CellEntry[] = [];
        const next = new Map<string, CellEntry>();
        const lines = new LineIndex(text);
        let scanned = 0;
        for (const cell of document.cells) {
          const key = cellKey(text, cell);
          const at = lines.position(cell.fileStart);
          const cached = next.get(key) ?? this.cache.get(key);
          let entry: CellEntry;
          if (cached) {
            entry = moveEntry(cached, cell, at);
          } else {
            entry = { findings: scanCell(document, cell, config).map((f) => placeFinding(f, cell, at)), fileStart: cell.fileStart, ...at, index: cell.index };
            // Kept at once, so a scan dropped half-way for a newer edit still saves the next one work.
            this.cache.set(key, entry);
            scanned++;
            yield;
          }
          next.set(key, entry);
          entries.push(entry);
          for (const f of entry.findings) findings.push(f);
        }
        this.cache = next;
        this.keepBase(path, text, document, entries, noted, undefined);
        this.stats = { cells: document.cells.length, scanned };
        const fileWide = parseSuppressions(document);
        removeWhere(findings, (f) => fileWide.suppresses(f.ruleId, -1, undefined));
      }
      const input = { path, text, document, config, inputs };
      for (const analyzer of analyzersFor(path)) findings.push(...analyzer.analyze(input));
    } catch (e) {
      return { findings: [], error: { path, message: describeError(e) } };
    }
    findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
    return { findings, document };
  }

  /**
   * Keeps what this scan read (large .ipynb only) and drops the edits its text already had. A notebook with a
   * file-wide suppression is always read whole (a cell edit could add or remove one that applies to all cells).
   */
  private keepBase(path: string, text: string, document: ScanDocument, entries: readonly CellEntry[], noted: number, fileWide: boolean | undefined): void {
    this.edits = this.edits.slice(noted);
    const keep = this.options.editsNoted && document.format === 'ipynb' && text.length >= (this.options.minEditedBytes ?? 1024 * 1024)
      && !(fileWide ?? findDirectives(document).some((d) => d.scope === 'file'));
    this.base = keep ? { path, length: text.length, document, entries } : undefined;
  }

  /**
   * The scan of an edit that lies strictly inside one cell's JSON object: that cell is read again as a
   * notebook of its own (the file's text around the cells list, that cell's text in it) and accepted only if
   * it reads back as exactly one cell covering the whole span; the cells after it move by the edit's deltas.
   * Undefined when anything does not fit: the caller then reads the whole file.
   */
  private editOneCell(path: string, text: string, config: ResolvedConfig, noted: number): { document: ScanDocument; entries: CellEntry[] } | undefined {
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
    const tail = text.slice(last.fileEnd + delta);
    if (head.length + tail.length > 64 * 1024) return undefined;
    let alone: ScanDocument;
    try {
      alone = readDocument(path, head + text.slice(cell.fileStart, cellEnd) + tail);
    } catch {
      return undefined;
    }
    const read = alone.cells[0];
    if (alone.cells.length !== 1 || read.fileStart !== head.length || read.fileEnd !== head.length + cellEnd - cell.fileStart) return undefined;
    if (findDirectives(alone).some((d) => d.scope === 'file')) return undefined;
    const edited = relocateCell(read, cell.fileStart - head.length, i);
    const newCells: NotebookCell[] = cells.slice(0, i);
    newCells.push(edited);
    const document: ScanDocument = { ...base.document, text, cells: newCells };
    const entries: CellEntry[] = base.entries.slice(0, i);
    const at = base.entries[i];
    entries.push({ findings: scanCell(document, edited, config).map((f) => placeFinding(f, edited, at)), fileStart: edited.fileStart, line: at.line, character: at.character, index: i });
    const next = base.entries[i + 1];
    if (next) {
      const moved = advance(text, edited.fileStart, next.fileStart + delta, at);
      const lineDelta = moved.line - next.line;
      const charDelta = moved.character - next.character;
      for (let j = i + 1; j < cells.length; j++) {
        const c = relocateCell(cells[j], delta, j);
        const e = base.entries[j];
        newCells.push(c);
        entries.push(moveEntry(e, c, { line: e.line + lineDelta, character: e.line === next.line ? e.character + charDelta : e.character }));
      }
    }
    return { document, entries };
  }
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

/** A cell read elsewhere (another text, or before an edit) placed at `shift` further on in the file, as cell `index`. */
function relocateCell(cell: NotebookCell, shift: number, index: number): NotebookCell {
  if (shift === 0 && cell.index === index) return cell;
  return {
    ...cell,
    index,
    source: shiftSlice(cell.source, -shift),
    title: cell.title && shiftSlice(cell.title, -shift),
    outputs: cell.outputs.map((o) => ({
      ...o,
      texts: o.texts.map((t) => shiftSlice(t, -shift)),
      keyed: o.keyed.map((k) => ({ key: k.key, value: shiftSlice(k.value, -shift) })),
    })),
    fileStart: cell.fileStart + shift,
    fileEnd: cell.fileEnd + shift,
  };
}

/** Kind, language, length and two independent 32-bit hashes of the cell's span: no slice of the text is kept. */
function cellKey(text: string, cell: NotebookCell): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = cell.fileStart; i < cell.fileEnd; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${cell.kind}\0${cell.language}\0${cell.fileEnd - cell.fileStart}\0${(a >>> 0).toString(36)}\0${(b >>> 0).toString(36)}`;
}

/** Scans one cell as a document of its own text, so the work (and the line index) is the cell's size. */
function scanCell(document: ScanDocument, cell: NotebookCell, config: ResolvedConfig): Finding[] {
  const shift = cell.fileStart;
  const local: NotebookCell = {
    ...cell,
    index: cell.index,
    source: shiftSlice(cell.source, shift),
    title: cell.title && shiftSlice(cell.title, shift),
    outputs: cell.outputs.map((o) => ({
      ...o,
      texts: o.texts.map((t) => shiftSlice(t, shift)),
      keyed: o.keyed.map((k) => ({ key: k.key, value: shiftSlice(k.value, shift) })),
    })),
    fileStart: 0,
    fileEnd: cell.fileEnd - shift,
  };
  const alone: ScanDocument = { ...document, text: document.text.slice(cell.fileStart, cell.fileEnd), cells: [local] };
  return scanDocument(alone, { config });
}

interface Position {
  readonly line: number;
  readonly character: number;
}

/** A finding of the cell scanned alone (offsets and lines from the cell's start), placed in the file. */
function placeFinding(f: Finding, cell: NotebookCell, at: Position): Finding {
  const r = f.range;
  return {
    ...f,
    cellIndex: cell.index,
    range: {
      startOffset: cell.fileStart + r.startOffset,
      endOffset: cell.fileStart + r.endOffset,
      line: at.line + r.line,
      character: r.line === 0 ? at.character + r.character : r.character,
      endLine: at.line + r.endLine,
      endCharacter: r.endLine === 0 ? at.character + r.endCharacter : r.endCharacter,
    },
  };
}

/** The entry of an unchanged cell at its new place: the same objects when it has not moved. */
function moveEntry(entry: CellEntry, cell: NotebookCell, at: Position): CellEntry {
  if (entry.fileStart === cell.fileStart && entry.line === at.line && entry.character === at.character && entry.index === cell.index) return entry;
  const offsetDelta = cell.fileStart - entry.fileStart;
  const lineDelta = at.line - entry.line;
  const charDelta = at.character - entry.character;
  const findings = entry.findings.map((f) => {
    const r = f.range;
    return {
      ...f,
      cellIndex: cell.index,
      range: {
        startOffset: r.startOffset + offsetDelta,
        endOffset: r.endOffset + offsetDelta,
        line: r.line + lineDelta,
        character: r.line === entry.line ? r.character + charDelta : r.character,
        endLine: r.endLine + lineDelta,
        endCharacter: r.endLine === entry.line ? r.endCharacter + charDelta : r.endCharacter,
      },
    };
  });
  return { findings, fileStart: cell.fileStart, ...at, index: cell.index };
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

/** Which slice a shifted slice was made from, so shifting it again adds up the shifts instead of nesting maps. */
const shiftedFrom = new WeakMap<TextSlice, { readonly slice: TextSlice; readonly shift: number }>();

/** Lazy like the reader's slices: most maps are never read (only slices with findings need one). */
function shiftSlice(slice: TextSlice, by: number): TextSlice {
  const origin = shiftedFrom.get(slice);
  const inner = origin?.slice ?? slice;
  const shift = (origin?.shift ?? 0) + by;
  let map: OffsetMap | undefined;
  const shifted: TextSlice = {
    text: inner.text,
    get map(): OffsetMap {
      map ??= new ShiftedMap(inner.map, shift);
      return map;
    },
  };
  shiftedFrom.set(shifted, { slice: inner, shift });
  return shifted;
}

function removeWhere<T>(items: T[], drop: (item: T) => boolean): void {
  let w = 0;
  for (const item of items) if (!drop(item)) items[w++] = item;
  items.length = w;
}

/** Our own input errors say what is wrong with the file; anything else is reported by kind alone. */
function describeError(e: unknown): string {
  if (e instanceof ScanInputError) return e.message;
  return `internal error while scanning (${e instanceof Error ? e.name : 'error'}); please report it`;
}
