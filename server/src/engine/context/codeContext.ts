/**
 * Keyed literals in code: a string or number literal together with the column, key or variable it is compared
 * with or assigned to (`WHERE mrn = '…'`, `F.col("ssn") == "…"`, `{"dob": "…"}`, `ssn <- "…"`). The key is
 * what turns an ambiguous value (eight digits, a word) into a typed identifier for the detectors.
 *
 * Linear: one pass over the significant tokens; every look-back or look-ahead is bounded, and brackets are
 * matched once up front so a call's arguments can be skipped in one step.
 */
import { NO_TABLES, recordTypeKey, tableName, type TableLookup } from './tableDeclarations';
import type { Language } from '../model';
import { TokenList } from '../lexers/chars';
import { Flag, Kind, type KindCode, type Token, type TokenColumns } from '../lexers/types';
import { DATE_CONSTRUCTORS, type KeyedLiteral } from './types';

type Relation = KeyedLiteral['relation'];

/**
 * Calls whose first argument is the value itself, per language: `lit("…")`, `to_date('…')`, `as.Date("…")`.
 * In PySpark `F.to_date("dob")` names a column, so Spark SQL's value functions are wrappers only in SQL.
 */
const SQL_WRAPPERS = new Set(['to_date', 'to_timestamp', 'date', 'timestamp', 'cast', 'try_cast', 'string', 'decimal', 'bigint', 'int']);
const CODE_WRAPPERS = new Set(['lit', 'typedlit', 'to_datetime', 'timestamp', 'str', 'int']);
const R_WRAPPERS = new Set(['as.date', 'ymd', 'as.character', 'as.numeric', 'as.integer', 'as.posixct']);
const ALL_WRAPPERS = new Set([...SQL_WRAPPERS, ...CODE_WRAPPERS, ...R_WRAPPERS]);

function wrappersFor(language: Language): ReadonlySet<string> {
  if (language === 'sql') return SQL_WRAPPERS;
  if (language === 'r') return R_WRAPPERS;
  return CODE_WRAPPERS;
}

/** SQL calls whose arguments alternate keys and values (Spark's `named_struct`, `map`). */
const PAIR_CALLS = new Set(['named_struct', 'map']);

/** R's row-wise tibble constructors (`frame_data` is `tribble`'s old name). */
const TRIBBLE_CALLS = new Set(['tribble', 'frame_data']);

/** Calls that build a date from numbers (`of` only as `LocalDate.of`). */
const DATE_CALLS: ReadonlySet<string> = new Set(DATE_CONSTRUCTORS);

interface DateCall {
  /** The call's first token (its receiver's, for `dt.date`) and its closing bracket. */
  readonly first: number;
  readonly close: number;
}

/** Calls that name a column by a string argument: `col("mrn")`, `F.column("mrn")`. */
const COLUMN_REFS = new Set(['col', 'column', 'getitem', 'getfield', 'getas', 'get', 'expr']);

/** Methods that transform their receiver, so the key is the receiver's: `F.col("dob").cast("string")`. */
const TRANSFORM_METHODS = new Set([
  'cast', 'astype', 'alias', 'as', 'name', 'substr', 'substring', 'over', 'getitem', 'strip', 'lower', 'upper',
  'trim', 'tostring', 'str', 'dt',
]);

/** Comparison methods on a column, and the relation each means for its first argument. */
const METHOD_RELATIONS: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ['eqnullsafe', 'equals'], ['equalto', 'equals'], ['eq', 'equals'], ['equals', 'equals'],
  ['notequal', 'not-equals'], ['ne', 'not-equals'],
  ['like', 'like'], ['rlike', 'like'], ['ilike', 'like'], ['startswith', 'like'], ['endswith', 'like'], ['contains', 'like'],
  ['gt', 'bound'], ['lt', 'bound'], ['ge', 'bound'], ['le', 'bound'], ['geq', 'bound'], ['leq', 'bound'],
]);

/** Methods whose arguments are all values of the receiver column: `.isin("…", "…")`, `.between(a, b)`. */
const LIST_METHODS: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ['isin', 'in-list'], ['isincollection', 'in-list'], ['is_in', 'in-list'], ['between', 'bound'],
]);

/** Calls that build a literal collection: `c("…")`, `Seq("…")`, `list(…)`. */
const COLLECTION_CALLS = new Set(['c', 'list', 'seq', 'set', 'array', 'vector', 'tuple', 'frozenset']);

/**
 * Lower-case words, with the shapes (length, first letter in either case) they can have in the text: a name of
 * another shape is ruled out in place, before its lower-cased copy is made. Names that open outside ASCII
 * always go on to the copy.
 */
class NameSet {
  private readonly shapes = new Uint32Array(128);

  constructor(readonly words: ReadonlySet<string>) {
    for (const w of words) this.shapes[w.charCodeAt(0)] |= 1 << w.length;
  }

  mayHold(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length > 30) return false;
    const c = text.charCodeAt(start);
    return c >= 0x80 || (this.shapes[c >= 0x41 && c <= 0x5a ? c | 0x20 : c] & (1 << length)) !== 0;
  }
}

const LIST_METHOD_NAMES = new NameSet(new Set(LIST_METHODS.keys()));
const COLLECTION_CALL_NAMES = new NameSet(COLLECTION_CALLS);
const FRAME_CONSTRUCTORS = new NameSet(new Set(['createdataframe', 'dataframe']));
/** Calls that build a table from its columns (`data.frame(mrn = c(…), dob = c(…))`, `pd.DataFrame({"mrn": […]})`). */
const COLUMN_FRAME_CALLS = new NameSet(new Set(['data.frame', 'tibble', 'data.table', 'dataframe']));
/** Calls whose arguments are rows that a later `.toDF("mrn", …)` names (`Seq((…), (…))`, `createDataFrame([…])`). */
const ROW_SOURCES = new NameSet(new Set(['seq', 'list', 'array', 'vector', 'createdataframe', 'parallelize']));

/** Widget kinds whose second argument is a default value (a hard-coded default is embedded). */
const WIDGET_KINDS = new Set(['text', 'dropdown', 'combobox', 'multiselect']);

/** R lexes `dbutils.widgets.text` as one name (dots are part of R names): a widget call all the same. */
function isDottedWidgetCall(fn: string): boolean {
  const dot = fn.lastIndexOf('.');
  return dot > 8 && fn.startsWith('.widgets', dot - 8) && WIDGET_KINDS.has(fn.slice(dot + 1));
}

/** SQL keywords that structure a statement and never name a column. */
const SQL_STRUCTURE = new Set([
  'and', 'or', 'not', 'in', 'is', 'null', 'where', 'on', 'set', 'when', 'then', 'else', 'end', 'case', 'select',
  'from', 'join', 'as', 'between', 'like', 'ilike', 'rlike', 'regexp', 'having', 'group', 'order', 'by', 'limit',
  'union', 'all', 'distinct', 'values', 'into', 'insert', 'update', 'delete', 'true', 'false', 'exists',
  'interval', 'cast', 'with', 'using', 'merge', 'matched', 'any', 'some', 'escape', 'qualify', 'default',
]);

/** Keywords that end a SELECT's list of columns. */
const SELECT_END: ReadonlySet<string> = new Set(['from', 'union', 'where', 'group', 'order', 'limit', 'except', 'intersect', 'having']);
/** SQL keywords that end an UPDATE … SET assignment list. */
const SQL_SET_END = new Set(['where', 'from', 'select', 'when', 'returning', 'output']);

/** Typed-literal prefixes in SQL: `DATE '…'`, `TIMESTAMP '…'`. */
const SQL_TYPED_LITERAL = new Set(['date', 'timestamp', 'timestamp_ntz', 'timestamp_ltz']);

