/**
 * Ages over 89 of one person: `age 92`, `aged 95`, `Age: 93`, `92-year-old`, `92 y/o`, `92yo`. Cohort bounds
 * (`age >= 90`, `over 90`, `90+`, `90 and older`) and statistics (`mean age 91`) describe groups, not a person.
 */
import { makeCandidate } from './candidate';
import { cueBefore, isLabelGap } from './cues';
import { digitsValue, viewFor, type Chain, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const AGE_LABELS = [
  'age', 'aged', 'age is', 'patient age', 'pt age', 'age at death', 'age at admission',
  // A note about one patient (`She's 94 and her grandson set it up`); a unit after the number rules it out.
  "she's", "he's", 'she is', 'he is', 'she was', 'he was', 'patient is', 'pt is',
];
/** Labels that read as an age only when no unit follows (`he was 95 minutes late`, `pt is 92 kg`). */
const PERSON_LABELS = new Set(["she's", "he's", 'she is', 'he is', 'she was', 'he was', 'patient is', 'pt is']);
const UNIT_AFTER = /^\s*(?:%|percent|kg|kgs|lb|lbs|pounds?|mg|ml|cm|mm|in|inches|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|miles?|mi|km|bpm|mmhg|degrees?|°|units?|points?|th|st|nd|rd|on|of|out)\b/i;
const STATISTIC_WORDS = ['avg', 'average', 'mean', 'median', 'max', 'min', 'maximum', 'minimum', 'std', 'cohort', 'bucket', 'band', 'range', 'group', 'over', 'under', 'above', 'below', 'least', 'most', 'than', 'cap', 'capped', 'limit', 'threshold'];
const AFTER_SUFFIXES = ['-year-old', ' year old', ' years old', ' year-old', ' y/o', ' yo ', ' y.o', ' yr old', ' yrs old', ' years of age', '-yo'];
const GROUP_AFTER = ['+', ' or older', ' and older', ' and over', ' or over', ' or above', ' and above', ' plus', '-', ' to ', '–', '%'];

function isOver89(n: number | undefined): n is number {
  return n !== undefined && n >= 90 && n <= 130;
}

/** Whether the lower-cased text goes on at pos with one of the options (one ending in a space may end the text instead). */
function startsWithAny(view: TextView, pos: number, options: readonly string[]): boolean {
  const length = view.isAscii ? view.text.length : view.lower.length;
  return options.some((o) => lowerHasAt(view, pos, o) || (o.endsWith(' ') && pos + o.length - 1 === length && lowerHasAt(view, pos, o.trimEnd())));
}

/** Whether the lower-cased text has `s` at pos, read in place. */
function lowerHasAt(view: TextView, pos: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (view.lowerCodeAt(pos + k) !== s.charCodeAt(k)) return false;
  return true;
}

/** `92yo`, `92y`: one atom of digits and letters, at most six characters. */
function compactAge(view: TextView, chain: Chain): boolean {
  if (chain.atomCount !== 1 || chain.firstKind !== 'mixed' || chain.end - chain.start > 6) return false;
  const m = /^(\d{2,3})(?:yo|y|yrs|yr)$/.exec(view.lower.slice(chain.start, chain.end));
  return m !== null && isOver89(Number(m[1]));
}

/** What the loop below needs of chain i, read by index: a compact `92yo` or a first atom of 90-130. */
function mayBeAge(view: TextView, i: number): boolean {
  const start = view.chainStart(i);
  const kind = view.chainFirstKind(i);
  if (kind === 'mixed') return view.chainAtomCount(i) === 1 && view.chainEnd(i) - start <= 6;
  const firstEnd = view.chainFirstEnd(i);
  return kind === 'digits' && firstEnd - start <= 3 && isOver89(digitsValue(view.text, start, firstEnd));
}

function isStatistic(view: TextView, labelStart: number): boolean {
  return cueBefore(view, labelStart, STATISTIC_WORDS, 16) !== undefined;
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  for (let i = 0; i < view.chainCount; i++) {
    if (!mayBeAge(view, i)) continue;
    const chain = view.chain(i);
    if (compactAge(view, chain)) {
      out.push(makeCandidate(view, chain.start, chain.end, 'age-over-89', 'age-over-89', 'medium'));
      continue;
    }
    const firstEnd = chain.firstEnd;
    if (chain.firstKind !== 'digits' || firstEnd - chain.start > 3 || !isOver89(digitsValue(view.text, chain.start, firstEnd))) continue;
    if (chain.atomCount === 3 && /^-year-old$/i.test(view.slice(firstEnd, chain.end))) {
      out.push(makeCandidate(view, chain.start, firstEnd, 'age-over-89', 'age-over-89', 'medium'));
      continue;
    }
    // A lone atom of two or three digits (its value, 90-130, is known to be an age's).
    if (chain.atomCount !== 1 || startsWithAny(view, chain.end, GROUP_AFTER)) continue;
    if (startsWithAny(view, chain.end, AFTER_SUFFIXES) && !isStatistic(view, chain.start)) {
      out.push(makeCandidate(view, chain.start, chain.end, 'age-over-89', 'age-over-89', 'medium'));
      continue;
    }
    const label = cueBefore(view, chain.start, AGE_LABELS, 24);
    if (label && PERSON_LABELS.has(label.phrase) && UNIT_AFTER.test(view.text.slice(chain.end, chain.end + 12))) continue;
    if (label && isLabelGap(view.slice(label.end, chain.start)) && !/[<>]/.test(view.slice(label.end, chain.start)) && !isStatistic(view, label.start)) {
      out.push(makeCandidate(view, chain.start, chain.end, 'age-over-89', 'age-over-89', 'medium'));
    }
  }
  return out;
}

export const ageDetector: Detector = { id: 'age-over-89', category: 'age-over-89', find, needs: ['digit'] };
