import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText } from '../../server/src/engine';
import { IncrementalScanner } from '../../server/src/engine/incremental';
import { datesOnRecordLine, nameAfterIdentifier } from '../../server/src/engine/recordDates';

// Invented values, built from parts so no test title holds one whole.
const BORN = ['1930', '01', '22'].join('-');
const VISIT = ['03', '02', '2024'].join('/');
const NAME = ['Harold', 'Zorblatt'].join(' ');
const SAS_BORN = ['22', 'JAN', '1930'].join('');

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
    // SAS prints DATE9 (`22JAN1930`); a listing's rows name their person.
    assert.deepEqual(dates(`#   1    ZZ-0042    ${NAME.toUpperCase()}    ${SAS_BORN}    0.94`), [SAS_BORN]);
    assert.deepEqual(dates(`#   1    ZZ-0042    ${NAME}    ${SAS_BORN.toLowerCase()}    0.94`), [SAS_BORN.toLowerCase()]);
    assert.deepEqual(dates(`#  |C1042 |${BORN} 01:52:10|3 |husband ${NAME} at home |`), []);
  });

  it("leaves a date that opens the line (the note's own), a run's or query's bound, and impossible dates", () => {
    assert.deepEqual(dates(`# ${BORN} (kp) ${NAME}'s readmit is planned`), []);
    assert.deepEqual(dates(`-- ${BORN} | ${NAME} | getTable`), []);
    assert.deepEqual(dates(`# ran ${BORN} for ${NAME}`), []);
    assert.deepEqual(dates(`# ${NAME} visits between ${BORN} and ${VISIT}`), []);
    assert.deepEqual(dates(`("${NAME}", "2023-02-30", "13/02/2024")`), []);
    assert.deepEqual(dates(`("${NAME}", "30FEB1930", "22JAN1930X", "22JANUARY1930")`), []);
  });

  it("leaves the time a Delta table changed (`DESCRIBE HISTORY`: version, timestamp, user, operation), whoever its predicate names", () => {
    assert.deepEqual(dates(`-- 3   ${BORN} 11:22:07  zz.analyst@example.org  DELETE  {"predicate":"[\\"(patient_name = '${NAME}')\\"]"}`), []);
    assert.deepEqual(dates(`-- 3   ${BORN} 11:22:07  ${NAME} was seen`), [`${BORN} 11:22:07`]);
  });

  it('reports the dates of a fixture row and a note beside a person, and none on a line without one', () => {
    const text = ['# Databricks notebook source', `rows = [("00591207", "${NAME}", "${BORN}", 30)]`,
      `# so ${NAME} (00731654) landed on the May list although elected hospice on ${VISIT}.`, `# nightly job ${VISIT} loaded 1,204 rows`, ''].join('\n');
    const found = scanText('synthetic_hospice.py', text).findings.filter((f) => f.category === 'date');
    assert.deepEqual(found.map((f) => text.slice(f.range.startOffset, f.range.endOffset)), [BORN, VISIT]);
    assert.ok(found.every((f) => f.message.includes('on a line that names a person') && !f.message.includes(BORN)));
  });

  it('reports the other dates of a line whose birth date was found, though nothing else on it was', () => {
    const elected = ['2024', '07', '11'].join('-');
    const discharged = ['2024', '10', '17'].join('-');
    const text = ['# Databricks notebook source', `# EP-2024-06190: ZORBLATT, HANTANIRINA dob=${BORN} elected ${elected} -> dc ${discharged}`,
      `# run of ${discharged}: 1,204 rows`, ''].join('\n');
    const found = scanText('synthetic_hospice.py', text).findings.filter((f) => f.category === 'date');
    assert.deepEqual(found.map((f) => text.slice(f.range.startOffset, f.range.endOffset)), [BORN, elected, discharged]);
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

describe('record lines: the name a comment after an identifier opens with', () => {
  const named = (line: string): string | undefined => {
    const id = line.indexOf('00591207');
    const span = nameAfterIdentifier(line, id + 8, line.length);
    return span && line.slice(span[0], span[1]);
  };

  it('reads the name a comment right after the id opens with, whatever its words', () => {
    assert.equal(named(`    "00591207",  # ${NAME} -- switched to olanzapine`), NAME);
    assert.equal(named('    "00591207",  # Quennell Zzyzxovich Zorblatt -- moved out of state'), 'Quennell Zzyzxovich Zorblatt');
    assert.equal(named(`x = "00591207"  // ${NAME.toUpperCase()}`), NAME.toUpperCase());
  });

  it('reads no ordinary words, no comment further along the line, and no lone word', () => {
    assert.equal(named('    "00591207",  # Data Engineering asked for this'), undefined);
    assert.equal(named('    "00591207",  # See Ticket 4411'), undefined);
    assert.equal(named(`    "00591207", 30,  # ${NAME}`), undefined);
    assert.equal(named('    "00591207",  # Zorblatt'), undefined);
  });

  it('reports the name beside an MRN of an exclusion set, and nothing beside a code of a list', () => {
    const text = ['# Databricks notebook source', 'EXCLUDE_MRNS = frozenset({', `    "00591207",  # ${NAME} -- transferred`, '})',
      'CODES = {', '    "E11.9",  # Quennell Zzmarchetti', '}', ''].join('\n');
    const found = scanText('synthetic_exclusions.py', text).findings;
    assert.deepEqual(found.map((f) => [f.category, text.slice(f.range.startOffset, f.range.endOffset)]), [['mrn', '00591207'], ['name', NAME]]);
    assert.ok(found.every((f) => !f.message.includes('Zorblatt')));
  });
});
