import { strict as assert } from 'node:assert';
import { BlockEncoder } from '../../server/src/cli/lint/packed';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('cli: BlockEncoder (a worker\'s report blocks)', () => {
  it('encodes a block into a buffer handed back by the main thread, and only into its written part', () => {
    const blocks = new BlockEncoder();
    const first = blocks.encode('{"line":1}'.repeat(100));
    blocks.giveBack(first.buffer as ArrayBuffer);
    const second = blocks.encode('{"line":2}');
    assert.equal(second.buffer, first.buffer, 'the handed-back buffer is reused');
    assert.equal(decode(second), '{"line":2}');
  });

  it('encodes afresh when a reused buffer turns out too small for multi-byte text, losing nothing', () => {
    const blocks = new BlockEncoder();
    const ascii = blocks.encode('x'.repeat(12));
    blocks.giveBack(ascii.buffer as ArrayBuffer);
    const wide = 'é—'.repeat(6); // 12 UTF-16 units, 30 UTF-8 bytes
    const bytes = blocks.encode(wide);
    assert.notEqual(bytes.buffer, ascii.buffer);
    assert.equal(decode(bytes), wide);
    // The too-small buffer was kept for a block it fits.
    assert.equal(blocks.encode('y'.repeat(5)).buffer, ascii.buffer);
  });

  it('never hands out one buffer twice while it is out', () => {
    const blocks = new BlockEncoder();
    const a = blocks.encode('a'.repeat(64));
    blocks.giveBack(a.buffer as ArrayBuffer);
    const b = blocks.encode('b'.repeat(8));
    const c = blocks.encode('c'.repeat(8));
    assert.notEqual(b.buffer, c.buffer);
    assert.equal(decode(b), 'b'.repeat(8));
    assert.equal(decode(c), 'c'.repeat(8));
  });
});
