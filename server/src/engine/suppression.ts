/**
 * Inline suppressions, written in the cell source (a comment in code, an HTML comment in markdown):
 *   phisafe-ignore[rule-id, ...]: reason        this line and the next
 *   phisafe-ignore-cell[rule-id, ...]: reason   the whole cell, its title and its outputs
 *   phisafe-ignore-file[rule-id, ...]: reason   the whole file
 * Without brackets a directive covers every rule; `phi/*` covers a family.
 */
import type { ScanDocument } from './model';
import { LineIndex } from './positions';

export interface Suppressions {
  suppresses(ruleId: string, cellIndex: number, sourceOffset: number | undefined): boolean;
}

export interface SuppressionDirective {
  readonly scope: 'line' | 'cell' | 'file';
  /** Rule ids or `family/*`; empty means every rule. */
  readonly rules: readonly string[];
  readonly cellIndex: number;
  /** 0-based line of the directive inside the cell source. */
  readonly line: number;
  readonly reason: string;
}

const DIRECTIVE = /phisafe-ignore(-cell|-file)?(?:\[([^\]\n]{0,200})\])?(?::[ \t]*([^\n]{0,300}))?/g;

export function findDirectives(document: ScanDocument): SuppressionDirective[] {
  const out: SuppressionDirective[] = [];
  for (const cell of document.cells) {
    const text = cell.source.text;
    if (!text.includes('phisafe-ignore')) continue;
    const lines = new LineIndex(text);
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
      out.push({
        scope: m[1] === '-cell' ? 'cell' : m[1] === '-file' ? 'file' : 'line',
        rules: (m[2] ?? '').split(',').map((r) => r.trim()).filter(Boolean),
        cellIndex: cell.index,
        line: lines.position(m.index).line,
        reason: (m[3] ?? '').replace(/\s*(?:-->|\*\/)\s*$/, '').trim(),
      });
    }
  }
  return out;
}

function covers(rules: readonly string[], ruleId: string): boolean {
  if (rules.length === 0) return true;
  return rules.some((r) => r === ruleId || (r.endsWith('/*') && ruleId.startsWith(r.slice(0, -1))));
}

export function parseSuppressions(document: ScanDocument): Suppressions {
  const directives = findDirectives(document);
  if (directives.length === 0) return { suppresses: () => false };
  const lineIndexes = new Map<number, LineIndex>();
  const lineOf = (cellIndex: number, offset: number): number => {
    let idx = lineIndexes.get(cellIndex);
    if (!idx) {
      idx = new LineIndex(document.cells.find((c) => c.index === cellIndex)?.source.text ?? '');
      lineIndexes.set(cellIndex, idx);
    }
    return idx.position(offset).line;
  };
  return {
    suppresses(ruleId, cellIndex, sourceOffset) {
      for (const d of directives) {
        if (!covers(d.rules, ruleId)) continue;
        if (d.scope === 'file') return true;
        if (d.cellIndex !== cellIndex) continue;
        if (d.scope === 'cell') return true;
        if (sourceOffset === undefined) continue;
        const line = lineOf(cellIndex, sourceOffset);
        if (line === d.line || line === d.line + 1) return true;
      }
      return false;
    },
  };
}
