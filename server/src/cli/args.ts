/** Command-line options via node's util.parseArgs (strict), with phisafe's usage errors and value checks. */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
}

/** A command's parsed arguments, read by option name (the names of its spec, so a typo does not compile). */
export interface ParsedArgs<Name extends string> {
  readonly positionals: readonly string[];
  /** A string option's value, if given. */
  text(name: Name): string | undefined;
  /** Whether a boolean option was given. */
  flag(name: Name): boolean;
  /** A string option's value as a number greater than 0, if given. */
  positiveNumber(name: Name): number | undefined;
}

export function parseCommandArgs<Name extends string>(args: readonly string[], spec: Readonly<Record<Name, OptionSpec>>): ParsedArgs<Name> {
  const specs = Object.entries(spec) as [Name, OptionSpec][];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(specs.map(([name, s]) => [name, s.short ? { type: s.type, short: s.short } : { type: s.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : 'invalid arguments');
  }
  const values = parsed.values as Readonly<Record<string, string | boolean | undefined>>;
  const text = (name: Name): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  for (const [name, s] of specs) {
    const v = text(name);
    if (s.choices && v !== undefined && !s.choices.includes(v)) throw new UsageError(`--${name} must be one of ${s.choices.join(', ')}`);
  }
  return {
    positionals: parsed.positionals,
    text,
    flag: (name) => values[name] === true,
    positiveNumber: (name) => positiveNumber(name, text(name)),
  };
}

/** Whether the arguments ask for help (`-h`/`--help` before any `--`), whatever else they hold. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || value.trim() === '') throw new UsageError(`--${name} must be a number greater than 0`);
  return n;
}
