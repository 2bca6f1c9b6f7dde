import { strict as assert } from 'node:assert';
import { found } from './helpers';

/**
 * HL7 v2 messages built from obviously synthetic parts (ZZ ids, TEST names, 555 numbers, 1900 dates); each test
 * states which fields are reported, by category and in text order.
 */
const MSH = 'MSH|^~\\&|TESTADT|TESTHOSP|RCV|RCV|190001021200||ADT^A01|MSG00001|P|2.5';
const PID = 'PID|1||ZZ0012345^^^TESTHOSP^MR~900001234^^^SSA^SS||ZORBLATT^QUENNELL^Q||19000102|F|||100 TEST AVE^^TESTVILLE^WI^00001||(608)555-0100|||||ZZACCT00012|900004321';
const NK1 = 'NK1|1|ZZKINLAST^ZZKINFIRST|SPO|100 TEST AVE^^TESTVILLE^WI^00001|6085550101';
const PV1 = `PV1|1|I|4W^401^1|${'|'.repeat(15)}ZZV0001234${'|'.repeat(25)}190001021200|190001051000`;

describe('detectors/hl7', () => {
  it('reports a PID field by field: identifiers by type, name, birth date, address, phone, account and SSN', () => {
    assert.deepEqual(found([MSH, PID].join('\r')), [
      { category: 'mrn', value: 'ZZ0012345' }, { category: 'ssn', value: '900001234' }, { category: 'name', value: 'ZORBLATT' }, { category: 'name', value: 'QUENNELL' },
      { category: 'date', value: '19000102' }, { category: 'geographic', value: '100 TEST AVE' }, { category: 'geographic', value: 'TESTVILLE' },
      { category: 'geographic', value: '00001' }, { category: 'phone', value: '(608)555-0100' },
      { category: 'account-number', value: 'ZZACCT00012' }, { category: 'ssn', value: '900004321' },
    ]);
  });

  it("leaves an interface's test patient alone, with the numbers and dates of its PID", () => {
    // The formatted phone number is still the phone detector's, which reads it anywhere.
    assert.deepEqual(found([MSH, PID.replace('ZORBLATT^QUENNELL', 'ZZTEST^INTERFACE')].join('\r')).map((f) => f.category), ['phone']);
  });

  it('reads a message written as a string literal with \\r escapes, and its next of kin and visit after the PID', () => {
    const text = `msg = "${MSH}\\r${PID.slice(0, PID.indexOf('|F|'))}\\r${NK1}\\r${PV1}"`;
    assert.deepEqual(found(text, 'code').map((f) => `${f.category}:${f.value}`), [
      'mrn:ZZ0012345', 'ssn:900001234', 'name:ZORBLATT', 'name:QUENNELL', 'date:19000102',
      'name:ZZKINLAST', 'name:ZZKINFIRST', 'geographic:100 TEST AVE', 'geographic:TESTVILLE', 'geographic:00001', 'phone:6085550101',
      'other-id:ZZV0001234', 'date:190001021200', 'date:190001051000',
    ]);
  });

  it("reads an IN1 after the PID: the insured's name, birth date and member id", () => {
    const in1 = `IN1|1|ZZPLAN01|77031|TEST HEALTH PLAN${'|'.repeat(12)}ZZINSLAST^ZZINSFIRST^M|18|19000614${'|'.repeat(31)}ZZMBR0012345`;
    assert.deepEqual(found([PID.slice(0, PID.indexOf('|F|')), in1].join('\r')).map((f) => `${f.category}:${f.value}`).slice(-4), [
      'name:ZZINSLAST', 'name:ZZINSFIRST', 'date:19000614', 'health-plan-id:ZZMBR0012345',
    ]);
  });

  it('reads a v2.5 phone field: the area code and local number as one phone, and an e-mail address', () => {
    const pid = 'PID|1||ZZ0012345^^^TESTHOSP^MR||ZORBLATT^QUENNELL||19000102|F|||||^PRN^PH^^^608^5550100~^NET^Internet^zz.test@example.invalid';
    const nk1 = 'NK1|1|ZZKINLAST^ZZKINFIRST|MTH^Mother^HL70063||^PRN^CP^^^608^555-0101';
    assert.deepEqual(found([pid, nk1].join('\r')).map((f) => `${f.category}:${f.value}`).filter((f) => f.startsWith('phone')), [
      'phone:608^5550100', 'phone:608^555-0101',
    ]);
    assert.deepEqual(found('PID|1||ZZ0012345^^^TESTHOSP^MR||ZORBLATT^QUENNELL||19000102|F|||||^NET^Internet^zz.test@example.invalid').map((f) => f.category).slice(-1), ['email']);
  });

  it("reads no template's placeholders as a patient's fields", () => {
    const text = 'PID|1||<MRN>^^^H^MR||<LAST>^<FIRST>||<DOB>|U|||<ADDRESS>^^<CITY>^WI^<ZIP>||<PHONE>|||||<ACCOUNT>|XXX-XX-XXXX';
    assert.deepEqual(found(text, 'code'), []);
  });

  it("reads no token a de-identified feed's authority issues, nor its redacted name, and still its dates", () => {
    const text = 'PID|1||ZZTKN-8C41D2F0^^^ZZ-TOKEN^PT~ZZ0012345^^^ZZ_HASHED^MR||REDACTED^REDACTED||19000102|F';
    assert.deepEqual(found(text, 'code').map((f) => `${f.category}:${f.value}`), ['date:19000102']);
    assert.deepEqual(found('PID|1||ZZ0012345^^^ZZTOKENIZER^MR||ZORBLATT^REDACTED', 'code').map((f) => `${f.category}:${f.value}`), ['mrn:ZZ0012345', 'name:ZORBLATT']);
  });

  it("reads an order's placer and filler numbers and its times after an identified patient's PID, and no one's order else", () => {
    const ORC = 'ORC|RE|ZZORD0091|ZZACC-0091||CM||||190001081422';
    const OBR = 'OBR|1|ZZORD0091|ZZACC-0091|1975-2^BILIRUBIN^LN|||190001061015|||||||190001061100';
    const orders = (pid: string) => found([MSH, pid, ORC, OBR].join('\r'), 'output').filter((f) => !pid.includes(f.value)).map((f) => `${f.category}:${f.value}`);
    assert.deepEqual(orders('PID|1||ZZ0012345^^^TESTHOSP^MR||ZORBLATT^QUENNELL'), [
      'other-id:ZZORD0091', 'other-id:ZZACC-0091', 'date:190001081422', 'other-id:ZZORD0091', 'other-id:ZZACC-0091', 'date:190001061015', 'date:190001061100',
    ]);
    assert.deepEqual(orders('PID|1||ZZTKN-8C41D2F0^^^ZZ-TOKEN^PT'), []);
    // A result's observation time (OBX-14) is the patient's too.
    const obx = 'OBX|1|NM|1975-2^BILIRUBIN^LN||17.9|mg/dL|0.1-12.0|H|||F|||190001050610';
    assert.deepEqual(found([MSH, 'PID|1||ZZ0012345^^^TESTHOSP^MR', obx].join('\r'), 'output').map((f) => `${f.category}:${f.value}`), ['mrn:ZZ0012345', 'date:190001050610']);
    assert.deepEqual(orders('PID|1||ZZ0012345^^^TESTHOSP^MR||ZZTEST^INTERFACE'), []);
  });

  it("reads a guarantor (GT1) wherever it stands: name, address, phone, birth date and SSN", () => {
    const gt1 = 'GT1|1||ZZKINLAST^ZZKINFIRST||100 TEST AVE^^TESTVILLE^WI^00001|(608)555-0101||19000817|F||MTH|900-00-0042';
    assert.deepEqual(found(`"${gt1}",`, 'code').map((f) => f.category), ['name', 'name', 'geographic', 'geographic', 'geographic', 'phone', 'date', 'ssn']);
  });

  it('never reads MSH, OBX or a visit without its patient; a next of kin is someone wherever it stands', () => {
    const text = [MSH, 'OBX|1|NM|2345-7^GLUCOSE^LN||105|mg/dL|70-99|H|||F|||190001021200', PV1].join('\n');
    assert.deepEqual(found(text, 'output'), []);
    assert.deepEqual(found(`"${NK1}",`, 'code').map((f) => f.category), ['name', 'name', 'geographic', 'geographic', 'geographic', 'phone']);
  });
});
