// PLACEHOLDER — replaced by the lexers work.
import type { Language } from '../model';
import type { Lexer } from './types';

export function lexerFor(_language: Language): Lexer | undefined {
  return undefined;
}
