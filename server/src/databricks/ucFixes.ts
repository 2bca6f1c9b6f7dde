/**
 * The add-mask quick fix for `uc/unmasked-phi-column`: a mask function named after the column and the
 * `ALTER TABLE … ALTER COLUMN … SET MASK …` that applies it, inserted before the query (as SQL in SQL files
 * and SQL cells, as `spark.sql(...)` in Python and Scala). A pure edit builder shared by the server and the CLI.
 */
import type { Finding, ScanDocument } from '../engine/model';
import { LineIndex } from '../engine/positions';
import { resolveUcRefs } from './ucAnalyzer';
import { cellLanguage } from './ucReferences';
import { UcCatalog, type UcColumn, type UcSettings, type UcSnapshot, type UcTable } from './ucModel';

export interface TextEdit {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly newText: string;
}

export interface MaskFix {
  readonly title: string;
  /** The SQL the fix adds, also for faces that show it rather than edit (e.g. .ipynb JSON). */
  readonly sql: string;
  readonly edits: readonly TextEdit[];
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function qualified(fullName: string): string {
  return fullName.split('.').map(quoteName).join('.');
}

/** The mask function and ALTER statement for one column, as SQL statements. */
export function maskStatements(table: UcTable, column: UcColumn, settings: UcSettings): string[] {
  const [catalog, schema] = table.fullName.split('.');
  const fn = `${quoteName(catalog)}.${quoteName(schema)}.${quoteName(`mask_${column.name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`)}`;
  const col = quoteName(column.name);
  const type = /^[A-Za-z0-9_<>(), ]{1,100}$/.test(column.type) && column.type ? column.type.toUpperCase() : 'STRING';
  const masked = type === 'STRING' ? `'***'` : 'NULL';
  return [
    `CREATE FUNCTION IF NOT EXISTS ${fn}(${col} ${type})\n  RETURN CASE WHEN is_account_group_member('${settings.unmaskedGroup}') THEN ${col} ELSE ${masked} END`,
    `ALTER TABLE ${qualified(table.fullName)} ALTER COLUMN ${col} SET MASK ${fn}`,
  ];
}

/** The fix for a `uc/unmasked-phi-column` finding, or undefined when the finding no longer resolves. */
export function ucMaskFix(document: ScanDocument, finding: Finding, snapshot: UcSnapshot, settings: UcSettings): MaskFix | undefined {
  if (finding.ruleId !== 'uc/unmasked-phi-column' || !finding.contextKey) return undefined;
  const column = finding.contextKey.toLowerCase();
  const ref = resolveUcRefs(document, new UcCatalog(snapshot), settings).refs.find((r) =>
    r.start === finding.range.startOffset && (r.kind === 'code-read' ? r.table.columns : r.column ? [r.column] : []).some((c) => c.name.toLowerCase() === column));
  if (!ref) return undefined;
  const col = ref.table.columns.find((c) => c.name.toLowerCase() === column);
  if (!col) return undefined;
  const statements = maskStatements(ref.table, col, settings);
  const sql = statements.map((s) => `${s};`).join('\n');
  const title = `Mask \`${col.name}\` of ${ref.table.fullName} in Unity Catalog`;
  if (document.format === 'ipynb') return { title, sql, edits: [] };
  const cell = document.cells.find((c) => c.index === ref.cellIndex);
  const lines = new LineIndex(document.text);
  const lineStart = lines.lineStart(lines.position(ref.statementStart).line);
  // In a source notebook, a %sql cell's lines carry `# MAGIC ` (or `-- MAGIC `): inserted lines carry it too.
  const indent = /^(?:(?:#|--|\/\/) MAGIC ?)?[ \t]*/.exec(document.text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const language = cell ? cellLanguage(cell, document.path) : 'sql';
  const header = `-- phisafe: mask ${col.name} (tagged PHI) before querying it; review, then run once`;
  let block: string;
  if (language === 'sql') {
    block = [header, ...statements.map((s) => `${s};`)].join('\n');
  } else if (language === 'python' || language === 'scala') {
    const comment = language === 'python' ? '#' : '//';
    block = [`${comment} phisafe: mask ${col.name} (tagged PHI) in Unity Catalog; review, then run once`, ...statements.map((s) => `spark.sql("""${s}""")`)].join('\n');
  } else {
    return { title, sql, edits: [] };
  }
  const newText = block.split('\n').map((l) => indent + l).join(eol) + eol;
  return { title, sql, edits: [{ startOffset: lineStart, endOffset: lineStart, newText }] };
}
