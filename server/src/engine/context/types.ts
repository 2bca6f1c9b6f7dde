/** A literal in code together with the column or key it is compared with or assigned to. */
export interface KeyedLiteral {
  /** The column, key, keyword argument or variable name, as written (without quotes or backticks). */
  readonly key: string;
  /** How the literal relates to the key; bounds (`<`, `>=`, BETWEEN) mean a range, not one person's value. */
  readonly relation: 'equals' | 'not-equals' | 'in-list' | 'assign' | 'bound' | 'like';
  /** Span of the literal's content (no quotes) in the text that was lexed. */
  readonly start: number;
  readonly end: number;
  /**
   * The table of rows the literal is a value of (`createDataFrame([(…), (…)], [...])`, an INSERT's VALUES),
   * numbered from 1 within one lexed text; 0 for a literal outside any.
   */
  readonly table: number;
}

/** A value in an output typed by the table column it sits under, as offsets in the output text. */
export interface TableValue {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /**
   * The table (or printed record) the value sits in, numbered from 1 within one text; 0 for a value outside any
   * (`key: value` lines, dict prints). A table with a person's identifier in it holds one person per row.
   */
  readonly table: number;
  /** The table of the record whose object this value's object is nested in (a vendor's `"intake": {…}`), if any. */
  readonly within?: number;
  /** The value sits in an object joined to its record by a key naming the record's contact or person (`"contact": {…}`). */
  readonly joined?: boolean;
  /** The object is a workforce member's (`"assignee": {…}`, `"rep": {…}`): its names, mails and numbers are staff's. */
  readonly staff?: boolean;
  /** The value sits in a patient's or member's object joined to its record (`"patient": {…}`): the record is theirs. */
  readonly person?: boolean;
  /** The record sits under a key naming organisations (`"vendors": {"lab_app": {…}}`, `"facility": {…}`): it is one's unless it identifies a person. */
  readonly organisation?: boolean;
}

/**
 * Calls that build a date from a year, a month and a day as numbers, lower case: Python's `date(…)` and
 * `datetime(…)`, Spark SQL's `make_date(…)`, R's `ISOdate(…)`, Scala's `LocalDate.of(…)`. Code context keys such a
 * call as one value; the keyed check reads it as a date.
 */
export const DATE_CONSTRUCTORS: readonly string[] = ['date', 'datetime', 'make_date', 'make_timestamp', 'isodate', 'isodatetime', 'of'];
