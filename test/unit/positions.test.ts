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

describe('positions: lookups in any order', () => {
  // Lookups start from the last one found; whatever the order, they must agree with a plain scan.
  const order = (n: number): number[] => {
    const ascending = Array.from({ length: n }, (_, i) => i);
    const shuffled = ascending.map((i) => (i * 7919) % n);
    return [...ascending, ...shuffled, ...ascending.slice().reverse()];
  };

  it('LineIndex.lineOf agrees with counting line breaks', () => {
    const text = Array.from({ length: 300 }, (_, i) => 'x'.repeat(i % 5)).join('\n');
    const lines = new LineIndex(text);
    for (const offset of order(text.length + 1)) {
      const expected = text.slice(0, offset).split('\n').length - 1;
      assert.equal(lines.lineOf(offset), expected, `offset ${offset}`);
    }
  });

  it('OffsetMap.toFile and toFileEnd agree with a map read afresh for each lookup', () => {
    const build = (): OffsetMap => {
      const map = new OffsetMap();
      let file = 3;
      for (let i = 0; i < 200; i++) {
        if (i % 3 === 2) {
          map.addEscape(file, 2);
          file += 2;
        } else {
          map.addVerbatim(file, 1 + (i % 4));
          file += 1 + (i % 4) + (i % 5 === 0 ? 1 : 0); // some segments are not contiguous in the file
        }
      }
      return map;
    };
    const reused = build();
    for (const offset of order(reused.length + 1)) {
      assert.equal(reused.toFile(offset), build().toFile(offset), `toFile ${offset}`);
      assert.equal(reused.toFileEnd(offset), build().toFileEnd(offset), `toFileEnd ${offset}`);
    }
  });
});
