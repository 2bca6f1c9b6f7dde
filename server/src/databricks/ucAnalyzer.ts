/**
 * Unity Catalog checks over a document and the metadata of the tables it reads (`inputs.ucSnapshot`, from a
 * snapshot file or live lookups): `uc/unmasked-phi-column`, and literals compared with PHI-tagged columns
 * reported as embedded identifiers, typed by the tag.
 */
import type { AnalyzerInput, FileAnalyzer } from '../engine/analyzers';
import { CATEGORY_LABELS } from '../engine/categories';
import type { ResolvedConfig } from '../engine/config';
import { checkKeyedValue, classifyKey } from '../engine/detectors/keyed';
import type { Category, Finding, ScanDocument } from '../engine/model';
import { LineIndex } from '../engine/positions';
import { redact } from '../engine/redact';
import { embeddedIdentifier } from '../engine/rules/phi/embeddedIdentifier';
import { unmaskedPhiColumn } from '../engine/rules/uc';
import { parseSuppressions } from '../engine/suppression';
import { severityOf, toFindings, type Verdict } from './findings';
import type { TableRef } from './sqlRefs';
import { documentUcRefs, type LocatedStatement } from './ucReferences';
import {
  categoryOfTags, phiTagOf, resolveUcSettings, ucSnapshotOf, UcCatalog, type UcColumn, type UcSettings, type UcTable,
} from './ucModel';

/** A resolved reference to a table or column, in file offsets. */
export interface UcResolvedRef {
  readonly kind: 'table' | 'column' | 'star' | 'code-read';
  readonly table: UcTable;
  readonly column?: UcColumn;
  readonly start: number;
  readonly end: number;
  readonly cellIndex: number;
  readonly sourceOffset: number;
  /** The statement or code read the reference belongs to: a column is reported once per scope. */
  readonly scope: string;
  /** File offset where that statement (or the code line) starts: where a fix inserts its SQL. */
  readonly statementStart: number;
}

export interface UcTaggedLiteral {
  readonly table: UcTable;
  readonly column: UcColumn;
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly cellIndex: number;
  readonly sourceOffset: number;
  readonly value: string;
}

export interface UcResolution {
  readonly refs: UcResolvedRef[];
  readonly literals: UcTaggedLiteral[];
}

export function ucSettingsOf(config: ResolvedConfig): UcSettings {
  return resolveUcSettings(config.raw.uc);
}

function columnOf(table: UcTable, name: string): UcColumn | undefined {
  const n = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === n);
}

/** Resolves every reference of the document that Unity Catalog metadata knows; the rest is left alone. */
export function resolveUcRefs(document: ScanDocument, catalog: UcCatalog, settings: UcSettings): UcResolution {
  const { statements, codeReads } = documentUcRefs(document);
  const refs: UcResolvedRef[] = [];
  const literals: UcTaggedLiteral[] = [];
  for (const located of statements) resolveStatement(located, catalog, settings, refs, literals);
  for (const read of codeReads) {
    const table = catalog.resolve(read.table.parts, read.table.defaults);
    if (!table) continue;
    const map = read.cell.source.map;
    const at = { start: map.toFile(read.table.start), end: map.toFileEnd(read.table.end), cellIndex: read.cell.index, sourceOffset: read.table.start };
    refs.push({ kind: 'code-read', table, scope: `${read.cell.index}:read:${read.table.start}`, statementStart: at.start, ...at });
  }
  return { refs, literals };
}

function resolveStatement(located: LocatedStatement, catalog: UcCatalog, settings: UcSettings, refs: UcResolvedRef[], literals: UcTaggedLiteral[]): void {
  const { refs: stmt, cell, base } = located;
  const map = cell.source.map;
  const scope = `${cell.index}:${base + stmt.start}`;
  const statementStart = map.toFile(base + stmt.start);
  const at = (start: number, end: number) => ({
    start: map.toFile(base + start), end: map.toFileEnd(base + end), cellIndex: cell.index, sourceOffset: base + start, scope, statementStart,
  });
  const tables: { ref: TableRef; table: UcTable }[] = [];
  for (const ref of stmt.tables) {
    const table = catalog.resolve(ref.parts, ref.defaults);
    if (!table) continue;
    tables.push({ ref, table });
    refs.push({ kind: 'table', table, ...at(ref.start, ref.end) });
  }
  if (tables.length === 0) return;
  const byQualifier = (q: string | undefined) => {
    if (!q) return tables;
    const l = q.toLowerCase();
    return tables.filter((t) => t.ref.alias?.toLowerCase() === l || t.ref.parts[t.ref.parts.length - 1].toLowerCase() === l);
  };
  const resolved = new Map<object, { table: UcTable; column: UcColumn }>();
  for (const c of stmt.columns) {
    for (const { table } of byQualifier(c.qualifier)) {
      const column = columnOf(table, c.name);
      if (!column) continue;
      resolved.set(c, { table, column });
      refs.push({ kind: 'column', table, column, ...at(c.start, c.end) });
      break;
    }
  }
  for (const s of stmt.stars) {
    for (const { table } of byQualifier(s.qualifier)) {
      for (const column of table.columns) refs.push({ kind: 'star', table, column, ...at(s.start, s.end) });
    }
  }
  for (const lit of stmt.literals) {
    const r = resolved.get(lit.column);
    const tag = r ? phiTagOf(r.column.tags, settings) : undefined;
    if (!r || !tag) continue;
    const sqlValue = located.cell.source.text.slice(base + lit.start, base + lit.end);
    const where = at(lit.start, lit.end);
    literals.push({ table: r.table, column: r.column, tag, value: sqlValue, start: where.start, end: where.end, cellIndex: where.cellIndex, sourceOffset: where.sourceOffset });
  }
}

