import type { PhiRule } from '../types';

export const markdown: PhiRule = {
  id: 'phi/markdown',
  title: 'PHI in a markdown cell',
  defaultSeverity: 'error',
  regionKind: 'markdown',
  where: 'markdown',
  fixes: ['redact', 'suppress'],
  summary: 'Notebook prose holds a patient identifier.',
  docs: `## What it does
Finds Safe Harbor identifiers in markdown cells (\`%md\`, Jupyter markdown) and Markdown files.

## Why is this bad?
Notebook prose is rendered, exported to HTML and shared far beyond the people allowed to see the data.

## Example
\`\`\`markdown
Investigating the readmission of <patient name>, born <date>.
\`\`\`

## Use instead
\`\`\`markdown
Investigating a readmission (case id in the ticket tracker).
\`\`\`
The quick fix replaces the value with a placeholder such as \`[NAME]\`.
`,
};
