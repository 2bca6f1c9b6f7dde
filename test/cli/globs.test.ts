import assert from 'node:assert/strict';
import { compileGlob, expandBraces, GlobError } from '../../server/src/workspace/globs';

describe('workspace/globs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.sql', 'a.sql', true],
    ['*.sql', 'deep/er/a.sql', true],
    ['*.sql', 'a.py', false],
    ['notebooks/*.py', 'notebooks/a.py', true],
    ['notebooks/*.py', 'notebooks/x/a.py', false],
    ['notebooks/**/*.py', 'notebooks/a.py', true],
    ['notebooks/**/*.py', 'notebooks/x/y/a.py', true],
    ['notebooks/**/*.py', 'other/notebooks/a.py', false],
    ['**/fixtures/**', 'test/fixtures/a/b.ipynb', true],
    ['generated', 'generated/a.py', true],
    ['generated/', 'x/generated/a.py', true],
    ['/generated', 'x/generated/a.py', false],
    ['./src/*.py', 'src/a.py', true],
    ['a?c.py', 'abc.py', true],
    ['a?c.py', 'ac.py', false],
    ['*.{py,sql}', 'x/y.sql', true],
    ['*.{py,sql}', 'x/y.scala', false],
    ['{a,b}/{c,d}.py', 'b/c.py', true],
    ['{a}.py', '{a}.py', true],
    ['x*y*z', 'x_y_q', false],
    ['x*y*z', 'xAyBz', true],
    ['**', 'anything/at/all.py', true],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${file}`, () => {
      assert.equal(compileGlob(pattern)(file), expected);
    });
  }

  it('expands nested braces in order', () => {
    assert.deepEqual(expandBraces('a{b,c{d,e}}f'), ['abf', 'acdf', 'acef']);
  });

  it('refuses patterns that expand without bound', () => {
    assert.throws(() => expandBraces('{a,b}'.repeat(10)), GlobError);
  });

  it('stays fast on a pattern built to backtrack', () => {
    // Regex-based matchers go exponential here; the wildcard walk is at most pattern × text.
    const pattern = `${'*a'.repeat(30)}b`;
    const text = 'a'.repeat(5000);
    assert.equal(compileGlob(pattern)(text), false);
  });
});
