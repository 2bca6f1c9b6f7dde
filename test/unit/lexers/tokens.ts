/** Helpers for lexer tests: tokens as readable strings, and a work counter for linear-time checks. */
import type { Lexer, Token } from '../../../server/src/engine/lexers/types';

/** `kind[/flag] source` plus ` => value` when the value span differs from the token. */
export function show(text: string, tokens: readonly Token[]): string[] {
  return tokens.map((t) => {
    const head = `${t.kind}${t.flag ? `/${t.flag}` : ''} ${text.slice(t.start, t.end)}`;
    const vs = t.valueStart ?? t.start;
    const ve = t.valueEnd ?? t.end;
    return vs === t.start && ve === t.end ? head : `${head} => ${text.slice(vs, ve)}`;
  });
}

export function lexShow(lexer: Lexer, text: string): string[] {
  return show(text, lexer(text));
}

/** Every token lies inside the text, in order, with its value span inside the token. */
export function wellFormed(text: string, tokens: readonly Token[]): boolean {
  let last = 0;
  for (const t of tokens) {
    const vs = t.valueStart ?? t.start;
    const ve = t.valueEnd ?? t.end;
    if (t.start < last || t.end <= t.start || t.end > text.length || vs < t.start || ve > t.end || vs > ve) return false;
    last = t.end;
  }
  return true;
}

/** A string that counts the character reads a lexer makes through it. */
class CountingText extends String {
  reads = 0;

  override charCodeAt(index: number): number {
    this.reads++;
    return super.charCodeAt(index);
  }

  override startsWith(search: string, position?: number): boolean {
    this.reads += search.length;
    return super.startsWith(search, position);
  }

  override slice(start?: number, end?: number): string {
    this.reads++;
    return super.slice(start, end);
  }
}

/** Character reads the lexer makes on `text` (native indexOf scans are not counted). */
export function workOf(lexer: Lexer, text: string): number {
  const counting = new CountingText(text);
  lexer(counting as unknown as string);
  return counting.reads;
}

/** `pieces` repeated round-robin until the text is at least `size` characters. */
export function adversarial(pieces: readonly string[], size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < size; k++) {
    const piece = pieces[k % pieces.length];
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
