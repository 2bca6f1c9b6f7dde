import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import * as vscode from 'vscode';
import { activatePhisafe, phisafeDiagnostics, ruleId, waitForDiagnostics, workspaceFile } from './helpers';

/** A structurally valid, invented SSN (area 001-665 or 667-899, group and serial not zero). */
function inventedSsn(): string {
  let area = randomInt(1, 900);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(randomInt(1, 100)).padStart(2, '0')}-${String(randomInt(1, 10000)).padStart(4, '0')}`;
}

async function openSqlWithLiteral(name: string): Promise<{ editor: vscode.TextEditor; diagnostic: vscode.Diagnostic }> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`SELECT visit_id\nFROM main.clinical.visits\nWHERE ssn = '${inventedSsn()}'\n`));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const [diagnostic] = await waitForDiagnostics(uri, `the literal finding in ${name}`, (ds) => ds.some((d) => ruleId(d) === 'phi/embedded-identifier'));
  return { editor, diagnostic };
}

describe('fixes through the client', () => {
  before(async () => {
    await activatePhisafe();
  });

  it('Parameterise Literal rewrites the literal under the cursor', async () => {
    const { editor, diagnostic } = await openSqlWithLiteral('parameterise.sql');
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    await vscode.commands.executeCommand('phisafe.parameteriseLiteral');
    assert.match(editor.document.getText(), /WHERE ssn = :ssn\n/);
    await waitForDiagnostics(editor.document.uri, 'the finding to go', (ds) => ds.length === 0);
  });

  it('Suppress With Reason writes a phisafe-ignore comment with the reason, and the finding goes', async () => {
    const { editor, diagnostic } = await openSqlWithLiteral('suppress.sql');
    const args = { uri: editor.document.uri.toString(), ruleId: ruleId(diagnostic), line: diagnostic.range.start.line, scope: 'line', cellIndex: 0, reason: 'synthetic value for the editor test' };
    await vscode.commands.executeCommand('phisafe.suppressWithReason', args);
    await waitForDiagnostics(editor.document.uri, 'the suppressed finding to go', (ds) => ds.length === 0);
    assert.match(editor.document.getText(), /phisafe-ignore\[phi\/embedded-identifier\]: synthetic value for the editor test/);
    assert.deepEqual(phisafeDiagnostics(editor.document.uri), []);
  });
});
