/**
 * Job titles people hold at work: before a name (`liaison Darlene …`, `FSE: …`), in brackets after it (`(PIO)`),
 * or before a number (`educator 555-…`), they make the person and the number staff's, never a patient's. One list
 * for the name and phone detectors, so a title taught to one is known to both.
 */
export const STAFF_ROLE_NOUNS: readonly string[] = [
  'manager', 'mgr', 'director', 'supervisor', 'coordinator', 'liaison', 'registrar', 'rep', 'representative', 'buyer',
  'educator', 'analyst', 'navigator', 'scheduler', 'pharmacist', 'dispatcher', 'technician', 'tech', 'specialist',
  'officer', 'administrator', 'epidemiologist', 'preventionist', 'engineer', 'scientist', 'statistician',
  'biostatistician', 'abstractor', 'surveyor', 'auditor', 'consultant', 'steward', 'audiologist', 'dietitian',
  'midwife', 'programmer', 'architect', 'actuary', 'counselor', 'counsellor', 'hygienist', 'therapist', 'physicist',
  'informaticist', 'intern', 'contractor',
  // A hospice's or a hospital's chaplain, a records clerk, a trainer of a new system; a payer's reps; the clergy
  // a community programme partners with.
  'chaplain', 'clerk', 'trainer', 'reps', 'pastor', 'reverend', 'rabbi', 'imam',
  // A vendor's field service engineer, technical service engineer and territory sales manager, a health
  // department's public information officer.
  'fse', 'tse', 'tsm', 'pio',
  // A home care agency's aides, a Medicaid office's caseworkers, a vendor's customer success manager.
  'aide', 'aides', 'caseworker', 'csm',
  // A vendor's field engineer and technical account manager (`GE service …, FE Darnell Poe`, `vendor TAM: …`).
  'fe', 'tam',
  // A regulator's inspector on a site visit (`OSHA inspector visit …, Inspector Dana …`).
  'inspector',
  // A memory clinic's test givers, an ambulance service's community paramedics, a lab's and a bypass team's people.
  'psychometrist', 'psychometrists', 'paramedic', 'paramedics', 'phlebotomist', 'perfusionist',
];
