/**
 * Social Security numbers: `ddd-dd-dddd` passing the SSA structure rules is reported on its own; spaced or
 * undashed nine digits only next to an SSN cue. Masked forms (`***-**-1234`) never match: they hold no digits.
 */
import { makeCandidate } from './candidate';
import { cueBefore, cueNear, cuesPerContext, joinCues, withExtraCues } from './cues';
import { digitsOf, viewFor, type Chain, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const SSN_CUES = ['ssn', 'ssn#', 'ss#', 'ss #', 'ss no', 'social security', 'soc sec', 'social sec', 'ssa'];
/** A nearer cue of another kind says the dashed number is something else. */
const OTHER_CUES = ['npi', 'ein', 'tin', 'claim', 'order', 'invoice', 'ticket', 'part', 'lot', 'ref', 'case', 'phone', 'fax', 'zip', 'routing', 'version'];

/** Area not 000, 666 or 900-999; group not 00; serial not 0000. */
export function isValidSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

/**
 * Under an SSN label or key the number's area does not matter: test data and ITINs (9xx) in an SSN field are
 * that field's values all the same. Placeholders still are not: area 000, group 00, serial 0000, one repeated digit.
 */
export function isLabelledSsn(digits: string): boolean {
  if (isValidSsn(digits)) return true;
  if (!/^\d{9}$/.test(digits) || digits.startsWith('000') || digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  return !/^(\d)\1{8}$/.test(digits);
}

const ssnCues = cuesPerContext((context) => {
  const cues = withExtraCues(SSN_CUES, 'ssn', context);
  return { cues, all: joinCues(cues, OTHER_CUES) };
});

function nearestIsSsnCue(view: TextView, pos: number, cues: readonly string[], all: readonly string[]): boolean {
  const hit = cueBefore(view, pos, all);
  return hit !== undefined && cues.includes(hit.phrase);
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const { cues, all } = ssnCues(context);
  const out: Candidate[] = [];
  for (let i = 0; i < view.chainCount; i++) {
    const shape = view.chainShape(i);
    if (shape !== '3,2,4' && shape !== '9' && !(shape === '3' && view.followedAfter(i, ' ') && view.chainShape(i + 1) === '2')) continue;
    const chain = view.chain(i);
    if (shape === '3,2,4' && chain.joinedOnlyBy('-')) {
      const digits = digitsOf(view.slice(chain.start, chain.end));
      if (!isLabelledSsn(digits)) continue;
      const other = cueBefore(view, chain.start, all);
      if (other && !cues.includes(other.phrase)) continue;
      if (!isValidSsn(digits) && !other && !cueNear(view, chain.start, chain.end, cues)) continue;
      out.push(makeCandidate(view, chain.start, chain.end, 'ssn', 'ssn', 'high'));
    } else if (shape === '9') {
      if (isLabelledSsn(view.slice(chain.start, chain.end)) && nearestIsSsnCue(view, chain.start, cues, all)) {
        out.push(makeCandidate(view, chain.start, chain.end, 'ssn', 'ssn', 'medium'));
      }
    } else if (shape === '3') {
      const spaced = spacedSsnEnd(view, chain);
      if (spaced !== undefined && isLabelledSsn(digitsOf(view.slice(chain.start, spaced))) && cueNear(view, chain.start, spaced, cues)) {
        out.push(makeCandidate(view, chain.start, spaced, 'ssn', 'ssn', 'medium'));
      }
    }
  }
  return out;
}

/** End of `ddd dd dddd` starting at this chain, if the next chains complete it. */
function spacedSsnEnd(view: TextView, first: Chain): number | undefined {
  const second = view.nextChainAfter(first, ' ');
  if (!second || second.shape !== '2') return undefined;
  const third = view.nextChainAfter(second, ' ');
  if (!third || third.shape !== '4') return undefined;
  if (view.nextChainAfter(third, ' ')?.shape) return undefined;
  return third.end;
}

export const ssnDetector: Detector = { id: 'ssn', category: 'ssn', find, needs: ['digit'] };
