import { strict as assert } from 'node:assert';
import { isPublicIpv4, isPublicIpv6 } from '../../../server/src/engine/detectors/ip';
import { vectors } from './helpers';

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
