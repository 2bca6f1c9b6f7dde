import { strict as assert } from 'node:assert';
import { addressFieldLiterals } from '../../../server/src/engine/context/addressFields';
import { isStreetLine } from '../../../server/src/engine/detectors/geographic';
import { tokenWriterFor } from '../../../server/src/engine/lexers';
import { TokenList } from '../../../server/src/engine/lexers/chars';

/** The values addressFieldLiterals reports in Python source. */
function fields(source: string): string[] {
  const tokens = new TokenList();
  tokenWriterFor('python')?.(source, tokens);
  const spans = addressFieldLiterals(source, tokens.code);
  const out: string[] = [];
  for (let k = 0; k < spans.length; k += 2) out.push(source.slice(spans[k], spans[k + 1]));
  return out;
}

describe('context/addressFields: an address written as separate literals', () => {
  it('reports the city and the ZIP code after a street literal, across a unit and a state', () => {
    assert.deepEqual(fields('row = ("42 Zzyzx Ln", "Apt 2B", "Fairview Heights", "IL", "00001", "2024-03-04")'), ['Fairview Heights', '00001']);
    assert.deepEqual(fields('geocode("9 Zzyzx Ct",\n        "Waterloo", "00002-0001")'), ['Waterloo', '00002-0001']);
    assert.deepEqual(fields('addr = ["42 N Zzyzx Blvd", "00003"]'), ['00003']);
  });

  it('starts no address at a value that is not a whole street line, or at an organisation site', () => {
    assert.deepEqual(fields('x = ("the 42 Zzyzx Ln clinic", "Waterloo", "00001")'), []);
    assert.deepEqual(fields('x = ("42 cases", "Waterloo", "00001")'), []);
    assert.deepEqual(fields('site = ("Zzyzx Regional Hospital", "42 Zzyzx Ln", "Waterloo", "IL", "00001")'), []);
  });

  it('stops at anything but one comma between literals, and at a part out of order', () => {
    assert.deepEqual(fields('x = "42 Zzyzx Ln" + "Waterloo"'), []);
    assert.deepEqual(fields('x = ("42 Zzyzx Ln", 7, "Waterloo")'), []);
    assert.deepEqual(fields('x = ("42 Zzyzx Ln", "IL", "Waterloo", "00001")'), []);
    assert.deepEqual(fields('x = ("42 Zzyzx Ln", "00001", "00002")'), ['00001']);
    assert.deepEqual(fields('x = ("42 Zzyzx Ln", "waterloo", "00001")'), []);
  });
});

describe('detectors/geographic: isStreetLine', () => {
  it('takes a house number, street words, a suffix and at most a unit', () => {
    for (const v of ['42 Zzyzx Ln', '1187 Zzyzx Heights Ln Apt 2B', '9 N. Zzyzx St.', '42 Zzyzx Ave, Suite 200', '42 5th Ave #12']) assert.ok(isStreetLine(v), v);
    for (const v of ['42 Zzyzx', 'Zzyzx Ln', '42 zzyzx ln', '42 Zzyzx Ln Waterloo', '1234567 Zzyzx Ln', '42 Zzyzx Ln, Waterloo', '42 A B C D E Ln']) assert.ok(!isStreetLine(v), v);
  });
});
