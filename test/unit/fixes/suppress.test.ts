import { strict as assert } from 'node:assert';
import { applyEdits, suppressEdit, type Suppression } from '../../../server/src/engine/fixes';
import { LineIndex, type ScanDocument } from '../../../server/src/engine';
import { parseSuppressions } from '../../../server/src/engine/suppression';
import { assertNotebookShape, fakeMrn, pythonParses, read } from './helpers';
import { ipynb } from './notebooks';

const reason = 'synthetic fixture value';

/** Applies a suppression and returns the new document, checking the engine reads the directive back. */
function suppress(path: string, text: string, s: Omit<Suppression, 'reason'>): { fixed: string; doc: ScanDocument } {
  const doc = read(path, text);
  const edit = suppressEdit(doc, { ...s, reason });
  assert.ok(edit);
  const fixed = applyEdits(text, [edit]);
  return { fixed, doc: read(path, fixed) };
}

/** Offset of `needle` inside the logical source of cell `cellIndex`. */
function sourceOffset(doc: ScanDocument, cellIndex: number, needle: string): number {
  const at = doc.cells[cellIndex].source.text.indexOf(needle);
  assert.ok(at >= 0);
  return at;
}

describe('fixes: suppress with a reason', () => {
  it('puts a Python comment above the line, at its indentation, and the engine honours it', () => {
    const mrn = fakeMrn(40);
    const text = `def f():\n    return lookup("${mrn}")\n`;
    const { fixed, doc } = suppress('/repo/a.py', text, { ruleId: 'phi/embedded-identifier', scope: 'line', cellIndex: 0, line: 1 });
    assert.equal(fixed, `def f():\n    # phisafe-ignore[phi/embedded-identifier]: ${reason}\n    return lookup("${mrn}")\n`);
    assert.ok(pythonParses(fixed));
    assert.ok(parseSuppressions(doc).suppresses('phi/embedded-identifier', 0, sourceOffset(doc, 0, mrn)));
  });

  it('writes a SQL comment inside the # MAGIC framing of a %sql cell', () => {
    const mrn = fakeMrn(41);
    const text = `# Databricks notebook source\nx = 1\n\n# COMMAND ----------\n\n# MAGIC %sql\n# MAGIC SELECT * FROM t\n# MAGIC WHERE mrn = '${mrn}'\n`;
    const line = new LineIndex(text).position(text.indexOf(mrn)).line;
    const { fixed, doc } = suppress('/nb/a.py', text, { ruleId: 'phi/embedded-identifier', scope: 'line', cellIndex: 1, line });
    assert.ok(fixed.includes(`# MAGIC SELECT * FROM t\n# MAGIC -- phisafe-ignore[phi/embedded-identifier]: ${reason}\n# MAGIC WHERE mrn`));
    assert.equal(doc.cells[1].language, 'sql');
    assert.ok(parseSuppressions(doc).suppresses('phi/embedded-identifier', 1, sourceOffset(doc, 1, mrn)));
  });

  it('uses an HTML comment in markdown, // in Scala and -- in SQL files', () => {
    const cases = [
      ['/repo/n.md', 'Intro\nCase note\n', '<!-- phisafe-ignore[phi/markdown]: synthetic fixture value -->\n', 'phi/markdown'],
      ['/repo/n.scala', 'val a = 1\nval b = "x"\n', '// phisafe-ignore[phi/embedded-identifier]: synthetic fixture value\n', 'phi/embedded-identifier'],
      ['/repo/n.sql', 'SELECT 1;\nSELECT 2;\n', '-- phisafe-ignore[phi/embedded-identifier]: synthetic fixture value\n', 'phi/embedded-identifier'],
    ] as const;
    for (const [path, text, comment, ruleId] of cases) {
      const { fixed } = suppress(path, text, { ruleId, scope: 'line', cellIndex: 0, line: 1 });
      const [first, ...rest] = text.split(/(?<=\n)/);
      assert.equal(fixed, `${first}${comment}${rest.join('')}`, path);
    }
  });

  it('suppresses title and output findings for the whole cell, in the .ipynb source array', () => {
    const mrn = fakeMrn(42);
    const text = ipynb([{ type: 'code', source: 'x = 1' }, { type: 'code', source: 'display(df)\nprint(1)', outputs: [`${mrn}\n`] }]);
    const { fixed, doc } = suppress('/nb/o.ipynb', text, { ruleId: 'phi/output', scope: 'cell', cellIndex: 1, line: 0 });
    const nb = assertNotebookShape(fixed);
    assert.deepEqual(nb.cells[1].source, [`# phisafe-ignore-cell[phi/output]: ${reason}\n`, 'display(df)\n', 'print(1)']);
    assert.deepEqual(nb.cells[0].source, ['x = 1']);
    assert.ok(parseSuppressions(doc).suppresses('phi/output', 1, undefined));
    assert.ok(!parseSuppressions(doc).suppresses('phi/output', 0, undefined));
  });

  it('keeps a %sql magic first in an .ipynb cell', () => {
    const text = ipynb([{ type: 'code', source: '%sql\nSELECT 1' }]);
    const { fixed } = suppress('/nb/m.ipynb', text, { ruleId: 'phi/output', scope: 'cell', cellIndex: 0, line: 0 });
    assert.deepEqual(assertNotebookShape(fixed).cells[0].source, ['%sql\n', `-- phisafe-ignore-cell[phi/output]: ${reason}\n`, 'SELECT 1']);
  });

  it('keeps the reason on one line and unable to close the comment', () => {
    const doc = read('/repo/n.md', 'text\n');
    const edit = suppressEdit(doc, { ruleId: 'phi/markdown', scope: 'line', cellIndex: 0, line: 0, reason: 'a --> b\n]c' });
    assert.equal(edit?.newText, '<!-- phisafe-ignore[phi/markdown]: a b c -->\n');
    assert.equal(suppressEdit(doc, { ruleId: 'phi/markdown', scope: 'line', cellIndex: 0, line: 0, reason: '  ' }), undefined);
  });
});
