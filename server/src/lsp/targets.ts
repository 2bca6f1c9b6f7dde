/**
 * What the server scans: an open text document, or one cell of an open notebook. Each becomes a path the
 * engine reads by extension (a cell gets a synthetic one in its language) and a URI diagnostics go to.
 */
import { fileURLToPath } from 'node:url';
import type { PieceText } from './editedDocument';

export interface NotebookCellRef {
  readonly notebookUri: string;
  /** 0-based position of the cell in the notebook. */
  readonly index: number;
}

export interface ScanTarget {
  /** Where diagnostics are published: the document's or the cell's URI. */
  readonly uri: string;
  readonly version: number;
  /** The whole text (an open document's is joined from its edits when first read). */
  readonly text: string;
  /** An open document's text as edited, read in slices by a one-cell rescan. */
  readonly edited?: PieceText;
  /** Path given to the engine: decides the reader (by extension); never logged. */
  readonly scanPath: string;
  /** File whose folder decides `.phisafe.json` (undefined for untitled documents). */
  readonly configPath?: string;
  readonly cell?: NotebookCellRef;
}

const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = {
  python: '.py', sql: '.sql', scala: '.scala', r: '.r', markdown: '.md', shellscript: '.sh', json: '.ipynb',
};

/** A Databricks-exported Jupyter cell that starts with a language magic is scanned in that language. */
const CELL_MAGIC: Readonly<Record<string, string>> = { '%sql': '.sql', '%md': '.md', '%scala': '.scala', '%r': '.r', '%python': '.py', '%sh': '.sh' };

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The path a text document is scanned as: its file path, or (untitled) a name in its language. */
export function documentScanPath(uri: string, languageId: string): string {
  const fsPath = fsPathOf(uri);
  if (fsPath) return fsPath;
  const tail = decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:/i, '').replace(/[?#].*$/, ''));
  return /\.\w+$/.test(tail) ? tail : `${tail}${EXTENSION_BY_LANGUAGE[languageId] ?? ''}`;
}

/** The path a notebook cell is scanned as, or undefined for a language the engine does not read. */
export function cellScanPath(notebookUri: string, index: number, languageId: string, text: string): string | undefined {
  const magic = /^%\w+/.exec(text)?.[0].toLowerCase();
  const extension = (magic && CELL_MAGIC[magic]) ?? EXTENSION_BY_LANGUAGE[languageId];
  if (!extension || extension === '.ipynb') return undefined;
  const base = fsPathOf(notebookUri) ?? documentScanPath(notebookUri, 'json');
  return `${base}.cell${index + 1}${extension}`;
}
