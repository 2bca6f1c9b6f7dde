// PLACEHOLDER — replaced by the detectors work.
import type { KeyedLiteral } from '../context/types';
import type { Category } from '../model';
import type { Candidate } from './types';

/** The category a column or key name implies (`mrn`, `patient_dob`, `last_name`), if any. */
export function classifyKey(_key: string, _extra: Partial<Record<Category, readonly string[]>> = {}): Category | undefined {
  return undefined;
}

/** Whether a value under a key of that category is really an identifier (not a parameter, mask, bound...). */
export function checkKeyedValue(_category: Category, _value: string, _relation: KeyedLiteral['relation'] | 'table'): Candidate | undefined {
  return undefined;
}
