// `npm run screenshots`: installs the packaged .vsix into code-server, opens the example notebook and a .sql
// file, waits for phisafe's squiggles and writes PNGs to docs/images/ (diagnostics in a notebook, the quick
// fix menu, a hover). The workspace uses textbook example values, never random identifier-shaped ones.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { hostDirs, installVsix, launchBrowser, startCodeServer, workbenchUrl } from './host.mjs';
import { ensureEditors } from './setup.mjs';
import { EXAMPLE_VALUES, writeWorkspace } from './workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const work = path.join(here, '.work/screenshots');
const images = path.join(root, 'docs/images');

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr || r.stdout}`);
}

async function openWorkbench(page, host, workspace, file) {
  await page.goto(workbenchUrl(host, workspace, [['openFile', host.remote(path.join(workspace, file))], ['skipWelcome', 'true']]));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // The squiggle is drawn once the server has published diagnostics for the open file.
  await page.waitForSelector('.squiggly-error', { timeout: 60_000 });
  await page.waitForTimeout(1500);
}

async function main() {
  ensureEditors();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(images, { recursive: true });
  const vsix = path.join(work, 'phisafe.vsix');
  mkdirSync(work, { recursive: true });
  sh('node', ['scripts/build.mjs', '--production']);
  sh('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);
  const dirs = hostDirs(path.join(work, 'host'));
  installVsix(dirs, vsix);
  const { folder: workspace } = writeWorkspace(path.join(os.tmpdir(), `phisafe-screenshots-${process.getuid?.() ?? 'user'}`, 'workspace'), EXAMPLE_VALUES);
  const host = await startCodeServer(dirs, path.join(work, 'code-server.log'));
  const browser = await launchBrowser(dirs);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });

    await openWorkbench(page, host, workspace, 'cohort.ipynb');
    await page.waitForSelector('.notebook-editor', { timeout: 20_000 });
    await page.screenshot({ path: path.join(images, 'notebook-diagnostics.png') });
    console.log('wrote docs/images/notebook-diagnostics.png');

    await openWorkbench(page, host, workspace, 'cohort.sql');
    // The squiggle sits under the text layer: point at its middle rather than at the element.
    const box = await page.locator('.squiggly-error').first().boundingBox();
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(middle.x, middle.y);
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(images, 'hover.png') });
    console.log('wrote docs/images/hover.png');

    await page.mouse.move(5, 700);
    await page.mouse.click(middle.x, middle.y);
    await page.keyboard.press('Control+Period');
    await page.waitForSelector('.action-widget', { state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(images, 'quick-fix.png') });
    console.log('wrote docs/images/quick-fix.png');
  } finally {
    await browser.close();
    host.stop();
  }
}

await main();
