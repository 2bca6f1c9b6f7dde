/**
 * The scanning pipeline: file → reader → document model → lexers and context → detectors → rules → findings.
 * Pure: no fs, no editor. The CLI and the language server both call scanText / scanDocument.
 */
import { createHmac } from 'node:crypto';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { findKeyedLiteralsIn, organisationCollections, quotedKeyDicts } from './context/codeContext';
import type { KeyedLiteral, TableValue } from './context/types';
import { findPastedTableValues, findQuotedRecordValues, findTableValues } from './context/outputTables';
import { organisationSections } from './context/organisationSections';
import { isFhirPerson } from './context/keyValues';
import { compileCustomPatterns } from './detectors/custom';
import { isOrganisationSite, speaksOfOrganisationOnly } from './detectors/geographic';
import { scanFreeText } from './detectors';
import { allDigits } from './detectors/text';
import { structTableValues } from './context/structColumns';
import { declaredTables, NO_TABLES, type TableColumns, type TableLookup } from './context/tableDeclarations';
import { checkBareNameValue, checkEncounterValue, checkKeyedValue, checkPersonTableValue, checkPortalUserValue, classifyKey, isBirthDateKey, isContactColumn, isJobTitleUnderKey, isEncounterKey, isPortalUserKey, isNameColumn, isOrganisationColumn, isOrganisationContactKey, isStaffRoleKey, isWorkforceKey, mayHoldEventDate, namesOrganisationCollection, namesEventDate, namesPatientOwner, personTableCategory, normaliseKey, PlaceKind, placeKindOf } from './detectors/keyed';
import type { Candidate, FreeTextContext } from './detectors/types';
import { ScanInputError } from './formats/errors';
import { decodeText } from './formats/decode';
import { readDocument } from './formats';
import { tokenWriterFor } from './lexers';
import { TokenList } from './lexers/chars';
import { analyzersFor } from './analyzers';
import { isPhiScannable } from './formats/support';
import { Kind } from './lexers/types';
import {
  DATABRICKS_TABLE, NO_CELL, type Category, type Finding, type FindingCategory, type KeyedSlice, type Language, type NotebookCell, type OutputRegion, type RegionKind,
  type ScanDocument, type ScanError, type Severity, type TextSlice,
} from './model';
import { LineIndex, lineAround } from './positions';
import { phiRuleFor } from './rules/registry';
import type { PhiRule } from './rules/types';
import { parseSuppressions, type Suppressions } from './suppression';
import { CATEGORY_LABELS } from './categories';
import { findRecurrences, mayRecur, RecurringValues, type Covered } from './recurrences';
import { isStaffs, StaffNames, staffEvidence, type StaffClaimText } from './staffNames';
import { mayHoldOrganisationResource, organisationResources } from './context/organisationResources';
import { datesOnRecordLine, nameAfterIdentifier, RECORD_WINDOW } from './recordDates';
import { addressFieldLiterals } from './context/addressFields';
import { redact } from './redact';

export interface ScanOptions {
  readonly config?: ResolvedConfig;
  /** Extra inputs for analyzers (e.g. `ucSnapshot`). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** When given, each finding carries a salted fingerprint (baselines). */
  readonly fingerprintSalt?: string;
  /** Path used in fingerprints, so a baseline survives moving the repository. Defaults to the document path. */
  readonly fingerprintPath?: string;
  /**
   * The tables the whole document's `CREATE TABLE`s declare (tableDeclarations.ts); read from the document scanned
   * when absent. The editor gives each cell it scans alone the whole file's.
   */
  readonly declaredTables?: TableColumns;
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
  // scanDocument's findings come sorted; only analyzer findings need a sort.
  let sorted = true;
  try {
    if (isPhiScannable(path)) {
      document = readDocument(path, text);
      findings = scanDocument(document, options);
    }
    const input = { path, text, document, config: options.config ?? DEFAULT_CONFIG, inputs: options.inputs ?? {} };
    for (const analyzer of analyzersFor(path)) {
      for (const f of analyzer.analyze(input)) {
        findings.push(withFingerprint(f, text, options, path));
        sorted = false;
      }
    }
  } catch (e) {
    return { findings: [], error: { path, message: describeError(e) } };
  }
  if (!sorted) findings.sort(byRange);
  return { findings, document };
}

function byRange(a: Finding, b: Finding): number {
  return a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset;
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

/**
 * Candidates placed in slices, before they become findings: one column per field instead of an object per
 * candidate (a table output places one per typed value, and they all live until the document is done). A slice's
 * candidates are placed together (a cell source, a title, an output text), so slices are kept per run of them.
 */
class Placements {
  count = 0;
  private capacity = 256;
  start: Int32Array = new Int32Array(this.capacity);
  end: Int32Array = new Int32Array(this.capacity);
  cellIndex: Int32Array = new Int32Array(this.capacity);
  /** NONE outside outputs. */
  outputIndex: Int32Array = new Int32Array(this.capacity);
  /** Offset of the finding in the cell source, for line-level suppressions; NONE outside source regions. */
  sourceOffset: Int32Array = new Int32Array(this.capacity);
  /** Index in `heads`. */
  headId: Int32Array = new Int32Array(this.capacity);
  readonly redacted: string[] = [];
  /** Every head placements refer to, by FindingHead.id. */
  readonly heads: FindingHead[] = [];
  /** The slice of each run of placements, and where each run starts. */
  readonly runSlices: TextSlice[] = [];
  readonly runStarts: number[] = [];
  /**
   * Dates placed because names are on their line (datesBesidePeople), by placement index: the names, shared by the
   * line's dates, emptied when an identifier no staff name can take back is on the line too.
   */
  readonly namedBy = new Map<number, string[]>();

  add(slice: TextSlice, start: number, end: number, head: FindingHead, redacted: string, where: Where): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    // Read only when there is a last run: a read at index -1 deoptimises add().
    if (this.runSlices.length === 0 || this.runSlices[this.runSlices.length - 1] !== slice) {
      this.runSlices.push(slice);
      this.runStarts.push(i);
    }
    this.start[i] = start;
    this.end[i] = end;
    this.cellIndex[i] = where.cellIndex;
    this.outputIndex[i] = where.outputIndex ?? NONE;
    this.sourceOffset[i] = where.inSource ? start : NONE;
    this.headId[i] = head.id;
    this.redacted.push(redacted);
  }

  get size(): number {
    return this.capacity;
  }

  /** Empties these placements, keeping no reference to a slice, head or label. */
  clear(): void {
    this.count = 0;
    this.redacted.length = 0;
    this.heads.length = 0;
    this.runSlices.length = 0;
    this.runStarts.length = 0;
    this.namedBy.clear();
  }

  /** Where run r of placements ends (exclusive). */
  runEnd(r: number): number {
    return r + 1 < this.runStarts.length ? this.runStarts[r + 1] : this.count;
  }

  head(i: number): FindingHead {
    return this.heads[this.headId[i]];
  }

  private grow(): void {
    this.capacity *= 2;
    this.start = grown(this.start, this.capacity);
    this.end = grown(this.end, this.capacity);
    this.cellIndex = grown(this.cellIndex, this.capacity);
    this.outputIndex = grown(this.outputIndex, this.capacity);
    this.sourceOffset = grown(this.sourceOffset, this.capacity);
    this.headId = grown(this.headId, this.capacity);
  }
}

/**
 * Placements for a document: the last document's, emptied, when there is one (a new typed list costs more than
 * filling one, and every document needs six).
 */
function takePlacements(): Placements {
  const spare = sparePlacements;
  sparePlacements = undefined;
  return spare ?? new Placements();
}

/** Empties placements and keeps them for the next document unless they grew large. */
function releasePlacements(placed: Placements): void {
  placed.clear();
  if (placed.size <= MAX_SPARE_CAPACITY) sparePlacements = placed;
}

let sparePlacements: Placements | undefined;
/** Up to this many placements (six 4-byte columns) are kept between documents. */
const MAX_SPARE_CAPACITY = 1 << 16;

/** An absent output index or source offset in Placements. */
const NONE = -1;

function grown(column: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(column);
  return next;
}

/**
 * What every finding of one category in one kind of region under one key shares: rule, severity and the
 * message up to the redacted label. A table yields a finding per row, all with the same head.
 */
interface FindingHead {
  /** Index in Placements.heads. */
  readonly id: number;
  readonly category: Category;
  readonly regionKind: RegionKind;
  readonly rule: PhiRule;
  /** undefined when the rule is configured off. */
  readonly severity: Severity | undefined;
  readonly contextKey?: string;
  readonly relation?: KeyRelation;
  /**
   * A date found under a birth-date key (`dob`, `birth_date`): the one date that recurs as itself, as a `display()`
   * result's HTML rendering repeats its rows' (`List(ZORBLATT, HAROLD, 19520314, …)`). Judged once per head.
   */
  readonly birthDate: boolean;
  /** `<label> in <where> (<relation> \`key\`): `, followed by the redacted label in each message. */
  readonly message: string;
  /**
   * The last redacted label and its message: a column's values often share a label (`****-**-**`), and findings
   * sharing one message string also share the work of writing it out.
   */
  lastLabel: string | undefined;
  lastMessage: string;
}

export function scanDocument(document: ScanDocument, options: ScanOptions = {}): Finding[] {
  const own = scanOwn(document, options);
  const again = own.recurring.size === 0 ? [] : recurringFindings(document, own.recurring, own.covered, options, own.facts);
  const widgets = scanWidgets(document, options, own.facts);
  if (again.length === 0 && widgets.length === 0) return own.findings;
  for (const f of again) own.findings.push(f);
  for (const f of widgets) own.findings.push(f);
  return own.findings.sort(byRange);
}

/**
 * Findings in the values a notebook saves with its widgets (ScanDocument.widgets), each typed by its widget's name
 * (`mrn`, `member_id`). They are scanned apart from the cells, whose recurring values and staff names they neither
 * give nor take, so the editor (which scans cells alone) and a whole-file scan find the same there.
 */
export function scanWidgets(document: ScanDocument, options: ScanOptions = {}, facts?: DocumentFacts): Finding[] {
  const widgets = document.widgets;
  if (!widgets || widgets.length === 0) return [];
  const config = options.config ?? DEFAULT_CONFIG;
  const ctx = new ScanContext(config);
  keyedSlices(ctx, widgets, 0, 'widget', { cellIndex: NO_CELL, outputIndex: undefined, inSource: false }, 'assign');
  return placeFindings(document, ctx.placed, facts ?? documentFacts(document, config), options, undefined).sort(byRange);
}

/** What scanning a document's own text gives: its findings (sorted) and the values they leave to look for again. */
export interface OwnScan {
  readonly findings: Finding[];
  readonly recurring: RecurringValues;
  /** Names the document says are staff's; findings of them in prose are already left out. */
  readonly staff: StaffNames;
  readonly facts: DocumentFacts;
  /** Where the findings are, per slice. */
  readonly covered: Covered;
  /** Whether the scan read the declared tables (an INSERT with no column list): its findings depend on them. */
  readonly tablesAsked: boolean;
}

/** What placing findings in a document reads, made once per document. */
interface DocumentFacts {
  readonly lines: LineIndex;
  readonly suppressions: Suppressions;
  readonly allow: ((value: string) => boolean) | undefined;
}

function documentFacts(document: ScanDocument, config: ResolvedConfig): DocumentFacts {
  return { lines: new LineIndex(document.text), suppressions: parseSuppressions(document), allow: compileAllowList(config.allow) };
}

/**
 * The detectors' findings in the document, and every reported value that could recur elsewhere in it. With
 * `evidence`, each kept finding that staff names of another document part could take back maps to what that
 * check reads (staffNames.ts staffEvidence): the editor combines cells scanned alone with it.
 */
export function scanOwn(document: ScanDocument, options: ScanOptions = {}, evidence?: Map<Finding, StaffClaimText>): OwnScan {
  const config = options.config ?? DEFAULT_CONFIG;
  const context = new ScanContext(config, options.declaredTables ?? declaredTables(document.cells));
  for (const cell of document.cells) scanCell(cell, context);
  datesBesidePeople(context.placed, config);
  const facts = documentFacts(document, config);
  const recurring = new RecurringValues();
  const bySlice = new Map<TextSlice, number[]>();
  const staff = context.staffNames;
  const findings = placeFindings(document, context.placed, facts, options, recurring, bySlice, staff, evidence);
  recurring.dropStaffSurnames(staff);
  // Every slice's findings are known here, so overlaps() is never asked.
  return {
    findings, recurring, staff, facts, covered: { inSlice: (slice) => bySlice.get(slice) ?? NO_RANGES, overlaps: () => true },
    tablesAsked: context.tablesAsked,
  };
}

const NO_RANGES: readonly number[] = [];

/**
 * Findings where `values` recur in the document (see recurrences.ts), but for any overlapping `covered`, the
 * [start, end) file offsets of findings already reported (ascending, not overlapping). Sorted.
 */
export function recurringFindings(
  document: ScanDocument, values: RecurringValues, covered: Covered, options: ScanOptions = {}, facts?: DocumentFacts,
): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const recurrences = findRecurrences(document.cells, values, covered);
  if (recurrences.length === 0) return [];
  const placed = takePlacements();
  const heads: FindingHead[] = [];
  for (const r of recurrences) {
    const head = headFor(placed.heads, config, heads, r.category, r.regionKind, undefined, undefined, 'also reported elsewhere in this file');
    placed.add(r.slice, r.start, r.end, head, redact(r.category, r.slice.text.slice(r.start, r.end)), r);
  }
  // A row whose name or id was reported on an earlier line (`('2400318842', …, TIMESTAMP'2024-03-04 …')`) holds
  // that person's dates as much as the first row did.
  datesBesidePeople(placed, config, covered);
  return placeFindings(document, placed, facts ?? documentFacts(document, config), options, undefined).sort(byRange);
}

