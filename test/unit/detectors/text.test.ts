import { strict as assert } from 'node:assert';
import { scanFreeText } from '../../../server/src/engine/detectors';
import { releaseView, TextView, viewFor } from '../../../server/src/engine/detectors/text';

/** Everything a detector reads of a view's atoms and chains, as plain data. */
function layout(view: TextView): unknown {
  const atoms = Array.from({ length: view.atomCount }, (_, i) => [view.atomStart(i), view.atomEnd(i), view.atomKind(i)]);
  const chains = Array.from({ length: view.chainCount }, (_, i) => [view.chainStart(i), view.chainEnd(i), view.chainShape(i), view.chainAtomCount(i)]);
  return { atoms, chains };
}

const FIRST = 'ref 12-345-6789, visit 2031-02-03 / code A7.b_9';
const SECOND = 'x'.repeat(40) + ' 111 22 3333 more.words-here 4444';

describe('TextView', () => {
  it('reads atoms, their kinds and chains with digit shapes', () => {
    const view = new TextView('ab 12-345 x9.7/y');
    assert.deepEqual(layout(view), {
      atoms: [[0, 2, 'letters'], [3, 5, 'digits'], [6, 9, 'digits'], [10, 12, 'mixed'], [13, 14, 'digits'], [15, 16, 'letters']],
      chains: [[0, 2, '', 1], [3, 9, '2,3', 2], [10, 16, '', 3]],
    });
  });

  it('keeps a view from viewFor intact after the next text takes over its lent columns', () => {
    const first = viewFor(FIRST);
    const expected = layout(new TextView(FIRST));
    const second = viewFor(SECOND);
    assert.deepEqual(layout(first), expected);
    assert.deepEqual(layout(second), layout(new TextView(SECOND)));
  });

  it('keeps a released view intact when it is asked for again before the next text', () => {
    const view = viewFor(FIRST);
    releaseView(FIRST);
    assert.equal(viewFor(FIRST), view);
    viewFor(SECOND);
    assert.deepEqual(layout(view), layout(new TextView(FIRST)));
  });

  it('makes no atoms for bare HTML table tags, and keeps any other tag', () => {
    const text = '<tr><td>12-34</td><td x="1">ab</td><tdx>q</tdx><span>z</span><TD>w</TD></tr><td';
    const view = new TextView(text);
    const words = Array.from({ length: view.atomCount }, (_, i) => view.slice(view.atomStart(i), view.atomEnd(i)));
    assert.deepEqual(words, ['12', '34', 'td', 'x', '1', 'ab', 'tdx', 'q', 'tdx', 'span', 'z', 'span', 'TD', 'w', 'TD', 'td']);
  });

  it('finds in an HTML table what it finds in its cells', () => {
    const year = 1900 + 61;
    const cells = [`DOB ${'0'}3/14/${year}`, 'Acct #', `${4 * 1000 + 321}-${56789}`];
    const html = `<table>\n<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>\n</table>`;
    const context = { regionKind: 'output' as const };
    const found = scanFreeText(html, context).map((c) => [html.slice(c.start, c.end), c.category]);
    const inCells = cells.flatMap((c) => scanFreeText(c, context).map((x) => [c.slice(x.start, x.end), x.category]));
    assert.ok(found.length > 0);
    assert.deepEqual(found, inCells);
  });

  it('grows its columns for a text of many atoms', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const view = viewFor(text);
    assert.equal(view.atomCount, 5000);
    assert.equal(view.chainCount, 5000);
    assert.equal(view.atomStart(4999), text.lastIndexOf(' ') + 1);
    assert.equal(view.chainEnd(4999), text.length);
  });
});
