/**
 * The built `phisafe lint`, spawned on temp trees seeded with synthetic identifiers made in code. Every run's
 * stdout and stderr is checked for the seeded values by runCli; files the CLI writes are checked here.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PHI_RULES } from '../../server/src/engine';
import {
  CLI, ensureBuilt, makeTree, parseJsonReport, positionOf, removeTree, ROOT, runCli, SeededValues, syntheticMrn,
  syntheticSsn, writeTree, type JsonReport,
} from './helpers';

const seeded = new SeededValues();
const SSN = seeded.add(syntheticSsn(11));
const SSN_2 = seeded.add(syntheticSsn(29));
const SSN_3 = seeded.add(syntheticSsn(47));
const MRN = seeded.add(syntheticMrn(7));

/** A Databricks source notebook with an SSN in a comment, after the cue word. */
function notebookWithSsn(ssn: string): string {
  return [
    '# Databricks notebook source',
    'df = spark.table("clinical.encounters")',
    '',
    '# COMMAND ----------',
    '',
    `# re-ran for the patient with SSN ${ssn} after the duplicate admit`,
    'display(df.limit(10))',
    '',
  ].join('\n');
}

const SQL_WITH_MRN = `SELECT encounter_id, admit_date\nFROM clinical.encounters\nWHERE mrn = '${MRN}';\n`;
const CLEAN_NOTEBOOK = '# Databricks notebook source\nrows = spark.table("clinical.encounters").count()\nprint(rows)\n';

function lint(cwd: string, args: string[], env?: NodeJS.ProcessEnv): ReturnType<typeof runCli> {
  return runCli(['lint', '--no-progress', ...args], { cwd, seeded, env });
}

