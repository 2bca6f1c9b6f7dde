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
import { parseSuppressions } from './suppression';

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

export interface IncrementalStats {
  readonly cells: number;
  /** Cells scanned afresh on the last scan (the others came from the cache). */
  readonly scanned: number;
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

  get lastStats(): IncrementalStats {
    return this.stats;
  }

  scan(path: string, text: string, config: ResolvedConfig): ScanResult {
    const steps = this.steps(path, text, config);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /** Yields after each cell it had to scan; returns the result. `inputs` go to the analyzers (e.g. Unity Catalog metadata). */
  *steps(path: string, text: string, config: ResolvedConfig, inputs: Readonly<Record<string, unknown>> = {}): Generator<void, ScanResult> {
    if (config !== this.config) {
      this.cache = new Map();
      this.config = config;
    }
    if (text.length > config.maxFileSizeMB * 1024 * 1024) {
      return { findings: [], error: { path, message: `file is over the ${config.maxFileSizeMB} MB limit (maxFileSizeMB); skipped` } };
    }
    let document: ScanDocument | undefined;
    const findings: Finding[] = [];
    try {
      if (isPhiScannable(path)) {
        document = readDocument(path, text);
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
          for (const f of entry.findings) findings.push(f);
        }
        this.cache = next;
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

/** Lazy like the reader's slices: most maps are never read (only slices with findings need one). */
function shiftSlice(slice: TextSlice, shift: number): TextSlice {
  let map: OffsetMap | undefined;
  return {
    text: slice.text,
    get map(): OffsetMap {
      map ??= new ShiftedMap(slice.map, shift);
      return map;
    },
  };
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
