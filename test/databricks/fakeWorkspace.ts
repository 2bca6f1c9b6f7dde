/**
 * A fake Databricks workspace for tests only: a Node HTTP server on 127.0.0.1 (random port) answering the real
 * REST paths with the real response shapes, so the real SDK client talks to it over a real socket. It holds
 * metadata only, checks the bearer token, and can answer 401/403/404 or slowly on demand.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeColumn {
  readonly name: string;
  readonly type_text: string;
  readonly mask?: { function_name: string; using_column_names?: string[] };
  readonly tags?: Record<string, string>;
}

export interface FakeTable {
  readonly full_name: string;
  readonly columns: FakeColumn[];
  readonly row_filter?: { function_name: string; input_column_names: string[] };
  readonly tags?: Record<string, string>;
}

export interface FakeOptions {
  readonly token: string;
  readonly tables?: FakeTable[];
  readonly clusters?: Record<string, Record<string, unknown>>;
  readonly policies?: Record<string, { name: string; definition: string }>;
}

export class FakeWorkspace {
  readonly requests: string[] = [];
  /** Delay before answering, in ms (a slow workspace). */
  delayMs = 0;
  /** Forces every API answer to this status (401, 403, 500...). */
  forceStatus: number | undefined;
  private server: Server | undefined;
  private readonly pending = new Set<ServerResponse>();

  constructor(readonly options: FakeOptions) {}

  get host(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.pending) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push(`${req.method} ${req.url}`);
    this.pending.add(res);
    res.on('close', () => this.pending.delete(res));
    const answer = () => {
      if (res.destroyed) return;
      const [status, body] = this.route(req);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.delayMs > 0) setTimeout(answer, this.delayMs);
    else answer();
  }

  private route(req: IncomingMessage): [number, unknown] {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== `Bearer ${this.options.token}`) {
      return [403, { error_code: '403', message: 'Invalid access token.' }];
    }
    if (this.forceStatus === 401) return [401, { error_code: 'UNAUTHENTICATED', message: 'Credential was not sent or was of an unsupported type.' }];
    if (this.forceStatus === 403) return [403, { error_code: 'PERMISSION_DENIED', message: 'User does not have USE CATALOG on the catalog.' }];
    if (this.forceStatus) return [this.forceStatus, { error_code: 'INTERNAL_ERROR', message: 'Internal error.' }];
    const p = url.pathname;
    const q = url.searchParams;
    const tables = this.options.tables ?? [];
    let m: RegExpExecArray | null;
    if ((m = /^\/api\/2\.1\/unity-catalog\/tables\/([^/]+)$/.exec(p))) {
      const t = tables.find((x) => x.full_name === decodeURIComponent(m![1]));
      if (!t) return [404, { error_code: 'TABLE_DOES_NOT_EXIST', message: 'Table does not exist.' }];
      const [catalog_name, schema_name, name] = t.full_name.split('.');
      return [200, {
        full_name: t.full_name, catalog_name, schema_name, name, table_type: 'MANAGED', row_filter: t.row_filter,
        columns: t.columns.map((c, i) => ({ name: c.name, type_text: c.type_text, type_name: c.type_text, position: i, nullable: true, mask: c.mask })),
      }];
    }
    if (p === '/api/2.1/unity-catalog/schemas') {
      const names = [...new Set(tables.filter((t) => t.full_name.startsWith(`${q.get('catalog_name')}.`)).map((t) => t.full_name.split('.')[1]))];
      return [200, { schemas: [...names, 'information_schema'].map((name) => ({ name, catalog_name: q.get('catalog_name'), full_name: `${q.get('catalog_name')}.${name}` })) }];
    }
    if (p === '/api/2.1/unity-catalog/tables') {
      // One table per page, and an empty page first that still carries a next_page_token (legal per the API).
      const list = tables.filter((t) => t.full_name.startsWith(`${q.get('catalog_name')}.${q.get('schema_name')}.`));
      const page = Number(q.get('page_token') ?? '-1');
      if (page < 0) return [200, { tables: [], next_page_token: '0' }];
      const t = list[page];
      return [200, { tables: t ? [{ full_name: t.full_name, name: t.full_name.split('.')[2] }] : [], next_page_token: page + 1 < list.length ? String(page + 1) : undefined }];
    }
    if ((m = /^\/api\/2\.1\/unity-catalog\/entity-tag-assignments\/(tables|columns)\/([^/]+)\/tags$/.exec(p))) {
      const name = decodeURIComponent(m[2]);
      const owner = tables.find((t) => t.full_name === name || name.startsWith(`${t.full_name}.`));
      const tags = m[1] === 'tables' ? owner?.tags : owner?.columns.find((c) => c.name === name.slice(owner.full_name.length + 1))?.tags;
      const all = Object.entries(tags ?? {}).map(([tag_key, tag_value]) => ({ entity_type: m![1], entity_name: name, tag_key, tag_value }));
      // Page 1 is empty with a token; page 2 has the tags.
      if (!q.get('page_token')) return [200, { tag_assignments: [], next_page_token: all.length ? 'p2' : undefined }];
      return [200, { tag_assignments: all }];
    }
    if (p === '/api/2.1/clusters/get') {
      const c = this.options.clusters?.[q.get('cluster_id') ?? ''];
      if (!c) return [400, { error_code: 'INVALID_PARAMETER_VALUE', message: 'Cluster does not exist' }];
      return [200, { cluster_id: q.get('cluster_id'), ...c }];
    }
    if (p === '/api/2.0/policies/clusters/get') {
      const policy = this.options.policies?.[q.get('policy_id') ?? ''];
      if (!policy) return [404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Policy does not exist' }];
      return [200, { policy_id: q.get('policy_id'), ...policy }];
    }
    return [404, { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${req.method} ${p}'` }];
  }
}