/** `uc/unmasked-phi-column` verdicts: one per statement (or code read), table and column. */
export function unmaskedVerdicts(resolution: UcResolution, settings: UcSettings): Verdict[] {
  const out: Verdict[] = [];
  const seen = new Set<string>();
  for (const ref of resolution.refs) {
    const columns = ref.kind === 'code-read' ? ref.table.columns : ref.column ? [ref.column] : [];
    for (const column of columns) {
      const tag = phiTagOf(column.tags, settings);
      if (!tag || column.mask) continue;
      const key = `${ref.scope}\0${ref.table.fullName}\0${column.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const how = ref.kind === 'star' ? ' through `*`' : ref.kind === 'code-read' ? ' (the whole table is read)' : '';
      out.push({
        rule: unmaskedPhiColumn, start: ref.start, end: ref.end, cellIndex: ref.cellIndex, sourceOffset: ref.sourceOffset,
        contextKey: column.name, fixes: ['add-column-mask', 'suppress'],
        message: `Column \`${column.name}\` of \`${ref.table.fullName}\` is tagged \`${tag}\` but has no column mask; this query reads it unmasked${how}`,
      });
    }
  }
  return out;
}

/** Literals compared with PHI-tagged columns: embedded identifiers, whatever their text looks like. */
export function taggedLiteralFindings(resolution: UcResolution, document: ScanDocument, config: ResolvedConfig): Finding[] {
  const severity = severityOf(embeddedIdentifier, config);
  if (!severity) return [];
  const suppressions = parseSuppressions(document);
  const lines = new LineIndex(document.text);
  const out: Finding[] = [];
  for (const lit of resolution.literals) {
    if (lit.value.trim() === '') continue;
    if (suppressions.suppresses(embeddedIdentifier.id, lit.cellIndex, lit.sourceOffset)) continue;
    const keyCategory = classifyKey(lit.column.name, config.contextWords);
    // The engine already reports a literal its own key context proves; one finding per literal.
    if (keyCategory && checkKeyedValue(keyCategory, lit.value, 'equals')) continue;
    const category: Category = categoryOfTags(lit.column.tags) ?? keyCategory ?? 'other-id';
    const redacted = redact(category, lit.value);
    const s = lines.position(lit.start);
    const e = lines.position(lit.end);
    out.push({
      ruleId: embeddedIdentifier.id, category, severity, redacted,
      message: `${CATEGORY_LABELS[category]} in ${embeddedIdentifier.where} (compared with \`${lit.column.name}\`, tagged \`${lit.tag}\` in Unity Catalog): ${redacted}`,
      range: { startOffset: lit.start, endOffset: lit.end, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character },
      regionKind: 'code', cellIndex: lit.cellIndex, contextKey: lit.column.name, fixes: embeddedIdentifier.fixes,
    });
  }
  return out;
}

export const ucAnalyzer: FileAnalyzer = {
  id: 'databricks/unity-catalog',
  appliesTo: (path) => /\.(sql|py|scala|r|ipynb)$/i.test(path),
  analyze(input: AnalyzerInput): Finding[] {
    const snapshot = ucSnapshotOf(input.inputs);
    if (!snapshot || !input.document) return [];
    const settings = ucSettingsOf(input.config);
    const resolution = resolveUcRefs(input.document, new UcCatalog(snapshot), settings);
    const verdicts = unmaskedVerdicts(resolution, settings);
    return [
      ...toFindings(verdicts, input.document.text, input.config, parseSuppressions(input.document)),
      ...taggedLiteralFindings(resolution, input.document, input.config),
    ];
  },
};
