import type { Category } from './model';

/** How each Safe Harbor category is named to people (messages, hovers, SARIF). */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  name: 'Person name',
  geographic: 'Street address or small geographic area',
  date: 'Date tied to a person',
  'age-over-89': 'Age over 89',
  phone: 'Phone number',
  fax: 'Fax number',
  email: 'Email address',
  ssn: 'Social Security number',
  mrn: 'Medical record number',
  'health-plan-id': 'Health plan beneficiary or member number',
  'account-number': 'Account or card number',
  'license-number': 'Certificate or license number',
  'vehicle-id': 'Vehicle identifier',
  'device-id': 'Device identifier or serial number',
  url: 'URL tied to a person',
  'ip-address': 'IP address',
  biometric: 'Biometric identifier',
  'other-id': 'Unique patient identifier',
};
