/**
 * The shipped examples/ folder: what a newcomer sees on `phisafe lint examples`. Each synthetic notebook must
 * show the findings it was written for, the look-alike notebook none, and no example value may be printed.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { ensureBuilt, parseJsonReport, ROOT, runCli, SeededValues, type JsonReport } from './helpers';

/** The invented identifiers written into examples/ (kept here so the test can prove none is printed). */
const EXAMPLE_VALUES = [
  '40017325', '40029918', '40031187', '321-54-9876', '412-67-3021', '1957-03-14', '1948-11-02', '1962-07-29',
  '555-0143', '555-0178', '555-0191', 'Maria Garcia', 'James Smith', 'Linda Johnson',
];

/** [rule, category] pairs each example must produce (more findings are fine; these are the point of the file). */
const EXPECTED: Record<string, Array<[string, string]>> = {
  'synthetic_admissions.py': [
    ['phi/comment', 'name'], ['phi/comment', 'mrn'], ['phi/comment', 'date'], ['phi/comment', 'phone'],
    ['phi/title', 'name'], ['phi/embedded-identifier', 'mrn'], ['phi/embedded-identifier', 'ssn'],
  ],
  'synthetic_encounters.sql': [['phi/comment', 'name'], ['phi/comment', 'mrn'], ['phi/embedded-identifier', 'mrn'], ['phi/embedded-identifier', 'date']],
  'synthetic_claims.scala': [['phi/comment', 'name'], ['phi/comment', 'ssn'], ['phi/embedded-identifier', 'mrn']],
  'synthetic_outputs.ipynb': [['phi/output', 'mrn'], ['phi/output', 'name'], ['phi/output', 'date'], ['phi/output', 'phone']],
};

describe('examples/ (phisafe lint examples)', function () {
  this.timeout(60_000);
  const seeded = new SeededValues();
  for (const v of EXAMPLE_VALUES) seeded.add(v);
  let report: JsonReport;
  let status: number | null;

  before(() => {
    ensureBuilt();
    const r = runCli(['lint', '--format', 'json', 'examples'], { cwd: ROOT, seeded });
    status = r.status;
    report = parseJsonReport(r.stdout);
  });

  it('scans every example and exits 1', () => {
    assert.deepEqual(report.errors, []);
    assert.equal(status, 1);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`finds what ${file} was written for`, () => {
      const found = new Set(report.findings.filter((f) => f.file === path.join('examples', file)).map((f) => `${f.ruleId} ${f.category}`));
      const missing = expected.map(([rule, category]) => `${rule} ${category}`).filter((k) => !found.has(k));
      assert.deepEqual(missing, [], `found: ${[...found].join(', ')}`);
    });
  }

  it('reports nothing in the look-alike notebook', () => {
    const noise = report.findings.filter((f) => f.file === path.join('examples', 'synthetic_clean_lookalikes.py'));
    assert.deepEqual(noise.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.category}`), []);
  });

  it('prints no example value in text or SARIF either', () => {
    for (const format of ['text', 'sarif']) runCli(['lint', '--format', format, 'examples'], { cwd: ROOT, seeded });
  });
});
