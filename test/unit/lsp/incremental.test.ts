import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, scanText } from '../../../server/src/engine';
import { IncrementalScanner } from '../../../server/src/engine/incremental';

const SSN = ['536', '90', '4399'].join('-');
const cells = (n: number): string[] => Array.from({ length: n }, (_, i) =>
  i % 3 === 0 ? `# patient SSN ${SSN} called (case ${i})\nx_${i} = ${i}` : `y_${i} = spark.table("t${i}")`);
const notebook = (parts: readonly string[]): string => `# Databricks notebook source\n${parts.join('\n\n# COMMAND ----------\n\n')}\n`;

describe('incremental scanning', () => {
  it('gives the same findings as a full scan and rescans only the edited cell', () => {
    const scanner = new IncrementalScanner();
    const parts = cells(12);
    const first = scanner.scan('/nb/a.py', notebook(parts), DEFAULT_CONFIG);
    assert.equal(scanner.lastStats.scanned, 12);
    assert.ok(first.findings.length > 0);

    parts.splice(1, 0, '# a new cell above the others\nz = 0');
    parts[7] = `${parts[7]}\nw = 1`;
    const text = notebook(parts);
    const second = scanner.scan('/nb/a.py', text, DEFAULT_CONFIG);
    assert.equal(scanner.lastStats.scanned, 2);
    const strip = (fs: typeof second.findings) => fs.map((f) => ({ ...f, fingerprint: undefined }));
    assert.deepEqual(strip(second.findings), strip(scanText('/nb/a.py', text, { config: DEFAULT_CONFIG }).findings));
  });

  it('applies a file-wide suppression from another cell', () => {
    const scanner = new IncrementalScanner();
    const parts = [...cells(4), '# phisafe-ignore-file[phi/comment]: synthetic fixtures'];
    assert.deepEqual(scanner.scan('/nb/b.py', notebook(parts), DEFAULT_CONFIG).findings, []);
  });
});
