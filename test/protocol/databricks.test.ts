/**
 * The language server's Databricks features over real stdio, with the real SDK talking to the fake workspace
 * (127.0.0.1) through a temporary ~/.databrickscfg profile: Unity Catalog diagnostics, hover, the add-mask fix,
 * the look-up requests, bundle cluster diagnostics and fixes, the offline path and the untrusted workspace.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import type { ListTablesResult, LookUpTableResult } from '../../server/src/protocol';
import { FakeWorkspace } from '../databricks/fakeWorkspace';
import { ensureBuilt, initializeParams, ROOT, startServer, type ServerSession } from './client';

// Built at run time so no credential-shaped literal sits in the repository.
const TOKEN = ['lsp', 'fake', 'token', String(process.pid)].join('-');
/** Invented, assembled in code. */
const SSN = ['536', '90', '4399'].join('-');
const TABLE = 'demo_health.clinical.patients';

function fakeWorkspace(): FakeWorkspace {
  return new FakeWorkspace({
    token: TOKEN,
    tables: [{
      full_name: TABLE,
      row_filter: { function_name: 'demo_health.governance.by_site', input_column_names: ['site_code'] },
      columns: [
        { name: 'member_ref', type_text: 'string', tags: { phi: 'health-plan-id' } },
        { name: 'birth_dt', type_text: 'date', tags: { pii: '' }, mask: { function_name: 'demo_health.governance.mask_date' } },
        { name: 'site_code', type_text: 'string' },
      ],
    }],
  });
}

function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `test text lacks ${needle}`);
  const lines = text.slice(0, i).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applies LSP edits to a text (edits of one action never overlap). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offset = (p: { line: number; character: number }): number => {
    const lines = text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  };
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

interface Session {
  server: ServerSession;
  messages: { type: number; message: string }[];
}

async function open(s: Session, uri: string, languageId: string, text: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const published = s.server.diagnostics(uri, accept);
  await s.server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return published;
}

