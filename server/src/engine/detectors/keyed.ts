/**
 * Values typed by their key: a literal compared with `birth_date`, a cell under an `mrn` header. The key says
 * what the value would be; the value check says whether it really is one (not a parameter, a mask, a column
 * reference, a query bound or a placeholder).
 */
import { DATE_CONSTRUCTORS, type KeyedLiteral } from '../context/types';
import { CATEGORIES, type Category } from '../model';
import { redact } from '../redact';
import { isPersonalAddress } from './email';
import { isDateText, isCalendarDate, monthNumber } from './date';
import { udiSerial } from './device';
import { isPublicIpv4, isPublicIpv6 } from './ip';
import { isNanpNumber, isTollFree } from './phone';
import { digitCount } from './text';
import { isLabelledSsn } from './ssn';
import { isKnownName, isTestPatientName, nameDetector } from './name';
import type { Candidate } from './types';
import { isVin } from './vehicle';

export type KeyRelation = KeyedLiteral['relation'] | 'table';

/** Column and key names per category, in any spelling: they are normalised like the keys they match. */
const VOCABULARY: Readonly<Record<Category, readonly string[]>> = {
  name: [
    'first_name', 'last_name', 'patient_name', 'full_name', 'given_name', 'family_name', 'surname', 'middle_name',
    'maiden_name', 'mother_maiden_name', 'mothers_maiden_name', 'guarantor_name', 'emergency_contact_name',
    'pat_name', 'pt_name', 'fname', 'lname', 'firstname', 'lastname', 'fullname', 'member_name',
    'subscriber_name', 'legal_name', 'preferred_name', 'nickname', 'spouse_name', 'next_of_kin', 'nok_name',
    'insured_name', 'beneficiary_name', 'patient_full_name', 'first_nm', 'last_nm', 'mid_nm', 'middle_nm',
    'mother_name', 'father_name', 'child_name', 'baby_name', 'infant_name', 'newborn_name', 'guardian_name',
    'caregiver_name', 'caller_name', 'dependent_name',
    // A grievance's complainant is the patient or a relative speaking for them.
    'complainant', 'complainant_name',
    // The people social-services and HIV programmes, behavioural health and nursing homes serve.
    'client_name', 'client_full_name', 'consumer_name', 'resident_name', 'participant_name', 'enrollee_name',
    'mom_name', 'parent_name', 'decedent_name',
    // A shelter's, hospice's or school's record names the person beside the patient by role alone.
    'caregiver', 'guardian', 'emergency_contact', 'nok', 'decedent',
    // A patient's spouse, named beside the patient.
    'spouse',
  ],
  date: [
    'dob', 'birth_date', 'date_of_birth', 'birthdate', 'birth_dt', 'birth_datetime', 'birthday', 'dt_of_birth',
    'death_date', 'date_of_death', 'dod', 'deceased_date', 'death_dt', 'death_datetime', 'admit_date',
    'admission_date', 'admit_dt', 'admission_dt', 'admit_datetime', 'admission_datetime', 'discharge_date',
    'disch_dt', 'disch_date', 'discharge_dt', 'discharge_datetime', 'deceased_date_time', 'death_date_time',
    // CDISC SDTM's birth and death dates.
    'brthdtc', 'dthdtc',
  ],
  ssn: ['ssn', 'social_security_number', 'ss_num', 'soc_sec', 'social_security', 'ssn_num', 'ssn_number', 'social_security_no', 'soc_sec_num', 'ss_number', 'ss_no'],
  mrn: [
    'mrn', 'medical_record_number', 'med_rec_no', 'chart_number', 'mrn_id', 'medical_record_num', 'medical_record_no',
    'med_rec_num', 'medrec', 'mr_number', 'mr_num', 'chart_no', 'hospital_number', 'mrn_number', 'mrn_num',
  ],
  'health-plan-id': [
    'member_id', 'mbi', 'medicare_id', 'medicare_beneficiary_id', 'hicn', 'medicaid_id', 'subscriber_id',
    'beneficiary_id', 'policy_number', 'insurance_id', 'plan_member_id', 'member_number', 'member_no', 'policy_no',
    'subscriber_number', 'insured_id', 'health_plan_id', 'hic_number', 'medicare_number', 'medicaid_number',
    'insurance_number', 'member_num', 'cardholder_id', 'cardholder_number', 'member_identifier', 'subscriber_identifier',
  ],
  phone: [
    'phone', 'phone_number', 'home_phone', 'cell_phone', 'mobile', 'telephone', 'contact_number', 'phone_num',
    'mobile_phone', 'work_phone', 'tel', 'mobile_number', 'primary_phone', 'phone_no', 'contact_phone', 'cell',
    'telephone_number', 'cell_number',
    // A home's landline, and the caller's number a telephony log records (automatic number identification).
    'landline', 'landline_phone', 'home_landline', 'ani', 'caller_id', 'callback_number',
    // The number a caller leaves to be called back on, as a column of its own (`| Caller | Callback |`).
    'callback', 'call_back', 'callback_phone', 'cb_number', 'cb_phone',
  ],
  fax: ['fax', 'fax_number', 'fax_no', 'fax_num'],
  email: ['email', 'email_address', 'e_mail', 'email_addr', 'personal_email', 'contact_email', 'e_mail_address'],
  geographic: [
    'address', 'street', 'street_address', 'addr', 'city', 'zip', 'zip_code', 'zipcode', 'postal_code', 'zip5',
    'zip_plus4', 'home_address', 'mailing_address', 'street_addr', 'postcode', 'residence_address', 'residence',
    // A key's number is a storage suffix (`mrn_1`, STORAGE_SUFFIXES), dropped before the lookup: `address1` is
    // `address`, and `address_line_1` the line of an address.
    'address_line', 'addr_line', 'street_line',
  ],
  'age-over-89': ['age', 'patient_age', 'age_years', 'age_yrs', 'age_at_visit', 'age_at_admission', 'age_at_death', 'current_age', 'age_in_years'],
  'account-number': [
    'account_number', 'acct_no', 'acct_num', 'bank_account', 'card_number', 'credit_card', 'cc_number', 'iban',
    'account_no', 'acct_number', 'bank_account_number', 'routing_number', 'credit_card_number',
    'patient_account_number', 'guarantor_account', 'patient_account', 'har', 'har_id', 'hospital_account',
    'hospital_account_id', 'hospital_account_number', 'guarantor_id', 'hsa_account', 'guarantor_acct', 'guarantor_acct_no',
    'guarantor_acct_num', 'guar_acct', 'guar_acct_no', 'hosp_acct', 'hosp_acct_no', 'har_no', 'har_num', 'har_number',
    // An 837's patient control number (CLM01) is the provider's account for the patient's stay.
    'patient_ctrl_no', 'patient_control_number', 'patient_control_no', 'pat_ctrl_num', 'patient_acct', 'patient_acct_no',
    'pat_acct', 'pat_acct_no', 'pat_acct_num',
    // Cerner's financial number (FIN), the account of one encounter.
    'fin', 'fin_nbr', 'fin_number', 'fin_num', 'fin_no', 'financial_number', 'financial_nbr',
  ],
  'license-number': [
    'drivers_license', 'driver_license_number', 'dl_number', 'license_number', 'certificate_number',
    'drivers_license_number', 'driver_license', 'dl_num', 'passport_number', 'passport_no', 'license_no',
    'certificate_no', 'drivers_license_no',
    // A commercial driver's licence, as DOT medical exams record it.
    'cdl', 'cdl_number', 'cdl_no', 'cdl_num',
  ],
  'vehicle-id': ['vin', 'license_plate', 'plate_number', 'plate_no', 'vehicle_identification_number', 'vehicle_plate', 'license_plate_number', 'vehicle_vin', 'vin_number'],
  'device-id': [
    'device_serial', 'serial_number', 'udi', 'imei', 'device_identifier', 'device_serial_number', 'implant_serial', 'device_udi', 'serial_no',
    // A bare `serial` in health data is a device's (a CPAP's, a sensor's): `WHERE serial = '…'`, `serial=…` in a log.
    'serial', 'serial_num', 'device_sn',
  ],
  url: ['personal_url', 'homepage', 'profile_url', 'personal_website', 'home_page'],
  'ip-address': [
    'ip_address', 'ip', 'client_ip', 'remote_addr', 'ip_addr', 'source_ip', 'src_ip', 'user_ip', 'remote_ip', 'login_ip', 'client_address',
    // The home devices of remote patient monitoring report from their owners' addresses.
    'hub_ip', 'device_ip', 'patient_ip', 'home_ip', 'last_ip', 'last_seen_ip', 'last_known_ip', 'wan_ip', 'public_ip',
  ],
  biometric: ['fingerprint', 'retina_scan', 'voiceprint', 'face_template', 'iris_scan', 'facial_geometry', 'voice_print', 'biometric_template', 'biometric_id'],
  'other-id': [
    'patient_id', 'person_id', 'subject_id', 'empi', 'enterprise_id', 'pat_id', 'patient_key', 'empi_id',
    'enterprise_patient_id', 'pt_id', 'unique_patient_id', 'person_source_value', 'desynpuf_id', 'bene_id',
    'patient', 'patient_number', 'patient_no', 'accession_number', 'accession_no', 'accession_num', 'accession',
    'rx_number', 'rx_num', 'rx_no', 'prescription_number',
    // An EMS patient care report's number (NEMSIS eRecord.01) is the patient's chart of the run.
    'pcr_no', 'pcr_number', 'pcr_num', 'pcr_id', 'epcr_no', 'epcr_number', 'epcr_id',
    // A trial's subject ids (CDISC): the site's key to the participant's chart.
    'subjid', 'usubjid', 'subject_number', 'screening_number', 'screening_no',
    // A Medicaid or social-services case number names a household (every member of it).
    'case_no', 'case_number', 'case_num', 'medicaid_case_number', 'medicaid_case_no',
    // A Ryan White client's unique record number, made from the client's name and birth date.
    'client_urn', 'urn_id',
    // An immigrant's alien registration number (A-number), as an asylum or refugee clinic records it.
    'a_number', 'anumber', 'alien_number', 'alien_no', 'alien_registration_number', 'uscis_number', 'uscis_no',
    // A jail's booking and inmate numbers, as a correctional health program records its patients by them.
    'booking_no', 'booking_number', 'booking_num', 'booking_id', 'inmate_id', 'inmate_no', 'inmate_number', 'offender_id',
    'offender_no', 'doc_number',
    // A registry's donors and recipients (marrow, organ, milk, blood) are people, numbered by it.
    'donor_id', 'donor_no', 'donor_number', 'recipient_id', 'recipient_no', 'recipient_number',
    // A transplant waitlist's candidates (OPTN's WL ids): patients, numbered by the registry.
    'waitlist_id', 'wl_id', 'waitlist_no', 'waitlist_number',
    // encounter_id stays out: de-identified and OMOP-style tables are full of surrogate encounter keys.
  ],
};

