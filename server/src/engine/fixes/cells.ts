/** Which cell a finding sits in, and the language its code is written in. */
import type { Language, NotebookCell, ScanDocument } from '../model';
import { extensionOf } from '../formats/support';

const BY_EXTENSION: Readonly<Record<string, Language>> = {
  '.py': 'python', '.sql': 'sql', '.scala': 'scala', '.r': 'r', '.md': 'markdown', '.markdown': 'markdown', '.sh': 'shell',
};

export function cellOf(document: ScanDocument, cellIndex: number): NotebookCell | undefined {
  return document.cells[cellIndex]?.index === cellIndex ? document.cells[cellIndex] : document.cells.find((c) => c.index === cellIndex);
}

/** The cell's language; a reader that could not tell (`text`) falls back to the file extension. */
export function languageOf(document: ScanDocument, cell: NotebookCell): Language {
  if (cell.kind === 'markdown') return 'markdown';
  if (cell.language !== 'text') return cell.language;
  return BY_EXTENSION[extensionOf(document.path)] ?? 'text';
}

/** The line break the file uses, so inserted lines match it. */
export function lineBreakOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStartAt(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl + 1;
}

export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}
