import { strict as assert } from 'node:assert';
import { isVin } from '../../../server/src/engine/detectors/vehicle';
import { vectors } from './helpers';
import { vin } from './synthetic';

const aVin = vin();

describe('detectors/vehicle-id', () => {
  vectors([
    { label: 'a VIN with a valid check digit', text: `vehicle ${aVin} towed`, value: aVin, category: 'vehicle-id' },
    { label: 'a licence plate after a label', text: 'license plate 7ABC123', value: '7ABC123', category: 'vehicle-id' },
  ], [
    { label: 'a VIN-shaped token with a wrong check digit', text: `id ${aVin.slice(0, 8)}${aVin[8] === '1' ? '2' : '1'}${aVin.slice(9)}` },
    { label: 'a lower-case hash', text: 'sha 0a1b2c3d4e5f6a7b8' },
    { label: 'a plate word in a lab', text: 'assay plate 96 wells' },
  ]);

  it('checks VIN rules', () => {
    assert.equal(isVin(aVin), true);
    assert.equal(isVin(aVin.replace(/A/, 'I')), false);
  });
});
