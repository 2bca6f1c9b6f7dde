import { strict as assert } from 'node:assert';
import { found } from './helpers';

/**
 * X12 transactions built from obviously synthetic parts (ZZ-prefixed ids, TEST names, 555 numbers, 1900 dates);
 * each test states which elements are reported, by category and in text order.
 */
const SUBSCRIBER = 'NM1*IL*1*ZZTESTLAST*ZZTESTFIRST*Q***MI*ZZ000123456~N3*100 TEST AVE*UNIT 2~N4*TESTVILLE*WI*000019999~DMG*D8*19000102*F~REF*SY*900001234~';

describe('detectors/x12', () => {
  it('reports a subscriber loop element by element: name, member id, street, city, ZIP, birth date and SSN', () => {
    assert.deepEqual(found(`# ${SUBSCRIBER}`), [
      { category: 'name', value: 'ZZTESTLAST' }, { category: 'name', value: 'ZZTESTFIRST' },
      { category: 'health-plan-id', value: 'ZZ000123456' }, { category: 'geographic', value: '100 TEST AVE' },
      { category: 'geographic', value: 'UNIT 2' }, { category: 'geographic', value: 'TESTVILLE' },
      { category: 'geographic', value: '000019999' }, { category: 'date', value: '19000102' }, { category: 'ssn', value: '900001234' },
    ]);
  });

  it("reads segments one per line, a patient loop's SSN qualifier and contact numbers, and the claim's patient control number", () => {
    const text = ['NM1*QC*1*ZZTESTLAST*ZZTESTFIRST****34*900004321', 'PER*IC*ZZTESTFIRST*TE*6085550100', 'CLM*ZZPCN0001234*245.00***11:B:1*Y*A*Y*Y'].join('\n');
    assert.deepEqual(found(text, 'output'), [
      { category: 'name', value: 'ZZTESTLAST' }, { category: 'name', value: 'ZZTESTFIRST' }, { category: 'ssn', value: '900004321' },
      { category: 'phone', value: '6085550100' }, { category: 'account-number', value: 'ZZPCN0001234' },
    ]);
  });

  it('never reads provider, payer or submitter loops, nor a claim without a person in the text', () => {
    const text = [
      'NM1*85*2*TEST CLINIC LLC*****XX*1234567893~N3*1 CLINIC WAY~N4*TESTVILLE*WI*53703~',
      'NM1*PR*2*TEST HEALTH PLAN*****PI*ZZPAYER01~NM1*41*2*TEST CLEARINGHOUSE*****46*ZZSUB0001~',
      'CLM*ZZPCN0009999*245.00***11:B:1*Y*A*Y*Y~HI*ABK:E119~',
    ].join('');
    assert.deepEqual(found(text, 'code'), []);
  });

  it("reads a claim's service dates where a person's loop is, and a DMG quoted on its own", () => {
    const text = `${SUBSCRIBER.slice(0, SUBSCRIBER.indexOf('~') + 1)}CLM*ZZPCN0001234*245.00~DTP*472*D8*19000105~DTP*434*RD8*19000102-19000131~`;
    assert.deepEqual(found(text).map((f) => `${f.category}:${f.value}`).slice(3), [
      'account-number:ZZPCN0001234', 'date:19000105', 'date:19000102', 'date:19000131',
    ]);
    assert.deepEqual(found('#   DMG*D8*19000523*F~'), [{ category: 'date', value: '19000523' }]);
    assert.deepEqual(found('CLM*ZZPCN0009999*245.00~DTP*472*D8*19000105~'), []);
    assert.deepEqual(found('CLP*ZZPCN0001234*1*1310*1048*0*MB*ZZICN00412*11*1~NM1*QC*1*ZZTESTLAST*ZZTESTFIRST~').map((f) => f.category), ['account-number', 'name', 'name']);
  });

  it("reads no template's placeholders in a subscriber loop's street and city", () => {
    const template = 'NM1*IL*1*{SUBSCRIBER_LAST}*{SUBSCRIBER_FIRST}****MI*{MEMBER_ID}~\nN3*{SUBSCRIBER_ADDR1}~\nN4*{CITY}*{ST}*{ZIP}~';
    assert.deepEqual(found(template, 'output'), []);
  });

  it("reads no masked subscriber name (XXXXXXXX)", () => {
    assert.deepEqual(found('NM1*IL*1*XXXXXXXX*XXXXXX****MI*XXXXXXXXXXX~', 'code'), []);
  });

  it('finds the member id of an NM1 typed with one separator too many', () => {
    assert.deepEqual(found('#   NM1*QC*1*ZZTESTLAST*ZZTESTFIRST*E****MI*ZZ0018826~').map((f) => `${f.category}:${f.value}`), [
      'name:ZZTESTLAST', 'name:ZZTESTFIRST', 'health-plan-id:ZZ0018826',
    ]);
  });

  it('ends a loop at the next segment outside it, and needs a real segment start', () => {
    const text = `${SUBSCRIBER.slice(0, SUBSCRIBER.indexOf('~') + 1)}HL*2*1*22*0~N3*9 OTHER ST~ XNM1*IL*1*ZZTESTLAST*ZZTESTFIRST~`;
    assert.deepEqual(found(text).map((f) => f.value), ['ZZTESTLAST', 'ZZTESTFIRST', 'ZZ000123456']);
  });
});
