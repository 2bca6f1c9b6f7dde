/** What a per-language lexer tells the engine: which spans are literals, comments and names. */
export type TokenKind =
  | 'string' // a quoted literal; valueStart/valueEnd give its content without quotes or prefixes
  | 'number'
  | 'comment' // valueStart/valueEnd give the text after the comment marker
  | 'identifier' // names, including backtick-quoted SQL identifiers (value without backticks)
  | 'keyword'
  | 'operator' // ==, =, !=, <>, ===, <=, >=, <, >, :, =>, ->, <-, %in%, +, ...
  | 'punctuation' // ( ) [ ] { } , . ;
  | 'parameter'; // a reference to a value supplied at run time: :mrn, ${x}, {{x}}, $mrn in SQL, ? placeholders

export interface Token {
  readonly kind: TokenKind;
  /** Offsets in the text that was lexed (the cell source). */
  readonly start: number;
  readonly end: number;
  /** For strings, comments and quoted identifiers: the content's span. Defaults to start/end. */
  readonly valueStart?: number;
  readonly valueEnd?: number;
  /** For strings: an f-string, s"...", or glue() with substitutions in it; for comments: a block comment. */
  readonly flag?: 'interpolated' | 'raw' | 'bytes' | 'triple' | 'block';
}

export type Lexer = (text: string) => Token[];
