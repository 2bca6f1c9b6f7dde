/**
 * Unity Catalog metadata from the workspace: tables.get for columns, masks and row filter, and entity tag
 * assignments for table and column tags. Metadata only; table data is never queried. List endpoints are
 * paged by hand because the SDK's iterators stop at an empty page that still has a next_page_token.
 */
import type * as Sdk from '@databricks/sdk-experimental';
import { DatabricksUnavailable, type CancellationLike, type WorkspaceConnection } from './client';
import type { UcColumn, UcSnapshot, UcTable, UcTags } from './ucModel';

const MAX_PAGES = 200;
const TAG_CONCURRENCY = 6;

interface Page<T> {
  readonly items: T[];
  readonly next?: string;
}

/** Every page of a list endpoint, following next_page_token past empty pages. */
async function allPages<T>(
  conn: WorkspaceConnection, what: string, path: string, query: Record<string, string>,
  read: (body: Record<string, unknown>) => Page<T>, cancel?: CancellationLike,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const q = token ? { ...query, page_token: token } : query;
    const body = await conn.call(what, (c, ctx) => c.apiClient.request({
      path, method: 'GET', headers: new Headers({ Accept: 'application/json' }), raw: false, query: q,
    }, ctx), cancel) as Record<string, unknown>;
    const page = read(body ?? {});
    out.push(...page.items);
    if (!page.next) break;
    token = page.next;
  }
  return out;
}

function tagsFrom(body: Record<string, unknown>): Page<[string, string]> {
  const list = Array.isArray(body.tag_assignments) ? (body.tag_assignments as Sdk.catalog.EntityTagAssignment[]) : [];
  return {
    items: list.filter((t) => typeof t.tag_key === 'string').map((t) => [t.tag_key, t.tag_value ?? '']),
    next: typeof body.next_page_token === 'string' && body.next_page_token ? body.next_page_token : undefined,
  };
}

async function tagsOf(conn: WorkspaceConnection, entityType: 'tables' | 'columns', entityName: string, cancel?: CancellationLike): Promise<UcTags> {
  const path = `/api/2.1/unity-catalog/entity-tag-assignments/${entityType}/${encodeURIComponent(entityName)}/tags`;
  return Object.fromEntries(await allPages(conn, `reading tags of ${entityName}`, path, {}, tagsFrom, cancel));
}

/** Runs `fn` over items with at most `limit` calls in flight. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One table's metadata: columns with types, masks and tags; row filter; table tags. */
export async function fetchUcTable(conn: WorkspaceConnection, fullName: string, cancel?: CancellationLike): Promise<UcTable> {
  const info = await conn.call(`looking up ${fullName}`, (c, ctx) => c.tables.get({ full_name: fullName }, ctx), cancel);
  const name = (info.full_name ?? fullName).toLowerCase();
  const columns = info.columns ?? [];
  const columnTags = await mapLimited(columns, TAG_CONCURRENCY, (col) => tagsOf(conn, 'columns', `${name}.${col.name ?? ''}`, cancel));
  const tableTags = await tagsOf(conn, 'tables', name, cancel);
  return {
    fullName: name,
    tableType: info.table_type,
    tags: tableTags,
    rowFilter: info.row_filter ? { functionName: info.row_filter.function_name, inputColumnNames: info.row_filter.input_column_names ?? [] } : undefined,
    columns: columns.map((col, i): UcColumn => ({
      name: col.name ?? '',
      type: col.type_text ?? col.type_name ?? '',
      tags: columnTags[i],
      mask: col.mask?.function_name ? { functionName: col.mask.function_name, usingColumnNames: col.mask.using_column_names ?? [] } : undefined,
    })),
  };
}

/** Names of the tables in a catalog (and schema). */
export async function listUcTables(conn: WorkspaceConnection, catalog: string, schema: string | undefined, cancel?: CancellationLike): Promise<string[]> {
  const schemas = schema ? [schema] : await allPages(conn, `listing schemas of ${catalog}`, '/api/2.1/unity-catalog/schemas', { catalog_name: catalog }, (b) => ({
    items: (Array.isArray(b.schemas) ? (b.schemas as Sdk.catalog.SchemaInfo[]) : []).map((s) => s.name ?? '').filter((n) => n && n !== 'information_schema'),
    next: typeof b.next_page_token === 'string' && b.next_page_token ? b.next_page_token : undefined,
  }), cancel);
  const out: string[] = [];
  for (const s of schemas) {
    out.push(...await allPages(conn, `listing tables of ${catalog}.${s}`, '/api/2.1/unity-catalog/tables', { catalog_name: catalog, schema_name: s }, (b) => ({
      items: (Array.isArray(b.tables) ? (b.tables as Sdk.catalog.TableInfo[]) : []).map((t) => t.full_name ?? `${catalog}.${s}.${t.name ?? ''}`),
      next: typeof b.next_page_token === 'string' && b.next_page_token ? b.next_page_token : undefined,
    }), cancel));
  }
  return out;
}

/** Builds a snapshot file's content: metadata of every table in the catalog (and schema); no data, no credentials. */
export async function buildUcSnapshot(conn: WorkspaceConnection, catalog: string, schema?: string, cancel?: CancellationLike, now = new Date()): Promise<UcSnapshot> {
  const names = await listUcTables(conn, catalog, schema, cancel);
  const tables: UcTable[] = [];
  for (const n of names) tables.push(await fetchUcTable(conn, n, cancel));
  tables.sort((a, b) => a.fullName.localeCompare(b.fullName));
  return { kind: 'phisafe-uc-snapshot', version: 1, createdAt: now.toISOString(), catalog, schema, tables };
}

interface CacheEntry {
  readonly at: number;
  readonly table?: UcTable;
  /** A table that does not exist (404) is remembered too, so a typo is not looked up on every keystroke. */
  readonly missing?: boolean;
}

/**
 * Live lookups with a time-to-live and a manual refresh, for the language server. Serves what it has as a
 * UcSnapshot (the shape the analyzers read) and fetches what it lacks.
 */
export class UcMetadataCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly conn: WorkspaceConnection, private readonly ttlMs = 10 * 60 * 1000, private readonly clock: () => number = Date.now) {}

  /** Fetches the tables not cached (or expired); a lookup failure other than 404 is thrown, once per batch. */
  async ensure(fullNames: readonly string[], cancel?: CancellationLike): Promise<void> {
    const now = this.clock();
    const stale = [...new Set(fullNames.map((n) => n.toLowerCase()))].filter((n) => {
      const e = this.entries.get(n);
      return !e || now - e.at > this.ttlMs;
    });
    for (const name of stale) {
      try {
        this.entries.set(name, { at: now, table: await fetchUcTable(this.conn, name, cancel) });
      } catch (e) {
        if (e instanceof DatabricksUnavailable && e.reason === 'not-found') this.entries.set(name, { at: now, missing: true });
        else throw e;
      }
    }
  }

  snapshot(): UcSnapshot {
    const tables = [...this.entries.values()].flatMap((e) => (e.table ? [e.table] : []));
    return { kind: 'phisafe-uc-snapshot', version: 1, createdAt: new Date(this.clock()).toISOString(), tables };
  }

  /** Manual refresh: forget everything; the next lookups go to the workspace. */
  clear(): void {
    this.entries.clear();
  }
}
