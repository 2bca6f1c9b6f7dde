import { strict as assert } from 'node:assert';
import { BlockEncoder } from '../../server/src/cli/lint/packed';
import { BlockBuilder } from '../../server/src/cli/report/block';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('cli: BlockEncoder (a worker\'s report blocks)', () => {
  it('encodes a block into a buffer handed back by the main thread, and only into its written part', () => {
    const blocks = new BlockEncoder();
    const first = blocks.encode(['{"line":1}'.repeat(100)]);
    blocks.giveBack(first.buffer as ArrayBuffer);
    const second = blocks.encode(['{"line":2}']);
    assert.equal(second.buffer, first.buffer, 'the handed-back buffer is reused');
    assert.equal(decode(second), '{"line":2}');
  });

  it('encodes afresh when a reused buffer turns out too small for multi-byte text, losing nothing', () => {
    const blocks = new BlockEncoder();
    const ascii = blocks.encode(['x'.repeat(12)]);
    blocks.giveBack(ascii.buffer as ArrayBuffer);
    const wide = 'é—'.repeat(6); // 12 UTF-16 units, 30 UTF-8 bytes
    const bytes = blocks.encode([wide]);
    assert.notEqual(bytes.buffer, ascii.buffer);
    assert.equal(decode(bytes), wide);
    // The too-small buffer was kept for a block it fits.
    assert.equal(blocks.encode(['y'.repeat(5)]).buffer, ascii.buffer);
  });

  it('never hands out one buffer twice while it is out', () => {
    const blocks = new BlockEncoder();
    const a = blocks.encode(['a'.repeat(64)]);
    blocks.giveBack(a.buffer as ArrayBuffer);
    const b = blocks.encode(['b'.repeat(8)]);
    const c = blocks.encode(['c'.repeat(8)]);
    assert.notEqual(b.buffer, c.buffer);
    assert.equal(decode(b), 'b'.repeat(8));
    assert.equal(decode(c), 'c'.repeat(8));
  });

  it('encodes a block of many pieces in order, growing mid-block when multi-byte text outgrows the buffer', () => {
    const blocks = new BlockEncoder();
    const spare = blocks.encode(['z'.repeat(40)]);
    blocks.giveBack(spare.buffer as ArrayBuffer);
    // ASCII, then pieces whose UTF-8 is longer than their UTF-16 length, with a surrogate pair at a piece's edge.
    const pieces = ['{"a":1},', 'naïve—', 'x'.repeat(20), '\u{1F600}'.repeat(3), 'é', 'end'];
    const bytes = blocks.encode(pieces);
    assert.equal(decode(bytes), pieces.join(''));
    assert.equal(bytes.byteLength, Buffer.byteLength(pieces.join(''), 'utf8'));
  });
});

describe('cli: BlockBuilder (a file\'s report block in pieces)', () => {
  it('joins to exactly what was added, in pieces of bounded length', () => {
    const builder = new BlockBuilder();
    const added: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const row = `{"line":${i},"message":"Synthetic finding ${i}"},`;
      added.push(row);
      builder.add(row);
    }
    const block = builder.block();
    assert.equal(block.join(''), added.join(''));
    assert.ok(block.length > 1, 'a large block is more than one piece');
    for (const piece of block) assert.ok(piece.length < 16 * 1024 + 64, `piece of ${piece.length} characters`);
  });

  it('makes no empty piece', () => {
    assert.deepEqual(new BlockBuilder().block(), []);
  });
});
