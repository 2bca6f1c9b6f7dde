import { strict as assert } from 'node:assert';
import { readDocument } from '../../../server/src/engine/formats';
import type { NotebookCell } from '../../../server/src/engine/model';
import { assertFaithful, assertMapsBack } from './slices';

/** Joins lines with the given line break, as a notebook file would be written. */
const file = (lines: string[], eol = '\n'): string => lines.join(eol);

function cellsOf(path: string, text: string): readonly NotebookCell[] {
  const doc = readDocument(path, text);
  assert.equal(doc.format, 'source-notebook');
  for (const cell of doc.cells) {
    assertFaithful(text, cell.source);
    if (cell.title) assertFaithful(text, cell.title);
  }
  return doc.cells;
}

const PY_NOTEBOOK = [
  '# Databricks notebook source',
  'alpha = "MARK_ONE"',
  '',
  '# COMMAND ----------',
  '',
  '# DBTITLE 1,Title MARK_TITLE',
  '# MAGIC %md',
  '# MAGIC # Heading MARK_MD',
  '# MAGIC',
  '# MAGIC second MARK_MD2',
  '',
  '# COMMAND ----------',
  '',
  '# MAGIC %sql',
  '# MAGIC SELECT * FROM t WHERE id = \'MARK_SQL\'',
  '',
  '# COMMAND ----------',
  '',
  '# MAGIC %scala',
  '# MAGIC val s = "MARK_SCALA"',
];

