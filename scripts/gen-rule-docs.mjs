// Writes docs/rules/<rule-id>.md for every registered rule from its metadata (title, summary, docs), so the
// pages the hovers and diagnostics link to never drift from the rules. test/unit/lsp/ruleDocs.test.ts checks
// the committed pages are in sync. Usage: node scripts/gen-rule-docs.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { ruleDocPages } = await tsImport('../server/src/lsp/ruleDocs.ts', import.meta.url);
let written = 0;
for (const [relative, content] of ruleDocPages()) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  written++;
}
console.log(`wrote ${written} rule pages under docs/rules/`);
