import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  ConfigCache, ConfigError, isIncludedByConfig, loadConfigFile, loadConfigFor, validateConfig,
} from '../../server/src/workspace/configFile';
import { makeTree, removeTree, ROOT } from './helpers';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'phisafe.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const schemaValid = ajv.compile(schema);

const VALID: Array<[string, unknown]> = [
  ['empty', {}],
  ['every field', {
    $schema: './node_modules/phisafe/schemas/phisafe.schema.json',
    rules: { 'phi/comment': 'warning', 'phi/output': 'off', 'uc/unmasked-column': 'info' },
    include: ['notebooks/**', '*.sql'],
    exclude: ['notebooks/scratch/**'],
    contextWords: { mrn: ['chart_no'], 'health-plan-id': ['subscriber_ref'] },
    customPatterns: [{ id: 'site-mrn', category: 'mrn', pattern: 'SITE-[0-9]{6}', description: 'our MRN' }],
    allow: ['TEST-PATIENT', '/DEMO-[0-9]+/i'],
    maxFileSizeMB: 2.5,
    failOn: 'error',
    uc: { snapshot: 'uc.json' },
    cluster: { requireUnityCatalog: true },
  }],
  ['custom pattern without description', { customPatterns: [{ id: 'x', category: 'other-id', pattern: 'X[0-9]+' }] }],
];

const INVALID: Array<[string, unknown, string]> = [
  ['a list at the top', [], 'the top level'],
  ['an unknown key', { exlude: ['a'] }, '"exlude"'],
  ['a bad severity', { rules: { 'phi/comment': 'fatal' } }, '"rules.phi/comment"'],
  ['a string for include', { include: 'notebooks/**' }, '"include"'],
  ['an empty glob', { exclude: [''] }, '"exclude"'],
  ['an unknown category in contextWords', { contextWords: { mrnn: ['x'] } }, '"contextWords.mrnn"'],
  ['a number among context words', { contextWords: { mrn: [7] } }, '"contextWords.mrn"'],
  ['a custom pattern without a pattern', { customPatterns: [{ id: 'x', category: 'mrn' }] }, '"customPatterns[0].pattern"'],
  ['a custom pattern with an unknown category', { customPatterns: [{ id: 'x', category: 'dna', pattern: 'x' }] }, '"customPatterns[0].category"'],
  ['a custom pattern with an extra field', { customPatterns: [{ id: 'x', category: 'mrn', pattern: 'x', flags: 'i' }] }, '"customPatterns[0].flags"'],
  ['a custom pattern that is not a regex', { customPatterns: [{ id: 'x', category: 'mrn', pattern: '([a-z' }] }, '"customPatterns[0].pattern"'],
  ['a zero file size', { maxFileSizeMB: 0 }, '"maxFileSizeMB"'],
  ['a string file size', { maxFileSizeMB: '20' }, '"maxFileSizeMB"'],
  ['failOn off', { failOn: 'off' }, '"failOn"'],
  ['a list for uc', { uc: [] }, '"uc"'],
  ['a number in allow', { allow: [1] }, '"allow"'],
];

describe('workspace/configFile', () => {
  describe('validateConfig agrees with schemas/phisafe.schema.json', () => {
    for (const [name, config] of VALID) {
      it(`accepts ${name}`, () => {
        assert.doesNotThrow(() => validateConfig(config, 'cfg/.phisafe.json'));
        assert.equal(schemaValid(config), true, JSON.stringify(schemaValid.errors));
      });
    }
    for (const [name, config, key] of INVALID) {
      it(`rejects ${name}, naming the file and ${key}`, () => {
        assert.throws(() => validateConfig(config, 'cfg/.phisafe.json'), (e: unknown) => {
          assert.ok(e instanceof ConfigError);
          assert.ok(e.message.startsWith('cfg/.phisafe.json: '), e.message);
          assert.ok(e.message.includes(key), e.message);
          return true;
        });
        assert.equal(schemaValid(config), false);
      });
    }
  });

  it('describes every property of the schema (VS Code shows the descriptions)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((n.properties as Record<string, unknown>) ?? {})) {
        if (!(child as { description?: string }).description) missing.push(`${where}.${key}`);
        walk(child, `${where}.${key}`);
      }
      if (n.items) walk(n.items, `${where}[]`);
      if (n.additionalProperties && typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${where}.*`);
    };
    walk(schema, '$');
    assert.deepEqual(missing, []);
  });

  describe('discovery', () => {
    let dir: string;
    before(() => {
      dir = makeTree({
        '.phisafe.json': JSON.stringify({ failOn: 'error', exclude: ['scratch/**'] }),
        'team/.phisafe.json': '{\n  // comments are allowed\n  "rules": {"phi/comment": "off"},\n}\n',
        'team/deep/er/nb.py': '',
        'nb.py': '',
        'scratch/a.py': '',
        'broken/.phisafe.json': '{"failOn": "fatal"}',
        'broken/nb.py': '',
        'notjson/.phisafe.json': '{"failOn": ',
        'notjson/nb.py': '',
      });
    });
    after(() => removeTree(dir));

    it('finds the nearest config above a file', () => {
      const loaded = loadConfigFor(path.join(dir, 'team/deep/er/nb.py'));
      assert.equal(loaded.configPath, path.join(dir, 'team/.phisafe.json'));
      assert.equal(loaded.config.rules['phi/comment'], 'off');
      assert.equal(loadConfigFor(path.join(dir, 'nb.py')).config.failOn, 'error');
    });

    it('caches lookups per folder', () => {
      const cache = new ConfigCache();
      const first = loadConfigFor(path.join(dir, 'team/deep/er/nb.py'), cache);
      assert.ok(cache.byDirectory.has(path.join(dir, 'team/deep/er')));
      assert.ok(cache.byDirectory.has(path.join(dir, 'team/deep')));
      assert.equal(loadConfigFor(path.join(dir, 'team/deep/x.py'), cache), first);
    });

    it('applies include/exclude relative to the config file', () => {
      const loaded = loadConfigFor(path.join(dir, 'nb.py'));
      assert.equal(isIncludedByConfig(path.join(dir, 'scratch/a.py'), loaded), false);
      assert.equal(isIncludedByConfig(path.join(dir, 'nb.py'), loaded), true);
    });

    it('reports an invalid config by file and key', () => {
      assert.throws(() => loadConfigFor(path.join(dir, 'broken/nb.py')), /broken[\\/]\.phisafe\.json: "failOn" must be one of/);
    });

    it('reports malformed JSON with a position, not the text', () => {
      assert.throws(() => loadConfigFile(path.join(dir, 'notjson/.phisafe.json')), (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message, /is not valid JSON: \w+ at line 1, column \d+/);
        return true;
      });
    });

    it('reports a missing --config file', () => {
      assert.throws(() => loadConfigFile(path.join(dir, 'nope.json')), /nope\.json: cannot be read \(not found\)/);
    });
  });
});
