/** The JSON format: exactly `{"findings":[…],"errors":[…]}` with the fields documented in docs/cli.md. */
import type { LintReport } from './model';

export function formatJson(report: LintReport): string {
  const findings = report.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
  }));
  const errors = report.errors.map((e) => ({ file: e.file, message: e.message }));
  return `${JSON.stringify({ findings, errors })}\n`;
}
