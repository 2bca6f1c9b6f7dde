import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/src/engine/rules/registry';

const root = path.resolve(__dirname, '../..');
const snippetDir = path.join(root, 'snippets');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { snippets: { language: string; path: string }[] };
};

interface Snippet {
  prefix: unknown;
  body: unknown;
  description: unknown;
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isStringOrStrings = (v: unknown): boolean =>
  isNonEmptyString(v) || (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string'));

describe('snippets', () => {
  const files = readdirSync(snippetDir).filter((f) => f.endsWith('.json')).sort();

  it('ships one file per language the manifest registers, and registers every file', () => {
    assert.deepEqual(files, ['python.json', 'r.json', 'scala.json', 'sql.json']);
    const registered = manifest.contributes.snippets.map((s) => path.basename(s.path)).sort();
    assert.deepEqual(registered, files);
    for (const s of manifest.contributes.snippets) assert.equal(`${s.language}.json`, path.basename(s.path));
  });

  for (const file of ['python.json', 'r.json', 'scala.json', 'sql.json']) {
    describe(file, () => {
      const snippets = JSON.parse(readFileSync(path.join(snippetDir, file), 'utf8')) as Record<string, Snippet>;

      it('has a prefix, body and description for every snippet', () => {
        assert.ok(Object.keys(snippets).length >= 5);
        for (const [name, s] of Object.entries(snippets)) {
          assert.ok(isStringOrStrings(s.prefix), `${name}: prefix`);
          assert.ok(isStringOrStrings(s.body), `${name}: body`);
          assert.ok(isNonEmptyString(s.description), `${name}: description`);
        }
      });

      it('covers parameters, secrets, a column mask, a row filter and a suppression', () => {
        const bodies = Object.values(snippets).map((s) => ([] as unknown[]).concat(s.body).join('\n'));
        const has = (re: RegExp) => bodies.some((b) => re.test(b));
        assert.ok(has(/dbutils\.widgets|CREATE WIDGET/), 'widget');
        assert.ok(has(/secrets\.get|secret\(/), 'secret');
        assert.ok(has(/is_account_group_member[\s\S]*ELSE '\*\*\*' END[\s\S]*ALTER COLUMN[\s\S]*SET MASK/), 'column mask');
        assert.ok(has(/SET ROW FILTER/), 'row filter');
        assert.ok(has(/phisafe-ignore\[/), 'suppression');
      });

      it('suppresses only rule ids that exist', () => {
        const ids = new Set(allRules().map((r) => r.id));
        const choices = Object.values(snippets)
          .flatMap((s) => ([] as unknown[]).concat(s.body))
          .flatMap((line) => [...String(line).matchAll(/phisafe-ignore\[\$\{\d+\|([^|}]+)\|\}\]/g)].flatMap((m) => m[1].split(',')));
        assert.ok(choices.length > 0);
        for (const id of choices) assert.ok(ids.has(id), `unknown rule id ${id}`);
      });
    });
  }
});
