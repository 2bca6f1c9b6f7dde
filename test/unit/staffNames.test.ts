import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText, type Finding } from '../../server/src/engine';
import { IncrementalScanner } from '../../server/src/engine/incremental';
import { isStaffs, nameWords, staffEvidence, StaffNames } from '../../server/src/engine/staffNames';

// Invented names, built from parts so no test title or fixture line holds one whole.
const STAFF_SURNAME = ['Zorb', 'latt'].join('');
const STAFF = `Harold ${STAFF_SURNAME}`;
const PATIENT = `Mildred ${['Zzyzx', 'well'].join('')}`;

const notebook = (cells: readonly string[]): string => `# Databricks notebook source\n${cells.join('\n\n# COMMAND ----------\n\n')}\n`;

const ROSTER = [
  '# MAGIC %md',
  '# MAGIC ### Contacts',
  '# MAGIC | role | name | pager |',
  '# MAGIC | --- | --- | --- |',
  `# MAGIC | charge nurse | ${STAFF_SURNAME}, Harold | 555-0142 |`,
].join('\n');
const PROSE = `# ${STAFF} signed off the census logic on Tuesday\n# patient ${PATIENT} seen twice\ndf = spark.table("census")`;
const LATER = `# ${STAFF_SURNAME} reran the job`;

/** Findings without their fingerprints, to compare the editor's with a whole-file scan's. */
const strip = (fs: readonly Finding[]) => fs.map((f) => ({ ...f, fingerprint: undefined }));

/** The findings overlapping `value`'s first occurrence in `text`. */
function at(text: string, findings: readonly Finding[], value: string): Finding[] {
  const from = text.indexOf(value);
  assert.ok(from >= 0, 'fixture holds the value');
  return findings.filter((f) => f.range.startOffset < from + value.length && from < f.range.endOffset);
}

