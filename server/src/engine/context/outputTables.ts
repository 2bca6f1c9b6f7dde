// PLACEHOLDER — replaced by the output-tables work.
import type { TableValue } from './types';

/** Finds table-shaped output (pandas prints, Spark show() grids, HTML tables) and types each value by its header. */
export function findTableValues(_text: string, _mime: string): TableValue[] {
  return [];
}
