/** The lexer for each code language; markdown and plain text have none (they are read as prose). */
import type { Language } from '../model';
import { lexPython, writePythonTokens } from './python';
import { lexR, writeRTokens } from './r';
import { lexScala, writeScalaTokens } from './scala';
import { lexShell, writeShellTokens } from './shell';
import { lexSql, writeSqlTokens } from './sql';
import type { Lexer, TokenWriter } from './types';

/** Each language's lexer twice: writing into columns (the scan), and as Token objects (databricks/, tests). */
const LEXERS: Partial<Record<Language, { readonly lexer: Lexer; readonly writer: TokenWriter }>> = {
  python: { lexer: lexPython, writer: writePythonTokens },
  sql: { lexer: lexSql, writer: writeSqlTokens },
  scala: { lexer: lexScala, writer: writeScalaTokens },
  r: { lexer: lexR, writer: writeRTokens },
  shell: { lexer: lexShell, writer: writeShellTokens },
};

export function lexerFor(language: Language): Lexer | undefined {
  return LEXERS[language]?.lexer;
}

/** lexerFor's language, writing into columns (see TokenWriter). */
export function tokenWriterFor(language: Language): TokenWriter | undefined {
  return LEXERS[language]?.writer;
}
