/** Shared by the Databricks tests: fixture paths and expectations written beside the settings they are about. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../server/src/databricks/register';
import { resolveConfig, type PhisafeConfig } from '../../server/src/engine/config';
import type { Finding } from '../../server/src/engine/model';
import { scanText, type ScanResult } from '../../server/src/engine/scan';

export const FIXTURES = join(__dirname, 'fixtures');

export function fixture(...parts: string[]): { path: string; text: string } {
  const path = join(FIXTURES, ...parts);
  return { path, text: readFileSync(path, 'utf8') };
}

export function scanFixture(parts: string[], config?: PhisafeConfig, inputs?: Record<string, unknown>): ScanResult {
  const { path, text } = fixture(...parts);
  return scanText(path, text, { config: config ? resolveConfig(config) : undefined, inputs });
}

/** `# expect: rule/a rule/b` comments → "line rule" strings (1-based lines). */
export function expectedFromComments(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    if (m) for (const rule of m[1].trim().split(/\s+/)) out.push(`${i + 1} ${rule}`);
  });
  return out.sort();
}

export function lineRules(findings: readonly Finding[], prefix = 'cluster/'): string[] {
  return findings.filter((f) => f.ruleId.startsWith(prefix)).map((f) => `${f.range.line + 1} ${f.ruleId}`).sort();
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture has no ${JSON.stringify(needle)}`);
  return text.slice(0, i).split('\n').length;
}
