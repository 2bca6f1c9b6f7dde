/**
 * The findings of an incremental scan as the editor reads them. Each cell's findings are kept as scanned on the
 * cell alone (offsets and lines counted from the cell's start) and placed in the file only when read: an edit
 * in one cell of a large notebook moves the other cells' places, not their tens of thousands of findings. The
 * server publishes a bounded number of diagnostics per edit, so most findings are never placed at all.
 */
import type { Finding, Severity } from './model';

/** One cell's findings as scanned on the cell alone, sorted by start then end offset, and counted by severity. */
export interface CellFindings {
  readonly list: readonly Finding[];
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

export function cellFindings(list: readonly Finding[]): CellFindings {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of list) bySeverity[f.severity]++;
  return { list, bySeverity };
}

/** Where one cell's findings go in the file this time. */
export interface CellPlacement {
  readonly findings: CellFindings;
  readonly fileStart: number;
  readonly line: number;
  readonly character: number;
  readonly index: number;
}

export interface Selection {
  /** In document order. */
  readonly findings: readonly Finding[];
  /** How many findings passed the filter, chosen or not. */
  readonly total: number;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export class PlacedFindings {
  private placed: readonly Finding[] | undefined;

  /**
   * `others` are already placed (analyzer findings, which apply suppressions themselves), sorted; `dropped`
   * removes cell findings a file-wide suppression covers (it reads only the rule id, which placing keeps).
   */
  constructor(
    private readonly cells: readonly CellPlacement[],
    private readonly others: readonly Finding[] = [],
    private readonly dropped?: (f: Finding) => boolean,
  ) {}

  /** Findings placed by someone else (a whole-file scan, an error): no cells. */
  static of(findings: readonly Finding[]): PlacedFindings {
    return new PlacedFindings([], [...findings].sort(byOffsets));
  }

  /** Every finding placed in the file, in document order (placed once, then kept with this object). */
  all(): readonly Finding[] {
    if (!this.placed) {
      const out: Finding[] = [];
      this.visitInOrder((f) => {
        out.push(f);
        return true;
      });
      this.placed = out;
    }
    return this.placed;
  }

  /** How many findings there are (that `keep` accepts), without placing any. */
  count(keep?: (f: Finding) => boolean): number {
    const by = this.bySeverity(keep);
    return by.error + by.warning + by.info;
  }

  /** Counts by severity: from each cell's counts unless a filter needs every finding looked at. */
  private bySeverity(keep: ((f: Finding) => boolean) | undefined): Record<Severity, number> {
    const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const filtered = keep !== undefined || this.dropped !== undefined;
    for (const cell of this.cells) {
      if (!filtered) {
        for (const severity of SEVERITIES) count[severity] += cell.findings.bySeverity[severity];
        continue;
      }
      for (const f of cell.findings.list) if (keep?.(f) !== false && !this.dropped?.(f)) count[f.severity]++;
    }
    for (const f of this.others) if (keep?.(f) !== false) count[f.severity]++;
    return count;
  }

  /**
   * At most `limit` of the findings `keep` accepts: all of the most severe kind, then of the next, in
   * document order (how VS Code chooses the diagnostics it keeps). Only the chosen ones are placed.
   */
  mostSevere(limit: number, keep?: (f: Finding) => boolean): Selection {
    const count = this.bySeverity(keep);
    const total = count.error + count.warning + count.info;
    if (total <= limit && this.placed) return { findings: keep ? this.placed.filter(keep) : this.placed, total };
    const room: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    let left = limit;
    for (const severity of SEVERITIES) {
      room[severity] = Math.min(count[severity], left);
      left -= room[severity];
    }
    const chosen: Finding[] = [];
    const wanted = Math.min(limit, total);
    this.visitInOrder(
      (f) => {
        if (room[f.severity] > 0) {
          room[f.severity]--;
          chosen.push(f);
        }
        return chosen.length < wanted;
      },
      (f) => keep?.(f) !== false && room[f.severity] > 0,
    );
    return { findings: chosen, total };
  }

  /** The findings whose lines overlap `[startLine, endLine]` (for a hover or a code action at a place). */
  onLines(startLine: number, endLine: number): Finding[] {
    const out: Finding[] = [];
    this.visitInOrder(
      (f) => {
        if (f.range.endLine >= startLine && f.range.line <= endLine) out.push(f);
        return true;
      },
      undefined,
      (cell, next) => cell.line <= endLine && (next === undefined || next.line >= startLine),
    );
    return out;
  }

  /**
   * Calls `visit` with each finding placed, in document order (cells' findings before analyzer findings at
   * the same offsets, as a stable sort of both would have it), until it returns false. `wanted` skips a
   * finding before it is placed; `cellWanted` skips a whole cell.
   */
  private visitInOrder(
    visit: (f: Finding) => boolean,
    wanted: (f: Finding) => boolean = () => true,
    cellWanted: (cell: CellPlacement, next: CellPlacement | undefined) => boolean = () => true,
  ): void {
    const others = this.others;
    let o = 0;
    const take = (f: Finding): boolean => (wanted(f) ? visit(f) : true);
    for (let c = 0; c < this.cells.length; c++) {
      const cell = this.cells[c];
      if (!cellWanted(cell, this.cells[c + 1])) continue;
      for (const relative of cell.findings.list) {
        const start = cell.fileStart + relative.range.startOffset;
        const end = cell.fileStart + relative.range.endOffset;
        for (; o < others.length && (others[o].range.startOffset < start || (others[o].range.startOffset === start && others[o].range.endOffset < end)); o++) {
          if (!take(others[o])) return;
        }
        if (this.dropped?.(relative) || !wanted(relative)) continue;
        if (!visit(placeFinding(relative, cell))) return;
      }
    }
    for (; o < others.length; o++) if (!take(others[o])) return;
  }
}

/** Sorting order of findings in a result: by start, then end offset. */
export function byOffsets(a: Finding, b: Finding): number {
  return a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset;
}

/** A finding of a cell scanned alone (offsets and lines from the cell's start), placed in the file. */
export function placeFinding(f: Finding, at: CellPlacement): Finding {
  const r = f.range;
  return {
    ...f,
    cellIndex: at.index,
    range: {
      startOffset: at.fileStart + r.startOffset,
      endOffset: at.fileStart + r.endOffset,
      line: at.line + r.line,
      character: r.line === 0 ? at.character + r.character : r.character,
      endLine: at.line + r.endLine,
      endCharacter: r.endLine === 0 ? at.character + r.endCharacter : r.endCharacter,
    },
  };
}
