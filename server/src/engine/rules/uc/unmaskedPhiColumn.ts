import type { RuleMeta } from '../types';

export const unmaskedPhiColumn: RuleMeta = {
  id: 'uc/unmasked-phi-column',
  title: 'Query reads a PHI-tagged column that has no mask',
  defaultSeverity: 'warning',
  summary: 'A query reads a Unity Catalog column tagged as PHI that has no column mask.',
  docs: `## What it does
Resolves the tables a query reads (\`FROM\`/\`JOIN\`, three-part names, \`USE CATALOG\`/\`USE SCHEMA\`,
\`spark.table("…")\`, \`spark.read.table("…")\`, \`DeltaTable.forName(spark, "…")\`) to their Unity Catalog metadata,
live or from a snapshot (\`phisafe lint --uc snapshot.json\`), and reports each column the query reads — by
name or through \`*\` — that carries a PHI tag (keys \`phi\`, \`pii\`, \`hipaa\` by default, configurable as
\`uc.phiTagKeys\` / \`uc.phiTagValues\`) and has no column mask. Only metadata is read, never table data.

## Why is this bad?
A PHI tag says the column holds protected health information; a column mask is what keeps it hidden from people
who may not see it. Without a mask, every notebook, dashboard and job that reads the table hands the raw values to
whoever runs it, and results, exports and logs carry them on. HIPAA's minimum-necessary standard and Databricks'
guidance for PHI in Unity Catalog call for masks or row filters on such columns.

## Example
\`\`\`sql
SELECT patient_ssn FROM main.clinical.patients
\`\`\`

## Use instead
Mask the column once, in Unity Catalog (the quick fix writes this, named after the column):
\`\`\`sql
CREATE FUNCTION IF NOT EXISTS main.clinical.mask_patient_ssn(patient_ssn STRING)
  RETURN CASE WHEN is_account_group_member('phi_readers') THEN patient_ssn ELSE '***' END;
ALTER TABLE main.clinical.patients ALTER COLUMN patient_ssn SET MASK main.clinical.mask_patient_ssn;
\`\`\`
`,
};