/** Words a key may start with that say whose value it is, not what it is (`patient_dob`, `src_ssn`). */
const OWNER_PREFIXES = new Set([
  'patient', 'pt', 'pat', 'member', 'mbr', 'subscriber', 'guarantor', 'insured', 'beneficiary', 'bene', 'person', 'src',
  'source', 'raw', 'orig', 'original', 'primary', 'current', 'curr', 'home', 'personal', 'cleaned', 'clean',
  // A patient's relatives and the people a patient's record lists (`mother_dob`, `child_first_name`, `nok_phone`).
  'mother', 'mom', 'father', 'dad', 'child', 'infant', 'baby', 'newborn', 'spouse', 'dependent', 'guardian', 'caregiver',
  'caller', 'nok', 'emergency', 'complainant',
  // The person a report is about: a bite, an assault, a crash (`victim_name`, `victim_dob`).
  'victim',
  // Which of a person's numbers it is (`callback_phone`, `alt_phone`, `secondary_email`): in a table of staff or
  // sites, the table says whose.
  'callback', 'cb', 'alt', 'alternate', 'secondary',
  // The two sides of a pair being matched (`l_dob_raw`, `r_mrn`, `left_ssn`), as STORAGE_SUFFIXES has them after.
  'l', 'r', 'left', 'right',
]);
/** Words a key may end with that describe the storage, not the content (`ssn_raw`, `dob_str`). */
const STORAGE_SUFFIXES = new Set([
  'raw', 'txt', 'text', 'str', 'string', 'value', 'val', 'orig', 'original', 'clean', 'cleaned', 'src',
  // The two sides of a comparison or a merge (`ssn_l`/`ssn_r`, `mrn_1`, `dob_new`) are the same identifier.
  'l', 'r', 'left', 'right', 'a', 'b', '1', '2', 'old', 'new', 'prev', 'norm', 'normalized', 'normalised',
  // Which of a person's numbers or addresses it is (`phone_primary`, `address_home`, `phone_mobile`).
  'primary', 'secondary', 'alt', 'alternate', 'home', 'mobile', 'cell', 'work',
  // A collection of them (`mrn_list = [...]`).
  'list', 'lst', 'set', 'array', 'arr', 'values', 'vals', 'tuple',
  // Which system's it is, in a transfer or a merge (`mrn_sending`, `mrn_receiving`, `mrn_local`, `mrn_ext`).
  'sending', 'receiving', 'local', 'ext', 'external', 'internal', 'source',
]);
/** Table aliases and names whose bare `name` column is a person's name. */
const PERSON_TABLES = new Set(['patient', 'patients', 'pat', 'pt', 'person', 'persons', 'people', 'member', 'members', 'subscriber', 'subscribers', 'guarantor', 'guarantors']);

/**
 * Keys whose values name the people who build and run the platform (job notifications, owners, authors): a
 * literal under one is a workforce identity, never a patient's, so nothing in it is reported.
 */
const WORKFORCE_KEYS = new Set([
  'on_failure', 'on_success', 'on_start', 'on_duration_warning_threshold_exceeded', 'on_streaming_backlog_exceeded',
  'email_notifications', 'owner', 'owner_email', 'owner_user_name', 'creator_user_name', 'run_as_user_name',
  'service_principal_name', 'grantee', 'principal', 'created_by', 'updated_by', 'modified_by', 'author', 'authors',
  'maintainer', 'author_email', 'maintainer_email',
  // Who ran a query or a job, as Databricks' audit and query history record it.
  'user_identity', 'executed_by', 'executed_as', 'run_as', 'service_principal',
  // Who opened, was assigned or closed a service desk ticket (ServiceNow's fields).
  'opened_by', 'assigned_to', 'closed_by', 'resolved_by',
  // Who prepared, signed off or asked for a report or a request (`"approved_by": {"name": …}`).
  'prepared_by', 'approved_by', 'reviewed_by', 'requested_by', 'signed_by', 'signed_off_by', 'submitted_by', 'verified_by',
  'validated_by', 'authored_by', 'edited_by', 'owned_by', 'maintained_by', 'completed_by', 'entered_by', 'abstracted_by',
  // Who submitted or prepared a report (`"submitter": {"name": …}` of an NHSN upload).
  'submitter', 'preparer',
  // Who checked, calibrated or serviced a machine, ran a test or gave a dose (`checked_by` of a pump's daily check).
  'checked_by', 'calibrated_by', 'calib_by', 'performed_by', 'tested_by', 'inspected_by', 'serviced_by', 'cleaned_by',
  'witnessed_by', 'dispensed_by', 'administered_by', 'collected_by', 'scored_by', 'read_by', 'interpreted_by', 'ordered_by',
]);
/** A Python module's own metadata. */
const MODULE_METADATA_KEYS = new Set(['__author__', '__email__', '__maintainer__', '__credits__', '__contact__']);

const ON_CALL = /(?:^|_)on_call(?:_|$)/;
/** Words that make any key a workforce one (`secondary_owner`, `data_steward`, `reviewers`). */
const WORKFORCE_WORDS = new Set([
  'owner', 'owners', 'maintainer', 'maintainers', 'steward', 'stewards', 'assignee', 'assignees', 'reviewer',
  'reviewers', 'approver', 'approvers', 'oncall', 'staff',
  // Full-time equivalents: only a payroll's people have them (`| discipline | lead | phone | fte |`).
  'fte',
]);

/**
 * Roles whose holder a key names when the role ends it (`unit_manager`, `attending_name`, `pcp`): staff and
 * clinicians. Only at the end: `nurse_note` or `manager_comment` hold what someone wrote, which may name patients.
 */
const STAFF_ROLE_KEYS = new Set([
  'manager', 'director', 'supervisor', 'coordinator', 'analyst', 'attending', 'physician', 'provider', 'prescriber',
  'pcp', 'surgeon', 'clinician', 'nurse', 'pharmacist', 'therapist', 'technician', 'rep', 'abstractor', 'registrar',
  'programmer', 'engineer', 'statistician', 'investigator', 'navigator', 'scheduler', 'recruiter',
  'interpreter', 'dietitian', 'chaplain', 'endoscopist', 'radiologist', 'pathologist', 'anesthesiologist',
  'hospitalist', 'intensivist', 'observer', 'auditor', 'educator', 'preceptor', 'tech', 'physicist', 'dosimetrist',
  'technologist', 'sonographer', 'audiologist', 'scientist', 'transporter', 'specialist', 'advisor',
  // Who covers a rota and whom to call next (`| Week of | Primary | Backup | Pager |`, `Clinical escalation`).
  'backup', 'escalation',
  // A call centre's and a financial counselling desk's people (`agent_name`, `counselor_ext`, `chw_name`).
  'agent', 'counselor', 'counsellor', 'chw', 'caseworker', 'midwife', 'epidemiologist', 'preventionist',
  // A home care agency's aides and caregivers on its payroll (`aide_name`, `aide_emp_id`).
  'aide', 'hha',
  // Who ran a machine's cycle (`operator_name` of a pasteurizer's or a sterilizer's log).
  'operator',
  // Who scored or read a test (`rater_name`, a radiology `reader_id`, a retinal image `grader`).
  'rater', 'reader', 'grader', 'scorer', 'assessor',
  // Abbreviated (`nurse_mgr_email`, `unit_dir`) and credentials (`charge_rn_phone`).
  'mgr', 'mngr', 'supv', 'coord', 'dir', 'rn', 'lpn', 'cna', 'aprn', 'crna',
  // A fertility lab's and a transplant lab's people (`embryologist_id`, `andrologist`).
  'embryologist', 'andrologist', 'histocompatibility',
  // Screening programmes, an ambulance crew and a poison centre's people (`screener_name`, `medic_id`, `toxicologist`).
  'screener', 'paramedic', 'emt', 'medic', 'crew', 'dispatcher', 'toxicologist', 'phlebotomist', 'perfusionist',
  'vaccinator', 'psychologist', 'psychiatrist', 'optometrist', 'ophthalmologist', 'physiologist',
  // Physicians by specialty (`neurologist_npi`, `| neurologist | consults |` of a tele-stroke roster).
  'neurologist', 'cardiologist', 'oncologist', 'neurosurgeon', 'urologist', 'dermatologist', 'nephrologist', 'hepatologist',
  'gastroenterologist', 'pulmonologist', 'rheumatologist', 'obstetrician', 'pediatrician', 'paediatrician', 'neonatologist',
  'geriatrician', 'internist', 'podiatrist', 'dentist', 'anesthetist', 'physiatrist', 'injector',
]);
/** What a key may add after the role it names (`attending_name`, `manager_email`, `charge_rn_phone`). */
const IDENTITY_SUFFIXES = new Set([
  'name', 'names', 'email', 'mail', 'user', 'username', 'login', 'full', 'phone', 'ext', 'extension', 'pager', 'cell', 'mobile',
  // Which of a unit's people it is (`dietitian_primary`, `physicist_of_record`).
  'primary', 'secondary', 'backup', 'assigned', 'record', 'of',
  // Their number in a roster (`transporter_id`, `provider_id`): a column of staff, not a patient's record.
  'id',
]);

