/**
 * National Provider Identifiers: ten digits whose Luhn check runs over the `80840` prefix. NPIs name
 * providers, not patients, and they fill claims data, so detectors use this to rule them out.
 */
import { luhnValid } from './text';

export function isNpi(digits: string): boolean {
  if (digits.length !== 10 || !/^[12]\d{9}$/.test(digits)) return false;
  return luhnValid(`80840${digits}`);
}
