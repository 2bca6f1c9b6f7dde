/**
 * Properties under fast-check (fixed seed, bounded runs): readers and lexers never throw on arbitrary input,
 * every reported range lies inside the document, quick fixes keep .ipynb valid JSON and touch nothing outside
 * their range, and scanning is deterministic and independent of cell order.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ScanInputError, scanText, type Finding, type ScanDocument } from '../../server/src/engine';
import { readDocument } from '../../server/src/engine/formats';
import { lexerFor } from '../../server/src/engine/lexers';
import { findTableValues } from '../../server/src/engine/context/outputTables';
import { findKeyedLiterals } from '../../server/src/engine/context/codeContext';
import { LineIndex } from '../../server/src/engine/positions';
import { redact } from '../../server/src/engine/redact';
import { cellsWithPhiOutputs, clearOutputsEdits, fixAllEdits, redactEdit, suppressEdit, type FileEdit } from '../../server/src/engine/fixes';
import { ipynbText, seededIdentifiers, sourceNotebookText, type NotebookCellSpec } from './synthetic';

const SEED = 20261123;
const run = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });
const PATHS = ['fuzz.py', 'fuzz.sql', 'fuzz.scala', 'fuzz.r', 'fuzz.md', 'fuzz.sh', 'fuzz.ipynb'];

/** No internal error, and every finding's range inside the scanned text with consistent line/character. */
function assertSoundScan(path: string, text: string): ScanDocument | undefined {
  const result = scanText(path, text);
  if (result.error) {
    assert.doesNotMatch(result.error.message, /internal error/, `${path}: ${result.error.message}`);
    return undefined;
  }
  const scanned = result.document?.text ?? text;
  const lines = new LineIndex(scanned);
  for (const f of result.findings) assertRangeInside(f, scanned, lines);
  return result.document;
}

function assertRangeInside(f: Finding, text: string, lines: LineIndex): void {
  const r = f.range;
  assert.ok(r.startOffset >= 0 && r.startOffset <= r.endOffset && r.endOffset <= text.length, `${f.ruleId}: range ${r.startOffset}-${r.endOffset} outside 0-${text.length}`);
  assert.deepEqual({ line: r.line, character: r.character }, lines.position(r.startOffset), `${f.ruleId}: start position`);
  assert.deepEqual({ line: r.endLine, character: r.endCharacter }, lines.position(r.endOffset), `${f.ruleId}: end position`);
}

function readerSurvives(path: string, text: string): void {
  try {
    readDocument(path, text);
  } catch (e) {
    assert.ok(e instanceof ScanInputError, `${path}: reader threw ${e instanceof Error ? e.name : typeof e}, not a ScanInputError`);
  }
}

// Text made of the characters notebooks and detectors care about, so random input reaches deep into parsers.
const notebookish = fc.string({
  unit: fc.constantFrom(...'{}[]":,\\ \n\r\tabcXYZ0123456789-./@()<>|+=#\'`$%*u'.split(''), 'cells', 'source', 'outputs', '# COMMAND ----------', '# MAGIC %md', '# Databricks notebook source', '<td>', '</td>', 'mrn', 'ssn', 'Patient'),
  maxLength: 400,
});
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), notebookish);

// Notebooks with cells of code, prose and printed tables holding invented identifiers.
const identifiers = fc.integer({ min: 1, max: 1 << 30 }).map(seededIdentifiers);
const cellSpec: fc.Arbitrary<NotebookCellSpec> = fc.tuple(identifiers, fc.nat(5), fc.boolean(), fc.string({ maxLength: 30 })).map(([ids, shape, withOutput, noise]) => {
  switch (shape) {
    case 0: return { kind: 'markdown', source: `### Follow-up\nSpoke with ${ids.firstName} ${ids.lastName}; callback ${ids.phone}, email ${ids.email}.\n${noise}` };
    case 1: return { kind: 'code', source: `one = df.filter(F.col("ssn") == "${ids.ssn}")  # ${noise}`, output: withOutput ? `   mrn        dob\n0  ${ids.mrn}  ${ids.dob}\n` : undefined };
    case 2: return { kind: 'code', source: `spark.sql("SELECT * FROM members WHERE member_id = '${ids.memberId}'")\n# patient MRN ${ids.mrn}`, output: withOutput ? `+--------+\n|     mrn|\n+--------+\n|${ids.mrn}|\n+--------+\n` : undefined };
    case 3: return { kind: 'code', source: `counts = df.groupBy("icd10").count()  # E11.9 ${noise}`, output: withOutput ? `${noise}\n` : undefined };
    case 4: return { kind: 'code', source: `patient_dob = "${ids.dob}"\nprint("${noise}")` };
    default: return { kind: 'markdown', source: `Notes: ${noise}` };
  }
});
const notebookCells = fc.array(cellSpec, { minLength: 1, maxLength: 6 });