/** Words of a key that make its value a patient's or their family's (`pat_last`, `member_email`, `mother_phone`). */
const PATIENT_OWNER_WORDS = new Set([
  'patient', 'patients', 'pat', 'pt', 'member', 'mbr', 'client', 'subscriber', 'beneficiary', 'bene', 'resident', 'guarantor',
  'decedent', 'mother', 'child', 'infant', 'newborn', 'donor', 'recipient', 'enrollee', 'consumer', 'participant', 'person',
  'insured', 'caller', 'nok', 'guardian', 'spouse',
  // The number a caller leaves to be called back on (`callback_number` beside the counselor who calls).
  'callback',
]);

/** Whether a word of the key says whose the value is: a patient's, a member's, a relative's. */
export function namesPatientOwner(key: string): boolean {
  return normaliseKey(key).split('_').some((w) => PATIENT_OWNER_WORDS.has(w));
}

/** Whether a literal under this key names a workforce member (`on_failure=[…]`, `__author__ = …`), not a patient. */
export function isWorkforceKey(key: string): boolean {
  if (MODULE_METADATA_KEYS.has(key)) return true;
  const base = keyBase(key);
  if (WORKFORCE_KEYS.has(base)) return true;
  // A browser's user agent string (`user_agent`, `http_user_agent`) is software, not a call centre's agent.
  if (base.endsWith('user_agent')) return false;
  const words = base.split('_');
  if (words.some((w) => WORKFORCE_WORDS.has(w))) return true;
  // `Data on-call`, `on_call_rn`: whoever is on call.
  if (ON_CALL.test(base)) return true;
  let last = words.length - 1;
  while (last > 0 && IDENTITY_SUFFIXES.has(words[last])) last--;
  // A role in the plural names its holders too (`backups`, `coordinators`).
  return STAFF_ROLE_KEYS.has(words[last]) || (words[last].endsWith('s') && STAFF_ROLE_KEYS.has(words[last].slice(0, -1)));
}

/**
 * A column of whom or how to reach at each row (`admissions_contact`, `contact_name`, `poc`, `remit_address`,
 * `ar_contact_email`) that no detector types: in a table of organisations, the organisations' staff and lines.
 */
export function isContactColumn(key: string): boolean {
  const words = keyBase(key).split('_');
  const last = words[words.length - 1];
  return last === 'contact' || last === 'poc' || last === 'liaison' || (last === 'name' && words[words.length - 2] === 'contact')
    || (last === 'person' && words[words.length - 2] === 'contact') || words.some((w) => CONTACT_WORDS.has(w));
}

/** A column of names that no detector types (`display_name`, `vendor_name`): in a table of staff, the staff's. */
export function isNameColumn(key: string): boolean {
  const base = keyBase(key);
  // `who` heads a change log's column of names (`| date | who | what |`), or a call list's of patients.
  return base.endsWith('_name') || base.endsWith('_names') || base === 'who';
}

/** Words of a column that names an organisation or a place of care (`site_name`, `org_npi`, `cms_ccn`, `facility`). */
const ORGANISATION_COLUMN_WORDS = new Set([
  'npi', 'facility', 'site', 'clinic', 'location', 'practice', 'provider', 'org', 'organization', 'organisation',
  'hospital', 'pharmacy', 'vendor', 'tin', 'ein', 'ccn', 'department', 'dept', 'payer', 'taxonomy', 'specialty', 'store',
  'branch',
  // A drug recall's or a supply chain's companies (openFDA's `recalling_firm`, `labeler_name`, `distributor`).
  'firm', 'company', 'labeler', 'distributor', 'supplier', 'wholesaler',
  // An EMS agency or station (NEMSIS dAgency: `agency_name`, `station address`), a crisis or EMS team (`team_base`).
  'agency', 'station', 'team',
  // An infusion, imaging or cancer centre (`center_code`, `center_name`).
  'center', 'centre',
  // An inventory of equipment (`manufacturer`, `modality`, `asset_tag`; not `model`, which a patient's phone has): its serials are the organisation's machines'.
  'manufacturer', 'modality', 'asset', 'equipment', 'instrument', 'campus', 'hosp',
  // A fleet of machines by their software or their kind (`firmware`, a dispensing `cabinet_id`).
  'firmware', 'cabinet',
  // Machines only a hospital keeps (`uv_robot_serial`, `analyzer_sn`, a wayfinding `kiosk_id`), never a patient's.
  'robot', 'analyzer', 'analyser', 'scanner', 'workstation', 'kiosk', 'printer', 'sterilizer', 'steriliser', 'autoclave', 'centrifuge',
  // A radiation oncology department's treatment machines and their vaults, a hyperbaric unit's chambers.
  'linac', 'vault', 'gantry', 'chamber',
  // Bedside and lab machines a unit keeps (`monitor_serial` of a tele-ICU feed, an ECMO `console_serial`, an IVF
  // lab's incubators, a Mohs lab's cryostats) and the biomedical engineering that tags them.
  'monitor', 'console', 'cryostat', 'microtome', 'incubator', 'biomed',
  // A pharmacy cleanroom's hoods (primary engineering controls, isolators); an employer's plants (`plant_name`).
  'pec', 'hood', 'isolator', 'plant',
  // An air ambulance's fleet by tail number, and the preventive maintenance and calibration only equipment gets.
  'tail', 'aircraft', 'pm', 'calibration', 'maintenance',
  // A directory of labs (`lab_name`, `clia_number`, `lab_director`) and a hospital's units and wards (`UNIT_PHONES`).
  'lab', 'laboratory', 'clia', 'unit', 'ward',
  // A milk bank's pasteurizers, a pharmacy's and a lab's freezers and refrigerators, a blood bank's irradiator.
  'pasteurizer', 'pasteuriser', 'freezer', 'refrigerator', 'fridge', 'irradiator',
  // An infusion system's point-of-care unit (`pcu_serial`) and a progressive care unit: a hospital's, never a patient's.
  'pcu',
  // A crash cart's defibrillator and a wall AED (`defib_serial` of a code event); an implanted one is a `defibrillator`.
  'defib', 'aed',
  // A cold chain's temperature data loggers (`logger_serial` of a delivery route) and a sleep lab's amplifiers.
  'logger', 'datalogger', 'amplifier',
  // An endoscopy unit's scopes and the reprocessors (AERs) and washers that clean them.
  'scope', 'endoscope', 'colonoscope', 'gastroscope', 'duodenoscope', 'bronchoscope', 'aer', 'reprocessor', 'washer',
  // An ambulance service's or a hospital's vehicles (`fleet_vin`, `callsign`).
  'fleet', 'callsign',
]);

/**
 * A machine named by its id or name (`machine_id`, `machineName`): a fleet's table. Not `machine_serial`, which a
 * patient's CPAP has too.
 */
const MACHINE_KEY = /(?:^|_)machine_(?:id|name|code)$/;

/** A column naming an organisation: in a table with no person's column, the addresses and phones are its own. */
export function isOrganisationColumn(key: string): boolean {
  const base = keyBase(key);
  return base.split('_').some((w) => ORGANISATION_COLUMN_WORDS.has(w)) || MACHINE_KEY.test(base);
}

/** Last words of a collection's name that say it describes what the word before it names (`SITE_LOOKUP`, `vendor_contacts`). */
const COLLECTION_TAIL_WORDS = new Set(['lookup', 'map', 'info', 'directory', 'contacts', 'list', 'dict', 'ref', 'meta', 'details', 'inventory', 'registry', 'table',
  // The people who run them (`SITE_LEADS`, `clinic_managers`).
  'leads', 'managers', 'staff', 'coordinators', 'liaisons', 'reps',
  // A response of an organisation's API or master data (`vendor_api`, `payer_master`, `site_response`).
  'api', 'master', 'response', 'resp', 'payload', 'json',
  // How to reach them (`UNIT_PHONES`, `dept_fax_numbers`).
  'phones', 'numbers', 'lines', 'faxes', 'pagers', 'emails', 'addresses']);
/** Words of a name that say it holds people's records, whatever else it names (`patient_locations`, `pt_sites`). */
const PERSON_WORDS = new Set(['patient', 'patients', 'pt', 'pts', 'member', 'members', 'client', 'clients', 'person', 'persons', 'people', 'resident', 'residents', 'enrollee', 'enrollees', 'note', 'notes', 'test', 'tests', 'sample', 'samples', 'fixture', 'fixtures', 'row', 'rows', 'record', 'records', 'case', 'cases']);

/**
 * Whether a collection's name says it holds the organisation's sites, vendors or machines (`ED_SITES`,
 * `SLEEP_LAB_EQUIPMENT`, `DME_BRANCHES`, `clinicLookup`): its head noun, or the word before a tail like `lookup`, is
 * an organisation's word (plural or not), and no word speaks of patients, notes or test rows.
 */
export function namesOrganisationCollection(name: string): boolean {
  const words = normaliseKey(name).split('_');
  if (words.some((w) => PERSON_WORDS.has(w))) return false;
  let head = words.length - 1;
  if (head > 0 && COLLECTION_TAIL_WORDS.has(words[head])) head--;
  return ORGANISATION_COLUMN_WORDS.has(singular(words[head]));
}

/** `facilities` → `facility`, `branches` → `branch`, `sites` → `site`. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Words of a key that say how to reach someone or where they are. */
const CONTACT_WORDS = new Set(['phone', 'fax', 'tel', 'line', 'email', 'mail', 'address', 'addr', 'street', 'zip', 'city', 'url', 'website', 'cell', 'mobile', 'pager', 'ext', 'extension']);
/** Words of a key naming an organisation's contact only: a desk, a hub, a broker (`HUB_MAIN_LINE`, `BROKER_FAX`). */
const CONTACT_OWNER_WORDS = new Set(['hub', 'broker', 'agency', 'office', 'desk', 'lab', 'center', 'centre', 'main', 'intake', 'helpdesk', 'hotline']);

/**
 * An organisation's phone, fax, mailbox or address (`CLINIC_PHONE`, `HUB_MAIN_LINE`, `pharmacy_address`): a key
 * the person keys leave untyped (`patient_phone` is a phone) that names an organisation and a way to reach it.
 */
