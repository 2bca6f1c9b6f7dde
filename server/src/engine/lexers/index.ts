/** The lexer for each code language; markdown and plain text have none (they are read as prose). */
import type { Language } from '../model';
import { lexPython } from './python';
import { lexR } from './r';
import { lexScala } from './scala';
import { lexShell } from './shell';
import { lexSql } from './sql';
import type { Lexer } from './types';

const LEXERS: Partial<Record<Language, Lexer>> = {
  python: lexPython,
  sql: lexSql,
  scala: lexScala,
  r: lexR,
  shell: lexShell,
};

export function lexerFor(language: Language): Lexer | undefined {
  return LEXERS[language];
}
