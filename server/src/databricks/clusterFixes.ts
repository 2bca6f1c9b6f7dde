/**
 * Quick fixes for cluster findings, as pure edit builders over the file text: set `data_security_mode`,
 * `autotermination_minutes` or `enable_local_disk_encryption` in the spec the finding is about. Only the
 * value (or one new line) changes, so comments and formatting survive; JSON edits go through jsonc-parser.
 */
import { modify } from 'jsonc-parser';
import type { ResolvedConfig } from '../engine/config';
import type { Finding } from '../engine/model';
import { LineIndex } from '../engine/positions';
import { clusterSettingsOf, clusterVerdicts, isYamlPath } from './clusterAnalyzer';
import type { SpecTarget } from './clusterTargets';
import type { ConfigMap } from './configTree';
import type { TextEdit } from './ucFixes';

export interface ClusterFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** The fix for a cluster finding in a YAML or JSON file, or undefined when there is none. */
export function clusterFix(path: string, text: string, finding: Finding, config: ResolvedConfig): ClusterFix | undefined {
  if (!finding.fixes.includes('fix-cluster-setting')) return undefined;
  const verdict = clusterVerdicts(path, text, clusterSettingsOf({ config }), {}).find((v) =>
    v.rule.id === finding.ruleId && v.start === finding.range.startOffset && v.end === finding.range.endOffset && v.fixValue !== undefined);
  const target = verdict?.target as SpecTarget | undefined;
  if (!verdict || verdict.fixValue === undefined || target?.kind !== 'spec') return undefined;
  const title = `Set ${verdict.field}: ${String(verdict.fixValue)}`;
  const existing = target.setting(verdict.field);
  const yaml = isYamlPath(path);
  if (!yaml) {
    const edits = modify(text, [...target.spec.path, verdict.field], verdict.fixValue, { formattingOptions: formattingOf(text) });
    return { title, edits: edits.map((e) => ({ startOffset: e.offset, endOffset: e.offset + e.length, newText: e.content })) };
  }
  if (existing) {
    return { title, edits: [{ startOffset: existing.at.start, endOffset: existing.at.end, newText: String(verdict.fixValue) }] };
  }
  const insert = yamlInsert(text, target.spec, `${verdict.field}: ${String(verdict.fixValue)}`);
  return insert ? { title, edits: [insert] } : undefined;
}

/** A new `key: value` line in a block mapping, before its first own entry and at its indentation. */
function yamlInsert(text: string, spec: ConfigMap, line: string): TextEdit | undefined {
  const own = spec.entries.find((e) => e.keyLoc.start >= spec.start && e.keyLoc.end <= spec.end);
  if (!own) return undefined;
  if (spec.flow) return { startOffset: own.keyLoc.start, endOffset: own.keyLoc.start, newText: `${line}, ` };
  const lines = new LineIndex(text);
  const pos = lines.position(own.keyLoc.start);
  const lineStart = lines.lineStart(pos.line);
  const prefix = text.slice(lineStart, own.keyLoc.start);
  // The first entry of a mapping inside a sequence sits after "- ": the new line aligns with the key.
  const indent = prefix.replace(/[^ \t]/g, ' ');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (/^[ \t]*$/.test(prefix)) return { startOffset: lineStart, endOffset: lineStart, newText: `${indent}${line}${eol}` };
  const lineEnd = text.indexOf('\n', own.keyLoc.start);
  const at = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return { startOffset: at, endOffset: at, newText: `${eol}${indent}${line}` };
}

function formattingOf(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const m = /\n([ \t]+)"/.exec(text);
  const indent = m?.[1] ?? '  ';
  return { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
