import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { ensureBuilt, initializeParams, startServer, type ServerSession } from './client';

/** Invented values, assembled in code so no test file or title holds one. */
const SSN = ['536', '90', '4399'].join('-');
const SSN_2 = ['219', '09', '8765'].join('-');
const MRN = ['ZZ', 'TEST', '900001'].join('');
const SEEDED = [SSN, SSN_2, MRN, SSN.replace(/-/g, ''), SSN_2.replace(/-/g, '')];

const HEADER = '# Databricks notebook source\n';
const SEP = '\n# COMMAND ----------\n\n';

function positionOf(text: string, value: string): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(value));
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('language server over stdio', function () {
  this.timeout(60000);
  let server: ServerSession;
  let workspace: string;
  let init: InitializeResult;

  before(async () => {
    ensureBuilt();
    workspace = mkdtempSync(path.join(tmpdir(), 'phisafe-lsp-'));
    server = startServer();
    init = await server.connection.sendRequest('initialize', initializeParams(pathToFileURL(workspace).toString()));
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('$/setTrace', { value: 'verbose' });
  });

  after(async () => {
    if (server.child.exitCode === null) server.child.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('announces text and notebook sync, quick fixes, fix-all and its commands', () => {
    const caps = init.capabilities;
    assert.equal((caps.textDocumentSync as { change: number }).change, 2);
    assert.deepEqual(caps.notebookDocumentSync && 'notebookSelector' in caps.notebookDocumentSync
      ? caps.notebookDocumentSync.notebookSelector[0].notebook : undefined, { notebookType: 'jupyter-notebook' });
    assert.ok((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds.includes('source.fixAll.phisafe'));
    assert.deepEqual(caps.executeCommandProvider?.commands, ['phisafe.scanWorkspace', 'phisafe.suppressWithReason', 'phisafe.refreshUnityCatalog']);
  });

  const nbUri = (): string => pathToFileURL(path.join(workspace, 'intake.py')).toString();
  let nbText = '';

  it('publishes diagnostics at exact positions for a Databricks source notebook', async () => {
    nbText = `${HEADER}import os\n${SEP}# called back the patient SSN ${SSN} about the claim\nx = 1\n`;
    const published = server.diagnostics(nbUri(), (d) => d.length > 0);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: nbUri(), languageId: 'python', version: 1, text: nbText } });
    const [d] = await published;
    const at = positionOf(nbText, SSN);
    assert.deepEqual(d.range, { start: at, end: { line: at.line, character: at.character + SSN.length } });
    assert.equal(d.code, 'phi/comment');
    assert.equal(d.source, 'phisafe');
    assert.equal(d.severity, 1);
    assert.ok(d.codeDescription?.href.endsWith('/docs/rules/phi/comment.md'));
    assert.deepEqual(d.data, { ruleId: 'phi/comment', category: 'ssn', fixes: ['redact', 'suppress'], cellIndex: 1 });
    assert.ok(!String(d.message).includes(SSN));
  });

  it('rescans after an incremental change and moves the finding', async () => {
    const published = server.diagnostics(nbUri(), (d) => d.length === 1 && d[0].range.start.line === positionOf(nbText, SSN).line + 1);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: nbUri(), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'import sys\n' }],
    });
    const [d] = await published;
    nbText = nbText.replace('import os\n', 'import sys\nimport os\n');
    assert.deepEqual(d.range.start, positionOf(nbText, SSN));
  });

  it('leaves the whole-file fix out of automatic light-bulb requests, and makes it when asked for', async () => {
    const diagnostics = server.latest(nbUri()) ?? [];
    const ask = (context: Record<string, unknown>): Promise<CodeAction[]> => server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: nbUri() }, range: diagnostics[0].range, context: { diagnostics, ...context },
    });
    const automatic = await ask({ triggerKind: 2 });
    assert.ok(automatic.some((a) => a.title.includes('Redact as [SSN]')));
    assert.ok(!automatic.some((a) => a.kind === 'source.fixAll.phisafe'));
    const asked = await ask({ triggerKind: 2, only: ['source.fixAll'] });
    assert.deepEqual(asked.map((a) => a.kind), ['source.fixAll.phisafe']);
    const invoked = await ask({ triggerKind: 1 });
    assert.ok(invoked.some((a) => a.kind === 'source.fixAll.phisafe'));
  });

  it('offers redact, suppress and fix-all actions, and applies a suppression with a reason', async () => {
    const diagnostics = server.latest(nbUri()) ?? [];
    const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: nbUri() }, range: diagnostics[0].range, context: { diagnostics },
    });
    const titles = actions.map((a) => a.title);
    const redact = actions.find((a) => a.title.includes('Redact as [SSN]'));
    assert.ok(redact?.edit?.changes, titles.join(' | '));
    assert.deepEqual(redact.edit.changes[nbUri()].map((e) => e.newText), ['[SSN]']);
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.phisafe'));
    const suppress = actions.find((a) => a.command?.command === 'phisafe.suppressWithReason');
    assert.ok(suppress?.command?.arguments);
    assert.ok(JSON.stringify(actions).indexOf(SSN) < 0);

    await assert.rejects(server.connection.sendRequest('workspace/executeCommand', { command: 'phisafe.suppressWithReason', arguments: suppress.command.arguments }));
    const result = await server.connection.sendRequest('workspace/executeCommand', {
      command: 'phisafe.suppressWithReason', arguments: [...suppress.command.arguments, 'synthetic value for a demo'],
    });
    assert.deepEqual(result, { applied: true });
    const edit = server.appliedEdits.at(-1)?.changes?.[nbUri()];
    assert.equal(edit?.length, 1);
    assert.equal(edit[0].newText, '# phisafe-ignore[phi/comment]: synthetic value for a demo\n');
    assert.deepEqual(edit[0].range.start, { line: positionOf(nbText, SSN).line, character: 0 });
  });

  it('hovers with the kind, why and how, and never the value', async () => {
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: nbUri() }, position: positionOf(nbText, SSN) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Social Security number/);
    assert.match(value, /Safe Harbor/);
    assert.match(value, /Redact/);
    assert.match(value, /docs\/rules\/phi\/comment\.md/);
    assert.ok(!value.includes(SSN) && !value.includes(SSN.slice(-4)));
  });

  const notebook = (): string => pathToFileURL(path.join(workspace, 'cohort.ipynb')).toString();
  const cell = (i: number): string => `vscode-notebook-cell:${path.join(workspace, 'cohort.ipynb')}#cell${i}`;

  it('publishes notebook cell diagnostics on the cell URIs, relative to each cell', async () => {
    const cell1 = `x = 1\n# follow-up: patient SSN ${SSN_2} on file\n`;
    const published = server.diagnostics(cell(1), (d) => d.length > 0);
    const empty = server.diagnostics(cell(0));
    await server.connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: notebook(), notebookType: 'jupyter-notebook', version: 1, cells: [{ kind: 2, document: cell(0) }, { kind: 2, document: cell(1) }] },
      cellTextDocuments: [
        { uri: cell(0), languageId: 'python', version: 1, text: 'import pandas as pd\n' },
        { uri: cell(1), languageId: 'python', version: 1, text: cell1 },
      ],
    });
    const [d] = await published;
    assert.deepEqual(d.range.start, positionOf(cell1, SSN_2));
    assert.deepEqual(await empty, []);

    const changed = server.diagnostics(cell(0), (ds) => ds.length > 0);
    await server.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: notebook(), version: 2 },
      change: { cells: { textContent: [{ document: { uri: cell(0), version: 2 }, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# patient SSN ${SSN} noted\n` }] }] } },
    });
    const [c0] = await changed;
    assert.deepEqual(c0.range.start, { line: 0, character: '# patient SSN '.length });
  });

  it('answers phisafe/outputFindings from the saved notebook on disk', async () => {
    const file = path.join(workspace, 'saved.ipynb');
    const nb = {
      cells: [
        { cell_type: 'code', execution_count: 1, metadata: {}, source: ['print(1)'], outputs: [{ output_type: 'stream', name: 'stdout', text: ['1\n'] }] },
        { cell_type: 'code', execution_count: 2, metadata: {}, source: ['show()'], outputs: [{ output_type: 'stream', name: 'stdout', text: [`patient SSN ${SSN}\n`] }] },
      ],
      metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5,
    };
    writeFileSync(file, JSON.stringify(nb, null, 1));
    const findings = await server.connection.sendRequest('phisafe/outputFindings', { uri: pathToFileURL(file).toString() });
    assert.deepEqual((findings as Array<{ cellIndex: number; outputIndex: number; ruleId: string }>).map((f) => [f.cellIndex, f.outputIndex, f.ruleId]), [[1, 0, 'phi/output']]);
    assert.ok(!JSON.stringify(findings).includes(SSN));
  });

  it('scans the workspace with progress and returns counts', async () => {
    writeFileSync(path.join(workspace, 'notes.sql'), `-- patient SSN ${SSN_2} asked for a copy\nSELECT 1;\n`);
    const uri = pathToFileURL(path.join(workspace, 'notes.sql')).toString();
    const published = server.diagnostics(uri, (d) => d.length > 0);
    const summary = await server.connection.sendRequest('workspace/executeCommand', { command: 'phisafe.scanWorkspace', arguments: [] }) as { files: number; findings: number; errors: number; cancelled: boolean };
    assert.ok(summary.files >= 2);
    assert.ok(summary.findings >= 2);
    assert.equal(summary.cancelled, false);
    assert.equal((await published)[0].code, 'phi/comment');
    const kinds = server.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.deepEqual([kinds[0], kinds.at(-1)], ['begin', 'end']);
    assert.ok(kinds.includes('report'));
  });

  it('publishes at most maxDiagnosticsPerFile diagnostics, the last saying how many more (a count, no value)', async () => {
    const values = Array.from({ length: 6 }, (_, i) => [`${540 + i}`, '77', `${4100 + i}`].join('-'));
    SEEDED.push(...values);
    const text = `${HEADER}${values.map((v, i) => `# patient SSN ${v} called back (case ${i})\nx_${i} = ${i}`).join(SEP)}\n`;
    const uri = pathToFileURL(path.join(workspace, 'many.py')).toString();
    const defaults = server.settings;
    server.settings = { ...defaults, maxDiagnosticsPerFile: 4 };
    const published = server.diagnostics(uri, (d) => d.length > 0);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const d = await published;
    server.settings = defaults;
    assert.equal(d.length, 4);
    assert.deepEqual(d.slice(0, 3).map((x) => x.range.start), values.slice(0, 3).map((v) => positionOf(text, v)));
    assert.equal(d[3].code, 'phisafe/more-findings');
    assert.match(String(d[3].message), /\b3 more findings\b/);
    for (const value of values) assert.ok(!JSON.stringify(d).includes(value), 'a seeded value appears in a diagnostic');
  });

  it('shuts down and exits, having written no seeded value to stdout or stderr', async () => {
    await server.close();
    assert.equal(server.child.exitCode, 0);
    const written = server.written();
    assert.ok(written.includes('publishDiagnostics'));
    for (const value of SEEDED) assert.ok(!written.includes(value), 'a seeded value appears in server output');
  });
});

