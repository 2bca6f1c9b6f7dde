/**
 * Other unique patient identifiers (EMPI, subject and person ids): like MRNs, only right after a label.
 */
import { withExtraCues } from './cues';
import { labelledCandidates, RECORD_ID_SHAPE } from './labelled';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const OTHER_ID_CUES = [
  'subject id', 'subject #', 'person id', 'empi', 'empi id', 'enterprise id', 'enterprise patient id',
  'participant id', 'patient key', 'pat id', 'patient identifier', 'unique patient id', 'master patient index',
  // Encounter, order and prescription numbers name one patient's visit, study or fill (Safe Harbor's "any other
  // unique identifying number"); FHIR ids name a Patient resource.
  'encounter', 'encounter id', 'encounter #', 'encounter no', 'encounter number', 'enc', 'enc id', 'enc #', 'csn',
  'accession', 'accession #', 'accession no', 'accession number', 'rx number', 'rx numbers', 'rx #', 'rx no',
  'prescription number', 'prescription #', 'fhir id', 'patient fhir id',
];

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(OTHER_ID_CUES, 'other-id', context);
  return labelledCandidates(view, cues, RECORD_ID_SHAPE, 'other-id');
}

export const otherIdDetector: Detector = { id: 'other-id', category: 'other-id', find, needs: ['digit'] };
