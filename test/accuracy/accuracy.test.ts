import { strict as assert } from 'node:assert';
import { scanText } from '../../server/src/engine';
import type { Finding } from '../../server/src/engine/model';
import { LineIndex } from '../../server/src/engine/positions';
import { makeCorpus, type SeededFile } from './corpus';

/**
 * Recall, category accuracy and precision on the synthetic corpus. Misses are reported by category and
 * location only: the values themselves never reach test output.
 */
interface Tally { seeded: number; found: number; rightCategory: number; findings: number; trueFindings: number; misses: string[]; wrong: string[]; falses: string[] }

function evaluate(files: readonly SeededFile[]): Tally {
  const t: Tally = { seeded: 0, found: 0, rightCategory: 0, findings: 0, trueFindings: 0, misses: [], wrong: [], falses: [] };
  for (const file of files) {
    const { findings, error } = scanText(file.path, file.text);
    assert.equal(error, undefined, `${file.path} could not be scanned: ${error?.message}`);
    const lines = new LineIndex(file.text);
    const seededSpans: { start: number; end: number }[] = [];
    let from = 0;
    for (const seed of file.seeds) {
      t.seeded++;
      const at = file.text.indexOf(seed.value, from);
      assert.ok(at >= 0, 'corpus bug: seed not in file');
      from = at + seed.value.length;
      const span = { start: at, end: at + seed.value.length };
      seededSpans.push(span);
      const hits = findings.filter((f) => overlaps(f, span));
      const where = `${file.path}:${lines.position(at).line + 1} (${seed.category})`;
      if (hits.length === 0) t.misses.push(where);
      else {
        t.found++;
        if (hits.some((f) => f.category === seed.category)) t.rightCategory++;
        else t.wrong.push(`${where} reported as ${hits.map((f) => f.category).join('/')}`);
      }
    }
    for (const f of findings) {
      t.findings++;
      if (seededSpans.some((s) => overlaps(f, s))) t.trueFindings++;
      else t.falses.push(`${file.path}:${f.range.line + 1}:${f.range.character + 1} ${f.ruleId} ${f.category}`);
    }
  }
  return t;
}

function overlaps(f: Finding, s: { start: number; end: number }): boolean {
  return f.range.startOffset < s.end && s.start < f.range.endOffset;
}

describe('accuracy on the synthetic healthcare corpus', () => {
  const corpus = makeCorpus();

  it('finds at least 95% of seeded identifiers, with the right category, and 95% of findings are true', () => {
    const t = evaluate(corpus.phi);
    const recall = t.found / t.seeded;
    const categoryAccuracy = t.rightCategory / t.seeded;
    const precision = t.findings ? t.trueFindings / t.findings : 0;
    console.log(`      seeded ${t.seeded}, found ${t.found} (recall ${(recall * 100).toFixed(1)}%), right category ${(categoryAccuracy * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}% of ${t.findings}`);
    if (t.misses.length) console.log(`      missed: ${t.misses.join('; ')}`);
    if (t.wrong.length) console.log(`      wrong category: ${t.wrong.join('; ')}`);
    if (t.falses.length) console.log(`      false findings: ${t.falses.join('; ')}`);
    assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)} below 0.95`);
    assert.ok(categoryAccuracy >= 0.95, `category accuracy ${categoryAccuracy.toFixed(3)} below 0.95`);
    assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)} below 0.95`);
  });

  it('reports nothing at all on clean notebooks full of look-alikes', () => {
    const t = evaluate(corpus.clean);
    const lineCount = corpus.clean.reduce((n, f) => n + f.text.split('\n').length, 0);
    console.log(`      ${t.findings} findings in ${lineCount} clean lines`);
    if (t.falses.length) console.log(`      false findings: ${t.falses.join('; ')}`);
    assert.equal(t.findings, 0);
  });
});
