import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText } from '../../server/src/engine';
import { IncrementalScanner } from '../../server/src/engine/incremental';
import { datesOnRecordLine } from '../../server/src/engine/recordDates';

// Invented values, built from parts so no test title holds one whole.
const BORN = ['1930', '01', '22'].join('-');
const VISIT = ['03', '02', '2024'].join('/');
const NAME = ['Harold', 'Zorblatt'].join(' ');

const dates = (line: string): string[] => {
  const spans = datesOnRecordLine(line, 0, line.length);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(line.slice(spans[i], spans[i + 1]));
  return out;
};

describe('record dates: full dates on a line that names a person', () => {
  it('reads ISO and US dates on the line, in order', () => {
    assert.deepEqual(dates(`("00591207", "${NAME}", "${BORN}", 30, "${VISIT}"),`), [BORN, VISIT]);
    assert.deepEqual(dates(`# ${NAME} called ${BORN} 01:52:10, callback requested`), [`${BORN} 01:52:10`]);
    // A table's row is judged by its header (a `load_date` column is the pipeline's).
    assert.deepEqual(dates(`#  |C1042 |${BORN} 01:52:10|3 |husband ${NAME} at home |`), []);
  });

  it("leaves a date that opens the line (the note's own), a run's or query's bound, and impossible dates", () => {
    assert.deepEqual(dates(`# ${BORN} (kp) ${NAME}'s readmit is planned`), []);
    assert.deepEqual(dates(`-- ${BORN} | ${NAME} | getTable`), []);
    assert.deepEqual(dates(`# ran ${BORN} for ${NAME}`), []);
    assert.deepEqual(dates(`# ${NAME} visits between ${BORN} and ${VISIT}`), []);
    assert.deepEqual(dates(`("${NAME}", "2023-02-30", "13/02/2024")`), []);
  });

  it('reports the dates of a fixture row and a note beside a person, and none on a line without one', () => {
    const text = ['# Databricks notebook source', `rows = [("00591207", "${NAME}", "${BORN}", 30)]`,
      `# so ${NAME} (00731654) landed on the May list although elected hospice on ${VISIT}.`, `# nightly job ${VISIT} loaded 1,204 rows`, ''].join('\n');
    const found = scanText('synthetic_hospice.py', text).findings.filter((f) => f.category === 'date');
    assert.deepEqual(found.map((f) => text.slice(f.range.startOffset, f.range.endOffset)), [BORN, VISIT]);
    assert.ok(found.every((f) => f.message.includes('on a line that names a person') && !f.message.includes(BORN)));
  });

  it('reports the dates of a row whose person was reported on an earlier line, in the editor as in a whole-file scan', () => {
    const row = `  ('2400318842', '${NAME}', TIMESTAMP'${BORN} 21:47:00'),`;
    const text = ['-- Databricks notebook source', `-- ${NAME}: see MRN 00719460`, '', '-- COMMAND ----------', '',
      'SELECT * FROM VALUES', `  ('00719460', 'pending', TIMESTAMP'${BORN} 21:47:00'),`, row, ''].join('\n');
    const whole = scanText('synthetic_fixture.sql', text).findings;
    const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
    const dateLines = whole.filter((f) => f.category === 'date').map((f) => lineOf(f.range.startOffset));
    assert.deepEqual(dateLines, [7, 8]);
    const strip = (fs: typeof whole): string[] => fs.map((f) => `${f.category}:${f.range.startOffset}-${f.range.endOffset}`).sort();
    assert.deepEqual(strip(new IncrementalScanner().scan('/nb/synthetic_fixture.sql', text, DEFAULT_CONFIG).findings), strip(whole));
  });
});
