/**
 * The findings of an incremental scan as the editor reads them. Each cell's findings are kept as scanned on the
 * cell alone (offsets and lines counted from the cell's start) and placed in the file only when read: an edit
 * in one cell of a large notebook moves the other cells' places, not their tens of thousands of findings. The
 * server publishes a bounded number of diagnostics per edit, so most findings are never placed at all.
 */
import type { Finding, Severity } from './model';

/** What findings of one rule in one place share: everything but where they are and their own label. */
export type FindingKind = Omit<Finding, 'range' | 'message' | 'redacted' | 'cellIndex' | 'fingerprint'>;

const RANGE_FIELDS = 6;
const PER_FINDING: ReadonlySet<string> = new Set(['range', 'message', 'redacted', 'cellIndex', 'fingerprint']);

/** A finding's kind: every field it has but the per-finding ones (absent optional fields stay absent). */
function kindOf(f: Finding): FindingKind {
  const kind: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) if (!PER_FINDING.has(key)) kind[key] = value;
  return kind as FindingKind;
}

/**
 * One cell's findings as scanned on the cell alone (offsets and lines from the cell's start), sorted by start
 * then end offset, in columns: a range is six numbers in one typed array and each kind is kept once, so an open
 * document holds a fraction of the objects its findings would be. Findings are made when placed.
 */
export class CellFindings {
  readonly length: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  private readonly kinds: FindingKind[] = [];
  /**
   * By kind: the message up to the redacted label it ends with (`SSN in a comment: `), kept once; a finding
   * whose message does not end with its label keeps its whole message in `messages`.
   */
  private readonly messageHeads: (string | undefined)[] = [];
  private readonly kindOf: Uint32Array;
  private readonly ranges: Int32Array;
  private readonly messages: Map<number, string> = new Map();
  private readonly labels: string[];
  /** Present only when a finding had one (baselines give a salt; the editor does not). */
  private readonly fingerprints: (string | undefined)[] | undefined;

  constructor(findings: readonly Finding[]) {
    this.length = findings.length;
    this.kindOf = new Uint32Array(findings.length);
    this.ranges = new Int32Array(findings.length * RANGE_FIELDS);
    this.labels = findings.map((f) => f.redacted);
    this.fingerprints = findings.some((f) => 'fingerprint' in f) ? findings.map((f) => f.fingerprint) : undefined;
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const known = new Map<string, number>();
    findings.forEach((f, i) => {
      bySeverity[f.severity]++;
      const r = f.range;
      const head = f.message.endsWith(f.redacted) ? f.message.slice(0, f.message.length - f.redacted.length) : undefined;
      if (head === undefined) this.messages.set(i, f.message);
      this.kindOf[i] = this.kindIndex(kindOf(f), head, known);
      this.ranges.set([r.startOffset, r.endOffset, r.line, r.character, r.endLine, r.endCharacter], i * RANGE_FIELDS);
    });
    this.bySeverity = bySeverity;
  }

  kind(i: number): FindingKind {
    return this.kinds[this.kindOf[i]];
  }

  startOffset(i: number): number {
    return this.ranges[i * RANGE_FIELDS];
  }

  endOffset(i: number): number {
    return this.ranges[i * RANGE_FIELDS + 1];
  }

  /** Finding `i` placed in the file, as cell `at.index`. */
  place(i: number, at: CellPlacement): Finding {
    const r = i * RANGE_FIELDS;
    const ranges = this.ranges;
    const line = ranges[r + 2];
    const endLine = ranges[r + 4];
    const finding: Finding = {
      ...this.kind(i),
      message: this.messages.get(i) ?? `${this.messageHeads[this.kindOf[i]]}${this.labels[i]}`,
      redacted: this.labels[i],
      cellIndex: at.index,
      range: {
        startOffset: at.fileStart + ranges[r],
        endOffset: at.fileStart + ranges[r + 1],
        line: at.line + line,
        character: line === 0 ? at.character + ranges[r + 3] : ranges[r + 3],
        endLine: at.line + endLine,
        endCharacter: endLine === 0 ? at.character + ranges[r + 5] : ranges[r + 5],
      },
    };
    return this.fingerprints && this.fingerprints[i] !== undefined ? { ...finding, fingerprint: this.fingerprints[i] } : finding;
  }

