/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code's SARIF viewer). Every rule phisafe knows is
 * listed with its docs; results point at regions only: no snippet and no context region, because the text
 * around a finding is exactly what must not leave the file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { allRules, type RuleMeta, type Severity } from '../../engine';
import { repository } from '../../../../package.json';
import { VERSION } from '../io';
import type { FileProblem, LintReport, ReportFinding } from './model';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export function formatSarif(report: LintReport, cwd: string): string {
  const rules = allRules().map(toDescriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of report.findings) {
    // A rule the registry does not list still needs a descriptor for ruleIndex to point at.
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push({ id: f.ruleId, shortDescription: { text: f.ruleId } });
    }
  }
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: driver(rules) },
      invocations: [invocation(report.errors)],
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      results: report.findings.map((f) => toResult(f, index.get(f.ruleId) ?? 0)),
      columnKind: 'utf16CodeUnits',
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function driver(rules: Sarif.ReportingDescriptor[]): Sarif.ToolComponent {
  const info = informationUri();
  return {
    name: 'phisafe',
    version: VERSION,
    semanticVersion: VERSION,
    ...(info ? { informationUri: info } : {}),
    rules,
  };
}

function informationUri(): string | undefined {
  const url = typeof repository === 'object' && repository && typeof repository.url === 'string' ? repository.url : '';
  const cleaned = url.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https:\/\//.test(cleaned) ? cleaned : undefined;
}

function toDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: ruleName(rule.title),
    shortDescription: { text: rule.summary },
    fullDescription: { text: whatItDoes(rule.docs) ?? rule.summary },
    help: { text: rule.docs, markdown: rule.docs },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

/** "PHI in a comment" → "PhiInAComment": SARIF names are identifiers people can read. */
function ruleName(title: string): string {
  return title.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
}

/** The paragraph under "## What it does" in a rule's docs. */
function whatItDoes(docs: string): string | undefined {
  const m = /##\s*What it does\s*\n([\s\S]*?)(?:\n##|\n\s*\n|$)/.exec(docs);
  const text = m?.[1].replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function level(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function toResult(f: ReportFinding, ruleIndex: number): Sarif.Result {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: level(f.severity),
    kind: 'fail',
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(f.file),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
    properties: { category: f.category },
  };
}

function invocation(errors: readonly FileProblem[]): Sarif.Invocation {
  return {
    executionSuccessful: errors.length === 0,
    toolExecutionNotifications: errors.map((e) => ({
      level: 'error',
      message: { text: `${e.file} could not be scanned: ${e.message}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(e.file) } }],
    })),
  };
}

/** Relative paths become URIs relative to %SRCROOT% (the working folder); absolute paths become file URIs. */
export function artifact(file: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]+/).filter((s) => s !== '' && s !== '.').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}
