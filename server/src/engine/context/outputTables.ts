/**
 * Tables in cell outputs, every value typed by its column header or key: HTML tables, Spark show() grids,
 * pandas prints, Markdown tables, printed Rows and dicts, and `key: value` log lines. The detectors decide
 * which keys matter; this only says which key each value sits under. One pass per reader, bounded output.
 */
import { htmlTableValues } from './htmlTables';
import { keyValueLines, quotedPairs, rowValues } from './keyValues';
import { Lines, ValueSink } from './tableSink';
import { textTableValues } from './textTables';
import type { TableValue } from './types';

/** Finds table-shaped output (pandas prints, Spark show() grids, HTML tables) and types each value by its header. */
export function findTableValues(text: string, mime: string): TableValue[] {
  if (text.length === 0) return [];
  const sink = new ValueSink(text);
  if (mime.toLowerCase().includes('html')) {
    htmlTableValues(text, sink);
  } else {
    const lines = new Lines(text);
    const consumed = textTableValues(lines, sink);
    rowValues(text, sink);
    quotedPairs(text, sink);
    keyValueLines(lines, consumed, sink);
  }
  return sink.values.sort((a, b) => a.start - b.start || a.end - b.end);
}
