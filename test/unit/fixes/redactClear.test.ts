import { strict as assert } from 'node:assert';
import { applyEdits, cellsWithPhiOutputs, clearOutputsEdits, redactEdit } from '../../../server/src/engine/fixes';
import { assertNotebookShape, fakeMrn, fakeSsn, findingFor, pythonParses, read } from './helpers';
import { ipynb } from './notebooks';
import { scanText } from '../../../server/src/engine/scan';

describe('fixes: redact', () => {
  it('replaces a value in a Python comment with its placeholder and nothing else', () => {
    const ssn = fakeSsn();
    const text = `x = 1\n# re-ran for the patient with SSN ${ssn} after the merge\ny = 2\n`;
    const doc = read('/repo/a.py', text);
    const edit = redactEdit(findingFor(doc, ssn, { category: 'ssn', regionKind: 'comment' }));
    assert.ok(edit);
    const fixed = applyEdits(text, [edit]);
    assert.equal(fixed, text.replace(ssn, '[SSN]'));
    assert.ok(pythonParses(fixed));
  });

  it('redacts in a markdown cell of a source notebook and in a DBTITLE', () => {
    const mrn = fakeMrn(20);
    const text = `# Databricks notebook source\n# MAGIC %md\n# MAGIC Readmission of MRN ${mrn}\n\n# COMMAND ----------\n\n# DBTITLE 1,Chart review ${mrn}\nx = 1\n`;
    const doc = read('/nb/a.py', text);
    const edits = [
      redactEdit(findingFor(doc, mrn, { category: 'mrn', regionKind: 'markdown' })),
      redactEdit(findingFor(doc, mrn, { category: 'mrn', regionKind: 'title', occurrence: 1 })),
    ].filter((e) => e !== undefined);
    assert.equal(applyEdits(text, edits), text.split(mrn).join('[MRN]'));
  });

  it('keeps .ipynb JSON valid when the value sits among escapes', () => {
    const mrn = fakeMrn(21);
    const text = ipynb([{ type: 'markdown', source: `Case "review"\tfor MRN ${mrn}\nnext line` }, { type: 'code', source: 'x = 1' }]);
    const doc = read('/nb/a.ipynb', text);
    const fixed = applyEdits(text, [redactEdit(findingFor(doc, mrn, { category: 'mrn', regionKind: 'markdown' })) ?? assert.fail()]);
    const nb = assertNotebookShape(fixed);
    assert.deepEqual(nb.cells[0].source, ['Case "review"\tfor MRN [MRN]\n', 'next line']);
    assert.equal(fixed.replace('[MRN]', mrn), text);
  });

  it("redacts the widget values a Databricks export saves, keeping its JSON valid, where clearing outputs would not reach", () => {
    // A number (the fakeMrn fixtures are shaped like a test patient's, which a keyed MRN check leaves alone).
    const mrn = ['9004', '1773'].join('');
    const nb = JSON.parse(ipynb([{ type: 'code', source: 'mrn = dbutils.widgets.get("mrn")', outputs: ['done\n'] }]));
    nb.metadata['application/vnd.databricks.v1+notebook'] = { language: 'python', widgets: { mrn: { currentValue: mrn, widgetInfo: { name: 'mrn', defaultValue: mrn } } } };
    const text = JSON.stringify(nb, null, 1);
    const findings = scanText('/nb/synthetic_widgets.ipynb', text).findings.filter((f) => f.ruleId === 'phi/widget-value');
    assert.deepEqual(findings.map((f) => [f.category, f.regionKind, f.cellIndex, text.slice(f.range.startOffset, f.range.endOffset) === mrn]), [['mrn', 'widget', -1, true], ['mrn', 'widget', -1, true]]);
    const fixed = applyEdits(text, findings.map((f) => redactEdit(f) ?? assert.fail()));
    const widget = JSON.parse(fixed).metadata['application/vnd.databricks.v1+notebook'].widgets.mrn;
    assert.deepEqual([widget.currentValue, widget.widgetInfo.defaultValue], ['[MRN]', '[MRN]']);
    assert.equal(fixed.split('[MRN]').join(mrn), text);
    assert.deepEqual(clearOutputsEdits(read('/nb/synthetic_widgets.ipynb', text), cellsWithPhiOutputs(findings)), []);
  });

  it('offers no redaction for a code literal (that is parameterise)', () => {
    const mrn = fakeMrn(22);
    const doc = read('/repo/b.py', `x = "${mrn}"\n`);
    assert.equal(redactEdit(findingFor(doc, mrn, { category: 'mrn', regionKind: 'code' })), undefined);
  });
});

describe('fixes: clear outputs', () => {
  const mrn = fakeMrn(30);
  const text = ipynb([
    { type: 'code', source: 'display(patients)', outputs: [`mrn\n${mrn}\n`, 'done\n'] },
    { type: 'code', source: 'print("ok")', outputs: ['ok\n'] },
    { type: 'markdown', source: '# Notes' },
    { type: 'code', source: 'show()', outputs: [`outputs "x" ${mrn}\n`] },
  ]);

  it('clears exactly the cells whose outputs hold PHI and resets their execution counts', () => {
    const doc = read('/nb/o.ipynb', text);
    const findings = [
      findingFor(doc, mrn, { category: 'mrn', regionKind: 'output', outputIndex: 0 }),
      findingFor(doc, mrn, { category: 'mrn', regionKind: 'output', outputIndex: 0, occurrence: 1 }),
    ];
    const cells = cellsWithPhiOutputs(findings);
    assert.deepEqual(cells, [0, 3]);
    const fixed = applyEdits(text, clearOutputsEdits(doc, cells));
    const nb = assertNotebookShape(fixed);
    const before = assertNotebookShape(text);
    assert.deepEqual(nb.cells[0].outputs, []);
    assert.equal(nb.cells[0].execution_count, null);
    assert.deepEqual(nb.cells[1], before.cells[1]);
    assert.deepEqual(nb.cells[2], before.cells[2]);
    assert.deepEqual(nb.cells[3].outputs, []);
    assert.deepEqual({ ...nb.cells[3], outputs: undefined, execution_count: undefined }, { ...before.cells[3], outputs: undefined, execution_count: undefined });
    assert.ok(!fixed.includes(mrn));
  });

  it('does nothing outside .ipynb files', () => {
    const doc = read('/repo/a.py', 'x = 1\n');
    assert.deepEqual(clearOutputsEdits(doc, [0]), []);
  });
});
