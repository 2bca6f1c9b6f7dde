/**
 * What a SQL text reads from Unity Catalog: table references (`FROM`/`JOIN`, `MERGE … USING`, one- to
 * three-part names, aliases), the columns it names (qualified or not, `*`), literals compared with columns,
 * and `USE CATALOG` / `USE SCHEMA` defaults. One pass over tokens; offsets are in the SQL text given.
 */
import type { Token } from '../engine/lexers/types';
import type { UcDefaults } from './ucModel';

export interface TableRef {
  readonly parts: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly alias?: string;
  /** Defaults in force where the reference sits. */
  readonly defaults: UcDefaults;
}

export interface ColumnRef {
  readonly name: string;
  readonly qualifier?: string;
  readonly start: number;
  readonly end: number;
  /** Index of the statement's tables, in SqlStatementRefs.tables. */
  readonly statement: number;
}

export interface StarRef {
  readonly qualifier?: string;
  readonly start: number;
  readonly end: number;
  readonly statement: number;
}

export interface ComparedLiteral {
  readonly column: ColumnRef;
  /** The literal's content span (no quotes). */
  readonly start: number;
  readonly end: number;
}

export interface SqlStatementRefs {
  readonly tables: TableRef[];
  readonly columns: ColumnRef[];
  readonly stars: StarRef[];
  readonly literals: ComparedLiteral[];
  readonly start: number;
  readonly end: number;
}

/** Keywords that end a table reference instead of being its alias. */
const CLAUSE_WORDS = new Set([
  'where', 'join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'semi', 'anti', 'natural', 'on', 'using',
  'group', 'order', 'having', 'limit', 'union', 'intersect', 'except', 'minus', 'window', 'qualify', 'lateral',
  'pivot', 'unpivot', 'tablesample', 'version', 'timestamp', 'when', 'set', 'select', 'as', 'sort', 'cluster',
  'distribute', 'offset', 'with', 'values', 'insert', 'into', 'partition', 'options',
]);

/** Words that are never column names. */
const SQL_WORDS = new Set([
  ...CLAUSE_WORDS, 'from', 'and', 'or', 'not', 'in', 'is', 'null', 'like', 'ilike', 'rlike', 'between', 'case',
  'then', 'else', 'end', 'by', 'distinct', 'all', 'any', 'exists', 'true', 'false', 'asc', 'desc', 'interval',
  'date', 'over', 'rows', 'range', 'preceding', 'following', 'unbounded', 'current', 'row', 'cast', 'table',
  'create', 'replace', 'view', 'temporary', 'temp', 'or', 'if', 'update', 'delete', 'merge', 'matched', 'use',
  'catalog', 'schema', 'database', 'alter', 'column', 'mask', 'drop', 'describe', 'show', 'nulls', 'first', 'last',
  'filter', 'within', 'escape', 'div',
]);

const COMPARISON = new Set(['=', '==', '!=', '<>', '<=>']);

export function sqlStatementRefs(text: string, tokens: readonly Token[], initial: UcDefaults = {}): { statements: SqlStatementRefs[]; defaults: UcDefaults } {
  const code = tokens.filter((t) => t.kind !== 'comment');
  const statements: SqlStatementRefs[] = [];
  let defaults = initial;
  let from = 0;
  for (let i = 0; i <= code.length; i++) {
    if (i < code.length && !(code[i].kind === 'punctuation' && text.slice(code[i].start, code[i].end) === ';')) continue;
    const stmt = code.slice(from, i);
    from = i + 1;
    if (stmt.length === 0) continue;
    const used = useStatement(text, stmt);
    if (used) {
      defaults = used.catalog !== undefined && used.schema === undefined && used.kind === 'catalog'
        ? { catalog: used.catalog }
        : { catalog: used.catalog ?? defaults.catalog, schema: used.schema };
      continue;
    }
    statements.push(statementRefs(text, stmt, defaults, statements.length));
  }
  return { statements, defaults };
}

function word(text: string, t: Token | undefined): string {
  if (!t || (t.kind !== 'identifier' && t.kind !== 'keyword')) return '';
  return text.slice(t.start, t.end).toLowerCase();
}

function nameOf(text: string, t: Token): string {
  return text.slice(t.valueStart ?? t.start, t.valueEnd ?? t.end);
}

function punct(text: string, t: Token | undefined, p: string): boolean {
  return !!t && (t.kind === 'punctuation' || t.kind === 'operator') && text.slice(t.start, t.end) === p;
}

/** `USE CATALOG c`, `USE SCHEMA s`, `USE DATABASE s`, `USE c.s`, `USE s`. */
function useStatement(text: string, stmt: readonly Token[]): { kind: 'catalog' | 'schema'; catalog?: string; schema?: string } | undefined {
  if (word(text, stmt[0]) !== 'use') return undefined;
  let i = 1;
  const kindWord = word(text, stmt[1]);
  const kind = kindWord === 'catalog' ? 'catalog' : 'schema';
  if (kindWord === 'catalog' || kindWord === 'schema' || kindWord === 'database') i = 2;
  const parts = qualifiedName(text, stmt, i);
  if (!parts) return undefined;
  if (kind === 'catalog') return { kind, catalog: parts.parts[0] };
  return parts.parts.length === 2 ? { kind, catalog: parts.parts[0], schema: parts.parts[1] } : { kind, schema: parts.parts[0] };
}

function isName(t: Token | undefined): boolean {
  return !!t && (t.kind === 'identifier' || t.kind === 'keyword');
}

