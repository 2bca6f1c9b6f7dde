import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText } from '../../../server/src/engine';
import { IncrementalScanner } from '../../../server/src/engine/incremental';
import { PieceText } from '../../../server/src/lsp/editedDocument';

const SSN = ['536', '90', '4399'].join('-');
const MRN = ['9004', '1772'].join('');
/** A synthetic cluster id in code: the cell-local cluster analyzer reports it, so the walks cover its cached findings too. */
const CLUSTER = (i: number) => `spark = DatabricksSession.builder.clusterId("0000-0000${String(10 + i).slice(-2)}-synthcid")`;
const cells = (n: number): string[] => Array.from({ length: n }, (_, i) =>
  i % 3 === 0 ? `# patient SSN ${SSN} called (case ${i})\nx_${i} = ${i}` : i % 3 === 1 ? `${CLUSTER(i)}\ny_${i} = ${i}` : `y_${i} = spark.table("t${i}")`);
const notebook = (parts: readonly string[]): string => `# Databricks notebook source\n${parts.join('\n\n# COMMAND ----------\n\n')}\n`;

describe('incremental scanning', () => {
  it('gives the same findings as a full scan and rescans only the edited cell', () => {
    const scanner = new IncrementalScanner();
    const parts = cells(12);
    const first = scanner.scan('/nb/a.py', notebook(parts), DEFAULT_CONFIG);
    assert.equal(scanner.lastStats.scanned, 12);
    assert.ok(first.findings.length > 0);

    parts.splice(1, 0, '# a new cell above the others\nz = 0');
    parts[7] = `${parts[7]}\nw = 1`;
    const text = notebook(parts);
    const second = scanner.scan('/nb/a.py', text, DEFAULT_CONFIG);
    assert.equal(scanner.lastStats.scanned, 2);
    const strip = (fs: typeof second.findings) => fs.map((f) => ({ ...f, fingerprint: undefined }));
    assert.deepEqual(strip(second.findings), strip(scanText('/nb/a.py', text, { config: DEFAULT_CONFIG }).findings));
  });

  it('applies a file-wide suppression from another cell', () => {
    const scanner = new IncrementalScanner();
    const parts = [...cells(4), '# phisafe-ignore-file[phi/comment, cluster/hard-coded-id]: synthetic fixtures'];
    assert.deepEqual(scanner.scan('/nb/b.py', notebook(parts), DEFAULT_CONFIG).findings, []);
  });
});

