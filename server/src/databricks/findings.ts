/** Turns a rule's verdict on configuration or metadata into an engine Finding (category `compliance`). */
import type { ResolvedConfig } from '../engine/config';
import type { Finding, FixKind, ScanDocument, Severity } from '../engine/model';
import { LineIndex, OffsetMap } from '../engine/positions';
import type { RuleMeta } from '../engine/rules/types';
import { parseSuppressions, type Suppressions } from '../engine/suppression';

export interface Verdict {
  readonly rule: RuleMeta;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly contextKey?: string;
  readonly fixes: readonly FixKind[];
  readonly cellIndex?: number;
  /** Offset inside the cell source, for line-level suppressions. */
  readonly sourceOffset?: number;
}

export function severityOf(rule: RuleMeta, config: ResolvedConfig): Severity | undefined {
  const s = config.rules[rule.id];
  if (s === 'off') return undefined;
  return s ?? rule.defaultSeverity;
}

/** A config file read as one cell, so `# phisafe-ignore[cluster/policy]: reason` comments work in YAML too. */
export function plainDocument(path: string, text: string): ScanDocument {
  return {
    path, format: 'plain', text,
    cells: [{ index: 0, kind: 'code', language: 'text', source: { text, map: OffsetMap.verbatim(0, text.length) }, outputs: [], fileStart: 0, fileEnd: text.length }],
  };
}

/** Findings for verdicts, with severity from config, suppressions applied and one finding per rule and span. */
export function toFindings(verdicts: readonly Verdict[], text: string, config: ResolvedConfig, suppressions: Suppressions): Finding[] {
  const lines = new LineIndex(text);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const v of verdicts) {
    const severity = severityOf(v.rule, config);
    if (!severity) continue;
    const cellIndex = v.cellIndex ?? 0;
    if (suppressions.suppresses(v.rule.id, cellIndex, v.sourceOffset ?? v.start)) continue;
    const key = `${v.rule.id}\0${v.start}\0${v.end}\0${v.contextKey ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = lines.position(v.start);
    const e = lines.position(v.end);
    out.push({
      ruleId: v.rule.id, category: 'compliance', severity, message: v.message, redacted: '',
      range: { startOffset: v.start, endOffset: v.end, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character },
      regionKind: 'config', cellIndex, contextKey: v.contextKey, fixes: v.fixes,
    });
  }
  return out;
}

export { parseSuppressions };