function lintJson(cwd: string, args: string[], env?: NodeJS.ProcessEnv): { status: number | null; report: JsonReport; stderr: string } {
  const r = lint(cwd, ['--format', 'json', ...args], env);
  return { status: r.status, report: parseJsonReport(r.stdout), stderr: r.stderr };
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('phisafe lint (built CLI)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    ensureBuilt();
    dir = makeTree({
      'nb/patients.py': notebookWithSsn(SSN),
      'sql/lookup.sql': SQL_WITH_MRN,
      'clean/summary.py': CLEAN_NOTEBOOK,
    });
  });
  after(() => removeTree(dir));

  describe('reports', () => {
    it('writes JSON with exactly the documented fields, 1-based positions and paths as given', () => {
      const { status, report } = lintJson(dir, ['nb', 'sql/lookup.sql', 'clean']);
      assert.equal(status, 1);
      assert.deepEqual(report.errors, []);
      const ssn = report.findings.find((f) => f.category === 'ssn');
      assert.ok(ssn, 'the SSN in the comment is reported');
      const at = positionOf(notebookWithSsn(SSN), SSN);
      assert.deepEqual(
        [ssn.file, ssn.ruleId, ssn.severity, ssn.line, ssn.column, ssn.endLine, ssn.endColumn],
        [path.join('nb', 'patients.py'), 'phi/comment', 'error', at.line, at.column, at.line, at.column + SSN.length],
      );
      const mrn = report.findings.find((f) => f.category === 'mrn');
      assert.ok(mrn, "the MRN in WHERE mrn = '…' is reported");
      const mrnAt = positionOf(SQL_WITH_MRN, MRN);
      assert.deepEqual(
        [mrn.file, mrn.ruleId, mrn.line, mrn.column, mrn.endColumn],
        [path.join('sql', 'lookup.sql'), 'phi/embedded-identifier', mrnAt.line, mrnAt.column, mrnAt.column + MRN.length],
      );
      assert.ok(!report.findings.some((f) => f.file.startsWith('clean')), 'the clean notebook has no findings');
    });

    it('keeps absolute paths absolute', () => {
      const { report } = lintJson(dir, [path.join(dir, 'nb')]);
      assert.ok(report.findings.length > 0);
      for (const f of report.findings) assert.equal(f.file, path.join(dir, 'nb', 'patients.py'));
    });

    it('prints text as path:line:col  severity  message  rule, then a summary, without colour when piped', () => {
      const r = lint(dir, ['.']);
      assert.equal(r.status, 1);
      assert.ok(!r.stdout.includes('\u001b['), 'no ANSI escapes');
      const rows = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l));
      assert.ok(rows.length >= 2, r.stdout);
      for (const row of rows) assert.match(row, /^\S+:\d+:\d+ +(error|warning|info) +\S.* {2}[a-z]+\/[a-z-]+$/);
      const at = positionOf(notebookWithSsn(SSN), SSN);
      assert.ok(rows.some((row) => row.startsWith(`${path.join('nb', 'patients.py')}:${at.line}:${at.column} `)), r.stdout);
      assert.match(r.stdout, /✖ \d+ findings? \(\d+ errors?(, \d+ warnings?)?(, \d+ info)?\) in 2 files\n$/);
    });

    it('says when nothing was found and exits 0', () => {
      const r = lint(dir, ['clean']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '✔ No findings in 1 file\n');
    });

    it('writes SARIF 2.1.0 that validates against the official schema, with regions and no snippets', () => {
      const bad = makeTree({ 'nb/patients.py': notebookWithSsn(SSN), 'broken.ipynb': `{"cells": [{"cell_type": "code", "source": ["# SSN ${SSN_2}` });
      try {
        const r = lint(bad, ['--format', 'sarif', '.']);
        assert.equal(r.status, 1);
        const log = JSON.parse(r.stdout) as SarifShape;
        const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
        const ajv = new Ajv({ allErrors: true });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
        assert.doesNotMatch(r.stdout, /"snippet"|"contextRegion"/);
        const run = log.runs[0];
        assert.equal(run.columnKind, 'utf16CodeUnits');
        assert.equal(run.tool.driver.name, 'phisafe');
        const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
        for (const rule of PHI_RULES) assert.ok(ruleIds.includes(rule.id), rule.id);
        for (const rule of run.tool.driver.rules) {
          assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.markdown && rule.defaultConfiguration?.level, rule.id);
        }
        const result = run.results.find((x) => x.message.text.includes('Social Security'));
        assert.ok(result, 'the SSN finding is a result');
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
        assert.equal(result.level, 'error');
        const loc = result.locations[0].physicalLocation;
        assert.deepEqual(loc.artifactLocation, { uri: 'nb/patients.py', uriBaseId: '%SRCROOT%' });
        const at = positionOf(notebookWithSsn(SSN), SSN);
        assert.deepEqual(loc.region, { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column + SSN.length });
        const invocation = run.invocations[0];
        assert.equal(invocation.executionSuccessful, false);
        assert.ok(invocation.toolExecutionNotifications.some((n) => n.locations?.[0].physicalLocation.artifactLocation.uri === 'broken.ipynb'));
      } finally {
        removeTree(bad);
      }
    });
  });

  describe('exit codes and options', () => {
    it('--fail-on and failOn decide between 0 and 1', () => {
      assert.equal(lint(dir, ['nb', '--fail-on', 'error']).status, 1);
      const quiet = makeTree({
        '.phisafe.json': JSON.stringify({ rules: { 'phi/comment': 'info' } }),
        'nb/patients.py': notebookWithSsn(SSN),
      });
      try {
        const asInfo = lintJson(quiet, ['.']);
        assert.equal(asInfo.status, 0, 'an info finding does not fail at the default warning');
        assert.ok(asInfo.report.findings.some((f) => f.category === 'ssn' && f.severity === 'info'));
        assert.equal(lint(quiet, ['.', '--fail-on', 'info']).status, 1);
        writeFileSync(path.join(quiet, '.phisafe.json'), JSON.stringify({ rules: { 'phi/comment': 'info' }, failOn: 'info' }));
        assert.equal(lint(quiet, ['.']).status, 1, 'failOn from the config');
        assert.equal(lint(quiet, ['.', '--fail-on', 'error']).status, 0, 'the flag wins over the config');
      } finally {
        removeTree(quiet);
      }
    });

    it('--quiet reports errors only', () => {
      const t = makeTree({
        '.phisafe.json': JSON.stringify({ rules: { 'phi/comment': 'warning' } }),
        'nb/patients.py': notebookWithSsn(SSN),
        'sql/lookup.sql': SQL_WITH_MRN,
      });
      try {
        const all = lintJson(t, ['.']);
        assert.ok(all.report.findings.some((f) => f.severity === 'warning'));
        const quiet = lintJson(t, ['.', '--quiet']);
        assert.ok(quiet.report.findings.length > 0);
        assert.ok(quiet.report.findings.every((f) => f.severity === 'error'));
      } finally {
        removeTree(t);
      }
    });

    it('rejects unknown options and bad values with exit 2 and usage', () => {
      for (const args of [['lint', '--bogus'], ['lint', '--format', 'xml'], ['lint', '--fail-on', 'off'], ['lint', '--max-file-size', 'big'],
        ['lint', '--baseline', 'a.json', '--write-baseline', 'b.json'], ['lint', '--uc', 'missing-snapshot.json'], ['frobnicate'], []]) {
        const r = runCli(args, { cwd: dir, seeded });
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stdout + r.stderr, /Usage: phisafe|--help/);
      }
    });

    it('prints help and version', () => {
      const help = runCli(['--help'], { cwd: dir, seeded });
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^Usage: phisafe <command>/);
      assert.match(help.stdout, /\n {2}lint +Scan/);
      const lintHelp = runCli(['lint', '--help'], { cwd: dir, seeded });
      assert.equal(lintHelp.status, 0);
      assert.match(lintHelp.stdout, /--format <text\|json\|sarif>/);
      assert.match(lintHelp.stdout, /Exit status:/);
      // Help wins over the other arguments, as in git and npm; after `--`, "-h" is a path.
      assert.equal(runCli(['lint', '--bogus', '-h'], { cwd: dir, seeded }).stdout, lintHelp.stdout);
      const dashPath = runCli(['lint', '--', '-h'], { cwd: dir, seeded });
      assert.equal(dashPath.status, 2);
      assert.match(dashPath.stdout, /-h {2}no such file/);
      const ucHelp = runCli(['uc', 'snapshot', '--help'], { cwd: dir, seeded });
      assert.equal(ucHelp.status, 0);
      assert.match(ucHelp.stdout, /^Usage: phisafe uc snapshot/);
      const version = runCli(['--version'], { cwd: dir, seeded });
      const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(version.stdout, `${pkg.version}\n`);
    });

    it('--output writes the report to the file and nothing else is written', () => {
      const t = makeTree({ 'nb/patients.py': notebookWithSsn(SSN) });
      try {
        const before = listTree(t);
        const r = lint(t, ['.', '--format', 'json', '--output', 'report.json']);
        assert.equal(r.status, 1);
        assert.equal(r.stdout, '');
        assert.deepEqual(listTree(t), [...before, 'report.json'].sort());
        const written = readFileSync(path.join(t, 'report.json'), 'utf8');
        seeded.assertAbsent(written, 'the --output file');
        assert.ok(parseJsonReport(written).findings.some((f) => f.category === 'ssn'));
      } finally {
        removeTree(t);
      }
    });
  });

  describe('files', () => {
    it('reports bad files in errors, without content, and still scans the rest', () => {
      const t = makeTree({
        'nb/patients.py': notebookWithSsn(SSN),
        'broken.ipynb': `{"cells": [{"cell_type": "code", "source": ["# SSN ${SSN_2}`,
        'blob.py': Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256)),
        'huge.sql': `-- patient SSN ${SSN_3}\n${'SELECT 1;\n'.repeat(400)}`,
        'dangling.py': { symlink: 'gone.py' },
        'loop/self': { symlink: '..' },
      });
      try {
        const { status, report } = lintJson(t, ['.', '--max-file-size', '0.002']);
        assert.equal(status, 1, 'the SSN finding fails the run');
        assert.ok(report.findings.some((f) => f.file === path.join('nb', 'patients.py') && f.category === 'ssn'));
        const errorFor = (file: string): string | undefined => report.errors.find((e) => e.file === file)?.message;
        assert.match(errorFor('huge.sql') ?? '', /MB/);
        assert.ok(errorFor('broken.ipynb'), 'malformed notebook is an error');
        assert.ok(errorFor('blob.py'), 'binary file is an error');
        assert.ok(errorFor('dangling.py'), 'dangling link is an error');
        assert.match(errorFor(path.join('loop', 'self')) ?? '', /symbolic link loop/);
        assert.ok(!report.findings.some((f) => f.file === 'huge.sql'), 'a file over the limit is not read');

        const onlyBad = lintJson(t, ['broken.ipynb', 'blob.py']);
        assert.equal(onlyBad.status, 2, 'unscanned files without failing findings exit 2');
      } finally {
        removeTree(t);
      }
    });

    it('reports an unreadable file (EACCES) and goes on', () => {
      const t = makeTree({ 'nb/patients.py': notebookWithSsn(SSN), 'locked.py': notebookWithSsn(SSN_2) });
      try {
        chmodSync(t, 0o755);
        for (const p of ['nb', 'nb/patients.py']) chmodSync(path.join(t, p), statSync(path.join(t, p)).isDirectory() ? 0o755 : 0o644);
        chmodSync(path.join(t, 'locked.py'), 0o000);
        // root reads anything, so the run drops to an unprivileged user to meet a real EACCES; that user gets
        // its own copy of the (self-contained) bundle, since the checkout's folders may be closed to it.
        const asRoot = process.getuid?.() === 0;
        const bundle = path.join(t, 'bundle', 'cli.js');
        mkdirSync(path.dirname(bundle), { mode: 0o755 });
        copyFileSync(CLI, bundle);
        chmodSync(bundle, 0o644);
        const r = runCli(['lint', '--format', 'json', '--no-progress', '.'], {
          cwd: t, seeded, cli: bundle, spawn: asRoot ? { uid: 65534, gid: 65534 } : {},
        });
        const report = parseJsonReport(r.stdout);
        assert.deepEqual(report.errors.map((e) => e.file), ['locked.py']);
        assert.match(report.errors[0].message, /permission denied/);
        assert.ok(report.findings.some((f) => f.category === 'ssn'));
      } finally {
        chmodSync(path.join(t, 'locked.py'), 0o644);
        removeTree(t);
      }
    });

    it('honours .gitignore and never enters .git or node_modules', () => {
      const t = makeTree({
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.git/notes.py': notebookWithSsn(SSN_2),
        '.gitignore': 'exports/\n',
        'exports/dump.py': notebookWithSsn(SSN_2),
        'node_modules/pkg/x.py': notebookWithSsn(SSN_2),
        'nb/patients.py': notebookWithSsn(SSN),
      });
      try {
        const files = (report: JsonReport): string[] => [...new Set(report.findings.map((f) => f.file))].sort();
        assert.deepEqual(files(lintJson(t, ['.']).report), [path.join('nb', 'patients.py')]);
        assert.deepEqual(files(lintJson(t, ['.', '--no-ignore']).report), [path.join('exports', 'dump.py'), path.join('nb', 'patients.py')]);
        const explicit = lintJson(t, ['exports/dump.py']);
        assert.deepEqual(explicit.report.findings, []);
        assert.match(explicit.stderr, /exports[\\/]dump\.py is ignored by \.gitignore/);
      } finally {
        removeTree(t);
      }
    });

    it('finds .phisafe.json upward, applies include/exclude relative to it, and obeys --config', () => {
      const t = makeTree({
        'team/.phisafe.json': JSON.stringify({ rules: { 'phi/comment': 'off' } }),
        'team/deep/nb.py': notebookWithSsn(SSN),
        'other/.phisafe.json': JSON.stringify({ exclude: ['scratch/**'] }),
        'other/scratch/nb.py': notebookWithSsn(SSN),
        'other/kept/nb.py': notebookWithSsn(SSN),
        'strict.json': JSON.stringify({ include: ['team/**'] }),
      });
      try {
        const files = (report: JsonReport): string[] => [...new Set(report.findings.map((f) => f.file))].sort();
        assert.deepEqual(files(lintJson(t, ['.']).report), [path.join('other', 'kept', 'nb.py')]);
        assert.deepEqual(files(lintJson(t, ['.', '--config', 'strict.json']).report), [path.join('team', 'deep', 'nb.py')]);
      } finally {
        removeTree(t);
      }
    });

    it('exits 2 on an invalid config, naming the file and the key', () => {
      const t = makeTree({ '.phisafe.json': JSON.stringify({ failOn: 'sometimes' }), 'nb.py': notebookWithSsn(SSN) });
      try {
        const r = lint(t, ['.']);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /\.phisafe\.json: "failOn" must be one of error, warning, info/);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      } finally {
        removeTree(t);
      }
    });

    it('honours inline suppressions', () => {
      const suppressed = notebookWithSsn(SSN).replace('# re-ran', '# phisafe-ignore[phi/comment]: synthetic test data\n# re-ran');
      const t = makeTree({ 'line.py': suppressed, 'file.py': `# phisafe-ignore-file\n${notebookWithSsn(SSN)}`, 'other.py': notebookWithSsn(SSN) });
      try {
        const { report } = lintJson(t, ['.']);
        assert.deepEqual([...new Set(report.findings.map((f) => f.file))], ['other.py']);
      } finally {
        removeTree(t);
      }
    });
  });

  describe('baselines', () => {
    it('records findings without values and then reports only new ones', () => {
      const t = makeTree({ 'nb/patients.py': notebookWithSsn(SSN), 'sql/lookup.sql': SQL_WITH_MRN });
      try {
        const write = lint(t, ['.', '--write-baseline', 'phisafe-baseline.json']);
        assert.equal(write.status, 0, 'everything is baselined');
        const text = readFileSync(path.join(t, 'phisafe-baseline.json'), 'utf8');
        seeded.assertAbsent(text, 'the baseline file');
        const baseline = JSON.parse(text) as { version: number; salt: string; findings: Array<Record<string, unknown>> };
        assert.equal(baseline.version, 1);
        assert.match(baseline.salt, /^[0-9a-f]{32}$/);
        assert.ok(baseline.findings.length >= 2);
        for (const e of baseline.findings) assert.deepEqual(Object.keys(e).sort(), ['count', 'file', 'fingerprint', 'ruleId']);
        assert.ok(baseline.findings.some((e) => e.file === 'nb/patients.py'));

        const unchanged = lint(t, ['.', '--baseline', 'phisafe-baseline.json']);
        assert.equal(unchanged.status, 0);
        assert.match(unchanged.stdout, /No findings in 2 files, \d+ known findings? hidden by the baseline/);

        writeTree(t, { 'nb/patients.py': `${notebookWithSsn(SSN)}# and the SSN ${SSN_2} of the other patient\n` });
        const { status, report } = lintJson(t, ['.', '--baseline', 'phisafe-baseline.json']);
        assert.equal(status, 1);
        assert.equal(report.findings.length, 1, 'only the new SSN is reported');
        assert.equal(report.findings[0].line, notebookWithSsn(SSN).split('\n').length);

        // Fingerprints hold paths relative to the baseline, so a moved checkout keeps its baseline.
        const moved = makeTree({});
        try {
          cpSync(t, moved, { recursive: true });
          assert.equal(lintJson(moved, ['.', '--baseline', 'phisafe-baseline.json']).report.findings.length, 1);
        } finally {
          removeTree(moved);
        }
      } finally {
        removeTree(t);
      }
    });

    it('exits 2 on a missing or malformed baseline', () => {
      const t = makeTree({ 'nb.py': CLEAN_NOTEBOOK, 'bad.json': '{"version": 2}' });
      try {
        assert.equal(lint(t, ['.', '--baseline', 'missing.json']).status, 2);
        const r = lint(t, ['.', '--baseline', 'bad.json']);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /baseline bad\.json: is not a phisafe baseline/);
      } finally {
        removeTree(t);
      }
    });
  });

  describe('large runs', () => {
    it('gives the same report on the worker pool as in-process, with no progress on a piped stderr', () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 230; i++) files[`many/part${String(i).padStart(3, '0')}/nb.py`] = i % 23 === 0 ? notebookWithSsn(SSN) : CLEAN_NOTEBOOK;
      const t = makeTree(files);
      try {
        const inProcess = runCli(['lint', '--format', 'json', '.'], { cwd: t, seeded, env: { PHISAFE_WORKERS: '0' } });
        const pooled = runCli(['lint', '--format', 'json', '.'], { cwd: t, seeded, env: { PHISAFE_WORKERS: '2' } });
        assert.equal(pooled.stdout, inProcess.stdout);
        assert.equal(pooled.status, inProcess.status);
        assert.equal(parseJsonReport(pooled.stdout).findings.filter((f) => f.category === 'ssn').length, 10);
        for (const r of [inProcess, pooled]) {
          assert.doesNotMatch(r.stderr, /phisafe: \d+\/\d+ files|\r/);
        }
        const text = runCli(['lint', '.'], { cwd: t, seeded });
        assert.doesNotMatch(text.stderr, /files|\r/);
      } finally {
        removeTree(t);
      }
    });

    it('streams every format identically on the pool and in-process, in path order across roots, not walk order', () => {
      const files: Record<string, string> = {
        // Walk order visits a/ before a-b/; path order puts a-b/ first ('-' sorts before '/').
        'a/nb.py': notebookWithSsn(SSN_2),
        'a-b/nb.py': notebookWithSsn(SSN_3),
        'many/broken.ipynb': '{"cells": [',
      };
      for (let i = 0; i < 140; i++) files[`many/part${String(i).padStart(3, '0')}/nb.py`] = i % 7 === 0 ? notebookWithSsn(SSN) : CLEAN_NOTEBOOK;
      const t = makeTree(files);
      try {
        const roots = ['many', 'a', 'a-b'];
        for (const format of ['json', 'sarif', 'text']) {
          const inProcess = lint(t, ['--format', format, ...roots], { PHISAFE_WORKERS: '0' });
          const pooled = lint(t, ['--format', format, ...roots], { PHISAFE_WORKERS: '2' });
          assert.equal(pooled.stdout, inProcess.stdout, format);
          assert.equal(pooled.status, 1, format);
          assert.equal(inProcess.status, 1, format);
        }
        const json = lint(t, ['--format', 'json', ...roots], { PHISAFE_WORKERS: '2' }).stdout;
        assert.equal(json, `${JSON.stringify(JSON.parse(json))}\n`, 'JSON written in pieces is exactly JSON.stringify of the report');
        const report = parseJsonReport(json);
        const order = report.findings.map((f) => f.file);
        assert.deepEqual(order, [...order].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        assert.equal(order[0], path.join('a-b', 'nb.py'));
        assert.deepEqual(report.errors.map((e) => e.file), [path.join('many', 'broken.ipynb')]);
        const sarif = lint(t, ['--format', 'sarif', ...roots], { PHISAFE_WORKERS: '2' }).stdout;
        assert.equal(sarif, `${JSON.stringify(JSON.parse(sarif), null, 2)}\n`, 'SARIF written in pieces is indented as one document');
        assert.equal((JSON.parse(sarif) as SarifShape).runs[0].results.length, report.findings.length);

        // A baseline recorded on the pool hides every finding of an in-process run, and is one well-formed document.
        const write = lint(t, ['--write-baseline', 'phisafe-baseline.json', ...roots], { PHISAFE_WORKERS: '2' });
        assert.equal(write.status, 2, 'the broken notebook still could not be scanned');
        const text = readFileSync(path.join(t, 'phisafe-baseline.json'), 'utf8');
        seeded.assertAbsent(text, 'the baseline file');
        assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
        const entries = (JSON.parse(text) as { findings: Array<{ file: string; fingerprint: string; count: number }> }).findings;
        assert.equal(entries.reduce((n, e) => n + e.count, 0), report.findings.length);
        const keys = entries.map((e) => `${e.file}\0${e.fingerprint}`);
        assert.deepEqual(keys, [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        const known = lint(t, ['--format', 'json', '--baseline', 'phisafe-baseline.json', ...roots], { PHISAFE_WORKERS: '0' });
        assert.equal(parseJsonReport(known.stdout).findings.length, 0);
        assert.equal(known.status, 2);
      } finally {
        removeTree(t);
      }
    });

    it('scans on the main thread what a worker cannot: files too large for its heap, and files that overflow it', () => {
      // `dense` is ~0.6 MB of assignments of the seeded SSN, one finding per line: under 16 MB / 8, so it goes to a
      // worker, and its findings overflow the worker's 16 MB heap many times over (the engine's own memory per byte
      // of code shrinks as it gets faster, so plain code no longer made a test that stays true). `huge` is ~2.2 MB
      // of code strings with the SSN in its last cell: over 16 MB / 8, it never goes to a worker.
      const linesUpTo = (chars: number, line: (i: number) => string): string[] => {
        const lines = ['# Databricks notebook source'];
        for (let i = 0, length = lines[0].length; length < chars; i++) {
          const next = line(i);
          lines.push(next);
          length += next.length + 1;
        }
        return lines;
      };
      const denseLines = linesUpTo(600_000, (i) => `ssn_${i} = "${SSN_2}"`);
      const dense = `${denseLines.join('\n')}\n`;
      const hugeCells = linesUpTo(2_200_000, (i) => `df_${i} = spark.sql("SELECT encounter_id FROM clinical.encounters WHERE drg_code = ${100 + (i % 700)}")`);
      const huge = `${hugeCells.join('\n')}\n\n# COMMAND ----------\n\n# patient ssn ${SSN_2}\n`;
      const files: Record<string, string> = { 'dense/nb.py': dense, 'huge/nb.py': huge };
      for (let i = 0; i < 70; i++) files[`many/part${String(i).padStart(3, '0')}/nb.py`] = i % 7 === 0 ? notebookWithSsn(SSN) : CLEAN_NOTEBOOK;
      const t = makeTree(files);
      try {
        // Tens of thousands of findings: more report than spawnSync's default 1 MB buffer holds.
        const run = (env: NodeJS.ProcessEnv): ReturnType<typeof runCli> =>
          runCli(['lint', '--no-progress', '--format', 'json', '.'], { cwd: t, seeded, env, spawn: { maxBuffer: 64 * 1024 * 1024 } });
        const inProcess = run({ PHISAFE_WORKERS: '0' });
        const pooled = run({ PHISAFE_WORKERS: '2', PHISAFE_WORKER_HEAP_MB: '16' });
        assert.equal(pooled.stdout, inProcess.stdout);
        assert.equal(pooled.status, 1, pooled.stderr);
        const report = parseJsonReport(pooled.stdout);
        assert.deepEqual(report.errors, []);
        const ssnsIn = (dir: string): number => report.findings.filter((f) => f.category === 'ssn' && f.file.endsWith(path.join(dir, 'nb.py'))).length;
        assert.equal(ssnsIn('dense'), denseLines.length - 1);
        assert.equal(ssnsIn('huge'), 1);
        assert.match(pooled.stderr, /note: [1-9]\d* file\(s\) did not fit a scan worker's heap and were scanned on the main thread/);
        assert.doesNotMatch(inProcess.stderr, /did not fit/);
      } finally {
        removeTree(t);
      }
    });

    it('stops with one line and exit 2, no stack trace, when the reader of its report closes the pipe', async () => {
      // A grid of 20,000 synthetic record numbers under an mrn column: a report far larger than a pipe's buffer.
      const grid = ['+--------+', '|     mrn|', '+--------+'];
      for (let i = 0; i < 20_000; i++) grid.push(`|${syntheticMrn(1000 + i)}|`);
      const cell = { cell_type: 'code', execution_count: 1, metadata: {}, source: ['df.show()'], outputs: [{ output_type: 'stream', name: 'stdout', text: grid.join('\n') }] };
      const t = makeTree({ 'grid/nb.ipynb': JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell] }) });
      try {
        const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', '.'], { cwd: t, env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 2, stderr);
        assert.equal(stderr, "phisafe: the report's reader closed the pipe; stopped\n");
      } finally {
        removeTree(t);
      }
    });

    it('writes well-formed JSON and SARIF when nothing is found', () => {
      const t = makeTree({ 'clean/summary.py': CLEAN_NOTEBOOK });
      try {
        const json = lint(t, ['--format', 'json', '.']);
        assert.equal(json.stdout, '{"findings":[],"errors":[]}\n');
        const sarif = lint(t, ['--format', 'sarif', '.']);
        assert.equal(sarif.status, 0);
        assert.equal(sarif.stdout, `${JSON.stringify(JSON.parse(sarif.stdout), null, 2)}\n`);
        assert.deepEqual((JSON.parse(sarif.stdout) as SarifShape).runs[0].results, []);
      } finally {
        removeTree(t);
      }
    });
  });
});

interface SarifShape {
  runs: Array<{
    columnKind: string;
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription?: { text: string }; fullDescription?: { text: string }; help?: { markdown?: string }; defaultConfiguration?: { level: string } }> } };
    results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }> }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
  }>;
}
