import type { PhiRule } from '../types';

export const title: PhiRule = {
  id: 'phi/title',
  title: 'PHI in a cell title',
  defaultSeverity: 'error',
  regionKind: 'title',
  where: 'a cell title',
  fixes: ['redact', 'suppress'],
  summary: 'A notebook cell title (`# DBTITLE`) holds a patient identifier.',
  docs: `## What it does
Finds Safe Harbor identifiers in Databricks cell titles: \`# DBTITLE 1,<title>\` in source notebooks and the
\`title\` in the cell metadata of exported \`.ipynb\` files.

## Why is this bad?
Titles show in the notebook outline, in job run pages and in exports, to everyone who can open the notebook.

## Example
\`\`\`python
# DBTITLE 1,Chart review for <patient name>
\`\`\`

## Use instead
\`\`\`python
# DBTITLE 1,Chart review for the selected patient
\`\`\`
`,
};
