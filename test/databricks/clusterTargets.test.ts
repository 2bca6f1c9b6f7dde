import { strict as assert } from 'node:assert';
import { scanText } from '../../server/src/engine/scan';
import { expectedFromComments, fixture, lineOf, lineRules, scanFixture } from './helpers';

describe('cluster targets in bundles and specs', () => {
  for (const file of [['bundle', 'databricks.yml'], ['bundle', 'resources', 'jobs.yml']]) {
    it(`flags exactly the settings marked in ${file.join('/')}`, () => {
      const { text } = fixture(...file);
      const result = scanFixture(file);
      assert.equal(result.error, undefined);
      const expected = expectedFromComments(text);
      assert.ok(expected.length > 0);
      assert.deepEqual(lineRules(result.findings), expected);
    });
  }

  it('every cluster finding is a compliance finding on a config region', () => {
    for (const f of scanFixture(['bundle', 'databricks.yml']).findings) {
      assert.equal(f.category, 'compliance');
      assert.equal(f.regionKind, 'config');
    }
  });

  it('resolves ${var} from variables defaults and target overrides', () => {
    const { findings } = scanFixture(['bundle', 'databricks.yml']);
    const runtime = findings.find((f) => f.ruleId === 'cluster/runtime-version');
    assert.ok(runtime?.message.includes('${var.runtime}'));
    assert.ok(runtime?.message.includes('13.3'));
  });

  it('reads cluster/create JSON specs', () => {
    const { text } = fixture('specs', 'cluster-create.json');
    const got = lineRules(scanFixture(['specs', 'cluster-create.json']).findings);
    assert.deepEqual(got, [
      `${lineOf(text, '"cluster_name"')} cluster/policy`,
      `${lineOf(text, '"spark_version"')} cluster/runtime-version`,
      `${lineOf(text, '"data_security_mode"')} cluster/access-mode`,
      `${lineOf(text, '"autotermination_minutes"')} cluster/auto-termination`,
      `${lineOf(text, '"enable_local_disk_encryption"')} cluster/disk-encryption`,
      `${lineOf(text, '"s3"')} cluster/init-scripts`,
    ].sort());
  });

  it('reads jobs/create JSON: job clusters, task clusters; compliant ones stay quiet', () => {
    const { text } = fixture('specs', 'job-create.json');
    const got = lineRules(scanFixture(['specs', 'job-create.json']).findings);
    assert.deepEqual(got, [
      `${lineOf(text, '"task_key": "b"') + 1} cluster/policy`,
      `${lineOf(text, '"11.3.x-scala2.12"')} cluster/runtime-version`,
    ].sort());
  });

  it('honours thresholds from .phisafe.json', () => {
    const config = { cluster: { maxAutoTerminationMinutes: 20, requirePolicy: false, approvedInitScriptTypes: ['workspace', 'volumes', 's3'] } };
    const got = scanFixture(['specs', 'cluster-create.json'], config).findings.map((f) => f.ruleId);
    assert.ok(!got.includes('cluster/policy'));
    assert.ok(!got.includes('cluster/init-scripts'));
    const bundle = lineRules(scanFixture(['bundle', 'databricks.yml'], config).findings);
    const { text } = fixture('bundle', 'databricks.yml');
    assert.ok(bundle.includes(`${lineOf(text, 'autotermination_minutes: 30')} cluster/auto-termination`));
  });

  it('a rule turned off in config reports nothing', () => {
    const got = scanFixture(['bundle', 'databricks.yml'], { rules: { 'cluster/access-mode': 'off' } }).findings;
    assert.ok(got.length > 0);
    assert.ok(!got.some((f) => f.ruleId === 'cluster/access-mode'));
  });

  it('ignores YAML and JSON that are not bundles or cluster specs, and broken files', () => {
    for (const [path, text] of [
      ['/w/.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'],
      ['/w/package.json', '{"name": "x", "scripts": {}}'],
      ['/w/databricks.yml', 'resources: [unclosed\n  - : :'],
      ['/w/spec.json', '{"spark_version": '],
    ]) {
      assert.deepEqual(lineRules(scanText(path, text).findings), [], path);
    }
  });
});
