import type { PhiRule } from '../types';

export const embeddedIdentifier: PhiRule = {
  id: 'phi/embedded-identifier',
  title: 'PHI literal in code',
  defaultSeverity: 'error',
  regionKind: 'code',
  where: 'a literal in code',
  fixes: ['parameterise', 'suppress'],
  summary: 'A literal in code holds a patient identifier; pass it as a parameter instead.',
  docs: `## What it does
Finds HIPAA Safe Harbor identifiers written as literals in code: a medical record number compared with a
column in a \`WHERE\` clause, a date of birth in a \`filter\`, a member id in a dict, a name in \`Row(...)\`.
The column or key the literal is compared with or assigned to decides what it is, so \`WHERE mrn = '…'\` is
found even where the value alone proves nothing.

## Why is this bad?
Code is committed, reviewed, copied and logged. A hard-coded identifier spreads PHI to every clone of the
repository and every job log, outside the access controls of the table it came from.

## Example
\`\`\`sql
SELECT * FROM clinical.encounters WHERE mrn = '<a real MRN>'
\`\`\`

## Use instead
\`\`\`sql
SELECT * FROM clinical.encounters WHERE mrn = :mrn
\`\`\`
In Python, read the value from a widget (\`dbutils.widgets.get("mrn")\`) or pass
\`spark.sql("... WHERE mrn = :mrn", args={"mrn": mrn})\`. The quick fix does either.
`,
};
