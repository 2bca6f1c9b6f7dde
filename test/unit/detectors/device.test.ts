import { vectors } from './helpers';
import { imei } from './synthetic';

const anImei = imei();

describe('detectors/device-id', () => {
  vectors([
    { label: 'an implant serial', text: 'pacemaker serial number: PJN123456', value: 'PJN123456', category: 'device-id' },
    { label: 'an IMEI after its label', text: `IMEI ${anImei}`, value: anImei, category: 'device-id' },
    { label: 'a UDI device identifier', text: 'UDI: 00884838074512', value: '00884838074512', category: 'device-id' },
  ], [
    { label: 'a server serial', text: 'serial number ABC12345 of the rack' },
    { label: 'an IMEI label on a non-Luhn number', text: `IMEI ${anImei.slice(0, 14)}${(Number(anImei[14]) + 1) % 10}` },
    { label: 'a lot number', text: 'lot 12345A expires' },
  ]);
});
