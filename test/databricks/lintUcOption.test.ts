import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/cli';
import type { CliIO } from '../../server/src/cli/io';
import { fixture } from './helpers';

function captureIO(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t) => { out += t; }, isTTY: false },
    stderr: { write: (t) => { err += t; }, isTTY: false },
    env: {}, cwd, out: () => out, err: () => err,
  };
}

describe('phisafe lint --uc validates the snapshot before scanning', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'phisafe-uc-opt-'));
    writeFileSync(join(dir, 'q.sql'), 'SELECT 1;\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, unknown, RegExp]> = [
    ['a JSON string', 'tables', /expected a JSON object/],
    ['another kind of file', { kind: 'something-else', version: 1, tables: [] }, /kind is not "phisafe-uc-snapshot"/],
    ['a table without a three-part name', { kind: 'phisafe-uc-snapshot', version: 1, tables: [{ fullName: 'patients', columns: [] }] }, /three-part fullName/],
  ];
  for (const [what, content, message] of cases) {
    it(`exits 2 with a usage error for ${what}`, async () => {
      writeFileSync(join(dir, 'uc.json'), JSON.stringify(content));
      const io = captureIO(dir);
      const code = await runCli(['lint', '--uc', join(dir, 'uc.json'), '--no-progress', join(dir, 'q.sql')], io);
      assert.equal(code, 2);
      assert.match(io.err(), /uc\.json: not a phisafe Unity Catalog snapshot/);
      assert.match(io.err(), message);
    });
  }

  it('accepts a valid snapshot', async () => {
    writeFileSync(join(dir, 'uc.json'), fixture('uc', 'snapshot.json').text);
    const code = await runCli(['lint', '--uc', join(dir, 'uc.json'), '--no-progress', join(dir, 'q.sql')], captureIO(dir));
    assert.equal(code, 0);
  });
});
