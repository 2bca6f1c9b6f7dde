/**
 * The Unity Catalog references of a document: tables and columns its SQL reads (SQL cells and files, SQL in
 * string literals of Python/Scala/R) and tables read whole from code (`spark.table("…")`,
 * `spark.read.table("…")`, `DeltaTable.forName(spark, "…")`). Offsets are file offsets.
 */
import type { Language, NotebookCell, ScanDocument } from '../engine/model';
import { extensionOf } from '../engine/formats/support';
import type { Token } from '../engine/lexers/types';
import { sqlStatementRefs, type SqlStatementRefs, type TableRef } from './sqlRefs';
import { tokensOf } from './tokens';
import type { UcDefaults } from './ucModel';

/** A statement's references, with the cell and the way back to the file. */
export interface LocatedStatement {
  readonly refs: SqlStatementRefs;
  readonly cell: NotebookCell;
  /** Offset of the SQL text inside the cell source. */
  readonly base: number;
}

/** A table read whole by code (all its columns). */
export interface CodeTableRead {
  readonly table: TableRef;
  readonly cell: NotebookCell;
}

export interface DocumentUcRefs {
  readonly statements: LocatedStatement[];
  readonly codeReads: CodeTableRead[];
}

const SQL_IN_STRING = /^\s*(?:select|with|use|insert|merge|create|delete|update)\b/i;
const TABLE_CALLS = new Set(['table', 'forName']);

const EXTENSION_LANGUAGES: Readonly<Record<string, Language>> = { '.sql': 'sql', '.py': 'python', '.scala': 'scala', '.r': 'r' };

/** The cell's language; a plain file read as text takes it from the extension. */
export function cellLanguage(cell: NotebookCell, path: string): Language {
  return cell.language === 'text' ? EXTENSION_LANGUAGES[extensionOf(path)] ?? 'text' : cell.language;
}

export function documentUcRefs(document: ScanDocument): DocumentUcRefs {
  const statements: LocatedStatement[] = [];
  const codeReads: CodeTableRead[] = [];
  let defaults: UcDefaults = {};
  for (const cell of document.cells) {
    if (cell.kind !== 'code') continue;
    const language = cellLanguage(cell, document.path);
    const text = cell.source.text;
    if (language === 'sql') {
      defaults = addSql(statements, cell, text, 0, defaults);
      continue;
    }
    if (language !== 'python' && language !== 'scala' && language !== 'r') continue;
    const tokens = tokensOf(language, text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'string') continue;
      const vs = t.valueStart ?? t.start;
      const ve = t.valueEnd ?? t.end;
      const content = text.slice(vs, ve);
      if (SQL_IN_STRING.test(content)) {
        defaults = addSql(statements, cell, content, vs, defaults);
        continue;
      }
      if (isTableCallArgument(text, tokens, i)) {
        const parts = content.split('.').map((p) => p.replace(/^`|`$/g, ''));
        if (parts.length <= 3 && parts.every((p) => /^[\w-]{1,255}$/.test(p))) {
          codeReads.push({ cell, table: { parts, start: vs, end: ve, defaults } });
        }
      }
    }
  }
  return { statements, codeReads };
}

function addSql(out: LocatedStatement[], cell: NotebookCell, sql: string, base: number, defaults: UcDefaults): UcDefaults {
  const tokens = tokensOf('sql', sql);
  const result = sqlStatementRefs(sql, tokens, defaults);
  for (const refs of result.statements) out.push({ refs, cell, base });
  return result.defaults;
}

function tokenText(text: string, t: Token | undefined): string {
  return t ? text.slice(t.start, t.end) : '';
}

/** `.table("x")`, `.forName(spark, "x")`: the string at `i` is the table argument of such a call. */
function isTableCallArgument(text: string, tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  if (tokenText(text, tokens[j]) === ',') j -= 2;
  if (tokenText(text, tokens[j]) !== '(') return false;
  const name = tokenText(text, tokens[j - 1]);
  return TABLE_CALLS.has(name) && tokenText(text, tokens[j - 2]) === '.';
}

/** Three-part names of the tables a document reads, where its text (or USE statements) says them in full. */
export function referencedTableNames(document: ScanDocument): string[] {
  const { statements, codeReads } = documentUcRefs(document);
  const refs = [...statements.flatMap((s) => s.refs.tables), ...codeReads.map((r) => r.table)];
  const out = new Set<string>();
  for (const r of refs) {
    const { catalog, schema } = r.defaults;
    const full = r.parts.length === 3 ? r.parts
      : r.parts.length === 2 && catalog ? [catalog, ...r.parts]
        : r.parts.length === 1 && catalog && schema ? [catalog, schema, ...r.parts] : undefined;
    if (full) out.add(full.join('.').toLowerCase());
  }
  return [...out];
}
