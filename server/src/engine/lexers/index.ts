/** The lexer for each code language; markdown and plain text have none (they are read as prose). */
import type { Language } from '../model';
import { lexPython, writePythonTokens } from './python';
import { lexR, writeRTokens } from './r';
import { lexScala, writeScalaTokens } from './scala';
import { lexShell, writeShellTokens } from './shell';
import { lexSql, writeSqlTokens } from './sql';
import type { Lexer, TokenWriter } from './types';

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

const TOKEN_WRITERS: Partial<Record<Language, TokenWriter>> = {
  python: writePythonTokens,
  sql: writeSqlTokens,
  scala: writeScalaTokens,
  r: writeRTokens,
  shell: writeShellTokens,
};

/** lexerFor's language, writing into columns (see TokenWriter). */
export function tokenWriterFor(language: Language): TokenWriter | undefined {
  return TOKEN_WRITERS[language];
}