export function isOrganisationContactKey(key: string): boolean {
  const words = keyBase(key).split('_');
  return words.some((w) => CONTACT_WORDS.has(w)) && words.some((w) => ORGANISATION_COLUMN_WORDS.has(w) || CONTACT_OWNER_WORDS.has(w));
}

/**
 * A bare `title` whose value is a job title (`"title": "Healthcare Accounts Manager"` beside a contact's name and
 * phone): the record is a member of staff's. A patient's `title` is an honorific (`Mrs`), which names no job.
 */
export function isJobTitleUnderKey(key: string, value: string): boolean {
  if (keyBase(key) !== 'title' || value.length > 80) return false;
  const words = value.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return words.length <= 6 && words.some((w) => STAFF_ROLE_KEYS.has(w) || STAFF_ROLE_KEYS.has(w.endsWith('s') ? w.slice(0, -1) : w));
}

/** A column that says what each person of a table does (`| role | name | contact |`): a table of staff. */
export function isStaffRoleKey(key: string): boolean {
  const base = keyBase(key);
  if (STAFF_ROLE_COLUMNS.has(base)) return true;
  // The role of a member of staff (`agent_role`, `staff_role`, `provider_title`).
  const words = base.split('_');
  return words.length === 2 && (words[1] === 'role' || words[1] === 'title') && (STAFF_ROLE_KEYS.has(words[0]) || WORKFORCE_WORDS.has(words[0]));
}

const STAFF_ROLE_COLUMNS = new Set([
  'role', 'roles', 'job_title', 'position', 'responsibility', 'responsibilities', 'raci', 'function', 'credentials', 'credential',
  // What only staff have: a desk extension or a pager (`| name | language | ext | pager |`, a roster of interpreters).
  'ext', 'extension', 'pager', 'desk_phone', 'desk_ext', 'desk_line', 'direct_line', 'office_ext', 'pager_number',
  // What an HR or competency extract says of its people (`job_code RN2`, `home_cost_center`, a rater's `cred`).
  'job_code', 'job_class', 'home_cost_center', 'cred', 'creds',
  // A crew's or a team's certification level (`| display_name | cert_level |`: Paramedic, AEMT).
  'cert_level', 'certification_level', 'certification', 'certifications', 'cert_type',
  // When a certification lapses (`| name | cert | cert_expires |`): a driver's or a nurse's, never a patient's.
  'cert_expires', 'cert_expiry', 'cert_exp', 'cert_expiration', 'certification_expires', 'certification_expiry', 'certification_expiration',
  // A clinician's degree (`| full_name | degree | division |`: MD, DO).
  'degree', 'degrees',
  // What a workspace user did, as an audit log records it (`system.access.audit`): its users, mails and source
  // addresses are the workforce's.
  'action_name',
]);

/** Words that make a column a date or time: `adm_date`, `fill_dt`, `arrival_ts`, `dos`, Epic's `order_inst`. */
const EVENT_DATE_WORDS = new Set(['date', 'dt', 'dttm', 'datetime', 'ts', 'timestamp', 'time', 'dos', 'dod', 'inst', 'instant']);
/** Words of a system's own dates (`load_date`, `_ingest_ts`, `created_at`): when a row was handled, not lived. */
const SYSTEM_DATE_WORDS = new Set([
  'load', 'loaded', 'ingest', 'ingested', 'ingestion', 'etl', 'created', 'create', 'updated', 'update', 'modified',
  'run', 'batch', 'snapshot', 'extract', 'extracted', 'processed', 'process', 'report', 'as', 'partition', 'inserted',
  'insert', 'refresh', 'refreshed', 'file', 'version', 'commit', 'job', 'pipeline', 'sync', 'synced', 'audit',
  // A lookup's own time (a PDMP or eligibility query), not an event of the person's care.
  'query', 'queried',
]);

/**
 * Whether an otherwise untyped column holds the dates of events in a life (admission, fill, arrival, service):
 * such a date is one person's only in a row that names the person, which the caller checks.
 */
export function namesEventDate(key: string): boolean {
  if (key.trimStart().startsWith('_')) return false;
  const words = keyBase(key).split('_');
  if (words.length === 1 && EVENT_WORDS.has(words[0])) return true;
  if (words.some((w) => SYSTEM_DATE_WORDS.has(w))) return false;
  // `| Admit decision | Left ED |`: a few words, one of them an event of the stay.
  if (words.length <= 3 && words.some((w) => EVENT_WORDS.has(w) || STAY_EVENT_WORDS.has(w)) && !words.some((w) => NOT_A_DATE_WORDS.has(w))) return true;
  return words.some((w) => EVENT_DATE_WORDS.has(w)) || isSdtmDate(words);
}

/**
 * Whether a column no word types may still hold the dates of a person's events (`daa_start`, `svr_draw`, `eot`):
 * in a table that identifies its people, a full date there is theirs. A system's dates (`load_ts`) and a count,
 * code or status about an event (`visit_no`, `los_days`) stay out.
 */
export function mayHoldEventDate(key: string): boolean {
  if (key.trimStart().startsWith('_')) return false;
  const words = keyBase(key).split('_');
  return !words.some((w) => SYSTEM_DATE_WORDS.has(w) || NOT_A_DATE_WORDS.has(w));
}

/** Events of a stay that name their own date as a column of one word (`| MRN | Patient | Arrival |`). */
const EVENT_WORDS = new Set([
  'arrival', 'arrived', 'admission', 'admitted', 'admit', 'discharge', 'discharged', 'visit', 'appointment', 'appt', 'surgery',
  'death', 'deceased', 'birth', 'born',
  // When a grievance, a referral or a report about the person came in (`| case_no | received | complainant | mrn |`).
  'received', 'reported',
]);
/** Words that make a column about an event something other than its date (`visit_id`, `admit_source`, `los_hours`). */
const NOT_A_DATE_WORDS = new Set([
  'id', 'no', 'nbr', 'num', 'number', 'key', 'code', 'cd', 'count', 'cnt', 'type', 'status', 'reason', 'source', 'src',
  'flag', 'ind', 'indicator', 'hours', 'hrs', 'h', 'min', 'mins', 'minutes', 'days', 'los', 'score', 'unit', 'location',
  'loc', 'provider', 'by', 'dx', 'diagnosis', 'disposition', 'dispo', 'mode', 'method', 'note', 'notes', 'comment', 'year',
  'month', 'week', 'day', 'hour', 'weekday', 'dow', 'rate', 'pct', 'percent', 'total', 'sum', 'avg', 'mean', 'median',
]);
/** Events of a stay that name their date only with another word (`Left ED`, `Triage done`, `Referred on`). */
const STAY_EVENT_WORDS = new Set([
  'left', 'depart', 'departed', 'departure', 'triage', 'triaged', 'roomed', 'registered', 'transferred', 'referred',
  'referral', 'elected', 'died', 'expired', 'enrolled', 'dispensed', 'filled', 'onset', 'injury', 'injured', 'seen',
]);

/** CDISC SDTM's dates are one word of at most eight letters ending in `DTC` (`RFICDTC`, `AESTDTC`). */
function isSdtmDate(words: readonly string[]): boolean {
  return words.length === 1 && words[0].length <= 8 && words[0].length >= 5 && words[0].endsWith('dtc');
}

/** Keys of a latitude and longitude written as one pair (`gps: "12.34567, -98.76543"`). */
const COORDINATE_PAIR_WORDS = ['gps', 'latlon', 'latlng', 'coords', 'coordinates', 'geopoint'];

/**
 * Columns that are someone's only beside a person's identifier: `first`, `last`, `middle` (a run's first and last
 * day too) are parts of a name, and a county is a place smaller than a state (a table of rates by county names
 * no one).
 */
const PERSON_TABLE_KEYS: ReadonlyMap<string, Category> = new Map<string, Category>([
  ['first', 'name'], ['last', 'name'], ['middle', 'name'], ['forename', 'name'], ['given_names', 'name'], ['mi', 'name'],
  ['initials', 'name'], ['subject_initials', 'name'], ['patient_initials', 'name'], ['pt_initials', 'name'], ['subj_initials', 'name'],
  ['county', 'geographic'], ['county_name', 'geographic'], ['county_nm', 'geographic'], ['cnty', 'geographic'],
  // A mailing label's address lines (`| name | line1 | city | st | zip |`), beside the person's name or identifier.
  ['line1', 'geographic'], ['line_1', 'geographic'], ['line2', 'geographic'], ['line_2', 'geographic'],
  // Where a person's home is to the metre (`lat`, `lon` of a geocoded client or a visit's check-in at it).
  ...['lat', 'latitude', 'lon', 'lng', 'long', 'longitude', 'home_lat', 'home_lon', 'home_lng', 'home_latitude', 'home_longitude',
    'geo_lat', 'geo_lon', 'geo_lng', 'gps_lat', 'gps_lon', 'gps_lng'].map((k): [string, Category] => [k, 'geographic']),
  // Both at once (`gps`, `lat_lon`, `coords`), and where an ambulance picked a person up (`pickup_gps`).
  ...[...COORDINATE_PAIR_WORDS, 'lat_lon', 'lat_lng', 'home_gps', 'pickup_gps', 'scene_gps', 'home_coords', 'geo_point']
    .map((k): [string, Category] => [k, 'geographic']),
  // A Ryan White unique record number, beside a client's name or birth date.
  ['urn', 'other-id'],
  // An ISBT 128 donation identification number, beside its donor's name.
  ['din', 'other-id'],
  // The person a row is about, named by the word a programme calls its people (`| mrn | client | dob |`).
  ...['client', 'member', 'pt', 'resident', 'participant', 'consumer', 'beneficiary', 'enrollee', 'child', 'infant', 'mother',
    'guarantor', 'subscriber', 'decedent'].map((k): [string, Category] => [k, 'name']),
  // People named so only beside their identifiers: a transplant candidate, donor or recipient (a job candidate
  // or a charity's donor elsewhere), a student of a school programme.
  ...['cand_name', 'candidate_name', 'donor_name', 'recipient_name', 'student_name', 'victim', 'victim_name'].map((k): [string, Category] => [k, 'name']),
  ['candidate_id', 'other-id'],
  // The number of the document a person showed (`| id_type | id_number |`: a driver's licence, a state id).
  ['id_number', 'other-id'], ['id_no', 'other-id'], ['id_num', 'other-id'],
  // A contact of a case (TB, STI partner notification) beside their birth date; a site's contact is its staff's,
  // which a table of sites says first.
  ['contact', 'name'], ['contact_name', 'name'], ['contact_full_name', 'name'],
]);