const MAX_ARG_SCAN = 64;
/** Most fields a record type is read with (a wide case class of a table's columns). */
const MAX_RECORD_FIELDS = 128;
const MAX_KEY_DEPTH = 4;

/** Finds literals compared with or assigned to a named column/key (WHERE mrn = '…', {"ssn": "…"}, ...). */
export function findKeyedLiterals(language: Language, text: string, tokens: readonly Token[], tables: TableLookup = NO_TABLES): KeyedLiteral[] {
  const columns = new TokenList();
  for (const t of tokens) columns.addToken(t);
  return findKeyedLiteralsIn(language, text, columns.code, tables);
}

/**
 * findKeyedLiterals over a lexer's columns without its comments (TokenList.code), as the engine lexes them.
 * `tables`: the columns the document's `CREATE TABLE`s declare, for an `INSERT INTO t VALUES` with no column list.
 */
export function findKeyedLiteralsIn(language: Language, text: string, code: TokenColumns, tables: TableLookup = NO_TABLES): KeyedLiteral[] {
  if (language === 'markdown' || language === 'text') return [];
  return new KeyedLiteralFinder(language, text, code, matchBrackets(text, code), tables).run();
}

class KeyedLiteralFinder {
  private readonly n: number;
  /** Literals already keyed (by a list, INSERT or BETWEEN), so the single-literal pass skips them. */
  private readonly done: Uint8Array;
  private readonly out: KeyedLiteral[] = [];
  private readonly sql: boolean;
  private readonly wrappers: ReadonlySet<string>;
  /** Lists assigned to a plain name (`rows = [(…), (…)]`), for `createDataFrame(rows, [...])` later on. */
  private readonly namedLists = new Map<string, number>();
  /** The token that ends the SELECT of literals being read as one record (selectRecord), or -1. */
  private selectClose = -1;
  /** Inside an UPDATE/MERGE `SET a = '…', b = '…'` list, where `=` assigns. */
  private inSqlSet = false;
  /** Tables of rows met so far (a DataFrame built from rows, an INSERT's VALUES), and the one being read (0: none). */
  private tables = 0;
  private table = 0;
  /** The call building a table from its columns that the walk is inside (its closing token and table), if any. */
  private columnFrameClose = -1;
  private columnFrameTable = 0;
  /** The closing bracket of the list of records (`[{"mrn": …}, {"mrn": …}]`) the walk is inside, if any. */
  private recordsClose = -1;
  /** A literal emitted as the whole call around it (`datetime.date(1948, 1, 5)`), while it is keyed. */
  private wide: { readonly token: number; readonly start: number; readonly end: number } | undefined;
  /** Record types declared so far (`case class Hospital(ccn: String, …)`, `Patient = Row("mrn", …)`): their fields, and the table of their rows. */
  private readonly records = new Map<string, { readonly fields: readonly string[]; table: number }>();
  /** word(i) of each name token, made on first use: the look-arounds ask for the same few tokens many times. */
  private readonly words: (string | undefined)[];

  /** The token columns, read straight from the lexer's buffers. */
  private readonly kind: Uint8Array;
  private readonly flag: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly valueStart: Int32Array;
  private readonly valueEnd: Int32Array;

  constructor(
    private readonly language: Language,
    private readonly text: string,
    code: TokenColumns,
    /** For each bracket token, the index of its partner; -1 elsewhere or when unbalanced. */
    private readonly match: Int32Array,
    private readonly declaredTables: TableLookup,
  ) {
    this.n = code.count;
    this.kind = code.kind;
    this.flag = code.flag;
    this.start = code.start;
    this.end = code.end;
    this.valueStart = code.valueStart;
    this.valueEnd = code.valueEnd;
    this.done = scratch.done(this.n);
    this.words = new Array<string | undefined>(this.n);
    this.sql = language === 'sql';
    this.wrappers = wrappersFor(language);
  }

  run(): KeyedLiteral[] {
    for (let i = 0; i < this.n; i++) {
      const kind = this.kind[i];
      if (this.sql) this.trackSqlState(i);
      if (i === this.recordsClose) this.table = 0;
      else if (i > this.recordsClose && this.language === 'python' && this.isRecordsList(i)) {
        // A list of dicts (`pd.DataFrame([{…}, {…}])`, `to_dict('records')`): one table, a dict a row.
        this.recordsClose = this.match[i];
        this.table = ++this.tables;
      }
      if (kind === Kind.Identifier && i > this.columnFrameClose && this.isColumnFrameCall(i)) {
        this.columnFrameClose = this.match[i + 1];
        this.columnFrameTable = 0; // numbered when its first column is met
      }
      if (kind === Kind.Punctuation) {
        if (this.isOpener(i)) this.keyedList(i);
      } else if (this.sql && kind === Kind.Keyword && this.word(i) === 'insert') {
        this.insertValues(i);
      } else if (this.sql && kind === Kind.Keyword && this.word(i) === 'values') {
        this.aliasedValues(i);
      } else if (this.sql && kind === Kind.Identifier && this.isPunct(i + 1, '(') && PAIR_CALLS.has(this.word(i))) {
        this.pairCall(i + 1);
      } else if (kind === Kind.Identifier && this.language === 'r' && this.isPunct(i + 1, '(') && TRIBBLE_CALLS.has(this.word(i))) {
        this.tribbleRows(i + 1);
      } else if (kind === Kind.Identifier && this.isFrameConstructor(i)) {
        this.frameRows(i + 1);
      } else if (kind === Kind.Identifier && this.word(i) === 'todf' && this.isPunct(i - 1, '.') && this.isPunct(i + 1, '(')) {
        this.namedRows(i);
      } else if (kind === Kind.Identifier && this.isPunct(i + 1, '(') && this.isRecordType(i)) {
        this.recordRow(i);
      } else if (kind === Kind.Keyword && this.word(i) === 'class' && this.word(i - 1) === 'case') {
        this.caseClass(i + 1);
      } else if (kind === Kind.Identifier && this.op(i + 1) === '=' && this.isKind(i + 2, Kind.Identifier)) {
        this.recordFactory(i);
      } else if (isLiteral(kind) && !this.done[i]) {
        this.keyLiteral(i);
      }
    }
    return this.out;
  }

  // ---- token helpers ----

