import type { TokenList } from './chars';

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

/** A lexer that writes into columns the caller owns and clears (the engine's path: no object per token). */
export type TokenWriter = (text: string, out: TokenList) => void;

/** Token kinds as small integers, for the columns the engine reads (TokenColumns.kind). */
export const Kind = {
  String: 0, Number: 1, Comment: 2, Identifier: 3, Keyword: 4, Operator: 5, Punctuation: 6, Parameter: 7,
} as const satisfies Readonly<Record<string, number>>;

export type KindCode = (typeof Kind)[keyof typeof Kind];

/** The TokenKind of each Kind code. */
export const KIND_NAMES: readonly TokenKind[] = ['string', 'number', 'comment', 'identifier', 'keyword', 'operator', 'punctuation', 'parameter'];

/** Token flags as small integers (0: none). */
export const Flag = { None: 0, Interpolated: 1, Raw: 2, Bytes: 3, Triple: 4, Block: 5 } as const;

export type FlagCode = (typeof Flag)[keyof typeof Flag];

/** The Token flag of each Flag code. */
export const FLAG_NAMES: readonly Token['flag'][] = [undefined, 'interpolated', 'raw', 'bytes', 'triple', 'block'];

/**
 * Tokens as parallel columns, the first `count` entries valid: the engine lexes millions of tokens, and one
 * object per token was most of the lexers' time and garbage. valueStart/valueEnd are always set (the token's
 * own span when it has no separate value).
 */
export interface TokenColumns {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly flag: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly valueStart: Int32Array;
  readonly valueEnd: Int32Array;
}

/** What a lexer writes: the comments apart from the other tokens, which the keyed-literal finder reads alone. */
export interface LexedTokens {
  readonly code: TokenColumns;
  readonly comments: TokenColumns;
}
