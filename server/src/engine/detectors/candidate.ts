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

/**
 * Adds makeCandidate(...) to `out`. Detectors push through this one site: its feedback soon holds both the empty
 * list's and the filled list's elements kinds, where a detector's own rarely reached push, optimised after a
 * single push onto an empty list, deoptimised on the next list ("wrong map").
 */
export function pushCandidate(
  out: Candidate[], view: TextView, start: number, end: number, category: Category, detectorId: string, confidence: Confidence,
): void {
  out.push(makeCandidate(view, start, end, category, detectorId, confidence));
}
