import { strict as assert } from 'node:assert';
import { found } from './helpers';

/** A licence's barcode as a scanner prints it, from obviously synthetic parts (ZZ names, 1900 dates, 00001 ZIPs). */
const SCAN = ['@', 'ANSI 636015090002DL00410278ZT03190007DL', 'DAQZZ31884207', 'DCSZORBLATT', 'DACQUENNELLA', 'DADRENEE',
  'DBB01021900', 'DBC2', 'DAU065 IN', 'DAG100 W ZZYZX AVE APT 1208', 'DAITESTVILLE', 'DAJTX', 'DAK000010000', 'DBA01022030', 'DCGUSA'];

describe('detectors/aamva', () => {
  it("reads a scanned licence's elements by their ids: number, names, birth date, street, city, ZIP; not the card's own dates", () => {
    assert.deepEqual(found(SCAN.join('\n'), 'output').map((f) => `${f.category}:${f.value}`), [
      'license-number:ZZ31884207', 'name:ZORBLATT', 'name:QUENNELLA', 'name:RENEE', 'date:01021900', 'geographic:100 W ZZYZX AVE APT 1208',
      'geographic:TESTVILLE', 'geographic:000010000',
    ]);
  });

  it('reads a scan without its header when three elements or more are there, and a lone element in prose never', () => {
    assert.equal(found(SCAN.slice(2, 6).join('\n'), 'comment').length, 4);
    assert.deepEqual(found('DCSZORBLATT', 'comment'), []);
    assert.deepEqual(found('The DAQ field holds the licence number; DBB the birth date.', 'comment'), []);
  });
});