/** Where findings are by their [start, end) file offsets (flat pairs, ascending by start, not overlapping). */
export function coveredByFileRanges(ranges: readonly number[]): Covered {
  return { inSlice: () => undefined, overlaps: (slice, start, end) => overlapsAny(ranges, slice.map.toFile(start), slice.map.toFileEnd(end)) };
}

/** Whether [start, end) overlaps a range of `covered` (flat pairs, ascending by start). */
function overlapsAny(covered: readonly number[], start: number, end: number): boolean {
  // The last range starting before `end`; ranges before it end no later, as none overlap.
  let lo = 0;
  let hi = covered.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (covered[mid * 2] < end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (covered[k * 2 + 1] > start) return true;
  return false;
}

/**
 * Placements as findings, one per span (see dedupe), with positions, suppressions, the allow list and
 * severities applied; values of the findings kept go to `recurring` when given.
 */
function placeFindings(
  document: ScanDocument, placed: Placements, facts: DocumentFacts, options: ScanOptions, recurring: RecurringValues | undefined,
  bySlice?: Map<TextSlice, number[]>, staff?: StaffNames, evidenceOf?: Map<Finding, StaffClaimText>,
): Finding[] {
  const { lines, suppressions, allow } = facts;
  const findings: Finding[] = [];
  const kept = dedupe(placed);
  for (let g = 0, k = 0; g < kept.slices.length; g++) {
    const slice = kept.slices[g];
    let spans: number[] | undefined;
    if (bySlice) bySlice.set(slice, (spans = []));
    for (; k < kept.groupEnds[g]; k++) {
      const i = kept.indices[k];
      spans?.push(placed.start[i], placed.end[i]);
      const head = placed.head(i);
      const { rule, severity, category } = head;
      if (!severity) continue;
      // What staff names could take back: read only where a staff name is known or the editor asks. A date put by
      // the names on its line goes with them.
      const claimed = staff && (staff.size > 0 || evidenceOf) ? staffClaimOf(placed, i, slice) : undefined;
      if (staff && claimed !== undefined && isStaffs(claimed, staff)) continue;
      const cellIndex = placed.cellIndex[i];
      const sourceOffset = placed.sourceOffset[i];
      if (suppressions.suppresses(rule.id, cellIndex, sourceOffset === NONE ? undefined : sourceOffset)) {
        // A value under a file-wide directive still recurs, as it does when the editor scans its cell alone.
        if (recurring && mayRecur(category) && suppressions.suppresses(rule.id, FILE_WIDE_ONLY, undefined)) {
          recurring.add(category, slice.text.slice(placed.start[i], placed.end[i]));
        }
        continue;
      }
      // The matched text is read only where an allow list, a fingerprint or a recurring value needs it.
      const seeds = recurring && (mayRecur(category) || head.birthDate);
      const value = allow || options.fingerprintSalt !== undefined || seeds ? slice.text.slice(placed.start[i], placed.end[i]) : '';
      if (allow?.(value)) continue;
      if (seeds) recurring.add(category, value, head.birthDate);
      const startOffset = slice.map.toFile(placed.start[i]);
      const endOffset = slice.map.toFileEnd(placed.end[i]);
      const startLine = lines.lineOf(startOffset);
      const endLine = lines.lineOf(endOffset);
      const redacted = placed.redacted[i];
      const outputIndex = placed.outputIndex[i];
      const finding: Finding = {
        ruleId: rule.id,
        category,
        severity,
        message: messageOf(head, redacted),
        redacted,
        range: {
          startOffset, endOffset, line: startLine, character: startOffset - lines.lineStart(startLine),
          endLine, endCharacter: endOffset - lines.lineStart(endLine),
        },
        regionKind: head.regionKind,
        cellIndex,
        outputIndex: outputIndex === NONE ? undefined : outputIndex,
        contextKey: head.contextKey,
        fingerprint: options.fingerprintSalt === undefined ? undefined
          : fingerprint(options.fingerprintSalt, rule.id, category, options.fingerprintPath ?? document.path, value),
        fixes: rule.fixes,
      };
      findings.push(finding);
      if (claimed !== undefined) evidenceOf?.set(finding, claimed);
    }
  }
  releasePlacements(placed);
  findings.sort(byRange);
  return findings;
}

/** Categories that say a line is about a person: the full dates on it are theirs (see recordDates.ts). */
const RECORD_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'name', 'ssn', 'mrn', 'health-plan-id', 'other-id', 'email', 'phone', 'geographic',
]);
/** Where people's records are written by hand: sources and titles (outputs' tables type their dates by column). */
const RECORD_REGIONS: ReadonlySet<RegionKind> = new Set<RegionKind>(['code', 'comment', 'markdown', 'title']);

/**
 * Places the full dates on each line of a source or title that holds a person's identifier (recordDates.ts).
 * Each line is read once, and only up to RECORD_WINDOW characters either side of the identifier.
 */
function datesBesidePeople(placed: Placements, config: ResolvedConfig, covered?: Covered): void {
  const runs = placed.runSlices.length;
  const heads: FindingHead[] = [];
  for (let r = 0; r < runs; r++) {
    const slice = placed.runSlices[r];
    const end = placed.runEnd(r);
    let lineEnd = -1;
    let lineStart = -1;
    // The names that put the current line's dates, shared by those dates; undefined when another identifier did.
    let namedBy: string[] | undefined;
    for (let i = placed.runStarts[r]; i < end; i++) {
      const head = placed.head(i);
      if (!RECORD_REGIONS.has(head.regionKind)) continue;
      const at = placed.start[i];
      // A birth date marks the line as a person's too (`… (BLU-0046220) dob=1950-08-30 elected 2024-07-11 -> dc …`).
      if (!RECORD_CATEGORIES.has(head.category) && !(head.category === 'date' && BIRTH_CUE_BEFORE.test(slice.text.slice(Math.max(0, at - 16), at)))) continue;
      if (IDENTIFIER_CATEGORIES.has(head.category)) nameBesideIdentifier(placed, config, heads, slice, i, covered);
      if (at >= lineStart && at < lineEnd) {
        if (namedBy && isPlainName(head)) namedBy.push(slice.text.slice(at, placed.end[i]));
        else if (namedBy) namedBy.length = 0;
        continue;
      }
      [lineStart, lineEnd] = lineAround(slice.text, at, at, RECORD_WINDOW);
      namedBy = undefined;
      const dates = datesOnRecordLine(slice.text, lineStart, lineEnd);
      if (dates.length === 0) continue;
      const where: Where = { cellIndex: placed.cellIndex[i], outputIndex: undefined, inSource: placed.sourceOffset[i] !== NONE };
      const dateHead = headFor(placed.heads, config, heads, 'date', head.regionKind, undefined, undefined, 'on a line that names a person');
      if (!covered && isPlainName(head)) namedBy = [slice.text.slice(at, placed.end[i])];
      for (let k = 0; k < dates.length; k += 2) {
        if (covered && isCovered(covered, slice, dates[k], dates[k + 1])) continue;
        if (namedBy) placed.namedBy.set(placed.count, namedBy);
        placed.add(slice, dates[k], dates[k + 1], dateHead, redact('date', slice.text.slice(dates[k], dates[k + 1])), where);
      }
    }
  }
}

/** A birth date's cue right before it (`dob=`, `DOB: `, `born `, `birth_date `). */
const BIRTH_CUE_BEFORE = /\b(?:dob|d\.o\.b\.?|birth[ _]?date|date of birth|born|bdate)\W{0,3}$/i;

/** Identifiers a comment after them may name the owner of. */
const IDENTIFIER_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['ssn', 'mrn', 'health-plan-id', 'other-id']);

/** Places the name a comment right after identifier i opens with (recordDates.ts nameAfterIdentifier). */
function nameBesideIdentifier(placed: Placements, config: ResolvedConfig, heads: FindingHead[], slice: TextSlice, i: number, covered: Covered | undefined): void {
  const idEnd = placed.end[i];
  const [, lineEnd] = lineAround(slice.text, idEnd, idEnd, RECORD_WINDOW);
  const name = nameAfterIdentifier(slice.text, idEnd, lineEnd);
  if (!name || (covered && isCovered(covered, slice, name[0], name[1]))) return;
  const head = placed.head(i);
  const where: Where = { cellIndex: placed.cellIndex[i], outputIndex: undefined, inSource: placed.sourceOffset[i] !== NONE };
  // The comment is a comment wherever its identifier sits.
  const regionKind = head.regionKind === 'code' ? 'comment' : head.regionKind;
  const nameHead = headFor(placed.heads, config, heads, 'name', regionKind, undefined, undefined, 'after a record number');
  placed.add(slice, name[0], name[1], nameHead, redact('name', slice.text.slice(name[0], name[1])), where);
}

/**
 * What staff names would have to hold to take placement i back (staffNames.ts staffEvidence), or undefined: for a
 * date put by names on its line (datesBesidePeople), those names.
 */
function staffClaimOf(placed: Placements, i: number, slice: TextSlice): StaffClaimText | undefined {
  const names = placed.namedBy.size > 0 ? placed.namedBy.get(i) : undefined;
  if (names) return names.length > 0 ? { category: 'name', text: names.join(' ') } : undefined;
  return staffEvidence(placed.head(i), slice.text, placed.start[i], placed.end[i]);
}

/** A name found in text, not typed by a key: staff names of the file may take it back. */
function isPlainName(head: FindingHead): boolean {
  return head.category === 'name' && head.contextKey === undefined;
}

/** Whether a finding already covers part of [start, end) of the slice. */
function isCovered(covered: Covered, slice: TextSlice, start: number, end: number): boolean {
  const own = covered.inSlice(slice);
  return own ? overlapsAny(own, start, end) : covered.overlaps(slice, start, end);
}

/** A cell index no directive has: only file-wide directives suppress a finding there. */
const FILE_WIDE_ONLY = -2;

/**
 * One document's scan. A class, not an object literal: V8 made the literal's boilerplate only after keyed() and
 * place() were optimised, and doing so widened the types of these fields, which deoptimised both.
 */
class ScanContext {
  readonly custom: ReturnType<typeof compileCustomPatterns>;
  readonly placed = takePlacements();
  /** What each column/key says about its values (shared between documents of one configuration: see keyClassesFor). */
  readonly keyClasses: Map<string, KeyClass>;
  /** The finding heads placed under each key class in this document, a few per class. */
  private readonly keyHeads = new Map<KeyClass, FindingHead[]>();
  /** What the free-text pass keeps per region kind (see FreeTextKind). */
  readonly freeTextKinds = new Map<RegionKind, FreeTextKind>();
  /** The head of cities and ZIP codes found after a street literal (addressFields). */
  readonly addressHeads: FindingHead[] = [];
  /** Names the document's tables and keys say are staff's (staffNames.ts). */
  readonly staffNames = new StaffNames();

  /** Whether an INSERT with no column list asked for a declared table's columns (the editor caches by it). */
  tablesAsked = false;
  /** The declared tables, noting that they were asked for. */
  readonly tables: TableLookup = {
    get: (name) => {
      this.tablesAsked = true;
      return this.declaredTables.get(name);
    },
  };

  constructor(readonly config: ResolvedConfig, readonly declaredTables: TableColumns = NO_TABLES) {
    this.custom = compileCustomPatterns(config.customPatterns);
    this.keyClasses = keyClassesFor(config);
  }

  headsOf(keyClass: KeyClass): FindingHead[] {
    let heads = this.keyHeads.get(keyClass);
    if (!heads) this.keyHeads.set(keyClass, (heads = []));
    return heads;
  }

  /**
   * Whether a column/key types its values at all: table readers keep only the values of those. A column of what
   * machines have (`unit_label`, `model`) is kept too: it says a table's serials are the machines'.
   */
  readonly typesValues = (key: string): boolean => {
    const k = keyClassOf(this.config, this.keyClasses, key);
    return typesItsValues(k) || k.untypedDate || k.thing;
  };
}

/** Whether a key says what its values are (a category, a name, a site, a role), or that a table's person owns them. */
function typesItsValues(k: Pick<KeyClass, 'category' | 'bareName' | 'encounter' | 'portalUser' | 'inPersonTable' | 'workforce' | 'staffRole' | 'organisation' | 'contactColumn' | 'nameColumn'>): boolean {
  return k.category !== undefined || k.bareName || k.encounter || k.portalUser || k.inPersonTable !== undefined || k.workforce || k.staffRole || k.organisation || k.contactColumn || k.nameColumn;
}

/** The free-text pass of one region kind in a document: callers look it up once for many texts. */
interface FreeTextKind {
  readonly regionKind: RegionKind;
  /** Every text of a kind is scanned with the same detector context. */
  readonly context: FreeTextContext;
  /** Candidates of short texts by text: code repeats its literals (dates, codes, ids). */
  readonly memo: Map<string, readonly Candidate[]>;
  /** Finding heads, one per category. */
  readonly heads: FindingHead[];
}

function freeTextKind(ctx: ScanContext, regionKind: RegionKind): FreeTextKind {
  let kind = ctx.freeTextKinds.get(regionKind);
  if (!kind) {
    kind = { regionKind, context: { regionKind, extraCues: configuredCues(ctx.config), staffNames: ctx.staffNames }, memo: new Map(), heads: [] };
    ctx.freeTextKinds.set(regionKind, kind);
  }
  return kind;
}

