// PLACEHOLDER — replaced by the detectors work.
import type { Candidate, FreeTextContext } from './types';

/** Runs every free-text detector over text; returns non-overlapping candidates. */
export function scanFreeText(_text: string, _context: FreeTextContext): Candidate[] {
  return [];
}
