import { strict as assert } from 'node:assert';
import { found } from './helpers';

/**
 * ASAP prescription monitoring segments built from obviously synthetic parts (ZZ ids, TEST names, 555 numbers,
 * 1900 dates); each test states which elements are reported, by category and in text order.
 */
const PHA = 'PHA*1234567893*ZZ12345*ZZ1234567*ZORBLATT OUTPATIENT PHARMACY*100 ZZYZX HWY**TESTVILLE*ZZ*00001*6085550199~';
const PAT = 'PAT*ZZ*06*ZZ087341129***ZORBLATT-VELL*QUENNELLA****Rural Route 4 Box 219**Testville*ZZ*00001*6085550100*19000102*F~';
const AIR = 'AIR*ZZ*06*ZZ087341130*ZORBLATT*HAROLD****02~';

describe('detectors/asap', () => {
  it("reads a patient's segment by its fields' shapes: the id by its qualifier, name, street, city, ZIP, phone, birth date", () => {
    assert.deepEqual(found([PHA, PAT].join('\n'), 'comment').map((f) => `${f.category}:${f.value}`), [
      'license-number:ZZ087341129', 'name:ZORBLATT-VELL', 'name:QUENNELLA', 'geographic:Rural Route 4 Box 219', 'geographic:Testville',
      'geographic:00001', 'phone:6085550100', 'date:19000102',
    ]);
  });

  it('reads the same fields of a segment written to the standard, one empty element more, and an SSN by its qualifier', () => {
    const standard = 'PAT*ZZ*07*900-00-0042****ZORBLATT*QUENNELLA****100 Zzyzx Rd Apt 2**Testville*ZZ*00001*6085550100*19000102*F~';
    assert.deepEqual(found(standard, 'output').map((f) => f.category), ['ssn', 'name', 'name', 'geographic', 'geographic', 'geographic', 'phone', 'date']);
  });

  it('reads who picked the prescription up (AIR): the id they showed and their name', () => {
    assert.deepEqual(found(AIR, 'code').map((f) => `${f.category}:${f.value}`), ['license-number:ZZ087341130', 'name:ZORBLATT', 'name:HAROLD']);
  });

  it("never reads the pharmacy's segment, nor an X12 837's PAT (a relationship code, no id qualifier)", () => {
    assert.deepEqual(found(PHA, 'comment'), []);
    assert.deepEqual(found('PAT*19*****D8*19000102~', 'comment').filter((f) => f.category !== 'date'), []);
  });
});