/** A key's category (classifyKey), or whether it is a bare `name` key, which types only name-shaped values. */
interface KeyClass {
  readonly category: Category | undefined;
  readonly bareName: boolean;
  /**
   * Names a workforce member (`on_failure`, `__author__`) or an organisation's contact (`CLINIC_PHONE`): its
   * literals are not read for PHI at all.
   */
  readonly workforce: boolean;
  /** Says what people do (`role`, `job_title`): a table with such a column lists staff, not patients. */
  readonly staffRole: boolean;
  /** FHIR's `family` or `given`: a column of them (a flattened Patient) is a column of names. */
  readonly namePart: boolean;
  /** A bare `patient` or `member`: its values are the person's id or the person's name (`| patient | Pruitt, Harland |`). */
  readonly personRef: boolean;
  /** A name normalised for matching (`name_norm`): lower case is expected there. */
  readonly normalisedName: boolean;
  /** An encounter's id (`enc_id`): a formatted number is a patient's, a plain integer a warehouse key. */
  readonly encounter: boolean;
  /** The name a patient signs in to the portal with (`portal_user`): a made-up handle is theirs. */
  readonly portalUser: boolean;
  /** Holds an NPI (`npi`, `reading_npi`): the table's people, unless it has a patient's column too, are practitioners. */
  readonly npi: boolean;
  /** Says its value is a patient's or an identifier only a patient has (`mrn`, `pat_last`, `dob`, `member_email`). */
  readonly ownsPatient: boolean;
  /** A word of the key says whose the value is: a patient's, a member's, a relative's (namesPatientOwner). */
  readonly patientOwner: boolean;
  /** Names an organisation (`site_name`, `org_npi`): a table with such a column and no person's lists sites. */
  readonly organisation: boolean;
  /** Whom or how to reach (`admissions_contact`, `remit_address`) where no detector types it: in a table of sites, the sites' (isContactColumn). */
  readonly contactColumn: boolean;
  /** A column of names no detector types (`display_name`): in a table of staff, theirs. */
  readonly nameColumn: boolean;
  /**
   * What an otherwise untyped column holds in a table that names a person: dates of their events (`adm_date`,
   * `fill_dt`), parts of their name (`first`, `last`) or their county. Undefined for any other key.
   */
  readonly inPersonTable: Category | undefined;
  /** A date key that names a birth date (`dob`, `child_dob`). */
  readonly birthDate: boolean;
  /** A column nothing else types whose full dates are a person's event dates in a table that identifies them (mayHoldEventDate). */
  readonly untypedDate: boolean;
  /**
   * A device's serial or UDI whose key says nothing of whose it is (`serial`, `logger_serial`, `udi`): in a table, a
   * patient's device only beside the patient; an implant's (`implant_serial`) is a patient's wherever it is.
   */
  readonly unownedDevice: boolean;
  /** Names what machines have (`model`, `room`, a site's column): a table with one and no person's is of machines. */
  readonly thing: boolean;
  /** For a geographic key, what kind of place it names (a ZIP code, a street, an area). */
  readonly place: PlaceKind;
}

function scanCell(cell: NotebookCell, ctx: ScanContext): void {
  if (cell.kind === 'markdown') {
    const where: Where = { cellIndex: cell.index, outputIndex: undefined, inSource: true };
    const text = cell.source.text;
    // Sections about the team or its sites (`### On-call / ownership`, `### Sites`) are not read: their names and numbers are theirs.
    let staff = organisationSections(text);
    // Their tables are still read, for the names of the staff and sites they give (`| CVH-TNM | CVH Tanner Mills
    // Community Hospital |`), which are theirs across the file.
    if (staff.length > 0) pastedTables(ctx, cell.source, ...startsAndEnds(staff), 'markdown', where, true);
    const resources = organisationResources(text);
    if (resources.length > 0) staff = mergedPairs(staff, resources);
    const [starts, ends] = outside(staff, text.length);
    const judged = pastedTables(ctx, cell.source, starts, ends, 'markdown', where);
    freeText(ctx, cell.source, 0, text.length, freeTextKind(ctx, 'markdown'), where, judged ? mergedPairs(staff, judged) : staff);
  } else {
    scanCode(ctx, cell, cell.language, 0, cell.source.text.length);
  }
  if (cell.title) {
    freeText(ctx, cell.title, 0, cell.title.text.length, freeTextKind(ctx, 'title'), { cellIndex: cell.index, outputIndex: undefined, inSource: false });
  }
  for (const out of cell.outputs) {
    const where: Where = { cellIndex: cell.index, outputIndex: out.outputIndex, inSource: false };
    for (const text of out.texts) {
      const typed: number[] = [];
      // An organisation's resource or registry record printed whole is not read, its keyed lines included.
      const resources = organisationResources(text.text);
      const values = findTableValues(text.text, out.mime, ctx.typesValues);
      keyedTableValues(ctx, text, resources.length > 0 ? values.filter((v) => !overlapsAny(resources, v.start, v.start + 1)) : values, undefined, 'output', where, typed);
      if (resources.length > 0) mergeSpans(typed, resources);
      freeText(ctx, text, 0, text.text.length, freeTextKind(ctx, 'output'), where, typed);
    }
    if (out.keyed.length > 0) {
      const from = ctx.placed.count;
      outputKeyedValues(ctx, out, where);
      if (out.mime === DATABRICKS_TABLE && ctx.placed.count > from) foundInRenderings(ctx, cell.outputs, out.outputIndex, from, where);
    }
  }
}

/**
 * A `display()` result's values found in its table, found again in the same output's HTML and plain renderings:
 * they hold the same rows, but a struct's fields there are one cell (`List(42 Zzyzx Ln, Oakport, 94607)`) that
 * no header types. Each rendering is cut at markup, brackets, bars and commas, and each piece (or two pieces a
 * comma joins, as `ZORBLATT, HAROLD`) that is a value found is reported as the table reported it.
 */
function foundInRenderings(ctx: ScanContext, outputs: readonly OutputRegion[], outputIndex: number, from: number, where: Where): void {
  const placed = ctx.placed;
  const found = new Map<string, number>();
  for (let r = placed.runSlices.length - 1; r >= 0; r--) {
    const text = placed.runSlices[r].text;
    for (let i = Math.max(placed.runStarts[r], from); i < placed.runEnd(r); i++) {
      const value = text.slice(placed.start[i], placed.end[i]);
      if (value.length >= MIN_RENDERED_VALUE && !found.has(value)) found.set(value, i);
    }
    if (placed.runStarts[r] <= from) break;
  }
  for (const out of outputs) {
    if (out.outputIndex !== outputIndex || out.mime === DATABRICKS_TABLE) continue;
    for (const slice of out.texts) {
      renderedPieces(slice.text, (start, end) => {
        const i = found.get(slice.text.slice(start, end));
        if (i === undefined) return false;
        placed.add(slice, start, end, placed.head(i), placed.redacted[i], where);
        return true;
      });
    }
  }
}

/** Shorter values are codes and counts a rendering repeats for other reasons. */
const MIN_RENDERED_VALUE = 3;
/** Longest piece looked up: a longer run between cuts is prose, not one cell's value. */
const MAX_RENDERED_PIECE = 200;

/**
 * Calls `take` with each trimmed piece of `text` between cuts (markup, brackets, bars, quotes, line ends, commas),
 * first joined to the next piece when a comma is the cut between them (`LAST, FIRST`, `41.58, -87.55`), then alone
 * when `take` does not want them joined.
 */
function renderedPieces(text: string, take: (start: number, end: number) => boolean): void {
  let pending = -1;
  let pendingEnd = -1;
  let pendingCut = -1;
  let lastCut = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isRenderingCut(text.charCodeAt(i))) continue;
    let start = lastCut + 1;
    let end = i;
    lastCut = i;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > start && pending >= 0 && text.charCodeAt(pendingCut) === 0x2c && end - pending <= MAX_RENDERED_PIECE && take(pending, end)) {
      pending = -1;
      continue;
    }
    if (pending >= 0 && pendingEnd - pending <= MAX_RENDERED_PIECE) take(pending, pendingEnd);
    pending = end > start ? start : -1;
    pendingEnd = end;
    pendingCut = i;
  }
  if (pending >= 0 && pendingEnd - pending <= MAX_RENDERED_PIECE) take(pending, pendingEnd);
}

/** Markup, brackets, bars, double quotes, line ends and commas: what a rendering puts between cells and fields. */
function isRenderingCut(c: number): boolean {
  return c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d
    || c === 0x7c || c === 0x22 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

/** [start, end) pairs as parallel start and end lists. */
function startsAndEnds(pairs: readonly number[]): [number[], number[]] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    starts.push(pairs[i]);
    ends.push(pairs[i + 1]);
  }
  return [starts, ends];
}

/** The spans of [0, length) outside the ascending [start, end) pairs, as parallel start and end lists. */
function outside(pairs: readonly number[], length: number): [number[], number[]] {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    ends.push(pairs[i]);
    starts.push(pairs[i + 1]);
  }
  ends.push(length);
  return [starts, ends];
}

const SQL_START = /^\s*(?:select|with|insert|update|delete|merge|create|from|grant|revoke|alter)\b/i;
/** A comparison with a quoted or numeric literal: prose strings ("spoke with X and Y") are not re-lexed. */
// `(?:\(\s*)?` rather than `\(?\s*` after `\s*`: two adjacent whitespace runs backtrack quadratically on long blanks.
const SQL_PREDICATE = /[=<>]\s*['"\d]|\b(?:in|like)\s*(?:\(\s*)?['"]/i;

const XML_END_TAG = /<\/[A-Za-z]/;

/** One TokenList per nesting level of scanCode (a cell's code, then SQL held in its strings), reused for every text. */
const tokenLists: TokenList[] = [];

/** Scans code in [from, to) of the cell source; SQL held in string literals is scanned as SQL. */
function scanCode(ctx: ScanContext, cell: NotebookCell, language: Language, from: number, to: number, depth = 0): void {
  const slice = cell.source;
  const writeTokens = tokenWriterFor(language);
  const text = from === 0 && to === slice.text.length ? slice.text : slice.text.slice(from, to);
  const where: Where = { cellIndex: cell.index, outputIndex: undefined, inSource: true };
  if (!writeTokens) {
    freeText(ctx, slice, from, to, freeTextKind(ctx, 'comment'), where);
    return;
  }
  const tokens = (tokenLists[depth] ??= new TokenList()).clear();
  writeTokens(text, tokens);
  const { code, comments } = tokens;
  const commentKind = freeTextKind(ctx, 'comment');
  const strings = freeTextKind(ctx, 'code');
  const keyedLiterals = findKeyedLiteralsIn(language, text, code, ctx.tables);
  const organisations = organisationStrings(text, code);
  const staff = literalsNotRead(ctx, keyedLiterals, text);
  const records = dictRecordsNotRead(ctx, text, code);
  const notRead = unionOf(unionOf(organisations, staff), records);
  // Values of tables pasted into comments that their columns judged (a staff member's name, a patient's MRN).
  const judged = commentTables(ctx, slice, from, text, comments, where);
  const within = judged && new PairsWithin(judged);
  const commentText = (c: number): void => {
    const start = from + comments.valueStart[c];
    const end = from + comments.valueEnd[c];
    freeText(ctx, slice, start, end, commentKind, where, within?.next(start, end));
  };
  // Comments and strings in text order, as one token list would give them.
  let c = 0;
  for (let i = 0; i < code.count; i++) {
    if (code.kind[i] !== Kind.String) continue;
    for (; c < comments.count && comments.start[c] < code.start[i]; c++) commentText(c);
    if (notRead?.has(code.valueStart[i])) {
      // An organisation's number or mail (`UNIT_PHONES = {"NICU": "(978) …"}`) is theirs where the file prints it.
      if (organisations?.has(code.valueStart[i])) ctx.staffNames.addContact(text.slice(code.valueStart[i], code.valueEnd[i]));
      continue;
    }
    const vs = from + code.valueStart[i];
    const ve = from + code.valueEnd[i];
    if (ve <= vs) continue;
    let content = slice.text.slice(vs, ve);
    // XML's `>1948` is no comparison: a string with an end tag is markup, not a query.
    const sql = language !== 'sql' && (SQL_START.test(content) || (SQL_PREDICATE.test(content) && !XML_END_TAG.test(content)));
    if (sql) {
      scanCode(ctx, cell, 'sql', vs, ve, depth + 1);
      content = blanked(content, quotedIdentifiers(tokenLists[depth + 1]));
    }
    // A FHIR person resource kept in a string (a fixture, a pasted payload) is read as the record it is, and a
    // table typed into a string (inline CSV for `read_csv(io.StringIO(…))`, a heredoc) as the table it is; a
    // query was read as SQL above.
    if (content.length > 40 && (isFhirPerson(content) || (!sql && content.includes('\n')))) {
      const judged = pastedTables(ctx, slice, [vs], [ve], 'code', where);
      if (judged) content = blanked(content, judged.map((p) => p - vs));
      // A JSON document kept in a string (a payload template) is records, as a dict written as code is.
      const records = !sql && QUOTED_KEY_OBJECT.test(content) ? staffAndOrganisationRecords(ctx, content) : undefined;
      if (records) content = blanked(content, records);
    }
    freeTextOf(ctx, slice, vs, content, strings, where, siteOrScrubberExample);
  }
  for (; c < comments.count; c++) commentText(c);
  addressFields(ctx, slice, from, text, code, where, notRead);
  if (depth === 0) commentedCode(ctx, slice, from, text, comments, language, where);
  let rows: TableValue[] | undefined;
  for (const k of keyedLiterals) {
    // A table's staff rows are judged again with the whole table; an organisation's collection is not read at all.
    if (k.table > 0 && !organisations?.has(k.start)) (rows ??= []).push({ key: k.key, start: from + k.start, end: from + k.end, table: k.table });
    else if (!notRead?.has(k.start)) keyed(ctx, slice, k.key, k.relation, from + k.start, from + k.end, 'code', where);
  }
  // Rows written as code (a DataFrame's, an INSERT's, a record type's) are a table like a printed one: a row that
  // identifies its person makes its dates and name parts theirs. Its staff's and sites' rows were not read above.
  if (rows) keyedTableValues(ctx, slice, rows, undefined, 'code', where, undefined, undefined, false, 'assign');
}

/**
 * The city and ZIP code literals that follow a street literal (context/addressFields.ts), but for those left
 * unread (a row of a table of sites: `notRead`).
 */
function addressFields(ctx: ScanContext, slice: TextSlice, from: number, text: string, code: TokenList['code'], where: Where, notRead: ReadonlySet<number> | undefined): void {
  const spans = addressFieldLiterals(text, code);
  if (spans.length === 0) return;
  const head = headFor(ctx.placed.heads, ctx.config, ctx.addressHeads, 'geographic', 'code', undefined, undefined, 'after a street address');
  for (let k = 0; k < spans.length; k += 2) {
    if (notRead?.has(spans[k])) continue;
    const start = from + spans[k];
    const end = from + spans[k + 1];
    ctx.placed.add(slice, start, end, head, redact('geographic', slice.text.slice(start, end)), where);
  }
}

/**
 * Tables pasted into comments (`# |mrn     |dob       |` under a show(), a pandas print kept for a thread): each
 * run of whole-line comments on consecutive lines, and each block comment, is read as one text by the output
 * table readers, so every value is typed by its column as it would be in the output itself.
 */
function commentTables(
  ctx: ScanContext, slice: TextSlice, from: number, text: string, comments: TokenList['comments'], where: Where,
): number[] | undefined {
  let judged: number[] | undefined;
  let runStart = 0;
  for (let c = 0; c < comments.count; c++) {
    const next = c + 1;
    if (next < comments.count && isNextLine(text, comments.end[c], comments.start[next])) continue;
    if (next - runStart >= 2 || isBlockComment(text, comments.valueStart[runStart], comments.valueEnd[runStart])) {
      const starts: number[] = [];
      const ends: number[] = [];
      for (let k = runStart; k < next; k++) {
        starts.push(from + comments.valueStart[k]);
        ends.push(from + comments.valueEnd[k]);
      }
      // The run's lines as one text, read by each reader below.
      const joined = joinedSpans(slice, starts, ends);
      const spans = pastedTables(ctx, slice, starts, ends, 'comment', where, false, joined);
      if (spans) {
        judged ??= [];
        for (const s of spans) judged.push(s);
      }
      // An organisation's resource or registry record pasted as comments (an NPPES lookup's JSON) is not read.
      const resources = mayHoldOrganisationResource(joined) ? resourceLines(joined, starts, ends) : undefined;
      if (resources) mergeSpans(judged ??= [], resources);
      // Nor are a dict's staff and sites printed as comments (a pprint of a config with its vendors' contacts).
      const records = QUOTED_KEY_OBJECT.test(joined) ? recordLines(ctx, joined, starts, ends) : undefined;
      if (records) mergeSpans(judged ??= [], records);
      // An X12 interchange pasted as comments is read as one text, as its loops run over lines: a subscriber's
      // `N4` city and `DTP` dates are theirs (their `NM1` is lines above), a billing provider's `N3` street is not.
      // Only a run no reader above took any of: their values are not read twice.
      if (!spans && !resources && !records && X12_LOOP.test(joined)) mergeSpans(judged ??= [], joinedFreeText(ctx, slice, joined, starts, ends, where));
    }
    runStart = next;
  }
  return judged;
}

/** An X12 `NM1` segment opening a line and another segment on a later line: loops that run over the lines. */
const X12_LOOP = /(?:^|\n)[ \t]*NM1\*[^\n]*\n[ \t]*[A-Z][A-Z0-9]{1,2}\*/;

/**
 * The free-text detectors over a comment run's lines as one text (`joined`), each finding placed back on its line;
 * returns the lines' spans, which the pass over each comment alone then leaves unread.
 */
function joinedFreeText(
  ctx: ScanContext, slice: TextSlice, joined: string, starts: readonly number[], ends: readonly number[], where: Where,
): number[] {
  const kind = freeTextKind(ctx, 'comment');
  const lineStarts: number[] = [];
  for (let i = 0, at = 0; i < starts.length; at += ends[i] - starts[i] + 1, i++) lineStarts.push(at);
  for (const c of freeTextCandidates(joined, kind)) {
    // The line holding the candidate: the last whose start is at or before it.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= c.start) lo = mid;
      else hi = mid - 1;
    }
    const shift = starts[lo] - lineStarts[lo];
    // A value across a line break is not one value.
    if (c.end + shift > ends[lo]) continue;
    ctx.placed.add(slice, c.start + shift, c.end + shift, freeTextHead(ctx, kind, c.category), c.redacted, where);
  }
  const spans: number[] = [];
  for (let i = 0; i < starts.length; i++) spans.push(starts[i], ends[i]);
  return spans;
}

