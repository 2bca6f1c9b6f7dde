// `npm test`: type check, lint, build, then every suite (unit, CLI, protocol, Databricks, safety, editor),
// ending with the plain "N passed, N failed" line CI reads.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

const only = process.argv.slice(2);
const editorRunner = 'test/editor/run.mjs';
const withEditors = !only.length && existsSync(editorRunner) && process.env.PHISAFE_SKIP_EDITOR !== '1';

// Installing the editor hosts (code-server's npm install and native build, about 2.5 min on a fresh machine)
// waits mostly on the network and on one core, so it runs beside the type check and the mocha suites. The
// editor runner installs whatever this did not finish, and reports why when it cannot.
let setupChild;
const editorSetup = withEditors ? new Promise((resolve) => {
  const child = spawn('node', ['test/editor/setup.mjs'], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  setupChild = child;
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  child.on('error', () => resolve(out));
  child.on('close', () => resolve(out));
}) : Promise.resolve('');

let passed = 0;
let failed = 0;
for (const [name, args] of [
  ['type check', ['tsc', '--noEmit', '-p', '.']],
  ['lint', ['eslint', '.']],
]) {
  if (step(name, 'npx', args)) passed++;
  else failed++;
}
if (!step('build', 'node', ['scripts/build.mjs'])) {
  console.log(`\n${passed} passed, ${failed + 1} failed`);
  setupChild?.kill();
  process.exit(1);
}

// Mocha in-process, so the counts come from its runner rather than from parsing text.
require('tsx/cjs');
const Mocha = require('mocha');
const config = JSON.parse(readFileSync('.mocharc.json', 'utf8'));
const mocha = new Mocha({ timeout: config.timeout, reporter: 'spec' });
const files = [];
// Spec entries are `dir/**/*.test.ts` globs or plain files (node 20 has no fs.globSync).
const walk = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []) : []);
for (const pattern of only.length ? only : config.spec) {
  if (pattern.includes('**')) files.push(...walk(pattern.slice(0, pattern.indexOf('/**'))));
  else files.push(pattern);
}
for (const f of files.sort()) mocha.addFile(path.resolve(f));
const counts = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
});
passed += counts.passes;
failed += counts.failures;

// The real-editor suites report their own counts on a last line "editor: N passed, N failed".
if (withEditors) {
  console.log('\n▶ editor integration (code-server + Neovim)');
  // setup.mjs prints the install times and then the paths as JSON; the paths are not news here.
  const setupLog = (await editorSetup).split('\n').filter((l) => l.startsWith('setup:')).join('\n');
  if (setupLog) console.log(`${setupLog}\n(installed beside the earlier stages)`);
  const r = spawnSync('node', [editorRunner], { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const m = /editor: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (r.status !== 0 && (!m || Number(m[2]) === 0)) failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
