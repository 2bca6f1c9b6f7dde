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

/** A finding with offsets and lines relative to its cell's first character, so it survives the cell moving. */
interface CellFinding {
  readonly finding: Finding;
  readonly startOffset: number;
  readonly endOffset: number;
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
  private cache = new Map<string, readonly CellFinding[]>();
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
        const next = new Map<string, readonly CellFinding[]>();
        const lines = new LineIndex(text);
        let scanned = 0;
        for (const cell of document.cells) {
          const key = cellKey(text, cell);
          let cached = next.get(key) ?? this.cache.get(key);
          if (!cached) {
            cached = scanCell(document, cell, config);
            // Kept at once, so a scan dropped half-way for a newer edit still saves the next one work.
            this.cache.set(key, cached);
            scanned++;
            yield;
          }
          next.set(key, cached);
          for (const c of cached) findings.push(placeFinding(c, cell, lines));
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

function cellKey(text: string, cell: NotebookCell): string {
  return `${cell.kind}\0${cell.language}\0${text.slice(cell.fileStart, cell.fileEnd)}`;
}

/** Scans one cell as a document of its own text, so the work (and the line index) is the cell's size. */
function scanCell(document: ScanDocument, cell: NotebookCell, config: ResolvedConfig): CellFinding[] {
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
  return scanDocument(alone, { config }).map((f) => ({ finding: f, startOffset: f.range.startOffset, endOffset: f.range.endOffset }));
}

function placeFinding(c: CellFinding, cell: NotebookCell, lines: LineIndex): Finding {
  const startOffset = cell.fileStart + c.startOffset;
  const endOffset = cell.fileStart + c.endOffset;
  const start = lines.position(startOffset);
  const end = lines.position(endOffset);
  return {
    ...c.finding,
    cellIndex: cell.index,
    range: { startOffset, endOffset, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character },
  };
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
