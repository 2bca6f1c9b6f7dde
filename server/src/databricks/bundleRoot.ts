/**
 * An included bundle file (`include: [resources/*.yml]`) uses variables declared in the bundle root. This reads
 * the nearest databricks.yml above the file for their defaults: a small synchronous read, done only for
 * included files that reference `${var.*}`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { variablesOf, type VariableValues } from './bundleVariables';
import { child, parseYamlTree } from './configTree';

const ROOT_NAMES = ['databricks.yml', 'databricks.yaml'];
const MAX_LEVELS = 8;
const MAX_ROOT_BYTES = 2 * 1024 * 1024;

export function findBundleRoot(path: string): string | undefined {
  let dir = dirname(path);
  for (let i = 0; i < MAX_LEVELS; i++) {
    for (const name of ROOT_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export function inheritedVariables(path: string): VariableValues {
  try {
    const root = findBundleRoot(path);
    if (!root || statSync(root).size > MAX_ROOT_BYTES) return new Map();
    const tree = parseYamlTree(readFileSync(root, 'utf8'));
    return tree ? variablesOf(child(tree.root, 'variables')) : new Map();
  } catch {
    return new Map();
  }
}
