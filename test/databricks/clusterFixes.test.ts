import { strict as assert } from 'node:assert';
import { clusterFix } from '../../server/src/databricks/clusterFixes';
import type { TextEdit } from '../../server/src/databricks/ucFixes';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import type { Finding } from '../../server/src/engine/model';
import { scanText } from '../../server/src/engine/scan';
import { fixture } from './helpers';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.startOffset - a.startOffset).reduce((t, e) => t.slice(0, e.startOffset) + e.newText + t.slice(e.endOffset), text);
}

function fixOne(path: string, text: string, pick: (f: Finding) => boolean): string {
  const finding = scanText(path, text).findings.find(pick);
  assert.ok(finding, 'finding to fix');
  const fix = clusterFix(path, text, finding, DEFAULT_CONFIG);
  assert.ok(fix, 'a fix');
  return apply(text, fix.edits);
}

describe('cluster quick fixes keep comments and formatting', () => {
  const { path, text } = fixture('bundle', 'databricks.yml');

  it('replaces a non-compliant access mode in place', () => {
    const after = fixOne(path, text, (f) => f.ruleId === 'cluster/access-mode' && f.message.includes('NONE'));
    assert.ok(after.includes('data_security_mode: SINGLE_USER           # expect: cluster/access-mode'));
    assert.equal(after.split('\n').length, text.split('\n').length);
    assert.ok(!scanText(path, after).findings.some((f) => f.message.includes('`bad_interactive` uses access mode')));
  });

  it('inserts a missing setting as one line at the mapping\'s indentation', () => {
    const after = fixOne(path, text, (f) => f.ruleId === 'cluster/auto-termination' && f.message.includes('`bare_interactive`'));
    assert.match(after, /\n {4}bare_interactive: +# expect: [^\n]+\n {6}autotermination_minutes: 60\n {6}spark_version: 15\.4\.x-scala2\.12\n/);
    assert.equal(after.replace('      autotermination_minutes: 60\n', ''), text);
    assert.ok(!scanText(path, after).findings.some((f) => f.ruleId === 'cluster/auto-termination' && f.message.includes('`bare_interactive`')));
  });

  it('fixes values in JSON specs, and inserts missing ones', () => {
    const spec = fixture('specs', 'cluster-create.json');
    const after = fixOne(spec.path, spec.text, (f) => f.ruleId === 'cluster/access-mode');
    assert.ok(after.includes('"data_security_mode": "SINGLE_USER",'));
    assert.equal(after.split('\n').length, spec.text.split('\n').length);
    const json = '{\n  "cluster_name": "x",\n  "spark_version": "15.4.x-scala2.12",\n  "node_type_id": "i3.xlarge",\n  "policy_id": "p"\n}\n';
    const fixed = fixOne('/w/cluster.json', json, (f) => f.ruleId === 'cluster/access-mode');
    assert.deepEqual(JSON.parse(fixed), { ...JSON.parse(json), data_security_mode: 'SINGLE_USER' });
    assert.ok(!scanText('/w/cluster.json', fixed).findings.some((f) => f.ruleId === 'cluster/access-mode'));
  });

  it('offers no fix where the value comes from a variable', () => {
    const f = scanText(path, text).findings.find((x) => x.ruleId === 'cluster/runtime-version');
    assert.ok(f);
    assert.equal(clusterFix(path, text, f, DEFAULT_CONFIG), undefined);
  });
});