describe('staff names: a name the file lists as staff is not a patient elsewhere in it', () => {
  it('keeps words of names and leaves out honorifics and suffixes', () => {
    assert.deepEqual(nameWords(`Dr. ${STAFF_SURNAME}-Lind, Harold Jr`), [`${STAFF_SURNAME.toLowerCase()}-lind`, 'harold']);
    const staff = new StaffNames();
    staff.add(`${STAFF_SURNAME}, Harold (RN)`);
    assert.ok(staff.names(STAFF));
    assert.ok(staff.names(`Dr ${STAFF_SURNAME}`));
    assert.ok(!staff.names(`Harold ${['Quin', 'tavalle'].join('')}`), 'a word no staff name holds');
    assert.ok(!staff.names('Dr.'), 'no word that can tell whose name it is');
  });

  it("gives a staff member who speaks first on a line no number a later sentence gives, and knows a number without its extension", () => {
    const staff = new StaffNames();
    staff.add(STAFF);
    assert.ok(staff.namedIn(`**${STAFF}:** call me at`));
    const line = `**${STAFF}:** no, use the landline. Call ${PATIENT} at `;
    const evidence = staffEvidence({ category: 'phone' }, `${line}555-555-0142`, line.length, line.length + 12);
    assert.ok(evidence && !isStaffs(evidence, staff), 'the number is the later sentence\'s');
    // `Call me at …` after the speaker's name is the speaker's own number, whatever sentence it is in.
    const own = `[8:40 AM] ${STAFF}: Please footnote both. Call me at `;
    const speaker = staffEvidence({ category: 'phone' }, `${own}555-555-0188`, own.length, own.length + 12);
    assert.ok(speaker && isStaffs(speaker, staff), 'the speaker\'s number');
    staff.addContact('+1 555-555-0299 x 88210#');
    assert.ok(staff.hasContact('+1 555-555-0299'));
  });

  it('knows a hyphenated surname by its first part, and machines by their serials unless a patient has the serial too', () => {
    const staff = new StaffNames();
    staff.add(`Reyna ${STAFF_SURNAME}-Lind`);
    assert.ok(staff.names(`Reyna ${STAFF_SURNAME}`));
    assert.ok(!staff.names(`Mildred ${STAFF_SURNAME}`));
    staff.addSerial(' zzc-0077410 ');
    staff.addSerial('ZZC-0081020');
    assert.ok(staff.hasSerial('ZZC-0077410') && staff.hasSerial('ZZC-0081020'));
    staff.addPatientSerial('ZZC-0081020');
    assert.ok(staff.hasSerial('ZZC-0077410') && !staff.hasSerial('ZZC-0081020'));
    assert.ok(!staff.hasSerial('ZZC-0099999'));
  });

  it('does not report a roster member named in another cell, or their surname alone, but still reports a patient', () => {
    const withoutRoster = notebook([PROSE, LATER]);
    const before = scanText('synthetic_census.py', withoutRoster).findings;
    assert.equal(at(withoutRoster, before, STAFF).length, 1, 'the name is reported when nothing says it is staff');

    for (const cells of [[ROSTER, PROSE, LATER], [PROSE, LATER, ROSTER]]) {
      const text = notebook(cells);
      const { findings } = scanText('synthetic_census.py', text);
      assert.deepEqual(at(text, findings, STAFF), []);
      assert.deepEqual(at(text, findings, LATER), []);
      assert.deepEqual(at(text, findings, `${STAFF_SURNAME}, Harold`), [], 'nor the roster row itself, as a recurring surname');
      assert.deepEqual(at(text, findings, PATIENT).map((f) => f.category), ['name']);
    }
  });

  it('takes staff from rows of staff written as code and from workforce keys', () => {
    const rows = `oncall = spark.createDataFrame([("charge nurse", "${STAFF}", "555-0142")], ["role", "name", "pager"])`;
    const text = notebook([rows, PROSE]);
    const { findings } = scanText('synthetic_oncall.py', text);
    assert.deepEqual(at(text, findings, `# ${STAFF}`), []);
    const owner = notebook([`__author__ = "${STAFF}"`, PROSE]);
    assert.deepEqual(at(owner, scanText('synthetic_owner.py', owner).findings, `# ${STAFF}`), []);
  });

  it('takes staff from names the name detector finds to be staff (a credential or a role after the name)', () => {
    for (const byline of [`# Reviewed by ${STAFF}, RN (nursing informatics)`, `# Owners: ${STAFF} (nursing informatics)`]) {
      const text = notebook([byline, PROSE]);
      const { findings } = scanText('synthetic_byline.py', text);
      assert.deepEqual(at(text, findings, `# ${STAFF} signed`), []);
      assert.deepEqual(at(text, findings, PATIENT).map((f) => f.category), ['name']);
    }
  });

  it("takes back a phone after a staff member's name on its line, but not a patient's", () => {
    const contacts = `# ${STAFF} phone 312-555-0148 for the feed\n# patient ${PATIENT} 312-555-0199 asked for a callback`;
    const alone = notebook([contacts]);
    assert.equal(at(alone, scanText('synthetic_oncall.py', alone).findings, '312-555-0148').length, 1, 'reported while nothing says it is staff');
    const text = notebook([ROSTER, contacts]);
    const { findings } = scanText('synthetic_oncall.py', text);
    assert.deepEqual(at(text, findings, '312-555-0148'), []);
    assert.deepEqual(at(text, findings, '312-555-0199').map((f) => f.category), ['phone']);
  });

  it("takes back a roster's mobile numbers found again elsewhere in the file (a paging test), but not a patient's", () => {
    const roster = [
      'roster = pd.DataFrame([',
      `    {"employee_id": "RC-2231", "name": "${STAFF}", "pager": "312-555-7701", "mobile_e164": "+13125550148"},`,
      '    {"employee_id": "RC-2310", "name": "Quennell Zzmarchetti", "pager": "312-555-7702", "mobile_e164": "+13125550149"},',
      '])',
    ].join('\n');
    const paging = `# test page sent to +13125550148 and +13125550199\nsend(to="+13125550148")`;
    const alone = notebook([paging]);
    assert.equal(at(alone, scanText('synthetic_paging.py', alone).findings, '+13125550148').length, 1, 'reported while nothing says it is staff');
    const text = notebook([roster, paging]);
    const { findings } = scanText('synthetic_paging.py', text);
    assert.deepEqual(findings.map((f) => [f.category, text.slice(f.range.startOffset, f.range.endOffset)]), [['phone', '+13125550199']]);
    assert.deepEqual(strip(new IncrementalScanner().scan('/nb/synthetic_paging.py', text, DEFAULT_CONFIG).findings),
      strip(scanText('/nb/synthetic_paging.py', text, { config: DEFAULT_CONFIG }).findings));
  });

  it("takes back the dates a staff member's name put on a line (a change log), in the editor as in a whole-file scan, but not a patient's", () => {
    const log = `# a3f91c0e (${STAFF}   2023-11-02) initial
# patient ${PATIENT} seen 2023-11-03
# ${STAFF} and ${PATIENT} 2023-11-04`;
    const alone = notebook([log]);
    assert.equal(at(alone, scanText('synthetic_log.py', alone).findings, '2023-11-02').length, 1, 'reported while nothing says it is staff');
    const text = notebook([ROSTER, log]);
    const { findings } = scanText('synthetic_log.py', text);
    assert.deepEqual(at(text, findings, '2023-11-02'), []);
    assert.deepEqual(at(text, findings, '2023-11-03').map((f) => f.category), ['date']);
    assert.deepEqual(at(text, findings, '2023-11-04').map((f) => f.category), ['date'], 'a patient named on the line too keeps it');
    assert.deepEqual(strip(new IncrementalScanner().scan('/nb/synthetic_log.py', text, DEFAULT_CONFIG).findings),
      strip(scanText('/nb/synthetic_log.py', text, { config: DEFAULT_CONFIG }).findings));
  });

  it('agrees with the editor on a notebook whose JSON source is one string of escaped lines', () => {
    // The raw JSON line of such a cell holds all its lines: the check must read the line the source has.
    const cell = (type: string, source: string): string =>
      `{"cell_type": "${type}", "metadata": {}, "source": ${JSON.stringify(source)}${type === 'code' ? ', "outputs": [], "execution_count": null' : ''}}`;
    const cells = [
      cell('markdown', `| role | name | pager |\n| --- | --- | --- |\n| charge nurse | ${STAFF_SURNAME}, Harold | 555-0142 |`),
      cell('code', `# ${STAFF} phone 312-555-0148 for the feed\n# patient ${PATIENT} phone 312-555-0199 asked for a callback\nx = 1`),
    ];
    const text = `{"cells": [${cells.join(', ')}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`;
    const whole = scanText('/nb/synthetic_escaped.ipynb', text, { config: DEFAULT_CONFIG }).findings;
    assert.deepEqual(strip(new IncrementalScanner().scan('/nb/synthetic_escaped.ipynb', text, DEFAULT_CONFIG).findings), strip(whole));
    assert.deepEqual(whole.map((f) => f.category), ['name', 'phone'], "the patient's name and phone only");
  });

  it('gives in the editor what a whole-file scan gives as the roster is added and removed', () => {
    const scanner = new IncrementalScanner();
    const check = (cells: string[]): Finding[] => {
      const text = notebook(cells);
      const editor = scanner.scan('/nb/synthetic_roster.py', text, DEFAULT_CONFIG).findings;
      assert.deepEqual(strip(editor), strip(scanText('/nb/synthetic_roster.py', text, { config: DEFAULT_CONFIG }).findings));
      return editor;
    };
    const alone = check([PROSE, LATER]);
    const withRoster = check([PROSE, ROSTER, LATER]);
    assert.equal(scanner.lastStats.scanned, 1, 'only the new cell is scanned');
    assert.ok(withRoster.length < alone.length);
    assert.equal(check([PROSE, LATER]).length, alone.length);
  });
});
