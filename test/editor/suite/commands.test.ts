import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatePhisafe, phisafeDiagnostics, ruleId, statusText, waitFor, workspaceFile } from './helpers';

interface WorkspaceScanSummary {
  files: number;
  findings: number;
  errors: number;
  cancelled: boolean;
}

function outputsOf(json: string): string[][] {
  const nb = JSON.parse(json) as { cells: { outputs?: { text?: string[] }[] }[] };
  return nb.cells.map((c) => (c.outputs ?? []).map((o) => (o.text ?? []).join('')));
}

describe('commands', () => {
  before(async () => {
    await activatePhisafe();
  });

  it('Show Rule Documentation opens the rule page shipped in the extension in the markdown preview', async () => {
    await vscode.commands.executeCommand('phisafe.showRuleDocumentation', 'phi/embedded-identifier');
    const tab = await waitFor('a markdown preview tab', () => {
      const active = vscode.window.tabGroups.activeTabGroup.activeTab;
      return active?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(active.input.viewType) ? active : undefined;
    });
    assert.match(tab.label, /embedded-identifier/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Scan Workspace runs in the server, reports a summary and leaves the status bar out of its scanning state', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceScanSummary>('phisafe.scanWorkspace');
    assert.ok(summary, 'the server returned a summary');
    assert.ok(summary.files >= 2, `scanned ${summary.files} files`);
    assert.ok(summary.findings >= 1);
    assert.equal((await statusText()).includes('sync~spin'), false);
  });

  it('Clear Outputs With PHI edits an .ipynb opened as JSON text, removing only the output that holds PHI', async () => {
    // A copy of the notebook as written at setup (files.autoSave is off, as on the desktop: the web default
    // would have saved the notebook test's edits).
    const uri = workspaceFile('cohort-as-text.ipynb');
    await vscode.workspace.fs.copy(workspaceFile('cohort.ipynb'), uri, { overwrite: true });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId === 'json' || document.languageId === 'jsonc', true, `opened as ${document.languageId}`);
    await waitFor('the output finding on the JSON text', () => (phisafeDiagnostics(uri).some((d) => ruleId(d) === 'phi/output') ? true : undefined))
      .catch((err: Error) => {
        throw new Error(`${err.message}; diagnostics: ${vscode.languages.getDiagnostics(uri).map((d) => `${d.source}:${ruleId(d)}@${d.range.start.line + 1}`).join(', ') || 'none'}`);
      });
    const before = outputsOf(document.getText());
    assert.deepEqual(before[3].length, 2);
    await vscode.commands.executeCommand('phisafe.clearOutputsWithPhi');
    const after = outputsOf(document.getText());
    assert.deepEqual(after[1], before[1], 'outputs without PHI stay');
    assert.deepEqual(after[3], ['lookup done\n']);
    await waitFor('the output finding to go', () => (phisafeDiagnostics(uri).some((d) => ruleId(d) === 'phi/output') ? undefined : true));
  });
});
