/** What the output-table readers share: a bounded, de-duplicated collector of typed values, and line offsets. */
import type { TableValue } from './types';

/** Outputs can be 20 MB; past this many values the rest of an output adds nothing but time. */
export const MAX_TABLE_VALUES = 200_000;

/** Cell text that is a placeholder, not a value (pandas/Spark nulls, truncation marks). */
const PLACEHOLDERS = new Set(['...', '…', '..', 'NaN', 'NaT', 'None', 'null', 'NULL', '<NA>', 'nan', '-']);

/** Type names: what `df.dtypes`, `printSchema()` and `DataFrame[mrn: string]` print under a column's name. */
const TYPE_NAMES = new Set([
  'string', 'str', 'object', 'int', 'integer', 'bigint', 'smallint', 'tinyint', 'long', 'short', 'double', 'float',
  'decimal', 'boolean', 'bool', 'date', 'timestamp', 'timestamp_ntz', 'binary', 'int8', 'int16', 'int32', 'int64',
  'float32', 'float64', 'category', 'datetime64[ns]', 'void', 'array', 'map', 'struct', 'variant',
]);

/** A key as a table prints it, resolved once: its trimmed name, and whether the caller keeps its values. */
export interface Column {
  readonly name: string;
  readonly kept: boolean;
}

/** How an object joined the record around it: not, as its contact's, as a workforce member's, or as its patient's. */
export const NOT_JOINED = 0;
export const JOINED_CONTACT = 1;
export const JOINED_STAFF = 2;
/** A patient's or member's object (`"patient": {…}`): part of the record, but its name is a person's, not a contact's. */
export const JOINED_PERSON = 3;

/** Whether values of an object joined as `join` are TableValue.joined: a contact's or staff member's, not the record's person's. */
export function joinsAsContact(join: number): boolean {
  return join === JOINED_CONTACT || join === JOINED_STAFF;
}

export class ValueSink {
  readonly values: TableValue[] = [];
  /** End of the value added at each start offset, so two readers never report one span twice. */
  private seen: EndByStart | undefined;
  /** Columns by raw key (undefined for a key that is no name): a table repeats its header keys on every row. */
  private readonly columns = new Map<string, Column | undefined>();
  /** Values taken, kept or not: the cap and the one-reader-per-span rule count every one. */
  private taken = 0;
  /** Tables begun so far, and the one values are being added to (0: none). */
  private tables = 0;
  private table = 0;
  /** The record the current table's object is nested in (0: none), and each nested table's. */
  private within = 0;
  private parents: Map<number, number> | undefined;
  /** How the object values now come from joined the record (JOINED_CONTACT, …): TableValue.joined, staff and person. */
  private join = NOT_JOINED;
  /** Records opened under a key naming organisations (TableValue.organisation). */
  private organisationRecords: Set<number> | undefined;
  private organisation = false;

  /**
   * `wanted` says which keys the caller reads values of; a value under any other key still claims its span and
   * counts toward the cap, but is not kept (most columns of an aggregate table type nothing). `oneReader` says
   * only one reader adds values, each span once (HTML cells are disjoint), so no span needs remembering.
   */
  constructor(
    readonly text: string, private readonly cap = MAX_TABLE_VALUES, private readonly wanted?: (key: string) => boolean,
    oneReader = false,
  ) {
    this.seen = oneReader ? undefined : takeSpareEndByStart();
  }

  /** Done with the sink: its table of seen spans is handed to the next one (values stay readable). */
  release(): void {
    if (this.seen) releaseEndByStart(this.seen);
    this.seen = undefined;
  }

  get full(): boolean {
    return this.taken >= this.cap;
  }

  get remaining(): number {
    return this.cap - this.taken;
  }

  /** Adds the trimmed text of [start, end) under key; blanks, placeholders and repeats are dropped. */
  add(key: string, start: number, end: number): void {
    if (this.full) return;
    const column = this.column(key);
    if (column) this.addTo(column, start, end);
  }

