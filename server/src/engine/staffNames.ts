/**
 * Names a file itself says are staff's: the values of a roster's or an on-call table's name columns, of an
 * `owner` key, of rows of staff written as code. A name found in prose elsewhere in the file whose every word
 * such a value holds (`ping Ingrid Halvorsen` under `| role | name |` listing `Halvorsen, Ingrid`) is that staff
 * member, not a patient, and a surname of theirs is no value to look for again. Kept only while one file is
 * scanned, like recurring values: never logged, never compared across files.
 */
import { textHashes } from './positions';

/** Words of a name that say nothing about whose it is (`Dr`, `Jr`): left out when a name is compared. */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'jr', 'sr', 'ii', 'iii', 'iv']);

/** A word: letters, with inner apostrophes and hyphens (`O'Neil`, `Vasquez-Lind`). Linear: no nested quantifier. */
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** The lower-case words of a name that can tell whose it is, in order. */
export function nameWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (word.length >= 2 && !NOT_NAME_WORDS.has(word)) words.push(word);
  }
  return words;
}

/** A name found in prose, comments, strings or outputs by its shape and cues, not typed by a key or column. */
export function isProseName(finding: { readonly category: string; readonly contextKey?: string }): boolean {
  return finding.category === 'name' && finding.contextKey === undefined;
}

/** The words of every staff member's name a file names, lower case. */
export class StaffNames {
  private readonly words = new Set<string>();

  /** Notes the words of a value judged staff's (a name, or a contact line that holds one). */
  add(value: string): void {
    for (const word of nameWords(value)) this.words.add(word);
  }

  get size(): number {
    return this.words.size;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Whether `name` is staff's: it has a word that can tell, and every such word is a staff member's. */
  names(name: string): boolean {
    if (this.words.size === 0) return false;
    const words = nameWords(name);
    return words.length > 0 && words.every((w) => this.words.has(w));
  }

  /** The words as one string, for the editor's per-cell cache. */
  pack(): string {
    return [...this.words].join('\u0000');
  }

  addPacked(packed: string): void {
    if (packed) for (const word of packed.split('\u0000')) this.words.add(word);
  }

  /** A cache key for this set of words that holds none of them: two hashes summed over them, in any order. */
  get digest(): string {
    let a = 0;
    let b = 0;
    for (const word of this.words) {
      const [ha, hb] = textHashes(word, 0, word.length);
      a = (a + ha) | 0;
      b = (b + hb) | 0;
    }
    return `${this.words.size}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
  }
}
