/**
 * Broken inputs through `phisafe lint`: each gives a clear per-file error (or a clean scan where the input is
 * fine, e.g. a BOM or CRLF), the run goes on over the other files, the exit code says so, and lint writes
 * nothing. Files are built here; the 100 MB one is sparse (created instantly, never read).
 */
import { strict as assert } from 'node:assert';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, listing, runCli } from './faces';
import { ipynbText, seededIdentifiers } from './synthetic';

interface JsonReport {
  findings: { file: string; line: number; ruleId: string }[];
  errors: { file: string; message: string }[];
}

const ids = seededIdentifiers(909);
const notebook = ipynbText([{ kind: 'code', source: 'counts = df.groupBy("icd10").count()\n', output: '   icd10  count\n0  E11.9     12\n' }]);
const isRoot = process.getuid?.() === 0;

/** Files that must be reported as errors, with a word the message must contain. */
const MUST_FAIL: Record<string, RegExp> = {
  'nb/truncated.ipynb': /notebook|JSON|truncat|unexpected end/i,
  'nb/invalid.ipynb': /notebook|JSON/i,
  'src/binary.py': /binary/i,
  'big/huge.py': /MB|limit|size/i,
};
/** Files that are fine and must scan without an error. */
const MUST_SCAN = ['src/latin1.py', 'src/bom.py', 'src/crlf.py', 'src/empty.py', 'src/clean.sql', 'src/sized.sql'];
const SIZED_SQL = 'SELECT icd10, count(*) FROM gold.dx GROUP BY icd10;\n'.repeat(160);
/** Files where either a clear error or a clean scan is right; never an internal error, never a hang. */
const EITHER = ['nb/deep.ipynb', 'nb/empty.ipynb', 'locked/unreadable.py'];

function build(ws: string): void {
  const write = (rel: string, data: string | Buffer) => {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), data);
  };
  write('nb/truncated.ipynb', notebook.slice(0, Math.floor(notebook.length / 2)));
  write('nb/invalid.ipynb', '{"cells": [ {"cell_type": "code", "source": ["x = 1"] ,, } ]');
  write('nb/deep.ipynb', `{"nbformat":4,"metadata":{},"cells":[{"cell_type":"code","metadata":{},"source":[],"outputs":[{"output_type":"execute_result","metadata":{},"data":{"application/json":${'['.repeat(100000)}${']'.repeat(100000)}}}]}]}`);
  write('nb/empty.ipynb', '');
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  write('src/binary.py', binary);
  write('src/latin1.py', Buffer.from('# Databricks notebook source\n# Caf\xe9 r\xe9sum\xe9: aggregate counts only\nx = "na\xefve"\n', 'latin1'));
  write('src/bom.py', `\ufeff# Databricks notebook source\nprint("hello")\n`);
  write('src/crlf.py', '# Databricks notebook source\r\nx = 1\r\n\r\n# COMMAND ----------\r\n\r\ny = 2\r\n');
  write('src/empty.py', '');
  write('src/clean.sql', 'SELECT icd10, count(*) FROM gold.dx GROUP BY icd10;\n');
  write('src/sized.sql', SIZED_SQL);
  mkdirSync(path.join(ws, 'big'), { recursive: true });
  const fd = openSync(path.join(ws, 'big/huge.py'), 'w');
  ftruncateSync(fd, 100 * 1024 * 1024);
  closeSync(fd);
  mkdirSync(path.join(ws, 'loops'), { recursive: true });
  symlinkSync('..', path.join(ws, 'loops/parent'));
  symlinkSync('b.py', path.join(ws, 'loops/a.py'));
  symlinkSync('a.py', path.join(ws, 'loops/b.py'));
  write('locked/unreadable.py', '# Databricks notebook source\nx = 1\n');
  chmodSync(path.join(ws, 'locked/unreadable.py'), 0o000);
}