  /**
   * add() for a key resolved by column(): a table reader resolves its header once, not once per row. The
   * caller checks `full` first, as add() does.
   */
  addTo(column: Column, start: number, end: number): void {
    const text = this.text;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end <= start) return;
    if (mayBePlaceholder(text, start, end)) {
      const short = text.slice(start, end);
      if (PLACEHOLDERS.has(short) || TYPE_NAMES.has(short.toLowerCase())) return;
    }
    if (this.seen) {
      if (this.seen.get(start) === end) return;
      this.seen.set(start, end);
    }
    this.taken++;
    if (!column.kept) return;
    const { join } = this;
    const joined = joinsAsContact(join);
    const staff = join === JOINED_STAFF;
    const person = join === JOINED_PERSON;
    if (this.organisation || person) {
      this.values.push({ key: column.name, start, end, table: this.table, within: this.within, joined, staff, person, organisation: this.organisation });
    } else if (this.within || joined) {
      this.values.push({ key: column.name, start, end, table: this.table, within: this.within, joined, staff });
    } else {
      this.values.push({ key: column.name, start, end, table: this.table });
    }
  }

  /** Values added until endTable() sit in one table (or one printed record). */
  beginTable(): void {
    this.table = ++this.tables;
    this.within = 0;
    this.join = NOT_JOINED;
    this.organisation = false;
  }

  /**
   * beginTable() for an object nested in the record `within` (`"intake": {"phone": …}` inside a vendor's);
   * `organisation` when a key says the object is an organisation's record (TableValue.organisation).
   */
  beginNestedTable(within: number, organisation = false): void {
    this.beginTable();
    if (within > 0) (this.parents ??= new Map()).set(this.table, this.within = within);
    if (organisation) (this.organisationRecords ??= new Set()).add(this.table);
    this.organisation = organisation;
  }

  endTable(): void {
    this.table = 0;
    this.within = 0;
    this.join = NOT_JOINED;
    this.organisation = false;
  }

  /** The table values are being added to (0: none). */
  get currentTable(): number {
    return this.table;
  }

  /**
   * Adds values to a table begun before (an object whose lines a nested object interrupted); `join` says how their
   * object joined that record: a contact's, a workforce member's or the record's patient's (JOINED_CONTACT, …).
   */
  resumeTable(table: number, join = NOT_JOINED): void {
    this.join = join;
    if (table === this.table) return;
    this.table = table;
    this.within = this.parents?.get(table) ?? 0;
    this.organisation = this.organisationRecords?.has(table) === true;
  }

  /**
   * The column of each key, in order. Built with push, not map(): map() makes its array with one elements kind
   * in the interpreter and another in optimised code, and the table readers that index the result were
   * deoptimised on it (a "wrong map" per reader and isolate).
   */
  columnsOf(keys: readonly string[]): (Column | undefined)[] {
    const columns: (Column | undefined)[] = [];
    for (const key of keys) columns.push(this.column(key));
    return columns;
  }

  /**
   * Whether the caller reads the values of `key`: only when it said which keys it reads (a frame printed transposed
   * is known by its row labels being such keys and its column names not).
   */
  typesKey(key: string): boolean {
    return this.wanted !== undefined && this.column(key)?.kept === true;
  }

  /** The column a raw key names, or undefined when it names none (blank, `...`, `\\`). */
  column(key: string): Column | undefined {
    let column = this.columns.get(key);
    if (column === undefined && !this.columns.has(key)) {
      const name = key.trim();
      column = !name || name === '...' || name === '\\' ? undefined : { name, kept: !this.wanted || this.wanted(name) };
      this.columns.set(key, column);
    }
    return column;
  }
}

/**
 * One table of seen spans serves sink after sink: an output is read at a time, and a fresh pair of typed arrays
 * per output text cost more in allocation and collection than the reading they served.
 */
let spareEndByStart: EndByStart | undefined;

function takeSpareEndByStart(): EndByStart {
  const seen = spareEndByStart ?? new EndByStart();
  spareEndByStart = undefined;
  return seen;
}

function releaseEndByStart(seen: EndByStart): void {
  seen.clear();
  spareEndByStart = seen;
}

/**
 * start → end, as a Map<number, number> would hold them, in two typed arrays (open addressing, linear probing;
 * a slot holds start + 1, so a fresh zeroed array is empty).
 * Every value of every table passes here (a million in a large workload); a Map of numbers cost a quarter of
 * the table readers' time in hashing, growth and garbage.
 */
