import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lint } from '../../server/src/cli/commands/lint';
import { ucSnapshot } from '../../server/src/cli/commands/ucSnapshot';
import type { CliIO } from '../../server/src/cli/io';
import { FakeWorkspace } from './fakeWorkspace';
import { fixture } from './helpers';

const TOKEN = ['cli', 'fake', 'token', String(process.pid)].join('-');

function captureIO(cwd: string, env: NodeJS.ProcessEnv): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t) => { out += t; }, isTTY: false },
    stderr: { write: (t) => { err += t; }, isTTY: false },
    env, cwd, out: () => out, err: () => err,
  };
}

describe('phisafe uc snapshot and lint --uc', () => {
  let ws: FakeWorkspace;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    ws = await new FakeWorkspace({
      token: TOKEN,
      tables: [{
        full_name: 'demo_health.clinical.patients',
        columns: [
          { name: 'member_ref', type_text: 'string', tags: { phi: 'health-plan-id' } },
          { name: 'chart_code', type_text: 'string', tags: { classification: 'PHI' } },
          { name: 'birth_dt', type_text: 'date', tags: { pii: '' }, mask: { function_name: 'demo_health.governance.mask_date' } },
          { name: 'site_code', type_text: 'string' },
        ],
      }],
    }).start();
    dir = mkdtempSync(join(tmpdir(), 'phisafe-uc-cli-'));
    writeFileSync(join(dir, 'databrickscfg'), `[fake]\nhost = ${ws.host}\ntoken = ${TOKEN}\n`);
    env = { DATABRICKS_CONFIG_FILE: join(dir, 'databrickscfg'), HOME: dir };
  });
  after(async () => {
    await ws.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a snapshot without credentials, which lint --uc uses to flag the unmasked PHI column', async () => {
    const io = captureIO(dir, env);
    const code = await ucSnapshot.run(['--profile', 'fake', '--catalog', 'demo_health', '--out', 'uc.json'], io);
    assert.equal(code, 0, io.err());
    assert.match(io.err(), /wrote 1 tables to uc\.json: 3 PHI-tagged columns, 2 without a mask/);
    const raw = readFileSync(join(dir, 'uc.json'), 'utf8');
    assert.ok(!raw.includes(TOKEN) && !io.err().includes(TOKEN));
    copyFileSync(fixture('uc', 'queries.sql').path, join(dir, 'queries.sql'));
    const lintIO = captureIO(dir, {});
    const exit = await lint.run(['--uc', join(dir, 'uc.json'), '--format', 'json', '--no-progress', join(dir, 'queries.sql')], lintIO);
    assert.equal(exit, 1, lintIO.err());
    const report = JSON.parse(lintIO.out()) as { findings: { ruleId: string; message: string }[] };
    const uc = report.findings.filter((f) => f.ruleId === 'uc/unmasked-phi-column');
    assert.ok(uc.some((f) => f.message.includes('`member_ref` of `demo_health.clinical.patients`')));
    assert.ok(!uc.some((f) => f.message.includes('birth_dt')));
  });

  it('works from the built CLI, which loads the SDK from its own bundle (dist/databricks-sdk.js) on demand', async () => {
    const cli = resolve(__dirname, '../../dist/cli.js');
    // Asynchronously: the fake workspace answers from this process's event loop.
    const run = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(process.execPath, [cli, 'uc', 'snapshot', '--profile', 'fake', '--catalog', 'demo_health', '--out', 'built.json'],
        { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 },
        (error, _stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stderr }));
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote 1 tables to built\.json/);
    assert.ok(!readFileSync(join(dir, 'built.json'), 'utf8').includes(TOKEN) && !run.stderr.includes(TOKEN));
  });

  it('fails in seconds with a clear message when the workspace refuses the token', async () => {
    writeFileSync(join(dir, 'bad.cfg'), `[bad]\nhost = ${ws.host}\ntoken = wrong-${TOKEN.length}\n`);
    const io = captureIO(dir, { DATABRICKS_CONFIG_FILE: join(dir, 'bad.cfg'), HOME: dir });
    const code = await ucSnapshot.run(['--profile', 'bad', '--catalog', 'demo_health', '--out', 'x.json', '--timeout', '5'], io);
    assert.equal(code, 2);
    assert.match(io.err(), /permission denied .*403/);
  });

  it('requires --catalog and --out', async () => {
    await assert.rejects(ucSnapshot.run(['--out', 'x.json'], captureIO(dir, env)), /--catalog is required/);
    await assert.rejects(ucSnapshot.run(['--catalog', 'c'], captureIO(dir, env)), /--out is required/);
  });
});
