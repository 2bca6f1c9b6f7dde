import { strict as assert } from 'node:assert';
import { applyEdits } from 'jsonc-parser';
import { ipynbEditsWithoutOutputs } from '../../../client/src/ipynbText';

/** A small notebook with stream outputs whose text says only which output it is. */
function notebookJson(outputsPerCell: number[]): string {
  const cells = outputsPerCell.map((n, c) => ({
    cell_type: 'code',
    source: [`print(${c})`],
    metadata: {},
    execution_count: c + 1,
    outputs: Array.from({ length: n }, (_, o) => ({ output_type: 'stream', name: 'stdout', text: [`cell ${c} output ${o}\n`] })),
  }));
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

const outputTexts = (json: string): string[][] =>
  (JSON.parse(json) as { cells: { outputs: { text: string[] }[] }[] }).cells.map((c) => c.outputs.map((o) => o.text[0].trim()));

describe('ipynbEditsWithoutOutputs', () => {
  it('removes exactly the listed outputs and keeps the others in order', () => {
    const text = notebookJson([3, 1, 2]);
    const edits = ipynbEditsWithoutOutputs(text, new Map([[0, new Set([0, 2])], [2, new Set([1])]]));
    assert.deepEqual(outputTexts(applyEdits(text, edits)), [['cell 0 output 1'], ['cell 1 output 0'], ['cell 2 output 0']]);
  });

  it('leaves an empty outputs array when every output goes', () => {
    const text = notebookJson([2]);
    const result = applyEdits(text, ipynbEditsWithoutOutputs(text, new Map([[0, new Set([0, 1])]])));
    assert.deepEqual(outputTexts(result), [[]]);
    assert.equal((JSON.parse(result) as { nbformat: number }).nbformat, 4);
  });

  it('ignores cells and outputs that do not exist, and text that is not JSON', () => {
    const text = notebookJson([1]);
    assert.deepEqual(ipynbEditsWithoutOutputs(text, new Map([[5, new Set([0])], [0, new Set([3])]])), []);
    assert.deepEqual(ipynbEditsWithoutOutputs('not json {', new Map([[0, new Set([0])]])), []);
  });

  it('keeps the rest of the file byte for byte', () => {
    const text = notebookJson([2, 0]);
    const result = applyEdits(text, ipynbEditsWithoutOutputs(text, new Map([[0, new Set([1])]])));
    const after = text.slice(text.indexOf('"source"', text.indexOf('print(1)') - 40));
    assert.ok(result.endsWith(after));
  });
});
