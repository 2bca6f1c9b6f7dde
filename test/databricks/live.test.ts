import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, DatabricksUnavailable, type ConnectionSettings } from '../../server/src/databricks/client';
import { DatabricksEditorFeatures } from '../../server/src/databricks/editor';
import { fetchLiveClusters, referencedClusterIds } from '../../server/src/databricks/clusterLookup';
import { buildUcSnapshot, fetchUcTable, UcMetadataCache } from '../../server/src/databricks/ucLive';
import { parseUcSnapshot } from '../../server/src/databricks/ucModel';
import { referencedTableNames } from '../../server/src/databricks/ucReferences';
import { resolveConfig } from '../../server/src/engine/config';
import { scanText } from '../../server/src/engine/scan';
import { FakeWorkspace } from './fakeWorkspace';
import { fixture } from './helpers';

// Built at run time so no credential-shaped literal sits in the repository.
const TOKEN = ['fake', 'token', 'for', 'tests', String(process.pid)].join('-');
const CLUSTER_ID = ['0000', '000000', 'livetest'].join('-');

function workspace(): FakeWorkspace {
  return new FakeWorkspace({
    token: TOKEN,
    tables: [
      {
        full_name: 'demo_health.clinical.patients',
        row_filter: { function_name: 'demo_health.governance.by_site', input_column_names: ['site_code'] },
        tags: { domain: 'clinical' },
        columns: [
          { name: 'member_ref', type_text: 'string', tags: { phi: 'health-plan-id' } },
          { name: 'birth_dt', type_text: 'date', tags: { pii: '' }, mask: { function_name: 'demo_health.governance.mask_date' } },
          { name: 'site_code', type_text: 'string' },
        ],
      },
      { full_name: 'demo_health.clinical.sites', columns: [{ name: 'site_code', type_text: 'string' }] },
    ],
    clusters: {
      [CLUSTER_ID]: { cluster_name: 'shared-analysis', spark_version: '13.3.x-scala2.12', data_security_mode: 'NONE', autotermination_minutes: 0, policy_id: 'pol-1', spark_conf: { 'spark.secret.thing': 'never-copied' } },
    },
    policies: { 'pol-1': { name: 'phi', definition: JSON.stringify({ enable_local_disk_encryption: { type: 'fixed', value: false } }) } },
  });
}

