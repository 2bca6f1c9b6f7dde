import { isLabelledSsn, isValidSsn } from '../../../server/src/engine/detectors/ssn';
import { strict as assert } from 'node:assert';
import { vectors } from './helpers';
import { SSN, SSN_DASHED, npi } from './synthetic';

const nine = SSN.join('');
const spaced = SSN.join(' ');

describe('detectors/ssn', () => {
  vectors([
    { label: 'a dashed SSN without a cue', text: `record ${SSN_DASHED} on file`, value: SSN_DASHED, category: 'ssn' },
    { label: 'a dashed SSN after a label', text: `SSN: ${SSN_DASHED}`, value: SSN_DASHED, category: 'ssn' },
    { label: 'nine digits after an SSN cue', text: `social security ${nine}`, value: nine, category: 'ssn' },
    { label: 'a spaced SSN after a cue', text: `ss# ${spaced}.`, value: spaced, category: 'ssn' },
    { label: 'an SSN in a string literal', text: `ssn=${SSN_DASHED}`, value: SSN_DASHED, category: 'ssn', region: 'code' },
    { label: 'an SSN in output text', text: `| 3 | ${SSN_DASHED} |`, value: SSN_DASHED, category: 'ssn', region: 'output' },
    // Test data and ITINs in an SSN field are that field's values: under a cue the area does not matter.
    { label: 'an area 9xx after an SSN cue', text: 'ssn 912-34-5678', value: '912-34-5678', category: 'ssn' },
    { label: 'an area 666 with an SSN cue after it', text: 'had 666-12-3456 in the SSN field', value: '666-12-3456', category: 'ssn' },
    { label: 'nine digits of area 9xx after an SSN cue', text: 'SSN: 912345678', value: '912345678', category: 'ssn' },
  ], [
    { label: 'a masked SSN', text: 'SSN ***-**-6789 and XXX-XX-6789' },
    { label: 'an invalid area 000', text: 'ssn 000-12-3456' },
    { label: 'an invalid area 666 without a cue', text: 'record 666-12-3456 on file' },
    { label: 'an invalid area 9xx without a cue', text: 'record 912-34-5678 on file' },
    { label: 'one digit nine times after a cue', text: 'ssn 999-99-9999' },
    { label: 'an invalid group 00', text: 'ssn 123-00-4567' },
    { label: 'an invalid serial 0000', text: 'ssn 123-45-0000' },
    { label: 'nine digits without a cue', text: `claim line ${nine} processed` },
    { label: 'an SSN shape inside a longer chain', text: `ref A-${SSN_DASHED}-01` },
    { label: 'a dashed number after a claim cue', text: `claim 123-45-6789 was denied` },
    { label: 'an NPI after an ssn-like word', text: `npi ${npi()}` },
    { label: 'a timestamp', text: '2024-01-15T10:22:33Z' },
    { label: 'an NDC code', text: 'NDC 12345-6789-01' },
  ]);

  it('applies the SSA structure rules', () => {
    assert.equal(isValidSsn(SSN.join('')), true);
    for (const bad of ['000123456', '666123456', '900123456', '123004567', '123450000', '12345678']) assert.equal(isValidSsn(bad), false);
  });

  it('under a label, accepts any area but 000 and still rejects placeholders', () => {
    for (const ok of ['666123456', '900123456', SSN.join('')]) assert.equal(isLabelledSsn(ok), true);
    for (const bad of ['000123456', '123004567', '123450000', '999999999', '12345678']) assert.equal(isLabelledSsn(bad), false);
  });
});
