import type { PhiRule } from '../types';

export const output: PhiRule = {
  id: 'phi/output',
  title: 'PHI in a committed notebook output',
  defaultSeverity: 'error',
  regionKind: 'output',
  where: 'a cell output',
  fixes: ['clear-output', 'suppress'],
  summary: 'A saved cell output holds patient data; clear it before committing.',
  docs: `## What it does
Reads the outputs saved in \`.ipynb\` files (streams, \`text/plain\`, HTML and JSON results, tracebacks, and the
result tables Databricks keeps in output metadata) and finds identifiers, typing each value by the table header
or key above it. In a table or record that names a person (an MRN, a member id, a name column), its other date
columns (\`adm_date\`, \`fill_dt\`) are that person's dates; a table of counts by date has none. Columns that name a
role (\`owner\`, \`unit_manager\`, \`attending_name\`) hold staff, not patients. An id or a surname the file reports
elsewhere is reported in an output too (an MRN inside a photo's file name).

## Why is this bad?
A \`display(df)\` or pandas print of real rows, committed with the notebook, copies PHI out of Unity Catalog,
past every column mask and row filter.

## Example
A cell that printed \`patients.head()\` and was committed with its output.

## Use instead
Clear the output (the quick fix clears only the outputs that hold PHI), and configure the repository to
strip outputs on commit.
`,
};
