import { strict as assert } from 'node:assert';
import { isCalendarDate, isDateText } from '../../../server/src/engine/detectors/date';
import { vectors } from './helpers';

describe('detectors/date: a cue that ends a quoted name', () => {
  vectors([
    { label: 'a date after a quoted key', text: '{"dob": "1950-03-15"}', value: '1950-03-15', category: 'date' },
  ], [
    { label: 'the go-live of a huddle named after discharges', text: '-- go-live of the "next-day discharge" huddle at 15:00 was 2024-10-07 (Oct 7)', region: 'comment' },
  ]);
});

describe('detectors/date', () => {
  vectors([
    { label: 'an ISO date after DOB', text: 'DOB 1950-03-15, f', value: '1950-03-15', category: 'date' },
    { label: 'a US date after a label', text: 'Date of birth: 03/15/1950', value: '03/15/1950', category: 'date' },
    { label: 'a spelled date after born', text: 'born March 3, 1950 in town', value: 'March 3, 1950', category: 'date' },
    { label: 'a day-first spelled date', text: 'died 3 March 2021', value: '3 March 2021', category: 'date' },
    { label: 'a d-Mon-yyyy date', text: 'admitted 03-Mar-2023 via ED', value: '03-Mar-2023', category: 'date' },
    { label: 'a discharge date with on', text: 'discharged on 2023-01-09', value: '2023-01-09', category: 'date' },
    { label: 'a date before its cue', text: '1950-03-15 (DOB)', value: '1950-03-15', category: 'date', region: 'output' },
    { label: 'a compact date after DOB', text: 'dob=19500315', value: '19500315', category: 'date', region: 'code' },
    { label: 'an arrival time in a log line', text: 'MRN ZZ01  arrived 1950-01-14 22:41  LOS 58.7h', value: '1950-01-14', category: 'date' },
    { label: "SAS's DATE9 after DOB", text: 'DOB: 15MAR1950', value: '15MAR1950', category: 'date' },
    { label: "SAS's DATE9 with a one-digit day, after birth", text: 'birth_dt=5mar1950;', value: '5mar1950', category: 'date', region: 'code' },
    { label: 'a readmission in prose', text: 'she was readmitted 11/09/1950 with sepsis', value: '11/09/1950', category: 'date' },
  ], [
    { label: 'a partition under a readmission path', text: 's3://qa/readmission/expected/ds=1950-02-05/' },
    { label: 'a date without a cue', text: 'loaded 2024-01-15 partition' },
    { label: 'a log timestamp', text: '2024-01-15 10:22:33,123 INFO admitted rows=1200' },
    { label: 'a query bound after a cue', text: 'keep discharges where discharge_date >= 2023-01-01' },
    { label: 'a cohort window', text: 'admissions between 2022-01-01 and 2022-12-31' },
    { label: 'a bound word after the cue', text: 'admit date after 2023-01-01 only' },
    { label: 'an impossible date', text: 'DOB 1950-02-30' },
    { label: 'an impossible DATE9', text: 'DOB 30FEB1950' },
    { label: 'a DATE9 without a cue', text: 'SAS job last run 31JUL2025 ok' },
    { label: 'a DATE9-like word with a longer month', text: 'DOB 15MARCH1950X' },
    { label: 'a year outside the range', text: 'born 1850-03-15' },
    { label: 'a year alone', text: 'born in 1950' },
    { label: 'a version near a cue word', text: 'death model v2.1.3' },
    { label: 'an ISO timestamp with a cue', text: 'admitted_at 2024-01-15T10:22:33Z' },
    { label: 'a three-part number with a one-digit last part', text: 'DOB 1-2-3' },
    { label: 'a three-part number with a three-digit last part', text: 'date of birth 01/02/123' },
    { label: "a study period after a cue of the last sentence", text: 'excl. transferred / expired. Study period 2021-01-01 to 2023-12-31 (train ≤ 2023-06-30).' },
    { label: 'a measurement period after a cue', text: 'discharges in the measurement period 2023-01-01' },
    { label: "a file's date before an arrival verb", text: '* Noridian ERAs for 2024-03-11 arrived twice (ISA13 re-sent)' },
    { label: "a date a clause before a DOB cue", text: 'Since the upgrade on 2024-02-25 the DOB for some registrations comes as a timestamp' },
  ]);

  it('parses calendar dates', () => {
    assert.equal(isCalendarDate(2024, 2, 29), true);
    assert.equal(isCalendarDate(2023, 2, 29), false);
    assert.equal(isCalendarDate(1900, 2, 29), false);
    assert.equal(isDateText('15.03.1950', false), true);
    assert.equal(isDateText('1950-03/15', false), false);
    assert.equal(isDateText('19500315', false), false);
    assert.equal(isDateText('15MAR1950', false), true);
    assert.equal(isDateText('5mar1950', false), true);
    assert.equal(isDateText('15MRZ1950', false), false);
    assert.equal(isDateText('155MAR1950', false), false);
  });

  it('knows every day of every month from 1900 to 2100, leap years included', () => {
    for (let year = 1900; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        assert.equal(isCalendarDate(year, month, days), true, `${year}-${month} has day ${days}`);
        assert.equal(isCalendarDate(year, month, days + 1), false, `${year}-${month} has no day ${days + 1}`);
      }
    }
  });

  it('needs a year: a last part that is no year is no date', () => {
    assert.equal(isDateText('1-2-3', false), false);
    assert.equal(isDateText('01/02/123', false), false);
    assert.equal(isDateText('01.02.12345', false), false);
    assert.equal(isCalendarDate(Number.NaN, 1, 2), false);
    assert.equal(isDateText('01/02/1950', false), true);
  });
});
