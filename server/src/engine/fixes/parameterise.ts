/**
 * Parameterise: replace an identifier literal in code with a value supplied at run time.
 *   Python / Scala / R literal      → dbutils.widgets.get("name"), plus one dbutils.widgets.text("name", "")
 *   SQL cell or file                → :name (a named parameter marker; Databricks binds it to a widget)
 *   SQL inside spark.sql("…") (Py)  → :name in the SQL and args={"name": dbutils.widgets.get("name")}
 * The name comes from the column the literal was compared with. The same name with a different value in one
 * batch, or a parameter already bound to something else, gets a suffix (_2, _3, ...).
 */
import type { Finding, NotebookCell, ScanDocument } from '../model';
import { cellOf, languageOf, lineBreakOf, lineEndAt } from './cells';
import { hasStringSyntax, scanStrings, spanContaining, type StringSpan } from './strings';
import type { FileEdit } from './types';

type Target =
  | { readonly kind: 'widget-get'; readonly literal: StringSpan }
  | { readonly kind: 'sql-marker'; readonly literal: StringSpan; readonly replaceFrom: number }
  | { readonly kind: 'sql-in-call'; readonly literal: StringSpan; readonly replaceFrom: number; readonly host: StringSpan; readonly call: CallArgs };

interface CallArgs {
  /** Offset of the call's closing `)`. */
  readonly close: number;
  /** Offset just past the `{` of an `args={...}` dict literal, when the call has one. */
  readonly argsDictOpen?: number;
  readonly argsDictText: string;
  /** Whether the last argument before `)` ends with a comma. */
  readonly trailingComma: boolean;
}

