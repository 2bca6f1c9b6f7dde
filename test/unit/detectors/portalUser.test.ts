import { strict as assert } from 'node:assert';
import { portalUserDetector } from '../../../server/src/engine/detectors/portalUser';

function found(text: string): string[] {
  return portalUserDetector.find(text, { regionKind: 'comment' }).map((c) => text.slice(c.start, c.end));
}

describe('detectors/portalUser', () => {
  it('reads the handle after a portal user label, without a sentence full stop', () => {
    assert.deepEqual(found('login ok portal_user=qzorblatt63 from 10.0.0.1'), ['qzorblatt63']);
    assert.deepEqual(found('MyChart login: quennell.zzyzx.'), ['quennell.zzyzx']);
    assert.deepEqual(found('{"portal_username": "zzyzx_q77"}'), ['zzyzx_q77']);
  });

  it('reads no bare word, test account or unlabelled handle', () => {
    assert.deepEqual(found('portal_user=guest'), []);
    assert.deepEqual(found('portal_user=test.user01'), []);
    assert.deepEqual(found('user=qzorblatt63 portal adoption 41%'), []);
  });

  it('redacts what it reports', () => {
    const [c] = portalUserDetector.find('portal_user=qzorblatt63', { regionKind: 'comment' });
    assert.ok(!c.redacted.includes('zorblatt'));
  });
});
