/**
 * Hover on a finding: what kind of identifier it is, why it matters under Safe Harbor, how to fix it and
 * where the rule is documented. Built from the finding's kind and the rule's metadata only: never the value,
 * not even its redacted form.
 */
import type { MarkupContent } from 'vscode-languageserver/node';
import { CATEGORY_LABELS, findRule, type Category, type Finding, type FixKind } from '../engine';
import { ruleDocUri } from './ruleDocs';

/** 45 CFR §164.514(b)(2)(i): the letter of each Safe Harbor identifier. */
const SAFE_HARBOR: Readonly<Record<Category, string>> = {
  name: '(A) names',
  geographic: '(B) geographic subdivisions smaller than a state',
  date: '(C) dates (other than year) directly related to an individual',
  'age-over-89': '(C) ages over 89',
  phone: '(D) telephone numbers',
  fax: '(E) fax numbers',
  email: '(F) email addresses',
  ssn: '(G) Social Security numbers',
  mrn: '(H) medical record numbers',
  'health-plan-id': '(I) health plan beneficiary numbers',
  'account-number': '(J) account numbers',
  'license-number': '(K) certificate and license numbers',
  'vehicle-id': '(L) vehicle identifiers and serial numbers',
  'device-id': '(M) device identifiers and serial numbers',
  url: '(N) web URLs',
  'ip-address': '(O) IP addresses',
  biometric: '(P) biometric identifiers',
  'other-id': '(R) any other unique identifying number, characteristic or code',
};

const WHY_BY_REGION: Readonly<Record<string, string>> = {
  code: 'Code is committed, reviewed, copied into job logs and query history: a literal spreads the value to every clone, outside the access controls of the table it came from.',
  comment: 'Comments travel with the code into every clone, review and export, and no column mask protects them.',
  markdown: 'Notebook prose is rendered, exported to HTML and shared well beyond the people allowed to see the data.',
  title: 'Cell titles show in the notebook outline, job run pages and exports, to everyone who can open the notebook.',
  output: 'A saved output copies rows out of Unity Catalog, past every column mask and row filter, into git and every export.',
  config: 'This setting decides who and what can reach the data.',
};

const HOW: Readonly<Record<FixKind, string>> = {
  parameterise: 'Quick fix **Parameterise literal**: the literal becomes a widget value (`dbutils.widgets.get`) or a named SQL parameter (`:name`).',
  redact: 'Quick fix **Redact**: the value is replaced by a placeholder naming its kind, such as `[MRN]`.',
  'clear-output': 'Quick fix **Clear outputs**: removes the saved outputs that hold PHI (and only those).',
  suppress: 'Quick fix **Suppress with a reason**: adds a `phisafe-ignore` comment recording why the value may stay (e.g. it is synthetic).',
  'add-column-mask': 'Add a column mask in Unity Catalog.',
  'fix-cluster-setting': 'Change the cluster setting as the rule documentation describes.',
};

export function hoverContent(findings: readonly Finding[]): MarkupContent {
  const parts = findings.map((f) => {
    const rule = findRule(f.ruleId);
    const kind = f.category === 'compliance' ? 'Compliance setting' : CATEGORY_LABELS[f.category];
    const lines = [`**phisafe: ${kind}** — \`${f.ruleId}\`${rule ? ` (${rule.title})` : ''}`, ''];
    if (rule) lines.push(rule.summary, '');
    const harbor = f.category === 'compliance' ? undefined : SAFE_HARBOR[f.category];
    lines.push(`**Why it matters.** ${harbor ? `HIPAA Safe Harbor identifier ${harbor}. ` : ''}${WHY_BY_REGION[f.regionKind] ?? ''}`, '');
    if (f.fixes.length > 0) lines.push('**How to fix.**', ...f.fixes.map((k) => `- ${HOW[k]}`), '');
    lines.push(`[Rule documentation](${ruleDocUri(f.ruleId)})`);
    return lines.join('\n');
  });
  return { kind: 'markdown', value: parts.join('\n\n---\n\n') };
}
