import { vectors } from './helpers';
import { imei } from './synthetic';

const anImei = imei();

describe('detectors/device-id', () => {
  vectors([
    { label: 'an implant serial', text: 'pacemaker serial number: PJN123456', value: 'PJN123456', category: 'device-id' },
    { label: 'an IMEI after its label', text: `IMEI ${anImei}`, value: anImei, category: 'device-id' },
    { label: 'a UDI device identifier', text: 'UDI: 00884838074512', value: '00884838074512', category: 'device-id' },
    { label: "a patient's port serial", text: 'Her port device (S/N PP8X221047, placed last week) flushed sluggish', value: 'PP8X221047', category: 'device-id' },
  ], [
    { label: 'a server serial', text: 'serial number ABC12345 of the rack' },
    { label: 'an IMEI label on a non-Luhn number', text: `IMEI ${anImei.slice(0, 14)}${(Number(anImei[14]) + 1) % 10}` },
    { label: 'a lot number', text: 'lot 12345A expires' },
    { label: "a recall's range of pump serials", text: 'Affected product: Zorblatt infusion pump, serial numbers 20930000 through 20939999' },
    { label: "a drug fridge's serial beside its asset tag", text: 'fridge PNI-FRG-07 (Zorblatt iPR256 device, S/N 2419-HLM-0081), Biomed asset BME-33018' },
  ]);
});
