// PLACEHOLDER — replaced by the detectors work.
import type { CustomPattern } from '../config';
import type { Detector } from './types';

/** Compiles a site's own identifier patterns; rejects patterns that could backtrack catastrophically. */
export function compileCustomPatterns(_patterns: readonly CustomPattern[]): Detector[] {
  return [];
}
