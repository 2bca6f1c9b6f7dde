import { strict as assert } from 'node:assert';
import { prerender } from '../../server/src/cli/lint/prerender';
import type { FileResult } from '../../server/src/cli/lint/scanFile';
import { reportWriter } from '../../server/src/cli/report/formats';
import type { ReportFinding, ReportFormat, RunSummary } from '../../server/src/cli/report/model';
import type { ReportSink } from '../../server/src/cli/report/sink';

/** Report rows of a synthetic file: labels only, as the engine makes them. */
function findings(file: string, ruleIds: readonly string[]): ReportFinding[] {
  return ruleIds.map((ruleId, i) => ({
    file, line: i + 1, column: 3, endLine: i + 1, endColumn: 14, ruleId,
    category: 'ssn', severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
    message: `Synthetic finding ${i}: ***-**-${String(1000 + i)}`,
  }));
}

const SUMMARY: RunSummary = { errors: [], filesScanned: 2, baselined: 0, bySeverity: { error: 0, warning: 0, info: 0 }, filesWithFindings: 0 };
const FORMATS: readonly ReportFormat[] = [{ format: 'json' }, { format: 'sarif' }, { format: 'text', color: false }, { format: 'text', color: true }];

function capture(): ReportSink & { text: () => string } {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  return {
    write: (t) => parts.push(typeof t === 'string' ? t : decoder.decode(t)),
    close: () => undefined,
    text: () => parts.join(''),
  };
}

/** The whole report written the main-thread way (writer.file) or from blocks rendered where files were scanned. */
function report(format: ReportFormat, files: readonly FileResult[], quiet: boolean, rendered: boolean): string {
  const sink = capture();
  const writer = reportWriter(format, sink, '/synthetic/workspace');
  writer.begin();
  for (const file of files) {
    const result = rendered ? prerender(file, { format, quiet }) : file;
    if (result.rendered) {
      const { block, counts } = result.rendered;
      // As bytes, the way a worker's block arrives.
      writer.rendered(block instanceof Uint8Array ? block : new TextEncoder().encode(block.join('')), counts.error + counts.warning + counts.info);
    } else {
      writer.file(quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings);
    }
  }
  writer.end(SUMMARY);
  return sink.text();
}

describe('lint: report blocks rendered where a file was scanned', () => {
  const rules = ['phi/comment', 'phi/embedded-identifier', 'phi/output', 'phi/comment', 'phi/markdown'];
  const files: FileResult[] = [
    { file: 'synthetic/a.py', findings: findings('synthetic/a.py', rules) },
    { file: 'synthetic/empty.py', findings: [] },
    { file: 'synthetic/b.ipynb', findings: findings('synthetic/b.ipynb', rules.slice(0, 2)) },
  ];

  for (const format of FORMATS) {
    for (const quiet of [false, true]) {
      it(`reads exactly as the writer writes it: ${format.format}${'color' in format && format.color ? ' (color)' : ''}${quiet ? ', --quiet' : ''}`, () => {
        assert.equal(report(format, files, quiet, true), report(format, files, quiet, false));
      });
    }
  }

  it('reads exactly as the writer writes it for a file of thousands of findings (a block of many pieces)', () => {
    const many = Array.from({ length: 3000 }, (_, i) => rules[i % rules.length]);
    const large: FileResult[] = [files[0], { file: 'synthetic/large.ipynb', findings: findings('synthetic/large.ipynb', many) }];
    for (const format of FORMATS) assert.equal(report(format, large, false, true), report(format, large, false, false), format.format);
  });

  it('writes the documented JSON and a SARIF log whose results point at their rules', () => {
    const all = files.flatMap((f) => f.findings);
    const json = report({ format: 'json' }, files, false, true);
    const fields = ({ file, line, column, endLine, endColumn, ruleId, category, severity, message }: ReportFinding) =>
      ({ file, line, column, endLine, endColumn, ruleId, category, severity, message });
    assert.equal(json, `${JSON.stringify({ findings: all.map(fields), errors: [] })}\n`);
    const sarif = JSON.parse(report({ format: 'sarif' }, files, false, true)) as {
      runs: { results: { ruleId: string; ruleIndex: number; message: { text: string } }[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    const run = sarif.runs[0];
    assert.deepEqual(run.results.map((r) => r.message.text), all.map((f) => f.message));
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('counts what it rendered by severity, after --quiet', () => {
    const result = prerender(files[0], { format: { format: 'json' }, quiet: false });
    assert.deepEqual(result.rendered?.counts, { error: 2, warning: 2, info: 1 });
    assert.deepEqual(result.findings, []);
    const quiet = prerender(files[0], { format: { format: 'json' }, quiet: true });
    assert.deepEqual(quiet.rendered?.counts, { error: 2, warning: 0, info: 0 });
  });

  it('leaves to the writer a SARIF file with a rule outside the registry (its index is the writer\'s to assign)', () => {
    const odd: FileResult = { file: 'synthetic/c.py', findings: findings('synthetic/c.py', ['phi/comment', 'synthetic/unregistered-rule']) };
    assert.equal(prerender(odd, { format: { format: 'sarif' }, quiet: false }).rendered, undefined);
    assert.ok(prerender(odd, { format: { format: 'json' }, quiet: false }).rendered);
  });

  it('leaves errors and files without findings as they are', () => {
    const broken: FileResult = { file: 'synthetic/broken.ipynb', findings: [], error: { file: 'synthetic/broken.ipynb', message: 'not valid JSON' } };
    assert.equal(prerender(broken, { format: { format: 'text', color: false }, quiet: false }), broken);
    assert.equal(prerender(files[1], { format: { format: 'json' }, quiet: false }), files[1]);
  });
});
