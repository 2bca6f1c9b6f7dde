/**
 * Per-file bookkeeping of a run, in report order: which findings the baseline hides (or records), which
 * --quiet drops, and the counts the summary and exit code need. Holds counts, never the findings themselves.
 */
import type { Severity } from '../../engine';
import { SEVERITIES, reportedWhenQuiet, type FileProblem, type ReportFinding, type RunSummary, type SeverityCounts } from '../report/model';
import { BaselineMatcher, BaselineRecorder } from './baseline';

export type BaselineMode =
  | { readonly kind: 'none' }
  | { readonly kind: 'match'; readonly matcher: BaselineMatcher }
  /** --write-baseline: every fingerprinted finding is recorded, and so is known. */
  | { readonly kind: 'record'; readonly recorder: BaselineRecorder };

export class Tally {
  private filesScanned = 0;
  private baselined = 0;
  private filesWithFindings = 0;
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

  constructor(private readonly mode: BaselineMode, private readonly quiet: boolean) {}

  /** A scanned file's findings (sorted); returns those to report. */
  file(findings: readonly ReportFinding[]): ReportFinding[] {
    this.filesScanned++;
    if (this.mode.kind === 'record') this.mode.recorder.add(findings);
    const reported: ReportFinding[] = [];
    for (const f of findings) {
      if (this.isKnown(f)) this.baselined++;
      else if (!this.quiet || reportedWhenQuiet(f.severity)) reported.push(f);
    }
    for (const f of reported) this.bySeverity[f.severity]++;
    if (reported.length) this.filesWithFindings++;
    return reported;
  }

  /** A file whose reported findings were rendered where it was scanned (no baseline); returns how many. */
  rendered(counts: SeverityCounts): number {
    this.filesScanned++;
    const reported = counts.error + counts.warning + counts.info;
    for (const s of SEVERITIES) this.bySeverity[s] += counts[s];
    if (reported) this.filesWithFindings++;
    return reported;
  }

  summary(errors: readonly FileProblem[]): RunSummary {
    return {
      errors,
      filesScanned: this.filesScanned,
      baselined: this.baselined,
      bySeverity: { ...this.bySeverity },
      filesWithFindings: this.filesWithFindings,
    };
  }

  private isKnown(f: ReportFinding): boolean {
    switch (this.mode.kind) {
      case 'record': return f.fingerprint !== undefined && f.fingerprint !== '';
      case 'match': return this.mode.matcher.isKnown(f);
      default: return false;
    }
  }
}
