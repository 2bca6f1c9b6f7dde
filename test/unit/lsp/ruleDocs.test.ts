import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../../server/src/engine';
import { ruleDocPages } from '../../../server/src/lsp/ruleDocs';

const root = path.resolve(__dirname, '..', '..', '..');

function pagesOnDisk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pagesOnDisk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')] : []);
}

describe('rule documentation pages', () => {
  it('are committed for every rule and match its metadata (run scripts/gen-rule-docs.mjs)', () => {
    const pages = ruleDocPages();
    assert.equal(pages.size, allRules().length);
    for (const [relative, content] of pages) {
      const file = path.join(root, relative);
      assert.ok(existsSync(file), `${relative} is missing`);
      assert.equal(readFileSync(file, 'utf8'), content, `${relative} is out of date`);
    }
  });

  it('has no page for a rule that no longer exists', () => {
    const expected = new Set(ruleDocPages().keys());
    const generated = pagesOnDisk(path.join(root, 'docs', 'rules')).filter((p) => readFileSync(path.join(root, p), 'utf8').includes('scripts/gen-rule-docs.mjs'));
    assert.deepEqual(generated.filter((p) => !expected.has(p)), []);
  });
});
