import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../../server/src/engine';
import { IncrementalScanner } from '../../../server/src/engine/incremental';
import type { PlacedFindings } from '../../../server/src/engine/placedFindings';
import { DiagnosticReuse, findingDiagnostics } from '../../../server/src/lsp/diagnostics';

/** Invented values, assembled in code. */
const ssn = (i: number): string => [`${530 + (i % 90)}`, `${10 + (i % 80)}`, `${4000 + i}`].join('-');
const PATH = '/nb/reuse.ipynb';
const notebook = (cells: number): string => JSON.stringify({
  cells: Array.from({ length: cells }, (_, i) => ({
    cell_type: 'code', metadata: {}, source: [`# patient SSN ${ssn(i)} called\n`, `x_${i} = ${i}\n`],
    outputs: [{ output_type: 'stream', name: 'stdout', text: [`member SSN ${ssn(i + 100)}\n`] }], execution_count: null,
  })),
  metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5,
}, null, 1);
const config: ResolvedConfig = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'phi/output': 'warning' } };

function run(scanner: IncrementalScanner, text: string): PlacedFindings {
  const steps = scanner.steps(PATH, text, config);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value.findings;
}

describe('diagnostics reused across edits', () => {
  for (const [title, insert] of [['inside a line', 'x'], ['adding a source line', 'y\\n",\n    "']] as const) {
    it(`after a one-cell edit (${title}) equal diagnostics made afresh, and untouched cells keep theirs`, () => {
      const scanner = new IncrementalScanner({ editsNoted: true, minEditedBytes: 0 });
      let text = notebook(30);
      const reuse = new DiagnosticReuse();
      const first = findingDiagnostics(run(scanner, text), 40, 41, undefined, reuse.begin('file:///a'));
      const at = text.indexOf('x_12 = 12');
      scanner.noteEdit({ start: at, end: at, inserted: insert.length, lengthBefore: text.length });
      text = text.slice(0, at) + insert + text.slice(at);
      const placed = run(scanner, text);
      assert.ok(scanner.lastStats.oneCell);
      const reused = findingDiagnostics(placed, 40, 41, undefined, reuse.begin('file:///a'));
      assert.deepEqual(reused, findingDiagnostics(placed, 40, 41));
      const line12 = reused.findIndex((d) => d.data && (d.data as { cellIndex: number }).cellIndex === 12);
      assert.ok(line12 > 0);
      for (let k = 0; k < line12; k++) assert.equal(reused[k], first[k], `diagnostic ${k}, before the edited cell, is reused`);
      if (insert.includes('\n')) {
        const after = reused.findIndex((d) => (d.data as { cellIndex: number } | undefined)?.cellIndex === 13);
        assert.notEqual(reused[after], first[first.findIndex((d) => (d.data as { cellIndex: number } | undefined)?.cellIndex === 13)], 'a cell that moved down is made again');
      }
      // Another file's publish forgets these.
      const other = findingDiagnostics(placed, 40, 41, undefined, reuse.begin('file:///b'));
      assert.notEqual(other[0], reused[0]);
      assert.deepEqual(other, reused);
    });
  }
});
