import type { CliIO } from '../io';

/** One `phisafe` command. Commands are listed in commands/index.ts, the one table the dispatcher reads. */
export interface CliCommand {
  /** Words that select the command, e.g. `lint` or `uc snapshot`. */
  readonly name: string;
  /** One line for `phisafe --help`. */
  readonly summary: string;
  /** The full `phisafe <name> --help` text. */
  readonly help: string;
  /** Runs with the arguments after the command words (the dispatcher answers `--help` itself); resolves to the exit code. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}