describe('live Databricks workspace through the real SDK (fake server on 127.0.0.1)', function () {
  let ws: FakeWorkspace;
  let dir: string;
  let configFile: string;

  before(async () => {
    ws = await workspace().start();
    dir = mkdtempSync(join(tmpdir(), 'phisafe-dbx-'));
    configFile = join(dir, 'databrickscfg');
    writeFileSync(configFile, `[fake]\nhost = ${ws.host}\ntoken = ${TOKEN}\n\n[wrong]\nhost = ${ws.host}\ntoken = not-the-token\n`);
  });
  after(async () => {
    await ws.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    ws.delayMs = 0;
    ws.forceStatus = undefined;
  });

  const settings = (extra: Partial<ConnectionSettings> = {}): ConnectionSettings => ({ profile: 'fake', configFile, env: {}, timeoutSeconds: 3, ...extra });

  async function failure(p: Promise<unknown>): Promise<DatabricksUnavailable> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof DatabricksUnavailable, `expected DatabricksUnavailable, got ${String(e)}`);
      assert.ok(!e.message.includes(TOKEN) && !String(e.stack).includes(TOKEN), 'token in error');
      return e;
    }
    throw new Error('expected a failure');
  }

  it('reads table metadata with a profile: columns, masks, row filter, tags (paged past empty pages)', async () => {
    const t = await fetchUcTable(connect(settings()), 'demo_health.clinical.patients');
    assert.equal(t.fullName, 'demo_health.clinical.patients');
    assert.deepEqual(t.columns.map((c) => [c.name, c.tags, c.mask?.functionName]), [
      ['member_ref', { phi: 'health-plan-id' }, undefined],
      ['birth_dt', { pii: '' }, 'demo_health.governance.mask_date'],
      ['site_code', {}, undefined],
    ]);
    assert.equal(t.rowFilter?.functionName, 'demo_health.governance.by_site');
    assert.deepEqual(t.tags, { domain: 'clinical' });
    assert.ok(ws.requests.every((r) => !r.includes('/sql/statements')), 'no query of table data');
  });

  it('authenticates from DATABRICKS_HOST and DATABRICKS_TOKEN too', async () => {
    const conn = connect({ configFile, env: { DATABRICKS_HOST: ws.host, DATABRICKS_TOKEN: TOKEN }, timeoutSeconds: 3 });
    assert.equal((await fetchUcTable(conn, 'demo_health.clinical.sites')).columns.length, 1);
  });

  it('a query over a PHI-tagged unmasked column is flagged with live metadata', async () => {
    const { path, text } = fixture('uc', 'queries.sql');
    const cache = new UcMetadataCache(connect(settings()));
    const document = scanText(path, text).document!;
    const names = referencedTableNames(document);
    assert.ok(names.includes('demo_health.clinical.patients'));
    await cache.ensure(names);
    const findings = scanText(path, text, { inputs: { ucSnapshot: cache.snapshot() } }).findings.filter((f) => f.ruleId === 'uc/unmasked-phi-column');
    assert.deepEqual([...new Set(findings.map((f) => f.contextKey))], ['member_ref']);
  });

  it('the cache serves within its time-to-live and refreshes on demand', async () => {
    let now = 0;
    const cache = new UcMetadataCache(connect(settings()), 1000, () => now);
    const count = () => ws.requests.filter((r) => r === 'GET /api/2.1/unity-catalog/tables/demo_health.clinical.sites').length;
    const before = count();
    await cache.ensure(['demo_health.clinical.sites']);
    await cache.ensure(['demo_health.clinical.sites']);
    assert.equal(count(), before + 1);
    now = 2000;
    await cache.ensure(['demo_health.clinical.sites']);
    assert.equal(count(), before + 2);
    cache.clear();
    await cache.ensure(['demo_health.clinical.sites']);
    assert.equal(count(), before + 3);
    await cache.ensure(['demo_health.clinical.none_such']);
    assert.equal(cache.snapshot().tables.length, 1);
  });

  it('snapshot round trip: the written file parses back, holds metadata and no credentials', async () => {
    const snap = await buildUcSnapshot(connect(settings()), 'demo_health');
    const file = join(dir, 'uc.json');
    writeFileSync(file, JSON.stringify(snap, null, 2));
    const raw = readFileSync(file, 'utf8');
    assert.ok(!raw.includes(TOKEN));
    const back = parseUcSnapshot(JSON.parse(raw));
    assert.deepEqual(back.tables.map((t) => t.fullName), ['demo_health.clinical.patients', 'demo_health.clinical.sites']);
    assert.deepEqual(back, parseUcSnapshot(snap));
  });

  it('404: a missing table is a clear not-found', async () => {
    const e = await failure(fetchUcTable(connect(settings()), 'demo_health.clinical.none_such'));
    assert.equal(e.reason, 'not-found');
    assert.match(e.message, /not found/);
  });

  it('403 with a bad token, and 401: clear messages that never hold the token', async () => {
    const bad = await failure(fetchUcTable(connect(settings({ profile: 'wrong' })), 'demo_health.clinical.sites'));
    assert.equal(bad.reason, 'forbidden');
    ws.forceStatus = 401;
    const unauth = await failure(fetchUcTable(connect(settings()), 'demo_health.clinical.sites'));
    assert.equal(unauth.reason, 'unauthorized');
    assert.match(unauth.message, /401/);
  });

  it('a slow workspace fails at the timeout, not minutes later', async () => {
    ws.delayMs = 30_000;
    const started = process.hrtime.bigint();
    const e = await failure(fetchUcTable(connect(settings({ timeoutSeconds: 1 })), 'demo_health.clinical.sites'));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.equal(e.reason, 'timeout');
    assert.ok(seconds < 10, `took ${seconds}s`);
  });

  it('a caller can cancel a call in flight', async () => {
    ws.delayMs = 30_000;
    const listeners: (() => unknown)[] = [];
    const token = { isCancellationRequested: false, onCancellationRequested: (l: () => unknown) => listeners.push(l) };
    const p = fetchUcTable(connect(settings({ timeoutSeconds: 20 })), 'demo_health.clinical.sites', token);
    setTimeout(() => { token.isCancellationRequested = true; listeners.forEach((l) => l()); }, 200);
    assert.equal((await failure(p)).reason, 'cancelled');
  });

  it('refused connections and missing credentials fail fast and say why', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
    });
    const refused = await failure(fetchUcTable(connect({ configFile, env: { DATABRICKS_HOST: `http://127.0.0.1:${port}`, DATABRICKS_TOKEN: TOKEN }, timeoutSeconds: 3 }), 'a.b.c'));
    assert.equal(refused.reason, 'unreachable');
    assert.match(refused.message, /cannot reach/);
    const empty = join(dir, 'empty.cfg');
    writeFileSync(empty, '');
    const none = await failure(fetchUcTable(connect({ profile: 'missing', configFile: empty, env: {}, timeoutSeconds: 3 }), 'a.b.c'));
    assert.ok(['no-credentials', 'failed'].includes(none.reason), none.reason);
    assert.match(none.message, /profile "missing"/);
  });

  it('live cluster checks: the fetched cluster and its policy are judged by the same rules, said to be live', async () => {
    const { path, text } = fixture('specs', 'job-create.json');
    const spec = text.replace('0000-000000-fixture02', CLUSTER_ID);
    const ids = referencedClusterIds(path, spec);
    assert.deepEqual(ids, [CLUSTER_ID]);
    const { clusters, errors } = await fetchLiveClusters(connect(settings()), ids);
    assert.deepEqual(errors, []);
    assert.ok(!JSON.stringify(clusters).includes('never-copied'), 'spark_conf is not copied');
    const live = scanText(path, spec, { inputs: { liveClusters: clusters } }).findings.filter((f) => f.message.includes('live'));
    const line = spec.slice(0, spec.indexOf(CLUSTER_ID)).split('\n').length - 1;
    assert.deepEqual(live.map((f) => f.ruleId).sort(), ['cluster/access-mode', 'cluster/auto-termination', 'cluster/disk-encryption', 'cluster/runtime-version']);
    assert.ok(live.every((f) => f.range.line === line));
  });

  it('a cluster id in code is flagged offline and checked live when a workspace answers', async () => {
    const code = `from databricks.connect import DatabricksSession\nspark = DatabricksSession.builder.clusterId("${CLUSTER_ID}").getOrCreate()\n`;
    const offline = scanText('/w/job.py', code).findings;
    assert.deepEqual(offline.map((f) => [f.ruleId, f.range.line]), [['cluster/hard-coded-id', 1]]);
    const { clusters } = await fetchLiveClusters(connect(settings()), [CLUSTER_ID]);
    const live = scanText('/w/job.py', code, { inputs: { liveClusters: clusters } }).findings;
    assert.ok(live.some((f) => f.ruleId === 'cluster/access-mode' && f.message.includes('live')));
  });
});

