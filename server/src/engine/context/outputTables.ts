/**
 * Tables in cell outputs, every value typed by its column header or key: HTML tables, Spark show() grids,
 * pandas prints, Markdown tables, printed Rows and dicts, and `key: value` log lines. The detectors decide
 * which keys matter; this only says which key each value sits under. One pass per reader, bounded output.
 */
import { htmlTableValues } from './htmlTables';
import { isFhirPerson, keyValueLines, logRecordLines, quotedPairs, rowValues } from './keyValues';
import { Lines, MAX_TABLE_VALUES, ValueSink } from './tableSink';
import { textTableValues } from './textTables';
import { xmlElementValues } from './xmlElements';
import type { TableValue } from './types';

/**
 * Finds table-shaped output (pandas prints, Spark show() grids, HTML tables) and types each value by its header;
 * with `wanted`, only values under the keys it accepts are returned (the others are read all the same).
 */
export function findTableValues(text: string, mime: string, wanted?: (key: string) => boolean): TableValue[] {
  if (text.length === 0) return [];
  const html = mime.toLowerCase().includes('html');
  // HTML has one reader, whose cells never share a span; text has four, which may read a span twice.
  const sink = new ValueSink(text, MAX_TABLE_VALUES, wanted, html);
  if (html) {
    htmlTableValues(text, sink);
  } else {
    const lines = new Lines(text);
    const consumed = textTableValues(lines, sink);
    rowValues(text, sink);
    xmlElementValues(text, sink);
    quotedPairs(text, sink, isFhirPerson(text));
    keyValueLines(lines, consumed, sink);
  }
  return releasedInTextOrder(sink);
}

/**
 * Tables pasted into comments, Markdown and strings: grids, pandas prints, Markdown tables, printed Rows, XML
 * elements, log lines of tight `key=value` pairs, blocks of lower-case `key: value` lines (YAML) and FHIR person
 * resources only. Their other `key: value` lines and quoted pairs are prose and documented examples (`Owner: …`, a
 * package.json in a code fence), not a record.
 */
export function findPastedTableValues(text: string, wanted?: (key: string) => boolean): TableValue[] {
  if (text.length === 0) return [];
  const sink = new ValueSink(text, MAX_TABLE_VALUES, wanted, false);
  const lines = new Lines(text);
  const consumed = textTableValues(lines, sink);
  rowValues(text, sink);
  xmlElementValues(text, sink);
  if (text.includes('=')) logRecordLines(lines, consumed, sink);
  // A YAML block pasted whole (a config, a vendor list) is records as in an output; lone `key: value` lines are prose.
  if (text.includes(': ')) keyValueLines(lines, consumed, sink, true);
  // A FHIR person resource pasted whole (a debugging note, a test fixture) is one person's record.
  if (isFhirPerson(text)) quotedPairs(text, sink, true);
  return releasedInTextOrder(sink);
}

/**
 * The records of a dict or JSON written out whole (a config dict in code, a pprint pasted in a comment): each
 * object one record, nested and joined as a printed dict's are. Read to say whose its values are, not to find more.
 */
export function findQuotedRecordValues(text: string): TableValue[] {
  if (text.length === 0) return [];
  const sink = new ValueSink(text, MAX_TABLE_VALUES, undefined, false);
  quotedPairs(text, sink);
  return releasedInTextOrder(sink);
}

/** The sink's values in text order, once its readers are done. */
function releasedInTextOrder(sink: ValueSink): TableValue[] {
  sink.release();
  // One reader (HTML, or text with a single table) adds its values in order: checked in a loop, not sorted.
  return inOrder(sink.values) ? sink.values : sink.values.sort((a, b) => a.start - b.start || a.end - b.end);
}

function inOrder(values: readonly TableValue[]): boolean {
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}
