import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanFreeText } from '../../../server/src/engine/detectors';
import type { RegionKind } from '../../../server/src/engine/model';

/**
 * Realistic clean lines from healthcare notebooks (comments, markdown, outputs) full of look-alikes: codes,
 * NPIs, claim numbers, hashes, versions, timestamps, query bounds, masks, eponyms, authors. None holds PHI.
 */
const lines = readFileSync(join(__dirname, 'fixtures', 'lookalikes.txt'), 'utf8').split('\n').filter((l) => l.trim());
const REGIONS: readonly RegionKind[] = ['comment', 'markdown', 'output', 'code'];

describe('detectors: look-alike corpus', () => {
  it('has at least 200 lines', () => {
    assert.ok(lines.length >= 200, `only ${lines.length} lines`);
  });

  for (const region of REGIONS) {
    it(`finds nothing in ${region} regions`, () => {
      const noisy: string[] = [];
      for (const [i, line] of lines.entries()) {
        for (const c of scanFreeText(line, { regionKind: region })) noisy.push(`line ${i + 1}: ${c.category} ${c.redacted}`);
      }
      assert.deepEqual(noisy, []);
    });
  }

  it('finds nothing in the corpus read as one text', () => {
    const text = lines.join('\n');
    assert.deepEqual(scanFreeText(text, { regionKind: 'comment' }).map((c) => c.category), []);
  });
});
