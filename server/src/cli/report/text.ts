/** The human format, like ESLint's and Ruff's: `path:line:col  severity  message  rule-id`, grouped by file. */
import type { Severity } from '../../engine';
import type { LintReport, ReportFinding } from './model';

interface Paint {
  readonly path: (s: string) => string;
  readonly severity: (s: Severity, text: string) => string;
  readonly dim: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly good: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string): string => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOURS: Paint = {
  path: sgr(4, 24),
  severity: (s, text) => (s === 'error' ? sgr(31, 39) : s === 'warning' ? sgr(33, 39) : sgr(36, 39))(text),
  dim: sgr(2, 22),
  bad: (s) => sgr(1, 22)(sgr(31, 39)(s)),
  good: sgr(32, 39),
};
const PLAIN: Paint = { path: (s) => s, severity: (_s, t) => t, dim: (s) => s, bad: (s) => s, good: (s) => s };

export function formatText(report: LintReport, options: { color: boolean }): string {
  const paint = options.color ? COLOURS : PLAIN;
  const out: string[] = [];
  for (const group of groupByFile(report.findings)) {
    const locations = group.map((f) => `${f.file}:${f.line}:${f.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    group.forEach((f, i) => {
      out.push(`${paint.path(locations[i])}${' '.repeat(width - locations[i].length)}  ${paint.severity(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint.dim(f.ruleId)}`);
    });
    out.push('');
  }
  if (report.errors.length) {
    out.push('Could not be scanned:');
    for (const e of report.errors) out.push(`  ${paint.path(e.file)}  ${e.message}`);
    out.push('');
  }
  out.push(summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

function groupByFile(findings: readonly ReportFinding[]): ReportFinding[][] {
  const groups: ReportFinding[][] = [];
  for (const f of findings) {
    const last = groups[groups.length - 1];
    if (last && last[0].file === f.file) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(report: LintReport, paint: Paint): string {
  const { findings, errors } = report;
  const tail: string[] = [];
  if (errors.length) tail.push(`${plural(errors.length, 'file')} could not be scanned`);
  if (report.baselined) tail.push(`${plural(report.baselined, 'known finding')} hidden by the baseline`);
  const suffix = tail.length ? `, ${tail.join(', ')}` : '';
  if (findings.length === 0) {
    const line = `No findings in ${plural(report.filesScanned, 'file')}${suffix}`;
    return errors.length ? paint.bad(`✖ ${line}`) : paint.good(`✔ ${line}`);
  }
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (s === 'info' ? `${n} info` : plural(n, s)));
  const files = new Set(findings.map((f) => f.file)).size;
  return paint.bad(`✖ ${plural(findings.length, 'finding')} (${counts.join(', ')}) in ${plural(files, 'file')}${suffix}`);
}

