// PLACEHOLDER — replaced by the formats work: reads a file's text into the document model.
import type { ScanDocument } from '../model';
import { OffsetMap } from '../positions';

/** Reads decoded file text into cells and regions; throws ScanInputError for malformed input. */
export function readDocument(path: string, text: string): ScanDocument {
  return {
    path, format: 'plain', text,
    cells: [{ index: 0, kind: 'code', language: 'text', source: { text, map: OffsetMap.verbatim(0, text.length) }, outputs: [], fileStart: 0, fileEnd: text.length }],
  };
}
