// Writes the editor-test workspace: the committed templates in workspace/ with invented values filled in.
// The values are made here, at run time, so no identifier-shaped value is committed; they are structurally
// valid (so the detectors must find them) and random (so no test depends on one value).
import { randomInt } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const templates = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workspace');

/** An SSN outside the never-issued ranges (area 000, 666, 900-999; group 00; serial 0000). */
export function syntheticSsn() {
  let area = randomInt(1, 900);
  while (area === 666) area = randomInt(1, 900);
  const pad = (n, w) => String(n).padStart(w, '0');
  return `${pad(area, 3)}-${pad(randomInt(1, 100), 2)}-${pad(randomInt(1, 10000), 4)}`;
}

export function syntheticMrn() {
  return String(randomInt(10_000_000, 100_000_000));
}

/** Values for pictures that are published: the textbook examples, plainly not anyone's. */
export const EXAMPLE_VALUES = { MRN: '10000001', SSN: '123-45-6789' };

/**
 * Fills `${NAME}` markers (random synthetic values unless given); `.ipynb.json` templates become `.ipynb`.
 * Returns the workspace folder and the values written into it.
 */
export function writeWorkspace(dest, values = { MRN: syntheticMrn(), SSN: syntheticSsn() }) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(templates)) {
    const from = path.join(templates, name);
    const to = path.join(dest, name.replace(/\.ipynb\.json$/, '.ipynb'));
    if (!/\.(sql|py|json)$/.test(name)) {
      cpSync(from, to);
      continue;
    }
    writeFileSync(to, readFileSync(from, 'utf8').replace(/\$\{([A-Z]+)\}/g, (m, key) => values[key] ?? m));
  }
  return { folder: dest, values };
}
