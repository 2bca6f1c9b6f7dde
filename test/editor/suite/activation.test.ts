import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatePhisafe } from './helpers';

describe('activation', () => {
  it('activates, starts the language server and registers its commands', async () => {
    const api = await activatePhisafe();
    assert.match(api.statusText(), /phisafe/);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['phisafe.scanWorkspace', 'phisafe.clearOutputsWithPhi', 'phisafe.parameteriseLiteral', 'phisafe.showRuleDocumentation', 'phisafe.suppressWithReason', 'phisafe.refreshUnityCatalog']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });
});
