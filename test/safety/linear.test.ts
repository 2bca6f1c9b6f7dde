/**
 * Linear time, by counting steps (see stepCounter.ts for the method): every detector family, lexer, the
 * code-context finder, the output-table parser and the .ipynb reader take about twice the steps on a 2 MB
 * adversarial input as on a 1 MB one (each target's first input; its other inputs at 256 KB and 512 KB, and all at
 * 1 MB and 2 MB with PHISAFE_SAFETY_FULL=1). No clocks: counts are deterministic, so this test cannot be flaky.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkSync } from 'recheck';
import { linearCases, type EngineUnderTest } from './linearCases';
import type { CaseSteps, RegexUse } from './stepCounter';
import { scanFreeText } from '../../server/src/engine/detectors';
import { scanText } from '../../server/src/engine/scan';
import { lexerFor } from '../../server/src/engine/lexers';
import { findTableValues } from '../../server/src/engine/context/outputTables';
import { findKeyedLiterals } from '../../server/src/engine/context/codeContext';
import { readDocument } from '../../server/src/engine/formats';

const engine: EngineUnderTest = { scanFreeText, scanText, lexerFor, findTableValues, findKeyedLiterals, readDocument };
const ids = linearCases(engine).map((c) => c.id);

/** Doubling the input may cost at most this factor: linear is 2, n log n about 2.1, quadratic 4. */
const MAX_GROWTH = 2.5;
/** Regexes that only ever search short windows cannot blow up whatever their shape. */
const LONG_SUBJECT = 1000;

interface Counted {
  cases: Map<string, CaseSteps>;
  regexes: RegexUse[];
}

/** Runs the step counter in two processes (two cores), each on half of the cases. */
async function countAll(): Promise<Counted> {
  const script = path.join(__dirname, 'stepCounter.ts');
  const halves = [ids.filter((_, i) => i % 2 === 0), ids.filter((_, i) => i % 2 === 1)];
  const outputs = await Promise.all(halves.map((part) => new Promise<string>((resolve, reject) => {
    // --no-opt: block counters are exact only in unoptimised code. TurboFan drops some of them, so counts moved
    // with when a function tiered up: one case read 43 M then 53 M steps for the same 1 MB input, and code that
    // changed only what V8 optimised and when pushed a 2.0x case over the bound. --single-threaded keeps what is
    // left (Sparkplug's batch compiles) on the main thread.
    const child = spawn(process.execPath, ['--single-threaded', '--no-opt', '--import', 'tsx', script, JSON.stringify(part)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`step counter exited ${code}: ${err.slice(-500)}`))));
  })));
  const cases = new Map<string, CaseSteps>();
  const regexes = new Map<string, RegexUse>();
  for (const line of outputs.join('').split('\n').filter(Boolean)) {
    const v = JSON.parse(line) as CaseSteps | { regexes: RegexUse[] };
    if ('regexes' in v) {
      for (const r of v.regexes) {
        const key = `/${r.source}/${r.flags}`;
        if ((regexes.get(key)?.maxSubject ?? -1) < r.maxSubject) regexes.set(key, r);
      }
    } else cases.set(v.id, v);
  }
  return { cases, regexes: [...regexes.values()] };
}

describe('safety: linear time (step counts, 1 MB vs 2 MB for each target, 256 KB vs 512 KB for its other inputs)', function () {
  this.timeout(600000);
  let counted: Counted;

  before(async () => {
    counted = await countAll();
  });

  for (const id of ids) {
    it(id, () => {
      const c = counted.cases.get(id);
      assert.ok(c, 'no step count came back for this case');
      const [small1, small2] = c.steps;
      assert.ok(small2 <= 2.6 * small1, `super-linear already at 27 KB → 55 KB: ${small1} → ${small2} steps (×${(small2 / small1).toFixed(2)})`);
      const [, , big1, big2] = c.steps;
      const growth = big2 / big1;
      const sizes = `${Math.round(c.lengths[2] / 1024)} KB → ${Math.round(c.lengths[3] / 1024)} KB`;
      assert.ok(growth <= MAX_GROWTH, `${sizes} took ${big1} → ${big2} steps (×${growth.toFixed(2)}), more than ×${MAX_GROWTH}`);
    });
  }

  it('every regex that searched long text is free of super-linear backtracking (recheck)', () => {
    const long = counted.regexes.filter((r) => r.maxSubject >= LONG_SUBJECT);
    const vulnerable: string[] = [];
    for (const r of long) {
      const diagnosis = checkSync(r.source, r.flags.replace(/[dv]/g, ''), { checker: 'automaton', timeout: 5000 });
      if (diagnosis.status === 'vulnerable') {
        vulnerable.push(`/${r.source}/${r.flags} (${diagnosis.complexity.type}${'summary' in diagnosis.complexity ? `, ${diagnosis.complexity.summary}` : ''}; searched up to ${r.maxSubject} chars)`);
      }
    }
    assert.deepEqual(vulnerable, [], `regexes that can backtrack super-linearly on long input:\n${vulnerable.join('\n')}`);
  });
});
