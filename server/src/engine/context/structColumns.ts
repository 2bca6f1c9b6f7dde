/**
 * A Databricks result's struct columns as records nested in its table, the way JSON objects nest in a printed
 * record (keyValues.ts): a struct under a key naming the row's person or contact (`patient`, `guardian`,
 * `next_of_kin`) joins the row, so its name and phone are the row's patient's or contact's; any other struct
 * (`code_team: [{role, name, pager}]`, `defib: {model, serial}`) is a table of its own, judged by its own fields.
 */
import type { KeyedSlice } from '../model';
import { objectJoin } from './keyValues';
import { joinsAsContact, JOINED_PERSON, JOINED_STAFF, NOT_JOINED } from './tableSink';
import type { TableValue } from './types';

/** The table values of a result numbered `table`, each value with its struct's record (none: the row's own). */
export function structTableValues(keyed: readonly KeyedSlice[], table: number): TableValue[] {
  const records = new Map<string, NestedRecord>();
  let tables = table;
  const recordOf = (path: readonly string[]): NestedRecord => {
    let record: NestedRecord = { table, within: 0, join: NOT_JOINED, organisation: false };
    let at = '';
    for (const key of path) {
      at += `\u0000${key}`;
      const known = records.get(at);
      if (known) {
        record = known;
        continue;
      }
      const { organisations, as } = objectJoin(key);
      record = as !== NOT_JOINED
        ? { ...record, join: as }
        : { table: ++tables, within: record.table, join: NOT_JOINED, organisation: organisations };
      records.set(at, record);
    }
    return record;
  };
  return keyed.map((k): TableValue => {
    const end = k.value.text.length;
    if (!k.path?.length || table <= 0) return { key: k.key, start: 0, end, table };
    const { table: t, within, join, organisation } = recordOf(k.path);
    return {
      key: k.key, start: 0, end, table: t, within, joined: joinsAsContact(join),
      staff: join === JOINED_STAFF, person: join === JOINED_PERSON, organisation,
    };
  });
}

interface NestedRecord {
  readonly table: number;
  /** The table of the record this struct's record is nested in; 0 for the row's own. */
  readonly within: number;
  readonly join: number;
  readonly organisation: boolean;
}
