/**
 * Other unique patient identifiers (EMPI, subject and person ids): like MRNs, only right after a label.
 */
import { makeCandidate } from './candidate';
import { withExtraCues, type CueHit } from './cues';
import { labelledValues, RECORD_ID_SHAPE } from './labelled';
import { isOrganisationSite } from './geographic';
import { viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const OTHER_ID_CUES = [
  'subject id', 'subject #', 'person id', 'empi', 'empi id', 'enterprise id', 'enterprise patient id',
  'participant id', 'patient key', 'pat id', 'patient identifier', 'unique patient id', 'master patient index',
  // Encounter, order and prescription numbers name one patient's visit, study or fill (Safe Harbor's "any other
  // unique identifying number"); FHIR ids name a Patient resource.
  'encounter', 'encounter id', 'encounter #', 'encounter no', 'encounter number', 'enc', 'enc id', 'enc #', 'csn',
  'accession', 'accession #', 'accession no', 'accession number', 'rx number', 'rx numbers', 'rx #', 'rx no',
  'prescription number', 'prescription #', 'fhir id', 'patient fhir id',
  // An immigrant's alien registration number, as a refugee or asylum clinic notes it (`A# A-900-000-001`).
  'a#', 'a-number', 'a number', 'alien number', 'alien registration number', 'uscis #', 'uscis number',
  // A jail's booking number, as a correctional health program notes its patients by it.
  'booking #', 'booking no', 'booking number', 'inmate #', 'inmate number',
];

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(OTHER_ID_CUES, 'other-id', context);
  const out: Candidate[] = [];
  for (const v of labelledValues(view, cues, RECORD_ID_SHAPE)) {
    if (isResourceCount(view, v.cue) || isRegistryParticipant(view, v.cue, v.chain.start, v.chain.end)) continue;
    out.push(makeCandidate(view, v.chain.start, v.chain.end, 'other-id', 'other-id', 'medium'));
  }
  return out;
}

/**
 * A registry's participant is a hospital (NCDR's `Participant ID: 104472   Meridian Heart & Vascular Institute`):
 * on a line that names an organisation and no person, the id is the organisation's.
 */
function isRegistryParticipant(view: TextView, cue: CueHit, start: number, end: number): boolean {
  return cue.phrase === 'participant id' && isOrganisationSite(view.text, start, end);
}

/** FHIR resource types a bulk export or a load counts, beside `Encounter`. */
const RESOURCE_COUNT = /\b(?:Condition|Observation|Medication(?:Request|Administration|Dispense|Statement)?|Procedure|DiagnosticReport|Immunization|AllergyIntolerance|ExplanationOfBenefit|CarePlan|CareTeam|Practitioner|Organization|Location|DocumentReference|ServiceRequest|Device|Goal)s?\b[:=]? *\d/g;

/**
 * `Encounter 3118442` among two or more other resource types and their numbers (`Condition 1204418 / Observation
 * 38877120`, a load's printed counts) is how many encounters there are, not one of them. A patient's or a
 * claim's number beside it would make it one record's, so those two types count for nothing here.
 */
function isResourceCount(view: TextView, cue: CueHit): boolean {
  if (view.text.slice(cue.start, cue.end) !== 'Encounter') return false;
  const around = view.slice(Math.max(0, cue.start - 120), Math.min(view.text.length, cue.end + 120));
  RESOURCE_COUNT.lastIndex = 0;
  return RESOURCE_COUNT.exec(around) !== null && RESOURCE_COUNT.exec(around) !== null;
}

export const otherIdDetector: Detector = { id: 'other-id', category: 'other-id', find, needs: ['digit'] };
