/**
 * The scanning pipeline: file → reader → document model → lexers and context → detectors → rules → findings.
 * Pure: no fs, no editor. The CLI and the language server both call scanText / scanDocument.
 */
import { createHmac } from 'node:crypto';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { findKeyedLiterals } from './context/codeContext';
import { findTableValues } from './context/outputTables';
import { compileCustomPatterns } from './detectors/custom';
import { scanFreeText } from './detectors';
import { checkBareNameValue, checkKeyedValue, classifyKey } from './detectors/keyed';
import type { Candidate, FreeTextContext } from './detectors/types';
import { ScanInputError } from './formats/errors';
import { decodeText } from './formats/decode';
import { readDocument } from './formats';
import { lexerFor } from './lexers';
import { analyzersFor } from './analyzers';
import { isPhiScannable } from './formats/support';
import type { Token } from './lexers/types';
import type {
  Category, Finding, FindingCategory, Language, NotebookCell, RegionKind, ScanDocument, ScanError, Severity, TextSlice,
} from './model';
import { LineIndex } from './positions';
import { phiRuleFor } from './rules/registry';
import type { PhiRule } from './rules/types';
import { parseSuppressions, type Suppressions } from './suppression';
import { CATEGORY_LABELS } from './categories';

export interface ScanOptions {
  readonly config?: ResolvedConfig;
  /** Extra inputs for analyzers (e.g. `ucSnapshot`). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** When given, each finding carries a salted fingerprint (baselines). */
  readonly fingerprintSalt?: string;
  /** Path used in fingerprints, so a baseline survives moving the repository. Defaults to the document path. */
  readonly fingerprintPath?: string;
}

export interface ScanResult {
  readonly findings: Finding[];
  readonly error?: ScanError;
  /** The parsed document, for callers that build fixes or hovers from it. */
  readonly document?: ScanDocument;
}

/** Scans raw file bytes: size limit, decoding, reading and scanning, with bad input turned into an error. */
export function scanBytes(path: string, bytes: Uint8Array, options: ScanOptions = {}): ScanResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const limit = config.maxFileSizeMB * 1024 * 1024;
  if (bytes.length > limit) {
    return { findings: [], error: { path, message: `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${config.maxFileSizeMB} MB limit (maxFileSizeMB); skipped` } };
  }
  try {
    return scanText(path, decodeText(bytes), options);
  } catch (e) {
    return { findings: [], error: { path, message: describeError(e) } };
  }
}

/** Scans decoded file text. Throws nothing for bad content: malformed notebooks come back as an error. */
export function scanText(path: string, text: string, options: ScanOptions = {}): ScanResult {
  let document: ScanDocument | undefined;
  // scanDocument's array is extended, never spread into another: a spread of 120,000 findings overflows the stack.
  let findings: Finding[] = [];
  try {
    if (isPhiScannable(path)) {
      document = readDocument(path, text);
      findings = scanDocument(document, options);
    }
    const input = { path, text, document, config: options.config ?? DEFAULT_CONFIG, inputs: options.inputs ?? {} };
    for (const analyzer of analyzersFor(path)) {
      for (const f of analyzer.analyze(input)) findings.push(withFingerprint(f, text, options, path));
    }
  } catch (e) {
    return { findings: [], error: { path, message: describeError(e) } };
  }
  findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  return { findings, document };
}

/** Whether any part of the engine reads this file (the PHI scan or an analyzer). */
export function isScannablePath(path: string): boolean {
  return isPhiScannable(path) || analyzersFor(path).length > 0;
}

/** Messages of our own input errors are safe to show; anything else is reported by kind alone. */
function describeError(e: unknown): string {
  if (e instanceof ScanInputError) return e.message;
  const name = e instanceof Error ? e.name : 'error';
  return `internal error while scanning (${name}); please report it`;
}

