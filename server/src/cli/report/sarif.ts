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
import { BlockBuilder, writeBlock } from './block';
import type { FileProblem, FileRenderer, RenderedBlock, ReportFinding, ReportWriter, RunSummary } from './model';
import type { ReportSink } from './sink';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/**
 * Written as it goes: the run's fixed fields, then each result as its file completes, then `tool` and
 * `invocations` (JSON members have no order, and only at the end are the scan errors and every rule id known).
 * Indented as `JSON.stringify(log, null, 2)` would indent it.
 */
export function sarifWriter(sink: ReportSink, cwd: string): ReportWriter {
  const rules = allRules().map(toDescriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  let results = 0;
  const rendered = (block: RenderedBlock | Uint8Array, count: number, written?: () => void): void => {
    if (count === 0) return written?.();
    if (results > 0) sink.write(',');
    writeBlock(sink, block, written);
    results += count;
  };
  return {
    begin() {
      const srcroot: Record<string, Sarif.ArtifactLocation> = { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } };
      sink.write(`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n`);
      sink.write(`      "originalUriBaseIds": ${indented(srcroot, 3)},\n      "columnKind": "utf16CodeUnits",\n      "results": [`);
    },
    file(findings: readonly ReportFinding[]) {
      rendered(resultsBlock(findings, (f) => ruleIndex(rules, index, f.ruleId)), findings.length);
    },
    rendered,
    end(summary: RunSummary) {
      sink.write(results === 0 ? '],\n' : '\n      ],\n');
      sink.write(`      "tool": ${indented({ driver: driver(rules) }, 3)},\n`);
      sink.write(`      "invocations": ${indented([invocation(summary.errors)], 3)}\n    }\n  ]\n}\n`);
    },
  };
}

/** Registry rules sit at fixed indexes of `tool.driver.rules`, so their results render without the writer. */
let registryIndex: Map<string, number> | undefined;

/** A file's results, comma-separated; undefined when one is for a rule outside the registry (its index is the writer's). */
export const renderSarifFile: FileRenderer = (findings: readonly ReportFinding[]): RenderedBlock | undefined => {
  const known = (registryIndex ??= new Map(allRules().map((r, i) => [r.id, i])));
  if (!findings.every((f) => known.has(f.ruleId))) return undefined;
  return resultsBlock(findings, (f) => known.get(f.ruleId) as number);
};

/** A file's results, comma-separated. */
function resultsBlock(findings: readonly ReportFinding[], ruleIndexOf: (f: ReportFinding) => number): RenderedBlock {
  const block = new BlockBuilder();
  findings.forEach((f, i) => block.add(`${i === 0 ? '' : ','}${resultText(f, ruleIndexOf(f))}`));
  return block.block();
}

/** One result as it sits in the `results` array, indented like the whole log. */
function resultText(f: ReportFinding, ruleIndex: number): string {
  return `\n        ${indented(toResult(f, ruleIndex), 4)}`;
}

/** A rule the registry does not list still needs a descriptor for ruleIndex to point at. */
function ruleIndex(rules: Sarif.ReportingDescriptor[], index: Map<string, number>, ruleId: string): number {
  let i = index.get(ruleId);
  if (i === undefined) {
    i = rules.length;
    index.set(ruleId, i);
    rules.push({ id: ruleId, shortDescription: { text: ruleId } });
  }
  return i;
}

/** A value pretty-printed as it would be at `depth` levels (two spaces each) inside the whole log. */
function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
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
