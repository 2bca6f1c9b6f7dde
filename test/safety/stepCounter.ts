/**
 * Counts the steps each linear-time case takes, deterministically, in a process of its own:
 *
 * - JavaScript work: V8 block coverage (Profiler.startPreciseCoverage with callCount and detailed) counts every
 *   function call and every execution of every block (loop bodies, branches) in the engine's code. Coverage
 *   starts before the engine is loaded, so every engine function is compiled with counters. The process runs with
 *   --no-opt: optimised code loses some block counters, which made counts depend on when V8 tiered a function up.
 * - Native work the engine asks for: RegExp.prototype.exec is wrapped (match, matchAll, replace, split, search
 *   and test all go through it once it is replaced) and charged the characters between where the search starts
 *   and where the match ends (the whole rest of the subject when it fails); indexOf/lastIndexOf/includes are
 *   charged the distance searched, as are arrays' indexOf and includes (in elements), JSON.parse the length parsed,
 *   slice/substring one step each (V8 makes
 *   a slice of 13 characters or more a view into its parent, without copying).
 * - Backtracking inside a single regex search is not visible to either; every regex seen here is listed with
 *   the longest subject it searched, and the test checks those regexes with recheck (a ReDoS analyser).
 *
 * Protocol: argv[2] is a JSON array of case ids; one JSON line per case on stdout, then one line of regexes.
 */
import { Session } from 'node:inspector/promises';
import { linearCases, loadEngine, type LinearCase } from './linearCases';

export interface CaseSteps {
  readonly id: string;
  /** Steps at each input length, in order of LENGTHS; fewer when growth was already super-linear at small sizes. */
  readonly steps: number[];
  readonly lengths: number[];
}

export interface RegexUse {
  readonly source: string;
  readonly flags: string;
  readonly maxSubject: number;
}

/**
 * Lengths are multiples of 27,720 (divisible by every unit length of 1-12, 14, 15 and 21), so both sizes end on
 * the same phase of the repeated unit: a run of 1,048,576 quotes and one of 2,097,152 differ mod 6, which
 * changes how a lexer pairs them. Small sizes first: a quadratic case is caught there before it could take hours.
 */
const UNIT = 27720;
export const SMALL = [UNIT, 2 * UNIT];
/** 1 MB and 2 MB: each target's first case (LinearCase.fullSize). */
export const LARGE = [38 * UNIT, 76 * UNIT];
/** 256 KB and 512 KB: the other cases. */
export const MEDIUM = [10 * UNIT, 20 * UNIT];

let native = 0;
let counting = false;
const regexes = new Map<string, RegexUse>();

function instrument(): void {
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function countedExec(this: RegExp, subject: string) {
    const s = String(subject);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = Reflect.apply(exec, this, [s]) as RegExpExecArray | null;
    if (counting) {
      native += 1 + Math.max(0, m ? m.index + m[0].length - from : this.sticky ? 1 : s.length - from);
      const key = `/${this.source}/${this.flags}`;
      const prev = regexes.get(key);
      if (!prev || prev.maxSubject < s.length - from) regexes.set(key, { source: this.source, flags: this.flags, maxSubject: s.length - from });
    }
    return m;
  };
  // Charged the distance actually searched, from the start position to the hit (or to the end on a miss).
  const indexOf = String.prototype.indexOf;
  const lastIndexOf = String.prototype.lastIndexOf;
  const searched = (name: 'indexOf' | 'lastIndexOf' | 'includes') => {
    const original = String.prototype[name] as (this: string, search: string, position?: number) => number | boolean;
    (String.prototype as unknown as Record<string, unknown>)[name] = function counted(this: string, search: string, position?: number) {
      const r = Reflect.apply(original, this, [search, position]);
      if (counting) {
        const s = String(this);
        if (name === 'lastIndexOf') {
          const hit = Reflect.apply(lastIndexOf, s, [search, position]) as number;
          const from = Math.min(position ?? s.length, s.length);
          native += 1 + (hit < 0 ? from : from - hit);
        } else {
          const hit = Reflect.apply(indexOf, s, [search, position]) as number;
          const from = Math.max(0, Math.min(position ?? 0, s.length));
          native += 1 + (hit < 0 ? s.length - from : hit - from + String(search).length);
        }
      }
      return r;
    };
  };
  searched('indexOf');
  searched('lastIndexOf');
  searched('includes');
  // Arrays searched element by element (`labels.indexOf(label)` per row is quadratic): charged the elements passed.
  for (const name of ['indexOf', 'includes'] as const) {
    const original = Array.prototype[name] as (this: unknown[], search: unknown, from?: number) => number | boolean;
    (Array.prototype as unknown as Record<string, unknown>)[name] = function counted(this: unknown[], search: unknown, from?: number) {
      const r = Reflect.apply(original, this, [search, from]);
      if (counting) {
        const hit = name === 'indexOf' ? (r as number) : (Reflect.apply(Array.prototype.lastIndexOf, this, [search]) as number);
        native += 1 + (hit < 0 ? this.length : hit);
      }
      return r;
    };
  }
  for (const name of ['slice', 'substring'] as const) {
    const original = String.prototype[name];
    String.prototype[name] = function counted(this: string, ...args: [number?, number?]) {
      const r = Reflect.apply(original, this, args) as string;
      if (counting) native += 1;
      return r;
    };
  }
  const parse = JSON.parse;
  JSON.parse = function countedParse(text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) {
    if (counting) native += 1 + String(text).length;
    return parse(text, reviver);
  };
}

async function engineBlocks(session: Session): Promise<number> {
  const { result } = await session.post('Profiler.takePreciseCoverage');
  let n = 0;
  for (const script of result) {
    if (!script.url.includes('/server/src/')) continue;
    for (const fn of script.functions) for (const range of fn.ranges) n += range.count;
  }
  return n;
}

async function stepsOf(session: Session, c: LinearCase, length: number): Promise<number> {
  const text = c.make(length);
  await engineBlocks(session); // resets the counters
  native = 0;
  counting = true;
  try {
    c.run(text);
  } catch {
    // A reader rejecting the input is a result like any other; the work up to the rejection is what counts.
  } finally {
    counting = false;
  }
  return (await engineBlocks(session)) + native;
}

async function main(): Promise<void> {
  const ids = new Set(JSON.parse(process.argv[2] ?? '[]') as string[]);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  const engine = await loadEngine();
  instrument();
  for (const c of linearCases(engine).filter((x) => ids.has(x.id))) {
    await stepsOf(session, c, 4096); // first-use work (tables, lazy compiles) is not the input's
    const lengths = [...SMALL];
    const steps = [];
    for (const n of SMALL) steps.push(await stepsOf(session, c, n));
    if (steps[1] <= 2.6 * steps[0]) {
      for (const n of c.fullSize ? LARGE : MEDIUM) {
        steps.push(await stepsOf(session, c, n));
        lengths.push(n);
      }
    }
    process.stdout.write(`${JSON.stringify({ id: c.id, steps, lengths } satisfies CaseSteps)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ regexes: [...regexes.values()] })}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`step counter failed: ${e instanceof Error ? `${e.name}: ${e.message}` : 'error'}\n`);
    process.exit(1);
  });
}