function qualifiedName(text: string, stmt: readonly Token[], i: number): { parts: string[]; start: number; end: number; next: number } | undefined {
  if (!isName(stmt[i])) return undefined;
  const parts = [nameOf(text, stmt[i])];
  const start = stmt[i].start;
  let end = stmt[i].end;
  let j = i + 1;
  while (parts.length < 4 && punct(text, stmt[j], '.') && isName(stmt[j + 1])) {
    parts.push(nameOf(text, stmt[j + 1]));
    end = stmt[j + 1].end;
    j += 2;
  }
  return { parts, start, end, next: j };
}

function statementRefs(text: string, stmt: readonly Token[], defaults: UcDefaults, index: number): SqlStatementRefs {
  const tables: TableRef[] = [];
  const tableTokens = new Set<number>();
  const aliasTokens = new Set<number>();
  const cteNames = new Set<string>();
  const isMerge = word(text, stmt[0]) === 'merge';
  for (let i = 0; i < stmt.length; i++) {
    const w = word(text, stmt[i]);
    if (w === 'as' && punct(text, stmt[i + 1], '(') && isName(stmt[i - 1])) cteNames.add(nameOf(text, stmt[i - 1]).toLowerCase());
    if (w !== 'from' && w !== 'join' && !(isMerge && w === 'using')) continue;
    let j = i + 1;
    for (;;) {
      const q = qualifiedName(text, stmt, j);
      if (!q || punct(text, stmt[q.next], '(') || (q.parts.length === 1 && SQL_WORDS.has(q.parts[0].toLowerCase()))) break;
      for (let k = j; k < q.next; k++) tableTokens.add(k);
      let next = q.next;
      let alias: string | undefined;
      if (word(text, stmt[next]) === 'as' && isName(stmt[next + 1])) next++;
      if (isName(stmt[next]) && !CLAUSE_WORDS.has(word(text, stmt[next]))) {
        alias = nameOf(text, stmt[next]);
        aliasTokens.add(next);
        next++;
      }
      if (!(q.parts.length === 1 && cteNames.has(q.parts[0].toLowerCase()))) {
        tables.push({ parts: q.parts, start: q.start, end: q.end, alias, defaults });
      }
      if (!punct(text, stmt[next], ',') || w !== 'from') break;
      j = next + 1;
    }
  }
  const columns: ColumnRef[] = [];
  const stars: StarRef[] = [];
  const literals: ComparedLiteral[] = [];
  for (let i = 0; i < stmt.length; i++) {
    const t = stmt[i];
    if (punct(text, t, '*')) {
      const prev = stmt[i - 1];
      const qualified = punct(text, prev, '.') && isName(stmt[i - 2]);
      const startsList = !prev || ['select', 'distinct', 'all'].includes(word(text, prev)) || punct(text, prev, ',');
      if (qualified || startsList) stars.push({ qualifier: qualified ? nameOf(text, stmt[i - 2]) : undefined, start: t.start, end: t.end, statement: index });
      continue;
    }
    if (!isName(t) || tableTokens.has(i) || aliasTokens.has(i)) continue;
    if (punct(text, stmt[i + 1], '.') || punct(text, stmt[i + 1], '(')) continue;
    if (word(text, stmt[i - 1]) === 'as') continue;
    const name = nameOf(text, t);
    const quoted = text[t.start] === '`';
    if (!quoted && SQL_WORDS.has(name.toLowerCase())) continue;
    const qualifier = punct(text, stmt[i - 1], '.') && isName(stmt[i - 2]) ? nameOf(text, stmt[i - 2]) : undefined;
    const ref: ColumnRef = { name, qualifier, start: t.start, end: t.end, statement: index };
    columns.push(ref);
    literals.push(...comparedLiterals(text, stmt, i, ref));
  }
  const first = stmt[0];
  const last = stmt[stmt.length - 1];
  return { tables, columns, stars, literals, start: first.start, end: last.end };
}

function isLiteral(t: Token | undefined): t is Token {
  return !!t && (t.kind === 'string' || t.kind === 'number');
}

function literalSpan(t: Token): { start: number; end: number } {
  return { start: t.valueStart ?? t.start, end: t.valueEnd ?? t.end };
}

/** Literals compared with the column at `i`: `col = 'x'`, `'x' = col`, `col IN ('x', 'y')`, `col LIKE 'x'`. */
function comparedLiterals(text: string, stmt: readonly Token[], i: number, column: ColumnRef): ComparedLiteral[] {
  const out: ComparedLiteral[] = [];
  const op = stmt[i + 1];
  const opText = op ? text.slice(op.start, op.end).toLowerCase() : '';
  if ((COMPARISON.has(opText) || opText === 'like') && isLiteral(stmt[i + 2])) out.push({ column, ...literalSpan(stmt[i + 2]) });
  const qualifierOffset = punct(text, stmt[i - 1], '.') ? 2 : 0;
  const opBefore = stmt[i - 1 - qualifierOffset];
  if (opBefore && COMPARISON.has(text.slice(opBefore.start, opBefore.end)) && isLiteral(stmt[i - 2 - qualifierOffset])) {
    out.push({ column, ...literalSpan(stmt[i - 2 - qualifierOffset]) });
  }
  let j = i + 1;
  if (word(text, stmt[j]) === 'not') j++;
  if (word(text, stmt[j]) === 'in' && punct(text, stmt[j + 1], '(')) {
    for (let k = j + 2; k < stmt.length && k < j + 2 + 2000; k += 2) {
      if (!isLiteral(stmt[k])) break;
      out.push({ column, ...literalSpan(stmt[k]) });
      if (!punct(text, stmt[k + 1], ',')) break;
    }
  }
  return out;
}
