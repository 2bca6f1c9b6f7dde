/**
 * Account and card numbers. A payment card (13-19 digits, Luhn, a known issuer prefix) grouped as cards are
 * printed (`dddd-dddd-dddd-dddd`, `dddd dddd dddd dddd`, Amex `dddd-dddddd-ddddd`) is reported on its own; an
 * ungrouped card, a bank account, routing number or IBAN only right after a label. Ten-digit NPIs never.
 */
import { makeCandidate } from './candidate';
import { withExtraCues } from './cues';
import { isPlaceholderId, labelledValues } from './labelled';
import { isNpi } from './npi';
import { digitsOf, luhnValid, viewFor, type Chain, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const CARD_CUES = ['card number', 'card #', 'card no', 'credit card', 'debit card', 'cc #', 'cc no', 'cc number', 'visa', 'mastercard', 'amex', 'discover card', 'payment card'];
const ACCOUNT_CUES = [
  'account number', 'account #', 'account no', 'acct', 'acct #', 'acct no', 'acct num', 'bank account',
  'routing number', 'routing #', 'routing no', 'aba', 'iban', 'checking account', 'savings account',
  'patient account', 'guarantor account', 'hospital account', 'har', 'har #', 'guarantor', 'guarantor id', 'guarantor #',
  'hsa account', 'fsa account', ...CARD_CUES,
  // Cerner's financial number (FIN): the patient's account for one encounter.
  'fin', 'fin #', 'fin nbr', 'fin no', 'financial number',
];
/** A hospital's patient and guarantor accounts, which systems often write with a letter prefix (`G10577702`). */
const PATIENT_ACCOUNT_CUES = new Set([
  'patient account', 'guarantor account', 'hospital account', 'har', 'har #', 'guarantor', 'guarantor id', 'guarantor #', 'fin', 'fin #', 'fin nbr',
  'fin no', 'financial number',
]);

/** Issuer prefixes of cards in use: Visa, Mastercard, Amex, Discover, JCB. */
export function hasCardIssuerPrefix(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  return digits[0] === '4' || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) || two === 34 || two === 37
    || digits.startsWith('6011') || two === 65 || two === 35;
}

export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && hasCardIssuerPrefix(digits) && luhnValid(digits);
}

/** ABA routing number checksum. */
export function isRoutingNumber(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

/** IBAN mod-97 check over the rearranged value. */
export function isIban(value: string): boolean {
  const v = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return false;
  let rem = 0;
  for (const ch of v.slice(4) + v.slice(0, 4)) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = n >= 10 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97;
  }
  return rem === 1;
}

/** Whether chain i and the three after it are four-digit groups one space apart (what groupedCardEnd reads). */
function spacedGroupsOfFour(view: TextView, i: number): boolean {
  for (let k = i; k < i + 3; k++) if (!view.followedAfter(k, ' ') || view.chainShape(k + 1) !== '4') return false;
  return true;
}

/** End of a card printed in groups starting at this chain (`4-4-4-4` joined or spaced, Amex `4-6-5`). */
function groupedCardEnd(view: TextView, chain: Chain): number | undefined {
  const shape = chain.shape;
  if ((shape === '4,4,4,4' || shape === '4,6,5') && chain.joinedOnlyBy('-')) return chain.end;
  if (shape !== '4') return undefined;
  let end = chain.end;
  let current = chain;
  for (let i = 0; i < 3; i++) {
    const next = view.nextChainAfter(current, ' ');
    if (!next || next.shape !== '4') return undefined;
    current = next;
    end = next.end;
  }
  const after = view.nextChainAfter(current, ' ');
  if (after?.shape) return undefined;
  return end;
}

function labelledAccount(value: string, cue: string, cardCues: readonly string[]): boolean {
  const digits = digitsOf(value);
  if (digits.length === 10 && isNpi(digits)) return false;
  if (cue === 'iban') return isIban(value);
  if (cardCues.includes(cue)) return isCardNumber(digits);
  if (cue.startsWith('routing') || cue === 'aba') return isRoutingNumber(digits);
  const compact = value.replace(/-/g, '');
  const prefix = PATIENT_ACCOUNT_CUES.has(cue) ? letterPrefixLength(compact) : 0;
  return digits.length >= 6 && digits.length <= 17 && digits.length + prefix === compact.length;
}

/** Leading letters of a value, when they are one to three (`PA`, `G`); else 0. */
function letterPrefixLength(value: string): number {
  let n = 0;
  while (n < value.length && /[A-Za-z]/.test(value[n])) n++;
  return n <= 3 ? n : 0;
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  /** Starts of the values already reported with high confidence (made only when there is one). */
  let taken: Set<number> | undefined;
  for (let i = 0; i < view.chainCount; i++) {
    const shape = view.chainShape(i);
    if (shape !== '4,4,4,4' && shape !== '4,6,5' && !(shape === '4' && spacedGroupsOfFour(view, i))) continue;
    const chain = view.chain(i);
    const end = groupedCardEnd(view, chain);
    if (end === undefined || !isCardNumber(digitsOf(view.slice(chain.start, end)))) continue;
    out.push(makeCandidate(view, chain.start, end, 'account-number', 'account-number', 'high'));
    (taken ??= new Set()).add(chain.start);
  }
  const cues = withExtraCues(ACCOUNT_CUES, 'account-number', context);
  for (const v of labelledValues(view, cues, { minLength: 6, maxLength: 34, minDigits: 6 })) {
    if (taken?.has(v.chain.start) || isPlaceholderId(v.value) || !labelledAccount(v.value, v.cue.phrase, CARD_CUES)) continue;
    out.push(makeCandidate(view, v.chain.start, v.chain.end, 'account-number', 'account-number', 'medium'));
  }
  return out.sort((a, b) => a.start - b.start);
}

export const accountDetector: Detector = { id: 'account-number', category: 'account-number', find, needs: ['digit'] };
