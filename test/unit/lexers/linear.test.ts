import { strict as assert } from 'node:assert';
import { lexerFor } from '../../../server/src/engine/lexers';
import type { Language } from '../../../server/src/engine/model';
import { adversarial, wellFormed, workOf } from './tokens';

/**
 * Inputs built to make a careless lexer rescan: openers that never close, long lines of them, and
 * constructs that look ahead for a closer. Work is counted in character reads, not time; 32 K against
 * 64 K characters shows a quadratic lexer as a ratio near 4 just as clearly as megabytes would.
 */
const ADVERSARIAL: Record<string, readonly string[][]> = {
  python: [
    ['f"{', '{', "'"], ['"""', "'''", '\\'], ['#', '"#'], ['f"{x!r:{', 'rb"', '0x_'], ['f"{a}"'], ["f'{\"x\"}'"], ['"a"'],
    ['"'], ["'''a'''"], ['f"{{}}"'],
  ],
  sql: [
    ['`a`'], ['${a}'], ['{{a}}'], ['`'], ['${'], ['{{'], ["'"], ["'a'"], ['/*'], ['/* /*', '*/'], [':a'], ['::'],
    ['--'], ["r'"], ['"\\'], ['a:b'], ['?', '$', '-'],
  ],
  scala: [
    ['s"${', '"', '${'], ['s"${a}"'], ['"a"'], ['"'], ['/*'], ['/* /*', '*/'], ["'\\", "'", "'a"], ["'a'"],
    ['"""', '""""', 'raw"'], ['$"', '===', '//'], ['`a`'], ['`'],
  ],
  r: [['%', '%in', '%>'], ['%in%'], ['%'], ['r"(', 'r"---[', ']-"'], ['r"(a)"'], ['`', "'", '"'], ['`a`'], ['#', '<<-', '.5e']],
  shell: [['${', '$', '$#'], ['${a}'], ["'", '"', '\\'], ['"a"'], ['#', 'a#b', '&&']],
};

describe('lexers/linear time', () => {
  for (const [language, sets] of Object.entries(ADVERSARIAL)) {
    const lexer = lexerFor(language as Language);
    it(`${language}: work grows linearly on adversarial input`, () => {
      assert.ok(lexer);
      for (const pieces of sets) {
        for (const glue of ['', ' ', '\n']) {
          const withGlue = pieces.map((p) => p + glue);
          const small = adversarial(withGlue, 1 << 15);
          const large = adversarial(withGlue, 1 << 16);
          const a = workOf(lexer, small);
          const b = workOf(lexer, large);
          assert.ok(b / a < 2.3, `work ratio ${(b / a).toFixed(2)} for ${JSON.stringify(pieces)} glued by ${JSON.stringify(glue)}`);
          assert.ok(a / small.length < 16, `reads per character ${(a / small.length).toFixed(1)}`);
          assert.ok(wellFormed(small, lexer(small)));
        }
      }
    });
  }

  it('the work counter sees quadratic behaviour when there is some', () => {
    // A deliberately quadratic "lexer": rescans to the end from every position.
    const quadratic = (text: string): [] => {
      for (let i = 0; i < text.length; i++) for (let k = i; k < text.length; k++) text.charCodeAt(k);
      return [];
    };
    const a = workOf(quadratic, 'x'.repeat(500));
    const b = workOf(quadratic, 'x'.repeat(1000));
    assert.ok(b / a > 3.5);
  });
});
