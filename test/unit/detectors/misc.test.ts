import { strict as assert } from 'node:assert';
import { isDeaNumber } from '../../../server/src/engine/detectors/license';
import { isVin } from '../../../server/src/engine/detectors/vehicle';
import { isPublicIpv4, isPublicIpv6 } from '../../../server/src/engine/detectors/ip';
import { vectors } from './helpers';
import { imei, vin } from './synthetic';

const aVin = vin();
const anImei = imei();

describe('detectors/license-number', () => {
  vectors([
    { label: "a driver's licence after a label", text: "driver's license: D1234567", value: 'D1234567', category: 'license-number' },
    { label: 'a passport number', text: 'passport no. 912345678', value: '912345678', category: 'license-number' },
    { label: 'a certificate number', text: 'certificate number 2020-001234', value: '2020-001234', category: 'license-number' },
  ], [
    { label: 'a DEA number after a license label', text: 'license # AB1234563' },
    { label: 'a medical licence of a provider', text: 'physician license number 12345678' },
    { label: 'a software licence key', text: 'software license number 12345-67890' },
    { label: 'a licence word without a value', text: 'see the license file for terms' },
  ]);

  it('checks DEA check digits', () => {
    assert.equal(isDeaNumber('AB1234563'), true);
    assert.equal(isDeaNumber('AB1234564'), false);
  });
});

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

describe('detectors/ip-address', () => {
  vectors([
    { label: 'a public IPv4 with a client cue', text: 'client ip 23.45.67.89 blocked', value: '23.45.67.89', category: 'ip-address' },
    { label: 'a patient login address', text: 'patient portal login from 81.2.69.160', value: '81.2.69.160', category: 'ip-address' },
    { label: 'an IPv6 with a user cue', text: 'user ip 2a02:1234:5678::abcd', value: '2a02:1234:5678::abcd', category: 'ip-address' },
  ], [
    { label: 'a public IPv4 without a cue', text: 'resolved 23.45.67.89' },
    { label: 'a private address with a cue', text: 'client ip 10.1.2.3 and 192.168.0.10 and 172.16.4.5' },
    { label: 'loopback and link-local', text: 'remote 127.0.0.1 user 169.254.1.1' },
    { label: 'a documentation range', text: 'client 203.0.113.7' },
    { label: 'a version pin', text: 'user installs lib==1.2.3.4 and v 4.3.2.1' },
    { label: 'a runtime version', text: 'client runtime version 13.3.1.2' },
    { label: 'a timestamp', text: 'user login at 10:22:33' },
    { label: 'a MAC address', text: 'client mac aa:bb:cc:dd:ee:ff' },
  ]);

  it('classifies ranges', () => {
    assert.equal(isPublicIpv4([8, 8, 4, 4]), true);
    for (const p of [[10, 0, 0, 1], [100, 64, 0, 1], [224, 0, 0, 1], [198, 51, 100, 2], [0, 1, 2, 3]]) assert.equal(isPublicIpv4(p), false);
    assert.equal(isPublicIpv6('2a02:1234::1'), true);
    for (const v of ['::1', 'fe80::1234:abcd', 'fd00::abcd:1234', '2001:db8::abcd']) assert.equal(isPublicIpv6(v), false);
  });
});

describe('detectors/url', () => {
  vectors([
    { label: 'a URL with a patient id parameter', text: 'see https://portal.hospital.example/chart?patient_id=884213 for detail', value: 'https://portal.hospital.example/chart?patient_id=884213', category: 'url' },
    { label: 'a FHIR Patient resource URL', text: 'GET https://fhir.hospital.example/r4/Patient/12345678.', value: 'https://fhir.hospital.example/r4/Patient/12345678', category: 'url', region: 'output' },
    { label: 'a URL with an MRN', text: 'https://emr.example.net/view?mrn=A123456&tab=2', value: 'https://emr.example.net/view?mrn=A123456&tab=2', category: 'url', region: 'code' },
  ], [
    { label: 'a documentation link', text: 'docs: https://docs.databricks.com/en/sql/language-manual/index.html' },
    { label: 'a workspace URL with ids', text: 'https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456#job/123/run/456' },
    { label: 'a GitHub link', text: 'https://github.com/org/repo/blob/main/patients/123456.py' },
    { label: 'a templated FHIR URL', text: 'https://fhir.hospital.example/r4/Patient/{id}' },
    { label: 'a template parameter', text: 'https://api.example.net/lookup?patient_id={pid}' },
    { label: 'a storage path', text: 'abfss://raw@lake.dfs.core.windows.net/patients/2024/01 s3://bucket/patients/1234' },
    { label: 'a JDBC URL', text: 'jdbc:sqlserver://db.example.net:1433;database=patients' },
    { label: 'a package index', text: 'https://pypi.org/project/pandas/2.1.4/' },
  ]);
});
