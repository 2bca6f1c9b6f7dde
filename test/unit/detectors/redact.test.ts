import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { redact } from '../../../server/src/engine/redact';
import { CATEGORIES, type Category } from '../../../server/src/engine/model';
import { SSN_DASHED, PHONE, cardNumber, group } from './synthetic';

/** The label's four-character windows that occur in the value, outside the shown digit tail. */
function leakedGrams(label: string, value: string): string[] {
  let tailStart = label.length;
  for (let seen = 0; tailStart > 0 && seen < 4; tailStart--) if (/\d/.test(label[tailStart - 1])) seen++;
  const out: string[] = [];
  for (let i = 0; i + 4 <= tailStart; i++) if (value.includes(label.slice(i, i + 4))) out.push(label.slice(i, i + 4));
  return out;
}

describe('redact', () => {
  it('keeps the shape and last four digits of number-like identifiers', () => {
    assert.equal(redact('ssn', SSN_DASHED), '***-**-6789');
    assert.equal(redact('phone', `(${PHONE[0]}) ${PHONE[1]}-${PHONE[2]}`), '(***) ***-0147');
    assert.equal(redact('account-number', cardNumber('4')).slice(0, 12), '************');
    assert.equal(redact('account-number', group(cardNumber('4'), [4, 4, 4, 4], '-')).slice(0, 15), '****-****-****-');
  });

  it('masks short numbers, dates and words entirely', () => {
    assert.equal(redact('mrn', '1234567'), '*******');
    assert.equal(redact('date', '1950-03-15'), '****-**-**');
    assert.equal(redact('name', 'Jane Smith'), '**** *****');
    assert.equal(redact('email', 'jane.smith@mail.example.org'), '****@*****.***');
    assert.ok(redact('geographic', '4500 N Oak Ridge Blvd, Apt 4B').length <= 16);
  });

  it('never returns the value or four of its characters outside the digit tail', () => {
    const value = fc.string({ unit: fc.constantFrom(...'0123456789abcXYZ -.()/@#+_:,!?*'.split('')), minLength: 1, maxLength: 40 });
    fc.assert(fc.property(fc.constantFrom(...CATEGORIES), value, (category: Category, v: string) => {
      const label = redact(category, v);
      assert.deepEqual(leakedGrams(label, v.trim()), [], `category ${category}`);
      if (v.trim().length >= 4) assert.ok(!label.includes(v.trim()) || /^\d{1,4}$/.test(v.trim()));
    }), { numRuns: 3000 });
  });
});
