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
Finds Safe Harbor identifiers in markdown cells (\`%md\`, Jupyter markdown) and Markdown files. An id or a surname
the file reports elsewhere is reported here too (\`Fenwick showed up three times\` after \`Harold Fenwick\`). The team's
own names are not patients': bylines, sections under an ownership or on-call heading, tables with a \`role\` column,
and addresses on a line that names a hospital, clinic or other organisation's site.

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
