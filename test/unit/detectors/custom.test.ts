import { strict as assert } from 'node:assert';
import { compileCustomPatterns, unsafeReason } from '../../../server/src/engine/detectors/custom';

describe('detectors/custom patterns', () => {
  it('finds matches as medium candidates of the configured category', () => {
    const [d] = compileCustomPatterns([{ id: 'site-mrn', category: 'mrn', pattern: 'SITE-[0-9]{6}' }]);
    const text = 'a SITE-123456 b\nSITE-654321';
    const found = d.find(text, { regionKind: 'comment' });
    assert.deepEqual(found.map((c) => [text.slice(c.start, c.end), c.category, c.confidence]), [
      ['SITE-123456', 'mrn', 'medium'], ['SITE-654321', 'mrn', 'medium'],
    ]);
    assert.ok(found.every((c) => !c.redacted.includes('123456') && !c.redacted.includes('654321')));
  });

  it('finds matches across slice boundaries of a long line once', () => {
    const [d] = compileCustomPatterns([{ id: 'x', category: 'other-id', pattern: 'ID[0-9]{4}' }]);
    const text = `${'.'.repeat(4094)}ID1234${'.'.repeat(5000)}ID5678`;
    assert.deepEqual(d.find(text, { regionKind: 'output' }).map((c) => c.start), [4094, 9100]);
  });

  const unsafe: [string, string][] = [
    ['(\\d+)+', 'nested quantifier'], ['(a*)*b', 'nested quantifier'], ['(?:[a-z]+\\d)+$', 'nested quantifier'],
    ['(a|ab)*c', 'repeated alternation'], ['(x)\\1', 'backreference'], ['(?<n>x)\\k<n>', 'backreference'],
    ['(?<=a+)b', 'quantifier inside lookbehind'], ['(ab', 'unbalanced parenthesis'],
  ];
  for (const [pattern, why] of unsafe) {
    it(`rejects a pattern with ${why} (${pattern.length} chars)`, () => {
      assert.equal(unsafeReason(pattern), why);
      assert.throws(() => compileCustomPatterns([{ id: 'risky-one', category: 'mrn', pattern }]), (e: Error) => {
        assert.match(e.message, /risky-one/);
        assert.ok(!e.message.includes(pattern), 'message must not echo the pattern');
        return true;
      });
    });
  }

  for (const pattern of ['MRN-[0-9]{6}', '\\b[A-Z]{2}\\d{7}\\b', '(?:Mr|Mrs)\\.? [A-Z][a-z]+', '[\\]\\\\(]+x', '(?<=MRN: )\\d{8}']) {
    it(`accepts a safe pattern (${pattern.length} chars)`, () => assert.equal(unsafeReason(pattern), undefined));
  }

  it('rejects an invalid regular expression or an unknown category by id', () => {
    assert.throws(() => compileCustomPatterns([{ id: 'bad-syntax', category: 'mrn', pattern: '[a-' }]), /bad-syntax/);
    assert.throws(() => compileCustomPatterns([{ id: 'bad-cat', category: 'nope' as 'mrn', pattern: 'x' }]), /bad-cat/);
  });
});
