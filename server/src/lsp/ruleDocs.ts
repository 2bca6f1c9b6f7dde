/**
 * Rule documentation pages: docs/rules/<rule-id>.md, generated from rule metadata by
 * scripts/gen-rule-docs.mjs (a unit test keeps them in sync). Hovers and diagnostics link to them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, type RuleMeta } from '../engine';

/** Path of a rule's page relative to the repository (rule ids are paths: `phi/comment`). */
export function ruleDocRelativePath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function renderRuleDoc(rule: RuleMeta): string {
  return [
    `<!-- Generated from the rule's metadata by scripts/gen-rule-docs.mjs; edit the rule, not this page. -->`,
    `# ${rule.id}: ${rule.title}`,
    '',
    `Default severity: **${rule.defaultSeverity}**`,
    '',
    rule.summary,
    '',
    rule.docs.trim(),
    '',
    '## Suppressing',
    'When a value is synthetic or may stay, record why in the code, above the line:',
    '```python',
    `# phisafe-ignore[${rule.id}]: <reason>`,
    '```',
    '',
  ].join('\n');
}

let root: string | undefined;

/** The folder holding docs/ (the extension or repository root), found once from this module's location. */
function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  root = dir;
  return root;
}

/** By rule id: every diagnostic carries its rule's link, and building a file URL costs more than the rest of it. */
const docUris = new Map<string, string>();

export function ruleDocUri(ruleId: string): string {
  let uri = docUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(packageRoot(), ruleDocRelativePath(ruleId))).toString();
    docUris.set(ruleId, uri);
  }
  return uri;
}

/** Every registered rule's page, keyed by its path relative to the repository. */
export function ruleDocPages(rules: readonly RuleMeta[] = allRules()): Map<string, string> {
  return new Map(rules.map((r) => [ruleDocRelativePath(r.id), renderRuleDoc(r)]));
}
