/**
 * Reads a file's decoded text into the document model: one reader per format, chosen by extension and, for
 * source notebooks, by the Databricks header line.
 */
import type { Language, ScanDocument } from '../model';
import { readIpynb } from './ipynb';
import { readPlainFile } from './plainFile';
import { readSourceNotebook, sourceNotebookHeader } from './sourceNotebook';
import { extensionOf } from './support';

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, Language>> = {
  '.py': 'python', '.sql': 'sql', '.scala': 'scala', '.r': 'r', '.sh': 'shell', '.md': 'markdown', '.markdown': 'markdown',
};

/** Reads decoded file text into cells and regions; throws ScanInputError for malformed input. */
export function readDocument(path: string, text: string): ScanDocument {
  const extension = extensionOf(path);
  if (extension === '.ipynb') return readIpynb(path, text);
  const language: Language = LANGUAGE_BY_EXTENSION[extension] ?? 'text';
  if (language !== 'markdown' && language !== 'shell') {
    const header = sourceNotebookHeader(text, extension);
    if (header) return readSourceNotebook(path, text, header);
  }
  return readPlainFile(path, text, language);
}
