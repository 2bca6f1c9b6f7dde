/** Finding → LSP Diagnostic. The message is the finding's (kind, place, redacted label); data never holds a value. */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../engine';
import type { CellFindings, CellPlacement, FindingKind, PlacedFindings } from '../engine/placedFindings';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';
import { ruleDocUri } from './ruleDocs';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingRange(f: Finding): Range {
  return { start: { line: f.range.line, character: f.range.character }, end: { line: f.range.endLine, character: f.range.endCharacter } };
}

export function toDiagnostic(f: Finding, range: Range = findingRange(f), message: string = f.message): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, category: f.category, fixes: f.fixes, cellIndex: f.cellIndex, outputIndex: f.outputIndex };
  return {
    range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUri(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message,
    data,
  };
}

/**
 * The diagnostics of a file's findings (those `keep` accepts) when `room` of the file's `limit` is left for them:
 * all of them if they fit, else the most severe and one more saying how many were left out. VS Code keeps
 * 1,000 per file, errors first, and drops the rest on arrival: sending more only costs the user time.
 */
export function findingDiagnostics(findings: PlacedFindings, room: number, limit: number, keep?: (f: FindingKind) => boolean, reuse?: DiagnosticReuse): Diagnostic[] {
  const total = findings.count(keep);
  const make = (cell: CellPlacement, i: number) => toDiagnostic(cell.findings.place(i, cell));
  const { items } = findings.mostSevereAs(total <= room ? room : Math.max(room - 1, 0), keep, reuse ? (cell, i) => reuse.diagnostic(cell, i, make) : make, (f) => toDiagnostic(f));
  reuse?.done();
  if (items.length < total) items.push(notShownDiagnostic(total - items.length, limit));
  return items;
}

/**
 * The diagnostics last made for one file, by cell findings and where their cell was: after an edit in one cell
 * of a large notebook the other cells' diagnostics are the same objects (a diagnostic holds lines, not
 * offsets), so they are reused instead of placed and made again. Only what the last publish used is kept.
 */
export class DiagnosticReuse {
  private uri: string | undefined;
  private last = new Map<CellFindings, PlacedCell>();
  private next = new Map<CellFindings, PlacedCell>();

  /** Starts a publish for `uri` (another file's diagnostics are forgotten). */
  begin(uri: string): this {
    if (uri !== this.uri) this.last = new Map();
    this.uri = uri;
    this.next = new Map();
    return this;
  }

  diagnostic(cell: CellPlacement, i: number, make: (cell: CellPlacement, i: number) => Diagnostic): Diagnostic {
    let placed = this.next.get(cell.findings);
    if (!placed) {
      const before = this.last.get(cell.findings);
      const same = before && before.line === cell.line && before.character === cell.character && before.index === cell.index;
      placed = { line: cell.line, character: cell.character, index: cell.index, made: same ? before.made : new Map() };
      this.next.set(cell.findings, placed);
    }
    let diagnostic = placed.made.get(i);
    if (!diagnostic) {
      diagnostic = make(cell, i);
      placed.made.set(i, diagnostic);
    }
    return diagnostic;
  }

  /** Keeps what this publish used, for the next. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

interface PlacedCell {
  readonly line: number;
  readonly character: number;
  readonly index: number;
  readonly made: Map<number, Diagnostic>;
}

/** Says that `notShown` findings were left out of a file's diagnostics (a count only). */
function notShownDiagnostic(notShown: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: 'phisafe/more-findings',
    message: `phisafe: ${notShown} more findings in this file are not listed (at most ${limit} diagnostics per file, the most severe first); \`phisafe lint\` lists them all`,
  };
}

/** A finding from a notebook's saved outputs or cell metadata, shown at the first line of its cell. */
export function cellLevelDiagnostic(f: Finding, firstLineLength: number): Diagnostic {
  const where = f.outputIndex === undefined ? 'cell title' : `saved output ${f.outputIndex + 1} of this cell`;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } };
  return toDiagnostic(f, range, `${f.message} (${where})`);
}

export function contains(range: Range, line: number, character: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && character < range.start.character) return false;
  return !(line === range.end.line && character > range.end.character);
}

export function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
