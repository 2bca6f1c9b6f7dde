/**
 * Health plan beneficiary numbers. A Medicare Beneficiary Identifier has a strict eleven-character layout
 * (`C A AN N A AN N A A N N`, no S L O I B Z) and is reported on its own; other member, subscriber and
 * policy numbers only right after a label.
 */
import { makeCandidate } from './candidate';
import { withExtraCues } from './cues';
import { labelledValues, RECORD_ID_SHAPE } from './labelled';
import { viewFor, type Chain, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const PLAN_CUES = [
  'member id', 'member #', 'member no', 'member number', 'subscriber id', 'subscriber #', 'subscriber no',
  'subscriber number', 'policy number', 'policy #', 'policy no', 'policy id', 'medicaid id', 'medicaid #',
  'medicaid no', 'medicaid number', 'medicare id', 'medicare #', 'medicare number', 'mbi', 'hicn', 'hic #',
  'beneficiary id', 'beneficiary number', 'insurance id', 'insurance #', 'insurance number', 'plan member id',
  'health plan id', 'member', 'subscriber', 'subscriber id number', 'subscriberid', 'memberid',
];

const MBI_LETTER = 'ACDEFGHJKMNPQRTUVWXY';
const MBI_LAYOUT = 'CAPNAPNAANN';

/** The example MBI of CMS's format specification, which validators' tests quote: no one's. */
const CMS_EXAMPLE_MBI = '1EG4TE5MK73';

/** Medicare Beneficiary Identifier layout: C = 1-9, A = letter (no S L O I B Z), P = either, N = 0-9. */
export function isMbi(value: string): boolean {
  const v = value.replace(/-/g, '');
  if (v.length !== 11 || v === CMS_EXAMPLE_MBI) return false;
  for (let i = 0; i < 11; i++) {
    const ch = v[i];
    const digit = ch >= '0' && ch <= '9';
    const letter = MBI_LETTER.includes(ch);
    const slot = MBI_LAYOUT[i];
    if (slot === 'C' && !(digit && ch !== '0')) return false;
    if (slot === 'N' && !digit) return false;
    if (slot === 'A' && !letter) return false;
    if (slot === 'P' && !digit && !letter) return false;
  }
  return true;
}

/** `1EG4TE5MK73` or `1EG4-TE5-MK73` as a whole chain. */
function mbiChain(view: TextView, chain: Chain): boolean {
  const length = chain.end - chain.start;
  const whole = chain.atomCount === 1 && length === 11;
  const grouped = chain.atomCount === 3 && length === 13 && chain.firstEnd - chain.start === 4 && chain.atoms[1].end - chain.atoms[1].start === 3
    && chain.joinedOnlyBy('-');
  if (!whole && !grouped) return false;
  return isMbi(view.slice(chain.start, chain.end));
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  /** Starts of the values already reported with high confidence (made only when there is one). */
  let seen: Set<number> | undefined;
  for (let i = 0; i < view.chainCount; i++) {
    const length = view.chainEnd(i) - view.chainStart(i);
    const atoms = view.chainAtomCount(i);
    if (!(atoms === 1 && length === 11) && !(atoms === 3 && length === 13)) continue;
    const chain = view.chain(i);
    if (mbiChain(view, chain)) {
      out.push(makeCandidate(view, chain.start, chain.end, 'health-plan-id', 'health-plan-id', 'high'));
      (seen ??= new Set()).add(chain.start);
    }
  }
  const cues = withExtraCues(PLAN_CUES, 'health-plan-id', context);
  for (const v of labelledValues(view, cues, RECORD_ID_SHAPE)) {
    if (isClusterPolicyId(view.slice(v.chain.start, v.chain.end))) continue;
    if (!seen?.has(v.chain.start)) out.push(makeCandidate(view, v.chain.start, v.chain.end, 'health-plan-id', 'health-plan-id', 'medium'));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A Databricks cluster policy's id (`"policy_id": "E06216CAA0000360"`): sixteen upper-case hex digits, no member's. */
function isClusterPolicyId(value: string): boolean {
  return value.length === 16 && /^[0-9A-F]+$/.test(value) && /[A-F]/.test(value) && /\d/.test(value);
}

export const healthPlanDetector: Detector = { id: 'health-plan-id', category: 'health-plan-id', find, needs: ['digit'] };
