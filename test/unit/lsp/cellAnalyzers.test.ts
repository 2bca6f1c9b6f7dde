import { strict as assert } from 'node:assert';
import type { LiveClusterInfo } from '../../../server/src/databricks/liveCluster';
import { analyzersFor, DEFAULT_CONFIG, scanText, type Finding } from '../../../server/src/engine';
import { IncrementalScanner } from '../../../server/src/engine/incremental';

/** Synthetic cluster ids of the shape the analyzer looks for (digits and letters made up per test). */
const clusterId = (n: number): string => `${String(1000 + n).slice(-4)}-${String(100000 + n).slice(-6)}-synth${String(100 + n).slice(-3)}`;
const cell = (i: number): string => `spark = DatabricksSession.builder.clusterId("${clusterId(i)}").getOrCreate()\nx_${i} = ${i}`;
const notebook = (parts: readonly string[]): string => `# Databricks notebook source\n${parts.join('\n\n# COMMAND ----------\n\n')}\n`;
const strip = (fs: readonly Finding[]) => fs.map((f) => ({ ...f, fingerprint: undefined }));
const clusterFindings = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId.startsWith('cluster/'));
/** Per cell, the cluster findings as the cell sees them (rule, message, line within the cell): what moving a cell keeps. */
const byCell = (fs: readonly Finding[], text: string) => {
  const cellStarts = [...text.matchAll(/# COMMAND ----------\n\n/g)].map((m) => text.slice(0, m.index + m[0].length).split('\n').length - 1);
  const firstLine = (i: number) => (i === 0 ? 1 : cellStarts[i - 1]);
  const out = new Map<number, string[]>();
  for (const f of clusterFindings(fs)) out.set(f.cellIndex, [...(out.get(f.cellIndex) ?? []), `${f.ruleId}@${f.range.line - firstLine(f.cellIndex)}:${f.range.character}`]);
  return out;
};

describe('cell-local analyzers in incremental scans', () => {
  it('cluster ids in code are declared cell-local, Unity Catalog references (USE carries across cells) are not', () => {
    const ids = (path: string) => analyzersFor(path).filter((a) => a.cellLocal).map((a) => a.id);
    assert.deepEqual(ids('/nb/a.py'), ['databricks/cluster-code']);
    assert.ok(analyzersFor('/nb/a.py').some((a) => a.id === 'databricks/unity-catalog' && !a.cellLocal));
  });

  it('an edit in one cell re-analyses that cell only and changes only its cluster findings', () => {
    const scanner = new IncrementalScanner();
    const parts = Array.from({ length: 10 }, (_, i) => cell(i));
    const before = scanner.scan('/nb/k.py', notebook(parts), DEFAULT_CONFIG);
    assert.equal(clusterFindings(before.findings).length, 10);

    // Cell 4 loses its cluster id, cell 6 gains a second one.
    parts[4] = 'x_4 = 4';
    parts[6] = `${parts[6]}\nother = Config(cluster_id="${clusterId(60)}")`;
    const text = notebook(parts);
    const after = scanner.scan('/nb/k.py', text, DEFAULT_CONFIG);
    assert.equal(scanner.lastStats.scanned, 2, 'only the two edited cells are scanned');
    assert.deepEqual(strip(after.findings), strip(scanText('/nb/k.py', text, { config: DEFAULT_CONFIG }).findings));

    const was = byCell(before.findings, notebook(Array.from({ length: 10 }, (_, i) => cell(i))));
    const now = byCell(after.findings, text);
    for (let i = 0; i < 10; i++) {
      if (i === 4) assert.equal(now.get(i), undefined);
      else if (i === 6) assert.equal(now.get(i)?.length, 2);
      else assert.deepEqual(now.get(i), was.get(i), `cell ${i} keeps its findings`);
    }
  });

  it('a file-wide suppression written in another cell removes every cell\'s cluster findings, and removing it brings them back', () => {
    const scanner = new IncrementalScanner();
    const parts = Array.from({ length: 6 }, (_, i) => cell(i));
    scanner.scan('/nb/s.py', notebook(parts), DEFAULT_CONFIG);
    parts.push('# phisafe-ignore-file[cluster/hard-coded-id]: synthetic fixtures');
    const suppressed = scanner.scan('/nb/s.py', notebook(parts), DEFAULT_CONFIG);
    assert.deepEqual(clusterFindings(suppressed.findings), []);
    parts.pop();
    const back = scanner.scan('/nb/s.py', notebook(parts), DEFAULT_CONFIG);
    // The cell that was last before has the same text as then, but the cache keeps only the cells of the last scan.
    assert.ok(scanner.lastStats.scanned <= 1, 'the other cells come from the cache');
    assert.equal(clusterFindings(back.findings).length, 6);
    assert.deepEqual(strip(back.findings), strip(scanText('/nb/s.py', notebook(parts), { config: DEFAULT_CONFIG }).findings));
  });

  it('a cell-level suppression applies to its own cell only', () => {
    const scanner = new IncrementalScanner();
    const parts = Array.from({ length: 4 }, (_, i) => cell(i));
    scanner.scan('/nb/c.py', notebook(parts), DEFAULT_CONFIG);
    parts[2] = `# phisafe-ignore-cell[cluster/hard-coded-id]: shared dev cluster\n${parts[2]}`;
    const text = notebook(parts);
    const result = scanner.scan('/nb/c.py', text, DEFAULT_CONFIG);
    assert.deepEqual(clusterFindings(result.findings).map((f) => f.cellIndex), [0, 1, 3]);
    assert.deepEqual(strip(result.findings), strip(scanText('/nb/c.py', text, { config: DEFAULT_CONFIG }).findings));
  });

  it('live cluster inputs: the same clusters keep the cache, a newly fetched one is checked in every cell that names it', () => {
    const live = (name: string): LiveClusterInfo => ({ clusterId: clusterId(3), clusterName: name, settings: { data_security_mode: 'NONE', autotermination_minutes: 0 } });
    const scanner = new IncrementalScanner();
    const parts = [cell(1), cell(3), 'x = 1', cell(3)];
    const text = notebook(parts);
    const offline = scanner.scan('/nb/l.py', text, DEFAULT_CONFIG);
    const first = live('synthetic-a');
    const scan = (info: LiveClusterInfo) => {
      const inputs = { liveClusters: { [clusterId(3)]: info } };
      const steps = scanner.steps('/nb/l.py', text, DEFAULT_CONFIG, inputs);
      for (let r = steps.next(); ; r = steps.next()) if (r.done) return { findings: r.value.findings.all(), inputs };
    };
    const withLive = scan(first);
    assert.equal(scanner.lastStats.scanned, 4, 'new inputs: every cell is analysed again');
    assert.ok(withLive.findings.length > offline.findings.length);
    assert.deepEqual(strip(withLive.findings), strip(scanText('/nb/l.py', text, { config: DEFAULT_CONFIG, inputs: withLive.inputs }).findings));
    assert.deepEqual([...new Set(withLive.findings.filter((f) => f.message.includes('live')).map((f) => f.cellIndex))], [1, 3]);

    scan(first);
    assert.equal(scanner.lastStats.scanned, 0, 'a fresh record of the same cluster objects keeps the cache');
    const renamed = scan(live('synthetic-b'));
    assert.equal(scanner.lastStats.scanned, 4);
    assert.deepEqual(strip(renamed.findings), strip(scanText('/nb/l.py', text, { config: DEFAULT_CONFIG, inputs: renamed.inputs }).findings));
  });

  it('.ipynb: typing a cluster id into one cell takes the one-cell path and equals a full scan', () => {
    const source = (i: number) => [`# cell ${i}\n`, i % 2 === 0 ? `spark = DatabricksSession.builder.clusterId("${clusterId(i)}").getOrCreate()\n` : `y_${i} = ${i}\n`];
    const ipynb = JSON.stringify({
      cells: Array.from({ length: 12 }, (_, i) => ({ cell_type: 'code', metadata: {}, source: source(i), outputs: [], execution_count: null })),
      metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5,
    }, null, 1);
    const scanner = new IncrementalScanner({ editsNoted: true, minEditedBytes: 0 });
    let text = ipynb;
    scanner.scan('/nb/k.ipynb', text, DEFAULT_CONFIG);
    const at = text.indexOf('y_5 = 5');
    // JSON-escaped as the editor types it into the .ipynb text (a lone backslash breaks the notebook for a keystroke).
    const typed = `c = Config(cluster_id=\\"${clusterId(50)}\\")\\n`;
    let oneCell = 0;
    for (let k = 1; k <= typed.length; k++) {
      const insert = typed.slice(k - 1, k);
      scanner.noteEdit({ start: at + k - 1, end: at + k - 1, inserted: 1, lengthBefore: text.length });
      text = text.slice(0, at + k - 1) + insert + text.slice(at + k - 1);
      const incremental = scanner.scan('/nb/k.ipynb', text, DEFAULT_CONFIG);
      const full = scanText('/nb/k.ipynb', text, { config: DEFAULT_CONFIG });
      if (scanner.lastStats.oneCell) oneCell++;
      assert.deepEqual(strip(incremental.findings), strip(full.findings));
      assert.equal(incremental.error?.message, full.error?.message);
    }
    assert.ok(oneCell > typed.length / 2, `edits inside the cell take the one-cell path (${oneCell})`);
    assert.equal(clusterFindings(scanText('/nb/k.ipynb', text, { config: DEFAULT_CONFIG }).findings).length, 7);
  });
});