describe('incremental scanning after edits', () => {
  const strip = (fs: readonly { fingerprint?: string }[]) => fs.map((f) => ({ ...f, fingerprint: undefined }));
  /** Deterministic edits: insert or delete text, add or remove separators, so cells move, merge and split. */
  function* edits(text: string, seed: number, count: number): Generator<string> {
    let s = seed;
    const rand = (n: number): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n);
    const inserts = ['x', '\n', '\n\n# COMMAND ----------\n\n', `# SSN ${SSN} here\n`, 'z = 1\n'];
    for (let i = 0; i < count; i++) {
      const at = 29 + rand(text.length - 29);
      text = rand(3) === 0 ? text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + rand(40))) : text.slice(0, at) + inserts[rand(inserts.length)] + text.slice(at);
      yield text;
    }
  }

  for (const [title, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`equals a full scan after each of 40 edits that move, add, merge and remove cells (${title})`, () => {
      const scanner = new IncrementalScanner();
      let scanned = 0;
      for (const raw of edits(notebook(cells(15)), 7, 40)) {
        const text = raw.replace(/\r?\n/g, eol);
        const incremental = scanner.scan('/nb/e.py', text, DEFAULT_CONFIG);
        scanned += scanner.lastStats.scanned;
        assert.deepEqual(strip(incremental.findings), strip(scanText('/nb/e.py', text, { config: DEFAULT_CONFIG }).findings));
      }
      assert.ok(scanned < 40 * 5, 'unchanged cells come from the cache');
    });
  }

  it("rescans a cell's INSERT when the CREATE TABLE of another cell that keys it changes, as a full scan reads it", () => {
    const declare = (columns: string) => `-- MAGIC %sql\n-- MAGIC CREATE TABLE zz.people (${columns})`;
    const sqlNotebook = (columns: string) => [
      '-- Databricks notebook source', declare(columns), '', '-- COMMAND ----------', '',
      `INSERT INTO zz.people VALUES ('${MRN}', 'ZZ-DEV-00417', 'ok')`, '',
    ].join('\n');
    const scanner = new IncrementalScanner();
    const categories = (text: string): string[] => scanner.scan('/nb/t.sql', text, DEFAULT_CONFIG).findings.map((f) => f.category);
    for (const columns of ['mrn STRING, implant_serial STRING, note STRING', 'site STRING, scanner_serial STRING, note STRING', 'mrn STRING, implant_serial STRING, note STRING']) {
      const text = sqlNotebook(columns);
      assert.deepEqual(categories(text), scanText('/nb/t.sql', text, { config: DEFAULT_CONFIG }).findings.map((f) => f.category), columns);
    }
    assert.deepEqual(categories(sqlNotebook('mrn STRING, implant_serial STRING, note STRING')), ['mrn', 'device-id']);
  });

  it('equals a full scan of a notebook (.ipynb) whose cells move', () => {
    const cell = (src: string) => ({ cell_type: 'code', metadata: {}, source: [src], outputs: [], execution_count: null });
    const ipynb = (srcs: readonly string[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: srcs.map(cell) }, null, 1);
    const srcs = cells(8);
    const scanner = new IncrementalScanner();
    scanner.scan('/nb/c.ipynb', ipynb(srcs), DEFAULT_CONFIG);
    srcs.splice(2, 1);
    srcs.splice(0, 0, '# one more line\n# and another');
    const text = ipynb(srcs);
    const result = scanner.scan('/nb/c.ipynb', text, DEFAULT_CONFIG);
    assert.ok(result.findings.length > 0);
    assert.equal(scanner.lastStats.scanned, 1);
    assert.deepEqual(strip(result.findings), strip(scanText('/nb/c.ipynb', text, { config: DEFAULT_CONFIG }).findings));
  });
});

