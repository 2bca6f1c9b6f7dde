/** The `phisafe` command line: finds the command in the table, runs it, and maps failures to exit codes. */
import { ConfigError } from '../workspace/configFile';
import { asksForHelp } from './args';
import { COMMANDS, type CliCommand } from './commands';
import { EXIT_ERROR, UsageError, VERSION, type CliIO } from './io';
import { BaselineError } from './lint/baseline';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: phisafe <command> [options]

Finds protected health information (PHI) in Databricks notebooks, SQL and code.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     Show this help (or "phisafe <command> --help")
  -v, --version  Print the version

Docs: docs/cli.md
`;
}

/** The longest command name whose words start the arguments (`uc snapshot` before `uc`). */
function findCommand(args: readonly string[]): { command: CliCommand; rest: readonly string[] } | undefined {
  let best: { command: CliCommand; rest: readonly string[] } | undefined;
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((w, i) => args[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: args.slice(words.length) };
    }
  }
  return best;
}

export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.stdout.write(mainHelp());
    return args.length === 0 ? EXIT_ERROR : 0;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const found = findCommand(args);
  if (!found) {
    io.stderr.write(`phisafe: unknown command "${args[0]}"\n\n${mainHelp()}`);
    return EXIT_ERROR;
  }
  if (asksForHelp(found.rest)) {
    io.stdout.write(found.command.help);
    return 0;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (e) {
    return reportFailure(e, found.command, io);
  }
}

function reportFailure(e: unknown, command: CliCommand, io: CliIO): number {
  if (e instanceof UsageError) {
    io.stderr.write(`phisafe ${command.name}: ${e.message}\nRun "phisafe ${command.name} --help" for usage.\n`);
  } else if (e instanceof ConfigError || e instanceof BaselineError) {
    io.stderr.write(`phisafe: ${e.message}\n`);
  } else {
    // Anything else is a bug. Its message could quote input, so only its kind is printed; the stack (which
    // holds code locations, not file content) only when debugging is asked for.
    const name = e instanceof Error ? e.name : typeof e;
    io.stderr.write(`phisafe: internal error (${name}); please report it. Set PHISAFE_DEBUG=1 for a stack trace.\n`);
    if (io.env.PHISAFE_DEBUG === '1' && e instanceof Error && e.stack) {
      io.stderr.write(`${e.stack.split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}\n`);
    }
  }
  return EXIT_ERROR;
}
