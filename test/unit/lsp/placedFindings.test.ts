import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText, type Finding, type ResolvedConfig } from '../../../server/src/engine';
import { IncrementalScanner } from '../../../server/src/engine/incremental';
import { PlacedFindings, type FindingKind } from '../../../server/src/engine/placedFindings';

/** Invented values, assembled in code. */
const ssn = (i: number): string => [`${530 + (i % 90)}`, `${10 + (i % 80)}`, `${4000 + i}`].join('-');
const phone = (i: number): string => ['(555)', `555-${String(1000 + i).slice(-4)}`].join(' ');

const PATH = '/nb/placed.ipynb';
/** Findings of several severities: comments, saved outputs and markdown, in many cells; one in four cells a moved copy. */
function notebook(cells: number): string {
  const cell = (i: number) => ({
    cell_type: i % 5 === 4 ? 'markdown' : 'code', metadata: {},
    source: i % 5 === 4 ? [`Patient phone ${phone(i)}\n`] : [`# patient SSN ${ssn(i)} called\n`, `x_${i} = ${i}\n`],
    ...(i % 5 === 4 ? {} : { outputs: i % 2 === 0 ? [{ output_type: 'stream', name: 'stdout', text: [`member phone ${phone(i)}\n`] }] : [], execution_count: null }),
  });
  return JSON.stringify({ cells: Array.from({ length: cells }, (_, i) => cell(i)), metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

/** What mostSevere must return, from a full scan: the first `limit` in order of severity, then of the document. */
function expectedSelection(all: readonly Finding[], limit: number, keep: (f: Finding) => boolean = () => true): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 };
  const kept = all.filter(keep);
  const chosen = new Set([...kept].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, limit));
  return kept.filter((f) => chosen.has(f));
}

const strip = (fs: readonly Finding[]) => fs.map((f) => ({ ...f, fingerprint: undefined }));

describe('placed findings', () => {
  // Outputs as warnings, so a selection has two severities to choose between.
  const config: ResolvedConfig = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'phi/output': 'warning', 'phi/markdown': 'info' } };
  const text = notebook(40);
  const full = scanText(PATH, text, { config }).findings;

  it('counts, lists and selects what a full scan finds, placing only what it returns', () => {
    const scanner = new IncrementalScanner();
    const steps = scanner.steps(PATH, text, config);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const placed = r.value.findings;
    assert.ok(new Set(full.map((f) => f.severity)).size >= 2, 'the notebook has findings of several severities');
    assert.equal(placed.count(), full.length);
    const outputsOff = (f: FindingKind) => f.regionKind !== 'output';
    assert.equal(placed.count(outputsOff), full.filter(outputsOff).length);
    for (const limit of [0, 1, 7, Math.floor(full.length / 2), full.length - 1, full.length, full.length + 5]) {
      const selection = placed.mostSevere(limit);
      assert.equal(selection.total, full.length);
      assert.deepEqual(strip(selection.findings), strip(expectedSelection(full, limit)), `limit ${limit}`);
      assert.deepEqual(strip(placed.mostSevere(limit, outputsOff).findings), strip(expectedSelection(full, limit, outputsOff)), `limit ${limit}, no outputs`);
    }
    assert.deepEqual(strip(placed.all()), strip(full));
    const line = full[Math.floor(full.length / 3)].range.line;
    assert.deepEqual(strip(placed.onLines(line, line + 3)), strip(full.filter((f) => f.range.endLine >= line && f.range.line <= line + 3)));
  });

  it('selects the same after an edit inside one cell moved the cells after it', () => {
    const scanner = new IncrementalScanner({ editsNoted: true, minEditedBytes: 0 });
    scanner.scan(PATH, text, config);
    const at = text.indexOf('x_3 = 3');
    scanner.noteEdit({ start: at, end: at, inserted: 6, lengthBefore: text.length });
    const edited = `${text.slice(0, at)}\\n\\n\\n${text.slice(at)}`;
    const steps = scanner.steps(PATH, edited, config);
    let r = steps.next();
    while (!r.done) r = steps.next();
    assert.ok(scanner.lastStats.oneCell);
    const expected = scanText(PATH, edited, { config }).findings;
    assert.deepEqual(strip(r.value.findings.mostSevere(11).findings), strip(expectedSelection(expected, 11)));
    assert.deepEqual(strip(r.value.findings.all()), strip(expected));
  });

  it('wraps findings placed elsewhere, in document order', () => {
    const shuffled = [...full].reverse();
    assert.deepEqual(strip(PlacedFindings.of(shuffled).all()), strip(full));
    assert.equal(PlacedFindings.of([]).mostSevere(10).total, 0);
  });
});
