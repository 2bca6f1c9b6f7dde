/**
 * Certificate and license numbers (driver's licence, passport, certificates) right after a label. DEA and
 * medical licence numbers belong to prescribers, not patients: a provider word nearby rules the value out.
 */
import { makeCandidate } from './candidate';
import { cueNear, withExtraCues } from './cues';
import { labelledValues } from './labelled';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const LICENSE_CUES = [
  "driver's license", 'drivers license', 'driver license', "driver's licence", 'drivers licence',
  "driver's lic", 'dl#', 'dl #', 'dl no', 'dl number', 'license number', 'license no', 'license #', 'lic #',
  'lic no', 'licence number', 'certificate number', 'certificate no', 'certificate #', 'cert #', 'cert no',
  'passport', 'passport number', 'passport no', 'state id', 'state id number', 'dl',
];
const PROVIDER_WORDS = [
  'dea', 'npi', 'physician', 'provider', 'prescriber', 'dr', 'dr.', 'md', 'rn', 'nurse', 'medical license', 'pharmacy', 'pharmacist', 'facility', 'clia', 'software', 'product',
  // A machine's calibration certificate (`cal cert #…` of a lithotripter or a scale), not a person's.
  'calibration', 'cal', 'calibrated',
];

/** DEA registration: two letters and seven digits with a check digit. */
export function isDeaNumber(value: string): boolean {
  if (!/^[A-Za-z]{2}\d{7}$/.test(value)) return false;
  const d = value.slice(2).split('').map(Number);
  return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 === d[6];
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(LICENSE_CUES, 'license-number', context);
  const out: Candidate[] = [];
  for (const v of labelledValues(view, cues, { minLength: 5, maxLength: 20, minDigits: 4 })) {
    if (isDeaNumber(v.value) || cueNear(view, v.cue.start, v.chain.end, PROVIDER_WORDS)) continue;
    // A bare `DL` is also a download or a distribution list: only a licence's letter-led shape (`H616-4405-7792`) counts.
    if (v.cue.phrase === 'dl' && !/^[A-Za-z]\d/.test(v.value)) continue;
    out.push(makeCandidate(view, v.chain.start, v.chain.end, 'license-number', 'license-number', 'medium'));
  }
  return out;
}

export const licenseDetector: Detector = { id: 'license-number', category: 'license-number', find, needs: ['digit'] };
