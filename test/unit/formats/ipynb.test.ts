import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readDocument } from '../../../server/src/engine/formats';
import { ScanInputError } from '../../../server/src/engine/formats/errors';
import type { NotebookCell, OutputRegion, ScanDocument } from '../../../server/src/engine/model';
import { assertFaithful, assertMapsBack } from './slices';

const DB_CELL = 'application/vnd.databricks.v1+cell';
const DB_OUTPUT = 'application/vnd.databricks.v1+output';

interface CellSpec {
  cell_type: string;
  source: string | string[];
  metadata?: Record<string, unknown>;
  outputs?: unknown[];
}

function notebook(cells: CellSpec[], metadata: Record<string, unknown> = {}): string {
  const full = cells.map((c) => ({ metadata: {}, ...(c.cell_type === 'code' ? { outputs: [], execution_count: null } : {}), ...c }));
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells: full }, null, 1);
}

/** Reads the notebook and checks that every slice in it maps back character by character. */
function read(text: string): ScanDocument {
  const doc = readDocument('notebook.ipynb', text);
  assert.equal(doc.format, 'ipynb');
  for (const cell of doc.cells) {
    assertFaithful(text, cell.source);
    if (cell.title) assertFaithful(text, cell.title);
    for (const out of cell.outputs) {
      for (const t of out.texts) assertFaithful(text, t);
      for (const k of out.keyed) assertFaithful(text, k.value);
    }
  }
  return doc;
}

function region(cell: NotebookCell, mime: string): OutputRegion {
  const found = cell.outputs.find((o) => o.mime === mime);
  assert.ok(found, `no ${mime} output`);
  return found;
}

function inputError(text: string): string {
  try {
    readDocument('notebook.ipynb', text);
  } catch (e) {
    assert.ok(e instanceof ScanInputError, 'expected a ScanInputError');
    return e.message;
  }
  assert.fail('expected the notebook to be rejected');
}

