import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatePhisafe, phisafeDiagnostics, ruleId, waitFor, waitForStatus, workspaceFile } from './helpers';

/** Cells of test/editor/workspace/cohort.ipynb.json: 0 markdown, 1 clean code, 2 literal in spark.sql, 3 output. */
const LITERAL_CELL = 2;
const OUTPUT_CELL = 3;

function outputText(output: vscode.NotebookCellOutput): string {
  return output.items.map((item) => new TextDecoder().decode(item.data)).join('');
}

describe('a Jupyter notebook in the notebook editor', () => {
  const uri = workspaceFile('cohort.ipynb');
  let notebook: vscode.NotebookDocument;

  before(async () => {
    await activatePhisafe();
    notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
  });

  it('puts the literal finding on the cell that holds it, and on no other cell', async () => {
    const cells = notebook.getCells();
    assert.equal(cells.length, 4);
    const literal = await waitFor('a diagnostic on the spark.sql cell', () => {
      const ds = phisafeDiagnostics(cells[LITERAL_CELL].document.uri);
      return ds.length ? ds : undefined;
    });
    assert.deepEqual(literal.map(ruleId), ['phi/embedded-identifier']);
    const covered = cells[LITERAL_CELL].document.getText(literal[0].range).replace(/'/g, '');
    assert.match(covered, /^\d{8}$/);
    assert.equal(literal[0].message.includes(covered), false);
    for (const i of [0, 1]) assert.deepEqual(phisafeDiagnostics(cells[i].document.uri), [], `cell ${i} is clean`);
  });

  it('counts the notebook findings in the status bar', async () => {
    const count = notebook.getCells().flatMap((c) => phisafeDiagnostics(c.document.uri)).concat(phisafeDiagnostics(uri))
      .filter((d) => ruleId(d).startsWith('phi/')).length;
    assert.equal(await waitForStatus(`$(warning) phisafe: ${count} PHI`), `$(warning) phisafe: ${count} PHI`);
  });

  it('clears only the outputs that hold PHI', async () => {
    const before = notebook.getCells().map((c) => c.outputs.length);
    assert.deepEqual(before, [0, 1, 0, 2]);
    await vscode.commands.executeCommand('phisafe.clearOutputsWithPhi');
    const after = notebook.getCells().map((c) => c.outputs.map(outputText));
    assert.deepEqual(after[1], ['3 rows\n'], 'the row count output stays');
    assert.deepEqual(after[OUTPUT_CELL], ['lookup done\n'], 'only the output with the SSN goes');
    assert.match(notebook.cellAt(OUTPUT_CELL).document.getText(), /print\(f"ssn: \{lookup\.ssn\}"\)/, 'the code stays');
  });

  it('leaves an unsaved notebook alone (the server knows the outputs as saved, not as edited)', async () => {
    assert.ok(notebook.isDirty);
    const cleared = await vscode.commands.executeCommand<number>('phisafe.clearOutputsWithPhi');
    assert.equal(cleared, 0);
    assert.deepEqual(notebook.getCells().map((c) => c.outputs.length), [0, 1, 0, 1]);
  });
});
