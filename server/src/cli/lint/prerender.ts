/**
 * A file's report block rendered in the lane that scanned it. With no baseline, what a file reports depends only
 * on its findings, the format and --quiet, so a worker writes the block and the main thread just copies it out:
 * a run with millions of findings no longer rebuilds and re-encodes each of them on the one thread that writes.
 */
import { fileRenderer } from '../report/formats';
import { reportedWhenQuiet, severityCounts, type FileRenderer } from '../report/model';
import type { FileResult, RenderSettings } from './scanFile';

let lastFormat: string | undefined;
let lastRenderer: FileRenderer | undefined;

/** The result with its findings replaced by their rendered block, or unchanged when the format needs the writer. */
export function prerender(result: FileResult, settings: RenderSettings | undefined): FileResult {
  if (!settings || result.error || result.findings.length === 0) return result;
  const reported = settings.quiet ? result.findings.filter((f) => reportedWhenQuiet(f.severity)) : result.findings;
  const block = rendererFor(settings)(reported);
  if (block === undefined) return result;
  return { file: result.file, findings: [], rendered: { block, counts: severityCounts(reported) } };
}

function rendererFor(settings: RenderSettings): FileRenderer {
  const key = JSON.stringify(settings.format);
  if (key !== lastFormat || !lastRenderer) {
    lastFormat = key;
    lastRenderer = fileRenderer(settings.format);
  }
  return lastRenderer;
}