  /** The same kind for findings that share every field a kind has (keys and values alike) and their message head. */
  private kindIndex(kind: FindingKind, messageHead: string | undefined, known: Map<string, number>): number {
    const key = `${Object.entries(kind).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\0')}\0${messageHead ?? '\u0001'}`;
    let index = known.get(key);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push(kind);
      this.messageHeads.push(messageHead);
      known.set(key, index);
    }
    return index;
  }
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
  private unfiltered: Readonly<Record<Severity, number>> | undefined;

  /**
   * `others` are already placed (analyzer findings, which apply suppressions themselves), sorted; `dropped`
   * removes cell findings a file-wide suppression covers (it reads only the rule id, which placing keeps).
   */
  constructor(
    private readonly cells: readonly CellPlacement[],
    private readonly others: readonly Finding[] = [],
    private readonly dropped?: (f: FindingKind) => boolean,
  ) {}

  /** Findings placed by someone else (a whole-file scan, an error): no cells. */
  static of(findings: readonly Finding[]): PlacedFindings {
    return new PlacedFindings([], [...findings].sort(byOffsets));
  }

  /** Every finding placed in the file, in document order (placed once, then kept with this object). */
  all(): readonly Finding[] {
    if (!this.placed) {
      const out: Finding[] = [];
      this.visitInOrder((_kind, cell, i, other) => {
        out.push(other ?? (cell as CellPlacement).findings.place(i, cell as CellPlacement));
        return true;
      });
      this.placed = out;
    }
    return this.placed;
  }

  /** How many findings there are (that `keep` accepts), without placing any. */
  count(keep?: (f: FindingKind) => boolean): number {
    const by = this.bySeverity(keep);
    return by.error + by.warning + by.info;
  }

  /**
   * Counts by severity: from each cell's counts unless a filter needs every finding looked at. Unfiltered counts
   * are kept (a publish asks twice, and a large notebook has thousands of cells).
   */
  private bySeverity(keep: ((f: FindingKind) => boolean) | undefined): Record<Severity, number> {
    const filtered = keep !== undefined || this.dropped !== undefined;
    if (!filtered && this.unfiltered) return { ...this.unfiltered };
    const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    if (!filtered) {
      // Plain sums (a large notebook has thousands of cells, counted on every publish).
      for (const { findings: { bySeverity } } of this.cells) {
        count.error += bySeverity.error;
        count.warning += bySeverity.warning;
        count.info += bySeverity.info;
      }
    }
    for (const cell of filtered ? this.cells : []) {
      for (let i = 0; i < cell.findings.length; i++) {
        const kind = cell.findings.kind(i);
        if (keep?.(kind) !== false && !this.dropped?.(kind)) count[kind.severity]++;
      }
    }
    for (const f of this.others) if (keep?.(f) !== false) count[f.severity]++;
    if (!filtered) this.unfiltered = { ...count };
    return count;
  }

  /**
   * At most `limit` of the findings `keep` accepts: all of the most severe kind, then of the next, in
   * document order (how VS Code chooses the diagnostics it keeps). Only the chosen ones are placed.
   */
  mostSevere(limit: number, keep?: (f: FindingKind) => boolean): Selection {
    if (this.placed) {
      const count = this.bySeverity(keep);
      if (count.error + count.warning + count.info <= limit) return { findings: keep ? this.placed.filter(keep) : this.placed, total: count.error + count.warning + count.info };
    }
    const { items, total } = this.mostSevereAs(limit, keep, (cell, i) => cell.findings.place(i, cell), (f) => f);
    return { findings: items, total };
  }

  /**
   * As mostSevere, each chosen finding made by `fromCell` (finding `i` of a cell, at the cell's placement) or
   * `fromOther` (an analyzer finding): a caller can reuse what it made for a cell placed the same way before.
   */
  mostSevereAs<T>(limit: number, keep: ((f: FindingKind) => boolean) | undefined, fromCell: (cell: CellPlacement, i: number) => T, fromOther: (f: Finding) => T): { items: T[]; total: number } {
    const count = this.bySeverity(keep);
    const total = count.error + count.warning + count.info;
    const room: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    let left = limit;
    for (const severity of SEVERITIES) {
      room[severity] = Math.min(count[severity], left);
      left -= room[severity];
    }
    const items: T[] = [];
    const wanted = Math.min(limit, total);
    if (wanted === 0) return { items, total };
    this.visitInOrder((kind, cell, i, other) => {
      if (keep?.(kind) === false || room[kind.severity] === 0) return true;
      room[kind.severity]--;
      items.push(other ? fromOther(other) : fromCell(cell as CellPlacement, i));
      return items.length < wanted;
    });
    return { items, total };
  }

  /** The findings whose lines overlap `[startLine, endLine]` (for a hover or a code action at a place). */
  onLines(startLine: number, endLine: number): Finding[] {
    const out: Finding[] = [];
    this.visitInOrder(
      (_kind, cell, i, other) => {
        const f = other ?? (cell as CellPlacement).findings.place(i, cell as CellPlacement);
        if (f.range.endLine >= startLine && f.range.line <= endLine) out.push(f);
        return true;
      },
      (cell, next) => cell.line <= endLine && (next === undefined || next.line >= startLine),
    );
    return out;
  }

  /**
   * Calls `visit` with each finding's kind and where it is (finding `i` of `cell`, not yet placed, or `other`, an
   * analyzer finding), in document order (cells' findings before analyzer findings at the same offsets, as a
   * stable sort of both would have it), until it returns false. Findings a file-wide suppression drops are
   * skipped; `cellWanted` skips a whole cell.
   */
  private visitInOrder(
    visit: (kind: FindingKind, cell: CellPlacement | undefined, i: number, other: Finding | undefined) => boolean,
    cellWanted: (cell: CellPlacement, next: CellPlacement | undefined) => boolean = () => true,
  ): void {
    const others = this.others;
    let o = 0;
    for (let c = 0; c < this.cells.length; c++) {
      const cell = this.cells[c];
      if (!cellWanted(cell, this.cells[c + 1])) continue;
      const findings = cell.findings;
      for (let i = 0; i < findings.length; i++) {
        const start = cell.fileStart + findings.startOffset(i);
        const end = cell.fileStart + findings.endOffset(i);
        for (; o < others.length && (others[o].range.startOffset < start || (others[o].range.startOffset === start && others[o].range.endOffset < end)); o++) {
          if (!visit(others[o], undefined, -1, others[o])) return;
        }
        const kind = findings.kind(i);
        if (this.dropped?.(kind)) continue;
        if (!visit(kind, cell, i, undefined)) return;
      }
    }
    for (; o < others.length; o++) if (!visit(others[o], undefined, -1, others[o])) return;
  }
}

/** Sorting order of findings in a result: by start, then end offset. */
export function byOffsets(a: Finding, b: Finding): number {
  return a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset;
}