  private raw(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** Identifier or string content (backticks and quotes excluded). */
  private value(i: number): string {
    return this.text.slice(this.valueStart[i], this.valueEnd[i]);
  }

  /** Lower-cased text of an identifier or keyword token, '' for anything else. */
  private word(i: number): string {
    if (i < 0 || i >= this.n) return '';
    const k = this.kind[i];
    if (k !== Kind.Identifier && k !== Kind.Keyword) return '';
    this.words[i] ??= this.raw(i).toLowerCase();
    return this.words[i];
  }

  /** Whether name token i, lower-cased, is in the set; most names are ruled out by shape without a copy. */
  private nameIn(i: number, names: NameSet): boolean {
    return names.mayHold(this.text, this.start[i], this.end[i]) && names.words.has(this.word(i));
  }

  /** `ch` is one character, compared in place rather than sliced out. */
  private isPunct(i: number, ch: string): boolean {
    if (i < 0 || i >= this.n) return false;
    const start = this.start[i];
    return this.kind[i] === Kind.Punctuation && this.end[i] - start === 1 && this.text.charCodeAt(start) === ch.charCodeAt(0);
  }

  private op(i: number): string | undefined {
    return i >= 0 && i < this.n && this.kind[i] === Kind.Operator ? this.raw(i) : undefined;
  }

  private isOpener(i: number): boolean {
    const c = this.text.charCodeAt(this.start[i]);
    return (c === 0x28 || c === 0x5b || c === 0x7b) && this.end[i] - this.start[i] === 1;
  }

  private isKind(i: number, kind: KindCode): boolean {
    return i >= 0 && i < this.n && this.kind[i] === kind;
  }

  private isString(i: number): boolean {
    return this.isKind(i, Kind.String) && this.flag[i] !== Flag.Interpolated;
  }

  /** A token that can name a column: an identifier, or in SQL a non-structural keyword (`name`, `date`). */
  private isName(i: number): boolean {
    if (this.isKind(i, Kind.Identifier)) return true;
    return this.sql && this.isKind(i, Kind.Keyword) && !SQL_STRUCTURE.has(this.word(i));
  }

  private emit(i: number, key: string, relation: Relation): void {
    const wide = this.wide?.token === i ? this.wide : undefined;
    if (!key || this.flag[i] === Flag.Interpolated || (this.done[i] && !wide)) return;
    const start = wide ? wide.start : this.valueStart[i];
    const end = wide ? wide.end : this.valueEnd[i];
    if (end <= start) return;
    this.done[i] = 1;
    this.out.push({ key, relation, start, end, table: this.table });
  }

  // ---- SQL statement state ----

  private trackSqlState(i: number): void {
    if (i === this.selectClose) {
      this.table = 0;
      this.selectClose = -1;
    }
    if (this.kind[i] === Kind.Keyword) {
      const w = this.word(i);
      if (w === 'select' && this.table === 0 && this.selectClose < 0 && isLiteral(this.kind[i + 1])) this.selectRecord(i);
      if (w === 'set') this.inSqlSet = true;
      else if (SQL_SET_END.has(w)) this.inSqlSet = false;
    } else if (this.isPunct(i, ';')) {
      this.inSqlSet = false;
    }
  }

  /**
   * `SELECT '361543' AS ccn, 'Heartland Valley Hospice' AS agency_name, 'Columbus' AS city`: a row written as
   * literals, one record up to its FROM, UNION, WHERE, `;` or closing bracket, so its columns say whose it is (an
   * agency's, with its CCN and NPI), as a table's do.
   */
  private selectRecord(i: number): void {
    let j = i + 1;
    for (; j < this.n; j++) {
      if (this.isOpener(j) && this.match[j] > j) {
        j = this.match[j];
        continue;
      }
      if (this.isPunct(j, ')') || this.isPunct(j, ';') || (this.kind[j] === Kind.Keyword && SELECT_END.has(this.word(j)))) break;
    }
    this.selectClose = j;
    this.table = ++this.tables;
  }

  // ---- single literals ----

  private keyLiteral(i: number): void {
    if (this.isKind(i, Kind.Number) && this.isPunct(i - 1, '(')) {
      const call = this.dateCall(i - 1);
      if (call) {
        this.keyDateCall(i, call);
        return;
      }
    }
    const [a, b] = this.unwrapValue(i);
    if (this.keyFromPrefix(i, a, b)) return;
    this.keyFromSuffix(i, b);
  }

  /** `dob=datetime.date(1948, 1, 5)`: the call is the value, keyed as a literal would be, and emitted whole. */
  private keyDateCall(i: number, call: DateCall): void {
    this.widen(call);
    if (!this.keyFromPrefix(i, call.first, call.close)) this.keyFromSuffix(i, call.close);
    this.wide = undefined;
  }

  /** A date call as a row's value under its column. */
  private emitDateCall(call: DateCall, key: string): void {
    this.emit(this.widen(call), key, 'assign');
    this.wide = undefined;
  }

  /** Makes the call's year (returned) stand for the whole call, and its other numbers no literals of their own. */
  private widen(call: DateCall): number {
    const year = this.match[call.close] + 1;
    for (let k = year; k < call.close; k++) this.done[k] = 1;
    this.wide = { token: year, start: this.start[call.first], end: this.end[call.close] };
    return year;
  }

  /**
   * The date constructor called at `open` with a year, a month and a day (and perhaps a time) as numbers:
   * `date(1948, 1, 5)`, `dt.datetime(…)`, `make_date(…)` in SQL, `LocalDate.of(…)` in Scala, `ISOdate(…)` in R.
   */
  private dateCall(open: number): DateCall | undefined {
    const close = this.match[open];
    const fn = this.word(open - 1);
    if (close < 0 || !DATE_CALLS.has(fn) || (fn === 'of' && this.word(open - 3) !== 'localdate')) return undefined;
    let numbers = 0;
    for (let k = open + 1; k < close; k += 2) {
      // Seven numbers at most (a datetime to the microsecond): a longer list is no date, and is not walked.
      if (++numbers > 7 || !this.isKind(k, Kind.Number) || !(k + 1 === close || this.isPunct(k + 1, ','))) return undefined;
    }
    if (numbers < 3 || this.end[open + 1] - this.start[open + 1] !== 4) return undefined;
    const first = this.isPunct(open - 2, '.') && this.isKind(open - 3, Kind.Identifier) ? open - 3 : open - 1;
    return { first, close };
  }

  /** Widens a literal to the value expression around it: `F.lit("…")`, `DATE '…'`, `CAST('…' AS DATE)`. */
  private unwrapValue(i: number): [number, number] {
    let a = i;
    let b = i;
    for (let step = 0; step < 3; step++) {
      if (this.sql && SQL_TYPED_LITERAL.has(this.word(a - 1)) && this.isKind(a - 1, Kind.Keyword)) {
        a -= 1;
        continue;
      }
      const open = a - 1;
      if (!this.isPunct(open, '(') || !this.wrappers.has(this.word(open - 1))) break;
      const close = this.match[open];
      if (close < 0 || !(this.isPunct(b + 1, ',') || b + 1 === close || this.word(b + 1) === 'as')) break;
      a = open - 1;
      b = close;
      if (this.isPunct(a - 1, '.') && this.isKind(a - 2, Kind.Identifier)) a -= 2;
    }
    return [a, b];
  }

  /** Keys the literal by what precedes it; true when that settled the literal. */
  private keyFromPrefix(i: number, a: number, b: number): boolean {
    const p = a - 1;
    if (p < 0) return false;
    const o = this.op(p);
    if (o !== undefined) return this.keyAfterOperator(i, p, o);
    const w = this.isKind(p, Kind.Keyword) ? this.word(p) : '';
    if (this.sql && w === 'between') {
      this.keyBetween(i, p, b);
      return true;
    }
    if (this.sql && (w === 'like' || w === 'ilike' || w === 'rlike' || w === 'regexp')) {
      const key = this.keyBefore(this.skipNot(p - 1), 0);
      if (key) this.emit(i, key, 'like');
      return true;
    }
    if (this.sql && this.word(p) === 'default') return this.keyAsWidgetDefault(i, p);
    if (this.isPunct(p, '(')) return this.keyAsArgument(i, p, b);
    if (this.isPunct(p, ',')) return this.keyAsSecondArgument(i, p);
    return false;
  }

  /** `CREATE WIDGET TEXT mrn DEFAULT '…'`: the widget's name keys its default, as in `dbutils.widgets.text`. */
  private keyAsWidgetDefault(i: number, p: number): boolean {
    const name = p - 1;
    if (!this.isName(name) || !WIDGET_KINDS.has(this.word(name - 1)) || this.word(name - 2) !== 'widget') return false;
    this.emit(i, this.raw(name), 'assign');
    return true;
  }

  private keyAfterOperator(i: number, p: number, o: string): boolean {
    if (o === '$') return true; // Scala $"col": a column name, not a value
    if (o === ':') {
      // Dict entry {"key": "…"}: only values, only under a quoted key in a literal dict.
      if (this.isString(p - 1) && (this.isPunct(p - 2, '{') || this.isPunct(p - 2, ','))) {
        this.emit(i, this.value(p - 1), 'assign');
      }
      return true;
    }
    if (o === '->') {
      if (this.isString(p - 1)) this.emit(i, this.value(p - 1), 'assign'); // Scala Map("mrn" -> "…")
      return true;
    }
    const relation = this.relationOf(o);
    if (!relation) return false;
    const key = relation === 'assign' && !this.sql ? this.annotatedName(p - 1) ?? this.keyBefore(p - 1, 0) : this.keyBefore(p - 1, 0);
    if (!key) return false;
    if (relation === 'assign' && this.language === 'python' && (key === 'defaultValue' || key === 'name')) {
      const widget = this.widgetNameAround(p);
      if (widget !== undefined) {
        if (key === 'defaultValue') this.emit(i, widget, 'assign'); // the name argument is a column name, not a value
        return true;
      }
    }
    this.emit(i, key, relation);
    return true;
  }

  private relationOf(o: string): Relation | undefined {
    switch (o) {
      case '==': case '===': case '<=>': return 'equals';
      case '!=': case '<>': case '=!=': case '!==': return 'not-equals';
      case '<': case '>': case '<=': case '>=': return 'bound';
      case '=': return this.sql && !this.inSqlSet ? 'equals' : 'assign';
      case ':=': case '<-': case '<<-': return 'assign';
      case '%in%': return 'in-list';
      case '%like%': return 'like';
      default: return undefined;
    }
  }

  /** `dob BETWEEN '…' AND '…'`: both bounds under the same key. */
  private keyBetween(i: number, p: number, b: number): void {
    const key = this.keyBefore(this.skipNot(p - 1), 0);
    if (!key) return;
    this.emit(i, key, 'bound');
    if (this.word(b + 1) !== 'and') return;
    for (let k = b + 2; k < Math.min(this.n, b + 6); k++) {
      if (isLiteral(this.kind[k])) {
        this.emit(k, key, 'bound');
        return;
      }
      if (!this.isKind(k, Kind.Keyword) && !this.isPunct(k, '(') && !this.isKind(k, Kind.Identifier)) return;
    }
  }

  private skipNot(j: number): number {
    return this.word(j) === 'not' ? j - 1 : j;
  }

  /** First argument of a comparison method: `F.col("x").eqNullSafe("…")`, `.like("…")`. */
  private keyAsArgument(i: number, open: number, b: number): boolean {
    const method = this.word(open - 1);
    const relation = METHOD_RELATIONS.get(method);
    if (!relation || !this.isPunct(open - 2, '.')) return false;
    if (!(this.isPunct(b + 1, ',') || b + 1 === this.match[open])) return false;
    const key = this.keyBefore(open - 3, 0);
    if (key) this.emit(i, key, relation);
    return true;
  }

  /** `.withColumn("mrn", lit("…"))` and `dbutils.widgets.text("mrn", "…")`: the first argument names the second. */
  private keyAsSecondArgument(i: number, comma: number): boolean {
    const name = comma - 1;
    const open = comma - 2;
    if (!this.isString(name) || !this.isPunct(open, '(')) return false;
    const fn = this.word(open - 1);
    const isWidget = (WIDGET_KINDS.has(fn) && this.isPunct(open - 2, '.') && this.word(open - 3) === 'widgets') || isDottedWidgetCall(fn);
    if (fn !== 'withcolumn' && !isWidget) return false;
    this.emit(i, this.value(name), 'assign');
    return true;
  }

  /** `dbutils.widgets.text(name="mrn", defaultValue="…")`: the widget's name, when the call gives it. */
  private widgetNameAround(eq: number): string | undefined {
    for (let k = eq - 1, steps = 0; k >= 0 && steps < MAX_ARG_SCAN; k--, steps++) {
      if (this.isPunct(k, ')') || this.isPunct(k, ']')) {
        const m = this.match[k];
        if (m < 0) return undefined;
        k = m;
        continue;
      }
      if (!this.isPunct(k, '(')) continue;
      const fn = this.word(k - 1);
      if (!WIDGET_KINDS.has(fn) || this.word(k - 3) !== 'widgets') return undefined;
      if (this.isString(k + 1)) return this.value(k + 1);
      const close = this.match[k];
      for (let j = k + 1; j < close && j - k < MAX_ARG_SCAN; j++) {
        if (this.word(j) === 'name' && this.op(j + 1) === '=' && this.isString(j + 2)) return this.value(j + 2);
      }
      return undefined;
    }
    return undefined;
  }

  /** Reversed forms: `'…' = mrn`, `"…" == df.mrn`, R `"…" -> ssn`, SQL `'…' AS ssn`, `lit("…").alias("ssn")`. */
  private keyFromSuffix(i: number, b: number): void {
    const q = b + 1;
    const o = this.op(q);
    if (o === '->' && this.language === 'r') {
      if (this.isKind(q + 1, Kind.Identifier)) this.emit(i, this.value(q + 1), 'assign');
      return;
    }
    if (o !== undefined) {
      const relation = this.relationOf(o);
      if (!relation || relation === 'assign' || relation === 'in-list') return;
      const key = this.keyAfter(q + 1);
      if (key) this.emit(i, key, relation);
      return;
    }
    if (this.sql && this.word(q) === 'as' && this.isName(q + 1)) {
      this.emit(i, this.value(q + 1), 'assign');
      return;
    }
    const method = this.word(q + 1);
    if (this.isPunct(q, '.') && (method === 'alias' || method === 'as' || method === 'name')
      && this.isPunct(q + 2, '(') && this.isString(q + 3)) {
      this.emit(i, this.value(q + 3), 'assign');
    }
  }

  // ---- keys ----

  /** The key named by the expression that ends at token j (`p.mrn`, `F.col("mrn")`, `df["mrn"]`, `upper(x)`). */
  private keyBefore(j: number, depth: number): string | undefined {
    if (j < 0 || depth > MAX_KEY_DEPTH) return undefined;
    if (this.isName(j)) return this.op(j - 1) === '::' ? this.keyBefore(j - 2, depth + 1) : this.value(j);
    if (this.kind[j] === Kind.String) return this.op(j - 1) === '$' && this.isString(j) ? this.value(j) : undefined;
    if (this.isPunct(j, ']')) return this.keyOfIndex(j);
    if (this.isPunct(j, ')')) return this.keyOfCall(j, depth);
    return undefined;
  }

  /** `df["mrn"]`, R `df[["mrn"]]`, `df.loc[:, "mrn"]`; never `os.environ["…"]`. */
  private keyOfIndex(close: number): string | undefined {
    const open = this.match[close];
    if (open < 0) return undefined;
    if (this.word(open - 1) === 'environ') return undefined;
    if (close - open === 2 && this.isString(open + 1)) return this.value(open + 1);
    if (close - open === 4 && this.isPunct(open + 1, '[') && this.isString(open + 2)) return this.value(open + 2);
    if (this.isString(close - 1) && this.isPunct(close - 2, ',')) return this.value(close - 1);
    return undefined;
  }

  private keyOfCall(close: number, depth: number): string | undefined {
    const open = this.match[close];
    if (open < 0) return undefined;
    const callee = this.word(open - 1);
    const isMethod = callee !== '' && this.isPunct(open - 2, '.');
    if (isMethod && TRANSFORM_METHODS.has(callee)) return this.receiverKey(open - 3, depth);
    if (callee !== '' && close - open === 2 && this.isString(open + 1) && !ALL_WRAPPERS.has(callee)) {
      return this.value(open + 1);
    }
    if (isMethod && !COLUMN_REFS.has(callee)) return this.receiverKey(open - 3, depth);
    if (callee === '') return this.keyBefore(close - 1, depth + 1);
    const end = this.firstArgumentEnd(open, close);
    return end > open ? this.keyBefore(end, depth + 1) : undefined;
  }

  /** The receiver's key, skipping pandas accessors: `df.mrn.str.strip()` → mrn. */
  private receiverKey(j: number, depth: number): string | undefined {
    const w = this.word(j);
    if ((w === 'str' || w === 'dt') && this.isPunct(j - 1, '.')) return this.keyBefore(j - 2, depth + 1);
    return this.keyBefore(j, depth + 1);
  }

  /** Index of the last token of a call's first argument (stops at `,`, `)` or SQL `AS`). */
  private firstArgumentEnd(open: number, close: number): number {
    let k = open + 1;
    for (let steps = 0; k < close && steps < MAX_ARG_SCAN; steps++) {
      if (this.isPunct(k, ',') || (this.sql && this.word(k) === 'as')) break;
      if (this.isOpener(k) && this.match[k] > k) k = this.match[k] + 1;
      else k++;
    }
    return k - 1;
  }

  /** The key named by the operand that starts at token k (reversed comparisons). */
  private keyAfter(k: number): string | undefined {
    let end = -1;
    for (let steps = 0; k < this.n && steps < 32; steps++) {
      const o = this.op(k);
      if (this.isName(k) || this.isPunct(k, '.') || o === '$' || (this.isString(k) && this.op(k - 1) === '$')) {
        end = k++;
      } else if (end >= 0 && this.isOpener(k) && this.match[k] > k) {
        end = this.match[k];
        k = end + 1;
      } else {
        break;
      }
    }
    return end >= 0 ? this.keyBefore(end, 0) : undefined;
  }

  /** `mrn: str = "…"`, `val patientDob: String = "…"`: the annotated name before the type. */
  private annotatedName(j: number): string | undefined {
    let depth = 0;
    for (let k = j, steps = 0; k > 0 && steps < 12; k--, steps++) {
      const o = this.op(k) ?? (this.isPunct(k, ':') ? ':' : undefined);
      if (o === ':' && depth === 0) {
        if (!this.isKind(k - 1, Kind.Identifier) || k === j) return undefined;
        const before = this.word(k - 2);
        if (this.isKind(k - 2, Kind.Keyword) && before !== 'val' && before !== 'var') return undefined;
        return this.value(k - 1);
      }
      if (this.isPunct(k, ']')) depth++;
      else if (this.isPunct(k, '[')) depth--;
      else if (!(o === '|' || this.isName(k) || this.isPunct(k, '.') || (depth > 0 && this.isPunct(k, ',')))) return undefined;
      if (depth < 0) return undefined;
    }
    return undefined;
  }

  // ---- lists ----

  /** A bracket whose elements are values of one key: `IN (…)`, `.isin(…)`, `%in% c(…)`, `ids = [...]`, `{"k": [...]}`. */
  private keyedList(open: number): void {
    const close = this.match[open];
    if (close < 0) return;
    const head = this.listHead(open);
    if (head === undefined) return;
    const target = this.listTarget(head, open);
    if (!target) return;
    if (target.assigned && this.isKind(head - 2, Kind.Identifier)) this.namedLists.set(this.value(head - 2), open);
    // A column of a table built from its columns: its values are rows of that one table.
    const inFrame = target.relation === 'assign' && open < this.columnFrameClose;
    if (inFrame) this.table = this.columnFrameTable ||= ++this.tables;
    // `frozenset({…})`, `set([…])`: a collection call around one literal set or list holds its elements (a tuple
    // there is a row: `Seq((…)).toDF(…)`).
    const inner = open + 1;
    const wraps = head !== open && (this.isPunct(inner, '{') || this.isPunct(inner, '[')) && this.match[inner] === close - 1;
    const [from, to] = wraps ? [inner, close - 1] : [open, close];
    // Rows assigned to a name are typed by the columns they are given later, not by the variable's name.
    this.emitListElements(from, to, target.key, target.relation, target.assigned ? 2 : 1);
    if (inFrame) this.table = 0;
  }

  /** The first token of the list expression: the bracket, or a collection call's name (`c(`, `Seq(`). */
  private listHead(open: number): number | undefined {
    const before = open - 1;
    if (this.isPunct(open, '(') && this.isKind(before, Kind.Identifier)) {
      // `.isin(`, or a collection call that is no method: most calls are neither, and are told so by shape.
      if (this.isPunct(before - 1, '.')) return this.nameIn(before, LIST_METHOD_NAMES) ? open : undefined;
      return this.nameIn(before, COLLECTION_CALL_NAMES) ? before : undefined;
    }
    if (before >= 0 && (this.isKind(before, Kind.Identifier) || this.isPunct(before, ')') || this.isPunct(before, ']')) && !this.isPunct(open, '{')) {
      return this.word(before) === 'in' ? open : undefined; // a call or an index, not a literal list
    }
    return open;
  }

  private listTarget(head: number, open: number): { key: string; relation: Relation; assigned?: boolean } | undefined {
    // A list inside a value wrapper is the wrapper's (`result_dt = as.Date(c("…", "…"))`).
    if (head !== open && this.isPunct(head - 1, '(') && this.wrappers.has(this.word(head - 2))) head -= 2;
    const method = head === open && this.isPunct(open, '(') ? this.word(open - 1) : '';
    const listRelation = LIST_METHODS.get(method);
    if (listRelation && this.isPunct(open - 2, '.')) {
      const key = this.keyBefore(open - 3, 0);
      return key ? { key, relation: listRelation } : undefined;
    }
    const p = head - 1;
    const w = this.word(p);
    if (w === 'in' && (this.isKind(p, Kind.Keyword) || this.language === 'python')) {
      const key = this.keyBefore(this.skipNot(p - 1), 0);
      return key ? { key, relation: 'in-list' } : undefined;
    }
    const o = this.op(p);
    if (o === '%in%') {
      const key = this.keyBefore(p - 1, 0);
      return key ? { key, relation: 'in-list' } : undefined;
    }
    if (o === ':' && this.isString(p - 1) && (this.isPunct(p - 2, '{') || this.isPunct(p - 2, ','))) {
      return { key: this.value(p - 1), relation: 'assign' };
    }
    if (o === '=' || o === '<-' || o === ':=') {
      if (this.sql) return undefined;
      const key = this.annotatedName(p - 1) ?? this.keyBefore(p - 1, 0);
      return key ? { key, relation: 'assign', assigned: true } : undefined;
    }
    return undefined;
  }

  /** Keys each literal element of a list; one nested level (`isin(["…"])`, `IN (('…'))`) is entered too. */
  private emitListElements(open: number, close: number, key: string, relation: Relation, level: number): void {
    for (let k = open + 1; k < close;) {
      if (this.isOpener(k) && this.match[k] > k) {
        const inner = this.match[k];
        const startsElement = this.isPunct(k - 1, ',') || k - 1 === open;
        if (level === 1 && startsElement && this.listHead(k) === k) this.emitListElements(k, inner, key, relation, 2);
        k = inner + 1;
        continue;
      }
      if (isLiteral(this.kind[k]) && (this.isPunct(k - 1, ',') || k - 1 === open) && (this.isPunct(k + 1, ',') || k + 1 === close)) {
        this.emit(k, key, relation);
      } else if (this.language === 'r' && this.word(k) === 'rep' && this.isPunct(k + 1, '(') && isLiteral(this.kind[k + 2]) && (this.isPunct(k - 1, ',') || k - 1 === open)) {
        // R's `rep("…", 4)`: the value, repeated.
        this.emit(k + 2, key, relation);
      }
      k++;
    }
  }

  // ---- DataFrames built from rows ----

  /** `spark.createDataFrame(` and `pd.DataFrame(`. */
  private isFrameConstructor(i: number): boolean {
    if (!this.isPunct(i + 1, '(') || !this.isPunct(i - 1, '.')) return false;
    if (!this.nameIn(i, FRAME_CONSTRUCTORS)) return false;
    const w = this.word(i);
    return w === 'createdataframe' || (w === 'dataframe' && (this.word(i - 2) === 'pd' || this.word(i - 2) === 'pandas'));
  }

  /** A `[` whose elements are two or more dict literals or `Row(…)` calls and nothing else. */
  private isRecordsList(open: number): boolean {
    const close = this.match[open];
    if (close < 0 || !this.isPunct(open, '[')) return false;
    let rows = 0;
    for (let k = open + 1; k < close;) {
      // A Spark `Row(mrn=…, dob=…)` is a record as a dict is.
      const row = this.isKind(k, Kind.Identifier) && this.raw(k) === 'Row' && this.isPunct(k + 1, '(');
      if (row) k++;
      else if (!this.isPunct(k, '{')) return false;
      if (this.match[k] < 0) return false;
      rows++;
      k = this.match[k] + 1;
      if (k === close) break;
      if (!this.isPunct(k, ',')) return false;
      k++;
    }
    return rows >= 2;
  }

  /** `data.frame(`, `tibble(`, `pd.DataFrame(`: a call whose keyed lists are the columns of one table. */
  private isColumnFrameCall(i: number): boolean {
    return this.isPunct(i + 1, '(') && this.match[i + 1] > i + 1 && this.nameIn(i, COLUMN_FRAME_CALLS);
  }

  /**
   * `Seq(("…", "…"), …).toDF("mrn", "first_name")` and `spark.createDataFrame([(…)]).toDF(…)`: rows named by the
   * columns that follow them, each value keyed by its column's position.
   */
  private namedRows(toDF: number): void {
    const open = toDF + 1;
    const receiverClose = toDF - 2;
    if (this.match[open] < 0 || !this.isPunct(receiverClose, ')')) return;
    const receiverOpen = this.match[receiverClose];
    if (receiverOpen < 1 || !this.nameIn(receiverOpen - 1, ROW_SOURCES)) return;
    const columns = this.stringArguments(open);
    if (!columns || columns.length === 0) return;
    // The rows are the call's arguments, or the list that is its first (`createDataFrame([…])`).
    let rows = receiverOpen;
    const args = this.topLevelArguments(receiverOpen, receiverClose, 2);
    if (args.length > 0 && args[0][0] !== args[0][1] && this.isPunct(args[0][0], '[') && this.match[args[0][0]] === args[0][1]) rows = args[0][0];
    this.emitRows(rows, columns, (k) => this.isPunct(k, '(') && (this.isPunct(k - 1, ',') || k - 1 === rows));
  }

  /** `createDataFrame([("…", "…")], ["mrn", "first_name"])`: each row value keyed by its column's position. */
  private frameRows(open: number): void {
    const close = this.match[open];
    if (close < 0) return;
    const args = this.topLevelArguments(open, close);
    if (args.length === 0) return;
    const [dataStart, dataEnd] = args[0];
    const data = dataStart === dataEnd && this.isKind(dataStart, Kind.Identifier)
      ? this.namedLists.get(this.value(dataStart))
      : this.isPunct(dataStart, '[') && this.match[dataStart] === dataEnd ? dataStart : undefined;
    if (data === undefined) return;
    const named = args.find(([a]) => (this.word(a) === 'schema' || this.word(a) === 'columns') && this.op(a + 1) === '=');
    const columnArg = named ? [named[0] + 2, named[1]] : args[1];
    if (!columnArg) return;
    const columns = this.frameColumns(columnArg[0], columnArg[1]);
    if (columns.length === 0) return;
    this.done.fill(1, columnArg[0], columnArg[1] + 1); // column names, not values
    this.emitRows(data, columns, (k) => this.isPunct(k, '(') || this.isPunct(k, '['));
  }

  /**
   * R's `tribble(~mrn, ~dob, "…", "…", …)`: the `~` formulas name the columns, and the values that follow fill
   * them row by row, each keyed by its position modulo their number.
   */
  private tribbleRows(open: number): void {
    const close = this.match[open];
    if (close < 0) return;
    const columns: string[] = [];
    let k = open + 1;
    while (k < close && this.op(k) === '~' && (this.isKind(k + 1, Kind.Identifier) || this.isString(k + 1)) && (this.isPunct(k + 2, ',') || k + 2 === close)) {
      columns.push(this.value(k + 1));
      k += 3;
    }
    if (columns.length === 0) return;
    this.table = ++this.tables;
    for (let position = 0; k < close; position++) {
      this.emitElement(k, close, columns[position % columns.length]);
      // On to the next value: past this one's brackets, to the comma after it.
      while (k < close && !this.isPunct(k, ',')) k = this.isOpener(k) && this.match[k] > k ? this.match[k] + 1 : k + 1;
      k++;
    }
    this.table = 0;
  }

  /**
   * A call whose arguments alternate a quoted key and its value (`named_struct('name', 'Lorraine Poe', 'relation',
   * 'daughter', 'phone', '…')`, `map('mrn', '…')`): one record, each value under the key before it.
   */
  private pairCall(open: number): void {
    const close = this.match[open];
    if (close < 0) return;
    const outer = this.table;
    this.table = ++this.tables;
    for (let k = open + 1; k < close && this.isString(k) && this.isPunct(k + 1, ','); k++) {
      const key = this.value(k);
      k += 2;
      this.emitElement(k, close, key);
      // On to the next key: past this value's brackets, to the comma after it.
      while (k < close && !this.isPunct(k, ',')) k = this.isOpener(k) && this.match[k] > k ? this.match[k] + 1 : k + 1;
    }
    this.table = outer;
  }

  /**
   * Each row bracket directly inside the list opened at `data` that `isRow` takes, its values keyed by their
   * columns' positions: the rows of one new table. Other brackets there are stepped over whole.
   */
  private emitRows(data: number, columns: readonly string[], isRow: (k: number) => boolean): void {
    const close = this.match[data];
    this.table = ++this.tables;
    for (let k = data + 1; k < close;) {
      if (isRow(k) && this.match[k] > k) {
        this.emitTuple(k, this.match[k], columns);
        k = this.match[k] + 1;
      } else {
        k = this.isOpener(k) && this.match[k] > k ? this.match[k] + 1 : k + 1;
      }
    }
    this.table = 0;
  }

  /** The contents of a call's arguments when every one is a lone string (`Row("mrn", "dob")`, `.toDF("mrn")`), else undefined. */
  private stringArguments(open: number): string[] | undefined {
    const values: string[] = [];
    for (const [first, last] of this.topLevelArguments(open, this.match[open], MAX_RECORD_FIELDS)) {
      if (first !== last || !this.isString(first)) return undefined;
      values.push(this.value(first));
    }
    return values;
  }

  /** [first, last] token of each top-level argument of a call. */
  private topLevelArguments(open: number, close: number, max = 8): [number, number][] {
    const args: [number, number][] = [];
    let start = open + 1;
    for (let k = open + 1; k <= close && args.length < max;) {
      if (k === close || this.isPunct(k, ',')) {
        if (k > start) args.push([start, k - 1]);
        start = k + 1;
        k++;
      } else {
        k = this.isOpener(k) && this.match[k] > k ? this.match[k] + 1 : k + 1;
      }
    }
    return args;
  }

  /** Column names from `["mrn", "dob"]` or a DDL string `"mrn STRING, dob DATE"`. */
  private frameColumns(start: number, end: number): string[] {
    if (start === end && this.isString(start)) {
      return this.value(start).split(',').map((c) => /^\s*`?([A-Za-z_]\w*)/.exec(c)?.[1] ?? '');
    }
    if (!this.isOpener(start) || this.match[start] !== end) return [];
    const columns: string[] = [];
    for (let k = start + 1; k < end; k++) {
      if (this.isString(k)) columns.push(this.value(k));
      else if (!this.isPunct(k, ',')) return [];
    }
    return columns;
  }

  // ---- Rows of a record type ----

  /** `case class Hospital(ccn: String, name: String, …)`: its fields, by position. */
  private caseClass(name: number): void {
    if (!this.isKind(name, Kind.Identifier) || !this.isPunct(name + 1, '(') || this.match[name + 1] < 0) return;
    const open = name + 1;
    const fields: string[] = [];
    for (const [first, last] of this.topLevelArguments(open, this.match[open], MAX_RECORD_FIELDS)) {
      let k = first;
      while (k < last && (this.word(k) === 'val' || this.word(k) === 'var')) k++;
      if (!this.isKind(k, Kind.Identifier) || (this.op(k + 1) !== ':' && !this.isPunct(k + 1, ':'))) return;
      fields.push(this.value(k));
    }
    this.declareRecord(this.raw(name), fields, open);
  }

  /**
   * `Patient = Row("mrn", "name")` in PySpark and `Patient = namedtuple("Patient", ["mrn", "name"])` (or
   * `"mrn name"`): a record type whose fields are those strings.
   */
  private recordFactory(name: number): void {
    const call = name + 2;
    const w = this.word(call);
    const factory = w === 'row' ? 'row' : w === 'namedtuple' ? 'namedtuple' : undefined;
    if (!factory || !this.isPunct(call + 1, '(') || this.match[call + 1] < 0) return;
    const open = call + 1;
    let fields: string[];
    if (factory === 'row') {
      const strings = this.stringArguments(open);
      if (!strings) return;
      fields = strings;
    } else {
      const args = this.topLevelArguments(open, this.match[open], MAX_RECORD_FIELDS);
      if (args.length < 2) return;
      const [first, last] = args[1];
      fields = first === last && this.isString(first) ? this.value(first).split(/[\s,]+/).filter(Boolean) : this.frameColumns(first, last);
    }
    this.declareRecord(this.raw(name), fields, open);
  }

  private declareRecord(name: string, fields: string[], open: number): void {
    if (fields.length === 0) return;
    this.records.set(name, { fields, table: 0 });
    this.done.fill(1, open, this.match[open] + 1); // field names, not values
  }

  /**
   * Whether the name at i is a record type declared so far in this cell or, in Scala, in any cell of the document
   * (a `case class` of an earlier cell: a notebook's cells share one scope). Not the declaration itself.
   */
  private isRecordType(i: number): boolean {
    const raw = this.raw(i);
    if (this.records.size > 0 && this.records.has(raw)) return true;
    const first = raw.charCodeAt(0);
    if (this.language !== 'scala' || first < 0x41 || first > 0x5a || this.word(i - 1) === 'class') return false;
    const fields = this.declaredTables.get(recordTypeKey(raw));
    if (!fields) return false;
    this.records.set(raw, { fields, table: 0 });
    return true;
  }

  /** `Hospital("320005", "San Juan Valley Medical Center", …)`: each value keyed by its field's position; a type's rows are one table. */
  private recordRow(name: number): void {
    const record = this.records.get(this.raw(name));
    const open = name + 1;
    if (!record || this.match[open] < 0) return;
    record.table ||= ++this.tables;
    this.table = record.table;
    this.emitTuple(open, this.match[open], record.fields);
    this.table = 0;
  }

  // ---- SQL INSERT ----

  /**
   * `INSERT INTO t (mrn, first_name) VALUES ('…', '…'), (…)`: each value keyed by its column's position; with no
   * column list, by the columns a `CREATE TABLE t (…)` of the document declares.
   */
  private insertValues(insert: number): void {
    let k = insert + 1;
    let name = '';
    for (let steps = 0; k < this.n && steps < 24; steps++) {
      const w = this.word(k);
      if (w === 'into' || w === 'overwrite' || w === 'table') {
        k++;
      } else if (this.isName(k) || this.isPunct(k, '.') || this.isKind(k, Kind.Parameter)) {
        name += this.isPunct(k, '.') ? '.' : this.raw(k);
        k++;
      } else if (w === 'partition' && this.isPunct(k + 1, '(') && this.match[k + 1] > k) {
        k = this.match[k + 1] + 1;
      } else {
        break;
      }
    }
    let columns: readonly string[];
    if (this.word(k) === 'values') {
      columns = this.declaredTables.get(tableName(name)) ?? [];
    } else {
      if (!this.isPunct(k, '(') || this.match[k] < 0) return;
      columns = this.columnList(k, this.match[k]);
      k = this.match[k] + 1;
    }
    if (this.word(k) !== 'values' || columns.length === 0) return;
    k++;
    this.table = ++this.tables;
    while (this.isPunct(k, '(') && this.match[k] > k) {
      this.emitTuple(k, this.match[k], columns);
      k = this.match[k] + 1;
      if (!this.isPunct(k, ',')) break;
      k++;
    }
    this.table = 0;
  }

  /**
   * `FROM VALUES (…), (…) AS t(mrn, site_name)` and `FROM (VALUES (…)) t(…)`: an inline table whose columns the
   * alias after its rows names; each value keyed by its column's position. An INSERT's rows, with no alias, are left
   * to insertValues.
   */
  private aliasedValues(values: number): void {
    let k = values + 1;
    const first = k;
    while (this.isPunct(k, '(') && this.match[k] > k) {
      k = this.match[k] + 1;
      if (!this.isPunct(k, ',')) break;
      k++;
    }
    if (k === first) return;
    const rowsEnd = k;
    // The rows may sit in brackets of their own: `(VALUES …) AS t(…)`.
    if (this.isPunct(k, ')')) k++;
    if (this.word(k) === 'as') k++;
    let columns: string[] = [];
    if (this.isName(k) && this.isPunct(k + 1, '(') && this.match[k + 1] >= 0) columns = this.columnList(k + 1, this.match[k + 1]);
    else if (this.isPunct(values - 1, '(') && this.word(values - 2) === 'as' && this.isPunct(values - 3, ')')) {
      // A CTE names its columns before its rows: `WITH t(member_id, dob, phone1) AS (VALUES (…), (…))`.
      const open = this.match[values - 3];
      if (open > 0 && this.isName(open - 1)) columns = this.columnList(open, values - 3);
    }
    if (columns.length === 0) return;
    this.table = ++this.tables;
    for (let row = first; row < rowsEnd && this.isPunct(row, '('); row = this.match[row] + 2) this.emitTuple(row, this.match[row], columns);
    this.table = 0;
  }

  private columnList(open: number, close: number): string[] {
    const columns: string[] = [];
    for (let k = open + 1; k < close; k++) {
      if (this.isName(k) && (this.isPunct(k + 1, ',') || k + 1 === close)) columns.push(this.value(k));
      else if (!this.isPunct(k, ',')) return [];
    }
    return columns;
  }

  private emitTuple(open: number, close: number, columns: readonly string[]): void {
    let position = 0;
    let elementStart = true;
    for (let k = open + 1; k < close;) {
      if (this.isPunct(k, ',')) {
        position++;
        elementStart = true;
        k++;
        continue;
      }
      const key = columns[position];
      if (elementStart && key !== undefined) this.emitElement(k, close, key);
      elementStart = false;
      k = this.isOpener(k) && this.match[k] > k ? this.match[k] + 1 : k + 1;
    }
  }

  /** A row's element at k under its column: a date call whole, or the literal it consists of. */
  private emitElement(k: number, close: number, key: string): void {
    const call = this.dateCallOfElement(k);
    if (call) {
      this.emitDateCall(call, key);
      return;
    }
    const literal = this.literalOfElement(k, close);
    if (literal >= 0) this.emit(literal, key, 'assign');
  }

  /** The date constructor call an element opens with: `date(1948, 1, 5)`, `dt.date(…)`. */
  private dateCallOfElement(k: number): DateCall | undefined {
    if (!this.isKind(k, Kind.Identifier)) return undefined;
    if (this.isPunct(k + 1, '(')) return this.dateCall(k + 1);
    return this.isPunct(k + 1, '.') && this.isKind(k + 2, Kind.Identifier) && this.isPunct(k + 3, '(') ? this.dateCall(k + 3) : undefined;
  }

  /** The literal an element consists of: `'…'`, `DATE '…'`, `to_date('…')`, `CAST('…' AS DATE)`. */
  private literalOfElement(k: number, close: number): number {
    if (isLiteral(this.kind[k])) return k;
    if (SQL_TYPED_LITERAL.has(this.word(k)) && k + 1 < close && isLiteral(this.kind[k + 1])) return k + 1;
    if (this.wrappers.has(this.word(k)) && this.isPunct(k + 1, '(') && k + 2 < close && isLiteral(this.kind[k + 2])) return k + 2;
    return -1;
  }
}

/** Whether a token's Kind code (as read from its column) is a string or number literal. */
function isLiteral(kind: number): boolean {
  return kind === Kind.String || kind === Kind.Number;
}

/** The opening bracket's character code for a closing one, 0 for anything else. */
function openerOf(c: number): number {
  switch (c) {
    case 0x29: return 0x28; // ) (
    case 0x5d: return 0x5b; // ] [
    case 0x7d: return 0x7b; // } {
    default: return 0;
  }
}

/**
 * Lists a finder needs per call, reused from call to call as views of the first n entries: a notebook has
 * thousands of code cells, and a fresh typed array per cell cost more to allocate than the matching itself.
 * Finders run one at a time, so one set serves them all.
 */
class Scratch {
  private matchBuffer = new Int32Array(256);
  private doneBuffer = new Uint8Array(256);
  /** Open brackets of matchBrackets, emptied by every use. */
  readonly stack: number[] = [];

  /** n entries of -1. */
  match(n: number): Int32Array {
    if (this.matchBuffer.length < n) this.matchBuffer = new Int32Array(capacityFor(n));
    return this.matchBuffer.subarray(0, n).fill(-1);
  }

  /** n entries of 0. */
  done(n: number): Uint8Array {
    if (this.doneBuffer.length < n) this.doneBuffer = new Uint8Array(capacityFor(n));
    return this.doneBuffer.subarray(0, n).fill(0);
  }
}

function capacityFor(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}

const scratch = new Scratch();

/**
 * Collections a name says are the organisation's (`ED_SITES = {…}`, `SLEEP_LAB_EQUIPMENT = […]`, `val clinicLookup =
 * Map(…)`, `dme_branches <- list(…)`): [start, end) offset pairs of their brackets, ascending. Their addresses, phones,
 * serials and contact people are the sites' and machines', as in a table of sites. `namesOrganisations` judges the name.
 */
export function organisationCollections(
  text: string, code: TokenColumns, namesOrganisations: (name: string) => boolean, namesOrganisationOnly: (key: string) => boolean,
): number[] {
  const spans: number[] = [];
  let match: Int32Array | undefined;
  for (let i = 0; i + 2 < code.count; i++) {
    if (code.kind[i] !== Kind.Identifier || code.kind[i + 1] !== Kind.Operator) continue;
    const op = text.slice(code.start[i + 1], code.end[i + 1]);
    if (op !== '=' && op !== '<-') continue;
    // The collection: a bracket right after, or a call's (`Map(`, `list(`, `pd.DataFrame(`) a few names on.
    let open = i + 2;
    for (let k = open; k < i + 6 && k < code.count && (code.kind[k] === Kind.Identifier || isDot(text, code, k)); k++) open = k + 1;
    if (open >= code.count || !isOpenerAt(text, code, open)) continue;
    if (spans.length > 0 && code.start[open] < spans[spans.length - 1]) continue;
    const named = namesOrganisations(text.slice(code.valueStart[i], code.valueEnd[i]));
    if (!named && text.charCodeAt(code.start[open]) !== 0x7b /* { */) continue;
    match ??= matchBrackets(text, code);
    const close = match[open];
    if (close <= open) continue;
    // A dict keyed by its sites' or vendors' names (`{"Riverside Clozapine Clinic": {"analyzer": …, "rep": …}}`) is theirs whatever it is called.
    if (named || keysNameOrganisations(text, code, open, close, match, namesOrganisationOnly)) spans.push(code.start[open], code.end[close]);
  }
  return spans;
}

/**
 * The outermost dicts written with quoted keys (`CFG = {"facility": {"name": …, "address": {…}}}`, a JSON payload
 * as a literal): [start, end) offset pairs of their braces, ascending. Read as a printed dict is, each object is a
 * record, so a facility's nested address and a vendor's contact are judged by the record around them.
 */
export function quotedKeyDicts(text: string, code: TokenColumns): number[] {
  const spans: number[] = [];
  let match: Int32Array | undefined;
  for (let i = 0; i + 2 < code.count; i++) {
    if (code.kind[i] !== Kind.Punctuation || code.end[i] - code.start[i] !== 1 || text.charCodeAt(code.start[i]) !== 0x7b /* { */) continue;
    if (code.kind[i + 1] !== Kind.String || code.end[i + 2] - code.start[i + 2] !== 1 || text.charCodeAt(code.start[i + 2]) !== 0x3a /* : */) continue;
    match ??= matchBrackets(text, code);
    const close = match[i];
    if (close <= i) continue;
    spans.push(code.start[i], code.end[close]);
    i = close;
  }
  return spans;
}

/** Most keys of a dict read to judge whom it is keyed by. */
const MAX_COLLECTION_KEYS = 64;

/**
 * Whether the dict between brackets `open` and `close` has string keys at its top level that each have a dict or
 * list for value and all name organisations (`{"Blue Ridge Home Medical": {…}, "Apria Healthcare": {…}}`).
 * Nested brackets are stepped over whole, so each token is read by its own dict only.
 */
function keysNameOrganisations(
  text: string, code: TokenColumns, open: number, close: number, match: Int32Array, namesOrganisationOnly: (key: string) => boolean,
): boolean {
  let keys = 0;
  for (let k = open + 1; k + 2 < close && keys < MAX_COLLECTION_KEYS; k++) {
    if (isOpenerAt(text, code, k)) {
      if (match[k] <= k) return false;
      k = match[k];
      continue;
    }
    if (code.kind[k] !== Kind.String || code.end[k + 1] - code.start[k + 1] !== 1 || text.charCodeAt(code.start[k + 1]) !== 0x3a /* : */) continue;
    if (!isOpenerAt(text, code, k + 2) || !namesOrganisationOnly(text.slice(code.valueStart[k], code.valueEnd[k]))) return false;
    keys++;
  }
  return keys > 0;
}

function isDot(text: string, code: TokenColumns, k: number): boolean {
  return code.kind[k] === Kind.Punctuation && code.end[k] - code.start[k] === 1 && text.charCodeAt(code.start[k]) === 0x2e;
}

function isOpenerAt(text: string, code: TokenColumns, k: number): boolean {
  if (code.kind[k] !== Kind.Punctuation || code.end[k] - code.start[k] !== 1) return false;
  const c = text.charCodeAt(code.start[k]);
  return c === 0x28 || c === 0x5b || c === 0x7b;
}

/** Each bracket token's partner (unbalanced brackets stay -1), in one pass over the tokens. */
function matchBrackets(text: string, code: TokenColumns): Int32Array {
  const match = scratch.match(code.count);
  const stack = scratch.stack;
  stack.length = 0;
  for (let i = 0; i < code.count; i++) {
    const start = code.start[i];
    if (code.kind[i] !== Kind.Punctuation || code.end[i] - start !== 1) continue;
    const c = text.charCodeAt(start);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      stack.push(i);
      continue;
    }
    const opener = openerOf(c);
    if (opener === 0 || stack.length === 0) continue;
    const top = stack[stack.length - 1];
    if (text.charCodeAt(code.start[top]) === opener) {
      stack.pop();
      match[top] = i;
      match[i] = top;
    }
  }
  return match;
}
