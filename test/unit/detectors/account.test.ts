import { strict as assert } from 'node:assert';
import { isIban, isRoutingNumber } from '../../../server/src/engine/detectors/account';
import { vectors } from './helpers';
import { cardNumber, group, npi } from './synthetic';

const visa = cardNumber('4');
const master = cardNumber('51');
const amex = cardNumber('37', 15);

describe('detectors/account-number', () => {
  vectors([
    { label: 'a dashed Visa', text: `card ${group(visa, [4, 4, 4, 4], '-')}`, value: group(visa, [4, 4, 4, 4], '-'), category: 'account-number' },
    { label: 'a spaced Mastercard without a cue', text: `paid with ${group(master, [4, 4, 4, 4], ' ')}.`, value: group(master, [4, 4, 4, 4], ' '), category: 'account-number' },
    { label: 'an Amex in 4-6-5 groups', text: `amex ${group(amex, [4, 6, 5], '-')}`, value: group(amex, [4, 6, 5], '-'), category: 'account-number' },
    { label: 'an ungrouped card after a card cue', text: `credit card ${visa}`, value: visa, category: 'account-number' },
    { label: 'a bank account after a label', text: 'bank account: 000123456789', value: '000123456789', category: 'account-number' },
    { label: 'a routing number after a label', text: 'routing number 011000015', value: '011000015', category: 'account-number' },
    { label: 'a hospital account record', text: '**HAR 0000418823** denied', value: '0000418823', category: 'account-number' },
    { label: 'a guarantor id with a letter prefix', text: 'guarantor G00577702 asked for ACH', value: 'G00577702', category: 'account-number' },
    { label: 'an HSA account', text: 'His HSA account 0000092873 got', value: '0000092873', category: 'account-number' },
    { label: "a Cerner financial number (FIN)", text: 'Drill: FIN 0000418823 (boarding outlier)', value: '0000418823', category: 'account-number' },
  ], [
    { label: 'an ungrouped card without a cue', text: `txn ${visa}` },
    { label: 'a grouped number failing Luhn', text: `card ${group(visa.slice(0, 15) + String((Number(visa[15]) + 1) % 10), [4, 4, 4, 4], '-')}` },
    { label: 'an NPI after an account label', text: `account number ${npi()}` },
    { label: 'a claim control number', text: 'claim 20231234567890123' },
    { label: 'a long job run id', text: 'run_id 812349087123456' },
    { label: 'a storage account word', text: 'storage account phisafe01 in eastus' },
    { label: 'a routing number failing the check', text: 'routing number 123456789' },
    { label: 'a letter-prefixed bank account', text: 'bank account AB000123456' },
    { label: 'a guarantor id of letters mostly', text: 'guarantor ABCD00012345' },
  ]);

  it('checks ABA routing and IBAN checksums', () => {
    assert.equal(isRoutingNumber('011000015'), true);
    assert.equal(isRoutingNumber('011000016'), false);
    assert.equal(isIban('GB82WEST12345698765432'), true);
    assert.equal(isIban('GB82WEST12345698765433'), false);
  });
});