/** A candidate placed in a slice, before it becomes a finding. */
interface Placed {
  readonly slice: TextSlice;
  readonly start: number;
  readonly end: number;
  readonly head: FindingHead;
  readonly redacted: string;
  readonly cellIndex: number;
  readonly outputIndex?: number;
  /** Line of the finding inside the cell source, for line-level suppressions (source regions only). */
  readonly sourceOffset?: number;
}

/**
 * What every finding of one category in one kind of region under one key shares: rule, severity and the
 * message up to the redacted label. A table yields a finding per row, all with the same head.
 */
interface FindingHead {
  readonly category: Category;
  readonly regionKind: RegionKind;
  readonly rule: PhiRule;
  /** undefined when the rule is configured off. */
  readonly severity: Severity | undefined;
  readonly contextKey?: string;
  readonly relation?: KeyRelation;
  /** `<label> in <where> (<relation> \`key\`): `, followed by the redacted label in each message. */
  readonly message: string;
}

export function scanDocument(document: ScanDocument, options: ScanOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const keyClasses = new Map<string, KeyClass>();
  const context: ScanContext = {
    config,
    custom: compileCustomPatterns(config.customPatterns),
    placed: [],
    keyClasses,
    typesValues: (key) => {
      const k = keyClassOf(config, keyClasses, key);
      return k.category !== undefined || k.bareName;
    },
    freeTextMemo: new Map(),
    freeTextContexts: new Map(),
    heads: new Map(),
  };
  for (const cell of document.cells) scanCell(cell, context);

  const lines = new LineIndex(document.text);
  const suppressions = parseSuppressions(document);
  const allow = compileAllowList(config.allow);
  const findings: Finding[] = [];
  for (const p of dedupe(context.placed)) {
    const { rule, severity, category } = p.head;
    if (!severity) continue;
    if (suppressions.suppresses(rule.id, p.cellIndex, p.sourceOffset)) continue;
    // The matched text is read only where an allow list or a fingerprint needs it.
    const value = allow || options.fingerprintSalt !== undefined ? p.slice.text.slice(p.start, p.end) : '';
    if (allow?.(value)) continue;
    const startOffset = p.slice.map.toFile(p.start);
    const endOffset = p.slice.map.toFileEnd(p.end);
    const startLine = lines.lineOf(startOffset);
    const endLine = lines.lineOf(endOffset);
    findings.push({
      ruleId: rule.id,
      category,
      severity,
      message: p.head.message + p.redacted,
      redacted: p.redacted,
      range: {
        startOffset, endOffset, line: startLine, character: startOffset - lines.lineStart(startLine),
        endLine, endCharacter: endOffset - lines.lineStart(endLine),
      },
      regionKind: p.head.regionKind,
      cellIndex: p.cellIndex,
      outputIndex: p.outputIndex,
      contextKey: p.head.contextKey,
      fingerprint: options.fingerprintSalt === undefined ? undefined
        : fingerprint(options.fingerprintSalt, rule.id, category, options.fingerprintPath ?? document.path, value),
      fixes: rule.fixes,
    });
  }
  findings.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  return findings;
}

interface ScanContext {
  readonly config: ResolvedConfig;
  readonly custom: ReturnType<typeof compileCustomPatterns>;
  readonly placed: Placed[];
  /** What each column/key says about its values: a table repeats its header for every row, and classifying is costly. */
  readonly keyClasses: Map<string, KeyClass>;
  /** Whether a column/key types its values at all: table readers keep only the values of those. */
  readonly typesValues: (key: string) => boolean;
  /** Candidates of short free texts by region kind and text: code repeats its literals (dates, codes, ids). */
  readonly freeTextMemo: Map<RegionKind, Map<string, readonly Candidate[]>>;
  /** One detector context per region kind: every text of a kind is scanned with the same one. */
  readonly freeTextContexts: Map<RegionKind, FreeTextContext>;
  /** Finding heads by context key ('' for free text), a few each: one per region kind, category and relation. */
  readonly heads: Map<string, FindingHead[]>;
}