const PAIRED_NAME = /^(?:full_)?name_(?:a|b|l|r|left|right|[12]|x|y)$/;
const DESTINATION_PREFIXES = new Set(['ship', 'shipping', 'ship_to', 'delivery', 'deliver_to', 'mail', 'mailing', 'billing', 'bill_to']);
const DESTINATION_PARTS = new Set(['street', 'address', 'addr', 'address_line_1', 'address1', 'line1', 'line_1', 'city', 'zip', 'zip_code', 'zipcode', 'postal_code']);

export function personTableCategory(key: string): Category | undefined {
  const base = keyBase(key);
  const found = PERSON_TABLE_KEYS.get(base);
  if (found !== undefined) return found;
  // The two sides of a pair a linkage compares (`name_a`, `name_b`; `name_l`, `name_r`).
  if (PAIRED_NAME.test(base)) return 'name';
  // `pat_first`, `pt_last`: the owner's word before the part.
  const cut = base.indexOf('_');
  if (cut > 0 && OWNER_PREFIXES.has(base.slice(0, cut))) return PERSON_TABLE_KEYS.get(base.slice(cut + 1));
  // Where a person's order or mail goes (`ship_street`, `delivery_address`, `mailing_zip`): an organisation's
  // ship-to elsewhere, the person's beside their name or identifier.
  for (const prefix of DESTINATION_PREFIXES) if (base.startsWith(prefix) && base[prefix.length] === '_' && DESTINATION_PARTS.has(base.slice(prefix.length + 1))) return 'geographic';
  return isRecordIdKey(base) ? 'other-id' : undefined;
}

/**
 * What a program numbers its people's records by (`client_id`, `case_id`, `sample_id`, `band_id`): in a table that
 * names its people, a formatted number there is one person's (checkPersonTableValue). Claims, orders, codes,
 * runs and sites are numbered too, and stay out.
 */
const RECORD_WORDS = new Set([
  'client', 'case', 'sample', 'specimen', 'referral', 'enrollment', 'enrolment', 'hub', 'registry', 'participant',
  'program', 'intake', 'household', 'family', 'consumer', 'resident', 'episode', 'band', 'wristband',
  // A blood or marrow donor's number, an IVF cycle's or embryo's, a kit sent to or collected from one person (a SANE
  // kit, a FIT kit).
  'donor', 'cycle', 'embryo', 'kit',
  // A case's partner or contact, numbered by partner services (`partner_id` beside their name and number).
  'partner',
]);
const RECORD_ID_WORDS = new Set(['id', 'number', 'no', 'num', 'nbr']);

function isRecordIdKey(base: string): boolean {
  const words = base.split('_');
  return words.length >= 2 && words.length <= 3 && RECORD_ID_WORDS.has(words[words.length - 1]) && RECORD_WORDS.has(words[words.length - 2])
    && words[0] !== 'test';
}

/**
 * A record number as people read it off a form (`HV-2023-0412`, `GS-24-001873`, `BFI-C-2023-00412`): letters, then
 * five digits or more.
 */
const FORMATTED_RECORD_ID = /^[A-Za-z]{1,5}(?:[-_][A-Za-z]{1,3})?[-_]?[A-Za-z]?[0-9][A-Za-z0-9_-]{3,19}$/;

/** Keys of an encounter's or visit's id: surrogate integers in warehouses, a patient's number where formatted. */
const ENCOUNTER_KEYS = new Set(['enc_id', 'encounter_id', 'encounter', 'visit_id', 'encounter_key', 'enc_focus', 'encounter_nbr']);

export function isEncounterKey(key: string): boolean {
  return ENCOUNTER_KEYS.has(keyBase(key));
}

/**
 * Keys of the name a patient signs in to the portal with (`portal_user`, `mychart_login`): chosen by the patient,
 * often from their own name (`edna.mcallister32`), and theirs alone.
 */
const PORTAL_USER_KEYS = new Set([
  'portal_user', 'portal_username', 'portal_user_name', 'portal_login', 'portal_login_id', 'portal_handle',
  'mychart_user', 'mychart_username', 'mychart_login', 'mychart_id', 'patient_username', 'patient_login', 'pt_username',
  'member_username', 'member_login', 'app_username',
]);

export function isPortalUserKey(key: string): boolean {
  return PORTAL_USER_KEYS.has(keyBase(key));
}

/**
 * A portal user name: letters first, and a digit or a dot or underscore joining two words, as people make them
 * (`kduong63`, `ioane.salavea`); a bare word (`guest`, `unknown`) or a test account is none.
 */
export function checkPortalUserValue(value: string, relation: KeyRelation): Candidate | undefined {
  const lead = value.length - value.trimStart().length;
  const v = value.trim();
  return relation !== 'bound' && isPortalUserName(v) ? keyedCandidate('other-id', lead, v) : undefined;
}

export function isPortalUserName(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9._-]{3,40}$/.test(v) || TEST_ID.test(v)) return false;
  return /\d/.test(v) || /[A-Za-z]{2}[._][A-Za-z]{2}/.test(v);
}

/**
 * A value under an encounter key, counted only when formatted as the numbers people read off a chart
 * (`E24-0187736`, `V00551902`: letters, then a run of five digits or more): de-identified and OMOP-style tables are full
 * of plain surrogate integers under the same keys.
 */
export function checkEncounterValue(value: string, relation: KeyRelation): Candidate | undefined {
  const v = value.trim();
  if (v.length > 24 || !/^[A-Za-z]{1,4}[-_]?\d/.test(v) || !/\d{5}/.test(v)) return undefined;
  return checkKeyedValue('other-id', value, relation);
}

/**
 * A value of a column that is someone's only beside a person's identifier (personTableCategory): initials are a
 * name (Safe Harbor's first element) under an initials column, and nowhere else.
 */
export function checkPersonTableValue(key: string, category: Category, value: string): Candidate | undefined {
  if (category === 'other-id') {
    const v = value.trim();
    return v.length <= 24 && FORMATTED_RECORD_ID.test(v) && digitCount(v) >= 5 ? checkKeyedValue(category, value, 'table') : undefined;
  }
  if (category === 'geographic') return checkKeyedValue(category, value, 'table', placeKindOf(key));
  if (category !== 'name' || !keyBase(key).endsWith('initials')) return checkKeyedValue(category, value, 'table');
  const lead = value.length - value.trimStart().length;
  const v = value.trim();
  return isInitials(v) ? keyedCandidate(category, lead, v) : undefined;
}

/** The last part of a dotted key, normalised (`p.lastName` → `last_name`). */
function keyBase(key: string): string {
  return normaliseKey(key.slice(key.lastIndexOf('.') + 1));
}

/** `patient.birthDate` → `birth_date`; camelCase, dots, dashes and spaces become single underscores. */
export function normaliseKey(key: string): string {
  // A document asks of the same few column names for every row of its tables: seven replaces each time cost more
  // than the rest of the key's judgement.
  if (key.length > NORMALISED_MAX_LENGTH) return normalise(key);
  let normalised = normalisedKeys.get(key);
  if (normalised === undefined) {
    if (normalisedKeys.size >= NORMALISED_MAX_KEYS) normalisedKeys.clear();
    normalisedKeys.set(key, (normalised = normalise(key)));
  }
  return normalised;
}

const NORMALISED_MAX_LENGTH = 64;
const NORMALISED_MAX_KEYS = 4096;
const normalisedKeys = new Map<string, string>();

