/** Redact: replace a value in a comment, markdown or title with a placeholder naming its kind. */
import type { Category, Finding } from '../model';
import type { FileEdit } from './types';

/** Placeholders hold only letters, digits, `-` and brackets, so they are valid in any comment and in JSON strings. */
export const PLACEHOLDERS: Readonly<Record<Category, string>> = {
  name: '[NAME]',
  geographic: '[ADDRESS]',
  date: '[DATE]',
  'age-over-89': '[AGE]',
  phone: '[PHONE]',
  fax: '[FAX]',
  email: '[EMAIL]',
  ssn: '[SSN]',
  mrn: '[MRN]',
  'health-plan-id': '[MEMBER-ID]',
  'account-number': '[ACCOUNT]',
  'license-number': '[LICENSE]',
  'vehicle-id': '[VEHICLE-ID]',
  'device-id': '[DEVICE-ID]',
  url: '[URL]',
  'ip-address': '[IP]',
  biometric: '[BIOMETRIC]',
  'other-id': '[ID]',
};

export function redactEdit(finding: Finding): FileEdit | undefined {
  if (finding.category === 'compliance' || !finding.fixes.includes('redact')) return undefined;
  return { startOffset: finding.range.startOffset, endOffset: finding.range.endOffset, newText: PLACEHOLDERS[finding.category] };
}