/** A key's category (classifyKey), or whether it is a bare `name` key, which types only name-shaped values. */
interface KeyClass {
  readonly category: Category | undefined;
  readonly bareName: boolean;
}

function scanCell(cell: NotebookCell, ctx: ScanContext): void {
  const base: Where = { cellIndex: cell.index, inSource: false };
  if (cell.kind === 'markdown') {
    freeText(ctx, cell.source, 0, cell.source.text.length, 'markdown', { ...base, inSource: true });
  } else {
    scanCode(ctx, cell, cell.language, 0, cell.source.text.length);
  }
  if (cell.title) freeText(ctx, cell.title, 0, cell.title.text.length, 'title', base);
  for (const out of cell.outputs) {
    const where: Where = { ...base, outputIndex: out.outputIndex };
    for (const text of out.texts) {
      const typed: number[] = [];
      for (const v of findTableValues(text.text, out.mime, ctx.typesValues)) {
        const c = keyed(ctx, text, v.key, 'table', v.start, v.end, 'output', where);
        if (c) typed.push(v.start + c.start, v.start + c.end);
      }
      freeText(ctx, text, 0, text.text.length, 'output', where, typed);
    }
    for (const k of out.keyed) keyed(ctx, k.value, k.key, 'table', 0, k.value.text.length, 'output', where);
  }
}

