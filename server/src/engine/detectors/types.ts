import type { Category, RegionKind } from '../model';

/** How sure a detector is. Detectors emit only what they would report; `medium` marks a context-led call. */
export type Confidence = 'high' | 'medium';

/**
 * An identifier a detector believes it found, in offsets of the text it was given. It holds no value: the
 * engine reads the span from the text when it must (fingerprints, allow-list), and Finding has no such field.
 */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly category: Category;
  readonly detectorId: string;
  /** At most a redacted form, e.g. `***-**-6789`; see redact.ts. */
  readonly redacted: string;
  readonly confidence: Confidence;
}

export interface FreeTextContext {
  /** Where the text sits: detectors weigh cues differently in comments, prose and outputs. */
  readonly regionKind: RegionKind;
  /** Extra cue words from configuration, by category (e.g. a site calls its MRN `chart_no`). */
  readonly extraCues?: Partial<Record<Category, readonly string[]>>;
  /** When given, detectors add the characters they examine; tests use it to show work grows linearly. */
  readonly meter?: WorkMeter;
  /**
   * When given, the name detector adds the names it finds to be staff's (`Dr. …`, `…, RN`, `… (data eng)`): the
   * file's other mentions of them are no patient's either (staffNames.ts).
   */
  readonly staffNames?: { add(name: string): void };
}

/** A counter of work done, independent of the clock. */
export interface WorkMeter {
  steps: number;
}

/** A detector that finds identifiers of one kind in free text (comments, prose, string literals, outputs). */
export interface Detector {
  readonly id: string;
  /** The category it reports (the X12 reader, which types elements by position, reports several). */
  readonly category: Category;
  /** Must run in time linear in text.length (no backtracking blow-ups). */
  find(text: string, context: FreeTextContext): Candidate[];
  /**
   * Characters without which `find` can report nothing (any one of them suffices): scanFreeText skips the
   * detector on text that has none, which is most code strings and prose. Omitted: always run.
   */
  readonly needs?: readonly CharNeed[];
}

/** `digit` 0-9, `at` `@`, `colon` `:`, `upper` a capital letter that can start a name (A-Z, À-Þ). */
export type CharNeed = 'digit' | 'at' | 'colon' | 'upper';
