// PLACEHOLDER — replaced by the code-context work.
import type { Language } from '../model';
import type { Token } from '../lexers/types';
import type { KeyedLiteral } from './types';

/** Finds literals compared with or assigned to a named column/key (WHERE mrn = '…', {"ssn": "…"}, ...). */
export function findKeyedLiterals(_language: Language, _text: string, _tokens: readonly Token[]): KeyedLiteral[] {
  return [];
}
