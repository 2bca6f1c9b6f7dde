/**
 * Vehicle identifiers: a seventeen-character VIN (no I, O or Q) whose ninth character is the ISO 3779 check
 * digit is reported on its own, and one of that shape after a VIN label whatever its check digit (forms and
 * notes copy VINs with typos); licence plates only right after a plate label.
 */
import { lineAround } from '../positions';
import { makeCandidate } from './candidate';
import { withExtraCues } from './cues';
import { speaksOfPerson } from './geographic';
import { labelledValues } from './labelled';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const PLATE_CUES = ['license plate', 'licence plate', 'plate number', 'plate no', 'plate #', 'vehicle plate', 'tag number', 'registration plate', 'plate'];
const VIN_CUES = ['vin', 'vin #', 'vin no', 'vin number', 'vehicle identification number'];
const VIN_SHAPE = { minLength: 17, maxLength: 17, minDigits: 1 };
/**
 * Words of an organisation's vehicles: its fleet, its units' call signs (`Medic 12`, `Rescue 41`, `unit Z-01`, `van 12`),
 * their telematics. A VIN or a plate on such a line, which speaks of no person, is an ambulance's or a van's.
 */
const FLEET_LINE = /\b(?:fleet|telematics|avl|odometer|call ?signs?|(?:medic|rescue|squad|rig|van) ?#?\d{1,3}|unit:? [A-Z]{1,3}-\d{1,3})\b/i;
/** How far either side of a VIN its line is read. */
const FLEET_WINDOW = 160;
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** ISO 3779 transliteration: digits as themselves, letters to 1-9 in runs A-H, J-R, S-Z. */
function vinValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  return ch <= 'H' ? ch.charCodeAt(0) - 64 : ch <= 'R' ? ch.charCodeAt(0) - 73 : ch.charCodeAt(0) - 81;
}

export function isVin(value: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += vinValue(value[i]) * VIN_WEIGHTS[i];
  }
  const check = sum % 11;
  return value[8] === (check === 10 ? 'X' : String(check));
}

function isVinShaped(value: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  for (let i = 0; i < view.chainCount; i++) {
    const start = view.chainStart(i);
    const end = view.chainEnd(i);
    if (view.chainAtomCount(i) === 1 && end - start === 17 && isVin(view.slice(start, end))) {
      out.push(makeCandidate(view, start, end, 'vehicle-id', 'vehicle-id', 'high'));
    }
  }
  for (const v of labelledValues(view, VIN_CUES, VIN_SHAPE)) {
    if (v.chain.atomCount === 1 && isVinShaped(v.value) && !isVin(v.value)) out.push(makeCandidate(view, v.chain.start, v.chain.end, 'vehicle-id', 'vehicle-id', 'medium'));
  }
  const cues = withExtraCues(PLATE_CUES, 'vehicle-id', context);
  for (const v of labelledValues(view, cues, { minLength: 4, maxLength: 8, minDigits: 1 })) {
    const letters = /[A-Za-z]/.test(v.value);
    // A bare `plate` is also a lab's (`plate 0423`): only a value with letters reads as a licence plate there.
    if (letters || (v.cue.phrase.includes('plate') && v.cue.phrase !== 'plate')) out.push(makeCandidate(view, v.chain.start, v.chain.end, 'vehicle-id', 'vehicle-id', 'medium'));
  }
  if (out.length > 0) removeFleetVehicles(text, out);
  return out.sort((a, b) => a.start - b.start);
}

/** Drops the VINs and plates of lines about the organisation's fleet (see FLEET_LINE). */
function removeFleetVehicles(text: string, vins: Candidate[]): void {
  let kept = 0;
  for (const c of vins) {
    const [lineStart, lineEnd] = lineAround(text, c.start, c.end, FLEET_WINDOW);
    const line = text.slice(lineStart, lineEnd);
    if (!FLEET_LINE.test(line) || speaksOfPerson(line)) vins[kept++] = c;
  }
  vins.length = kept;
}

export const vehicleDetector: Detector = { id: 'vehicle-id', category: 'vehicle-id', find, needs: ['digit'] };