const SQL_START = /^\s*(?:select|with|insert|update|delete|merge|create|from)\b/i;
/** A comparison with a quoted or numeric literal: prose strings ("spoke with X and Y") are not re-lexed. */
// `(?:\(\s*)?` rather than `\(?\s*` after `\s*`: two adjacent whitespace runs backtrack quadratically on long blanks.
const SQL_PREDICATE = /[=<>]\s*['"\d]|\b(?:in|like)\s*(?:\(\s*)?['"]/i;

/** Scans code in [from, to) of the cell source; SQL held in string literals is scanned as SQL. */
function scanCode(ctx: ScanContext, cell: NotebookCell, language: Language, from: number, to: number): void {
  const slice = cell.source;
  const lexer = lexerFor(language);
  const text = from === 0 && to === slice.text.length ? slice.text : slice.text.slice(from, to);
  const where: Where = { cellIndex: cell.index, inSource: true };
  if (!lexer) {
    freeText(ctx, slice, from, to, 'comment', where);
    return;
  }
  const tokens: Token[] = lexer(text);
  for (const t of tokens) {
    const vs = from + (t.valueStart ?? t.start);
    const ve = from + (t.valueEnd ?? t.end);
    if (t.kind === 'comment') {
      freeText(ctx, slice, vs, ve, 'comment', where);
    } else if (t.kind === 'string' && ve > vs) {
      const content = slice.text.slice(vs, ve);
      if (language !== 'sql' && (SQL_START.test(content) || SQL_PREDICATE.test(content))) {
        scanCode(ctx, cell, 'sql', vs, ve);
      }
      freeTextOf(ctx, slice, vs, content, 'code', where);
    }
  }
  for (const k of findKeyedLiterals(language, text, tokens)) {
    keyed(ctx, slice, k.key, k.relation, from + k.start, from + k.end, 'code', where);
  }
}

interface Where {
  readonly cellIndex: number;
  readonly outputIndex?: number;
  /** In the cell source: findings there keep their offset for line-level suppressions. */
  readonly inSource: boolean;
}

/**
 * `judged` holds [start, end) pairs, relative to `from`, of values their column or key already found to be PHI: they
 * are blanked before the free-text pass, which would only find them again (a keyed finding wins every overlap)
 * and on a table output would re-read most of the text.
 */
function freeText(
  ctx: ScanContext, slice: TextSlice, from: number, to: number, regionKind: RegionKind, where: Where, judged?: readonly number[],
): void {
  if (to > from) freeTextOf(ctx, slice, from, blanked(slice.text.slice(from, to), judged), regionKind, where);
}

/** freeText of `text`, the slice's text from `from` on, already cut out (or blanked). */
function freeTextOf(ctx: ScanContext, slice: TextSlice, from: number, text: string, regionKind: RegionKind, where: Where): void {
  let fc = ctx.freeTextContexts.get(regionKind);
  if (!fc) ctx.freeTextContexts.set(regionKind, (fc = { regionKind, extraCues: configuredCues(ctx.config) }));
  for (const c of freeTextCandidates(ctx, text, fc)) place(ctx, slice, from, c, regionKind, where, undefined);
  for (const d of ctx.custom) {
    for (const c of d.find(text, fc)) place(ctx, slice, from, c, regionKind, where, undefined);
  }
}

/** The text with each [start, end) pair of `spans` (ascending, not overlapping) replaced by as many spaces. */
function blanked(text: string, spans: readonly number[] | undefined): string {
  if (!spans || spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < spans.length; i += 2) {
    parts.push(text.slice(at, spans[i]), spaces(spans[i + 1] - spans[i]));
    at = spans[i + 1];
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const SPACES: string[] = [];

/** `length` spaces; short runs (a table cell's value) are made once. */
function spaces(length: number): string {
  if (length > 64) return ' '.repeat(length);
  return (SPACES[length] ??= ' '.repeat(length));
}

/** Configured context words, or none: detectors then skip a lookup per category on every text. */
function configuredCues(config: ResolvedConfig): FreeTextContext['extraCues'] {
  return Object.keys(config.contextWords).length > 0 ? config.contextWords : undefined;
}

/** Texts up to this length are memoised: most code strings and comments are short, and long ones rarely repeat. */
const MEMO_MAX_LENGTH = 256;

/** scanFreeText, once per distinct short text and region kind in a document (its result depends on nothing else). */
function freeTextCandidates(ctx: ScanContext, text: string, fc: FreeTextContext): readonly Candidate[] {
  if (text.length > MEMO_MAX_LENGTH) return scanFreeText(text, fc);
  let byText = ctx.freeTextMemo.get(fc.regionKind);
  if (!byText) ctx.freeTextMemo.set(fc.regionKind, (byText = new Map()));
  let found = byText.get(text);
  if (!found) byText.set(text, (found = scanFreeText(text, fc)));
  return found;
}

function keyed(
  ctx: ScanContext, slice: TextSlice, key: string, relation: Parameters<typeof checkKeyedValue>[2],
  from: number, to: number, regionKind: RegionKind, where: Where,
): Candidate | undefined {
  const keyClass = keyClassOf(ctx.config, ctx.keyClasses, key);
  if (!keyClass.category && !keyClass.bareName) return undefined;
  const value = slice.text.slice(from, to);
  const c = keyClass.category ? checkKeyedValue(keyClass.category, value, relation) : checkBareNameValue(value);
  if (c) place(ctx, slice, from, c, regionKind, where, key, relation);
  return c;
}

function keyClassOf(config: ResolvedConfig, keyClasses: Map<string, KeyClass>, key: string): KeyClass {
  let keyClass = keyClasses.get(key);
  if (!keyClass) {
    const category = classifyKey(key, config.contextWords);
    keyClass = { category, bareName: !category && isBareNameKey(key) };
    keyClasses.set(key, keyClass);
  }
  return keyClass;
}

/** `{"name": …}` names anything; only a value shaped like a person's name counts under it. */
function isBareNameKey(key: string): boolean {
  return /^["'`]?name["'`]?$/i.test(key.trim());
}

function place(
  ctx: ScanContext, slice: TextSlice, from: number, c: Candidate, regionKind: RegionKind, where: Where,
  contextKey: string | undefined, relation?: KeyRelation,
): void {
  ctx.placed.push({
    slice, start: from + c.start, end: from + c.end, head: headFor(ctx, c.category, regionKind, contextKey, relation),
    redacted: c.redacted, cellIndex: where.cellIndex, outputIndex: where.outputIndex,
    sourceOffset: where.inSource ? from + c.start : undefined,
  });
}

function headFor(
  ctx: ScanContext, category: Category, regionKind: RegionKind, contextKey: string | undefined, relation: KeyRelation | undefined,
): FindingHead {
  let heads = ctx.heads.get(contextKey ?? '');
  if (!heads) ctx.heads.set(contextKey ?? '', (heads = []));
  let head = heads.find((h) => h.category === category && h.regionKind === regionKind && h.relation === relation && h.contextKey === contextKey);
  if (!head) heads.push((head = makeHead(ctx.config, category, regionKind, contextKey, relation)));
  return head;
}

function makeHead(
  config: ResolvedConfig, category: Category, regionKind: RegionKind, contextKey: string | undefined, relation: KeyRelation | undefined,
): FindingHead {
  const rule = phiRuleFor(regionKind);
  const keyNote = contextKey && relation ? ` (${RELATION_WORDS[relation]} \`${contextKey}\`)` : '';
  return {
    category, regionKind, rule, severity: severityFor(rule.id, rule.defaultSeverity, config), contextKey, relation,
    message: `${CATEGORY_LABELS[category]} in ${rule.where}${keyNote}: `,
  };
}

type KeyRelation = Parameters<typeof checkKeyedValue>[2];

/** How a message names the key that typed a value; a key is a column name, never PHI. */
const RELATION_WORDS: Readonly<Record<KeyRelation, string>> = {
  equals: 'compared with', 'not-equals': 'compared with', 'in-list': 'listed for', like: 'matched against',
  bound: 'compared with', assign: 'assigned to', table: 'column',
};

/** One finding per span: where detectors overlap, a keyed (context-typed) finding wins, then the longer one. */
function dedupe(placed: Placed[]): Placed[] {
  const bySlice = new Map<TextSlice, Placed[]>();
  for (const p of placed) {
    const list = bySlice.get(p.slice);
    if (list) list.push(p);
    else bySlice.set(p.slice, [p]);
  }
  const out: Placed[] = [];
  for (const list of bySlice.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: Placed | undefined;
    for (const p of list) {
      if (current && p.start < current.end) {
        if (better(p, current)) current = p;
        continue;
      }
      if (current) out.push(current);
      current = p;
    }
    if (current) out.push(current);
  }
  return out;
}

function better(a: Placed, b: Placed): boolean {
  if (!!a.head.contextKey !== !!b.head.contextKey) return !!a.head.contextKey;
  return a.end - a.start > b.end - b.start;
}

function severityFor(ruleId: string, fallback: Severity, config: ResolvedConfig): Severity | undefined {
  const s = config.rules[ruleId];
  if (s === 'off') return undefined;
  return s ?? fallback;
}

/** undefined without entries: the matched text then need not be read at all. */
function compileAllowList(entries: readonly string[]): ((value: string) => boolean) | undefined {
  if (entries.length === 0) return undefined;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const e of entries) {
    const m = /^\/(.*)\/([imsu]*)$/s.exec(e);
    if (m) patterns.push(new RegExp(`^(?:${m[1]})$`, m[2]));
    else exact.add(e.trim());
  }
  return (value) => exact.has(value.trim()) || patterns.some((p) => p.test(value));
}

/** Analyzer findings are fingerprinted here, from the file text under their range, like PHI findings. */
function withFingerprint(f: Finding, text: string, options: ScanOptions, path: string): Finding {
  if (options.fingerprintSalt === undefined || f.fingerprint !== undefined) return f;
  const value = text.slice(f.range.startOffset, f.range.endOffset);
  return { ...f, fingerprint: fingerprint(options.fingerprintSalt, f.ruleId, f.category, options.fingerprintPath ?? path, value) };
}

function fingerprint(salt: string, ruleId: string, category: FindingCategory, path: string, value: string): string {
  return createHmac('sha256', salt).update(`${ruleId}\0${category}\0${path}\0${value.trim().toLowerCase()}`).digest('hex').slice(0, 32);
}

export type { Suppressions };