/** An object with a quoted key (`{'name': `, `{"street": `): a dict or JSON print. */
const QUOTED_KEY_OBJECT = /\{\s*['"][\w .-]{1,40}['"]\s*:/;

/** The parts of the lines [starts[i], ends[i]) that staffAndOrganisationRecords finds in their joined text. */
function recordLines(ctx: ScanContext, joined: string, starts: readonly number[], ends: readonly number[]): number[] | undefined {
  const spans = staffAndOrganisationRecords(ctx, joined);
  return spans && linesOf(spans, starts, ends);
}

/** The parts of the lines [starts[i], ends[i]) that the organisations' resources in their joined text cover. */
function resourceLines(joined: string, starts: readonly number[], ends: readonly number[]): number[] | undefined {
  const resources = organisationResources(joined);
  if (resources.length === 0) return undefined;
  return linesOf(resources, starts, ends);
}

/** Ascending [start, end) pairs of the joined text of the lines [starts[i], ends[i]) as the slice's, cut at line ends. */
function linesOf(pairs: readonly number[], starts: readonly number[], ends: readonly number[]): number[] | undefined {
  const out: number[] = [];
  let lineStart = 0;
  let k = 0;
  for (let i = 0; i < starts.length; i++) {
    const lineEnd = lineStart + ends[i] - starts[i];
    while (k < pairs.length && pairs[k + 1] <= lineStart) k += 2;
    for (let r = k; r < pairs.length && pairs[r] < lineEnd; r += 2) {
      const s = Math.max(pairs[r], lineStart);
      const e = Math.min(pairs[r + 1], lineEnd);
      if (e > s) out.push(starts[i] + s - lineStart, starts[i] + e - lineStart);
    }
    lineStart = lineEnd + 1;
  }
  return out.length > 0 ? out : undefined;
}

/** A comment that reads as code comparing or listing literals: `F.col("mrn") == "…"`, `mrn IN ('…')`, `.isin([…])`. */
// `\(\s*(?:\[\s*)?` rather than `\(\s*\[?\s*`: two whitespace runs with only an optional `[` between backtrack
// quadratically on long blanks (recheck found it).
const CODE_IN_COMMENT = /[=<>]=?\s*['"]|\b(?:in|isin)\s*\(\s*(?:\[\s*)?['"]/i;

/**
 * Commented-out code (`# df.filter(F.col("mrn") == "…")`, `-- AND member_id = '…'`): each comment that reads as
 * code is lexed in the cell's language and its keyed literals are checked as they would be in code, reported as
 * the comment they sit in. The comment's own free-text pass still runs; a keyed finding wins where both report.
 */
function commentedCode(
  ctx: ScanContext, slice: TextSlice, from: number, text: string, comments: TokenList['comments'], language: Language, where: Where,
): void {
  const writeTokens = tokenWriterFor(language);
  if (!writeTokens) return;
  for (let c = 0; c < comments.count; c++) {
    const start = comments.valueStart[c];
    const end = comments.valueEnd[c];
    if (end - start < 8) continue;
    const content = text.slice(start, end);
    if (!CODE_IN_COMMENT.test(content)) continue;
    const tokens = (tokenLists[1] ??= new TokenList()).clear();
    writeTokens(content, tokens);
    for (const k of findKeyedLiteralsIn(language, content, tokens.code)) {
      keyed(ctx, slice, k.key, k.relation, from + start + k.start, from + start + k.end, 'comment', where);
    }
  }
}

/** Whether a lone comment spans lines (a block comment): it may hold a table of its own. */
function isBlockComment(text: string, valueStart: number, valueEnd: number): boolean {
  const lineBreak = text.indexOf('\n', valueStart);
  return lineBreak >= 0 && lineBreak < valueEnd;
}

/** Whether `start` opens the line after the one that `end` closes: only spaces and tabs before it on that line. */
function isNextLine(text: string, end: number, start: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) !== 10) return false;
  for (i++; i < start; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9) return false;
  }
  return i === start;
}

/**
 * A pasted table has columns (a `|`, a gap of two spaces between words, or commas or semicolons with no space after
 * them on some line: a device's CSV export), or is a printed Row, a log line of tight `key=value` pairs, XML (an end
 * tag) or YAML (two lines that open with `key:`).
 */
const TABLE_SHAPED = /\||\S {2,}\S|\t|Row\(|\w=[^\s=]|[^\s,],[^\s,]+,|[^\s;];[^\s;]+;|<\/[A-Za-z]|(?:^|\n)[ \t-]*[a-z_]\w*:(?: [^\n]*)?\n[ \t-]*[a-z_]\w*:/;

/**
 * Reads the spans [starts[i], ends[i]) of the slice, joined by line breaks, as pasted tables; values typed by their
 * column are checked as keyed values, each mapped back to its own span. Returns the spans their columns judged
 * (a staff member's name, an organisation's phone, a patient's MRN), ascending, for the free-text pass to pass over.
 */
function pastedTables(
  ctx: ScanContext, slice: TextSlice, starts: readonly number[], ends: readonly number[], regionKind: RegionKind, where: Where,
  theirs = false, joined = joinedSpans(slice, starts, ends),
): number[] | undefined {
  if (!TABLE_SHAPED.test(joined) && !isFhirPerson(joined)) return undefined;
  const values = findPastedTableValues(joined, ctx.typesValues);
  const shifts: number[] = [];
  let line = 0;
  let lineStart = 0;
  for (const v of values) {
    while (line + 1 < starts.length && v.start >= lineStart + (ends[line] - starts[line]) + 1) {
      lineStart += ends[line] - starts[line] + 1;
      line++;
    }
    // A value that spans a line break is not one value.
    shifts.push(v.end - lineStart > ends[line] - starts[line] ? NaN : starts[line] - lineStart);
  }
  const judged: number[] = [];
  keyedTableValues(ctx, slice, values, shifts, regionKind, where, judged, joined, theirs);
  return judged.length > 0 ? judged : undefined;
}

/** The spans [starts[i], ends[i]) of the slice as one text, a line break between each two (a comment run's lines). */
function joinedSpans(slice: TextSlice, starts: readonly number[], ends: readonly number[]): string {
  let joined = '';
  for (let i = 0; i < starts.length; i++) joined += (i > 0 ? '\n' : '') + slice.text.slice(starts[i], ends[i]);
  return joined;
}

/** Ascending [start, end) pairs handed out by ascending ranges, in one pass over them all. */
class PairsWithin {
  private k = 0;
  constructor(private readonly pairs: readonly number[]) {}

  /** The pairs inside [from, to), relative to `from`; `from` never goes back between calls. */
  next(from: number, to: number): number[] | undefined {
    const { pairs } = this;
    while (this.k < pairs.length && pairs[this.k] < from) this.k += 2;
    let within: number[] | undefined;
    while (this.k < pairs.length && pairs[this.k + 1] <= to) {
      (within ??= []).push(pairs[this.k] - from, pairs[this.k + 1] - from);
      this.k += 2;
    }
    return within;
  }
}

/** Two lists of ascending [start, end) pairs as one new list (mergeSpans). */
function mergedPairs(a: readonly number[], b: readonly number[]): number[] {
  const merged = [...a];
  mergeSpans(merged, b);
  return merged;
}

/**
 * Values an output typed by key (JSON leaves, a Databricks result's columns), each in its own slice. A Databricks
 * result is one table, whose rows are people, sites or staff as its columns say, like a printed table's.
 */
function outputKeyedValues(ctx: ScanContext, out: OutputRegion, where: Where): void {
  const table = out.mime === DATABRICKS_TABLE ? 1 : 0;
  const tables = keyedSlices(ctx, out.keyed, table, 'output', where, 'table');
  if (table) untypedCells(ctx, out, tables, where);
}

/** Values each in its own slice, typed by their keys as one table's (`table` > 0) or as lone keyed values (0). */
function keyedSlices(
  ctx: ScanContext, keyed: readonly KeyedSlice[], table: number, regionKind: RegionKind, where: Where, relation: KeyRelation,
): StaffAndOrganisationTables {
  const values = structTableValues(keyed, table);
  const slices = keyed.map((k) => k.value);
  return keyedTableValues(ctx, slices, values, undefined, regionKind, where, undefined, undefined, false, relation);
}

/**
 * A `display()` result's cells under columns no key types (`note`, `raw_message`, `comment`) are read as prose,
 * as a printed table's are: the result lives only in the output's metadata, so nothing else reads them. A table of
 * staff or organisations is theirs throughout.
 */
function untypedCells(ctx: ScanContext, out: OutputRegion, tables: StaffAndOrganisationTables, where: Where): void {
  const theirs = tables.staffTables !== undefined || tables.organisationTables !== undefined;
  const kind = freeTextKind(ctx, 'output');
  for (const k of out.keyed) {
    const text = k.value.text;
    if (text.length < MIN_PROSE_CELL || typesItsValues(keyClassOf(ctx.config, ctx.keyClasses, k.key)) || isPlainNumber(text)) continue;
    // A message's patient segments are a person's in anyone's table (a feed's log by sending facility), as are the
    // literals of a statement a user ran (an audit log's or a query history's `statement_text`).
    if (!theirs || HL7_PERSON_SEGMENT.test(text) || isStatement(text)) freeText(ctx, k.value, 0, text.length, kind, where);
  }
}

const HL7_PERSON_SEGMENT = /(?:^|[\r\n])(?:PID|NK1|IN1)\|/;

/** A SQL statement that filters or writes rows (`SELECT … WHERE dob = '…'`, `UPDATE … SET …`). */
function isStatement(text: string): boolean {
  return STATEMENT_VERB.test(text) && STATEMENT_CLAUSE.test(text);
}

const STATEMENT_VERB = /\b(?:select|update|insert|delete|merge)\b/i;
const STATEMENT_CLAUSE = /\b(?:where|values|set)\b/i;

/** Shorter cells are codes and flags. */
const MIN_PROSE_CELL = 6;

function isPlainNumber(text: string): boolean {
  return /^-?[0-9]+(?:\.[0-9]+)?$/.test(text);
}

/** Findings that make a table's rows (or a printed record) one person's each. */
const PERSON_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'name', 'ssn', 'mrn', 'health-plan-id', 'other-id', 'email', 'phone', 'fax', 'account-number',
]);