describe('incremental scanning of edits inside one .ipynb cell', () => {
  const strip = (fs: readonly { fingerprint?: string }[]) => fs.map((f) => ({ ...f, fingerprint: undefined }));
  const stream = (i: number) => ({ output_type: 'stream', name: 'stdout', text: [`row ${i}\tmember SSN ${SSN}\n`, 'done "quoted" \\ end\n'] });
  // A display() result with a struct column (read by its fields, and found again in its HTML rendering).
  // A display() result with struct columns: a patient's (read by its fields, found again in the HTML rendering) and a
  // pump's, a record of its own whose serial is the machine's (a cell scanned alone must keep the struct's path).
  const struct = (...names: string[]) => JSON.stringify({ type: 'struct', fields: names.map((name) => ({ name, type: 'string' })) });
  const schema = [{ name: 'mrn', type: '"string"' }, { name: 'patient', type: struct('name', 'dob') }, { name: 'pump', type: struct('model', 'serial') }];
  const display = (i: number) => ({
    output_type: 'display_data', data: { 'text/html': [`<td>${MRN}</td><td>List(Harold Zorblatt, 195203${10 + i})</td>`] },
    metadata: { 'application/vnd.databricks.v1+output': { type: 'table', schema, data: [[MRN, ['Harold Zorblatt', `195203${10 + i}`], ['ZZ-8100', `ZZSN-00${10 + i}`]]] } },
  });
  const output = (i: number) => (i % 4 === 2 ? display(i) : stream(i));
  // A %sql cell declares a table whose columns key another cell's INSERT (an edit to either changes the other's findings).
  const sql: Record<number, string[]> = {
    5: ['%sql\n', 'CREATE TABLE zz.people (mrn STRING, implant_serial STRING)'],
    9: ['%sql\n', `INSERT INTO zz.people VALUES ('${MRN}', 'ZZ-DEV-00417')`],
  };
  const cell = (i: number) => ({
    cell_type: i % 4 === 3 ? 'markdown' : 'code', metadata: {},
    source: sql[i] ?? [`# patient SSN ${SSN} (case ${i})\n`, `x_${i} = "tab\\there \u00e9"\n`, ...(i % 3 === 1 ? [`${CLUSTER(i)}\n`] : [])],
    ...(i % 4 === 3 ? {} : { outputs: i % 2 === 0 ? [output(i)] : [], execution_count: null }),
  });
  // A Databricks export's widget values sit in the notebook's metadata, after the cells or (some writers) before them.
  const widgets = { mrn: { currentValue: MRN, widgetInfo: { name: 'mrn', defaultValue: MRN, widgetType: 'text' } } };
  const metadata = { language_info: { name: 'python' }, 'application/vnd.databricks.v1+notebook': { language: 'python', widgets } };
  const ipynb = (n: number, indent: number | undefined, metadataFirst = false) => JSON.stringify(metadataFirst
    ? { metadata, cells: Array.from({ length: n }, (_, i) => cell(i)), nbformat: 4, nbformat_minor: 5 }
    : { cells: Array.from({ length: n }, (_, i) => cell(i)), metadata, nbformat: 4, nbformat_minor: 5 }, null, indent);
  const inserts = ['x', '\\n', '\\"', '\\\\', '\\u00e9', '"', '\n', ' 7', SSN, '}, {', ',', ''];
  for (const [title, eol, indent, metadataFirst] of [['LF', '\n', 1, false], ['CRLF', '\r\n', 1, false], ['one line', '\n', undefined, false], ['metadata first', '\n', 1, true]] as const) {
    it(`equals a full scan after each of 150 seeded edits in and across cells, outputs and escapes (${title})`, () => {
      const scanner = new IncrementalScanner({ editsNoted: true, minEditedBytes: 0 });
      const start = ipynb(12, indent, metadataFirst).replace(/\n/g, eol);
      const first = scanner.scan('/nb/d.ipynb', start, DEFAULT_CONFIG).findings;
      assert.equal(first.filter((f) => f.ruleId === 'phi/widget-value').length, 2, 'both saved widget values');
      assert.equal(first.filter((f) => f.message.includes('(column `dob`)')).length, 6, "the display() results' birth dates, in their tables and renderings");
      assert.equal(first.filter((f) => f.category === 'device-id').length, 1, "no pump's serial, the INSERT's implant serial");
      let fast = 0;
      let text = start;
      // The server hands the scanner its piece table (read in slices); every other edit gets the joined string.
      let edited = PieceText.of(start);
      let edits = 0;
      let seed = title.length * 31 + 5;
      const rand = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
      const apply = (at: number, end: number, insert: string): void => {
        scanner.noteEdit({ start: at, end, inserted: insert.length, lengthBefore: text.length });
        text = text.slice(0, at) + insert + text.slice(end);
        edited = edited.edited(at, end, insert);
        const incremental = scanner.scan('/nb/d.ipynb', edits++ % 2 === 0 ? edited : text, DEFAULT_CONFIG);
        const full = scanText('/nb/d.ipynb', text, { config: DEFAULT_CONFIG });
        if (scanner.lastStats.oneCell) fast++;
        assert.deepEqual(strip(incremental.findings), strip(full.findings));
        assert.equal(incremental.error?.message, full.error?.message);
      };
      // Seeded edits anywhere (inside strings, escapes, outputs, across cells); one that breaks the notebook is undone.
      for (let i = 0; i < 150; i++) {
        const at = rand(text.length);
        const end = Math.min(text.length, at + (rand(3) === 0 ? rand(12) : 0));
        const insert = inserts[rand(inserts.length)];
        const removed = text.slice(at, end);
        apply(at, end, insert);
        if (scanText('/nb/d.ipynb', text, { config: DEFAULT_CONFIG }).error || rand(4) === 0) apply(at, at + insert.length, removed);
      }
      assert.ok(fast > 20, `edits inside one cell take the one-cell path (${fast})`);
    });
  }
});
