/**
 * The columns each `CREATE TABLE name (col TYPE, …)` of a document's SQL cells declares, so that an `INSERT INTO
 * name VALUES (…)` with no column list (often in a later cell) has its values keyed by the table's columns, as
 * one with a column list has; and the fields of each Scala `case class Name(field: Type, …)`, so that its rows
 * (`Name("…", "…")`) in later cells are keyed by field, as the notebook's shared REPL scope reads them. Read from
 * the cells' source text, before any cell is scanned: the editor scanning one cell alone sees the same
 * declarations as a whole-file scan.
 */
import type { NotebookCell } from '../model';

/** Columns by table name, lower case, whole (`catalog.schema.table`) and by its last part when that is unique. */
export type TableColumns = ReadonlyMap<string, readonly string[]>;

export const NO_TABLES: TableColumns = new Map();

/** What a reader of declarations asks: a table's columns by the name an INSERT gives. */
export interface TableLookup {
  get(name: string): readonly string[] | undefined;
}

/** One declaration: the table's name (tableName) and its columns. */
export type TableDeclaration = readonly [string, readonly string[]];

/** The tables the document's SQL cells declare; NO_TABLES when none do. */
export function declaredTables(cells: readonly NotebookCell[]): TableColumns {
  return tableColumnsOf(cells.flatMap(declaredInCell));
}

/** The tables one cell declares (SQL cells), or its record types (Scala cells). */
export function declaredInCell(cell: NotebookCell): TableDeclaration[] {
  if (cell.kind !== 'code') return [];
  if (cell.language === 'sql') return tablesDeclaredIn(cell.source.text);
  return cell.language === 'scala' ? recordTypesDeclaredIn(cell.source.text) : [];
}

/** The name a record type is kept under beside the tables: no SQL table's name (lower case, no colon) is one. */
export function recordTypeKey(name: string): string {
  return `record:${name}`;
}

/** The (recordTypeKey, fields) of each `case class Name(field: Type, …)` of a Scala text. */
export function recordTypesDeclaredIn(text: string): TableDeclaration[] {
  const out: TableDeclaration[] = [];
  CASE_CLASS.lastIndex = 0;
  for (let m = CASE_CLASS.exec(text); m; m = CASE_CLASS.exec(text)) {
    const open = m.index + m[0].length - 1;
    const { parts, end } = topLevelParts(text, open, SCALA);
    const fields = parts.map((part) => FIELD.exec(part)?.[1]);
    if (fields.length > 0 && fields.every((f) => f !== undefined)) out.push([recordTypeKey(m[1]), fields as string[]]);
    CASE_CLASS.lastIndex = Math.max(end, open + 1);
  }
  return out;
}

