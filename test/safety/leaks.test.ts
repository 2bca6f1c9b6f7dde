/**
 * No PHI leaks, proven: invented identifiers are seeded into every format and location, every face runs over
 * them (the CLI in each format and verbosity, with debug output, baselines and report files; the language
 * server with verbose tracing, hovers and code actions; both with a detector that crashes quoting its input),
 * and none of the values, nor their digits-only forms, may appear in anything written. Each face must also
 * have found the values, so the check cannot pass on a scan that saw nothing.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CRASH_HOOK, ensureBuilt, listing, runCli, runServer } from './faces';
import { leakForms, seededIdentifiers, type SyntheticIdentifiers } from './synthetic';

const A = seededIdentifiers(101);
const B = seededIdentifiers(202);
const C = seededIdentifiers(303);
const D = seededIdentifiers(404);
const E = seededIdentifiers(505);
const FORMS = [A, B, C, D, E].flatMap(leakForms);

const table = (ids: SyntheticIdentifiers) => `   patient_id       mrn        ssn         dob\n0      100234  ${ids.mrn}  ${ids.ssn}  ${ids.dob}\n`;

const FILES: Record<string, string> = {
  'notebooks/intake.py': `# Databricks notebook source
# DBTITLE 1,Chart review for ${A.firstName} ${A.lastName}
from pyspark.sql import functions as F

# COMMAND ----------

# Re-running the check for patient MRN ${A.mrn}, callback ${A.phone}
one = spark.table("clinical.silver.encounters").filter(F.col("ssn") == "${A.ssn}")
patient_dob = "${A.dob}"

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM claims.gold.members WHERE member_id = '${A.memberId}' AND email = '${A.email}'

# COMMAND ----------

# MAGIC %md
# MAGIC Spoke with ${B.firstName} ${B.lastName} (SSN ${B.ssn}, DOB ${B.dob}); email ${B.email}.
`,
  'notebooks/outputs.ipynb': `${JSON.stringify({
    cells: [
      { cell_type: 'markdown', metadata: {}, source: [`Patient ${C.firstName} ${C.lastName}, phone ${C.phone}, SSN ${C.ssn}\n`] },
      {
        cell_type: 'code', execution_count: 1,
        metadata: { 'application/vnd.databricks.v1+cell': { title: `Lookup for MRN ${C.mrn}`, showTitle: true } },
        source: [`row = df.filter(F.col("mrn") == "${C.mrn}")  # ${C.email}\n`, 'print(row.toPandas())\n'],
        outputs: [
          { name: 'stdout', output_type: 'stream', text: table(D).split(/(?<=\n)/) },
          { output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/html': [`<table><thead><tr><th>mrn</th><th>ssn</th><th>email</th></tr></thead><tbody><tr><td>${D.mrn}</td><td>${D.ssn}</td><td>${D.email}</td></tr></tbody></table>`] } },
          { output_type: 'display_data', metadata: {}, data: { 'application/vnd.databricks.v1+output': { type: 'table', schema: [{ name: 'ssn', type: '"string"', metadata: '{}' }, { name: 'phone', type: '"string"', metadata: '{}' }], data: [[E.ssn, E.phone]] } } },
          { output_type: 'error', ename: 'ValueError', evalue: `no member ${E.memberId} for SSN ${E.ssn}`, traceback: [`ValueError: no member ${E.memberId}`] },
        ],
      },
    ],
    metadata: {
      language_info: { name: 'python' },
      'application/vnd.databricks.v1+notebook': { language: 'python', widgets: { mrn: { currentValue: E.mrn, widgetInfo: { name: 'mrn', defaultValue: E.mrn } } } },
    },
    nbformat: 4, nbformat_minor: 5,
  }, null, 1)}\n`,
  'sql/reconcile.sql': `-- follow-up for ${D.firstName} ${D.lastName}, phone ${D.phone}
SELECT * FROM gold.patients WHERE ssn = '${D.ssn}' AND birth_date = '${D.dob}';
UPDATE gold.patients SET email = '${D.email}' WHERE mrn = '${D.mrn}';
`,
  'docs/notes.md': `# Escalation\nCaller ${E.firstName} ${E.lastName}, SSN ${E.ssn}, phone ${E.phone}, email ${E.email}, DOB ${E.dob}.\n`,
  'jobs/analysis.scala': `// patient ${B.firstName} ${B.lastName}, MRN ${B.mrn}\nval one = df.filter(col("ssn") === "${B.ssn}")\n`,
  'jobs/analysis.r': `# patient ${C.firstName} ${C.lastName}, phone ${C.phone}\none <- df[df$ssn == "${C.ssn}", ]\n`,
  'databricks.yml': `bundle:\n  name: intake\n# owner contact ${A.email}, ${A.phone}\nresources:\n  jobs:\n    intake:\n      description: "review for SSN ${A.ssn}"\n`,
};
const SCANNED = Object.keys(FILES).filter((f) => !f.endsWith('.yml'));

function assertNoLeak(face: string, text: string): void {
  for (const form of FORMS) {
    assert.ok(!text.includes(form), `${face} wrote a seeded value (a ${form.replace(/\d/g, '9').replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X')}-shaped form)`);
  }
}

describe('safety: no PHI leaks from any face', function () {
  this.timeout(180000);
  let ws: string;
  let out: string;
  let initial: Map<string, string>;

  before(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(os.tmpdir(), 'phisafe-leaks-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'phisafe-leaks-out-'));
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      writeFileSync(path.join(ws, rel), text);
    }
    initial = listing(ws);
  });

  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('the seeded values are found (JSON report: findings in every scanned file)', () => {
    const r = runCli(['lint', '.', '--format', 'json', '--no-progress'], { cwd: ws });
    assertNoLeak('lint --format json (stdout)', r.stdout);
    assertNoLeak('lint --format json (stderr)', r.stderr);
    assert.equal(r.code, 1, `exit code ${r.code}; stderr: ${r.stderr.slice(0, 300)}`);
    const report = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] };
    const files = new Set(report.findings.map((f) => f.file.replace(/\\/g, '/')));
    const missing = SCANNED.filter((f) => ![...files].some((x) => x.endsWith(f)));
    assert.deepEqual(missing, [], 'files whose seeded values were not found');
    assert.equal(report.findings.filter((f) => f.ruleId === 'phi/widget-value').length, 2, 'the widget values a notebook saves');
  });

  for (const [name, args, env] of [
    ['text', ['--format', 'text'], {}],
    ['sarif', ['--format', 'sarif'], {}],
    ['text --quiet', ['--format', 'text', '--quiet'], {}],
    ['json with PHISAFE_DEBUG=1', ['--format', 'json'], { PHISAFE_DEBUG: '1' }],
    ['sarif with PHISAFE_DEBUG=1 and --quiet', ['--format', 'sarif', '--quiet'], { PHISAFE_DEBUG: '1' }],
  ] as const) {
    it(`lint ${name}: stdout and stderr`, () => {
      const r = runCli(['lint', '.', '--no-progress', ...args], { cwd: ws, env });
      assert.ok(r.stdout.length > 0 && r.code === 1, `expected a report with findings (exit ${r.code})`);
      assertNoLeak(`lint ${name} (stdout)`, r.stdout);
      assertNoLeak(`lint ${name} (stderr)`, r.stderr);
    });
  }

  it('lint --output and --write-baseline files, and a run against that baseline', () => {
    const report = path.join(out, 'report.sarif');
    const baseline = path.join(out, 'baseline.json');
    let r = runCli(['lint', '.', '--no-progress', '--format', 'sarif', '--output', report], { cwd: ws });
    assertNoLeak('lint --output (stdout+stderr)', r.stdout + r.stderr);
    const sarif = readFileSync(report, 'utf8');
    assert.ok(sarif.includes('"results"'), 'no SARIF written');
    assertNoLeak('lint --output (SARIF file)', sarif);
    r = runCli(['lint', '.', '--no-progress', '--write-baseline', baseline], { cwd: ws });
    assertNoLeak('lint --write-baseline (stdout+stderr)', r.stdout + r.stderr);
    const written = readFileSync(baseline, 'utf8');
    assert.ok(written.length > 20, 'baseline is empty');
    assertNoLeak('baseline file', written);
    r = runCli(['lint', '.', '--no-progress', '--format', 'json', '--baseline', baseline], { cwd: ws, env: { PHISAFE_DEBUG: '1' } });
    assertNoLeak('lint --baseline (stdout+stderr)', r.stdout + r.stderr);
  });

  it('lint with a detector that crashes quoting its input reports the crash without the text', () => {
    for (const format of ['json', 'text', 'sarif']) {
      const r = runCli(['lint', '.', '--no-progress', '--format', format], { cwd: ws, env: { PHISAFE_TEST_CRASH_ON: A.ssn, PHISAFE_DEBUG: '1' }, nodeArgs: ['-r', CRASH_HOOK] });
      assertNoLeak(`crashing lint --format ${format} (stdout)`, r.stdout);
      assertNoLeak(`crashing lint --format ${format} (stderr)`, r.stderr);
      if (format === 'json') {
        const report = JSON.parse(r.stdout) as { errors: { file: string; message: string }[] };
        assert.ok(report.errors.some((e) => e.file.endsWith('intake.py')), 'the simulated crash never happened (no error for the seeded file)');
      }
    }
  });

  it('the language server with verbose tracing: diagnostics, hovers, code actions, logs', async () => {
    const t = await runServer(ws, Object.keys(FILES));
    assert.ok(t.diagnostics > 0, 'the server published no diagnostics for the seeded files');
    assert.ok(t.written.includes('$/logTrace') || t.written.includes('window/logMessage'), 'no trace or log output was captured');
    assertNoLeak('language server (stdout+stderr)', t.written);
  });

  it('the language server with a detector that crashes quoting its input', async () => {
    const t = await runServer(ws, Object.keys(FILES), { env: { PHISAFE_TEST_CRASH_ON: A.ssn }, nodeArgs: ['-r', CRASH_HOOK] });
    assert.ok(t.diagnostics > 0, 'the server published nothing for the files that did not crash');
    assert.match(t.written, /failed|internal error/, 'the simulated crash never happened (nothing reported it)');
    assertNoLeak('crashing language server (stdout+stderr)', t.written);
  });

  it('no face wrote into the scanned folder', () => {
    assert.deepEqual([...listing(ws)].sort(), [...initial].sort());
  });
});
