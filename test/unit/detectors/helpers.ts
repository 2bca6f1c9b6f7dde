import { strict as assert } from 'node:assert';
import { scanFreeText } from '../../../server/src/engine/detectors';
import type { Category, RegionKind } from '../../../server/src/engine/model';

export interface Positive {
  /** What the vector shows; becomes the test title (never the value itself). */
  readonly label: string;
  readonly text: string;
  readonly value: string;
  readonly category: Category;
  readonly region?: RegionKind;
}

export interface Negative {
  readonly label: string;
  readonly text: string;
  readonly region?: RegionKind;
}

export function found(text: string, region: RegionKind = 'comment'): { category: Category; value: string }[] {
  return scanFreeText(text, { regionKind: region }).map((c) => ({ category: c.category, value: text.slice(c.start, c.end) }));
}

/** Table-driven positives and negatives run through every registered detector. */
export function vectors(positives: readonly Positive[], negatives: readonly Negative[]): void {
  for (const p of positives) {
    it(`finds ${p.label}`, () => {
      const hits = found(p.text, p.region);
      assert.deepEqual(hits, [{ category: p.category, value: p.value }], `vector "${p.label}"`);
    });
  }
  for (const n of negatives) {
    it(`stays quiet on ${n.label}`, () => {
      const hits = found(n.text, n.region);
      assert.deepEqual(hits.map((h) => h.category), [], `vector "${n.label}"`);
    });
  }
}