describe('formats/source notebooks', () => {
  for (const [eol, label] of [['\n', 'LF'], ['\r\n', 'CRLF']] as const) {
    describe(`with ${label} line endings`, () => {
      const text = file(PY_NOTEBOOK, eol);
      const cells = cellsOf('nb.py', text);

      it('splits cells on the COMMAND separator', () => {
        assert.equal(cells.length, 4);
        assert.deepEqual(cells.map((c) => c.index), [0, 1, 2, 3]);
      });

      it('keeps plain cells in the notebook language with exact positions', () => {
        assert.equal(cells[0].kind, 'code');
        assert.equal(cells[0].language, 'python');
        assert.equal(cells[0].source.text, 'alpha = "MARK_ONE"');
        assertMapsBack(text, cells[0].source, 'MARK_ONE');
      });

      it('strips # MAGIC prefixes and the %md line, mapping each line back', () => {
        const md = cells[1];
        assert.equal(md.kind, 'markdown');
        assert.equal(md.language, 'markdown');
        assert.equal(md.source.text, ['# Heading MARK_MD', '', 'second MARK_MD2'].join(eol));
        assertMapsBack(text, md.source, 'MARK_MD2');
        assertMapsBack(text, md.source, 'Heading MARK_MD');
        assert.ok(!md.source.text.includes('%md'));
      });

      it('reads the DBTITLE line as the title, outside the source', () => {
        assert.ok(cells[1].title);
        assert.equal(cells[1].title.text, 'Title MARK_TITLE');
        assertMapsBack(text, cells[1].title, 'MARK_TITLE');
        assert.ok(!cells[1].source.text.includes('DBTITLE'));
        assert.equal(cells[0].title, undefined);
      });

      it('gives magic cells their language', () => {
        assert.equal(cells[2].language, 'sql');
        assert.equal(cells[2].source.text, "SELECT * FROM t WHERE id = 'MARK_SQL'");
        assertMapsBack(text, cells[2].source, 'MARK_SQL');
        assert.equal(cells[3].language, 'scala');
        assertMapsBack(text, cells[3].source, 'MARK_SCALA');
      });

      it('covers the file with consecutive cell spans', () => {
        for (const cell of cells) {
          const own = text.slice(cell.fileStart, cell.fileEnd);
          assert.ok(cell.source.text.length === 0 || own.includes(cell.source.text.split(eol)[0]));
        }
        assert.equal(cells[0].fileStart, text.indexOf('alpha'));
        assert.equal(cells[3].fileEnd, text.length);
        for (let k = 1; k < cells.length; k++) assert.ok(cells[k].fileStart > cells[k - 1].fileEnd);
      });
    });
  }

  it('reads SQL, Scala and R notebooks with their own comment prefixes', () => {
    const sql = file([
      '-- Databricks notebook source', "SELECT 'MARK_A'", '', '-- COMMAND ----------', '',
      '-- DBTITLE 1,T_SQL', '-- MAGIC %python', '-- MAGIC x = "MARK_B"',
    ]);
    const sqlCells = cellsOf('q.sql', sql);
    assert.deepEqual(sqlCells.map((c) => c.language), ['sql', 'python']);
    assertMapsBack(sql, sqlCells[1].source, 'MARK_B');
    assert.equal(sqlCells[1].title?.text, 'T_SQL');

    const scala = file(['// Databricks notebook source', 'val a = 1', '// COMMAND ----------', '// MAGIC %md MARK_C']);
    const scalaCells = cellsOf('s.scala', scala);
    assert.deepEqual(scalaCells.map((c) => c.language), ['scala', 'markdown']);
    assert.equal(scalaCells[1].source.text, 'MARK_C');
    assertMapsBack(scala, scalaCells[1].source, 'MARK_C');

    const r = file(['# Databricks notebook source', 'x <- "MARK_R"', '# COMMAND ----------', '# MAGIC %r', '# MAGIC y <- 2']);
    const rCells = cellsOf('analysis.R', r);
    assert.deepEqual(rCells.map((c) => c.language), ['r', 'r']);
    assertMapsBack(r, rCells[0].source, 'MARK_R');
  });

  it('maps shell and pip magics to shell, keeping their arguments', () => {
    const text = file([
      '# Databricks notebook source', '# MAGIC %sh echo MARK_SH', '# COMMAND ----------',
      '# MAGIC %pip install pkg==1.0', '# COMMAND ----------', '# MAGIC %run ./child $arg="MARK_RUN"',
      '# COMMAND ----------', '# MAGIC %md-sandbox', '# MAGIC <b>MARK_SANDBOX</b>',
    ]);
    const cells = cellsOf('nb.py', text);
    assert.deepEqual(cells.map((c) => c.language), ['shell', 'shell', 'shell', 'markdown']);
    assert.equal(cells[0].source.text, 'echo MARK_SH');
    assertMapsBack(text, cells[2].source, 'MARK_RUN');
    assertMapsBack(text, cells[3].source, 'MARK_SANDBOX');
  });

  it('reads a file that is only the header as one empty cell', () => {
    for (const text of ['# Databricks notebook source', '# Databricks notebook source\n', '# Databricks notebook source\r\n']) {
      const cells = cellsOf('nb.py', text);
      assert.equal(cells.length, 1);
      assert.equal(cells[0].source.text, '');
    }
  });

  it('keeps whitespace-only cells so cell indexes match the notebook', () => {
    const text = file(['# Databricks notebook source', 'a = 1', '# COMMAND ----------', '   ', '\t', '# COMMAND ----------', 'b = "MARK_B"']);
    const cells = cellsOf('nb.py', text);
    assert.equal(cells.length, 3);
    assert.equal(cells[1].source.text, '');
    assert.equal(cells[2].index, 2);
    assertMapsBack(text, cells[2].source, 'MARK_B');
  });

  it('does not strip MAGIC-looking comments from a plain Python cell', () => {
    const text = file(['# Databricks notebook source', 'x = 1', '# MAGIC keep me']);
    const cells = cellsOf('nb.py', text);
    assert.equal(cells[0].source.text, 'x = 1\n# MAGIC keep me');
  });

  it('treats a separator with trailing spaces as a separator, and other text as code', () => {
    const text = file(['# Databricks notebook source', 'a', '# COMMAND ----------  ', 'b', '# COMMAND ---------- not', 'c']);
    const cells = cellsOf('nb.py', text);
    assert.equal(cells.length, 2);
    assert.equal(cells[1].source.text, 'b\n# COMMAND ---------- not\nc');
  });

  it('is a plain file without the header line', () => {
    const doc = readDocument('script.py', 'x = 1\n# Databricks notebook source\n');
    assert.equal(doc.format, 'plain');
    assert.equal(doc.cells[0].language, 'python');
  });
});