const INITIAL_BITS = 10;

class EndByStart {
  private bits = 0;
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private size = 0;

  /**
   * Assigned again right away (not only on the first grow): V8 takes a field written once as constant, and the
   * first later write deoptimised every optimised reader of the table (get, set, the table readers).
   */
  constructor() {
    this.allocate(INITIAL_BITS);
  }

  /** Empties the table; one grown for a huge output goes back to its first size. */
  clear(): void {
    if (this.size === 0) return;
    if (this.bits > INITIAL_BITS) {
      this.allocate(INITIAL_BITS);
    } else {
      this.starts.fill(0);
      this.size = 0;
    }
  }

  /** An empty table of 2^bits slots. */
  private allocate(bits: number): void {
    this.bits = bits;
    this.starts = new Int32Array(1 << bits);
    this.ends = new Int32Array(1 << bits);
    this.size = 0;
  }

  /** The end stored for start, or -1. */
  get(start: number): number {
    for (let slot = this.slotOf(start); ; slot = (slot + 1) & (this.starts.length - 1)) {
      const at = this.starts[slot];
      if (at === start + 1) return this.ends[slot];
      if (at === 0) return -1;
    }
  }

  set(start: number, end: number): void {
    if ((this.size + 1) * 2 > this.starts.length) this.grow();
    for (let slot = this.slotOf(start); ; slot = (slot + 1) & (this.starts.length - 1)) {
      const at = this.starts[slot];
      if (at === start + 1 || at === 0) {
        if (at === 0) this.size++;
        this.starts[slot] = start + 1;
        this.ends[slot] = end;
        return;
      }
    }
  }

  /** Fibonacci hashing: consecutive offsets spread over the table. */
  private slotOf(start: number): number {
    return Math.imul(start, 0x9e3779b1) >>> (32 - this.bits);
  }

  private grow(): void {
    const { starts, ends } = this;
    this.allocate(this.bits + 1);
    for (let slot = 0; slot < starts.length; slot++) if (starts[slot] > 0) this.set(starts[slot] - 1, ends[slot]);
  }
}

/**
 * Lengths of placeholders and type names by first character (ASCII letters lower-cased), one bit per length:
 * a value is sliced and looked up only when one of them could match, so names and numbers pass in place.
 */
const PLACEHOLDER_SHAPES = placeholderShapes();

/** Indexed by ASCII code: a list lookup, not a hash, for each of a million values. */
function placeholderShapes(): Uint32Array {
  const shapes = new Uint32Array(128);
  for (const word of [...PLACEHOLDERS, ...TYPE_NAMES]) {
    const c = word.charCodeAt(0);
    if (c < 0x80) shapes[foldAscii(c)] |= 1 << word.length;
  }
  return shapes;
}

/** Whether [start, end) may be a placeholder or a type name (any value that opens outside ASCII may). */
function mayBePlaceholder(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > 30) return false;
  const c = text.charCodeAt(start);
  return c >= 0x80 || (PLACEHOLDER_SHAPES[foldAscii(c)] & (1 << length)) !== 0;
}

function foldAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** The first offset from pos (before end) that is no space or tab. */
export function skipBlanks(text: string, pos: number, end = text.length): number {
  while (pos < end && (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x09)) pos++;
  return pos;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x0c || c === 0xa0;
}

/** Start and end (without the line break) of every line, found with indexOf in one pass. */
export class Lines {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  constructor(readonly text: string) {
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      const end = nl < 0 ? text.length : nl;
      this.starts.push(pos);
      this.ends.push(end > pos && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
      if (nl < 0) break;
      pos = nl + 1;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  isBlank(i: number): boolean {
    for (let p = this.starts[i]; p < this.ends[i]; p++) if (!isSpace(this.text.charCodeAt(p))) return false;
    return true;
  }

  /** Offset of the first non-space character of line i, or its end. */
  indent(i: number): number {
    let p = this.starts[i];
    while (p < this.ends[i] && isSpace(this.text.charCodeAt(p))) p++;
    return p;
  }

  startsWith(i: number, prefix: string, from = this.starts[i]): boolean {
    return this.ends[i] - from >= prefix.length && this.text.startsWith(prefix, from);
  }
}
