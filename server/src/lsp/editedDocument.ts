/**
 * An open text document as the editor edits it, without copying the whole text on every keystroke: each
 * version's text is a piece table (slices of the text it was opened or last joined with, and the inserted
 * strings), joined into one string only when something reads it whole, then kept. A one-cell rescan of a
 * 20 MB notebook reads a few slices; line starts are kept up to date as vscode-languageserver-textdocument does.
 */
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { EditedText } from '../engine/incremental';

interface Piece {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** Past this many pieces the next edit starts from the joined text (slicing walks the pieces). */
const MAX_PIECES = 512;
const LF = 10;
const CR = 13;

/** One version's text: immutable, so a scan holding it keeps reading the version it started with. */
export class PieceText implements EditedText {
  private joined: string | undefined;

  private constructor(private readonly pieces: readonly Piece[], readonly length: number) {
    if (pieces.length === 1 && pieces[0].start === 0 && pieces[0].end === pieces[0].source.length) this.joined = pieces[0].source;
  }

  static of(text: string): PieceText {
    return new PieceText(text.length > 0 ? [{ source: text, start: 0, end: text.length }] : [], text.length);
  }

  text(): string {
    this.joined ??= this.pieces.map((p) => p.source.slice(p.start, p.end)).join('');
    return this.joined;
  }

  slice(start: number, end: number): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const parts: string[] = [];
    let at = 0;
    for (const p of this.pieces) {
      const length = p.end - p.start;
      if (at + length > start && at < end) parts.push(p.source.slice(p.start + Math.max(0, start - at), p.start + Math.min(length, end - at)));
      at += length;
      if (at >= end) break;
    }
    return parts.join('');
  }

  charCodeAt(offset: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(offset);
    let at = 0;
    for (const p of this.pieces) {
      const length = p.end - p.start;
      if (offset >= at && offset < at + length) return p.source.charCodeAt(p.start + offset - at);
      at += length;
    }
    return NaN;
  }

  /** This text with `[start, end)` replaced by `inserted`. */
  edited(start: number, end: number, inserted: string): PieceText {
    // Once joined (or with many pieces), the next versions are pieces of the joined text: the text it was
    // made from is then no longer kept alongside it.
    if (this.joined !== undefined || this.pieces.length >= MAX_PIECES) {
      const whole = this.text();
      if (this.pieces.length !== 1 || this.pieces[0].source !== whole) return PieceText.of(whole).edited(start, end, inserted);
    }
    const out: Piece[] = [];
    let at = 0;
    for (const p of this.pieces) {
      const length = p.end - p.start;
      if (at < start) append(out, { source: p.source, start: p.start, end: p.start + Math.min(length, start - at) });
      at += length;
    }
    append(out, { source: inserted, start: 0, end: inserted.length });
    at = 0;
    for (const p of this.pieces) {
      const length = p.end - p.start;
      if (at + length > end) append(out, { source: p.source, start: p.start + Math.max(0, end - at), end: p.end });
      at += length;
    }
    return new PieceText(out, this.length - (end - start) + inserted.length);
  }
}

/** Adds a piece, joined with the last one when it continues it (typing then deleting leaves one piece). */
function append(out: Piece[], piece: Piece): void {
  if (piece.end <= piece.start) return;
  const last = out[out.length - 1];
  if (last && last.source === piece.source && last.end === piece.start) out[out.length - 1] = { source: last.source, start: last.start, end: piece.end };
  else out.push(piece);
}

/** The open document the server keeps (what TextDocuments needs of one, and offsets for the edits it reports). */
export class EditedDocument {
  private lineStarts: number[] | undefined;

  private constructor(readonly uri: string, readonly languageId: string, public version: number, public snapshot: PieceText) {}

  static create(uri: string, languageId: string, version: number, content: string): EditedDocument {
    return new EditedDocument(uri, languageId, version, PieceText.of(content));
  }

  getText(): string {
    return this.snapshot.text();
  }

  /** As TextDocument.offsetAt: clamped to the line, and before its line break. */
  offsetAt(position: Position): number {
    const starts = this.lines();
    if (position.line >= starts.length) return this.snapshot.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const nextStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.snapshot.length;
    let offset = Math.min(lineStart + position.character, nextStart);
    while (offset > lineStart && isLineBreak(this.snapshot.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** Applies one change (ranges as the editor sent them) and returns where it went, as TextDocument.update would. */
  apply(change: TextDocumentContentChangeEvent): { start: number; end: number } {
    if (!('range' in change)) {
      const end = this.snapshot.length;
      this.snapshot = PieceText.of(change.text);
      this.lineStarts = undefined;
      return { start: 0, end };
    }
    const { start: from, end: to } = wellFormed(change.range.start, change.range.end);
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    const text = this.snapshot.edited(start, end, change.text);
    this.snapshot = text;
    const insertedEnd = start + change.text.length;
    const starts = this.lineStarts;
    // A CR LF pair across an edit boundary is not in the inserted text's line starts, and a range past the last
    // line does not say which lines it replaced: count them again when asked.
    const crlfAcross = (text.charCodeAt(start - 1) === CR && text.charCodeAt(start) === LF) || (text.charCodeAt(insertedEnd - 1) === CR && text.charCodeAt(insertedEnd) === LF);
    if (!starts || crlfAcross || to.line >= starts.length || from.line < 0) {
      this.lineStarts = undefined;
      return { start, end };
    }
    const startLine = Math.max(from.line, 0);
    const endLine = Math.max(to.line, 0);
    const added = lineStartsOf(change.text, start, false);
    let shifted = starts;
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i];
    } else if (added.length < 10_000) {
      starts.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      shifted = this.lineStarts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
    }
    const diff = change.text.length - (end - start);
    if (diff !== 0) for (let i = startLine + 1 + added.length; i < shifted.length; i++) shifted[i] += diff;
    return { start, end };
  }

  private lines(): number[] {
    this.lineStarts ??= lineStartsOf(this.snapshot.text(), 0, true);
    return this.lineStarts;
  }
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}

function wellFormed(a: Position, b: Position): { start: Position; end: Position } {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? { start: b, end: a } : { start: a, end: b };
}

/** Offsets where lines start in `text` placed at `at` (the first line's own start only when `atLineStart`). */
function lineStartsOf(text: string, at: number, atLineStart: boolean): number[] {
  const out = atLineStart ? [at] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      out.push(at + i + 1);
    }
  }
  return out;
}
