import type { PhiRule } from '../types';

export const widget: PhiRule = {
  id: 'phi/widget-value',
  title: 'PHI saved in a widget value',
  defaultSeverity: 'error',
  regionKind: 'widget',
  where: 'a saved widget value',
  fixes: ['redact'],
  summary: 'A Databricks notebook export keeps a patient identifier as a widget\'s current value, default or choice.',
  docs: `## What it does
Finds Safe Harbor identifiers in the values a notebook exported from Databricks as \`.ipynb\` saves with its
widgets, in the notebook's metadata: \`application/vnd.databricks.v1+notebook\` → \`widgets\` → each widget's
\`currentValue\`, and the \`defaultValue\` and dropdown \`choices\` of its \`widgetInfo\` and \`typedWidgetInfo\`. Each
value is typed by the widget's name, as a value under a column is (\`mrn\`, \`member_id\`, \`patient_name\`).

## Why is this bad?
Whatever was last typed into a widget is exported with the notebook, out of sight: the notebook editor shows no
metadata, and clearing outputs does not touch it.

## Example
A widget \`mrn\` whose saved \`currentValue\` is the record number of the patient last looked at.

## Use instead
Leave widget defaults empty, pass identifiers as job parameters, and clear the widget before exporting. The quick
fix replaces the saved value with a placeholder.
`,
};
