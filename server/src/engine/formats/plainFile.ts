/** Files that are not notebooks: the whole text is one cell of the file's language. */
import type { Language, ScanDocument } from '../model';
import { verbatimSlice } from './sliceBuilder';

export function readPlainFile(path: string, text: string, language: Language): ScanDocument {
  const markdown = language === 'markdown';
  return {
    path,
    format: markdown ? 'markdown' : 'plain',
    text,
    cells: [{
      index: 0,
      kind: markdown ? 'markdown' : 'code',
      language,
      source: verbatimSlice(text, 0, text.length),
      outputs: [],
      fileStart: 0,
      fileEnd: text.length,
    }],
  };
}
