/** Assertions shared by the format tests: a slice must lead back to the exact characters on disk. */
import { strict as assert } from 'node:assert';
import type { TextSlice } from '../../../server/src/engine/model';

/**
 * The logical `marker` inside `slice` must map to where `inFile` (the marker as written on disk, e.g. with
 * JSON escapes) sits in `fileText`: start and exclusive end.
 */
export function assertMapsBack(fileText: string, slice: TextSlice, marker: string, inFile: string = marker): void {
  const logical = slice.text.indexOf(marker);
  assert.ok(logical >= 0, 'marker missing from the logical text');
  const expected = fileText.indexOf(inFile);
  assert.ok(expected >= 0, 'marker missing from the file text');
  assert.equal(slice.map.toFile(logical), expected, 'start offset');
  assert.equal(slice.map.toFileEnd(logical + marker.length), expected + inFile.length, 'end offset');
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Every logical character maps to the same character in the file, or to a JSON escape that decodes to it.
 * This checks the whole map, not just one marker.
 */
export function assertFaithful(fileText: string, slice: TextSlice): void {
  assert.equal(slice.map.length, slice.text.length, 'map length');
  for (let k = 0; k < slice.text.length; k++) {
    const at = slice.map.toFile(k);
    const want = slice.text[k];
    if (fileText[at] === want) continue;
    assert.equal(fileText[at], '\\', `logical ${k} maps to neither the character nor an escape`);
    const kind = fileText[at + 1];
    const decoded = kind === 'u' ? String.fromCharCode(parseInt(fileText.slice(at + 2, at + 6), 16)) : SIMPLE_ESCAPES[kind];
    assert.equal(decoded, want, `escape at file offset ${at}`);
  }
}
