import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatePhisafe, phisafeDiagnostics, ruleId, waitForDiagnostics, waitForStatus, workspaceFile } from './helpers';

describe('a .sql file', () => {
  const uri = workspaceFile('cohort.sql');
  let editor: vscode.TextEditor;

  before(async () => {
    await activatePhisafe();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  it('gets a diagnostic on the literal compared with the ssn column, without the value in its message', async () => {
    const ds = await waitForDiagnostics(uri, 'a phisafe diagnostic in cohort.sql', (d) => d.length > 0);
    const literalLine = editor.document.getText().split('\n').findIndex((l) => /WHERE ssn = '/.test(l));
    const onLiteral = ds.filter((d) => d.range.start.line === literalLine);
    assert.equal(onLiteral.length, 1, `one finding on line ${literalLine + 1}`);
    assert.equal(ruleId(onLiteral[0]), 'phi/embedded-identifier');
    const value = editor.document.getText(onLiteral[0].range).replace(/'/g, '');
    assert.match(value, /^\d{3}-\d{2}-\d{4}$/, 'the range covers the literal');
    assert.equal(onLiteral[0].message.includes(value), false, 'the message does not repeat the value');
  });

  it('shows the number of PHI findings of the active editor in the status bar', async () => {
    const count = phisafeDiagnostics(uri).filter((d) => ruleId(d).startsWith('phi/')).length;
    assert.ok(count > 0);
    assert.equal(await waitForStatus(`$(warning) phisafe: ${count} PHI`), `$(warning) phisafe: ${count} PHI`);
  });

  it('applies the parameterise quick fix: the literal becomes :ssn, the diagnostic and the count go', async () => {
    const [diagnostic] = phisafeDiagnostics(uri).filter((d) => ruleId(d) === 'phi/embedded-identifier');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((a) => /\bparameter/i.test(a.title));
    assert.ok(fix, `a parameterise action among: ${actions.map((a) => a.title).join(' | ')}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(editor.document.getText(), /WHERE ssn = :ssn\b/);
    await waitForDiagnostics(uri, 'the diagnostic to disappear', (ds) => !ds.some((d) => ruleId(d) === 'phi/embedded-identifier'));
    assert.equal(await waitForStatus('$(pass) phisafe'), '$(pass) phisafe');
  });
});