function normalise(key: string): string {
  return key
    .replace(/[`"'[\]]/g, '')
    // A Salesforce custom field's or person account's suffix (`Alien_Number__c`, `Medicaid_Id__pc`).
    .replace(SALESFORCE_SUFFIX, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-zA-Z])(\d)/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const SALESFORCE_SUFFIX = /__(?:c|pc|r|s)$/i;

const LOOKUP: ReadonlyMap<string, Category> = buildLookup();

function buildLookup(): Map<string, Category> {
  const map = new Map<string, Category>();
  for (const [category, words] of Object.entries(VOCABULARY) as [Category, readonly string[]][]) {
    for (const w of words) map.set(normaliseKey(w), category);
  }
  return map;
}

function lookupWords(keyWords: readonly string[]): Category | undefined {
  let from = 0;
  let to = keyWords.length;
  while (to > from + 1 && STORAGE_SUFFIXES.has(keyWords[to - 1])) to--;
  // A key that ends in such a word may be one whole (OMOP's `person_source_value`, the patient's id at the source).
  if (to < keyWords.length) {
    const whole = LOOKUP.get(keyWords.join('_'));
    if (whole) return whole;
  }
  const words = singularLast(keyWords, to);
  for (;;) {
    const hit = LOOKUP.get(words.slice(from, to).join('_'));
    if (hit) return hit;
    if (to - from <= 1) return undefined;
    if (!OWNER_PREFIXES.has(words[from])) return from === 0 ? sourcePrefixed(words[0], words.slice(1, to)) : undefined;
    from++;
  }
}

/** A birth date is someone's under any prefix (`submitted_dob`, `guarantor_birth_date`), unlike other dates. */
const BIRTH_DATE_KEYS = new Set(['dob', 'birth_date', 'birthdate', 'date_of_birth', 'birth_dt', 'dob_dt']);
/** Whether a key names a birth date, under any prefix (`dob`, `CHILD_DOB`, `guarantor_birth_date`). */
export function isBirthDateKey(key: string): boolean {
  const base = keyBase(key);
  for (const k of BIRTH_DATE_KEYS) if (base === k || base.endsWith(`_${k}`)) return true;
  return false;
}

/** Categories whose keys keep their meaning under any source or system prefix (`hie_mrn`, `epic_mrn`). */
const PREFIXABLE = new Set<Category>(['mrn', 'ssn', 'health-plan-id', 'other-id', 'device-id']);
/** First words that make a key a count, a flag or a check of the identifier, not the identifier (`n_mrn`, `has_ssn`). */
const NOT_VALUE_PREFIXES = new Set([
  'n', 'num', 'number', 'count', 'cnt', 'distinct', 'total', 'pct', 'percent', 'has', 'is', 'valid', 'invalid',
  'missing', 'null', 'nulls', 'bad', 'dup', 'dups', 'duplicate', 'max', 'min', 'avg', 'mean', 'len', 'length',
  'hashed', 'hash', 'masked', 'mask', 'tokenized', 'token', 'encrypted', 'enc', 'sha', 'md5', 'salted', 'no',
]);

/** Most words a source or purpose may put before an identifier key (`chart_review_exclude_mrn`). */
const MAX_PREFIX_WORDS = 3;

/**
 * `local_mrn`, `hie_mrn`, `payer_member_id`, `chart_review_exclude_mrn`: a source's name or a purpose before an
 * identifier key, up to three words, none of which makes it a count, flag or hash of the identifier.
 */
function sourcePrefixed(prefix: string, rest: readonly string[]): Category | undefined {
  const words = [prefix, ...rest];
  for (let j = 1; j <= MAX_PREFIX_WORDS && j < words.length; j++) {
    if (NOT_VALUE_PREFIXES.has(words[j - 1]) || /\d/.test(words[j - 1])) return undefined;
    const rest = words.slice(j).join('_');
    const hit = LOOKUP.get(rest);
    if (hit && (PREFIXABLE.has(hit) || BIRTH_DATE_KEYS.has(rest))) return hit;
  }
  return undefined;
}

/**
 * The words up to `to`, the last made singular when that names an identifier (`mrns`, `member_ids`): a list of
 * them is a list of people. Plurals of other keys stay unknown: `zips = [...]`, `ages = [...]` enumerate a
 * domain (test fixtures, bins), not someone's values.
 */
function singularLast(words: readonly string[], to: number): readonly string[] {
  const last = words[to - 1];
  const trimmed = to === words.length ? words : words.slice(0, to);
  if (last.length < 3 || !last.endsWith('s') || last.endsWith('ss')) return trimmed;
  const singular = [...trimmed.slice(0, -1), last.slice(0, -1)];
  const hit = LOOKUP.get(singular.slice(-2).join('_')) ?? LOOKUP.get(singular[singular.length - 1]);
  return hit && PREFIXABLE.has(hit) && singular[singular.length - 1] !== 'patient' ? singular : trimmed;
}

type ExtraKeyWords = Partial<Record<Category, readonly string[]>>;

const NO_EXTRA_WORDS: ExtraKeyWords = {};

/**
 * classifyKey's answers by key, per set of extra words (a config's contextWords): every document asks about
 * the same column names again, and a key costs several regular expressions. Bounded: keys come from content.
 */
const classifiedKeys = new WeakMap<ExtraKeyWords, Map<string, Category | null>>();
const MAX_CLASSIFIED_KEYS = 20_000;

/** The category a column or key name implies (`mrn`, `patient_dob`, `p.last_name`), if any. */
export function classifyKey(key: string, extra: ExtraKeyWords = NO_EXTRA_WORDS): Category | undefined {
  let known = classifiedKeys.get(extra);
  if (!known) classifiedKeys.set(extra, (known = new Map()));
  let category = known.get(key);
  if (category === undefined) {
    if (known.size >= MAX_CLASSIFIED_KEYS) known.clear();
    known.set(key, (category = classify(key, extra) ?? null));
  }
  return category ?? undefined;
}

function classify(key: string, extra: ExtraKeyWords): Category | undefined {
  const lastDot = key.lastIndexOf('.');
  const base = normaliseKey(lastDot >= 0 ? key.slice(lastDot + 1) : key);
  if (!base) return undefined;
  for (const [category, words] of Object.entries(extra) as [Category, readonly string[] | undefined][]) {
    if (words?.some((w) => normaliseKey(w) === base)) return category;
  }
  if (base === 'name' && lastDot >= 0) {
    const owner = normaliseKey(key.slice(0, lastDot)).split('_').pop() ?? '';
    return PERSON_TABLES.has(owner) ? 'name' : undefined;
  }
  const hl7 = HL7_PERSON_FIELD.exec(base);
  if (hl7) return hl7PersonField(hl7[1], Number(hl7[2]), base.slice(hl7[0].length));
  return lookupWords(base.split('_'));
}

/**
 * A column named after an HL7 v2 field of a person's segment, as parsers of feeds write them (`pid3_mrn`, `pid_5`,
 * `nk1_2_name`): PID is the patient, NK1 a next of kin, GT1 a guarantor. Linear: no nested quantifier.
 */
const HL7_PERSON_FIELD = /^(pid|nk_1|gt_1)_(\d{1,2})(?:_\d{1,2}){0,2}(?:_|$)/;

/** What a PID field holds when the column gives only its number (`pid_3`, `pid_5_1`): HL7 v2.5 chapter 3. */
const PID_FIELDS: ReadonlyMap<number, Category> = new Map([
  [3, 'mrn'], [5, 'name'], [6, 'name'], [7, 'date'], [11, 'geographic'], [13, 'phone'], [14, 'phone'],
  [18, 'account-number'], [19, 'ssn'], [20, 'license-number'], [29, 'date'],
]);

/** The category of a person's HL7 field: the words after its number read as the person's (`name` → `patient_name`). */
function hl7PersonField(segment: string, field: number, rest: string): Category | undefined {
  if (rest) return lookupWords(['patient', ...rest.split('_')]);
  return segment === 'pid' ? PID_FIELDS.get(field) : undefined;
}

/** Test and de-identified records' ids (`ZZTEST000001`, `ANON0042`): no one's. */
const TEST_ID = /test|dummy|sample|anon|deid|fake|demo|xxx/i;

const EMPTY_WORDS = new Set([
  'null', 'none', 'nan', 'n/a', 'na', 'unknown', 'unk', 'test', 'placeholder', 'todo', 'tbd', 'redacted', 'masked',
  'hidden', 'true', 'false', 'yes', 'no', 'y', 'n', 'nil', 'undefined', 'default', 'sample', 'example', 'dummy',
  'fake', 'synthetic', 'xxx', 'anonymous', 'anon', 'other', 'missing', 'blank', 'empty', 'string', 'value',
]);
const GENERIC_NAME_WORDS = new Set([
  'patient', 'name', 'first', 'last', 'user', 'admin', 'john doe', 'jane doe', 'doe', 'foo', 'bar', 'baz',
  'test patient', 'first last', 'firstname lastname', 'first name', 'last name', 'mr', 'mrs', 'ms', 'dr',
  // What de-identification writes in a name field (DICOM's ANONYMOUS^PATIENT).
  'anonymous', 'anonymous patient', 'patient anonymous', 'unknown patient', 'anon patient', 'deidentified',
  // What a registration writes for a patient not yet identified (`UNKNOWN, MALE`, a newborn's `BABY GIRL`).
  'male', 'female', 'baby boy', 'baby girl',
]);

/** First characters of the whole-value parameter forms (`:` `$` `{` `%` `?` `@`): any other value skips that pattern. */
function isParameterLead(c: number): boolean {
  return c === 0x3a || c === 0x24 || c === 0x7b || c === 0x25 || c === 0x3f || c === 0x40;
}

/** Parameters and templates: `:mrn`, `${x}`, `{{x}}`, `{x}`, `%s`, `%(x)s`, `?`, `$1`, `@p`, widget reads. */
function isParameter(v: string): boolean {
  return isParameterLead(v.charCodeAt(0)) && /^(?::[A-Za-z_]\w{0,63}|\$\{[^}]{0,200}\}|\{\{[^}]{0,200}\}\}|\{[^}]{0,200}\}|%s|%d|%\([A-Za-z_]\w{0,63}\)s|\?|\$\d{1,3}|@[A-Za-z_]\w{0,63})$/.test(v)
    || holdsTemplate(v) || (v.length >= 12 && (v.includes('dbutils.widgets') || v.includes('getArgument(') || v.includes('spark.conf.get')));
}

/** `${` or `{{` anywhere: found from each `{`, so a value without braces is passed in one native search. */
function holdsTemplate(v: string): boolean {
  for (let i = v.indexOf('{'); i >= 0; i = v.indexOf('{', i + 1)) {
    if ((i > 0 && v.charCodeAt(i - 1) === 0x24) || v.charCodeAt(i + 1) === 0x7b) return true;
  }
  return false;
}

/** Masks: `***-**-1234`, `XXX-XX-1234`, `[REDACTED]`, `####`, `<mrn>`. */
function isMasked(v: string): boolean {
  // One pass for the mask runs; the bracketed form is tried only on a value that opens with a bracket.
  return hasMaskRun(v) || ((v[0] === '[' || v[0] === '<') && /^[[<].{0,60}[\]>]$/.test(v));
}

/** `**` or `##` anywhere, `xx` at the start, `xxx` anywhere (any case): a char loop, no regex per value. */
function hasMaskRun(v: string): boolean {
  let stars = 0;
  let xs = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    stars = c === 0x2a || c === 0x23 ? stars + 1 : 0;
    xs = c === 0x78 || c === 0x58 ? xs + 1 : 0;
    if (stars >= 2 || xs >= 3 || (xs === 2 && i === 1)) return true;
  }
  return false;
}

/**
 * A column or identifier reference rather than a value (`other_col`, `t.birth_date`): one to four dotted
 * identifiers of up to 128 characters, with a `_` or a `.` somewhere. Read in one pass over the value.
 */
function isIdentifierLike(v: string): boolean {
  let parts = 1;
  let partLength = 0;
  let marked = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x2e) {
      if (partLength === 0 || ++parts > 4) return false;
      partLength = 0;
      marked = true;
    } else {
      const isLetter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
      if (!isLetter && (partLength === 0 || c < 0x30 || c > 0x39)) return false;
      if (c === 0x5f) marked = true;
      if (++partLength > 128) return false;
    }
  }
  return marked && partLength > 0;
}

/**
 * Lengths of the words of a set by first letter (lower-cased ASCII), one bit per length: a value is lower-cased
 * and looked up only when a word could match, so most values pass without a copy.
 */
function wordShapes(words: ReadonlySet<string>): Uint32Array {
  // Indexed by ASCII code: a list lookup, not a hash, for each of a million values.
  const shapes = new Uint32Array(128);
  for (const w of words) shapes[w.charCodeAt(0)] |= 1 << w.length;
  return shapes;
}

/** Whether v may be, in any case, one of the words with these shapes (any value that opens outside ASCII may). */
function mayBeWordOf(shapes: Uint32Array, v: string): boolean {
  if (v.length > 30) return false;
  const c = v.charCodeAt(0);
  return c >= 0x80 || (shapes[c >= 0x41 && c <= 0x5a ? c | 0x20 : c] & (1 << v.length)) !== 0;
}

const EMPTY_WORD_SHAPES = wordShapes(EMPTY_WORDS);
const GENERIC_NAME_SHAPES = wordShapes(GENERIC_NAME_WORDS);

function isNonValue(v: string): boolean {
  return v === '' || (mayBeWordOf(EMPTY_WORD_SHAPES, v) && EMPTY_WORDS.has(v.toLowerCase())) || isParameter(v) || isMasked(v) || isIdentifierLike(v);
}

/**
 * `datetime.date(1966, 4, 23)`, `datetime.datetime(2024, 5, 30, 8, 14, 2)`: how Python prints a date in a Row or
 * dict, and how code builds one (`dt.date(…)`, `make_date(…)`, `LocalDate.of(…)`, `ISOdate(…)`).
 */
const DATE_CALL = new RegExp(`^(?:[A-Za-z_]\\w{0,30}\\.)?(?:${DATE_CONSTRUCTORS.join('|')})\\((\\d{4}), ?(\\d{1,2}), ?(\\d{1,2})(?:, ?\\d{1,9}){0,5}\\)$`, 'i');

/** ISO (with an optional time), US m/d/yyyy, d-Mon-yyyy, `March 3, 1950`, `3 March 1950`, yyyymmdd (with an optional hhmm). */
export function isPlausibleDate(value: string): boolean {
  if (value.length >= 13 && value.charCodeAt(8) === 0x20) {
    // `19000115 0842`: a feed's compact date and clock time, as flat files and HL7 exports write an event's time.
    const compact = COMPACT_DATE_TIME.exec(value);
    if (compact) return isDateText(compact[1], true);
  }
  if (value.charCodeAt(value.length - 1) === 0x29 /* ) */) {
    const m = DATE_CALL.exec(value);
    if (m) return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // The time part always holds a colon: a value without one is its own date part, with no regex run.
  const datePart = !value.includes(':') ? value : value.replace(/(?:[T ]|(?<=[A-Za-z]\d{4}):)\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '');
  if (isDateText(datePart, true)) return true;
  const spelled = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(datePart);
  if (spelled) return monthDate(spelled[1], Number(spelled[3]), Number(spelled[2]));
  const dayFirst = /^(\d{1,2}) ([A-Za-z]{3,9}),? (\d{4})$/.exec(datePart);
  return dayFirst !== null && monthDate(dayFirst[2], Number(dayFirst[3]), Number(dayFirst[1]));
}

/** A capitalised name with no digit, a comma, and a house number: a site's name before its street. */
const NAMED_SITE = /^[A-Z][^,\d\n]{2,80}, \d{1,6} [A-Za-z]/;

/** yyyymmdd, a space and a 24-hour hhmm or hhmmss. */
const COMPACT_DATE_TIME = /^(\d{8}) (?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?$/;

function monthDate(month: string, year: number, day: number): boolean {
  // A word that is no month's name is NaN, which no calendar date has.
  return isCalendarDate(year, monthNumber(month), day);
}

function isName(value: string): boolean {
  if (value.length < 2 || value.length > 60) return false;
  // Surname first as EHRs write it (`HARPER, DEVON`) and DICOM person names (`WHITAKER^NANCY^J`) read as words.
  const v = value.indexOf(',') === value.lastIndexOf(',') ? value.replace(/, ?/, ' ').replace(/\^+/g, ' ').trim() : value;
  const ascii = asciiNameShape(v);
  if (ascii === AsciiName.No) return false;
  if (ascii === AsciiName.Unknown && !/^[\p{L}][\p{L} .'-]{0,59}$/u.test(v)) return false;
  if (mayBeWordOf(GENERIC_NAME_SHAPES, v) && GENERIC_NAME_WORDS.has(v.toLowerCase())) return false;
  if (isTestPatientName(v)) return false;
  return ascii === AsciiName.Yes || /\p{L}{2}/u.test(v);
}

/**
 * Words no one's name holds but an organisation's does (`Riverbend Medical Group, Inc.`, `Scioto Family Medicine,
 * PC`): a `legal_name` or `name` column of payers, practices or vendors. Place words (`Park`, `Hill`) are surnames.
 */
const ORGANISATION_NAME_WORDS = new Set([
  'inc', 'llc', 'pllc', 'llp', 'ltd', 'corp', 'corporation', 'company', 'pc', 'group', 'associates', 'partners',
  'physicians', 'medicine', 'medical', 'cooperative', 'collaborative', 'health', 'healthcare', 'hospital', 'hospitals',
  'clinic', 'clinics', 'center', 'centre', 'services', 'pharmacy', 'practice', 'institute', 'foundation', 'university',
  'network', 'systems', 'laboratories', 'labs', 'imaging', 'radiology', 'pediatrics', 'paediatrics', 'orthopedics',
  'orthopaedics', 'specialists', 'consultants', 'agency', 'department', 'plan', 'insurance', 'mutual', 'alliance',
  'holdings', 'solutions', 'therapeutics', 'pharmaceuticals', 'diagnostics', 'cardiology', 'oncology', 'dermatology',
  // Nursing homes and post-acute care (`Laurel Pines Skilled Nursing`, `St. Agnes Manor SNF`).
  'nursing', 'snf', 'post-acute', 'postacute', 'rehabilitation', 'rehab', 'transitional', 'care', 'manor', 'hospice',
  'living', 'residence', 'lodge', 'commons',
]);

/** A name of an organisation: a word of one, read case-blind with its punctuation dropped (`Inc.`, `LLC,`). */
function isOrganisationName(v: string): boolean {
  if (v.indexOf(' ') < 0) return false;
  for (const word of v.toLowerCase().split(/[\s,]+/)) {
    if (ORGANISATION_NAME_WORDS.has(word.replace(/[.&]+$/, ''))) return true;
  }
  return false;
}

const enum AsciiName { No, Yes, Unknown }

function hasUpperCase(v: string): boolean {
  return v !== v.toLowerCase();
}

/** Whether some word of v, in title case, is a given name or surname of the dictionaries. */
function holdsKnownName(v: string): boolean {
  return v.split(/[ .'-]+/).some(isKnownName);
}

/**
 * isName's letter rules read in place for an ASCII value (a letter, then letters, spaces and `.'-`, with two
 * letters in a row somewhere): Yes or No. Unknown for a value with any other character, which the Unicode
 * patterns decide.
 */
function asciiNameShape(v: string): AsciiName {
  if (!isAsciiLetter(v.charCodeAt(0))) return v.charCodeAt(0) >= 0x80 ? AsciiName.Unknown : AsciiName.No;
  let pair = false;
  for (let i = 1; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isAsciiLetter(c)) {
      if (isAsciiLetter(v.charCodeAt(i - 1))) pair = true;
    } else if (c >= 0x80) {
      return AsciiName.Unknown;
    } else if (c !== 0x20 && c !== 0x2e && c !== 0x27 && c !== 0x2d) {
      return AsciiName.No;
    }
  }
  return pair ? AsciiName.Yes : AsciiName.No;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isRecordId(v: string, maxLength: number): boolean {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,40}$/.test(v)) return false;
  // The value is letters, digits and dashes: counted and compared in place, without a dash-free copy.
  const alnum = v.length - countOf(v, 0x2d);
  return alnum >= 4 && alnum <= maxLength && digitCount(v) >= 4 && !isOneDigitRepeated(v);
}

function countOf(v: string, code: number): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) === code) n++;
  return n;
}

/** `1111-1111`: one digit repeated (two or more times), dashes aside; a filler, not an identifier. */
function isOneDigitRepeated(v: string): boolean {
  let first = -1;
  let count = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x2d) continue;
    if (first < 0) first = c;
    if (c !== first || c < 48 || c > 57) return false;
    count++;
  }
  return count >= 2;
}

function isSsnValue(v: string): boolean {
  const compact = v.replace(/[- ]/g, '');
  if (!/^\d{9}$/.test(compact) || !/^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v)) return false;
  return isLabelledSsn(compact);
}

/** A NANP number, not a toll-free one: those are organisations' lines under any key (a programme's `phone`). */
function isPhoneValue(v: string): boolean {
  if (!/^[\d\s().+-]{10,20}$/.test(v)) return false;
  const digits = digitsOf(v);
  return isNanpNumber(digits) && !isTollFree(digits);
}

/** The digits of v in order (v.replace(/\D/g, '')), joined from its digit runs: `(605) 555-0150` is three. */
function digitsOf(v: string): string {
  let digits = '';
  let run = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      digits += v.slice(run, i);
      run = -1;
    }
  }
  // The last run is closed here, not by a read past the end (which deoptimises the loop).
  return run >= 0 ? digits + v.slice(run) : digits;
}

function isEmailValue(v: string): boolean {
  const m = /^([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})$/.exec(v);
  return m !== null && /\.[A-Za-z]{2,24}$/.test(m[2]) && isPersonalAddress(m[1], m[2]);
}

/** What a geographic key names (`zip_code`, `address_line_1`, `city`): it decides what its value must look like. */
export const enum PlaceKind { Area, Postal, Street, Coordinate, Numbered }

const POSTAL_KEY_WORDS = new Set(['zip', 'zipcode', 'postal', 'postcode']);
const STREET_KEY_WORDS = new Set(['address', 'street', 'addr']);
/** Keys that name a home or its kind (`residence`: `own home`, `assisted living`): a place only with a house number. */
const NUMBERED_KEY_WORDS = new Set(['residence']);
const COORDINATE_KEY_WORDS = new Set(['lat', 'latitude', 'lon', 'lng', 'long', 'longitude', ...COORDINATE_PAIR_WORDS]);

/** The kind of place a key names; asked once per key (scan.ts keeps it with the key's other classes). */
export function placeKindOf(key: string): PlaceKind {
  const words = normaliseKey(key).split('_');
  if (words.some((w) => COORDINATE_KEY_WORDS.has(w))) return PlaceKind.Coordinate;
  if (words.some((w) => POSTAL_KEY_WORDS.has(w))) return PlaceKind.Postal;
  if (words.some((w) => STREET_KEY_WORDS.has(w))) return PlaceKind.Street;
  return words.some((w) => NUMBERED_KEY_WORDS.has(w)) ? PlaceKind.Numbered : PlaceKind.Area;
}

/**
 * A latitude or longitude to three decimals or more (a hundred metres or finer: a home, not a county), in range,
 * or both as a pair (`12.34567, -98.76543` under `gps`). Fewer decimals, or a whole number, is an area's centre
 * or a count.
 */
function isCoordinate(v: string): boolean {
  const pair = COORDINATE_PAIR.exec(v);
  if (pair) return Math.abs(Number(pair[1])) <= 90 && Math.abs(Number(pair[2])) <= 180;
  return /^-?\d{1,3}\.\d{3,12}$/.test(v) && Math.abs(Number(v)) <= 180;
}

/** Linear: each quantifier's run ends at a character the next cannot start with. */
const COORDINATE_PAIR = /^[([]?(-?\d{1,2}\.\d{3,12}) ?, ?(-?\d{1,3}\.\d{3,12})[)\]]?$/;

function isGeographic(v: string, relation: KeyRelation, kind: PlaceKind): boolean {
  if (kind === PlaceKind.Coordinate) return isCoordinate(v);
  if (/^\d{5}(?:-?\d{4})?$/.test(v)) return true;
  if (v.length > 120 || !mayBePlace(v)) return false;
  if (kind === PlaceKind.Postal) return isPostcode(v);
  if (!/\p{L}{2}/u.test(v)) return false;
  // A street address has words and a number: `localhost` under `address` is a host.
  if (kind === PlaceKind.Street && !v.includes(' ')) return false;
  // A place named before its street (`Zzyzx Kidney Center, 1900 N Quennell Ave`) is a site: no one names a home.
  if (NAMED_SITE.test(v)) return false;
  // A house number first, or a rural grid's (`N1900 County Rd Z`): a street, not a kind of home.
  if (kind === PlaceKind.Numbered) return /^[NSEW]?\d{1,6}[A-Za-z]? \p{L}/u.test(v);
  // A bare place name (`city = 'Boston'`) filters a cohort; in a row or an assignment it describes a person.
  return digitCount(v) > 0 || relation === 'table' || relation === 'assign';
}

/**
 * A postcode outside the US (`SW1A 1AA`, `K1A 0B1`); never a word alone (`'zip': "ZIP file"`), nor three digits
 * alone: a ZIP3 is what Safe Harbor keeps (`substr(zip, 1, 3) IN ('036', '059', …)` lists the restricted ones).
 */
function isPostcode(v: string): boolean {
  return v.length <= 8 && digitCount(v) >= 2 && /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)?$/.test(v) && !/^\d{1,3}$/.test(v);
}