describe('language server with a Databricks workspace (real SDK, fake workspace on 127.0.0.1)', function () {
  this.timeout(60000);
  let ws: FakeWorkspace;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const sessions: Session[] = [];

  async function start(trusted = true): Promise<Session> {
    const server = startServer(env);
    const s: Session = { server, messages: [] };
    server.settings = { ...server.settings, databricks: { profile: 'fake' } };
    server.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
      s.messages.push(m);
    });
    await server.connection.sendRequest('initialize', { ...initializeParams(pathToFileURL(dir).toString()), initializationOptions: { trusted } });
    await server.connection.sendNotification('initialized', {});
    sessions.push(s);
    return s;
  }

  before(async () => {
    ensureBuilt();
    ws = await fakeWorkspace().start();
    dir = mkdtempSync(path.join(tmpdir(), 'phisafe-lsp-dbx-'));
    const configFile = path.join(dir, 'databrickscfg');
    writeFileSync(configFile, `[fake]\nhost = ${ws.host}\ntoken = ${TOKEN}\n`);
    // HOME points at the temporary folder too, so the real ~/.databrickscfg is never read.
    env = { PATH: process.env.PATH, HOME: dir, DATABRICKS_CONFIG_FILE: configFile };
  });

  after(async () => {
    for (const s of sessions) if (s.server.child.exitCode === null) s.server.child.kill();
    await ws.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const sqlText = [
    '-- weekly eligibility extract',
    'SELECT p.member_ref, p.birth_dt, p.site_code',
    `FROM ${TABLE} AS p`,
    "WHERE p.site_code = 'north';",
    '',
  ].join('\n');
  const sqlUri = (): string => pathToFileURL(path.join(dir, 'eligibility.sql')).toString();
  let live: Session;

  it('flags a query over a PHI-tagged column without a mask once the metadata arrives', async () => {
    live = await start();
    const diagnostics = await open(live, sqlUri(), 'sql', sqlText, (d) => d.some((x) => x.code === 'uc/unmasked-phi-column'));
    const uc = diagnostics.filter((d) => d.code === 'uc/unmasked-phi-column');
    assert.equal(uc.length, 1, 'only member_ref: birth_dt is masked and site_code is not tagged');
    assert.deepEqual(uc[0].range.start, positionOf(sqlText, 'member_ref'));
    assert.match(String(uc[0].message), /member_ref/);
    assert.ok(ws.requests.some((r) => r.startsWith(`GET /api/2.1/unity-catalog/tables/${TABLE}`)));
    assert.ok(ws.requests.every((r) => !r.includes('/sql/statements')), 'metadata only: no query runs');
  });

  it('hovers on the column with its tags, "no mask" and the row filter', async () => {
    const hover = await live.server.connection.sendRequest('textDocument/hover', { textDocument: { uri: sqlUri() }, position: positionOf(sqlText, 'member_ref') }) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /phi=health-plan-id/);
    assert.match(value, /Mask: no mask/);
    assert.match(value, /demo_health\.governance\.by_site/);
    const masked = await live.server.connection.sendRequest('textDocument/hover', { textDocument: { uri: sqlUri() }, position: positionOf(sqlText, 'birth_dt') }) as Hover;
    assert.match((masked.contents as { value: string }).value, /Mask: `demo_health\.governance\.mask_date`/);
  });

  it('offers the add-mask fix whose SQL names the right table and column', async () => {
    const at = positionOf(sqlText, 'member_ref');
    const actions = await live.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: sqlUri() }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] },
    }) as CodeAction[];
    const mask = actions.find((a) => /Mask `member_ref`/.test(a.title));
    assert.ok(mask?.edit?.changes, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyEdits(sqlText, mask.edit.changes[sqlUri()]);
    assert.match(fixed, /CREATE FUNCTION IF NOT EXISTS demo_health\.clinical\.mask_member_ref\(member_ref STRING\)/);
    assert.match(fixed, /ALTER TABLE demo_health\.clinical\.patients ALTER COLUMN member_ref SET MASK demo_health\.clinical\.mask_member_ref;/);
    assert.ok(fixed.endsWith(sqlText.slice(sqlText.indexOf('SELECT'))), 'the query itself is unchanged');
    assert.ok(fixed.indexOf('ALTER TABLE') < fixed.indexOf('SELECT'), 'the mask comes before the query');
  });

  it('answers phisafe/lookUpTable with every column, its tags and mask status, and phisafe/listTables', async () => {
    const result = await live.server.connection.sendRequest('phisafe/lookUpTable', { table: TABLE }) as LookUpTableResult;
    assert.equal(result.found, true);
    assert.equal(result.source, 'live');
    assert.equal(result.rowFilter, 'demo_health.governance.by_site');
    assert.deepEqual(result.columns.map((c) => [c.name, c.mask ?? 'no mask', c.phiTag ?? '-']), [
      ['member_ref', 'no mask', 'phi=health-plan-id'],
      ['birth_dt', 'demo_health.governance.mask_date', 'pii'],
      ['site_code', 'no mask', '-'],
    ]);
    assert.deepEqual(result.columns[0].tags, { phi: 'health-plan-id' });
    const missing = await live.server.connection.sendRequest('phisafe/lookUpTable', { table: 'demo_health.clinical.nowhere' }) as LookUpTableResult;
    assert.equal(missing.found, false);
    assert.match(missing.problem ?? '', /not found|no such table/);
    const list = await live.server.connection.sendRequest('phisafe/listTables', { catalog: 'demo_health' }) as ListTablesResult;
    assert.deepEqual(list.tables, [TABLE]);
  });

  const bundle = [
    '# claims bundle',
    'bundle:',
    '  name: claims',
    'resources:',
    '  clusters:',
    '    adhoc:',
    '      cluster_name: adhoc  # analysts',
    '      spark_version: 15.4.x-scala2.12',
    '      data_security_mode: NONE   # TODO tighten',
    '      autotermination_minutes: 0 # keep warm',
    '      policy_id: approved-policy-1',
    '',
  ].join('\n');
  const bundleUri = (): string => pathToFileURL(path.join(dir, 'databricks.yml')).toString();

  it('reports cluster/* diagnostics on the lines of a databricks.yml and fixes keep comments', async () => {
    const diagnostics = await open(live, bundleUri(), 'yaml', bundle, (d) => d.length > 0);
    const lines = diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`).sort();
    assert.deepEqual(lines, [`${positionOf(bundle, 'data_security_mode').line} cluster/access-mode`, `${positionOf(bundle, 'autotermination_minutes').line} cluster/auto-termination`]);
    const at = positionOf(bundle, 'NONE');
    const actions = await live.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: bundleUri() }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] },
    }) as CodeAction[];
    const fix = actions.find((a) => /data_security_mode/.test(a.title));
    assert.ok(fix?.edit?.changes, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyEdits(bundle, fix.edit.changes[bundleUri()]);
    assert.equal(fixed, bundle.replace('data_security_mode: NONE   # TODO', 'data_security_mode: SINGLE_USER   # TODO'));
    const autoAt = positionOf(bundle, '0 # keep');
    const autoActions = await live.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: bundleUri() }, range: { start: autoAt, end: autoAt }, context: { diagnostics: [], only: ['quickfix'] },
    }) as CodeAction[];
    const auto = autoActions.find((a) => /autotermination_minutes/.test(a.title));
    assert.ok(auto?.edit?.changes);
    assert.match(applyEdits(bundle, auto.edit.changes[bundleUri()]), /\n {6}autotermination_minutes: \d+ # keep warm\n/);
  });

  it('with the workspace down, PHI diagnostics still publish and the user is told why, once, without the token', async () => {
    await ws.stop();
    await live.server.connection.sendRequest('workspace/executeCommand', { command: 'phisafe.refreshUnityCatalog', arguments: [] });
    const uri = pathToFileURL(path.join(dir, 'callback.sql')).toString();
    const text = `-- called back the member, SSN ${SSN}\nSELECT p.member_ref FROM ${TABLE} AS p;\n`;
    const diagnostics = await open(live, uri, 'sql', text, (d) => d.some((x) => x.code === 'phi/comment'));
    assert.deepEqual(diagnostics.find((d) => d.code === 'phi/comment')?.range.start, positionOf(text, SSN));
    const deadline = Date.now() + 20000;
    while (!live.messages.some((m) => /cannot reach/.test(m.message)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const warnings = live.messages.filter((m) => /cannot reach/.test(m.message));
    assert.equal(warnings.length, 1, JSON.stringify(live.messages));
    assert.equal(warnings[0].type, 2, 'a warning');
    assert.match(warnings[0].message, /ECONNREFUSED/);
    assert.match(warnings[0].message, /offline rules still run/);
    assert.equal(live.server.child.exitCode, null, 'the server keeps running');
    // Typing on does not hammer the dead workspace nor repeat the message.
    const again = live.server.diagnostics(uri, () => true);
    await live.server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '-- next\n' }],
    });
    await again;
    assert.equal(live.messages.filter((m) => /cannot reach/.test(m.message)).length, 1);
    await live.server.close();
    const written = live.server.written();
    assert.ok(!written.includes(TOKEN), 'the token never appears in anything the server writes');
    assert.ok(!written.includes(SSN), 'nor the PHI value');
  });

  it('reads Unity Catalog metadata from a snapshot file (phisafe.databricks.snapshot) without a workspace', async () => {
    const s = await start();
    s.server.settings = { ...s.server.settings, databricks: { snapshot: path.join(ROOT, 'test', 'databricks', 'fixtures', 'uc', 'snapshot.json') } };
    const text = readFileSync(path.join(ROOT, 'test', 'databricks', 'fixtures', 'uc', 'queries.sql'), 'utf8');
    const uri = pathToFileURL(path.join(dir, 'snapshot-queries.sql')).toString();
    const diagnostics = await open(s, uri, 'sql', text, (d) => d.some((x) => x.code === 'uc/unmasked-phi-column'));
    assert.ok(diagnostics.some((d) => d.code === 'uc/unmasked-phi-column' && d.range.start.line === positionOf(text, 'p.member_ref').line));
    const lookup = await s.server.connection.sendRequest('phisafe/lookUpTable', { table: TABLE }) as LookUpTableResult;
    assert.equal(lookup.source, 'snapshot');
    await s.server.close();
  });

  it('in an untrusted workspace never calls Databricks, and the offline rules still run', async () => {
    const restarted = await fakeWorkspace().start();
    writeFileSync(path.join(dir, 'databrickscfg'), `[fake]\nhost = ${restarted.host}\ntoken = ${TOKEN}\n`);
    try {
      const s = await start(false);
      const uri = pathToFileURL(path.join(dir, 'untrusted.sql')).toString();
      const text = `-- SSN ${SSN}\nSELECT p.member_ref FROM ${TABLE} AS p;\n`;
      const diagnostics = await open(s, uri, 'sql', text, (d) => d.length > 0);
      assert.ok(diagnostics.some((d) => d.code === 'phi/comment'));
      const lookup = await s.server.connection.sendRequest('phisafe/lookUpTable', { table: TABLE }) as LookUpTableResult;
      assert.equal(lookup.found, false);
      await s.server.close();
      assert.deepEqual(restarted.requests, []);
      assert.ok(!diagnostics.some((d) => d.code === 'uc/unmasked-phi-column'));
    } finally {
      await restarted.stop();
    }
  });
});
