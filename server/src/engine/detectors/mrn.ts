/**
 * Medical record numbers exist only by label: a bare eight-digit number is as likely a claim line or a
 * concept id, so this detector reports an id token only right after an MRN cue (`MRN: 12345678`).
 */
import { withExtraCues } from './cues';
import { labelledCandidates, RECORD_ID_SHAPE } from './labelled';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

export const MRN_CUES = [
  'mrn', 'mrn#', 'mr#', 'mr #', 'mr no', 'mr number', 'medical record', 'medical record number', 'med rec',
  'med rec no', 'chart number', 'chart no', 'chart #', 'patient id', 'patient #', 'patient no',
  'patient number', 'pt id', 'pt #', 'pt no', 'patient mrn', 'hospital number', 'hosp no',
];

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(MRN_CUES, 'mrn', context);
  return labelledCandidates(view, cues, RECORD_ID_SHAPE, 'mrn').filter((c) => !isSparkAttribute(text, c.start, c.end));
}

/**
 * `mrn#1900 = …` of a Spark plan or a Delta history's predicate: the column's expression id, glued to its name,
 * compared with a value; not the record number, which the value after the operator is.
 */
function isSparkAttribute(text: string, start: number, end: number): boolean {
  return start >= 2 && text.charCodeAt(start - 1) === 0x23 /* # */ && /\w/.test(text[start - 2]) && SPARK_OPERATOR_AFTER.test(text.slice(end, end + 8));
}

const SPARK_OPERATOR_AFTER = /^ ?(?:[=<>]|!=|IN\b|IS\b|AS\b)/i;

export const mrnDetector: Detector = { id: 'mrn', category: 'mrn', find, needs: ['digit'] };
