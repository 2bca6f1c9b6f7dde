import type { PhiRule } from '../types';

export const comment: PhiRule = {
  id: 'phi/comment',
  title: 'PHI in a comment',
  defaultSeverity: 'error',
  regionKind: 'comment',
  where: 'a comment',
  fixes: ['redact', 'suppress'],
  summary: 'A comment holds a patient identifier; describe the case without it.',
  docs: `## What it does
Finds Safe Harbor identifiers in code comments: names, record numbers, dates of birth, phone numbers and the
rest, using cue words ("patient", "MRN", "DOB") to tell them from codes and counts. What a comment holds in a
structure is read as that structure: a result pasted as a grid, pandas print or fixed-width text is typed by its
header, a log line of \`key=value\` pairs by its keys, commented-out code (\`# df[df.mrn.isin([...])]\`) as code,
and X12, HL7 v2 and FHIR messages by the positions and fields of their format. An id or a surname the file
reports elsewhere is reported here too, cue or not (\`# retired 00714460 -> …\` after \`WHERE mrn = '00714460'\`).
Staff are not patients: names in bylines and role notes (\`Jamal Whitfield (data eng)\`, \`Luis Arreola, BSN, RN\`)
and mail at an organisation's own domain stay quiet.

## Why is this bad?
Comments travel with the code into every clone, review and export, and no column mask protects them.

## Example
\`\`\`python
# re-ran for patient <name>, MRN <number> after the duplicate admit
\`\`\`

## Use instead
\`\`\`python
# re-ran for the patient in ticket DATA-123 after the duplicate admit
\`\`\`
The quick fix replaces the value with a placeholder such as \`[MRN]\`.
`,
};