function lint(ws: string, extra: readonly string[] = []): { code: number | null; report: JsonReport; stderr: string } {
  const r = runCli(['lint', '.', '--format', 'json', '--no-progress', ...extra], { cwd: ws });
  assert.doesNotMatch(r.stderr, /internal error/, `lint reported an internal error: ${r.stderr.slice(0, 300)}`);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const errorFor = (report: JsonReport, rel: string) => report.errors.filter((e) => e.file.replace(/\\/g, '/').endsWith(rel));

describe('safety: bad input', function () {
  this.timeout(120000);
  let ws: string;

  before(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(os.tmpdir(), 'phisafe-bad-'));
    build(ws);
  });

  after(() => {
    chmodSync(path.join(ws, 'locked/unreadable.py'), 0o644);
    rmSync(ws, { recursive: true, force: true });
  });

  it('each broken file gets one clear error, good files none, and the exit code is 2', () => {
    const { code, report } = lint(ws);
    for (const [rel, words] of Object.entries(MUST_FAIL)) {
      const errs = errorFor(report, rel);
      assert.equal(errs.length, 1, `${rel}: expected one error, got ${errs.length}`);
      assert.match(errs[0].message, words, `${rel}: unclear message "${errs[0].message}"`);
    }
    for (const rel of MUST_SCAN) assert.deepEqual(errorFor(report, rel), [], `${rel} should scan cleanly`);
    for (const rel of EITHER) {
      for (const e of errorFor(report, rel)) assert.ok(e.message.length > 10 && !/internal error/.test(e.message), `${rel}: unclear message "${e.message}"`);
    }
    for (const e of report.errors) assert.doesNotMatch(e.message, /internal error/, `${e.file}: ${e.message}`);
    assert.equal(report.findings.length, 0, 'no file here holds PHI');
    assert.equal(code, 2, 'files that could not be scanned must make the exit code 2');
  });

  it('the run goes on past the broken files: a notebook with PHI after them is still reported (exit 1)', () => {
    const phi = path.join(ws, 'zz/last.py');
    mkdirSync(path.dirname(phi), { recursive: true });
    writeFileSync(phi, `# Databricks notebook source\n# callback for the member: SSN ${ids.ssn}\r\nx = 1\n`);
    try {
      const { code, report } = lint(ws);
      assert.ok(report.findings.some((f) => f.file.endsWith('zz/last.py')), 'the PHI in the last file was not reported');
      assert.ok(report.errors.length >= Object.keys(MUST_FAIL).length, 'errors were dropped when findings were present');
      assert.equal(code, 1);
    } finally {
      rmSync(path.dirname(phi), { recursive: true, force: true });
    }
  });

  it('the size limit is configurable (--max-file-size, maxFileSizeMB) and the message names the limit', () => {
    const { report } = lint(ws, ['--max-file-size', '0.005']);
    const errs = errorFor(report, 'src/sized.sql');
    assert.equal(errs.length, 1, `an ${SIZED_SQL.length}-byte file over a 0.005 MB limit must be skipped`);
    assert.match(errs[0].message, /limit/);
    assert.deepEqual(errorFor(report, 'src/clean.sql'), [], 'a file under the limit must still be scanned');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'phisafe-limit-'));
    try {
      writeFileSync(path.join(dir, '.phisafe.json'), JSON.stringify({ maxFileSizeMB: 0.005 }));
      writeFileSync(path.join(dir, 'sized.sql'), SIZED_SQL);
      const fromConfig = lint(dir);
      assert.equal(errorFor(fromConfig.report, 'sized.sql').length, 1, 'maxFileSizeMB in .phisafe.json was not applied');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('positions are right with a BOM and with CRLF line ends', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'phisafe-eol-'));
    try {
      writeFileSync(path.join(dir, 'bom.py'), `\ufeff# Databricks notebook source\nx = 1\n# patient SSN ${ids.ssn}\n`);
      writeFileSync(path.join(dir, 'crlf.py'), `# Databricks notebook source\r\nx = 1\r\n# patient SSN ${ids.ssn}\r\n`);
      const { report } = lint(dir);
      for (const f of ['bom.py', 'crlf.py']) {
        const lines = report.findings.filter((x) => x.file.endsWith(f)).map((x) => x.line);
        assert.deepEqual(lines, [3], `${f}: finding lines ${JSON.stringify(lines)}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(isRoot ? 'an unreadable file (running as root, which can read it: scanned, not an error)' : 'an unreadable file is a per-file error', () => {
    const { report } = lint(ws);
    const errs = errorFor(report, 'locked/unreadable.py');
    if (isRoot) assert.deepEqual(errs, []);
    else {
      assert.equal(errs.length, 1);
      assert.match(errs[0].message, /permission|EACCES|read/i);
    }
  });

  it('lint writes nothing: the folder listing with sizes and mtimes is unchanged by any run', () => {
    const initial = listing(ws);
    lint(ws);
    runCli(['lint', '.', '--format', 'sarif', '--no-progress'], { cwd: ws });
    runCli(['lint', '.', '--format', 'text', '--no-progress', '--quiet'], { cwd: ws });
    assert.deepEqual([...listing(ws)].sort(), [...initial].sort());
  });
});
