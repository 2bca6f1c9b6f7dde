/**
 * Full dates on a line that names a person: a test fixture's row (`("00591207", "<name>", "1930-01-22", 30,
 * "2024-03-02")`), a note (`<name> (00731654) … elected hospice on 2024-05-21`). On such a
 * line a date is that person's (birth, admission, a visit), cue or not, as the date columns of a table that names
 * a person are. A date that opens the line is the note's or the log's own (`# 2024-02-12 (kp) …`), and a date
 * after `ran`, `as of`, `between` or `since` bounds a run or a query, not an event of the person. Rows of tables
 * are left to their header.
 */
import { isCalendarDate, monthNumber } from './detectors/date';
import { isKnownName, isPlainWord } from './detectors/name';

/** How far either side of a person's identifier its line is read. */
export const RECORD_WINDOW = 300;

const ISO_DATE = /(?<![\w/.-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?![\w/-]|\.\w)/g;
const US_DATE = /(?<![\w/.-])(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\/((?:19|20)\d\d)(?![\w/-]|\.\w)/g;
/** SAS's DATE9 (`05JAN1948`), as SAS listings print a date. */
const SAS_DATE = /(?<![\w/.-])(0?[1-9]|[12]\d|3[01])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)((?:19|20)\d\d)(?![\w/-]|\.\w)/gi;
/** Between a range's first date and its second (`between … and …`, `… to …`, `… - …`). */
const RANGE_GAP = /^\s*(?:and|to|through|thru|until|-|–|\.\.)\s*$/i;
/** Words just before a date that make it a bound of a run, a query or a release. */
const BOUND_BEFORE = /\b(?:ran|run|runs|as of|between|through|thru|since|until|till|window|period|from|version|release|refreshed|loaded|updated)\W{0,3}$/i;
/**
 * A user and a Delta operation after the date (`DESCRIBE HISTORY`'s `2024-04-09 11:22:07  ana@…  UPDATE  {"predicate":
 * "(mrn = …)"}`): when a table changed, not an event of the person its predicate names.
 */
const TABLE_CHANGE_AFTER = /^\s+\S{1,80}\s+(?:WRITE|UPDATE|DELETE|MERGE|OPTIMIZE|VACUUM (?:START|END)|CREATE (?:OR REPLACE )?TABLE(?: AS SELECT)?|REPLACE TABLE|STREAMING UPDATE|RESTORE|CLONE|TRUNCATE|SET TBLPROPERTIES|ADD COLUMNS|CHANGE COLUMN)\b/;
/** Only comment markers, table bars, quotes, brackets and spaces before the date: it opens the line. */
const OPENS_LINE = /^[\s#/*|>'"([{-]*$/;

/** [start, end) pairs of the person's dates on text[lineStart, lineEnd), ascending. */
export function datesOnRecordLine(text: string, lineStart: number, lineEnd: number): number[] {
  const line = text.slice(lineStart, lineEnd);
  const found: number[] = [];
  // A row of a table (`| … | … |`) is read by its header: a `load_date` column is the pipeline's, not the person's.
  if (line.indexOf('|') !== line.lastIndexOf('|')) return found;
  // The end of the last date that bounded a range: the date that closes the range bounds it too.
  let boundEnd = -1;
  for (const [re, y, m, d] of [[ISO_DATE, 1, 2, 3], [US_DATE, 3, 1, 2], [SAS_DATE, 3, 2, 1]] as const) {
    re.lastIndex = 0;
    for (let match = re.exec(line); match; match = re.exec(line)) {
      if (!isCalendarDate(Number(match[y]), monthNumber(match[m]), Number(match[d]))) continue;
      const before = line.slice(Math.max(0, match.index - 24), match.index);
      const closesRange = boundEnd >= 0 && match.index - boundEnd <= 12 && RANGE_GAP.test(line.slice(boundEnd, match.index));
      if (BOUND_BEFORE.test(before) || closesRange) {
        boundEnd = match.index + match[0].length;
        continue;
      }
      if (OPENS_LINE.test(line.slice(0, match.index))) continue;
      if (TABLE_CHANGE_AFTER.test(line.slice(match.index + match[0].length, match.index + match[0].length + 120))) continue;
      found.push(lineStart + match.index, lineStart + match.index + match[0].length);
    }
  }
  return found.length <= 2 ? found : inOrder(found);
}

function inOrder(pairs: number[]): number[] {
  const sorted: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) sorted.push([pairs[i], pairs[i + 1]]);
  sorted.sort((a, b) => a[0] - b[0]);
  return sorted.flat();
}

/** What may stand between an identifier's literal and a comment after it: its quote, a comma, a bracket. */
const BEFORE_COMMENT = /[ \t,;)\]}"'`]*(?:#|\/\/|--)[ \t]*/y;
/** Two to four words of a name, capitalised or in capitals (`Gennady Arkadyevich Volkov`, `PETTIGREW Harold`). */
const NAME_WORDS = /(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,}(?:['-][A-Z]+)*)(?:[ \t]+(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,}(?:['-][A-Z]+)*|[A-Z]\.?)){1,3}(?![\w'’-])/y;

/**
 * The name a comment right after a person's identifier opens with (`"20155923",  # <name> -- switched to …`): a
 * list of ids annotated with whose each is. [start, end) in `text`, or undefined. No word may be an ordinary word
 * that is no name (`# Data Engineering`, `# See Ticket`).
 */
export function nameAfterIdentifier(text: string, idEnd: number, lineEnd: number): [number, number] | undefined {
  BEFORE_COMMENT.lastIndex = idEnd;
  if (!BEFORE_COMMENT.test(text) || BEFORE_COMMENT.lastIndex >= lineEnd) return undefined;
  const start = BEFORE_COMMENT.lastIndex;
  NAME_WORDS.lastIndex = start;
  const m = NAME_WORDS.exec(text);
  if (!m || start + m[0].length > lineEnd) return undefined;
  for (const word of m[0].split(/[ \t]+/)) {
    const bare = word.replace(/\.$/, '');
    if (bare.length > 1 && !isKnownName(bare) && isPlainWord(bare.toLowerCase())) return undefined;
  }
  return [start, start + m[0].length];
}
