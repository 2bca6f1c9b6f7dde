/**
 * Counts the string work a function does (characters read by charCodeAt, scanned by indexOf and friends,
 * copied by slice), so tests can show an algorithm is linear without timing it.
 */
type Method = (this: string, ...args: never[]) => unknown;

export function countStringWork(fn: () => void): number {
  const proto = String.prototype as unknown as Record<string, Method>;
  const names = ['charCodeAt', 'indexOf', 'slice', 'startsWith', 'includes', 'toLowerCase'] as const;
  const originals = new Map(names.map((n) => [n, proto[n]]));
  let work = 0;
  const call = (name: string, self: string, args: unknown[]): unknown => (originals.get(name as (typeof names)[number]) as (...a: unknown[]) => unknown).apply(self, args);
  proto.charCodeAt = function (this: string, ...args: unknown[]) { work++; return call('charCodeAt', this, args); } as Method;
  proto.indexOf = function (this: string, ...args: unknown[]) {
    const r = call('indexOf', this, args) as number;
    const from = typeof args[1] === 'number' ? Math.max(0, args[1]) : 0;
    work += 1 + (r < 0 ? Math.max(0, this.length - from) : r - from);
    return r;
  } as Method;
  proto.slice = function (this: string, ...args: unknown[]) { const r = call('slice', this, args) as string; work += 1 + r.length; return r; } as Method;
  proto.startsWith = function (this: string, ...args: unknown[]) { work += 1 + String(args[0]).length; return call('startsWith', this, args); } as Method;
  proto.includes = function (this: string, ...args: unknown[]) { work += 1 + this.length; return call('includes', this, args); } as Method;
  proto.toLowerCase = function (this: string, ...args: unknown[]) { work += 1 + this.length; return call('toLowerCase', this, args); } as Method;
  try {
    fn();
  } finally {
    for (const [n, m] of originals) proto[n] = m;
  }
  return work;
}

/** Repeats unit until the string is at least size characters long. */
export function grow(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

/** Seeded random strings made of the given pieces, for robustness tests that must be the same on every run. */
export function* randomInputs(pieces: readonly string[], count: number, seed = 7): Generator<string> {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  for (let i = 0; i < count; i++) {
    let text = '';
    const len = Math.floor(next() * 80);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(next() * pieces.length)];
    yield text;
  }
}
