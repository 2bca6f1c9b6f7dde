/** Every command id the extension contributes (no vscode import, so the manifest test can read it). */
import { ClientCommands, ServerCommands } from '../../server/src/protocol';

/** Server commands are registered by the language client (executeCommandProvider); the rest are ours. */
export const COMMANDS = {
  ...ServerCommands,
  ...ClientCommands,
  parameteriseLiteral: 'phisafe.parameteriseLiteral',
  showRuleDocumentation: 'phisafe.showRuleDocumentation',
} as const;
