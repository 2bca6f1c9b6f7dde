// The same in-host suite on desktop VS Code through @vscode/test-electron, for machines with internet
// (it downloads VS Code). Not the CI path: CI runs test/editor/run.mjs on code-server, which needs no download.
// Usage: node test/editor/electron.mjs [vscode version, default: stable]
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { writeWorkspace } from './workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const built = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
await build({
  entryPoints: [path.join(here, 'suite/index.ts')], outfile: path.join(root, 'out/test/suite/index.js'), bundle: true,
  platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'mocha'], logLevel: 'warning',
});
const scratch = mkdtempSync(path.join(os.tmpdir(), 'phisafe-electron-'));
const { folder: workspace } = writeWorkspace(path.join(scratch, 'workspace'));
try {
  await runTests({
    version: process.argv[2] ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(scratch, 'user-data')],
  });
} catch (err) {
  console.error(`test-electron: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