/** Not a URL, an e-mail address or a MIME type or path (`http://`, `application/zip`): places hold none of those. */
function mayBePlace(v: string): boolean {
  return !v.includes('@') && !v.includes('://') && !(v.includes('/') && !v.includes(' '));
}

function isIpValue(v: string): boolean {
  const parts = v.split('.');
  if (parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return isPublicIpv4(parts.map(Number));
  return v.includes(':') && isPublicIpv6(v);
}

function valueIs(category: Category, v: string, relation: KeyRelation, place: PlaceKind): boolean {
  switch (category) {
    case 'date': return relation !== 'bound' && isPlausibleDate(v);
    // A column's rows are names whatever their case; in code a lower-case word (`'imap'`) is a token, not a name.
    case 'name': return isName(v) && (relation === 'table' || hasUpperCase(v) || holdsKnownName(v)) && !isOrganisationName(v);
    case 'ssn': return isSsnValue(v);
    case 'mrn':
    case 'other-id':
    case 'health-plan-id': return isRecordId(v, 20) && !TEST_ID.test(v);
    case 'account-number': return isRecordId(v, 34);
    case 'license-number': return /^[A-Za-z0-9-]{4,24}$/.test(v) && digitCount(v) >= 3;
    case 'age-over-89': return /^\d{2,3}(?:\.0+)?$/.test(v) && Number(v) >= 90 && Number(v) <= 130;
    case 'phone':
    case 'fax': return isPhoneValue(v);
    case 'email': return isEmailValue(v);
    case 'geographic': return isGeographic(v, relation, place) && !/^0+(?:-0+)?$/.test(v);
    case 'vehicle-id': return isVin(v.toUpperCase()) || (/^[A-Za-z0-9 -]{2,8}$/.test(v) && digitCount(v) >= 1);
    case 'device-id': return /^[A-Za-z0-9().:/-]{4,60}$/.test(v) && digitCount(v) >= 3 && udiSerial(v) !== '';
    case 'url': return /^(?:https?:\/\/|www\.)[^\s]{3,2048}$/i.test(v);
    case 'ip-address': return isIpValue(v);
    case 'biometric': return v.length >= 16 && !/\s/.test(v);
  }
}

/** `JMK`, `J.M.K.`, `JM`: a person's initials, as a table's name columns hold them once names are cut. */
function isInitials(v: string): boolean {
  return v.length <= 6 && /^[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?$/.test(v);
}

/** Real letters of a LIKE pattern (`%smi%` has three). */
function likeLetters(v: string): number {
  return (v.replace(/[%_]/g, '').match(/\p{L}/gu) ?? []).length;
}

/** `keyed-<category>`, one string per category (a table yields a candidate per row). */
const KEYED_DETECTOR_IDS = Object.fromEntries(CATEGORIES.map((c) => [c, `keyed-${c}`])) as Readonly<Record<Category, string>>;

function keyedDetectorId(category: Category): string {
  return KEYED_DETECTOR_IDS[category];
}

/** `!` to `~`: no character there is whitespace to String.prototype.trim. */
function isPrintableAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/**
 * Whether a value under a key of that category is really an identifier (not a parameter, mask, bound...). For a
 * geographic key, `place` (placeKindOf the key) says what its value must look like (a ZIP code under `zip`, a
 * street under `address`).
 */
export function checkKeyedValue(category: Category, value: string, relation: KeyRelation, place = PlaceKind.Area): Candidate | undefined {
  // Table values come trimmed: a value that opens and closes on printable ASCII is taken as it is.
  const plainEnds = isPrintableAscii(value.charCodeAt(0)) && isPrintableAscii(value.charCodeAt(value.length - 1));
  const lead = plainEnds ? 0 : value.length - value.trimStart().length;
  const v = plainEnds ? value : value.trim();
  // A bound (`age >= 90`, `dob < '1950-01-01'`, BETWEEN) defines a cohort, not one person's value.
  if (relation === 'bound' || v.length > 2048 || isNonValue(v)) return undefined;
  // A relative's name with the relation after it (`Harold Zorblatt (son)`): the name is the value.
  if (category === 'name') {
    const name = nameBeforeRelation(v);
    if (name !== undefined) return valueIs('name', name, relation, place) ? keyedCandidate('name', lead, name) : undefined;
  }
  let ok: boolean;
  if (relation === 'like' && /[%_]/.test(v)) {
    ok = category === 'name' ? likeLetters(v) >= 3 : valueIs(category, v.replace(/%/g, ''), relation, place);
  } else {
    ok = valueIs(category, v, relation, place);
  }
  return ok ? keyedCandidate(category, lead, v) : undefined;
}

/** Relations written in brackets after a relative's or a contact's name. */
const RELATIONS = new Set([
  'son', 'daughter', 'dtr', 'spouse', 'wife', 'husband', 'mother', 'mom', 'father', 'dad', 'sister', 'brother', 'nephew',
  'niece', 'grandson', 'granddaughter', 'grandmother', 'grandfather', 'guardian', 'partner', 'friend', 'aunt', 'uncle',
  'cousin', 'poa', 'hcpoa', 'caregiver', 'self', 'parent', 'child', 'neighbor', 'neighbour',
]);

/** The name before a bracketed relation ending the value (`Harold Zorblatt (son)` → `Harold Zorblatt`), if any. */
function nameBeforeRelation(v: string): string | undefined {
  if (v.charCodeAt(v.length - 1) !== 0x29 /* ) */) return undefined;
  const open = v.lastIndexOf(' (');
  if (open <= 0 || !RELATIONS.has(v.slice(open + 2, -1).toLowerCase())) return undefined;
  return v.slice(0, open).trimEnd();
}

/** A keyed value `v` found `lead` characters into what was checked. */
function keyedCandidate(category: Category, lead: number, v: string): Candidate {
  return { start: lead, end: lead + v.length, category, detectorId: keyedDetectorId(category), confidence: 'high', redacted: redact(category, v) };
}

/**
 * A value under a bare `name` key (`{"name": …}`, `Row(name=…)`): counted only where the name detector would
 * report it after a `Name:` label, and only when the name is the whole value. `name` names jobs, tables and
 * classes too (`name='Deque'`), so a single word counts only when it is a known given name or surname.
 */
export function checkBareNameValue(value: string): Candidate | undefined {
  const trimmed = value.trim();
  if (trimmed.length < 3 || trimmed.length > 60) return undefined;
  if (!trimmed.includes(' ') && !isKnownName(trimmed)) return undefined;
  const label = 'Name: ';
  const lead = value.indexOf(trimmed);
  const hit = nameDetector.find(label + trimmed, { regionKind: 'code' })
    .find((c) => c.start === label.length && c.end === label.length + trimmed.length);
  return hit ? { ...hit, start: lead, end: lead + trimmed.length } : undefined;
}
