// The real-editor suite: packages the .vsix and checks its contents, runs the mocha suites inside a real
// VS Code extension host (code-server + chromium), then drives Neovim as a second LSP client.
// Last line, parsed by scripts/test.mjs: `editor: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { build } from 'esbuild';
import { hostDirs, launchBrowser, startCodeServer, workbenchUrl } from './host.mjs';
import { ensureEditors, paths } from './setup.mjs';
import { syntheticMrn, writeWorkspace } from './workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const work = path.join(here, '.work');
const started = Date.now();
const results = [];

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''} [${elapsed()}]`);
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-10).join('\n')}`);
  return r.stdout;
}

/** Production bundles, the .vsix, and the in-host test bundle. */
async function buildAll() {
  const vsix = path.join(work, 'phisafe.vsix');
  sh('node', ['scripts/build.mjs', '--production']);
  sh('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);
  await build({
    entryPoints: [path.join(here, 'suite/index.ts')], outfile: path.join(root, 'out/test/suite/index.js'), bundle: true,
    platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return vsix;
}

/** The .vsix is a zip: it must hold the bundles and assets, and no sources, maps, tests or node_modules. */
function checkVsixContents(vsix) {
  const names = sh('unzip', ['-Z1', vsix]).split('\n').filter(Boolean);
  const forbidden = names.filter((n) => /node_modules\/|\.ts$|\.map$|(^|\/)test\/|(^|\/)(client|server)\/src\//.test(n));
  const required = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/databricks-sdk.js', 'extension/LICENSE.txt',
    'extension/readme.md', 'extension/snippets/python.json', 'extension/snippets/sql.json', 'extension/schemas/phisafe.schema.json',
    'extension/docs/rules/phi/embedded-identifier.md'];
  const missing = required.filter((n) => !names.includes(n));
  const ok = forbidden.length === 0 && missing.length === 0;
  record('.vsix holds only bundled JS and assets', ok,
    ok ? `${names.length} files` : `forbidden: ${forbidden.slice(0, 5).join(', ')}; missing: ${missing.join(', ')}`);
}

/** Runs the mocha suites in the extension host through the workbench payload; returns the host's exit code. */
async function runHostSuite(workspace) {
  // Everything traced and logged at the most verbose level, so the leak check below sees the most there is.
  const dirs = hostDirs(path.join(work, 'code'), { 'phisafe.trace.server': 'verbose' });
  const host = await startCodeServer(dirs, path.join(work, 'code-server.log'), ['--log', 'trace']);
  let browser;
  try {
    browser = await launchBrowser(dirs);
    const page = await browser.newPage();
    // The workbench's own console is long (trace level): it goes to a file; the suite's output is echoed.
    const lines = [];
    const consoleLog = path.join(work, 'workbench-console.log');
    let echo = false;
    let exit;
    const exited = new Promise((resolve) => {
      exit = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      lines.push(line);
      appendFileSync(consoleLog, `${line}\n`);
      echo ||= line.startsWith('phisafe-suite: start');
      // Mocha's spec lines are indented; the workbench's trace lines are not.
      if (echo && (line === '' || /^\s/.test(line) || line.startsWith('phisafe-suite:'))) console.log(`  │ ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.goto(workbenchUrl(host, workspace, [
      ['extensionDevelopmentPath', host.remote(root)],
      ['extensionTestsPath', host.remote(path.join(root, 'out/test/suite/index.js'))],
      ['skipWelcome', 'true'],
    ]));
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 150_000);
    });
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    const summary = lines.map((l) => /phisafe-suite: (\d+) passed, (\d+) failed/.exec(l)).find(Boolean);
    if (summary) {
      for (let i = 0; i < Number(summary[1]); i++) results.push({ name: 'host test', ok: true });
      for (let i = 0; i < Number(summary[2]); i++) results.push({ name: 'host test', ok: false });
      console.log(`${Number(summary[2]) ? '✘' : '✔'} VS Code host suite: ${summary[1]} passed, ${summary[2]} failed (exit ${code}) [${elapsed()}]`);
    } else {
      for (const line of lines.slice(-40)) console.log(`  │ ${line}`);
      record('VS Code host suite ran to the end', false,
        `${code === 'timeout' ? 'no result within 150 s' : `exit ${code} without a summary`}; workbench console in ${path.relative(root, consoleLog)}`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    host.stop();
  }
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The host's logs (phisafe's output channel with its verbose LSP trace among them) never hold a value. */
function checkNoValueInLogs(scratch, values) {
  const logs = [path.join(work, 'code-server.log'), ...filesUnder(path.join(scratch, 'user-data/logs'))].filter((f) => existsSync(f));
  const phisafeLog = logs.find((f) => f.endsWith(`${path.sep}phisafe.log`));
  const leaking = logs.filter((f) => values.some((v) => readFileSync(f, 'latin1').includes(v)));
  const traced = phisafeLog ? /Sending notification 'textDocument\/didOpen'/.test(readFileSync(phisafeLog, 'utf8')) : false;
  record('no value in the host logs, including the verbose LSP trace', Boolean(phisafeLog) && traced && leaking.length === 0,
    `${logs.length} log files${phisafeLog ? '' : '; no phisafe.log'}${traced ? '' : '; the trace did not record didOpen'}${leaking.length ? `; value found in ${leaking.map((f) => path.relative(scratch, f)).join(', ')}` : ''}`);
}

/** A Databricks source notebook with one keyed literal; returns its path and the 0-based line of the literal. */
function writeNeovimNotebook(dir) {
  mkdirSync(dir, { recursive: true });
  const lines = [
    '# Databricks notebook source',
    'encounters = spark.table("main.clinical.encounters")',
    '',
    '# COMMAND ----------',
    '',
    `patient = encounters.filter("mrn = '${syntheticMrn()}'")`,
    '',
  ];
  const file = path.join(dir, 'cohort_lookup.py');
  writeFileSync(file, lines.join('\n'));
  return { file, line: 5 };
}

/** The command that starts the server over stdio: `phisafe lsp --stdio` once the CLI has it. */
function serverCommand() {
  const cli = path.join(root, 'dist/cli.js');
  const help = spawnSync('node', [cli, '--help'], { encoding: 'utf8' });
  return /\blsp\b/.test(`${help.stdout}${help.stderr}`) ? ['node', cli, 'lsp', '--stdio'] : ['node', path.join(root, 'dist/server.js'), '--stdio'];
}

function runNeovim() {
  const dir = path.join(os.tmpdir(), `phisafe-editor-${process.getuid?.() ?? 'user'}`, 'nvim');
  rmSync(dir, { recursive: true, force: true });
  const { file, line } = writeNeovimNotebook(path.join(dir, 'ws'));
  const out = path.join(dir, 'diagnostics.json');
  mkdirSync(path.join(dir, 'home'), { recursive: true });
  const r = spawnSync(paths.nvim, ['--headless', '--clean', '-u', path.join(here, 'neovim/init.lua')], {
    encoding: 'utf8', timeout: 30_000,
    env: { ...process.env, HOME: path.join(dir, 'home'), PHISAFE_SERVER_CMD: JSON.stringify(serverCommand()), PHISAFE_FILE: file, PHISAFE_OUT: out },
  });
  if (!existsSync(out)) {
    record('Neovim gets diagnostics over stdio', false, `no output (exit ${r.status}): ${(r.stderr || r.stdout).trim().slice(-300)}`);
    return;
  }
  const diagnostics = JSON.parse(readFileSync(out, 'utf8'));
  const value = /'(\d+)'/.exec(readFileSync(file, 'utf8').split('\n')[line])[1];
  const codeOf = (d) => d.code ?? d.user_data?.lsp?.code;
  const onLine = diagnostics.filter((d) => d.lnum === line && d.source === 'phisafe' && codeOf(d) === 'phi/embedded-identifier');
  const leaks = JSON.stringify(diagnostics).includes(value);
  const ok = onLine.length === 1 && !leaks;
  record('Neovim gets the literal finding over stdio', ok,
    ok ? `${diagnostics.length} diagnostic(s)` : `on line ${line + 1}: ${onLine.length}; all: ${diagnostics.map((d) => `${d.lnum + 1}:${codeOf(d)}`).join(', ')}${leaks ? '; the value appears in the output' : ''}`);
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    ensureEditors((line) => console.log(line));
  } catch (err) {
    record('install the editor hosts', false, err instanceof Error ? err.message : String(err));
    return;
  }
  console.log(`setup: editor hosts ready [${elapsed()}]`);
  let vsix;
  try {
    vsix = await buildAll();
  } catch (err) {
    record('build and package', false, err instanceof Error ? err.message : String(err));
    return;
  }
  checkVsixContents(vsix);
  // Outside the repository: its .gitignore lists .work/, and the server's workspace scan honours it.
  const { folder: workspace, values } = writeWorkspace(path.join(os.tmpdir(), `phisafe-editor-${process.getuid?.() ?? 'user'}`, 'workspace'));
  try {
    await runHostSuite(workspace);
  } catch (err) {
    record('VS Code host suite', false, err instanceof Error ? err.message : String(err));
  }
  checkNoValueInLogs(path.join(work, 'code'), Object.values(values));
  if (existsSync(paths.nvim)) runNeovim();
  else record('Neovim gets diagnostics over stdio', false, `${paths.nvim} is missing (apt-get install -y neovim)`);
}

await main();
const passed = results.filter((r) => r.ok).length;
console.log(`editor suite took ${elapsed()}`);
console.log(`editor: ${passed} passed, ${results.length - passed} failed`);
process.exitCode = results.length - passed ? 1 : 0;
