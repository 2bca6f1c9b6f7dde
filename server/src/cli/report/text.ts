/** The human format, like ESLint's and Ruff's: `path:line:col  severity  message  rule-id`, grouped by file. */
import type { Severity } from '../../engine';
import { BlockBuilder, writeBlock } from './block';
import { SEVERITIES, reportedCount, type RenderedBlock, type ReportFinding, type ReportWriter, type RunSummary } from './model';
import type { ReportSink } from './sink';

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

export function textWriter(sink: ReportSink, options: { color: boolean }): ReportWriter {
  const paint = options.color ? COLOURS : PLAIN;
  const render = textRenderer(options);
  return {
    begin: () => undefined,
    file: (group) => writeBlock(sink, render(group)),
    rendered: (block, _count, written) => writeBlock(sink, block, written),
    end(summary: RunSummary) {
      if (summary.errors.length) {
        sink.write('Could not be scanned:\n');
        for (const e of summary.errors) sink.write(`  ${paint.path(e.file)}  ${e.message}\n`);
        sink.write('\n');
      }
      sink.write(`${summaryLine(summary, paint)}\n`);
    },
  };
}

/** A file's group: aligned `path:line:col  severity  message  rule` lines, then a blank line. */
export function textRenderer(options: { color: boolean }): (group: readonly ReportFinding[]) => RenderedBlock {
  const paint = options.color ? COLOURS : PLAIN;
  return (group) => {
    const locations = group.map((f) => `${f.file}:${f.line}:${f.column}`);
    let width = 0;
    for (const l of locations) width = Math.max(width, l.length);
    const block = new BlockBuilder();
    group.forEach((f, i) => block.add(`${paint.path(locations[i])}${' '.repeat(width - locations[i].length)}  ${paint.severity(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint.dim(f.ruleId)}\n`));
    block.add('\n');
    return block.block();
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(summary: RunSummary, paint: Paint): string {
  const { errors } = summary;
  const total = reportedCount(summary);
  const tail: string[] = [];
  if (errors.length) tail.push(`${plural(errors.length, 'file')} could not be scanned`);
  if (summary.baselined) tail.push(`${plural(summary.baselined, 'known finding')} hidden by the baseline`);
  const suffix = tail.length ? `, ${tail.join(', ')}` : '';
  if (total === 0) {
    const line = `No findings in ${plural(summary.filesScanned, 'file')}${suffix}`;
    return errors.length ? paint.bad(`✖ ${line}`) : paint.good(`✔ ${line}`);
  }
  const counts = SEVERITIES
    .map((s) => [s, summary.bySeverity[s]] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (s === 'info' ? `${n} info` : plural(n, s)));
  return paint.bad(`✖ ${plural(total, 'finding')} (${counts.join(', ')}) in ${plural(summary.filesWithFindings, 'file')}${suffix}`);
}
