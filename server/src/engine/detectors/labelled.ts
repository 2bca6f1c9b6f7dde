/**
 * Identifiers that only count with a label: `MRN: 12345678`, `member id W123456789`. The value is the chain
 * right after the label (only label glue between), checked against an id shape.
 */
import {
  CueWindows, cueWordsVersion, hasWordlessCue, labelBefore, labelIn, labelListBit, labelWindowBefore, WINDOW_BEFORE, type CueHit,
} from './cues';
import type { Category } from '../model';
import { makeCandidate } from './candidate';
import { isNpi } from './npi';
import { isDigitCode, type Chain, type TextView } from './text';
import type { Candidate } from './types';

export interface IdShape {
  readonly minLength: number;
  readonly maxLength: number;
  readonly minDigits: number;
}

export const RECORD_ID_SHAPE: IdShape = { minLength: 4, maxLength: 20, minDigits: 4 };

export interface LabelledValue {
  readonly chain: Chain;
  readonly cue: CueHit;
  readonly value: string;
}

/** Chains joined only by `-` whose alphanumeric length and digit count fit the shape. */
export function fitsIdShape(view: TextView, chain: Chain, shape: IdShape): boolean {
  if (!chain.joinedOnlyBy('-')) return false;
  const counts = idCounts(view, chain.start, chain.end, chain.atomCount);
  return counts !== undefined && counts.alnum >= shape.minLength && counts.alnum <= shape.maxLength && counts.digits >= shape.minDigits;
}

/** Letters and digits, and digits alone, of a chain over [start, end) joined only by `-`; undefined when it holds a `_`. */
function idCounts(view: TextView, start: number, end: number, atoms: number): { alnum: number; digits: number } | undefined {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = view.text.charCodeAt(i);
    if (c === 95) return undefined;
    if (c >= 48 && c <= 57) digits++;
  }
  return { alnum: end - start - (atoms - 1), digits };
}

