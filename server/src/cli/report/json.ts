/**
 * The JSON format: exactly `{"findings":[…],"errors":[…]}` with the fields documented in docs/cli.md, byte for
 * byte what `JSON.stringify` of the whole object gives, written one finding at a time.
 */
import type { ReportFinding, ReportWriter, RunSummary } from './model';
import type { ReportSink } from './sink';

export function jsonWriter(sink: ReportSink): ReportWriter {
  let first = true;
  return {
    begin: () => sink.write('{"findings":['),
    file(findings: readonly ReportFinding[]) {
      for (const f of findings) {
        sink.write(first ? toJson(f) : `,${toJson(f)}`);
        first = false;
      }
    },
    end(summary: RunSummary) {
      const errors = summary.errors.map((e) => ({ file: e.file, message: e.message }));
      sink.write(`],"errors":${JSON.stringify(errors)}}\n`);
    },
  };
}

/** The documented fields in the documented order; the fingerprint stays out. */
function toJson(f: ReportFinding): string {
  return JSON.stringify({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
  });
}