/**
 * Checks table values as keyed values, each at its offset plus its shift (NaN: skipped; no shifts: none) in the
 * one slice they share or in its own slice, and adds what was found to `typed` as start/end pairs (one slice
 * only). A date under an untyped date column (`adm_date`, `fill_dt`), a word under `first` or `last` or under
 * FHIR's `family` counts only when its table or record also holds a person's identifier: then every row is
 * someone's, and the dates of their stays and fills are theirs (Safe Harbor's element 3), while a table of counts
 * by date (or of the first and last day of a run) has none. `valuesText` is the text the values' offsets are in
 * when it is not the slice's (tables pasted in comments are read joined). `theirs`: the tables sit in a section about
 * the organisation (organisationSections), so every value is its staff's or its sites', as a staff table's are.
 * Returns the tables of staff and organisations it found among the values.
 */
function keyedTableValues(
  ctx: ScanContext, slices: TextSlice | readonly TextSlice[], values: readonly TableValue[], shifts: readonly number[] | undefined,
  regionKind: RegionKind, where: Where, typed: number[] | undefined, valuesText?: string, theirs = false, relation: KeyRelation = 'table',
): StaffAndOrganisationTables {
  const sliceOf = (i: number): TextSlice => (isSliceList(slices) ? slices[i] : slices);
  /** Value i's text ('' for a value its shift skips). */
  const valueOf = (i: number): string => {
    const shift = shifts ? shifts[i] : 0;
    return Number.isNaN(shift) ? '' : sliceOf(i).text.slice(values[i].start + shift, values[i].end + shift);
  };
  let personTables: Set<number> | undefined;
  /** Tables that name their people by more than a bare `name` column (an identifier, a birth date, a typed name). */
  let identifiedTables: Set<number> | undefined;
  let deferred: number[] | undefined;
  let nameParts: Map<number, number> | undefined;
  let siteRows: number[] | undefined;
  /** Tables with a column that speaks of a person (an identifier, a name, a patient's or member's key), found or not. */
  let personKeyTables: Set<number> | undefined;
  /** Tables with a column of what machines have (`model`, `room`, `firmware`, a site). */
  let thingTables: Set<number> | undefined;
  // Each value's key class, looked up once for the three passes over the values.
  const classes = values.map((v) => keyClassOf(ctx.config, ctx.keyClasses, v.key));
  const tables = tablesOfStaffAndOrganisations(ctx, values, valueOf, classes);
  const sites = typed ? rowsOfSites(values, classes, valueOf, (i) => valuesText ?? sliceOf(i).text) : undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const shift = shifts ? shifts[i] : 0;
    if (Number.isNaN(shift)) continue;
    const keyClass = classes[i];
    if (sites && keyClass.category !== undefined && ORGANISATION_CONTACT.has(keyClass.category) && overlapsAny(sites, v.start, v.start + 1)) {
      typed?.push(v.start + shift, v.end + shift);
      continue;
    }
    if (v.table > 0 && speaksOfPerson(keyClass)) (personKeyTables ??= new Set()).add(v.table);
    if (v.table > 0 && keyClass.thing) (thingTables ??= new Set()).add(v.table);
    // A cell of a table of staff under a column no word types, written as a name (`| discipline | lead | phone |
    // fte |`): the staff member's, as the table's numbers are.
    const staffsName = !theirs && v.table > 0 && tables.staffTables?.has(v.table) === true && keyClass.category === undefined
      && !typesItsValues(keyClass) && mayBeStaffName(valueOf(i));
    if (staffsName) ctx.staffNames.add(valueOf(i));
    if (theirs || staffsName || isStaffOrOrganisationContact(keyClass, v.table, tables, v.staff)) {
      // Kept from the free-text pass too, which would find the names and numbers again; a role outside a table is
      // no value. A site's address, number or contact keeps its whole row: the columns no detector types (`who`,
      // `ED charge`) are the site's too, and the free-text pass would read them without the site's name beside them.
      if (typed && ((keyClass.category !== undefined && ORGANISATION_CONTACT.has(keyClass.category)) || keyClass.contactColumn) && tables.organisationTables?.has(v.table)) {
        // A row's values come one after another: its line is found once.
        const at = v.start + shift;
        if (!siteRows || at < siteRows[siteRows.length - 2] || at >= siteRows[siteRows.length - 1]) {
          const text = valuesText ?? sliceOf(i).text;
          const [rowStart, rowEnd] = lineAround(text, v.start, v.start, text.length);
          (siteRows ??= []).push(rowStart + shift, rowEnd + shift);
        }
      } else if ((!keyClass.staffRole || v.table > 0) && !(typed && keyClass.category === undefined && !keyClass.workforce && namesOrganisationOnly(valueOf(i)))) {
        // A role cell of a table of staff is theirs too (`support / TAM Jorge Halloran`): its mail, blanked
        // beside it, would no longer say whose the name is. An organisation's own name is left for the free-text
        // pass to read: it says whose the number after it on its line is (`FROM: Zorblatt Family Medicine  555-…`).
        typed?.push(v.start + shift, v.end + shift);
      }
      noteStaffValue(ctx.staffNames, keyClass, valueOf(i));
      continue;
    }
    if (keyClass.inPersonTable || (keyClass.namePart && v.table > 0)) {
      if (v.table > 0) (deferred ??= []).push(i);
      if (keyClass.namePart) nameParts = withNamePart(nameParts, v);
      continue;
    }
    // A serial or a city is judged with its whole table: one of chambers, pumps or data loggers, or of census tracts
    // and their cities, names no person.
    if ((keyClass.unownedDevice || isAreaColumn(keyClass)) && v.table > 0) {
      (deferred ??= []).push(i);
      continue;
    }
    const c = keyed(ctx, sliceOf(i), v.key, relation, v.start + shift, v.end + shift, regionKind, where);
    if (!c) {
      if (v.table > 0 && (keyClass.bareName || keyClass.untypedDate || (keyClass.nameColumn && HL7_PERSON_NAME.test(sliceOf(i).text.slice(v.start + shift, v.end + shift))))) {
        (deferred ??= []).push(i);
      }
      continue;
    }
    typed?.push(v.start + shift + c.start, v.start + shift + c.end);
    // A birth date found in a table says its rows are people, as their identifiers do; other dates do not.
    if (v.table > 0 && (PERSON_CATEGORIES.has(c.category) || (c.category === 'date' && keyClass.birthDate))) {
      (personTables ??= new Set()).add(v.table);
      if (!keyClass.bareName) (identifiedTables ??= new Set()).add(v.table);
    }
  }
  // A table with a family and a given column (a flattened FHIR Patient) names people by them alone.
  if (nameParts) {
    for (const [table, parts] of nameParts) {
      if (parts !== BOTH_NAME_PARTS) continue;
      (personTables ??= new Set()).add(table);
      (identifiedTables ??= new Set()).add(table);
    }
  }
  if (typed && siteRows) mergeSpans(typed, siteRows);
  if (!deferred) return tables;
  const before = typed?.length ?? 0;
  const shared = sharedEquipment(values, classes, valueOf, deferred);
  for (const i of deferred) {
    const v = values[i];
    const from = v.start + (shifts ? shifts[i] : 0);
    const keyClass = classes[i];
    const area = isAreaColumn(keyClass);
    // A date or a place of an object nested in a person's record (a patient row's `home: {city, lat}` or `tests:
    // [{collected}]`) is that person's: its record is judged, not the object's own few fields.
    const table = (area || keyClass.untypedDate || keyClass.inPersonTable === 'geographic') && v.within && personTables?.has(v.within) ? v.within : v.table;
    // A person's identifier found in the table, or a column that speaks of one.
    const ofPerson = personTables?.has(table) === true || personKeyTables?.has(table) === true;
    if (keyClass.unownedDevice) {
      // A table of the organisation's machines: a column of what machines have, or of the staff who check them
      // (`pump_serial` beside `checked_by`), none of a person's. Its serials are the machines' own, here and
      // wherever they recur.
      // So is a column of serials shared by its people (one meter read on many newborns).
      if ((!ofPerson && (thingTables?.has(v.table) || tables.staffTables?.has(v.table))) || shared?.has(i)) {
        ctx.staffNames?.addSerial(valueOf(i));
        continue;
      }
      if (!ofPerson) continue;
    } else if (area ? !ofPerson : !personTables?.has(table)) {
      // A city, town or county is a person's only in a table that speaks of one; the other deferred values only
      // in one that holds a person's identifier.
      continue;
    }
    // A bare `name` column is read on a stronger word than its own other rows: a roster of interpreters names
    // some of its people in a form the name detector takes, and that says nothing of the rest.
    if ((keyClass.bareName || keyClass.nameColumn || keyClass.untypedDate) && !identifiedTables?.has(table)) continue;
    const category = keyClass.inPersonTable ?? (keyClass.untypedDate ? 'date' : keyClass.unownedDevice ? 'device-id' : area ? 'geographic' : 'name');
    const slice = sliceOf(i);
    const value = valueOf(i);
    // An untyped column's run of digits is a number before it is a date (`20240122` as a claim's or lot's), and a
    // year's release with an unpadded part a version (`2024.3.1`, a software's).
    const trimmed = value.trim();
    if (keyClass.untypedDate && (allDigits(trimmed, 0, trimmed.length) || CALENDAR_VERSION.test(trimmed))) continue;
    const c = checkPersonTableValue(v.key, category, value);
    if (!c) continue;
    // A serial listed beside its patient stays theirs, whatever table of machines lists it too.
    if (keyClass.unownedDevice && ofPerson) ctx.staffNames?.addPatientSerial(value.slice(c.start, c.end));
    place(ctx, slice, from, c, where, headFor(ctx.placed.heads, ctx.config, ctx.headsOf(keyClass), category, regionKind, v.key, 'table'));
    typed?.push(from + c.start, from + c.end);
  }
  // blanked() takes its spans in ascending order; the deferred values came after the rest.
  if (typed && typed.length > before) inAscendingPairs(typed);
  return tables;
}

/**
 * A name as HL7 writes it, family and given name apart by a caret (`DOE^JANE`). A bare `name` column, and such a
 * value under any `*_name` column (`unet_name`), are a person's in a table that names its people by an identifier
 * or a birth date too; alone they may name a drug, a site or a test.
 */
const HL7_PERSON_NAME = /^\s*[A-Za-z][A-Za-z' -]{1,30}\^[A-Za-z][A-Za-z' -]{1,30}(?:\^[A-Za-z]{0,20})?\s*$/;

const FAMILY_NAME_PART = 1;
const GIVEN_NAME_PART = 2;
const BOTH_NAME_PARTS = FAMILY_NAME_PART | GIVEN_NAME_PART;

/**
 * Notes which of FHIR's name parts a table has a column of. `family` alone names a blood product's family, a
 * drug's or a font's as well (`| family | group |` over `RBC | O NEG`): its values are names only in a table that
 * also has a `given` column or a person's identifier.
 */
function withNamePart(parts: Map<number, number> | undefined, v: TableValue): Map<number, number> {
  const map = parts ?? new Map<number, number>();
  const part = /family/i.test(v.key) ? FAMILY_NAME_PART : GIVEN_NAME_PART;
  map.set(v.table, (map.get(v.table) ?? 0) | part);
  return map;
}

function isSliceList(slices: TextSlice | readonly TextSlice[]): slices is readonly TextSlice[] {
  return Array.isArray(slices);
}

/**
 * What a table says of an organisation as of a person: where it is, how to reach it, its machines' serials, its
 * licences and its practitioners' (a credentialing table beside their NPIs).
 */
const ORGANISATION_CONTACT: ReadonlySet<Category> = new Set<Category>(['geographic', 'phone', 'fax', 'email', 'url', 'ip-address', 'device-id', 'license-number']);

/**
 * In one pass over a read's values: tables with a column of roles (`| role | name | contact |`) or whose only
 * people are workforce columns, whose people are staff; and tables of organisations (`| site_id | site_name | address | city | zip | npi |`), where a column names
 * an organisation and none a person (no name, id, date or other identifier), so their addresses, cities, ZIP
 * codes, phones and mailboxes are the organisations'. With `textOf` (a value's text), a table whose first column no
 * word types holds organisations' names is one of organisations too. `classes`, when given, are the values' key classes.
 */