describe('editor features over the fake workspace', () => {
  it('gives scans live inputs, hovers and the add-mask fix; offline it reports why and keeps working', async () => {
    const ws = await workspace().start();
    const dir = mkdtempSync(join(tmpdir(), 'phisafe-dbx-editor-'));
    try {
      const configFile = join(dir, 'cfg');
      writeFileSync(configFile, `[fake]\nhost = ${ws.host}\ntoken = ${TOKEN}\n`);
      const { path, text } = fixture('uc', 'queries.sql');
      const document = scanText(path, text).document!;
      const features = new DatabricksEditorFeatures({ connection: { profile: 'fake', configFile, env: {}, timeoutSeconds: 3 } });
      const { inputs, problems } = await features.inputsFor(path, text, document);
      assert.deepEqual(problems, []);
      const result = scanText(path, text, { inputs });
      const finding = result.findings.find((f) => f.ruleId === 'uc/unmasked-phi-column')!;
      const hover = features.hover(document, finding.range.startOffset + 1, resolveConfig(undefined));
      assert.match(hover!.markdown, /Mask: no mask/);
      const [fix] = features.fixes(path, text, document, finding, resolveConfig(undefined));
      assert.match(fix.edits[0].newText, /ALTER TABLE demo_health\.clinical\.patients ALTER COLUMN member_ref SET MASK/);
      await ws.stop();
      const offline = new DatabricksEditorFeatures({ connection: { profile: 'fake', configFile, env: {}, timeoutSeconds: 2 } });
      const down = await offline.inputsFor(path, text, document);
      assert.equal(down.problems.length, 1);
      assert.match(down.problems[0], /cannot reach/);
      assert.ok(!down.problems[0].includes(TOKEN));
      const stillWorks = scanText(fixture('bundle', 'databricks.yml').path, fixture('bundle', 'databricks.yml').text, { inputs: down.inputs });
      assert.ok(stillWorks.findings.some((f) => f.ruleId === 'cluster/access-mode'));
    } finally {
      await ws.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
