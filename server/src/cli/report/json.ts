/**
 * The JSON format: exactly `{"findings":[…],"errors":[…]}` with the fields documented in docs/cli.md, byte for
 * byte what `JSON.stringify` of the whole object gives, written one finding at a time.
 */
import { BlockBuilder, writeBlock } from './block';
import type { RenderedBlock, ReportFinding, ReportWriter, RunSummary } from './model';
import type { ReportSink } from './sink';

export function jsonWriter(sink: ReportSink): ReportWriter {
  let first = true;
  const rendered = (block: RenderedBlock | Uint8Array, count: number, written?: () => void): void => {
    if (count === 0) return written?.();
    if (!first) sink.write(',');
    writeBlock(sink, block, written);
    first = false;
  };
  return {
    begin: () => sink.write('{"findings":['),
    file: (findings) => rendered(renderJsonFile(findings), findings.length),
    rendered,
    end(summary: RunSummary) {
      const errors = summary.errors.map((e) => ({ file: e.file, message: e.message }));
      sink.write(`],"errors":${JSON.stringify(errors)}}\n`);
    },
  };
}

/** A file's findings as members of the `findings` array, comma-separated. */
export function renderJsonFile(findings: readonly ReportFinding[]): RenderedBlock {
  const block = new BlockBuilder();
  for (let i = 0; i < findings.length; i++) block.add(i === 0 ? toJson(findings[i]) : `,${toJson(findings[i])}`);
  return block.block();
}

/**
 * The documented fields in the documented order; the fingerprint stays out. Written as a template rather than
 * JSON.stringify of a fresh object: a run can report millions of findings, and files, rules and categories
 * repeat, so their encoded forms are cached.
 */
function toJson(f: ReportFinding): string {
  return `{"file":${encoded(f.file)},"line":${f.line},"column":${f.column},"endLine":${f.endLine},"endColumn":${f.endColumn},`
    + `"ruleId":${encoded(f.ruleId)},"category":${encoded(f.category)},"severity":${encoded(f.severity)},"message":${JSON.stringify(f.message)}}`;
}

const ENCODED_CACHE_LIMIT = 4096;
const encodedCache = new Map<string, string>();

function encoded(value: string): string {
  let json = encodedCache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    if (encodedCache.size >= ENCODED_CACHE_LIMIT) encodedCache.clear();
    encodedCache.set(value, json);
  }
  return json;
}
