import { strict as assert } from 'node:assert';
import { isDeaNumber } from '../../../server/src/engine/detectors/license';
import { vectors } from './helpers';

describe('detectors/license-number', () => {
  vectors([
    { label: "a driver's licence after a label", text: "driver's license: D1234567", value: 'D1234567', category: 'license-number' },
    { label: 'a passport number', text: 'passport no. 912345678', value: '912345678', category: 'license-number' },
    { label: 'a certificate number', text: 'certificate number 2020-001234', value: '2020-001234', category: 'license-number' },
    { label: "a state's DL", text: 'the member himself, WI DL Z000-0000-1234-01, auto policy', value: 'Z000-0000-1234-01', category: 'license-number' },
  ], [
    { label: 'a DEA number after a license label', text: 'license # AB1234563' },
    { label: "a machine's calibration certificate", text: 'Vendor to provide calibration certificate (cal cert #ZZ-24-0219).' },
    { label: 'a medical licence of a provider', text: 'physician license number 12345678' },
    { label: 'a software licence key', text: 'software license number 12345-67890' },
    { label: 'a licence word without a value', text: 'see the license file for terms' },
    { label: 'a DL that is a download count', text: 'dl 20231 files last week' },
  ]);

  it('checks DEA check digits', () => {
    assert.equal(isDeaNumber('AB1234563'), true);
    assert.equal(isDeaNumber('AB1234564'), false);
  });
});
