/**
 * Builds a RenderedBlock. A piece is closed once it passes PIECE_CHARS, far below the 128 KB at which V8 puts a
 * string in its own mapped pages: a file's block as one flat string cost a fresh mapping and a page fault per
 * 4 KB on every file, half of all a run's page faults.
 */
import type { RenderedBlock } from './model';
import type { ReportSink } from './sink';

const PIECE_CHARS = 16 * 1024;

export class BlockBuilder {
  private readonly pieces: string[] = [];
  private piece = '';

  add(text: string): void {
    this.piece += text;
    if (this.piece.length >= PIECE_CHARS) {
      this.pieces.push(this.piece);
      this.piece = '';
    }
  }

  block(): RenderedBlock {
    if (this.piece.length > 0) this.pieces.push(this.piece);
    this.piece = '';
    return this.pieces;
  }
}

/** Writes a block's pieces, or the bytes a worker encoded, then says the block is written. */
export function writeBlock(sink: ReportSink, block: RenderedBlock | Uint8Array, written?: () => void): void {
  if (block instanceof Uint8Array) return sink.write(block, written);
  for (const piece of block) sink.write(piece);
  written?.();
}
