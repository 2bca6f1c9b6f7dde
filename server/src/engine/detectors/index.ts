/**
 * The free-text detectors, registered in one list. scanFreeText runs them all over one shared view of the
 * text and keeps one candidate per span: a high-confidence call over a medium one, then the longer one.
 */
import { aamvaDetector } from './aamva';
import { accountDetector } from './account';
import { asapDetector } from './asap';
import { ageDetector } from './age';
import { dateDetector } from './date';
import { deviceDetector } from './device';
import { emailDetector } from './email';
import { geographicDetector } from './geographic';
import { healthPlanDetector } from './healthPlan';
import { ipDetector } from './ip';
import { licenseDetector } from './license';
import { mrnDetector } from './mrn';
import { nameDetector } from './name';
import { otherIdDetector } from './otherId';
import { phoneDetector } from './phone';
import { portalUserDetector } from './portalUser';
import { ssnDetector } from './ssn';
import { urlDetector } from './url';
import { vehicleDetector } from './vehicle';
import { x12Detector } from './x12';
import { hl7Detector } from './hl7';
import { dicomDetector } from './dicom';
import { fileNameDetector } from './fileName';
import { meetsNeeds, needBits, releaseView, viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** Every free-text detector; order breaks ties between equally good overlapping candidates. */
export const DETECTORS: readonly Detector[] = [
  x12Detector,
  asapDetector,
  aamvaDetector,
  hl7Detector,
  dicomDetector,
  fileNameDetector,
  ssnDetector,
  accountDetector,
  healthPlanDetector,
  vehicleDetector,
  phoneDetector,
  emailDetector,
  urlDetector,
  ipDetector,
  mrnDetector,
  otherIdDetector,
  portalUserDetector,
  licenseDetector,
  deviceDetector,
  dateDetector,
  ageDetector,
  geographicDetector,
  nameDetector,
];

/** Each detector's needs as CharNeed bits, in DETECTORS order (read for every text). */
const NEED_BITS = DETECTORS.map((d) => needBits(d.needs));

/** Runs every free-text detector over text; returns non-overlapping candidates in text order. */
export function scanFreeText(text: string, context: FreeTextContext): Candidate[] {
  const found: Candidate[] = [];
  // Every detector reads the view; building it first also tells which characters the text has.
  const present = viewFor(text, context.meter).charNeeds;
  for (let k = 0; k < DETECTORS.length; k++) {
    if (!meetsNeeds(present, NEED_BITS[k])) continue;
    for (const c of DETECTORS[k].find(text, context)) found.push(c);
  }
  releaseView(text);
  return found.length === 0 ? found : resolveOverlaps(found);
}

/** Keeps one candidate where candidates overlap (sorted by start; linear after the sort). */
export function resolveOverlaps(found: readonly Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (!last || c.start >= last.end) {
      out.push(c);
    } else if (preferred(c, last)) {
      out[out.length - 1] = c;
    }
  }
  return out;
}

function preferred(a: Candidate, b: Candidate): boolean {
  if (a.confidence !== b.confidence) return a.confidence === 'high';
  return a.end - a.start > b.end - b.start;
}
