/**
 * Unity Catalog metadata as phisafe keeps it: tables with their columns, tags, column masks and row filter.
 * Metadata only — never table data, never credentials. The same shape is the snapshot file written by
 * `phisafe uc snapshot` and the cache of live lookups; scans receive it as `inputs.ucSnapshot`.
 */
import type { Category } from '../engine/model';
import { CATEGORIES } from '../engine/model';

export type UcTags = Readonly<Record<string, string>>;

export interface ColumnMaskInfo {
  readonly functionName: string;
  readonly usingColumnNames: readonly string[];
}

export interface RowFilterInfo {
  readonly functionName: string;
  readonly inputColumnNames: readonly string[];
}

export interface UcColumn {
  readonly name: string;
  readonly type: string;
  readonly tags: UcTags;
  readonly mask?: ColumnMaskInfo;
}

export interface UcTable {
  /** `catalog.schema.table`, lower case as Unity Catalog stores it. */
  readonly fullName: string;
  readonly tableType?: string;
  readonly tags: UcTags;
  readonly rowFilter?: RowFilterInfo;
  readonly columns: readonly UcColumn[];
}

export interface UcSnapshot {
  readonly kind: 'phisafe-uc-snapshot';
  readonly version: 1;
  readonly createdAt: string;
  /** Workspace host the metadata came from (not a credential). */
  readonly host?: string;
  readonly catalog?: string;
  readonly schema?: string;
  readonly tables: readonly UcTable[];
}

/** Settings under `uc` in `.phisafe.json`. */
export interface UcSettings {
  /** A tag with one of these keys marks a column as PHI (unless its value is false/no/none). */
  readonly phiTagKeys: readonly string[];
  /** A tag with one of these values (any key, e.g. `classification: phi`) marks a column as PHI. */
  readonly phiTagValues: readonly string[];
  /** Group whose members see unmasked values in masks the quick fix writes. */
  readonly unmaskedGroup: string;
}

export const DEFAULT_UC_SETTINGS: UcSettings = {
  phiTagKeys: ['phi', 'pii', 'hipaa'],
  phiTagValues: ['phi', 'pii', 'hipaa'],
  unmaskedGroup: 'phi_readers',
};

function lowerStrings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.map((x) => x.toLowerCase()) : undefined;
}

export function resolveUcSettings(raw: unknown): UcSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_UC_SETTINGS;
  const r = raw as Record<string, unknown>;
  return {
    phiTagKeys: lowerStrings(r.phiTagKeys) ?? DEFAULT_UC_SETTINGS.phiTagKeys,
    phiTagValues: lowerStrings(r.phiTagValues) ?? DEFAULT_UC_SETTINGS.phiTagValues,
    unmaskedGroup: typeof r.unmaskedGroup === 'string' && /^[\w.-]{1,100}$/.test(r.unmaskedGroup) ? r.unmaskedGroup : DEFAULT_UC_SETTINGS.unmaskedGroup,
  };
}

const NEGATIVE = new Set(['false', 'no', 'none', '0', 'n']);

/** The tag that marks a column as PHI, as `key` or `key=value`, or undefined. */
export function phiTagOf(tags: UcTags, settings: UcSettings): string | undefined {
  for (const [key, value] of Object.entries(tags)) {
    const k = key.toLowerCase();
    const v = value.toLowerCase();
    if (settings.phiTagKeys.includes(k) && !NEGATIVE.has(v)) return value ? `${key}=${value}` : key;
    if (settings.phiTagValues.includes(v)) return `${key}=${value}`;
  }
  return undefined;
}

const CATEGORY_WORDS: Readonly<Record<string, Category>> = {
  dob: 'date', birth_date: 'date', birthdate: 'date', date_of_birth: 'date', zip: 'geographic', address: 'geographic',
  member_id: 'health-plan-id', beneficiary: 'health-plan-id', account: 'account-number', ip: 'ip-address',
  medical_record_number: 'mrn', social_security_number: 'ssn', full_name: 'name', patient_name: 'name',
};

/** The Safe Harbor category a PHI tag names (`phi: mrn`, `pii_type: ssn`), if it names one. */
export function categoryOfTags(tags: UcTags): Category | undefined {
  for (const [key, value] of Object.entries(tags)) {
    for (const word of [value.toLowerCase(), key.toLowerCase()]) {
      if ((CATEGORIES as readonly string[]).includes(word)) return word as Category;
      if (CATEGORY_WORDS[word]) return CATEGORY_WORDS[word];
    }
  }
  return undefined;
}