function tablesOfStaffAndOrganisations(
  ctx: ScanContext, values: readonly TableValue[], textOf?: (i: number) => string, classes?: readonly KeyClass[],
): StaffAndOrganisationTables {
  let staffTables: Set<number> | undefined;
  let organisations: Set<number> | undefined;
  let people: Set<number> | undefined;
  let workforce: Set<number> | undefined;
  let npiTables: Set<number> | undefined;
  let patientTables: Set<number> | undefined;
  /** Per table: its first column's key, when no word types it, and how many of its values name an organisation or not. */
  let rowHeads: Map<number, { readonly key: string; sites: number; others: number }> | undefined;
  /** Tables whose people have more than a name in them: an identifier, a birth date. */
  let identified: Set<number> | undefined;
  /**
   * Per table, under a bare `name` key: whether its first value names an organisation (the record's own name; a
   * contact's joined object comes after it), and how many values do and do not.
   */
  let namedRecords: Map<number, { readonly first: boolean; orgs: number; others: number }> | undefined;
  /** The record each nested object's table sits in (`"intake": {…}` in a vendor's). */
  let parents: Map<number, number> | undefined;
  /** Tables with an account number. */
  let accounts: Set<number> | undefined;
  /** Records under a key naming organisations (`"vendors": {"lab_app": {…}}`). */
  let keyedOrganisations: Set<number> | undefined;
  /** Tables with a `who` column: a change log's, unless something in it names a patient. */
  let whoTables: Set<number> | undefined;
  /** Tables with a value a key names as a patient's (`pt_zip`, `patient_phone`). */
  let patientValues: Set<number> | undefined;
  /** Records whose `title` is a job's (`"title": "Accounts Manager"`): a member of staff's. */
  let titledTables: Set<number> | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.table <= 0) continue;
    const keyClass = classes ? classes[i] : keyClassOf(ctx.config, ctx.keyClasses, v.key);
    if (v.within) (parents ??= new Map()).set(v.table, v.within);
    if (v.organisation) (keyedOrganisations ??= new Set()).add(v.table);
    if (v.key.length <= 5 && v.key.trim().toLowerCase() === 'who') (whoTables ??= new Set()).add(v.table);
    // A patient's object joined to the record (`"patient": {"name": …}` beside a `facility`) makes it theirs.
    if (v.person) {
      (people ??= new Set()).add(v.table);
      (patientTables ??= new Set()).add(v.table);
    }
    if (textOf) {
      let head = (rowHeads ??= new Map()).get(v.table);
      if (!head) rowHeads.set(v.table, head = { key: typesItsValues(keyClass) ? '' : v.key, sites: 0, others: 0 });
      if (head.key === v.key) {
        if (namesOrganisationOnly(textOf(i))) head.sites++;
        else head.others++;
      }
      // A contact's name joined to the record (`"contacts": [{"name": …}]`) is not the record's own.
      if (keyClass.bareName && !v.joined) {
        const name = textOf(i);
        // A name with a mail address or a number in it is more than a name.
        const org = !NOT_A_BARE_NAME.test(name) && namesOrganisationOnly(name);
        let named = (namedRecords ??= new Map()).get(v.table);
        if (!named) namedRecords.set(v.table, named = { first: org, orgs: 0, others: 0 });
        if (org) named.orgs++;
        else named.others++;
      }
    }
    // An account number is a person's unless its table names an organisation (a vendor's or payer's `account_no`);
    // one whose key says whose (`patient_account_no`, `pt_acct`) is the patient's wherever it is.
    if (keyClass.category === 'account-number' && !keyClass.patientOwner) {
      (accounts ??= new Set()).add(v.table);
      continue;
    }
    if (keyClass.category && keyClass.category !== 'name' && !ORGANISATION_CONTACT.has(keyClass.category)) (identified ??= new Set()).add(v.table);
    if (keyClass.npi) (npiTables ??= new Set()).add(v.table);
    if (keyClass.ownsPatient) (patientTables ??= new Set()).add(v.table);
    if (keyClass.category !== undefined && keyClass.patientOwner) (patientValues ??= new Set()).add(v.table);
    if (keyClass.staffRole) (staffTables ??= new Set()).add(v.table);
    else if (textOf && keyClass.category === undefined && isJobTitleUnderKey(v.key, textOf(i))) {
      (staffTables ??= new Set()).add(v.table);
      (titledTables ??= new Set()).add(v.table);
    }
    if (keyClass.workforce) (workforce ??= new Set()).add(v.table);
    // A contact's name joined to a record (`"contact": {"name": …}`) makes it no person's: sites have contacts.
    else if ((keyClass.category && !ORGANISATION_CONTACT.has(keyClass.category) && !(v.joined && keyClass.category === 'name'))
      || (keyClass.inPersonTable === 'name' && !keyClass.contactColumn && !v.joined)
      // An implant's serial (`implant_serial`, `NeurostimulatorSerialNumber`) is a patient's, beside a manufacturer too.
      || (keyClass.category === 'device-id' && !keyClass.unownedDevice)) {
      (people ??= new Set()).add(v.table);
    }
    else if (keyClass.organisation) (organisations ??= new Set()).add(v.table);
  }
  // A record or table whose own `name` is an organisation's (`{name: "Northlake Community MH Center", address: …,
  // phone: …}`, a partner beside its contact's name), with no identifier of a person, is the organisation's: its
  // address and phone are the site's, its contact the site's contact.
  let namedOrganisations: Set<number> | undefined;
  if (namedRecords) {
    for (const [t, named] of namedRecords) {
      if (named.first && named.orgs >= named.others && !identified?.has(t) && !patientTables?.has(t)) (namedOrganisations ??= new Set()).add(t);
    }
  }
  // So is one a key says is an organisation's (`"vendors": {"surveillance_app": {"name": "Sentri7", "contact": {…}}}`).
  if (keyedOrganisations) {
    for (const t of keyedOrganisations) if (!identified?.has(t) && !patientTables?.has(t)) (namedOrganisations ??= new Set()).add(t);
  }
  if (accounts) {
    for (const t of accounts) {
      if (organisations?.has(t) || namedOrganisations?.has(t)) continue;
      (identified ??= new Set()).add(t);
      (people ??= new Set()).add(t);
    }
  }
  if (organisations && people) for (const t of people) organisations.delete(t);
  // So is one with a value a key says is a patient's (`callback=… pt_zip=… site=…` of a call log's line); a
  // patient's token or a `Client services` column says nothing of the row.
  if (organisations && patientValues) for (const t of patientValues) organisations.delete(t);
  if (namedOrganisations) for (const t of namedOrganisations) (organisations ??= new Set()).add(t);
  // A table whose rows open with organisations (`Cedar County EMS`, `Harlan Valley Hospital`, under a first column
  // no word types) is a directory of sites, as one keyed by `site_name` is; the people it names, if nothing but
  // their names, are the sites' contacts.
  if (rowHeads) {
    for (const [t, head] of rowHeads) {
      if (!head.key || head.sites < 3 * head.others || identified?.has(t) || patientTables?.has(t)) continue;
      // One record (`medicare_ffs: {mac: "Palmetto GBA", phone: …}`) is a site's only if it names nobody.
      if (head.sites < 2 && (head.others > 0 || people?.has(t))) continue;
      (organisations ??= new Set()).add(t);
      if (people?.has(t)) (staffTables ??= new Set()).add(t);
    }
  }
  // An object nested in an organisation's record that names nobody (a vendor's `"intake": {"phone": …, "fax": …}`)
  // is the organisation's too; parents come before their objects, so one pass in table order settles each chain.
  if (parents && organisations) {
    for (const [t, parent] of [...parents].sort((a, b) => a[0] - b[0])) {
      if (organisations.has(parent) && !people?.has(t) && !identified?.has(t) && !patientTables?.has(t) && !namedRecords?.get(t)?.others) organisations.add(t);
    }
  }
  // A table whose people are all workforce (`| Unit | Nurse manager | Phone |`, `transporterId | displayName`)
  // lists staff: its names and numbers are theirs. Not one with a column a patient or caller owns (a follow-up queue's
  // `callback_number` beside the `counselor` who calls).
  if (workforce) for (const t of workforce) if (!people?.has(t) && !patientTables?.has(t)) (staffTables ??= new Set()).add(t);
  // So does a change log (`| date | who | what |`); `| who | MRN | last INR |` is a call list of patients.
  if (whoTables) for (const t of whoTables) if (!people?.has(t) && !identified?.has(t) && !patientTables?.has(t)) (staffTables ??= new Set()).add(t);
  // People beside an NPI and nothing of a patient's (`reading_npi | last_name | first_name | email`) are the
  // practitioners the NPIs number (a credentialing or NPPES extract), and its addresses and lines their practices'.
  if (npiTables && people) {
    for (const t of npiTables) {
      if (!people.has(t) || patientTables?.has(t)) continue;
      (staffTables ??= new Set()).add(t);
      (organisations ??= new Set()).add(t);
    }
  }
  return { staffTables, organisationTables: organisations?.size ? organisations : undefined, titledTables };
}

interface StaffAndOrganisationTables {
  readonly staffTables?: Set<number>;
  readonly organisationTables?: Set<number>;
  /** The staff tables that are one record with a job's title (isJobTitleUnderKey). */
  readonly titledTables?: Set<number>;
}

const NOT_A_BARE_NAME = /@|\d{3}/;

/**
 * The lines (pairs of offsets in the values' text) of a printed table's rows that a site names in a column of
 * people and stops (`| 2 | 09:45 | -> Zzyzx Eye Associates | 1100 Main Ave | 555-… |` of a van's run sheet): the
 * row's address and numbers are the site's, unless a column of the row speaks of a person. Only tables with a contact
 * column are read; undefined when none has such a row.
 */
function rowsOfSites(values: readonly TableValue[], classes: readonly KeyClass[], valueOf: (i: number) => string, textOf: (i: number) => string): number[] | undefined {
  let contactTables: Set<number> | undefined;
  for (let i = 0; i < values.length; i++) {
    const category = classes[i].category;
    if (values[i].table > 0 && category !== undefined && ORGANISATION_CONTACT.has(category)) (contactTables ??= new Set()).add(values[i].table);
  }
  if (!contactTables) return undefined;
  let rows: number[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const k = classes[i];
    if (!contactTables.has(values[i].table) || k.category !== undefined || k.organisation || k.thing || typesItsValues(k)) continue;
    const value = valueOf(i);
    if (value.length < 8 || !value.includes(' ') || !namesOrganisationOnly(value)) continue;
    const text = textOf(i);
    const [start, end] = lineAround(text, values[i].start, values[i].start, MAX_SITE_ROW);
    // A row is a line: a longer one (an HTML table on one line) is read no further, and skipped.
    const whole = (start === 0 || text.charCodeAt(start - 1) === 0x0a) && (end === text.length || text.charCodeAt(end) === 0x0a);
    if (whole && (!rows || start >= rows[rows.length - 1])) (rows ??= []).push(start, end);
  }
  if (!rows) return undefined;
  // A row with a column of a person's (`member_id`, `last_name` beside an `mco` that names a plan) is theirs: the
  // person's values, as one-character ranges in order, are looked up per row.
  const personStarts: number[] = [];
  for (let i = 0; i < values.length; i++) if (speaksOfPerson(classes[i])) personStarts.push(values[i].start);
  personStarts.sort((a, b) => a - b);
  const people = personStarts.flatMap((at) => [at, at + 1]);
  const kept: number[] = [];
  for (let r = 0; r < rows.length; r += 2) if (!overlapsAny(people, rows[r], rows[r + 1])) kept.push(rows[r], rows[r + 1]);
  return kept.length > 0 ? kept : undefined;
}

/** Longest line read as one row of a printed table. */
const MAX_SITE_ROW = 1000;

/** Two to five words and no digits (`Harold Zorblatt-Vell`), as a roster writes its people: not a code, a count or prose. */
function mayBeStaffName(value: string): boolean {
  const v = value.trim();
  return v.length <= 60 && v.includes(' ') && !/\d/.test(v) && v.split(/\s+/).length <= 5;
}

/** A short value that names an organisation and no person (`Bluestem Ambulance District`). */
function namesOrganisationOnly(value: string): boolean {
  return value.length <= MAX_ORGANISATION_VALUE && speaksOfOrganisationOnly(value);
}

/** Longest value read as an organisation's name: a longer one is prose. */
const MAX_ORGANISATION_VALUE = 80;

/**
 * A value that is not a patient's whatever it holds: under a workforce key or a role column anywhere, a name or
 * contact in a table of staff or in a workforce member's object (`staff`, TableValue.staff), or an address, number,
 * serial or contact person in a table of organisations. One test for printed tables and for rows written as code.
 */
function isStaffOrOrganisationContact(keyClass: KeyClass, table: number, { staffTables, organisationTables }: StaffAndOrganisationTables, staff = false): boolean {
  // A serial named by a machine only a hospital keeps (`uv_robot_serial`) is that machine's, beside anyone.
  if (keyClass.workforce || keyClass.staffRole || (keyClass.organisation && keyClass.category === 'device-id')) return true;
  // A workforce member's object (`"assignee": {…}`, TableValue.staff): its names, ways to reach them and the address
  // they work at are theirs.
  if (staff && (namesContact(keyClass) || keyClass.category === 'geographic')) return true;
  if (table <= 0) return false;
  if (staffTables?.has(table) && namesContact(keyClass)) return true;
  // Any column no detector types as well: the site column itself (`location` of a scanner inventory holds
  // `Pinecrest Main — 2150 Hollis Ridge Rd`), a line named after what it is for (`ED charge`), who to ask (`who`).
  return organisationTables?.has(table) === true
    && (keyClass.category === undefined || ORGANISATION_CONTACT.has(keyClass.category) || keyClass.category === 'account-number');
}

/**
 * A staff member's or an organisation's column whose values name people (an owner, a roster's names, a site's
 * contact), not a role or a number: their words are staff's across the file (staffNames.ts).
 */
function namesStaff(keyClass: KeyClass): boolean {
  return !keyClass.staffRole && (keyClass.workforce || keyClass.bareName || keyClass.nameColumn || keyClass.contactColumn || keyClass.category === 'name');
}

/** Notes a value of a table of staff or sites: a name's words, and a number or mail address as itself (`mobile_e164`, `main_line`). */
function noteStaffValue(staff: StaffNames, keyClass: KeyClass, value: string): void {
  if (namesStaff(keyClass)) staff.add(value);
  if (keyClass.category === 'device-id') staff.addSerial(value);
  else staff.addContact(value);
}