describe('formats/ipynb', () => {
  it('maps a marker after JSON escapes back to the file', () => {
    const text = notebook([{ cell_type: 'code', source: 'a = "q\\"x"\n\tb = "MARK_AFTER_ESCAPES"' }]);
    const cell = read(text).cells[0];
    assert.equal(cell.source.text, 'a = "q\\"x"\n\tb = "MARK_AFTER_ESCAPES"');
    assertMapsBack(text, cell.source, 'MARK_AFTER_ESCAPES');
    // A span across escapes ends after the escape sequence in the file.
    assertMapsBack(text, cell.source, '\n\tb', '\\n\\tb');
    // A span that ends on an escape ends after the whole escape sequence.
    assertMapsBack(text, cell.source, '\n\t', '\\n\\t');
  });

  it('maps \\u escapes, including surrogate pairs, one code unit each', () => {
    const base = notebook([{ cell_type: 'markdown', source: 'caf\u00e9 MARK_U \ud83d\ude00 end' }]);
    const text = base.replace('\u00e9', '\\u00e9').replace('\ud83d\ude00', '\\ud83d\\ude00').replace('caf', 'c\\/af');
    const cell = read(text).cells[0];
    assert.equal(cell.source.text, 'c/af\u00e9 MARK_U \ud83d\ude00 end');
    assertMapsBack(text, cell.source, 'MARK_U');
    assertMapsBack(text, cell.source, '\ud83d\ude00', '\\ud83d\\ude00');
    assertMapsBack(text, cell.source, ' end');
  });

  it('joins list-form source into one slice that spans the strings', () => {
    const text = notebook([{ cell_type: 'code', source: ['x = 1\n', 'y = "MARK_SECOND"\n', 'z = "MARK_THIRD"'] }]);
    const cell = read(text).cells[0];
    assert.equal(cell.source.text, 'x = 1\ny = "MARK_SECOND"\nz = "MARK_THIRD"');
    assertMapsBack(text, cell.source, 'MARK_SECOND');
    assertMapsBack(text, cell.source, 'MARK_THIRD');
  });

  it('reads any source text back exactly (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 5 }), (parts) => {
      // A leading letter keeps a generated `%md` from being read as a magic line.
      const text = notebook([{ cell_type: 'markdown', source: ['x', ...parts] }]);
      const cell = read(text).cells[0];
      assert.equal(cell.source.text, `x${parts.join('')}`);
    }), { numRuns: 100 });
  });

  it('takes the language and kind from a leading magic and drops the magic line', () => {
    const text = notebook([
      { cell_type: 'code', source: ['%sql\n', "SELECT 'MARK_SQL'"] },
      { cell_type: 'code', source: '%md\n# MARK_MD' },
      { cell_type: 'code', source: '%scala\nval a = "MARK_SCALA"' },
      { cell_type: 'code', source: '%r\nx <- 1' },
      { cell_type: 'code', source: '%sh ls MARK_SH' },
      { cell_type: 'code', source: '%pip install x' },
      { cell_type: 'code', source: '%run ./other' },
      { cell_type: 'code', source: 'print(1)' },
      { cell_type: 'markdown', source: '%md-sandbox\nMARK_MDS' },
      { cell_type: 'raw', source: 'raw MARK_RAW' },
    ], { 'application/vnd.databricks.v1+notebook': { language: 'python', notebookName: 'n' } });
    const cells = read(text).cells;
    assert.deepEqual(cells.map((c) => `${c.kind}:${c.language}`), [
      'code:sql', 'markdown:markdown', 'code:scala', 'code:r', 'code:shell', 'code:shell', 'code:shell',
      'code:python', 'markdown:markdown', 'markdown:markdown',
    ]);
    assert.equal(cells[0].source.text, "SELECT 'MARK_SQL'");
    assertMapsBack(text, cells[0].source, 'MARK_SQL');
    assert.equal(cells[1].source.text, '# MARK_MD');
    assertMapsBack(text, cells[1].source, 'MARK_MD');
    assert.equal(cells[4].source.text, 'ls MARK_SH');
    assert.equal(cells[8].source.text, 'MARK_MDS');
  });

  it('takes the notebook language from Databricks metadata, then the kernel', () => {
    const lang = (metadata: Record<string, unknown>): string => read(notebook([{ cell_type: 'code', source: 'x' }], metadata)).cells[0].language;
    assert.equal(lang({ 'application/vnd.databricks.v1+notebook': { language: 'sql' }, kernelspec: { language: 'python' } }), 'sql');
    assert.equal(lang({ kernelspec: { language: 'R' } }), 'r');
    assert.equal(lang({ language_info: { name: 'scala' } }), 'scala');
    assert.equal(lang({}), 'python');
  });

  it('reads the Databricks cell title', () => {
    const text = notebook([{ cell_type: 'code', source: 'x', metadata: { [DB_CELL]: { title: 'Load MARK_TITLE', showTitle: true } } }]);
    const cell = read(text).cells[0];
    assert.equal(cell.title?.text, 'Load MARK_TITLE');
    assertMapsBack(text, cell.title, 'MARK_TITLE');
  });

  it('gives each cell the span of its JSON object', () => {
    const text = notebook([{ cell_type: 'code', source: 'a' }, { cell_type: 'markdown', source: 'b' }]);
    const cells = read(text).cells;
    for (const cell of cells) {
      assert.equal(text[cell.fileStart], '{');
      assert.equal(text[cell.fileEnd - 1], '}');
      assert.doesNotThrow(() => JSON.parse(text.slice(cell.fileStart, cell.fileEnd)));
    }
  });

  describe('outputs', () => {
    const outputs = [
      { output_type: 'stream', name: 'stdout', text: ['line MARK_STREAM\n', 'two\n'] },
      {
        output_type: 'display_data',
        data: {
          'text/html': ['<td>MARK_HTML</td>'],
          'image/png': 'iVBORw0KGgoMARK_IMAGE',
          'application/json': { patient: { mrn: 'MARK_JSON', visits: [3, 'MARK_LIST'] }, n: 42 },
        },
        metadata: {
          [DB_OUTPUT]: {
            type: 'table',
            schema: [{ name: 'patient.mrn', type: '"string"', metadata: '{}' }, { name: 'visits', type: '"long"' }],
            data: [['MARK_ROW1', 7], ['MARK_ROW2', null]],
            aggData: [],
          },
        },
      },
      { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': 'MARK_PLAIN', 'text/markdown': '*MARK_MDOUT*' }, metadata: {} },
      { output_type: 'error', ename: 'ValueError', evalue: 'bad MARK_EVALUE', traceback: ['\u001b[0;31mMARK_TRACE\u001b[0m'] },
    ];
    const text = notebook([{ cell_type: 'code', source: 'display(df)', outputs }]);
    const cell = read(text).cells[0];

    it('reads stream text with positions', () => {
      const stream = region(cell, 'stream');
      assert.equal(stream.outputIndex, 0);
      assertMapsBack(text, stream.texts[0], 'MARK_STREAM');
    });

    it('reads html, plain and markdown bundles and skips images', () => {
      assertMapsBack(text, region(cell, 'text/html').texts[0], 'MARK_HTML');
      assertMapsBack(text, region(cell, 'text/plain').texts[0], 'MARK_PLAIN');
      assertMapsBack(text, region(cell, 'text/markdown').texts[0], 'MARK_MDOUT');
      assert.equal(region(cell, 'text/plain').outputIndex, 2);
      const everything = cell.outputs.flatMap((o) => [...o.texts.map((t) => t.text), ...o.keyed.map((k) => k.value.text)]);
      assert.ok(!everything.some((t) => t.includes('MARK_IMAGE')));
      assert.ok(!cell.outputs.some((o) => o.mime.startsWith('image/')));
    });

    it('keys JSON leaves by the object key they sit under', () => {
      const json = region(cell, 'application/json');
      const pairs = json.keyed.map((k) => `${k.key}=${k.value.text}`);
      assert.deepEqual(pairs, ['mrn=MARK_JSON', 'visits=3', 'visits=MARK_LIST', 'n=42']);
      assertMapsBack(text, json.keyed[0].value, 'MARK_JSON');
      assertMapsBack(text, json.keyed[3].value, '42');
    });

    it('reads Databricks result tables keyed by schema column names', () => {
      const table = region(cell, 'databricks-table');
      assert.equal(table.outputIndex, 1);
      assert.deepEqual(table.keyed.map((k) => `${k.key}=${k.value.text}`), ['patient.mrn=MARK_ROW1', 'visits=7', 'patient.mrn=MARK_ROW2']);
      assertMapsBack(text, table.keyed[2].value, 'MARK_ROW2');
      assert.equal(text.slice(table.keyed[1].value.map.toFile(0), table.keyed[1].value.map.toFileEnd(1)), '7');
    });

    it('reads error name, value and traceback', () => {
      const error = region(cell, 'error');
      assert.equal(error.texts.length, 3);
      assertMapsBack(text, error.texts[1], 'MARK_EVALUE');
      assertMapsBack(text, error.texts[2], 'MARK_TRACE');
    });
  });

  it("reads the values a Databricks export saves with its widgets, keyed by each widget's name", () => {
    const widgets = {
      mrn: { currentValue: 'MARK_CURRENT', nuid: 'n-1', widgetInfo: { name: 'mrn', defaultValue: 'MARK_DEFAULT', widgetType: 'text' }, typedWidgetInfo: { name: 'mrn', defaultValue: '' } },
      cohort: { currentValue: 'a', widgetInfo: { name: 'cohort_site', defaultValue: '', options: { widgetType: 'dropdown', choices: ['MARK_CHOICE', 'b'] } } },
    };
    const text = notebook([{ cell_type: 'code', source: 'x = 1' }], { 'application/vnd.databricks.v1+notebook': { language: 'python', notebookName: 'n', widgets } });
    const doc = read(text);
    assert.deepEqual(doc.widgets?.map((w) => `${w.key}=${w.value.text}`), ['mrn=MARK_CURRENT', 'mrn=MARK_DEFAULT', 'cohort_site=a', 'cohort_site=MARK_CHOICE', 'cohort_site=b']);
    for (const w of doc.widgets ?? []) assertFaithful(text, w.value);
    assert.equal(read(notebook([{ cell_type: 'code', source: 'x = 1' }])).widgets, undefined);
  });

  it('reads a Databricks result table kept in the output bundle itself, keyed by its schema', () => {
    const table = { type: 'table', schema: [{ name: 'mrn', type: '"string"', metadata: '{}' }], data: [['MARK_BUNDLED']], aggData: [] };
    const text = notebook([{ cell_type: 'code', source: 'display(df)', outputs: [{ output_type: 'display_data', data: { [DB_OUTPUT]: table, 'text/plain': 'MARK_GRID' }, metadata: {} }] }]);
    const cell = read(text).cells[0];
    const bundled = region(cell, 'databricks-table');
    assert.deepEqual(bundled.keyed.map((k) => `${k.key}=${k.value.text}`), ['mrn=MARK_BUNDLED']);
    assertMapsBack(text, bundled.keyed[0].value, 'MARK_BUNDLED');
    assertMapsBack(text, region(cell, 'text/plain').texts[0], 'MARK_GRID');
  });

  it("reads a result's struct columns by their fields' names, under the struct column's path", () => {
    const struct = (fields: string[]): string => JSON.stringify({ type: 'struct', fields: fields.map((name) => ({ name, type: 'string', nullable: true, metadata: {} })) });
    const schema = [
      { name: 'case_id', type: '"string"' },
      { name: 'guardian', type: struct(['name', 'phone']) },
      { name: 'visits', type: JSON.stringify({ type: 'array', elementType: JSON.parse(struct(['date', 'clinic'])), containsNull: true }) },
      { name: 'tags', type: JSON.stringify({ type: 'array', elementType: 'string', containsNull: true }) },
      { name: 'broken', type: '{"type":"struct","fields":[' },
    ];
    const data = [['MARK_CASE', ['MARK_GUARDIAN', 'MARK_PHONE', 'MARK_EXTRA'], [['MARK_V1', 'MARK_C1'], ['MARK_V2', 'MARK_C2']], ['MARK_TAG'], ['MARK_BROKEN']]];
    const objects = [['MARK_CASE2', { phone: 'MARK_PHONE2' }, [], [], []]];
    const table = { type: 'table', schema, data: [...data, ...objects], aggData: [] };
    const text = notebook([{ cell_type: 'code', source: 'display(df)', outputs: [{ output_type: 'display_data', data: {}, metadata: { [DB_OUTPUT]: table } }] }]);
    const keyed = region(read(text).cells[0], 'databricks-table').keyed;
    assert.deepEqual(keyed.map((k) => `${(k.path ?? []).join('.')}|${k.key}=${k.value.text}`), [
      '|case_id=MARK_CASE', 'guardian|name=MARK_GUARDIAN', 'guardian|phone=MARK_PHONE', '|guardian=MARK_EXTRA',
      'visits|date=MARK_V1', 'visits|clinic=MARK_C1', 'visits|date=MARK_V2', 'visits|clinic=MARK_C2', '|tags=MARK_TAG', '|broken=MARK_BROKEN',
      '|case_id=MARK_CASE2', 'guardian|phone=MARK_PHONE2',
    ]);
  });

  describe('in file order', () => {
    it('gives code cells the language of notebook metadata written after them', () => {
      const cells = [{ cell_type: 'code', metadata: {}, outputs: [], source: ['SELECT 1\n', 'FROM t'] }];
      const text = JSON.stringify({ cells, metadata: { kernelspec: { language: 'sql' } }, nbformat: 4 }, null, 1);
      const cell = read(text).cells[0];
      assert.equal(cell.language, 'sql');
      assert.equal(cell.source.text, 'SELECT 1\nFROM t');
    });

    it('reads outputs whose output_type follows their content, and the first of repeated keys', () => {
      const text = '{"nbformat": 4, "cells": [{"outputs": [{"text": ["MARK_STREAM"], "output_type": "stream", "text": "MARK_LATER"}],'
        + ' "source": "x = 1", "cell_type": "code", "source": "MARK_SECOND_SOURCE"}], "nbformat": 3}';
      const cell = read(text).cells[0];
      assert.equal(cell.source.text, 'x = 1');
      assert.deepEqual(region(cell, 'stream').texts.map((t) => t.text), ['MARK_STREAM']);
    });
  });

  describe('bad input', () => {
    it('rejects malformed and truncated JSON with a line and column and no content', () => {
      const good = notebook([{ cell_type: 'code', source: 'x = "SECRET_VALUE"' }]);
      const truncated = good.slice(0, good.indexOf('SECRET_VALUE') + 6);
      const message = inputError(truncated);
      assert.match(message, /^malformed notebook JSON at line \d+, column \d+$/);
      assert.ok(!message.includes('SECRET'));
      assert.equal(inputError('{\n  "a": 1,\n  "b": tru\n}'), 'malformed notebook JSON at line 3, column 8');
      assert.equal(inputError('{"a": 1} x'), 'malformed notebook JSON at line 1, column 10');
      assert.equal(inputError('{"a": "bad \\q escape"}'), 'malformed notebook JSON at line 1, column 13');
      assert.equal(inputError('{"a": "bad \\é escape"}'), 'malformed notebook JSON at line 1, column 13');
      assert.equal(inputError('{"a": "bad \\'), 'malformed notebook JSON at line 1, column 13');
      assert.equal(inputError(''), 'malformed notebook JSON at line 1, column 1');
    });

    it('rejects other nbformat versions without quoting content', () => {
      assert.equal(inputError('{"nbformat": 3, "worksheets": []}'), 'unsupported nbformat 3');
      assert.equal(inputError('{"nbformat": "SECRET_VALUE", "cells": []}'), 'unsupported nbformat (not a number)');
      assert.equal(inputError('{"cells": []}'), 'not a Jupyter notebook (no nbformat)');
      assert.equal(inputError('[1, 2]'), 'not a Jupyter notebook (the top level is not an object)');
      assert.equal(inputError('{"nbformat": 4}'), 'not a Jupyter notebook (no cells list)');
    });

    it('rejects malformed JSON alike whether the part is read into a tree or skipped', () => {
      // `metadata` is read into a node tree, `zzzzzzzz` (a key of the same length) is skipped unread.
      const parts = [
        '[1, 2', '{"a" 1}', '{"a": [1,, 2]}', '[{"a": 1}, {"b": 2,}]', '{"a": {"b": [tru]}}', '[[[]], [[]] x]',
        '{"a": "\\q"}', '{"\\q": 1}', '[-]', '{"a":1 "b":2}', '{1: 2}', '[1.]', '{"a": [}]', '["x", {"y": [[], {}], "z": nul}]',
        `${'['.repeat(600)}${']'.repeat(600)}`, `${'{"k": '.repeat(600)}1${'}'.repeat(600)}`,
      ];
      for (const part of parts) {
        const read = inputError(`{"nbformat": 4, "cells": [], "metadata": ${part}}`);
        const skipped = inputError(`{"nbformat": 4, "cells": [], "zzzzzzzz": ${part}}`);
        assert.equal(skipped, read, part.slice(0, 40));
      }
      const valid = '{"a": [1, -2.5e3, true, null, "s\\n", {}, [], {"b": {"c": []}}], "d": ""}';
      assert.equal(readDocument('n.ipynb', `{"nbformat": 4, "cells": [], "zzzzzzzz": ${valid}}`).cells.length, 0);
    });

    it('rejects nesting deeper than the limit instead of overflowing the stack', () => {
      const deep = (n: number): string => `{"nbformat": 4, "cells": [], "metadata": {"x": ${'['.repeat(n)}${']'.repeat(n)}}}`;
      assert.equal(inputError(deep(100_000)), 'JSON nested too deeply');
      assert.equal(readDocument('n.ipynb', deep(400)).cells.length, 0);
    });

    it('reports malformed JSON before any complaint about the notebook structure', () => {
      // The reader meets the bad cell first, but a file that is not JSON is reported as such.
      assert.equal(inputError('{"cells": [1], "nbformat": 4, "x": tru}'), 'malformed notebook JSON at line 1, column 36');
      assert.equal(inputError('{"cells": [1], "nbformat": 4}'), 'malformed notebook: cell 1 is not an object');
      assert.equal(inputError('{"cells": {}, "nbformat": 4, "metadata": {}}'), 'not a Jupyter notebook (no cells list)');
    });

    it('reads an empty cells list and cells with empty or whitespace source', () => {
      assert.equal(read(notebook([])).cells.length, 0);
      const cells = read(notebook([{ cell_type: 'code', source: [] }, { cell_type: 'code', source: '  \n\t' }])).cells;
      assert.equal(cells.length, 2);
      assert.equal(cells[0].source.text, '');
      assert.equal(cells[1].source.text, '  \n\t');
    });

    it('reads CRLF-formatted JSON with positions intact', () => {
      const text = notebook([{ cell_type: 'code', source: 'v = "MARK_CRLF"' }]).replace(/\n/g, '\r\n');
      assertMapsBack(text, read(text).cells[0].source, 'MARK_CRLF');
    });
  });
});
