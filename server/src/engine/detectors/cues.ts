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

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

/** Lower-cased window with `_` read as a space, so `date_of_birth` matches the cue `date of birth`. */
function windowText(view: TextView, start: number, end: number): string {
  return view.lower.slice(start, end).replace(/_/g, ' ');
}

function boundedAt(w: string, at: number, phrase: string): boolean {
  const before = at > 0 ? w.charCodeAt(at - 1) : 32;
  const after = at + phrase.length < w.length ? w.charCodeAt(at + phrase.length) : 32;
  const startsWord = isWordCode(phrase.charCodeAt(0));
  const endsWord = isWordCode(phrase.charCodeAt(phrase.length - 1));
  return !(startsWord && isWordCode(before)) && !(endsWord && isWordCode(after));
}

/**
 * Phrases indexed by their last word, so a window is read once word by word instead of once per phrase.
 * Phrases without a word (`==`) are kept aside and searched directly.
 */
interface CueIndex {
  readonly byLastWord: ReadonlyMap<string, readonly { phrase: string; tail: number }[]>;
  readonly wordless: readonly string[];
}

const indexes = new WeakMap<readonly string[], CueIndex>();

/**
 * Every indexed list that has a phrase ending in a word, by that word. A window looks its words up here once;
 * each list asked about the window then only checks the words it owns (usually none).
 */
const owners = new Map<string, CueIndex[]>();
/** Bumped when a list is indexed, so windows redo their lookups against the new owners. */
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
  index = { byLastWord, wordless };
  indexes.set(phrases, index);
  for (const word of byLastWord.keys()) {
    const list = owners.get(word);
    if (list) list.push(index);
    else owners.set(word, [index]);
  }
  ownersVersion++;
  return index;
}

/**
 * A cue window: its lower-cased text (`_` read as a space) and its words. Several detectors ask about the same
 * window (every labelled-id detector looks right before the same chain), so each is tokenised once per view.
 */
interface CueWindow {
  readonly w: string;
  readonly offset: number;
  /** ends[k] is where words[k] ends in w. */
  readonly ends: readonly number[];
  readonly words: readonly string[];
  /** Words that end a phrase of some indexed list: word k and the lists owning it, as of `version`. */
  owned: readonly { readonly k: number; readonly lists: readonly CueIndex[] }[];
  version: number;
}

const BEFORE = Symbol('cue windows before');
const AFTER = Symbol('cue windows after');

/** Tokenised windows of one direction, by window size and then position. */
type WindowCache = Map<number, Map<number, CueWindow>>;

function cachedWindow(view: TextView, direction: symbol, pos: number, window: number, make: () => CueWindow): CueWindow {
  const bySize = view.memo<WindowCache>(direction, () => new Map());
  let byPos = bySize.get(window);
  if (!byPos) bySize.set(window, (byPos = new Map()));
  let win = byPos.get(pos);
  if (!win) byPos.set(pos, (win = make()));
  return win;
}

function tokeniseWindow(view: TextView, from: number, to: number): CueWindow {
  const w = windowText(view, from, to);
  const ends: number[] = [];
  const words: string[] = [];
  let i = 0;
  while (i < w.length) {
    if (!isWordCode(w.charCodeAt(i))) {
      i++;
      continue;
    }
    const ws = i;
    while (i < w.length && isWordCode(w.charCodeAt(i))) i++;
    ends.push(i);
    words.push(w.slice(ws, i));
  }
  return { w, offset: from, ends, words, owned: [], version: -1 };
}

/** The window [pos - window, pos) clipped to the line, tokenised once per view. */
function windowBefore(view: TextView, pos: number, window: number): CueWindow {
  return cachedWindow(view, BEFORE, pos, window, () => tokeniseWindow(view, view.lineStartWithin(pos, window), pos));
}

/** The window [pos, pos + window) clipped to the line, tokenised once per view. */
function windowAfter(view: TextView, pos: number, window: number): CueWindow {
  return cachedWindow(view, AFTER, pos, window, () => tokeniseWindow(view, pos, view.lineEndWithin(pos, window)));
}

function ownedWords(win: CueWindow): CueWindow['owned'] {
  if (win.version === ownersVersion) return win.owned;
  const owned: { k: number; lists: readonly CueIndex[] }[] = [];
  for (let k = 0; k < win.words.length; k++) {
    const lists = owners.get(win.words[k]);
    if (lists) owned.push({ k, lists });
  }
  win.owned = owned;
  win.version = ownersVersion;
  return owned;
}

/**
 * The best bounded occurrence of a phrase in the window: the one ending last (starting first on a tie) for
 * `before`, else the one starting first (ending last on a tie).
 */
function bestHit(view: TextView, win: CueWindow, phrases: readonly string[], before: boolean): CueHit | undefined {
  const index = indexOf(phrases);
  const { w, offset } = win;
  view.work(w.length);
  const owned = ownedWords(win);
  if (owned.length === 0 && index.wordless.length === 0) return undefined;
  let best: CueHit | undefined;
  const consider = (at: number, phrase: string): void => {
    const start = offset + at;
    const end = start + phrase.length;
    const wins = !best || (before
      ? end > best.end || (end === best.end && start < best.start)
      : start < best.start || (start === best.start && end > best.end));
    if (wins) best = { phrase, start, end };
  };
  for (const { k, lists } of owned) {
    if (!lists.includes(index)) continue;
    const i = win.ends[k];
    for (const { phrase, tail } of index.byLastWord.get(win.words[k]) ?? []) {
      const at = i + tail - phrase.length;
      if (at >= 0 && w.startsWith(phrase, at) && boundedAt(w, at, phrase)) consider(at, phrase);
    }
  }
  for (const phrase of index.wordless) {
    view.work(w.length);
    for (let at = w.indexOf(phrase); at >= 0; at = w.indexOf(phrase, at + 1)) consider(at, phrase);
  }
  return best;
}

/** The cue that ends nearest before `pos` (within `window` characters on the same line). */
export function cueBefore(view: TextView, pos: number, phrases: readonly string[], window = WINDOW_BEFORE): CueHit | undefined {
  return bestHit(view, windowBefore(view, pos, window), phrases, true);
}

/** The cue that starts nearest after `pos` (within `window` characters on the same line). */
export function cueAfter(view: TextView, pos: number, phrases: readonly string[], window = WINDOW_AFTER): CueHit | undefined {
  return bestHit(view, windowAfter(view, pos, window), phrases, false);
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
  return labelIn(view, labelWindowBefore(view, pos), pos, phrases);
}

/** The window labelBefore reads before `pos`, for callers that ask about one position with many lists. */
export type LabelWindow = CueWindow;

export function labelWindowBefore(view: TextView, pos: number): LabelWindow {
  return windowBefore(view, pos, WINDOW_BEFORE);
}

/** labelBefore over a window from labelWindowBefore(view, pos). */
export function labelIn(view: TextView, win: LabelWindow, pos: number, phrases: readonly string[]): CueHit | undefined {
  const hit = bestHit(view, win, phrases, true);
  if (!hit || !isLabelGap(view.slice(hit.end, pos))) return undefined;
  return hit;
}

/** Cue phrases for a category: built-in ones plus words configured for it (`chart_no` also as `chart no`). */
export function withExtraCues(builtIn: readonly string[], category: Category, context: FreeTextContext): readonly string[] {
  const extra = context.extraCues?.[category];
  if (!extra || extra.length === 0) return builtIn;
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