/** Values that are clearly not someone's identifier: masks, repeated digits, a lone year or a period, an NPI. */
export function isPlaceholderId(value: string): boolean {
  const compact = value.replace(/-/g, '');
  // Masks start with `*`, `#` or at least two X's; a single leading letter X is part of many real ids.
  if (/^(?:[*#]|[xX]{2})/.test(compact) || /[xX]{3}/.test(compact)) return true;
  if (/^(\d)\1+$/.test(compact)) return true;
  if (/^(19|20)\d\d$/.test(compact)) return true;
  // A period named by its year (`pre-2016`, `FY2024`, `Q3-2024`): `legacy MRN (pre-2016)` speaks of ids, holds none.
  if (/^(?:pre|post|since|before|after|until|circa|ca|fy|cy|q[1-4]|h[12])(19|20)\d\d$/i.test(compact)) return true;
  return /^\d{10}$/.test(compact) && isNpi(compact);
}

/**
 * A chain joined only by `-`, without `_`, holding a digit (what every id shape with minDigits >= 1 reads),
 * with a word that ends some cue phrase in the label window before it. Any other chain has no label to find.
 */
interface IdChain {
  /** Index of the chain in the view: its Chain is made only for a labelled value. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly alnum: number;
  readonly digits: number;
  /** Start of the label window before the chain, shared by every detector that asks. */
  readonly from: number;
  /** What the label window holds (CueWindows.labelBits): a list whose bit is clear has no label there. */
  readonly lists: number;
  /** The value and whether it is a placeholder (or masked), filled in on first use. */
  value?: string;
  excluded?: boolean;
}

const ID_CHAINS = Symbol('id chains');

/** The view's id-like chains near a cue word, computed once per set of cue words and shared by every labelled detector. */
function idChainsOf(view: TextView): readonly IdChain[] {
  return view.shared(ID_CHAINS, cueWordsVersion(), findIdChains);
}

/** What findIdChains gives a view without id chains (most views): no list of its own. */
const NO_ID_CHAINS: readonly IdChain[] = [];

function findIdChains(view: TextView): readonly IdChain[] {
  let list: IdChain[] | undefined;
  const windows = new CueWindows(view);
  const aligned = view.lowerAligned;
  for (let i = 0; i < view.chainCount; i++) {
    if (view.chainFirstKind(i) === 'letters' && view.chainAtomCount(i) === 1) continue;
    if (!view.chainJoinedOnlyBy(i, '-')) continue;
    // The window clipped at a line break holds no cue word the unclipped one lacks: ask that first, it needs no
    // scan for the break (only where lower-cased offsets are the text's, so the break is where the text has it).
    const start = view.chainStart(i);
    const floor = Math.max(0, start - WINDOW_BEFORE);
    view.work(start - floor);
    if (aligned && !windows.mayHold(floor, start)) continue;
    const from = labelWindowBefore(view, start);
    const lists = windows.labelBits(from, start);
    if (lists === 0) continue;
    const end = view.chainEnd(i);
    const counts = idCounts(view, start, end, view.chainAtomCount(i));
    if (counts && counts.digits > 0) (list ??= []).push({ index: i, start, end, alnum: counts.alnum, digits: counts.digits, from, lists });
  }
  return list ?? NO_ID_CHAINS;
}

/**
 * A medium-confidence candidate over each labelled value, for the detectors that report by label alone. Pushed,
 * not map()ped: map() makes its list with one elements kind in the interpreter and another in optimised code,
 * and scanFreeText, which reads every detector's list, was deoptimised on it.
 */
export function labelledCandidates(view: TextView, phrases: readonly string[], shape: IdShape, category: Category): Candidate[] {
  const out: Candidate[] = [];
  for (const v of labelledValues(view, phrases, shape)) out.push(makeCandidate(view, v.chain.start, v.chain.end, category, category, 'medium'));
  return out;
}

/** Every chain that fits the shape and directly follows one of the label phrases. */
export function labelledValues(view: TextView, phrases: readonly string[], shape: IdShape): readonly LabelledValue[] {
  // Asked before the id chains: a list's first bit changes what they hold.
  const bit = labelListBit(phrases);
  if (shape.minDigits < 1 || hasWordlessCue(phrases)) {
    const out: LabelledValue[] = [];
    for (let i = 0; i < view.chainCount; i++) {
      const chain = view.chain(i);
      if (!fitsIdShape(view, chain, shape)) continue;
      const value = view.slice(chain.start, chain.end);
      if (isPlaceholderId(value) || view.charBefore(chain.start) === '*' || isPlanAttributeId(view, chain.start) || isNonNullCount(view, chain.end)) continue;
      const cue = labelBefore(view, chain.start, phrases);
      if (cue) out.push({ chain, cue, value });
    }
    return out;
  }
  let found: LabelledValue[] | undefined;
  for (const id of idChainsOf(view)) {
    if (id.alnum < shape.minLength || id.alnum > shape.maxLength || id.digits < shape.minDigits) continue;
    if (bit !== 0 && (id.lists & bit) === 0) continue;
    const cue = labelIn(view, id.from, id.start, phrases);
    if (!cue) continue;
    if (id.value === undefined) {
      id.value = view.slice(id.start, id.end);
      id.excluded = isPlaceholderId(id.value) || view.charBefore(id.start) === '*' || isPlanAttributeId(view, id.start) || isNonNullCount(view, id.end);
    }
    if (!id.excluded) (found ??= []).push({ chain: view.chain(id.index), cue, value: id.value });
  }
  return found ?? NO_VALUES;
}

/** `0   patient_key    451110 non-null  int64` in a pandas info() print: the number counts the column's values. */
function isNonNullCount(view: TextView, end: number): boolean {
  const text = view.text;
  let p = end;
  while (p < text.length && p - end < 8 && text.charCodeAt(p) === 0x20) p++;
  return p > end && text.startsWith('non-null', p);
}

/**
 * How far either side of a `column#id` to look for another one: far enough to reach past a plan line's
 * `+- SubqueryAlias catalog.schema.table` to the line before (`Relation t[encounter_id#1841,...]`).
 */
const PLAN_WINDOW = 200;

/**
 * `patient_id#1842` in a Spark plan or analysis error (`Project [encounter_id#1841, patient_id#1842]`): the
 * number is the column's expression id, not a value. Known by its neighbours: a plan names its columns that way
 * in lists, while `MRN#12345678` in a note stands alone.
 */
function isPlanAttributeId(view: TextView, start: number): boolean {
  if (view.charBefore(start) !== '#' || !isIdentifierCode(view.text.charCodeAt(start - 2))) return false;
  const text = view.text;
  const from = Math.max(1, start - PLAN_WINDOW);
  const to = Math.min(text.length - 1, start + PLAN_WINDOW);
  view.work(to - from);
  for (let i = text.indexOf('#', from); i >= 0 && i < to; i = text.indexOf('#', i + 1)) {
    if (i !== start - 1 && isIdentifierCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

function isIdentifierCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** What labelledValues gives when it finds nothing (nearly always): no list of its own. */
const NO_VALUES: readonly LabelledValue[] = [];
