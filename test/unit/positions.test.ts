import { strict as assert } from 'node:assert';
import { LineIndex, OffsetMap } from '../../server/src/engine/positions';

describe('positions', () => {
  it('maps verbatim segments across a skipped prefix', () => {
    // Logical "ab\ncd" read from the file "# MAGIC ab\n# MAGIC cd" (prefixes skipped).
    const map = new OffsetMap();
    map.addVerbatim(8, 3);
    map.addVerbatim(19, 2);
    assert.equal(map.toFile(0), 8);
    assert.equal(map.toFile(3), 19);
    assert.equal(map.toFileEnd(3), 11);
    assert.equal(map.toFileEnd(5), 21);
  });

  it('maps across JSON escapes', () => {
    // File text: "a\nb" inside JSON quotes at offset 10: a(10) \n(11-12) b(13)
    const map = new OffsetMap();
    map.addVerbatim(10, 1);
    map.addEscape(11, 2);
    map.addVerbatim(13, 1);
    assert.equal(map.toFile(2), 13);
    assert.equal(map.toFileEnd(2), 12 + 1);
    assert.equal(map.toFileEnd(3), 14);
  });

  it('counts lines with LF, CRLF and CR', () => {
    const idx = new LineIndex('a\r\nbc\nd\re');
    assert.deepEqual(idx.position(3), { line: 1, character: 0 });
    assert.deepEqual(idx.position(7), { line: 2, character: 1 });
    assert.deepEqual(idx.position(9), { line: 3, character: 1 });
  });
});