const WIDGET_DEFINITION = /dbutils\.widgets\.(?:text|dropdown|combobox|multiselect)\(\s*(?:name\s*=\s*)?["']([A-Za-z_]\w{0,100})["']/g;
const TYPED_LITERAL_KEYWORD = /\b(?:DATE|TIMESTAMP(?:_NTZ|_LTZ)?)\s{1,20}$/i;
const SQL_CALL = /\.sql\(\s{0,40}$/;
const PYTHON_KEYWORDS = new Set(['and', 'as', 'class', 'def', 'del', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'not', 'or', 'pass', 'return', 'while', 'with', 'yield', 'none', 'true', 'false']);

/** The parameter name a finding would get before clashes are resolved: its column, as an identifier. */
export function baseParameterName(finding: Finding): string {
  const raw = (finding.contextKey ?? finding.category).toLowerCase();
  let name = raw.replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  if (!name) name = 'value';
  if (/^\d/.test(name)) name = `p_${name}`;
  return PYTHON_KEYWORDS.has(name) ? `${name}_value` : name;
}

/** Whether the parameterise fix can rewrite this finding (it sits wholly in a literal we can replace). */
export function canParameterise(document: ScanDocument, finding: Finding): boolean {
  return parameteriseEdits(document, [finding]) !== undefined;
}

/**
 * Edits that parameterise every finding it can; undefined when none can be. Findings it cannot rewrite
 * (part of a longer literal, .ipynb JSON text, SQL assembled outside spark.sql) are left alone.
 */
export function parameteriseEdits(document: ScanDocument, findings: readonly Finding[]): FileEdit[] | undefined {
  const text = document.text;
  const planner = new Planner(document);
  const edits: FileEdit[] = [];
  const taken = new Set<number>();
  for (const finding of findings) {
    if (!finding.fixes.includes('parameterise')) continue;
    const target = planner.locate(finding);
    if (!target || taken.has(target.literal.start)) continue;
    taken.add(target.literal.start);
    const value = text.slice(finding.range.startOffset, finding.range.endOffset);
    const name = planner.allocate(baseParameterName(finding), value, target);
    if (target.kind === 'widget-get') {
      edits.push({ startOffset: target.literal.start, endOffset: target.literal.end, newText: `dbutils.widgets.get("${name}")` });
      planner.needWidget(name);
    } else {
      edits.push({ startOffset: target.replaceFrom, endOffset: target.literal.end, newText: `:${name}` });
      if (target.kind === 'sql-in-call') {
        planner.needArg(target.call, name);
        planner.needWidget(name);
      }
    }
  }
  if (edits.length === 0) return undefined;
  edits.push(...planner.insertions(findings));
  return edits.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
}

class Planner {
  private readonly text: string;
  private readonly spansByCell = new Map<number, StringSpan[]>();
  private readonly claims = new Map<string, string>();
  private readonly widgets: string[] = [];
  private readonly argsByCall = new Map<number, { call: CallArgs; names: string[] }>();
  private readonly definedWidgets: ReadonlySet<string>;

  constructor(private readonly document: ScanDocument) {
    this.text = document.text;
    this.definedWidgets = new Set([...this.text.matchAll(WIDGET_DEFINITION)].map((m) => m[1]));
  }

  locate(finding: Finding): Target | undefined {
    if (this.document.format === 'ipynb') return undefined;
    const cell = cellOf(this.document, finding.cellIndex);
    if (!cell || cell.kind !== 'code') return undefined;
    const language = languageOf(this.document, cell);
    if (!hasStringSyntax(language)) return undefined;
    const { startOffset: start, endOffset: end } = finding.range;
    const host = spanContaining(this.spans(cell, language), start, end);
    if (!host) return undefined;
    if (language === 'sql') return this.sqlTarget(host, start, end);
    const inner = spanContaining(scanStrings(this.text, host.contentStart, host.contentEnd, 'sql'), start, end);
    if (!inner) return coversContent(this.text, host, start, end) ? { kind: 'widget-get', literal: host } : undefined;
    if (language !== 'python' || host.prefix.toLowerCase().includes('b')) return undefined;
    const before = this.text.slice(Math.max(cell.fileStart, host.start - 60), host.start);
    if (!SQL_CALL.test(before)) return undefined;
    const call = this.callArgs(cell, language, host.end);
    const sql = this.sqlTarget(inner, start, end);
    if (!call || !sql) return undefined;
    return { kind: 'sql-in-call', literal: inner, replaceFrom: sql.replaceFrom, host, call };
  }

  /** Picks a free name: reused for the same value, suffixed when taken by another value or another meaning. */
  allocate(base: string, value: string, target: Target): string {
    for (let k = 1; ; k++) {
      const name = k === 1 ? base : `${base}_${k}`;
      const claimed = this.claims.get(name);
      if (claimed !== undefined) {
        if (claimed === value) return name;
        continue;
      }
      if (this.boundElsewhere(name, target)) continue;
      this.claims.set(name, value);
      return name;
    }
  }

  needWidget(name: string): void {
    if (!this.definedWidgets.has(name) && !this.widgets.includes(name)) this.widgets.push(name);
  }

  needArg(call: CallArgs, name: string): void {
    const entry = this.argsByCall.get(call.close) ?? { call, names: [] };
    if (!entry.names.includes(name) && !argBoundToWidget(call.argsDictText, name)) entry.names.push(name);
    this.argsByCall.set(call.close, entry);
  }

  insertions(findings: readonly Finding[]): FileEdit[] {
    const edits: FileEdit[] = [];
    for (const { call, names } of this.argsByCall.values()) {
      if (names.length === 0) continue;
      const entries = names.map((n) => `"${n}": dbutils.widgets.get("${n}")`).join(', ');
      if (call.argsDictOpen !== undefined) {
        edits.push({ startOffset: call.argsDictOpen, endOffset: call.argsDictOpen, newText: `${entries}, ` });
      } else {
        edits.push({ startOffset: call.close, endOffset: call.close, newText: `${call.trailingComma ? ' ' : ', '}args={${entries}}` });
      }
    }
    if (this.widgets.length > 0) edits.push(this.widgetInsertion(findings[0]));
    return edits;
  }

  private sqlTarget(literal: StringSpan, start: number, end: number): { kind: 'sql-marker'; literal: StringSpan; replaceFrom: number } | undefined {
    if (!coversContent(this.text, literal, start, end)) return undefined;
    const typed = TYPED_LITERAL_KEYWORD.exec(this.text.slice(Math.max(0, literal.start - 40), literal.start));
    return { kind: 'sql-marker', literal, replaceFrom: literal.start - (typed ? typed[0].length : 0) };
  }

  private boundElsewhere(name: string, target: Target): boolean {
    if (target.kind !== 'sql-in-call') return false;
    const dict = target.call.argsDictText;
    const hasKey = new RegExp(`["']${name}["']\\s*:`).test(dict);
    if (hasKey) return !argBoundToWidget(dict, name);
    const sql = this.text.slice(target.host.contentStart, target.host.contentEnd);
    return new RegExp(`:${name}\\b`).test(sql);
  }

  private spans(cell: NotebookCell, language: 'python' | 'sql' | 'scala' | 'r'): StringSpan[] {
    let spans = this.spansByCell.get(cell.index);
    if (!spans) {
      spans = scanStrings(this.text, codeStart(cell), cell.fileEnd, language);
      this.spansByCell.set(cell.index, spans);
    }
    return spans;
  }

  /** The rest of a call after its first argument: where it closes and its `args={...}`, if any. */
  private callArgs(cell: NotebookCell, language: 'python', from: number): CallArgs | undefined {
    const starts = new Map(this.spans(cell, language).map((s) => [s.start, s]));
    let depth = 0;
    let argsDictOpen: number | undefined;
    let lastSignificant = '';
    for (let i = from; i < cell.fileEnd; i++) {
      const span = starts.get(i);
      if (span) {
        i = span.end - 1;
        lastSignificant = '"';
        continue;
      }
      const c = this.text[i];
      if (c === '#') {
        i = lineEndAt(this.text, i);
        continue;
      }
      if (depth === 0 && c === ')') {
        const dictClose = argsDictOpen === undefined ? -1 : matchingBrace(this.text, argsDictOpen, i);
        return {
          close: i, argsDictOpen,
          argsDictText: argsDictOpen === undefined ? '' : this.text.slice(argsDictOpen, dictClose < 0 ? i : dictClose),
          trailingComma: lastSignificant === ',',
        };
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      if (depth < 0) return undefined;
      if (depth === 0 && c === 'a' && !/\w/.test(this.text[i - 1] ?? '')) {
        const m = /^args\s*=\s*\{/.exec(this.text.slice(i, i + 40));
        if (m) {
          argsDictOpen = i + m[0].length;
          depth++;
          i += m[0].length - 1;
          lastSignificant = '{';
          continue;
        }
        if (/^args\s*=/.test(this.text.slice(i, i + 40))) return undefined;
      }
      if (!/\s/.test(c)) lastSignificant = c;
    }
    return undefined;
  }

  private widgetInsertion(anchor: Finding): FileEdit {
    const text = this.text;
    const eol = lineBreakOf(text);
    const lines = this.widgets.map((n) => `dbutils.widgets.text("${n}", "")`);
    if (this.document.format === 'source-notebook') {
      const first = this.document.cells[0];
      const firstText = first ? text.slice(first.fileStart, first.fileEnd) : '';
      const defs = [...firstText.matchAll(WIDGET_DEFINITION)];
      if (first && defs.length > 0) {
        const last = defs[defs.length - 1];
        const at = lineEndAt(text, first.fileStart + (last.index ?? 0));
        return { startOffset: at, endOffset: at, newText: `${eol}${lines.join(eol)}` };
      }
      const headerEnd = lineEndAt(text, 0);
      const at = Math.min(text.length, headerEnd + eol.length);
      const marker = /^(\S{1,2}) Databricks notebook source/.exec(text)?.[1] ?? '#';
      // A SQL notebook's cells are SQL: the widget lines go in a %python cell there.
      const cellLines = marker === '--' ? ['-- MAGIC %python', ...lines.map((l) => `-- MAGIC ${l}`)] : lines;
      return { startOffset: at, endOffset: at, newText: `${cellLines.join(eol)}${eol}${eol}${marker} COMMAND ----------${eol}${eol}` };
    }
    const cell = cellOf(this.document, anchor.cellIndex);
    const at = preambleEnd(text, cell ? codeStart(cell) : 0);
    return { startOffset: at, endOffset: at, newText: `${lines.join(eol)}${eol}` };
  }
}

function coversContent(text: string, span: StringSpan, start: number, end: number): boolean {
  return text.slice(span.contentStart, start).trim() === '' && text.slice(end, span.contentEnd).trim() === '';
}

function argBoundToWidget(dict: string, name: string): boolean {
  return new RegExp(`["']${name}["']\\s*:\\s*dbutils\\.widgets\\.get\\(\\s*["']${name}["']\\s*\\)`).test(dict);
}

/** Where a cell's code starts in the file: after a `# DBTITLE` line and a `%sql` magic line. */
function codeStart(cell: NotebookCell): number {
  return cell.source.text.length > 0 ? Math.max(cell.fileStart, cell.source.map.toFile(0)) : cell.fileStart;
}

/** Past a shebang, an encoding line, a `%magic` line and `from __future__` imports, which must come first. */
function preambleEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const lineEnd = lineEndAt(text, at);
    const line = text.slice(at, lineEnd);
    if (!/^(?:#!|#.{0,20}coding[:=]|%|from __future__ import)/.test(line)) break;
    const nl = text.indexOf('\n', lineEnd);
    at = nl < 0 ? text.length : nl + 1;
  }
  return at;
}

function matchingBrace(text: string, open: number, limit: number): number {
  let depth = 1;
  for (let i = open; i < limit; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