/** A column of names, contact details, credentials or addresses they work from (what a table of staff says about each of them). */
function namesContact(keyClass: KeyClass): boolean {
  return keyClass.bareName || keyClass.nameColumn || keyClass.contactColumn || keyClass.category === 'name' || keyClass.category === 'email'
    || keyClass.category === 'phone' || keyClass.category === 'fax' || keyClass.category === 'license-number' || keyClass.category === 'ip-address';
}

function unionOf(a: Set<number> | undefined, b: Set<number> | undefined): Set<number> | undefined {
  return a && b ? new Set([...a, ...b]) : a ?? b;
}

/** Adds `more` to the [start, end) pairs of `spans`, all in ascending order with overlapping pairs joined. */
function mergeSpans(spans: number[], more: readonly number[]): void {
  for (const x of more) spans.push(x);
  inAscendingPairs(spans);
  let n = 0;
  for (let i = 0; i < spans.length; i += 2) {
    if (n > 0 && spans[i] <= spans[n - 1]) spans[n - 1] = Math.max(spans[n - 1], spans[i + 1]);
    else {
      spans[n++] = spans[i];
      spans[n++] = spans[i + 1];
    }
  }
  spans.length = n;
}

function inAscendingPairs(spans: number[]): void {
  const pairs: [number, number][] = [];
  for (let i = 0; i < spans.length; i += 2) pairs.push([spans[i], spans[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < pairs.length; i++) {
    spans[2 * i] = pairs[i][0];
    spans[2 * i + 1] = pairs[i][1];
  }
}

/**
 * Starts of the literals whose text is not read for PHI: those under workforce or role keys (`on_failure=[…]`,
 * `__author__ = …`), and in rows written as code (`pd.DataFrame([(…)], columns=[…])`, an INSERT's VALUES) the
 * contacts of a table of staff and the addresses, numbers, serials and contact people of a table of organisations, as
 * a printed table's are (tablesOfStaffAndOrganisations).
 */
function literalsNotRead(ctx: ScanContext, literals: readonly KeyedLiteral[], text: string): Set<number> | undefined {
  const tables = literals.some((k) => k.table > 0) ? tablesOfStaffAndOrganisations(ctx, literals, (i) => text.slice(literals[i].start, literals[i].end)) : {};
  let starts: Set<number> | undefined;
  for (const k of literals) {
    const keyClass = keyClassOf(ctx.config, ctx.keyClasses, k.key);
    if (!isStaffOrOrganisationContact(keyClass, k.table, tables)) continue;
    (starts ??= new Set()).add(k.start);
    noteStaffValue(ctx.staffNames, keyClass, text.slice(k.start, k.end));
  }
  return starts;
}

/**
 * [start, end) pairs, in `text`, of the values of dicts written out whole (quotedKeyDicts' spans in code, a pprint
 * pasted in comments) that their records say are staff's or organisations' (a facility's nested `address`, a
 * vendor's `contact`, a `requested_by` object), as a printed dict's would be; their names are noted as staff's.
 */
function staffAndOrganisationRecords(ctx: ScanContext, text: string, from = 0, to = text.length): number[] | undefined {
  const dict = from === 0 && to === text.length ? text : text.slice(from, to);
  const values = findQuotedRecordValues(dict);
  if (values.length === 0) return undefined;
  // Only its organisations' records, workforce members' objects and records titled with a job: a record whose one
  // workforce key is its owner (`{"owner": …, "regression_case_name": …}`) is not a table of staff, whatever a
  // printed table of them would be.
  const { organisationTables, titledTables } = tablesOfStaffAndOrganisations(ctx, values, (i) => dict.slice(values[i].start, values[i].end));
  let spans: number[] | undefined;
  for (const v of values) {
    const keyClass = keyClassOf(ctx.config, ctx.keyClasses, v.key);
    if (!isStaffOrOrganisationContact(keyClass, v.table, { organisationTables, staffTables: titledTables }, v.staff)) continue;
    (spans ??= []).push(from + v.start, from + v.end);
    noteStaffValue(ctx.staffNames, keyClass, dict.slice(v.start, v.end));
  }
  return spans;
}

/** The starts of the strings of dicts written as code that are staff's or organisations' (staffAndOrganisationRecords). */
function dictRecordsNotRead(ctx: ScanContext, text: string, code: TokenList['code']): Set<number> | undefined {
  const dicts = quotedKeyDicts(text, code);
  let starts: Set<number> | undefined;
  for (let k = 0; k < dicts.length; k += 2) {
    const spans = staffAndOrganisationRecords(ctx, text, dicts[k], dicts[k + 1]);
    if (spans) for (let i = 0; i < spans.length; i += 2) (starts ??= new Set()).add(spans[i]);
  }
  return starts;
}

/**
 * The starts of the strings of FHIR resources about organisations written as code (`ORG = {"resourceType":
 * "Organization", "telecom": […], "contact": […]}`) and of collections named for the organisation's sites or machines
 * (`ED_SITES = {…}`): their address, numbers, serials and contact people are the organisation's, as in a pasted
 * resource or a table of sites.
 */
function organisationStrings(text: string, code: TokenList['code']): Set<number> | undefined {
  const resources = text.includes('"resourceType"') ? organisationResources(text) : [];
  const collections = organisationCollections(text, code, namesOrganisationCollection, namesOrganisationOnly);
  if (resources.length === 0 && collections.length === 0) return undefined;
  let notRead: Set<number> | undefined;
  const spans = resources.length === 0 ? collections : collections.length === 0 ? resources : mergedPairs(resources, collections);
  let k = 0;
  for (let i = 0; i < code.count && k < spans.length; i++) {
    if (code.kind[i] !== Kind.String) continue;
    const at = code.valueStart[i];
    while (k < spans.length && spans[k + 1] <= at) k += 2;
    if (k < spans.length && at >= spans[k]) (notRead ??= new Set()).add(at);
  }
  return notRead;
}

/**
 * The backtick-quoted identifiers of SQL just lexed, as [start, end) pairs: names of tables, columns and principals
 * (`GRANT SELECT … TO \`jane@hospital.org\``), never values. A .sql file's free-text pass never reads them; a
 * query inside a string is read whole, so they are blanked for it.
 */
function quotedIdentifiers(tokens: TokenList): number[] | undefined {
  const { code } = tokens;
  let spans: number[] | undefined;
  for (let i = 0; i < code.count; i++) {
    if (code.kind[i] === Kind.Identifier && code.valueStart[i] > code.start[i]) (spans ??= []).push(code.start[i], code.end[i]);
  }
  return spans;
}

interface Where {
  readonly cellIndex: number;
  readonly outputIndex: number | undefined;
  /** In the cell source: findings there keep their offset for line-level suppressions. */
  readonly inSource: boolean;
}

/**
 * `judged` holds [start, end) pairs, relative to `from`, of values their column or key already found to be PHI: they
 * are blanked before the free-text pass, which would only find them again (a keyed finding wins every overlap)
 * and on a table output would re-read most of the text.
 */
function freeText(
  ctx: ScanContext, slice: TextSlice, from: number, to: number, kind: FreeTextKind, where: Where, judged?: readonly number[],
): void {
  if (to > from) freeTextOf(ctx, slice, from, blanked(slice.text.slice(from, to), judged), kind, where);
}

/**
 * freeText of `text`, the slice's text from `from` on, already cut out (or blanked). `drop` passes over
 * candidates the text alone cannot judge (a literal read with the rest of its line).
 */
function freeTextOf(
  ctx: ScanContext, slice: TextSlice, from: number, text: string, kind: FreeTextKind, where: Where,
  drop?: (slice: TextSlice, start: number, end: number, c: Candidate) => boolean,
): void {
  for (const c of freeTextCandidates(text, kind)) {
    if (drop?.(slice, from + c.start, from + c.end, c)) continue;
    place(ctx, slice, from, c, where, freeTextHead(ctx, kind, c.category));
  }
  for (const d of ctx.custom) {
    for (const c of d.find(text, kind.context)) place(ctx, slice, from, c, where, freeTextHead(ctx, kind, c.category));
  }
}

/**
 * An address in a literal on a line of an organisation's site (`('BVM-MAIN', 'Bayview Medical Center', '2100 …')`),
 * or any value in a literal on a line that shows what a scrubber makes of it (`assert scrub("call 808-555-0100")
 * == "call [PHONE]"`): a test of the redaction, with values its author made up to be caught.
 */
function siteOrScrubberExample(slice: TextSlice, start: number, end: number, c: Candidate): boolean {
  // A message's segment says by its fields whose address it is (a patient's PAT under a pharmacy's PHA).
  if (c.category === 'geographic' && !SEGMENT_READERS.has(c.detectorId) && isOrganisationSite(slice.text, start, end)) return true;
  const [lineStart, lineEnd] = lineAround(slice.text, start, end, SCRUBBER_WINDOW);
  const line = slice.text.slice(lineStart, lineEnd);
  if (REDACTION_PLACEHOLDER.test(line)) return true;
  // `for p in ["505-555-0100", …]:` over a body that asserts what the scrubber makes of each.
  if (!SAMPLE_LOOP.test(line)) return false;
  const body = slice.text.slice(lineEnd, Math.min(slice.text.length, lineEnd + SCRUBBER_WINDOW));
  return REDACTION_PLACEHOLDER.test(body.split('\n', 3).join('\n'));
}

/** Detectors that read healthcare messages' segments and records by position or tag (X12, ASAP, AAMVA, HL7, DICOM). */
const SEGMENT_READERS: ReadonlySet<string> = new Set(['x12', 'asap', 'aamva', 'hl7', 'dicom']);

/** A Python loop over a literal list of samples, written on one line. */
const SAMPLE_LOOP = /^[ \t]*for [\w, ]{1,40} in [[(].*[\])]:[ \t]*\r?$/;

/** What a scrubber puts in place of a value: `[PHONE]`, `<EMAIL>`, `[REDACTED]`. */
const REDACTION_PLACEHOLDER = /[[<](?:PHONE|EMAIL|MRN|SSN|NAME|DOB|DATE|ADDRESS|ADDR|REDACTED|PHI|PII|ZIP|FAX|URL|IP)[\]>]/;
/** How far either side of a value its line is read for a placeholder. */
const SCRUBBER_WINDOW = 200;

/**
 * The text with each [start, end) pair of `spans` (ascending by start; nested or overlapping pairs allowed) replaced
 * by as many spaces.
 */
function blanked(text: string, spans: readonly number[] | undefined): string {
  if (!spans || spans.length === 0) return text;
  // Joined with `+`, not an array and join(): the engine flattens the result once, when the free-text pass reads it.
  let out = '';
  let at = 0;
  for (let i = 0; i < spans.length; i += 2) {
    // A span inside one already blanked (a field's value inside a longer value's, `Fax: …` in a `text` line) adds
    // nothing: the text keeps its length, so every offset found in it is the slice's own.
    const start = Math.max(spans[i], at);
    if (spans[i + 1] <= start) continue;
    out += text.slice(at, start) + spaces(spans[i + 1] - start);
    at = spans[i + 1];
  }
  return out + text.slice(at);
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
function freeTextCandidates(text: string, kind: FreeTextKind): readonly Candidate[] {
  if (text.length > MEMO_MAX_LENGTH) return scanFreeText(text, kind.context);
  let found = kind.memo.get(text);
  if (!found) kind.memo.set(text, (found = nonEmptyOr(scanFreeText(text, kind.context))));
  return found;
}

const NO_CANDIDATES: readonly Candidate[] = [];

/** Most memoised texts have no candidates: they share one empty list rather than keep one each. */
function nonEmptyOr(found: readonly Candidate[]): readonly Candidate[] {
  return found.length === 0 ? NO_CANDIDATES : found;
}

function keyed(
  ctx: ScanContext, slice: TextSlice, key: string, relation: Parameters<typeof checkKeyedValue>[2],
  from: number, to: number, regionKind: RegionKind, where: Where,
): Candidate | undefined {
  const keyClass = keyClassOf(ctx.config, ctx.keyClasses, key);
  if (!keyClass.category && !keyClass.bareName && !keyClass.encounter && !keyClass.portalUser) return undefined;
  const c = valueUnderKey(keyClass, slice.text.slice(from, to), relation);
  if (c) place(ctx, slice, from, c, where, headFor(ctx.placed.heads, ctx.config, ctx.headsOf(keyClass), c.category, regionKind, key, relation));
  return c;
}

/** The value as what its key says it is, if it looks like one. */
function valueUnderKey(keyClass: KeyClass, value: string, relation: KeyRelation): Candidate | undefined {
  if (keyClass.category) {
    const c = checkKeyedValue(keyClass.category, value, relation, keyClass.place);
    return c ?? (keyClass.personRef ? checkKeyedValue('name', value, relation) : undefined);
  }
  if (keyClass.namePart && relation === 'table') return checkKeyedValue('name', value, relation);
  // A normalised name must hold a known name whatever its relation: lower case says nothing there.
  if (keyClass.normalisedName) return checkKeyedValue('name', value, 'assign');
  if (keyClass.encounter) return checkEncounterValue(value, relation);
  if (keyClass.portalUser) return checkPortalUserValue(value, relation);
  return checkBareNameValue(value);
}

/**
 * Key classes depend only on the key and the configured context words (as classifyKey's answers do), and the same
 * headers recur in every file of a repository: one map per set of words serves all documents. Bounded: keys come
 * from content.
 */
const KEY_CLASSES_DEFAULT = new Map<string, KeyClass>();
const KEY_CLASSES_CONFIGURED = new WeakMap<ResolvedConfig['contextWords'], Map<string, KeyClass>>();
const MAX_KEY_CLASSES = 20_000;

function keyClassesFor(config: ResolvedConfig): Map<string, KeyClass> {
  if (Object.keys(config.contextWords).length === 0) return KEY_CLASSES_DEFAULT;
  let map = KEY_CLASSES_CONFIGURED.get(config.contextWords);
  if (!map) KEY_CLASSES_CONFIGURED.set(config.contextWords, (map = new Map()));
  return map;
}

function keyClassOf(config: ResolvedConfig, keyClasses: Map<string, KeyClass>, key: string): KeyClass {
  let keyClass = keyClasses.get(key);
  if (!keyClass) {
    const category = classifyKey(key, config.contextWords);
    const bareName = !category && isBareNameKey(key);
    const workforce = !category && (isWorkforceKey(key) || isOrganisationContactKey(key));
    const staffRole = !category && isStaffRoleKey(key);
    const inPersonTable = category ? undefined : namesEventDate(key) ? 'date' : personTableCategory(key);
    const namePart = !category && /^["'`]?(?:family|given)["'`]?$/i.test(key.trim());
    const normalisedName = !category && isNormalisedNameKey(key);
    const encounter = !category && isEncounterKey(key);
    const portalUser = !category && isPortalUserKey(key);
    // A serial named by the machine it is on (`uv_robot_serial`) is a device's like any, and says whose it is.
    const organisation = (!category || category === 'device-id') && isOrganisationColumn(key);
    const contactColumn = !category && isContactColumn(key);
    const nameColumn = !category && isNameColumn(key);
    const types = { category, bareName, workforce, staffRole, inPersonTable, encounter, portalUser, organisation, contactColumn, nameColumn };
    const patientOwner = namesPatientOwner(key);
    keyClass = {
      ...types, namePart, normalisedName, patientOwner,
      npi: normaliseKey(key).split('_').includes('npi'),
      ownsPatient: (category !== undefined && !ORGANISATION_CONTACT.has(category) && category !== 'name') || patientOwner,
      birthDate: category === 'date' && isBirthDateKey(key),
      untypedDate: !typesItsValues(types) && mayHoldEventDate(key),
      unownedDevice: category === 'device-id' && !patientOwner && !IMPLANT_KEY.test(normaliseKey(key)),
      thing: organisation || MACHINE_COLUMN.test(normaliseKey(key)),
      personRef: category !== undefined && /^["'`]?(?:patient|pt|member|subscriber|beneficiary|decedent|resident)["'`]?$/i.test(key.trim()),
      place: category === 'geographic' ? placeKindOf(key) : PlaceKind.Area,
    };
    if (keyClasses.size >= MAX_KEY_CLASSES) keyClasses.clear();
    keyClasses.set(key, keyClass);
  }
  return keyClass;
}

/**
 * Columns of what a hospital's machines have: a model, a room or bed, a unit, firmware, a calibration, a storage unit,
 * and a lab analyser's quality control runs (`control_lot`, `qc_level`).
 */
const MACHINE_COLUMN = /(?:^|_)(?:model|make|room|bed|unit|system|camera|firmware|fw|cal|calibration|calibrated|installed|storage|status|chamber|lot|control|qc)(?:_|$)/;

/**
 * A column that speaks of a person, whatever its values: an identifier, a name, a date of theirs, a patient's or
 * member's key (`member_ref`). A place, a number or a serial may be an organisation's or an area's: a table of
 * machines by serial, or of census tracts and their cities, has none.
 */
function speaksOfPerson(k: KeyClass): boolean {
  return k.ownsPatient || (k.category !== undefined && !ORGANISATION_CONTACT.has(k.category)) || k.bareName || k.encounter || k.portalUser
    || (k.inPersonTable !== undefined && k.inPersonTable !== 'date') || k.nameColumn || k.personRef;
}

/** A calendar-versioned release (`2024.3.1`, `2023.10.2`): a year, then a part written without its leading zero. */
const CALENDAR_VERSION = /^\d{4}\.(?:\d\.\d{1,2}|\d{1,2}\.\d)$/;

/**
 * The deferred serials of columns whose machines serve several people in their table: a serial on two rows, and
 * more people in the table than serials (`infant_token` beside `meter_serial`). A patient's own device is theirs
 * alone, however many of their visits list it. Undefined when no serial column qualifies (the usual case).
 */
function sharedEquipment(values: readonly TableValue[], classes: readonly KeyClass[], valueOf: (i: number) => string, deferred: readonly number[]): Set<number> | undefined {
  // Each table's serial columns, by key: the serials seen and the rows that hold one.
  let serialColumns: Map<number, Map<string, { readonly serials: Set<string>; rows: number }>> | undefined;
  for (const i of deferred) {
    if (!classes[i].unownedDevice) continue;
    const v = values[i];
    let byKey = (serialColumns ??= new Map()).get(v.table);
    if (!byKey) serialColumns.set(v.table, (byKey = new Map()));
    let column = byKey.get(v.key);
    if (!column) byKey.set(v.key, (column = { serials: new Set(), rows: 0 }));
    column.serials.add(valueOf(i).trim().toUpperCase());
    column.rows++;
  }
  if (!serialColumns) return undefined;
  // Per table, the most serials of a column in which one repeats.
  const repeated = new Map<number, number>();
  for (const [table, byKey] of serialColumns) {
    for (const { serials, rows } of byKey.values()) if (serials.size < rows) repeated.set(table, Math.max(repeated.get(table) ?? 0, serials.size));
  }
  if (repeated.size === 0) return undefined;
  // The people of each such table, by each column that tells them apart.
  const people = new Map<number, Map<string, Set<string>>>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!repeated.has(v.table) || !identifiesPerson(classes[i], v.key)) continue;
    let byKey = people.get(v.table);
    if (!byKey) people.set(v.table, (byKey = new Map()));
    let seen = byKey.get(v.key);
    if (!seen) byKey.set(v.key, (seen = new Set()));
    seen.add(valueOf(i).trim());
  }
  // Tables with more people, by some column, than serials.
  const sharedTables = new Set<number>();
  for (const [table, byKey] of people) {
    for (const seen of byKey.values()) if (seen.size > repeated.get(table)!) sharedTables.add(table);
  }
  let shared: Set<number> | undefined;
  for (const i of deferred) {
    const v = values[i];
    if (!classes[i].unownedDevice || !sharedTables.has(v.table)) continue;
    const column = serialColumns.get(v.table)!.get(v.key)!;
    if (column.serials.size < column.rows) (shared ??= new Set()).add(i);
  }
  return shared;
}

/** A column that tells a table's people apart: their record number, name or pseudonymous token, not their dates. */
function identifiesPerson(k: KeyClass, key: string): boolean {
  if (k.category !== undefined) return PERSON_IDENTITY.has(k.category);
  return k.bareName || k.personRef || k.nameColumn || (k.patientOwner && PERSON_TOKEN_KEY.test(normaliseKey(key)));
}

const PERSON_IDENTITY: ReadonlySet<Category> = new Set(['mrn', 'ssn', 'name', 'health-plan-id', 'account-number']);
/** A person's key by its last word (`infant_token`, `pt_hash`, `member_key`). */
const PERSON_TOKEN_KEY = /(?:^|_)(?:id|token|tok|hash|key|sk|ref|pseudonym|pseudo_id)$/;

/** A column of cities, towns or counties (`city`, `county_name`): not a street, not a ZIP code. */
function isAreaColumn(k: KeyClass): boolean {
  return k.category === 'geographic' && k.place === PlaceKind.Area;
}

/** Keys of devices only a patient's body holds or wears (a hearing aid, a cochlear implant's sound processor). */
const IMPLANT_KEY = /(?:^|_)(?:implant|implanted|pacemaker|icd|dbs|ipg|cochlear|stimulator|neurostimulator|defibrillator|lvad|vad|shunt|port|aid|hearing|processor|prosthesis|cgm)(?:_|$)/;

/**
 * `{"name": …}` names anything, as do FHIR's `family` and `given` (a font family, a given value): only a value
 * shaped like a person's name counts under them.
 */
function isBareNameKey(key: string): boolean {
  return /^["'`]?(?:name|family|given)["'`]?$/i.test(key.trim()) || isNormalisedNameKey(key);
}

/**
 * `name_norm`, `name_clean`: a name made ready for matching, in lower case by design (`jose luis arredondo`). A
 * value holding a known given name or surname counts; a normalised facility or product name holds none.
 */
function isNormalisedNameKey(key: string): boolean {
  return /^["'`]?(?:full_?)?name_(?:norm|normali[sz]ed|clean|cleaned|std|standardi[sz]ed|lower|match|key)["'`]?$/i.test(key.trim());
}

function place(ctx: ScanContext, slice: TextSlice, from: number, c: Candidate, where: Where, head: FindingHead): void {
  ctx.placed.add(slice, from + c.start, from + c.end, head, c.redacted, where);
}

function freeTextHead(ctx: ScanContext, kind: FreeTextKind, category: Category): FindingHead {
  return headFor(ctx.placed.heads, ctx.config, kind.heads, category, kind.regionKind, undefined, undefined);
}

/**
 * The head in `heads` (all under `contextKey`, or all with `note`) for this category, region kind and relation,
 * made once (and added to `all`, the document's heads).
 */
function headFor(
  all: FindingHead[], config: ResolvedConfig, heads: FindingHead[], category: Category, regionKind: RegionKind, contextKey: string | undefined,
  relation: KeyRelation | undefined, note?: string,
): FindingHead {
  for (const h of heads) if (h.category === category && h.regionKind === regionKind && h.relation === relation) return h;
  const head = makeHead(all.length, config, category, regionKind, contextKey, relation, note);
  heads.push(head);
  all.push(head);
  return head;
}

function messageOf(head: FindingHead, redacted: string): string {
  if (head.lastLabel !== redacted) {
    head.lastLabel = redacted;
    head.lastMessage = head.message + redacted;
  }
  return head.lastMessage;
}

/** `note` says why a value with no key of its own is reported (`also reported elsewhere in this file`). */
function makeHead(
  id: number, config: ResolvedConfig, category: Category, regionKind: RegionKind, contextKey: string | undefined, relation: KeyRelation | undefined,
  note?: string,
): FindingHead {
  const rule = phiRuleFor(regionKind);
  const keyNote = contextKey && relation ? ` (${RELATION_WORDS[relation]} \`${contextKey}\`)` : note ? ` (${note})` : '';
  return {
    id, category, regionKind, rule, severity: severityFor(rule.id, rule.defaultSeverity, config), contextKey, relation,
    birthDate: category === 'date' && contextKey !== undefined && isBirthDateKey(contextKey),
    message: `${CATEGORY_LABELS[category]} in ${rule.where}${keyNote}: `, lastLabel: undefined, lastMessage: '',
  };
}

type KeyRelation = Parameters<typeof checkKeyedValue>[2];

/** How a message names the key that typed a value; a key is a column name, never PHI. */
const RELATION_WORDS: Readonly<Record<KeyRelation, string>> = {
  equals: 'compared with', 'not-equals': 'compared with', 'in-list': 'listed for', like: 'matched against',
  bound: 'compared with', assign: 'assigned to', table: 'column',
};

/** Placements kept by dedupe: `indices` by slice, those of slices[g] ending before groupEnds[g]. */
interface Kept {
  readonly indices: number[];
  readonly slices: TextSlice[];
  readonly groupEnds: number[];
}

/**
 * One finding per span: where detectors overlap, a keyed (context-typed) finding wins, then the longer one.
 * Keeps placements slice by slice (in order of each slice's first placement), each slice's in order of start,
 * longer first.
 */
function dedupe(placed: Placements): Kept {
  const kept: Kept = { indices: [], slices: [], groupEnds: [] };
  for (const [slice, runs] of runsBySlice(placed)) {
    const order = runs.length === 2 && inOrder(placed, runs[0], runs[1]) ? undefined : sortedIndices(placed, runs);
    const n = order ? order.length : runs[1] - runs[0];
    let current = -1;
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : runs[0] + k;
      if (current >= 0 && placed.start[i] < placed.end[current]) {
        if (better(placed, i, current)) current = i;
        continue;
      }
      if (current >= 0) kept.indices.push(current);
      current = i;
    }
    if (current >= 0) kept.indices.push(current);
    kept.slices.push(slice);
    kept.groupEnds.push(kept.indices.length);
  }
  return kept;
}

/** [start, end) runs of placements by slice; a slice placed again after another gets a second run. */
function runsBySlice(placed: Placements): Map<TextSlice, number[]> {
  const bySlice = new Map<TextSlice, number[]>();
  for (let r = 0; r < placed.runSlices.length; r++) {
    const runs = bySlice.get(placed.runSlices[r]);
    if (runs) runs.push(placed.runStarts[r], placed.runEnd(r));
    else bySlice.set(placed.runSlices[r], [placed.runStarts[r], placed.runEnd(r)]);
  }
  return bySlice;
}

/** Whether placements [from, to) are already in dedupe's order (most are: detectors return candidates in order). */
function inOrder(placed: Placements, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (compareSpans(placed, i - 1, i) > 0) return false;
  return true;
}

/** The placements of the runs, by start, longer first; a stable sort, so ties keep the order they were placed in. */
function sortedIndices(placed: Placements, runs: readonly number[]): number[] {
  const order: number[] = [];
  for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]; i < runs[r + 1]; i++) order.push(i);
  return order.sort((a, b) => compareSpans(placed, a, b));
}

function compareSpans(placed: Placements, a: number, b: number): number {
  return placed.start[a] - placed.start[b] || placed.end[b] - placed.end[a];
}

function better(placed: Placements, a: number, b: number): boolean {
  const aKeyed = !!placed.head(a).contextKey;
  if (aKeyed !== !!placed.head(b).contextKey) return aKeyed;
  return placed.end[a] - placed.start[a] > placed.end[b] - placed.start[b];
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
