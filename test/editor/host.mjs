// A real VS Code host for tests and screenshots: code-server (VS Code 1.139 for the browser) on node 24,
// driven by Debian chromium through playwright-core. Everything it writes goes under one scratch folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths } from './setup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Folders of one host: HOME and TMPDIR for code-server and chromium, user data (settings), extensions. */
export function hostDirs(scratch, settings = {}) {
  const dirs = { home: path.join(scratch, 'home'), tmp: path.join(scratch, 'tmp'), userData: path.join(scratch, 'user-data') };
  dirs.extensions = path.join(dirs.userData, 'ext');
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const base = JSON.parse(readFileSync(path.join(here, 'user-settings.json'), 'utf8'));
  writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...base, ...settings }, null, 2));
  return dirs;
}

function codeServerArgs(dirs) {
  return [paths.codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function hostEnv(dirs) {
  return { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: path.join(dirs.home, '.config') };
}

/** Installs a .vsix into the host's extensions folder (same dirs and HOME as the server, or it lands elsewhere). */
export function installVsix(dirs, vsix) {
  const r = spawnSync(path.join(paths.node24, 'bin/node'), [...codeServerArgs(dirs), '--install-extension', vsix, '--force'],
    { env: hostEnv(dirs), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n')}`);
}

/** Starts code-server in its own process group and waits for /healthz. */
export async function startCodeServer(dirs, logFile, extraArgs = []) {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const child = spawn(path.join(paths.node24, 'bin/node'), [
    ...codeServerArgs(dirs), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver', ...extraArgs,
  ], { env: hostEnv(dirs), detached: true, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer /healthz within 30 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, port, stop, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}` };
}

/** The workbench URL for a folder with a smoke-test-driver payload ([name, value] pairs). */
export function workbenchUrl(host, folder, payload) {
  return `${host.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function launchBrowser(dirs) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: paths.chromium, headless: true, args: BROWSER_ARGS, env: hostEnv(dirs) });
}
