import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText, type Finding } from '../../server/src/engine';
import { IncrementalScanner } from '../../server/src/engine/incremental';
import { RecurringValues } from '../../server/src/engine/recurrences';

// Invented values, built from parts so no test title or fixture line holds one whole.
const MRN = ['0071', '9460'].join('');
const MEMBER = ['ZZ0050', '2877-01'].join('');
const SURNAME = ['Zorb', 'latt'].join('');
const FULL_NAME = `Harold ${SURNAME}`;

const notebook = (cells: readonly string[]): string => `# Databricks notebook source\n${cells.join('\n\n# COMMAND ----------\n\n')}\n`;

/** The findings at `value`'s n-th occurrence in `text`. */
function at(text: string, findings: readonly Finding[], value: string, nth = 0): Finding[] {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = text.indexOf(value, from + 1);
  assert.ok(from >= 0, 'fixture holds the value');
  return findings.filter((f) => f.range.startOffset < from + value.length && from < f.range.endOffset);
}

describe('recurrences: a value reported once is reported wherever it recurs in the file', () => {
  it('reports an MRN of a WHERE clause again in a later comment that has no cue', () => {
    const text = notebook([
      `df = spark.sql("SELECT * FROM clinical.silver.encounters WHERE mrn = '${MRN}'")`,
      `# retired ${MRN} -> surviving, see the merge ticket`,
    ]);
    const { findings } = scanText('synthetic_merge.py', text);
    const again = at(text, findings, MRN, 1);
    assert.equal(again.length, 1);
    assert.equal(again[0].category, 'mrn');
    assert.equal(again[0].ruleId, 'phi/comment');
    assert.match(again[0].message, /also reported elsewhere in this file/);
    assert.ok(!again[0].message.includes(MRN) && again[0].redacted.endsWith(MRN.slice(-4)));
  });

  it('reports a surname alone in Markdown after the full name was found, but not after Dr or inside an identifier', () => {
    const text = notebook([
      `# patient ${FULL_NAME} was readmitted twice`,
      `# MAGIC %md\n# MAGIC ${SURNAME} showed up three times in the drill-down.`,
      `# MAGIC %md\n# MAGIC Reviewed with Dr. ${SURNAME} of cardiology.`,
      `${SURNAME.toLowerCase()}_count = 3\nlabel = "${SURNAME.toUpperCase()}_FLAG"`,
    ]);
    const { findings } = scanText('synthetic_readmits.py', text);
    assert.equal(at(text, findings, FULL_NAME).length, 1);
    const alone = at(text, findings, `${SURNAME} showed`);
    assert.equal(alone.length, 1);
    assert.deepEqual([alone[0].category, alone[0].ruleId], ['name', 'phi/markdown']);
    assert.deepEqual(at(text, findings, `Dr. ${SURNAME}`), []);
    assert.deepEqual(at(text, findings, `${SURNAME.toLowerCase()}_count`), []);
    assert.deepEqual(at(text, findings, `${SURNAME.toUpperCase()}_FLAG`), []);
  });

  it('does not report a surname alone where the same cell writes it in lower case, as a word in common use', () => {
    const text = notebook([
      `# patient ${FULL_NAME} was readmitted twice`,
      `# MAGIC %md\n# MAGIC ${SURNAME} is packaged as \`${SURNAME.toLowerCase()}-cli\` on the cluster.`,
    ]);
    const { findings } = scanText('synthetic_package.py', text);
    assert.deepEqual(at(text, findings, `${SURNAME} is packaged`), []);
  });

  it('reports a member id by its part before the suffix and an MRN inside a photo file name', () => {
    const text = notebook([
      `member_id = "${MEMBER}"\nmrn = "${MRN}"`,
      `# moved ${MEMBER.slice(0, -3)} to the new plan`,
      `photos = ["IMG_20240203_091544_${MRN}.jpg"]`,
    ]);
    const { findings } = scanText('synthetic_photos.py', text);
    assert.deepEqual(at(text, findings, MEMBER.slice(0, -3), 1).map((f) => f.category), ['health-plan-id']);
    assert.deepEqual(at(text, findings, MRN, 1).map((f) => [f.category, f.ruleId]), [['mrn', 'phi/embedded-identifier']]);
  });

  it('adds nothing where a finding already is, and nothing to a file with no findings', () => {
    const once = notebook([`# patient ${FULL_NAME}, MRN ${MRN}`]);
    const { findings } = scanText('synthetic_once.py', once);
    assert.equal(at(once, findings, MRN).length, 1);
    assert.equal(findings.filter((f) => f.message.includes('elsewhere')).length, 0);
    const clean = notebook([`# batch ${MRN} of the nightly load`, `# ${SURNAME} rollout`]);
    assert.deepEqual(scanText('synthetic_clean.py', clean).findings, []);
  });

  it('never carries a value from one file into another', () => {
    scanText('synthetic_a.py', notebook([`# patient ${FULL_NAME}, MRN ${MRN}`]));
    assert.deepEqual(scanText('synthetic_b.py', notebook([`# batch ${MRN}`, `# ${SURNAME} rollout`])).findings, []);
  });

  it('does not look again for a value whose finding was suppressed on its line', () => {
    const text = notebook([
      `# MRN ${MRN}  phisafe-ignore[phi/comment]: a synthetic fixture`,
      `# retired ${MRN}`,
    ]);
    assert.deepEqual(scanText('synthetic_suppressed.py', text).findings, []);
  });

  it('leaves short numbers, dates and phone numbers to their own detectors', () => {
    const values = new RecurringValues();
    values.add('mrn', '48213');
    values.add('date', '1961-06-10');
    values.add('phone', '312-555-0112');
    values.add('name', 'Grace Brown');
    assert.equal(values.size, 0);
    values.add('name', `${SURNAME.toUpperCase()}^MARIA^J`);
    assert.equal(values.size, 1);
  });

  it("looks again only for a UDI's serial, not its product's GTIN, expiry or lot", () => {
    const gtin = ['0088', '9000', '000001'].join('');
    const serial = ['ZZ', '1900', '047'].join('');
    const values = new RecurringValues();
    values.add('device-id', `(01)${gtin}(17)190630(10)LZZ19004(21)${serial}`);
    assert.equal(values.size, 1);
    assert.equal(values.idCategory(serial, 0, serial.length), 'device-id');
    assert.equal(values.idCategory(gtin, 0, gtin.length), undefined);
    values.add('device-id', `(01)${gtin}(17)190630(10)LZZ19004`);
    assert.equal(values.size, 1);
  });

  it('gives the same digest for the same values in any order', () => {
    const a = new RecurringValues();
    a.add('mrn', MRN);
    a.add('name', FULL_NAME);
    const b = new RecurringValues();
    b.add('name', FULL_NAME);
    b.add('mrn', MRN);
    b.add('mrn', MRN);
    assert.equal(a.digest, b.digest);
    b.add('health-plan-id', MEMBER);
    assert.notEqual(a.digest, b.digest);
    const copy = new RecurringValues();
    copy.addPacked(b.pack());
    assert.equal(copy.digest, b.digest);
  });

  it('finds in the editor what a whole-file scan finds as an edit adds and removes the first occurrence', () => {
    const scanner = new IncrementalScanner();
    const later = [`x = 1`, `# retired ${MRN}`, `y = 2`];
    const withFirst = [later[0], `# MRN ${MRN}`, ...later.slice(1)];
    const strip = (fs: readonly Finding[]) => fs.map((f) => ({ ...f, fingerprint: undefined }));
    const check = (cells: string[]): Finding[] => {
      const text = notebook(cells);
      const editor = scanner.scan('/nb/synthetic_edit.py', text, DEFAULT_CONFIG).findings;
      assert.deepEqual(strip(editor), strip(scanText('/nb/synthetic_edit.py', text, { config: DEFAULT_CONFIG }).findings));
      return editor;
    };
    assert.deepEqual(check(later), []);
    const withCue = check(withFirst);
    assert.equal(withCue.length, 2);
    assert.equal(scanner.lastStats.scanned, 1);
    assert.deepEqual(check(later), []);
  });
});
