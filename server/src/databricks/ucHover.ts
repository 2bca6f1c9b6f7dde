/** Hover text for a table or column reference: its tags, its mask (or that it has none) and the row filter. */
import type { ScanDocument } from '../engine/model';
import { resolveUcRefs, type UcResolvedRef } from './ucAnalyzer';
import { phiTagOf, UcCatalog, type UcColumn, type UcSettings, type UcSnapshot, type UcTable, type UcTags } from './ucModel';

export interface UcHover {
  readonly markdown: string;
  readonly startOffset: number;
  readonly endOffset: number;
}

const MAX_COLUMNS = 40;

function tagList(tags: UcTags): string {
  const entries = Object.entries(tags);
  return entries.length ? entries.map(([k, v]) => (v ? `\`${k}=${v}\`` : `\`${k}\``)).join(', ') : 'none';
}

function maskText(column: UcColumn): string {
  return column.mask ? `masked by \`${column.mask.functionName}\`` : '**no mask**';
}

function columnLine(column: UcColumn, settings: UcSettings): string {
  const phi = phiTagOf(column.tags, settings) ? ' — PHI' : '';
  return `- \`${column.name}\` ${column.type}: tags ${tagList(column.tags)}; ${maskText(column)}${phi}`;
}

function rowFilterText(table: UcTable): string {
  return table.rowFilter ? `Row filter: \`${table.rowFilter.functionName}\`` : 'Row filter: none';
}

function describe(ref: UcResolvedRef, settings: UcSettings, source: string): string {
  const t = ref.table;
  if (ref.kind === 'column' && ref.column) {
    const c = ref.column;
    const phi = phiTagOf(c.tags, settings);
    return [
      `**\`${c.name}\`** ${c.type} in \`${t.fullName}\``, '',
      `Tags: ${tagList(c.tags)}${phi ? ` (PHI by \`${phi}\`)` : ''}`, '',
      `Mask: ${c.mask ? `\`${c.mask.functionName}\`` : 'no mask'}`, '',
      rowFilterText(t), '', `_Unity Catalog metadata (${source})_`,
    ].join('\n');
  }
  const cols = t.columns.slice(0, MAX_COLUMNS).map((c) => columnLine(c, settings));
  if (t.columns.length > MAX_COLUMNS) cols.push(`- … ${t.columns.length - MAX_COLUMNS} more`);
  return [
    `**\`${t.fullName}\`**${t.tableType ? ` (${t.tableType})` : ''}`, '', `Tags: ${tagList(t.tags)}`, '', rowFilterText(t), '',
    ...cols, '', `_Unity Catalog metadata (${source})_`,
  ].join('\n');
}

/** The hover at a file offset, or undefined when no known table or column is there. */
export function ucHover(document: ScanDocument, offset: number, snapshot: UcSnapshot, settings: UcSettings, source = 'snapshot'): UcHover | undefined {
  const refs = resolveUcRefs(document, new UcCatalog(snapshot), settings).refs.filter((r) => r.start <= offset && offset <= r.end);
  const ref = refs.find((r) => r.kind === 'column') ?? refs.find((r) => r.kind === 'table' || r.kind === 'code-read');
  if (!ref) return undefined;
  return { markdown: describe(ref, settings, source), startOffset: ref.start, endOffset: ref.end };
}
