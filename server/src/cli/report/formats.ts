/**
 * The report formats by name: the writer the main thread feeds, and the FileRenderer a scan worker builds from
 * the same ReportFormat so that a file it renders reads exactly as the writer would have written it.
 */
import { jsonWriter, renderJsonFile } from './json';
import type { FileRenderer, ReportFormat, ReportWriter } from './model';
import { renderSarifFile, sarifWriter } from './sarif';
import type { ReportSink } from './sink';
import { textRenderer, textWriter } from './text';

export function reportWriter(format: ReportFormat, sink: ReportSink, cwd: string): ReportWriter {
  switch (format.format) {
    case 'json': return jsonWriter(sink);
    case 'sarif': return sarifWriter(sink, cwd);
    case 'text': return textWriter(sink, { color: format.color });
  }
}

export function fileRenderer(format: ReportFormat): FileRenderer {
  switch (format.format) {
    case 'json': return renderJsonFile;
    case 'sarif': return renderSarifFile;
    case 'text': return textRenderer({ color: format.color });
  }
}
