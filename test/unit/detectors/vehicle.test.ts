import { strict as assert } from 'node:assert';
import { isVin } from '../../../server/src/engine/detectors/vehicle';
import { found, vectors } from './helpers';
import { vin } from './synthetic';

const aVin = vin();

describe('detectors/vehicle-id', () => {
  vectors([
    { label: 'a VIN with a valid check digit', text: `vehicle ${aVin} towed`, value: aVin, category: 'vehicle-id' },
    { label: 'a licence plate after a label', text: 'license plate 7ABC123', value: '7ABC123', category: 'vehicle-id' },
    { label: 'a VIN after its label, check digit wrong as copied', text: `VIN ${aVin.slice(0, 8)}${aVin[8] === '1' ? '2' : '1'}${aVin.slice(9)} shared`, value: `${aVin.slice(0, 8)}${aVin[8] === '1' ? '2' : '1'}${aVin.slice(9)}`, category: 'vehicle-id' },
    { label: 'a plate with letters after a bare plate word', text: 'plate ZZZ-0001.', value: 'ZZZ-0001', category: 'vehicle-id' },
  ], [
    { label: 'a VIN-shaped token with a wrong check digit', text: `id ${aVin.slice(0, 8)}${aVin[8] === '1' ? '2' : '1'}${aVin.slice(9)}` },
    { label: 'a lower-case hash', text: 'sha 0a1b2c3d4e5f6a7b8' },
    { label: 'a plate word in a lab', text: 'assay plate 96 wells' },
    { label: 'a plate number in a lab', text: 'rerun plate 0423 tomorrow' },
    { label: 'a VIN label over a hash', text: 'vin 0a1b2c3d4e5f6a7b8' },
    { label: "a VIN of the service's fleet", text: `Fleet note: Medic 12 (VIN ${aVin}) out of service for a remount` },
    { label: 'a VIN in a telematics feed by call sign', text: `20240430T080014 EMS 4439  ${aVin}  000 IDLE  (AVL)` },
    { label: "a van's VIN and plate in a fleet config by its unit", text: `  - {unit: Z-01, vin: ${aVin}, plate: "ZZ-19004", lift: true}` },
    { label: "a van's plate beside its number", text: 'van 12 plate ZZZ-0001 due for inspection' },
  ]);

  it("still reads a patient's VIN on a line about the fleet", () => {
    assert.deepEqual(found(`Medic 12 on scene; patient's vehicle VIN ${aVin} towed`, 'comment').map((f) => f.value), [aVin]);
    assert.deepEqual(found('Unit 1 plate ZZZ-0001 (crash report)', 'comment').map((f) => f.value), ['ZZZ-0001']);
  });

  it('checks VIN rules', () => {
    assert.equal(isVin(aVin), true);
    assert.equal(isVin(aVin.replace(/A/, 'I')), false);
  });
});