/** Linear: each `\s+` run ends at the next word or bracket, which cannot start with a space. */
const CASE_CLASS = /\bcase\s+class\s+([A-Z]\w{0,127})\s*\(/g;
/** A field of a case class: `name: Type`, `val name: Type`, `private val name: Type = …`. */
const FIELD = /^\s*(?:(?:private|protected|override|final|val|var)\s+){0,3}([A-Za-z_]\w{0,127})\s*:/;

/** Declarations, in document order, as columns by name (a later one of the same name wins). */
export function tableColumnsOf(declarations: readonly TableDeclaration[]): TableColumns {
  return declarations.length > 0 ? byName(declarations) : NO_TABLES;
}

/** A digest of the declarations (names and columns), for a cache of scans that read them. */
export function tablesDigest(tables: TableColumns): string {
  if (tables.size === 0) return '';
  let digest = '';
  for (const [name, columns] of tables) digest += `${name}(${columns.join(',')});`;
  return digest.length <= MAX_DIGEST ? digest : `${digest.length}:${hash(digest)}`;
}

const MAX_DIGEST = 256;

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The (name, columns) of each `CREATE [OR REPLACE] [TEMP] TABLE|VIEW [IF NOT EXISTS] name (…)` in a SQL text. */
export function tablesDeclaredIn(text: string): TableDeclaration[] {
  const out: TableDeclaration[] = [];
  CREATE_TABLE.lastIndex = 0;
  for (let m = CREATE_TABLE.exec(text); m; m = CREATE_TABLE.exec(text)) {
    const open = m.index + m[0].length - 1;
    const { columns, end } = columnDefinitions(text, open);
    if (columns.length > 0) out.push([tableName(m[1]), columns]);
    // Declarations never overlap: the search goes on after this one's list, so each character is read once.
    CREATE_TABLE.lastIndex = Math.max(end, open + 1);
  }
  return out;
}

/** Linear: `\s+` runs end at the next word, which cannot start with a space. */
const CREATE_TABLE = /\bcreate\s+(?:or\s+replace\s+)?(?:(?:global\s+)?temp(?:orary)?\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?([\w`".]{1,200})\s*\(/gi;

/** Words that open a constraint or an option in a column list, not a column. */
const NOT_A_COLUMN = new Set(['constraint', 'primary', 'foreign', 'unique', 'check', 'index', 'key', 'partition', 'like']);

/** Longest column list read. */
const MAX_LIST = 64 * 1024;

/**
 * The column names of the list opening at `open` (the first word of each top-level definition) and where the
 * list ends; no columns when it does not close within MAX_LIST characters.
 */
function columnDefinitions(text: string, open: number): { columns: string[]; end: number } {
  const { parts, end } = topLevelParts(text, open, SQL);
  const columns: string[] = [];
  for (const part of parts) {
    const name = columnName(part);
    if (name) columns.push(name);
  }
  return { columns, end };
}

/** How a language quotes a string and opens a line comment, for reading its lists. */
interface ListSyntax {
  readonly quote: number;
  readonly comment: number;
}

const SQL: ListSyntax = { quote: 0x27 /* ' */, comment: 0x2d /* -- */ };
const SCALA: ListSyntax = { quote: 0x22 /* " */, comment: 0x2f /* // */ };

/**
 * The text of each top-level comma-separated part of the list opening at `open`, and where the list ends; no
 * parts when it does not close within MAX_LIST characters. Brackets nest; strings and line comments are skipped whole.
 */
function topLevelParts(text: string, open: number, syntax: ListSyntax): { parts: string[]; end: number } {
  const parts: string[] = [];
  const limit = Math.min(text.length, open + MAX_LIST);
  let depth = 0;
  let partStart = open + 1;
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === syntax.quote) {
      const close = text.indexOf(text[i], i + 1);
      if (close < 0 || close >= limit) break;
      i = close;
    } else if (c === syntax.comment && text.charCodeAt(i + 1) === syntax.comment) {
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0 || lineEnd >= limit) break;
      i = lineEnd;
    } else if (c === 0x28 /* ( */ || c === 0x5b /* [ */) {
      depth++;
    } else if ((c === 0x29 /* ) */ || c === 0x5d /* ] */) && depth > 0) {
      depth--;
    } else if (c === 0x29 || (c === 0x2c /* , */ && depth === 0)) {
      parts.push(text.slice(partStart, i));
      partStart = i + 1;
      if (c === 0x29) return { parts, end: i + 1 };
    }
  }
  return { parts: [], end: limit };
}

/** The first word of a column definition (`` `mrn` STRING NOT NULL``), unless it opens a constraint. */
function columnName(definition: string): string | undefined {
  const m = /^\s*(?:--[^\n]*\n\s*)*[`"]?([A-Za-z_][\w$]{0,127})[`"]?/.exec(definition);
  if (!m || NOT_A_COLUMN.has(m[1].toLowerCase())) return undefined;
  return m[1];
}

/** A table's name as an INSERT names it: lower case, without quotes. */
export function tableName(raw: string): string {
  return raw.replace(/[`"]/g, '').toLowerCase();
}

/** Columns by whole name, and by last part where only one table has it. */
function byName(found: readonly TableDeclaration[]): Map<string, readonly string[]> {
  const tables = new Map<string, readonly string[]>();
  const lastParts = new Map<string, readonly string[] | null>();
  for (const [name, columns] of found) {
    tables.set(name, columns);
    const last = name.slice(name.lastIndexOf('.') + 1);
    const known = lastParts.get(last);
    lastParts.set(last, known === undefined || (known !== null && known.join(',') === columns.join(',')) ? columns : null);
  }
  for (const [last, columns] of lastParts) if (columns && !tables.has(last)) tables.set(last, columns);
  return tables;
}
