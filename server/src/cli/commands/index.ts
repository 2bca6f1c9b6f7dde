/**
 * Every `phisafe` command, in the one table the dispatcher reads. A new command is one file in this folder
 * plus one line here (e.g. `uc snapshot` from the Databricks work).
 */
import { lint } from './lint';
import { lsp } from './lsp';
import type { CliCommand } from './types';
import { ucSnapshot } from './ucSnapshot';

export const COMMANDS: readonly CliCommand[] = [
  lint,
  lsp,
  ucSnapshot,
];

export type { CliCommand };
