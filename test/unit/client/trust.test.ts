import { strict as assert } from 'node:assert';
import { isTrustSensitiveSection, untrustedConfigurationValue, withoutTrustSensitive } from '../../../client/src/trust';

describe('settings in an untrusted workspace', () => {
  const settings = { enable: true, rules: { 'phi/comment': 'warning' }, databricks: { profile: 'prod', host: 'https://adb-1.azuredatabricks.net' } };

  it('drops the Databricks settings from the phisafe section and keeps the rest', () => {
    assert.deepEqual(withoutTrustSensitive(settings), { enable: true, rules: { 'phi/comment': 'warning' } });
    assert.deepEqual(settings.databricks.profile, 'prod', 'the input is not changed');
    assert.deepEqual(untrustedConfigurationValue('phisafe', settings), { enable: true, rules: { 'phi/comment': 'warning' } });
  });

  it('answers null for the Databricks section and its keys, and leaves other sections alone', () => {
    assert.equal(isTrustSensitiveSection('phisafe.databricks'), true);
    assert.equal(isTrustSensitiveSection('phisafe.databricks.profile'), true);
    assert.equal(isTrustSensitiveSection('phisafe.databricksx'), false);
    assert.equal(isTrustSensitiveSection('phisafe.rules'), false);
    assert.equal(isTrustSensitiveSection(undefined), false);
    assert.equal(untrustedConfigurationValue('phisafe.databricks', settings.databricks), null);
    assert.deepEqual(untrustedConfigurationValue('phisafe.rules', settings.rules), settings.rules);
    assert.deepEqual(untrustedConfigurationValue('editor', { databricks: 1 }), { databricks: 1 });
  });

  it('passes non-object values through', () => {
    assert.equal(withoutTrustSensitive(null), null);
    assert.deepEqual(withoutTrustSensitive([1]), [1]);
  });
});