/** Random edits to a valid notebook: truncation, deletion, insertion, duplication. */
const mutated = fc.tuple(notebookCells, fc.array(fc.tuple(fc.nat(3), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), notebookish), { minLength: 1, maxLength: 4 }))
  .map(([cells, ops]) => {
    let t = ipynbText(cells);
    for (const [op, a, b, s] of ops) {
      const i = Math.floor(a * t.length);
      const j = Math.min(t.length, i + Math.floor(b * 200));
      t = op === 0 ? t.slice(0, i) : op === 1 ? t.slice(0, i) + t.slice(j) : op === 2 ? t.slice(0, i) + s + t.slice(i) : t.slice(0, j) + t.slice(i, j) + t.slice(j);
    }
    return t;
  });

describe('safety: fuzzing and properties', function () {
  this.timeout(120000);

  it('readers and whole scans never throw and report ranges inside the document (arbitrary text)', () => {
    fc.assert(fc.property(fc.constantFrom(...PATHS), anyText, (path, text) => {
      readerSurvives(path, text);
      assertSoundScan(path, text);
    }), run(1500));
  });

  it('the .ipynb reader survives arbitrary JSON and notebook-shaped JSON with wrong types', () => {
    const wrongTypes = fc.record({
      nbformat: fc.oneof(fc.constant(4), fc.jsonValue()),
      metadata: fc.oneof(fc.constant({}), fc.jsonValue()),
      cells: fc.oneof(fc.jsonValue(), fc.array(fc.record({
        cell_type: fc.oneof(fc.constantFrom('code', 'markdown', 'raw', 'weird'), fc.jsonValue()),
        source: fc.oneof(fc.string(), fc.array(fc.string()), fc.jsonValue()),
        metadata: fc.oneof(fc.constant({}), fc.jsonValue()),
        outputs: fc.oneof(fc.array(fc.record({ output_type: fc.constantFrom('stream', 'execute_result', 'display_data', 'error', 'x'), text: fc.jsonValue(), data: fc.jsonValue(), name: fc.jsonValue() }, { requiredKeys: [] })), fc.jsonValue()),
      }, { requiredKeys: [] }), { maxLength: 4 })),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(fc.json(), wrongTypes.map((v) => JSON.stringify(v, null, 1))), (text) => {
      readerSurvives('fuzz.ipynb', text);
      assertSoundScan('fuzz.ipynb', text);
    }), run(800));
  });

  it('mutated valid notebooks give a clean scan or a clear error, never an internal one', () => {
    fc.assert(fc.property(mutated, (text) => {
      readerSurvives('fuzz.ipynb', text);
      assertSoundScan('fuzz.ipynb', text);
    }), run(800));
  });

  it('lexers, the code-context finder and the output-table parser keep every span inside their input', () => {
    const languages = ['python', 'sql', 'scala', 'r', 'shell', 'markdown'] as const;
    fc.assert(fc.property(fc.constantFrom(...languages), anyText, fc.constantFrom('text/plain', 'text/html', 'stream'), (language, text, mime) => {
      const lexer = lexerFor(language);
      const tokens = lexer ? lexer(text) : [];
      for (const t of tokens) {
        assert.ok(t.start >= 0 && t.start <= t.end && t.end <= text.length, `${language} token ${t.kind} ${t.start}-${t.end}`);
        const vs = t.valueStart ?? t.start;
        const ve = t.valueEnd ?? t.end;
        assert.ok(vs >= t.start && vs <= ve && ve <= t.end, `${language} token value ${vs}-${ve} outside ${t.start}-${t.end}`);
      }
      if (language !== 'shell' && language !== 'markdown') {
        for (const k of findKeyedLiterals(language, text, tokens)) assert.ok(k.start >= 0 && k.start <= k.end && k.end <= text.length, `keyed literal ${k.start}-${k.end}`);
      }
      for (const v of findTableValues(text, mime)) assert.ok(v.start >= 0 && v.start <= v.end && v.end <= text.length, `table value ${v.start}-${v.end}`);
    }), run(1500));
  });

  it('scanning is deterministic', () => {
    fc.assert(fc.property(notebookCells, fc.boolean(), (cells, asIpynb) => {
      const [path, text] = asIpynb ? ['det.ipynb', ipynbText(cells)] : ['det.py', sourceNotebookText(cells)];
      const outcome = () => {
        const r = scanText(path, text);
        return { findings: r.findings, error: r.error };
      };
      assert.deepEqual(outcome(), outcome());
    }), run(250));
  });

  it('findings of a cell do not depend on the order of the cells', () => {
    const perCell = (path: string, text: string, cells: readonly NotebookCellSpec[]): string[] => {
      const result = scanText(path, text);
      assert.equal(result.error, undefined);
      const doc = result.document;
      assert.ok(doc, 'no document');
      return doc.cells.map((cell) => {
        const own = result.findings.filter((f) => f.cellIndex === cell.index)
          .map((f) => `${f.ruleId} ${f.category} ${f.redacted} ${f.range.startOffset - cell.fileStart}-${f.range.endOffset - cell.fileStart}`).sort();
        return `${JSON.stringify(cells[cell.index])}\n${own.join('\n')}`;
      }).sort();
    };
    fc.assert(fc.property(notebookCells.chain((cells) => fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length }))), ([cells, shuffled]) => {
      assert.deepEqual(perCell('order.ipynb', ipynbText(shuffled), shuffled), perCell('order.ipynb', ipynbText(cells), cells));
    }), run(250));
  });

  it('every finding covers the value it reports: its redacted label is the label of the text in its range', () => {
    let checked = 0;
    fc.assert(fc.property(notebookCells, fc.boolean(), (cells, asIpynb) => {
      const [path, text] = asIpynb ? ['cover.ipynb', ipynbText(cells)] : ['cover.py', sourceNotebookText(cells)];
      for (const f of scanText(path, text).findings) {
        const covered = text.slice(f.range.startOffset, f.range.endOffset);
        // A JSON escape inside the range is one character of the value the label was made from.
        if (f.category === 'compliance' || covered.includes('\\')) continue;
        assert.equal(redact(f.category, covered), f.redacted, `${f.ruleId} ${f.category} at ${f.range.startOffset}`);
        checked++;
      }
    }), run(250));
    assert.ok(checked > 100, `${checked} findings checked`);
  });

  it('the corpus of generated notebooks does produce findings (the properties above are not vacuous)', () => {
    const cells = fc.sample(notebookCells, { seed: SEED, numRuns: 20 }).flat();
    assert.ok(scanText('all.ipynb', ipynbText(cells)).findings.length > 0, 'no findings in 20 generated notebooks full of invented identifiers');
  });

  describe('quick fixes on .ipynb', () => {
    /** Applies one edit and checks the JSON is valid and nothing outside the edit changed. */
    function checkEdit(text: string, e: FileEdit, what: string): void {
      assert.ok(e.startOffset >= 0 && e.startOffset <= e.endOffset && e.endOffset <= text.length, `${what}: edit outside the text`);
      const out = text.slice(0, e.startOffset) + e.newText + text.slice(e.endOffset);
      assert.doesNotThrow(() => JSON.parse(out), `${what}: notebook is no longer valid JSON`);
      assert.equal(out.slice(0, e.startOffset), text.slice(0, e.startOffset), `${what}: text before the edit changed`);
      assert.equal(out.slice(e.startOffset + e.newText.length), text.slice(e.endOffset), `${what}: text after the edit changed`);
    }

    it('redact, suppress, clear outputs and fix-all keep the notebook valid JSON and touch only their ranges', () => {
      let edits = 0;
      fc.assert(fc.property(notebookCells, (cells) => {
        const text = ipynbText(cells);
        const result = scanText('fix.ipynb', text);
        const doc = result.document;
        if (!doc) return;
        for (const f of result.findings) {
          const r = redactEdit(f);
          if (r) { checkEdit(text, r, `redact ${f.ruleId}`); edits++; }
          for (const scope of ['line', 'cell'] as const) {
            const s = suppressEdit(doc, { ruleId: f.ruleId, scope, cellIndex: f.cellIndex, line: f.range.line, reason: 'synthetic fixture' });
            if (s) { checkEdit(text, s, `suppress (${scope}) ${f.ruleId}`); edits++; }
          }
        }
        const cleared = clearOutputsEdits(doc, cellsWithPhiOutputs(result.findings));
        const all = fixAllEdits(doc, result.findings);
        for (const [what, set] of [['clear outputs', cleared], ['fix all', all]] as const) {
          let out = text;
          let previousEnd = -1;
          for (const e of [...set].sort((a, b) => b.startOffset - a.startOffset)) out = out.slice(0, e.startOffset) + e.newText + out.slice(e.endOffset);
          for (const e of [...set].sort((a, b) => a.startOffset - b.startOffset)) {
            assert.ok(e.startOffset >= previousEnd, `${what}: overlapping edits`);
            previousEnd = e.endOffset;
          }
          assert.doesNotThrow(() => JSON.parse(out), `${what}: notebook is no longer valid JSON`);
          const first = Math.min(...set.map((e) => e.startOffset));
          const last = Math.max(...set.map((e) => e.endOffset));
          if (set.length) {
            assert.equal(out.slice(0, first), text.slice(0, first), `${what}: text before the first edit changed`);
            assert.equal(out.slice(out.length - (text.length - last)), text.slice(last), `${what}: text after the last edit changed`);
            edits += set.length;
          }
        }
      }), run(150));
      assert.ok(edits > 0, 'no quick fix was ever offered on notebooks full of invented identifiers');
    });
  });
});
