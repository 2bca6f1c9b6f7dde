/**
 * Context cues: words near a value that say what it is ("DOB", "MRN", "fax"). Lookups are bounded windows on
 * the same line, so each costs constant work however long the text is.
 */
import type { Category } from '../model';
import type { FreeTextContext } from './types';
import type { TextView } from './text';

export interface CueHit {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

export const WINDOW_BEFORE = 40;
export const WINDOW_AFTER = 20;

/** Word characters of a cue: ASCII letters and digits and Latin letters (U+00C0-U+024F), as a table. */
const WORD_CODES = new Uint8Array(0x250).map((_, code) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0 ? 1 : 0);

function isWordCode(code: number): boolean {
  return code < 0x250 && WORD_CODES[code] === 1;
}

/**
 * Phrases indexed by their last word, so a window is read once word by word instead of once per phrase.
 * Phrases without a word (`==`) are kept aside and searched directly.
 */
interface CueIndex {
  readonly byLastWord: ReadonlyMap<string, readonly { phrase: string; tail: number }[]>;
  readonly wordless: readonly string[];
  /** The list's bit among label lists (see labelList), -1 until it is asked for. */
  bit: number;
}

const indexes = new WeakMap<readonly string[], CueIndex>();

/**
 * Words that end a phrase of some indexed list ("owner" words). A view marks where these words sit once; a
 * window then only looks at the marked words inside it (usually none).
 */
const owners = new Set<string>();
/** Owner words by hash (see wordHash), so a text word is compared with an owner word only when it may be one. */
const ownersByHash = new Map<number, string[]>();
/** Which low 16 bits of a hash some owner word has: rules out nearly every other word before the map is asked. */
const ownerHashBits = new Uint8Array(0x10000);
let longestOwner = 0;
/**
 * By first character: bit (length - 1) is set when an owner word of that length starts with it. A word is
 * hashed only when this allows it, which passes over every number and most words after one look.
 */
const ownerLeads = new Uint32Array(0x250);
/** Bumped when a new owner word comes in, so views redo their marks. */
let ownersVersion = 0;

/** The last list looked up: a detector asks with one list about every candidate in turn. */
let lastPhrases: readonly string[] | undefined;
let lastIndex: CueIndex | undefined;

function indexOf(phrases: readonly string[]): CueIndex {
  if (phrases === lastPhrases && lastIndex) return lastIndex;
  let index = indexes.get(phrases);
  if (index) {
    lastPhrases = phrases;
    lastIndex = index;
    return index;
  }
  const byLastWord = new Map<string, { phrase: string; tail: number }[]>();
  const wordless: string[] = [];
  for (const phrase of phrases) {
    let end = phrase.length;
    while (end > 0 && !isWordCode(phrase.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isWordCode(phrase.charCodeAt(start - 1))) start--;
    if (end === 0) {
      wordless.push(phrase);
      continue;
    }
    const key = phrase.slice(start, end);
    const list = byLastWord.get(key) ?? [];
    list.push({ phrase, tail: phrase.length - end });
    byLastWord.set(key, list);
  }
  index = { byLastWord, wordless, bit: -1 };
  indexes.set(phrases, index);
  for (const word of byLastWord.keys()) {
    if (owners.has(word)) continue;
    owners.add(word);
    const hash = wordHash(word, 0, word.length);
    const bucket = ownersByHash.get(hash);
    if (bucket) bucket.push(word);
    else ownersByHash.set(hash, [word]);
    ownerHashBits[hash & 0xffff] = 1;
    longestOwner = Math.max(longestOwner, word.length);
    ownerLeads[word.charCodeAt(0)] |= lengthBit(word.length);
    ownersVersion++;
  }
  return index;
}

/**
 * Owner words are looked up in a cue source: the lower-cased text, or the text itself when it is ASCII (see
 * cueSource). Its A-Z are read as a-z, which changes nothing in the lower-cased text.
 */
function foldedCodeAt(source: string, i: number): number {
  const c = source.charCodeAt(i);
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Where owner words are looked up: an ASCII text is read as it is, so it is not lower-cased whole for them. */
function cueSource(view: TextView): string {
  return view.isAscii ? view.text : view.lower;
}

function wordHash(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + foldedCodeAt(s, i)) | 0;
  return h;
}

/** The owner word over [from, to) of a cue source, if it is one (compared in place, never sliced). */
function ownerWordAt(source: string, from: number, to: number): string | undefined {
  return mayBeOwner(source, from, to) ? ownerWithHash(wordHash(source, from, to), source, from, to) : undefined;
}

/** Whether [from, to) of a cue source has the first character and length of some owner word. */
function mayBeOwner(source: string, from: number, to: number): boolean {
  const first = foldedCodeAt(source, from);
  return to - from <= longestOwner && first < 0x250 && (ownerLeads[first] & lengthBit(to - from)) !== 0;
}

function lengthBit(length: number): number {
  return 1 << Math.min(length - 1, 31);
}

function ownerWithHash(hash: number, source: string, from: number, to: number): string | undefined {
  if (ownerHashBits[hash & 0xffff] === 0) return undefined;
  const bucket = ownersByHash.get(hash);
  if (!bucket) return undefined;
  for (const word of bucket) if (word.length === to - from && foldedStartsWith(source, from, word)) return word;
  return undefined;
}

function foldedStartsWith(source: string, from: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (foldedCodeAt(source, from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The owner words of a view, in text order: whole words of the lower-cased text (`_` separates words, as it
 * reads as a space). A window holds these whole, plus at most a cut word at either edge, checked on its own.
 */
export interface CueWords {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly words: readonly string[];
}

/** CueWords while they are found, made with the first word (most texts have none). */
interface FoundWords {
  readonly starts: number[];
  readonly ends: number[];
  readonly words: string[];
}

const CUE_WORDS = Symbol('cue words');

/** The view's owner words; a caller asking mayHoldCue about many windows of one view looks them up once. */
export function cueWordsOf(view: TextView): CueWords {
  return view.shared(CUE_WORDS, ownersVersion, findCueWords);
}

const NO_CUE_WORDS: CueWords = { starts: [], ends: [], words: [] };

function findCueWords(view: TextView): CueWords {
  view.work(view.text.length);
  return (view.isAscii ? atomCueWords(view) : scanCueWords(view.lower)) ?? NO_CUE_WORDS;
}

/** Every word of the lower-cased text, character by character. */
function scanCueWords(lower: string): FoundWords | undefined {
  let found: FoundWords | undefined;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordCode(lower.charCodeAt(i))) i++;
    found = addIfOwner(lower, start, i, found);
  }
  return found;
}

/**
 * In ASCII text the words are the view's atoms cut at `_` (letters and digits either way, and lower-casing
 * moves nothing), so the characters between atoms are not read again.
 */
function atomCueWords(view: TextView): FoundWords | undefined {
  let found: FoundWords | undefined;
  const text = view.text;
  let underscore = view.text.indexOf('_');
  for (let a = 0; a < view.atomCount; a++) {
    const end = view.atomEnd(a);
    let from = view.atomStart(a);
    while (underscore >= 0 && underscore < end) {
      if (underscore > from) found = addIfOwner(text, from, underscore, found);
      from = underscore + 1;
      underscore = view.text.indexOf('_', from);
    }
    if (from < end) found = addIfOwner(text, from, end, found);
  }
  return found;
}

function addIfOwner(source: string, start: number, end: number, found: FoundWords | undefined): FoundWords | undefined {
  const word = ownerWordAt(source, start, end);
  if (word === undefined) return found;
  found ??= { starts: [], ends: [], words: [] };
  found.starts.push(start);
  found.ends.push(end);
  found.words.push(word);
  return found;
}

/** Index of the first cue word starting at or after pos. */
function firstWordFrom(cue: CueWords, pos: number): number {
  let lo = 0;
  let hi = cue.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cue.starts[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End of a word the window cuts at its start (`[from` falls inside it), or -1 (in a cue source: case moves no word edge). */
function cutHeadEnd(source: string, from: number, to: number): number {
  if (from === 0 || from >= to || !isWordCode(source.charCodeAt(from - 1)) || !isWordCode(source.charCodeAt(from))) return -1;
  let end = from + 1;
  while (end < to && isWordCode(source.charCodeAt(end))) end++;
  return end;
}

/** Start of a word the window cuts at its end (`to)` falls inside it), or -1; a word cut at both edges is the head's. */
function cutTailStart(source: string, from: number, to: number, headEnd: number): number {
  if (headEnd === to || to >= source.length || to <= from || !isWordCode(source.charCodeAt(to)) || !isWordCode(source.charCodeAt(to - 1))) return -1;
  let start = to - 1;
  while (start > from && isWordCode(source.charCodeAt(start - 1))) start--;
  return start;
}

/** Whether any owner word (of any list) is a word of the window [from, to): when not, no phrase ending in a word is there. */
export function mayHoldCue(view: TextView, from: number, to: number, cue: CueWords = cueWordsOf(view)): boolean {
  const k = firstWordFrom(cue, from);
  return (k < cue.ends.length && cue.ends[k] <= to) || cutWordIsOwner(cueSource(view), from, to);
}

/** Whether a word the window [from, to) of a cue source cuts at either edge is an owner word within it. */
function cutWordIsOwner(source: string, from: number, to: number): boolean {
  const headEnd = cutHeadEnd(source, from, to);
  if (headEnd >= 0 && ownerWordAt(source, from, headEnd) !== undefined) return true;
  const tailStart = cutTailStart(source, from, to, headEnd);
  return tailStart >= 0 && ownerWordAt(source, tailStart, to) !== undefined;
}

/**
 * mayHoldCue for windows whose starts never go back (a pass over a view's chains): it keeps its place in the
 * cue words from one window to the next instead of searching for it every time.
 */
export class CueWindows {
  private next = 0;

  constructor(private readonly view: TextView, private readonly cue: CueWords = cueWordsOf(view)) {}

  /** mayHoldCue(view, from, to); `from` must not be less than in the call before. */
  mayHold(from: number, to: number): boolean {
    const { starts, ends } = this.cue;
    let k = this.next;
    while (k < starts.length && starts[k] < from) k++;
    this.next = k;
    return (k < ends.length && ends[k] <= to) || cutWordIsOwner(cueSource(this.view), from, to);
  }

  /**
   * What a label window [from, to) holds, as bits: the labelListBit of every label list with a phrase ending in
   * one of its words, and ANY_CUE_WORD when it holds any owner word (what mayHoldCue answers). These are the
   * words bestHit reads, so a list whose bit is clear has no hit there. `from` must not be less than the last
   * mayHold's.
   */
  labelBits(from: number, to: number): number {
    const { starts, ends, words } = this.cue;
    let k = this.next;
    while (k < starts.length && starts[k] < from) k++;
    const source = cueSource(this.view);
    const headEnd = cutHeadEnd(source, from, to);
    let bits = headEnd >= 0 ? wordBits(ownerWordAt(source, from, headEnd)) : 0;
    for (; k < ends.length && ends[k] <= to; k++) bits |= wordBits(words[k]);
    const tailStart = cutTailStart(source, from, to, headEnd);
    return tailStart >= 0 ? bits | wordBits(ownerWordAt(source, tailStart, to)) : bits;
  }
}

/** Set in labelBits when the window holds some owner word. */
const ANY_CUE_WORD = 1 << 30;
/** Label lists with a bit, in bit order: labelled detectors ask once per window which of them may have a hit. */
const labelLists: CueIndex[] = [];
const MAX_LABEL_LISTS = 30;
/** labelBits of each owner word, made on first use and again after a list gets a bit. */
const bitsByWord = new Map<string, number>();

function wordBits(word: string | undefined): number {
  if (word === undefined) return 0;
  let bits = bitsByWord.get(word);
  if (bits === undefined) {
    bits = ANY_CUE_WORD;
    for (let b = 0; b < labelLists.length; b++) if (labelLists[b].byLastWord.has(word)) bits |= 1 << b;
    bitsByWord.set(word, bits);
  }
  return bits;
}

/**
 * A label list's bit in labelBits, given on first ask; 0 once MAX_LABEL_LISTS lists have one (then any window
 * may hold its cue). Phrases without a word are not seen by labelBits (see hasWordlessCue).
 */
export function labelListBit(phrases: readonly string[]): number {
  const index = indexOf(phrases);
  if (index.bit < 0) {
    index.bit = labelLists.length < MAX_LABEL_LISTS ? 1 << labelLists.length : 0;
    if (index.bit !== 0) {
      labelLists.push(index);
      bitsByWord.clear();
      // What labelBits answers changed: views redo what they derived from it.
      ownersVersion++;
    }
  }
  return index.bit;
}

/** Changes whenever a new owner word or label list comes in: what mayHoldCue and labelBits answer may change with it. */
export function cueWordsVersion(): number {
  return ownersVersion;
}

/** Whether a phrase list has phrases without a word, which mayHoldCue cannot see. */
export function hasWordlessCue(phrases: readonly string[]): boolean {
  return indexOf(phrases).wordless.length > 0;
}

/** Whether phrase occurs at `at` of a cue source, `_` read as a space. */
function phraseAt(source: string, at: number, phrase: string): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const c = foldedCodeAt(source, at + k);
    if ((c === 95 ? 32 : c) !== phrase.charCodeAt(k)) return false;
  }
  return true;
}

/** Whether a phrase at [at, at + length) is not part of a longer word; the window's edges count as spaces. */
function boundedAt(source: string, at: number, phrase: string, from: number, to: number): boolean {
  const end = at + phrase.length;
  const before = at > from ? source.charCodeAt(at - 1) : 32;
  const after = end < to ? source.charCodeAt(end) : 32;
  const startsWord = isWordCode(phrase.charCodeAt(0));
  const endsWord = isWordCode(phrase.charCodeAt(phrase.length - 1));
  return !(startsWord && isWordCode(before)) && !(endsWord && isWordCode(after));
}

/** What a window is searched for: its bounds in a cue source and which hit wins. */
interface Window {
  readonly source: string;
  readonly from: number;
  readonly to: number;
  /** `before` a value the hit ending last wins (starting first on a tie), else the one starting first (ending last). */
  readonly before: boolean;
}

/** The better of `best` and a bounded occurrence of a phrase ending in `word`, where that window word ends at wordEnd. */
function wordHit(win: Window, index: CueIndex, word: string, wordEnd: number, best: CueHit | undefined): CueHit | undefined {
  for (const { phrase, tail } of index.byLastWord.get(word) ?? NO_PHRASES) {
    const at = wordEnd + tail - phrase.length;
    if (at < win.from || at + phrase.length > win.to) continue;
    if (phraseAt(win.source, at, phrase) && boundedAt(win.source, at, phrase, win.from, win.to)) best = better(win, best, at, phrase);
  }
  return best;
}

const NO_PHRASES: readonly { phrase: string; tail: number }[] = [];

/** The better of `best` and every occurrence of a phrase without a word in the window. */
function anywhereHit(win: Window, phrase: string, best: CueHit | undefined): CueHit | undefined {
  for (let at = win.from; at + phrase.length <= win.to; at++) if (phraseAt(win.source, at, phrase)) best = better(win, best, at, phrase);
  return best;
}

function better(win: Window, best: CueHit | undefined, start: number, phrase: string): CueHit {
  const end = start + phrase.length;
  const wins = !best || (win.before
    ? end > best.end || (end === best.end && start < best.start)
    : start < best.start || (start === best.start && end > best.end));
  return wins ? { phrase, start, end } : best;
}

/** The best bounded occurrence of a phrase in the window [from, to) (see Window). */
function bestHit(view: TextView, from: number, to: number, phrases: readonly string[], before: boolean): CueHit | undefined {
  const index = indexOf(phrases);
  view.work(to - from);
  // The window's words that end a phrase of some list: a cut head, whole marked words first..last - 1, a cut tail.
  const source = cueSource(view);
  const cue = cueWordsOf(view);
  const headEnd = cutHeadEnd(source, from, to);
  const head = headEnd >= 0 ? ownerWordAt(source, from, headEnd) : undefined;
  const first = firstWordFrom(cue, from);
  let last = first;
  while (last < cue.ends.length && cue.ends[last] <= to) last++;
  const tailStart = cutTailStart(source, from, to, headEnd);
  const tail = tailStart >= 0 ? ownerWordAt(source, tailStart, to) : undefined;
  if (!endsPhraseOf(index, head, tail, cue.words, first, last)) return undefined;
  const win: Window = { source, from, to, before };
  let best: CueHit | undefined;
  if (head !== undefined) best = wordHit(win, index, head, headEnd, best);
  for (let k = first; k < last; k++) best = wordHit(win, index, cue.words[k], cue.ends[k], best);
  if (tail !== undefined) best = wordHit(win, index, tail, to, best);
  for (const phrase of index.wordless) {
    view.work(to - from);
    best = anywhereHit(win, phrase, best);
  }
  return best;
}

/** Whether any of these window words ends a phrase of the list (or it has wordless phrases): else it has no hit. */
function endsPhraseOf(
  index: CueIndex, head: string | undefined, tail: string | undefined, words: readonly string[], first: number, last: number,
): boolean {
  if (index.wordless.length > 0) return true;
  if ((head !== undefined && index.byLastWord.has(head)) || (tail !== undefined && index.byLastWord.has(tail))) return true;
  for (let k = first; k < last; k++) if (index.byLastWord.has(words[k])) return true;
  return false;
}

/** The cue that ends nearest before `pos` (within `window` characters on the same line). */
export function cueBefore(view: TextView, pos: number, phrases: readonly string[], window = WINDOW_BEFORE): CueHit | undefined {
  if (noCueInLine(view, Math.max(0, pos - window), pos, phrases)) return undefined;
  return bestHit(view, view.lineStartWithin(pos, window), pos, phrases, true);
}

/** The cue that starts nearest after `pos` (within `window` characters on the same line). */
export function cueAfter(view: TextView, pos: number, phrases: readonly string[], window = WINDOW_AFTER): CueHit | undefined {
  if (noCueInLine(view, pos, Math.min(view.text.length, pos + window), phrases)) return undefined;
  return bestHit(view, pos, view.lineEndWithin(pos, window), phrases, false);
}

/**
 * Whether the window [from, to), before it is clipped to pos's line, already holds no word that ends a phrase:
 * then the clipped one holds none either (a word never crosses a line break, and the break leaves no cut word),
 * and no scan for the break is needed. Most numbers of an output table have no cue word near them. Only where
 * lower-cased offsets are the text's (the break is where the text has it) and for lists whose phrases all end in a word.
 */
function noCueInLine(view: TextView, from: number, to: number, phrases: readonly string[]): boolean {
  if (!view.lowerAligned || hasWordlessCue(phrases) || mayHoldCue(view, from, to)) return false;
  view.work(to - from);
  return true;
}

/** Whether any cue sits in the window around [start, end). */
export function cueNear(view: TextView, start: number, end: number, phrases: readonly string[]): boolean {
  return cueBefore(view, start, phrases) !== undefined || cueAfter(view, end, phrases) !== undefined;
}

/** Words allowed between a label and its value: `MRN: 123`, `MRN # 123`, `MRN no. 123`, `MRN is 123`. */
const LABEL_WORDS = new Set(['no', 'num', 'number', 'nbr', 'nr', 'is', 'was', 'id', 'of', 'the', 'value', 'and', 'or']);
const LABEL_PUNCTUATION = new Set([' ', '\t', ':', '#', '=', '-', '\u2013', '.', '\'', '"', '(', '*', '[', '>']);
const MAX_LABEL_GAP = 16;

/** Whether the text between a label and a value is only label glue (`: `, ` # `, ` number is `). */
export function isLabelGap(gap: string): boolean {
  if (gap.length > MAX_LABEL_GAP) return false;
  let word = '';
  for (const ch of gap.toLowerCase() + ' ') {
    if (ch >= 'a' && ch <= 'z') {
      word += ch;
      continue;
    }
    if (word && !LABEL_WORDS.has(word)) return false;
    word = '';
    if (!LABEL_PUNCTUATION.has(ch)) return false;
  }
  return true;
}

/** The label cue that directly precedes `pos` (only label glue between), if any. */
export function labelBefore(view: TextView, pos: number, phrases: readonly string[]): CueHit | undefined {
  if (noCueInLine(view, Math.max(0, pos - WINDOW_BEFORE), pos, phrases)) return undefined;
  return labelIn(view, labelWindowBefore(view, pos), pos, phrases);
}

/** Where the window labelBefore reads before `pos` starts, for callers that ask about one position with many lists. */
export function labelWindowBefore(view: TextView, pos: number): number {
  return view.lineStartWithin(pos, WINDOW_BEFORE);
}

/** labelBefore over the window [from, pos), from labelWindowBefore(view, pos). */
export function labelIn(view: TextView, from: number, pos: number, phrases: readonly string[]): CueHit | undefined {
  const hit = bestHit(view, from, pos, phrases, true);
  if (!hit || !isLabelGap(view.slice(hit.end, pos))) return undefined;
  return hit;
}

/** Cue phrases for a category: built-in ones plus words configured for it (`chart_no` also as `chart no`). */
export function withExtraCues(builtIn: readonly string[], category: Category, context: FreeTextContext): readonly string[] {
  const all = context.extraCues;
  if (all === undefined || all === lastWithoutCues) return builtIn;
  const extra = all[category];
  if (!extra || extra.length === 0) {
    if (!Object.values(all).some((list) => list !== undefined && list.length > 0)) lastWithoutCues = all;
    return builtIn;
  }
  // Memoised by list identity: a fresh list per call would also rebuild its phrase index on every lookup.
  let byBuiltIn = extended.get(extra);
  if (!byBuiltIn) extended.set(extra, (byBuiltIn = new WeakMap()));
  let out = byBuiltIn.get(builtIn);
  if (out) return out;
  const list = [...builtIn];
  for (const word of extra) {
    const w = word.trim().toLowerCase().replace(/_/g, ' ');
    if (w) list.push(w);
  }
  out = list;
  byBuiltIn.set(builtIn, out);
  return out;
}

const extended = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>();
/** The last extra-cue record seen to configure no cue: a scan passes the same record with every text, usually empty. */
let lastWithoutCues: FreeTextContext['extraCues'];

/**
 * Cue lists a detector derives from the context (built-in lists with extra cues, joined lists), made again only
 * when the context's extra-cue record changes: every text of a scan comes with the same record.
 */
export function cuesPerContext<T>(make: (context: FreeTextContext) => T): (context: FreeTextContext) => T {
  let made: { readonly extra: FreeTextContext['extraCues']; readonly value: T } | undefined;
  return (context) => {
    if (!made || made.extra !== context.extraCues) made = { extra: context.extraCues, value: make(context) };
    return made.value;
  };
}

interface JoinNode {
  list?: readonly string[];
  readonly next: WeakMap<readonly string[], JoinNode>;
}
const joined: JoinNode = { next: new WeakMap() };

/** The concatenation of cue lists, the same array for the same lists, so its phrase index is built once. */
export function joinCues(...lists: readonly (readonly string[])[]): readonly string[] {
  let node = joined;
  for (const l of lists) {
    let child = node.next.get(l);
    if (!child) node.next.set(l, (child = { next: new WeakMap() }));
    node = child;
  }
  node.list ??= lists.flat();
  return node.list;
}

/**
 * `patient` or `member` naming a department (`Patient Access`, `Member Services`), not a person: callers blank it
 * before looking for words about a patient.
 */
export const PATIENT_DEPARTMENT = /\b(?:patient|member)[ -](?=access|flow|experience|safety|relations|financial|logistics|placement|transport|accounts|services|education|portal)/gi;
