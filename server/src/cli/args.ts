/** Command-line options via node's util.parseArgs (strict), with phisafe's usage errors and value checks. */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

export function parseCommandArgs(args: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, s.short ? { type: s.type, short: s.short } : { type: s.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : 'invalid arguments');
  }
  for (const [name, s] of Object.entries(spec)) {
    const v = parsed.values[name];
    if (s.choices && typeof v === 'string' && !s.choices.includes(v)) {
      throw new UsageError(`--${name} must be one of ${s.choices.join(', ')}`);
    }
  }
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

export function positiveNumber(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || value.trim() === '') throw new UsageError(`--${name} must be a number greater than 0`);
  return n;
}
