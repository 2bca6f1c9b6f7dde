import type { Category } from '../model';
import { redact } from '../redact';
import type { Candidate, Confidence } from './types';
import type { TextView } from './text';

/** A candidate over [start, end) of the view's text; the label comes from redact() and nothing else. */
export function makeCandidate(
  view: TextView, start: number, end: number, category: Category, detectorId: string, confidence: Confidence,
): Candidate {
  return { start, end, category, detectorId, confidence, redacted: redact(category, view.slice(start, end)) };
}
