import type { Language, ScanDocument } from '../model';

/** A replacement in the file text, in offsets of the text the document was read from. */
export interface FileEdit {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly newText: string;
}

/** What every fix builder reads: the scanned document (its text is the file text the edits apply to). */
export interface FixInput {
  readonly document: ScanDocument;
}

/** Code languages a literal can be parameterised in. */
export type CodeLanguage = Extract<Language, 'python' | 'sql' | 'scala' | 'r'>;