const NAME_PART = /^[A-Za-z0-9_`\- ]{1,255}$/;

/** Reads a snapshot from parsed JSON; throws a short message (never the content) for anything else. */
export function parseUcSnapshot(data: unknown): UcSnapshot {
  const fail = (why: string): never => {
    throw new Error(`not a phisafe Unity Catalog snapshot: ${why}`);
  };
  if (!data || typeof data !== 'object') return fail('expected a JSON object');
  const d = data as Record<string, unknown>;
  if (d.kind !== 'phisafe-uc-snapshot') fail('kind is not "phisafe-uc-snapshot"');
  if (d.version !== 1) fail('unsupported version');
  if (!Array.isArray(d.tables)) return fail('no tables array');
  const tables = d.tables.map((t, i) => parseTable(t, i, fail));
  return {
    kind: 'phisafe-uc-snapshot', version: 1, createdAt: typeof d.createdAt === 'string' ? d.createdAt : '',
    host: typeof d.host === 'string' ? d.host : undefined,
    catalog: typeof d.catalog === 'string' ? d.catalog : undefined,
    schema: typeof d.schema === 'string' ? d.schema : undefined,
    tables,
  };
}

function tagsOf(v: unknown): UcTags {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, typeof x === 'string' ? x : String(x ?? '')]));
}

function parseTable(t: unknown, i: number, fail: (why: string) => never): UcTable {
  if (!t || typeof t !== 'object') fail(`table ${i} is not an object`);
  const r = t as Record<string, unknown>;
  if (typeof r.fullName !== 'string' || r.fullName.split('.').length !== 3 || !r.fullName.split('.').every((p) => NAME_PART.test(p))) {
    fail(`table ${i} has no three-part fullName`);
  }
  if (!Array.isArray(r.columns)) fail(`table ${i} has no columns array`);
  const columns = (r.columns as unknown[]).map((c, j): UcColumn => {
    const col = (c ?? {}) as Record<string, unknown>;
    if (typeof col.name !== 'string') fail(`column ${j} of table ${i} has no name`);
    const mask = col.mask as Record<string, unknown> | undefined;
    return {
      name: col.name as string, type: typeof col.type === 'string' ? col.type : '', tags: tagsOf(col.tags),
      mask: mask && typeof mask.functionName === 'string'
        ? { functionName: mask.functionName, usingColumnNames: Array.isArray(mask.usingColumnNames) ? mask.usingColumnNames.map(String) : [] }
        : undefined,
    };
  });
  const rf = r.rowFilter as Record<string, unknown> | undefined;
  return {
    fullName: (r.fullName as string).toLowerCase(), tableType: typeof r.tableType === 'string' ? r.tableType : undefined,
    tags: tagsOf(r.tags), columns,
    rowFilter: rf && typeof rf.functionName === 'string'
      ? { functionName: rf.functionName, inputColumnNames: Array.isArray(rf.inputColumnNames) ? rf.inputColumnNames.map(String) : [] }
      : undefined,
  };
}

const validated = new WeakMap<object, UcSnapshot | null>();

/** The snapshot a face passed (raw JSON from `--uc` or a built one), validated once; invalid input is ignored. */
export function ucSnapshotOf(inputs: Readonly<Record<string, unknown>>): UcSnapshot | undefined {
  const v = inputs.ucSnapshot;
  if (!v || typeof v !== 'object') return undefined;
  let snapshot = validated.get(v);
  if (snapshot === undefined) {
    try {
      snapshot = parseUcSnapshot(v);
    } catch {
      snapshot = null;
    }
    validated.set(v, snapshot);
  }
  return snapshot ?? undefined;
}

/** Default catalog and schema a query runs in (from `USE CATALOG` / `USE SCHEMA`). */
export interface UcDefaults {
  readonly catalog?: string;
  readonly schema?: string;
}

/** Finds a table by a one-, two- or three-part name; an ambiguous short name resolves to nothing. */
export class UcCatalog {
  private readonly byFull = new Map<string, UcTable>();

  constructor(readonly snapshot: UcSnapshot) {
    for (const t of snapshot.tables) this.byFull.set(t.fullName, t);
  }

  resolve(parts: readonly string[], defaults: UcDefaults): UcTable | undefined {
    const p = parts.map((x) => x.toLowerCase());
    if (p.length === 3) return this.byFull.get(p.join('.'));
    const catalog = defaults.catalog?.toLowerCase();
    const schema = defaults.schema?.toLowerCase();
    if (p.length === 2) {
      if (catalog) return this.byFull.get(`${catalog}.${p[0]}.${p[1]}`);
      return this.unique((t) => t.endsWith(`.${p[0]}.${p[1]}`));
    }
    if (p.length !== 1) return undefined;
    if (catalog && schema) return this.byFull.get(`${catalog}.${schema}.${p[0]}`);
    if (schema) return this.unique((t) => t.endsWith(`.${schema}.${p[0]}`));
    return this.unique((t) => t.endsWith(`.${p[0]}`));
  }

  private unique(match: (fullName: string) => boolean): UcTable | undefined {
    let found: UcTable | undefined;
    for (const [name, t] of this.byFull) {
      if (!match(name)) continue;
      if (found) return undefined;
      found = t;
    }
    return found;
  }
}
