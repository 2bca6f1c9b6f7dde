import { strict as assert } from 'node:assert';
import { checkBareNameValue, checkEncounterValue, checkKeyedValue, checkPersonTableValue, classifyKey, isBirthDateKey, isEncounterKey, isOrganisationColumn, isOrganisationContactKey, isStaffRoleKey, isWorkforceKey, namesEventDate, normaliseKey, personTableCategory, placeKindOf } from '../../../server/src/engine/detectors/keyed';
import type { Category } from '../../../server/src/engine/model';
import { PHONE, SSN_DASHED } from './synthetic';

describe('detectors/keyed: classifyKey', () => {
  const cases: [string, Category | undefined][] = [
    ['first_name', 'name'], ['p.last_name', 'name'], ['patients.birth_date', 'date'], ['patientDob', 'date'],
    ['DATE_OF_BIRTH', 'date'], ['admit_dt', 'date'], ['disch_dt', 'date'], ['ssn', 'ssn'], ['PATIENT_SSN', 'ssn'],
    ['mrn', 'mrn'], ['med_rec_no', 'mrn'], ['member_id', 'health-plan-id'], ['mbi', 'health-plan-id'],
    ['home_phone', 'phone'], ['fax_number', 'fax'], ['emailAddress', 'email'], ['Address1', 'geographic'],
    ['zip_code', 'geographic'], ['age', 'age-over-89'], ['acct_no', 'account-number'], ['dl_number', 'license-number'],
    ['vin', 'vehicle-id'], ['device_serial', 'device-id'], ['client_ip', 'ip-address'], ['fingerprint', 'biometric'],
    ['person_id', 'other-id'], ['empi', 'other-id'], ['patient.name', 'name'], ['ssn_raw', 'ssn'],
    ['provider_name', undefined], ['drug_name', undefined], ['facility_name', undefined], ['user_name', undefined],
    ['concept_name', undefined], ['c.name', undefined], ['name', undefined], ['created_at', undefined],
    ['service_date', undefined], ['load_date', undefined], ['state', undefined], ['country', undefined],
    ['concept_id', undefined], ['encounter_id', undefined], ['claim_id', undefined], ['npi', undefined],
    ['provider_id', undefined], ['ndc', undefined], ['icd10_code', undefined], ['drg', undefined],
    // A source system's name before an identifier key; a count, flag or hash of it is no identifier.
    ['hie_mrn', 'mrn'], ['local_mrn', 'mrn'], ['epic_patient_id', 'other-id'], ['payer_member_id', 'health-plan-id'],
    ['cardholder_id', 'health-plan-id'], ['n_mrn', undefined], ['has_ssn', undefined], ['hashed_mrn', undefined],
    ['facility_zip', undefined], ['hospital_phone', undefined], ['src2_mrn', undefined],
    // Accession and prescription numbers name one study or fill; a hospital account record (HAR) one stay.
    ['accession_number', 'other-id'], ['AccessionNumber', 'other-id'], ['rx_number', 'other-id'], ['har', 'account-number'],
    ['guarantor_id', 'account-number'], ['enc_id', undefined], ['visit_occurrence_id', undefined],
    // The sides of a comparison or merge keep the key's meaning.
    ['ssn_l', 'ssn'], ['mrn_r', 'mrn'], ['mrn1', 'mrn'], ['dob_new', 'date'], ['mrn_sending', 'mrn'], ['mrn_receiving', 'mrn'], ['n_mrn_1', undefined],
    // A purpose before an identifier, and lists of identifiers; a list of ZIPs or ages enumerates a domain.
    // A jail's booking and inmate numbers, a registry's donors and recipients: people, numbered.
    ['booking_no', 'other-id'], ['inmate_id', 'other-id'], ['donor_id', 'other-id'], ['recipient_id', 'other-id'],
    ['waitlist_id', 'other-id'], ['wl_id', 'other-id'],
    // A Salesforce custom field's suffix (`__c`) or a person account's (`__pc`).
    ['Alien_Number__c', 'other-id'], ['Medicaid_ID__pc', 'health-plan-id'], ['Notes__c', undefined],
    ['CHART_REVIEW_EXCLUDE_MRN', 'mrn'], ['planned_mrns', 'mrn'], ['member_ids', 'health-plan-id'], ['mrn_list', 'mrn'],
    ['zips', undefined], ['ages', undefined], ['n_distinct_mrn', undefined],
    // Remote monitoring hubs sit in patients' homes; a source's device serial keeps its meaning.
    ['patient_ctrl_no', 'account-number'], ['pat_acct_no', 'account-number'], ['hub_ip', 'ip-address'], ['pcr_no', 'other-id'], ['epcr_number', 'other-id'], ['complainant', 'name'], ['caregiver', 'name'], ['cdl_number', 'license-number'], ['cdl', 'license-number'], ['guardian', 'name'], ['emergency_contact', 'name'], ['nok', 'name'], ['decedent', 'name'], ['complainant_name', 'name'], ['complainant_phone', 'phone'], ['last_seen_ip', 'ip-address'], ['wan_ip', 'ip-address'], ['hub_imei', 'device-id'], ['cuff_device_serial', 'device-id'], ['server_ip', undefined],
    // A Medicaid case number names a household; a test case does not.
    ['case_no', 'other-id'], ['medicaid_case_number', 'other-id'], ['test_case', undefined], ['n_cases', undefined],
    // CDISC SDTM: a trial's subject ids and its subjects' birth and death dates.
    ['USUBJID', 'other-id'], ['SUBJID', 'other-id'], ['BRTHDTC', 'date'], ['DTHDTC', 'date'], ['STUDYID', undefined],
    // A patient's relatives and callers own their keys as the patient does.
    ['child_dob', 'date'], ['mother_name', 'name'], ['infant_first_name', 'name'], ['nok_phone', 'phone'],
    ['emergency_contact_phone', 'phone'], ['caller_phone', 'phone'], ['child_count', undefined], ['mother_tongue', undefined],
    // Which of a person's numbers it is.
    ['callback_phone', 'phone'], ['Callback', 'phone'], ['call_back', 'phone'], ['alt_phone', 'phone'], ['secondary_email', 'email'], ['cb_phone', 'phone'], ['alt_code', undefined],
    // A bare serial in health data is a device's.
    ['serial', 'device-id'], ['sensor_serial', 'device-id'], ['serial_version', undefined],
    // A key whose last word is a storage word may be a whole key of the vocabulary (OMOP's patient id at source).
    ['person_source_value', 'other-id'], ['gender_source_value', undefined], ['provider_source_value', undefined],
    // A birth date keeps its meaning under any prefix (a PDMP query's `submitted_dob`); its counts and hashes do not.
    ['submitted_dob', 'date'], ['guarantor_birth_date', 'date'], ['hashed_dob', undefined], ['n_dob', undefined],
    // Columns named after an HL7 v2 person segment's field, by number and word or by number alone.
    ['pid3_mrn', 'mrn'], ['pid5_name', 'name'], ['pid7_dob', 'date'], ['pid11_zip', 'geographic'], ['PID_5_1', 'name'],
    ['pid_3', 'mrn'], ['pid_19', 'ssn'], ['nk1_2_name', 'name'], ['nk1_5_phone', 'phone'], ['pid_8', undefined],
    // Which of a person's numbers it is; the people programmes serve; a Ryan White client's record number.
    ['phone_primary', 'phone'], ['address_home', 'geographic'], ['email_work', 'email'], ['client_name', 'name'], ['enrollee_name', 'name'], ['mom_name', 'name'], ['cand_name', undefined],
    ['resident_name', 'name'], ['client_urn', 'other-id'], ['client_id', undefined], ['home', undefined],
    ['pid_3_count', undefined], ['msh10_ctrl_id', undefined], ['pid', undefined], ['nk1_2', undefined], ['pidx_5_name', undefined],
    // An asylum seeker's A-number; the person a bite or assault report is about.
    ['a_number', 'other-id'], ['alien_registration_number', 'other-id'], ['victim_ssn', 'ssn'], ['victim_address', 'geographic'],
  ];
  for (const [key, expected] of cases) {
    it(`classifies ${key}`, () => assert.equal(classifyKey(key), expected));
  }

  it('tells a birth date key under any prefix from other dates', () => {
    for (const key of ['dob', 'CHILD_DOB', 'guarantor_birth_date', 'patient.birthDate']) assert.ok(isBirthDateKey(key), key);
    for (const key of ['dob_year_bucket', 'admit_date', 'dobby', 'birth_weight']) assert.ok(!isBirthDateKey(key), key);
  });

  it('tells the dates of events in a life from a system\'s own dates', () => {
    for (const key of ['adm_date', 'fill_dt', 'arrival_ts', 'dos', 'dateOfService', 'ed_arrival_datetime', 'v.order_time', 'ORDER_INST']) assert.ok(namesEventDate(key), key);
    for (const key of ['load_date', '_ingest_ts', 'created_at', 'update_ts', 'etl_run_date', 'concept_id', 'n', 'snapshot_dt', 'query_ts', 'queried_at']) assert.ok(!namesEventDate(key), key);
    // A few words with one event of the stay among them (`| Admit decision | Left ED |`), but not its id, source or length.
    for (const key of ['Admit decision', 'Left ED', 'triage_done', 'Referred on']) assert.ok(namesEventDate(key), key);
    for (const key of ['visit_id', 'admit_source', 'los_hours', 'discharge_disposition', 'left_without_being_seen_count']) assert.ok(!namesEventDate(key), key);
    // SDTM's event dates are one word ending in DTC, of at most eight letters.
    for (const key of ['RFICDTC', 'AESTDTC', 'rfstdtc']) assert.ok(namesEventDate(key), key);
    for (const key of ['DTC', 'dtc_campaign', 'LONGNAMEDTC']) assert.ok(!namesEventDate(key), key);
    // An event of a stay alone as a column (`| MRN | Patient | Arrival |`); with other words it names something else.
    for (const key of ['Arrival', 'admission', 'Discharged', 'received', 'Reported']) assert.ok(namesEventDate(key), key);
    for (const key of ['arrival_mode', 'visit_count', 'admission_source']) assert.ok(!namesEventDate(key), key);
  });

  it("reads a part of a name after its owner's word as the part (`pat_first`)", () => {
    for (const key of ['pat_first', 'pt_last', 'first', 'patient_initials', 'client', 'Member', 'mother', 'name_a', 'name_R', 'cand_name', 'donor_name', 'victim_name']) assert.equal(personTableCategory(key), 'name', key);
    for (const key of ['run_first', 'first_seen', 'pat', 'client_type', 'members', 'name_c']) assert.equal(personTableCategory(key), undefined, key);
    // Where an order or a letter goes, beside its person: their address.
    for (const key of ['ship_street', 'ship_to_address', 'delivery_address', 'mailing_zip', 'line1']) assert.equal(personTableCategory(key), 'geographic', key);
    for (const key of ['ship_date', 'mail_status', 'delivery_method']) assert.equal(personTableCategory(key), undefined, key);
  });

  it("reads the numbers a program gives its people's records as ids, when formatted, in a table that names them", () => {
    for (const key of ['client_id', 'case_id', 'sample_id', 'band_id', 'hub_case_id', 'donor_id', 'cycle_id', 'kit_no', 'embryo_id', 'din', 'candidate_id', 'id_number', 'partner_id']) assert.equal(personTableCategory(key), 'other-id', key);
    for (const key of ['claim_id', 'test_case_id', 'order_id', 'case_count', 'run_id']) assert.equal(personTableCategory(key), undefined, key);
    for (const value of ['ZZ-2023-0412', 'ZZS-24-001873', 'ZZ-A48213', 'ZZH0093312', 'ZZQ-C-2023-00412']) assert.ok(checkPersonTableValue('client_id', 'other-id', value), value);
    for (const value of ['00412907', '1234', 'ZZ-12', 'pending', '2024-06-03']) assert.equal(checkPersonTableValue('client_id', 'other-id', value), undefined, value);
  });

  it('knows workforce keys by their words: owners, stewards, on-call', () => {
    for (const key of ['owner', 'secondary_owner', 'dataSteward', 'oncall_primary', 'reviewers', 'email_notifications', 'Data on-call', 'on_call_rn', 'Backup', 'Clinical escalation', 'user_identity', 'executed_by']) assert.ok(isWorkforceKey(key), key);
    for (const key of ['patient_name', 'member_id', 'contact_name', 'emergency_contact', 'moon_calls', 'escalation_reason', 'backup_date', 'user_agent', 'http_user_agent']) assert.ok(!isWorkforceKey(key), key);
    // A role at the end of a key names its holder; elsewhere the key holds what the role wrote.
    for (const key of ['unit_manager', 'attending_name', 'pcp', 'rendering_provider', 'manager_email']) assert.ok(isWorkforceKey(key), key);
    for (const key of ['nurse_note', 'manager_comment', 'rn_hours', 'provider_npi_count']) assert.ok(!isWorkforceKey(key), key);
    for (const key of ['role', 'job_title', 'Position', 'action_name']) assert.ok(isStaffRoleKey(key), key);
    for (const key of ['title', 'name', 'patient_role']) assert.ok(!isStaffRoleKey(key), key);
    for (const key of ['nurse_mgr_email', 'unit_dir']) assert.ok(isWorkforceKey(key), key);
    // Staff named by credential or by a role of the unit, and how to reach them (`charge_rn_phone`).
    for (const key of ['charge_rn_phone', 'nurse_pager', 'staff_name', 'interpreter_name', 'endoscopist', 'observer']) assert.ok(isWorkforceKey(key), key);
    for (const key of ['patient_phone', 'rn_visit_count', 'staffed_beds']) assert.ok(!isWorkforceKey(key), key);
    for (const key of ['dietitian_primary', 'physicist_of_record', 'pcp_of_record']) assert.ok(isWorkforceKey(key), key);
    // A roster's number of its staff (`transporterId`, `provider_id`), and staff named by their work.
    for (const key of ['transporterId', 'provider_id', 'cdi_specialist', 'physician_advisor']) assert.ok(isWorkforceKey(key), key);
    for (const key of ['patient_id', 'case_id']) assert.ok(!isWorkforceKey(key), key);
    // A fertility lab's staff, and full-time equivalents, which only a payroll's people have.
    for (const key of ['embryologist_id', 'andrologist', 'fte', 'fte_budgeted']) assert.ok(isWorkforceKey(key), key);
    for (const key of ['Credentials', 'credential', 'job_code', 'home_cost_center', 'cred']) assert.ok(isStaffRoleKey(key), key);
    for (const key of ['cost_center', 'job_id']) assert.ok(!isStaffRoleKey(key), key);
    // When a certification lapses is a driver's or a nurse's; a birth certificate's number is not a role.
    for (const key of ['certExpires', 'cert_expiry', 'certification_expiration']) assert.ok(isStaffRoleKey(key), key);
    for (const key of ['cert_no', 'certificate_number']) assert.ok(!isStaffRoleKey(key), key);
    // A patient's spouse is named under the bare relation; a partner is as often an organisation.
    assert.equal(classifyKey('spouse'), 'name');
    assert.equal(classifyKey('partner'), undefined);
    for (const key of ['rater_name', 'reader_id', 'grader']) assert.ok(isWorkforceKey(key), key);
    for (const key of ['center_code', 'centre_name']) assert.ok(isOrganisationColumn(key), key);
    assert.ok(!isStaffRoleKey('discipline'), "a home visit's discipline is a patient's row's");
    for (const key of ['asset_tag', 'campus', 'hosp_code', 'firmware', 'cabinet_id', 'agency_name', 'station address', 'pec_id', 'hood_serial', 'plant_name']) assert.ok(isOrganisationColumn(key), key);
    assert.ok(!isOrganisationColumn('device_model'));
    // A role in the plural names its holders (`backups` of an on-call rota).
    assert.ok(isWorkforceKey('backups') && isWorkforceKey('physician_backup') && !isWorkforceKey('backup_date'));
    // A directory of labs, and a hospital's units and wards.
    for (const key of ['lab_name', 'clia_number', 'lab_director', 'unit', 'ward_phone']) assert.ok(isOrganisationColumn(key), key);
    for (const key of ['site_name', 'org_npi', 'cms_ccn', 'facility']) assert.ok(isOrganisationColumn(key), key);
    for (const key of ['city', 'patient_name', 'zip', 'machine_serial', 'cpap_machine_sn']) assert.ok(!isOrganisationColumn(key), key);
    for (const key of ['machine_id', 'machineName', 'vault', 'linac_serial', 'chamber_id']) assert.ok(isOrganisationColumn(key), key);
    for (const key of ['CLINIC_PHONE', 'HUB_MAIN_LINE', 'BROKER_FAX', 'pharmacy_address', 'vendor_email']) assert.ok(isOrganisationContactKey(key), key);
    for (const key of ['patient_phone', 'home_address', 'facility_name', 'clinic']) assert.ok(!isOrganisationContactKey(key), key);
  });

  it("reads a guarantor's or a hospital account's abbreviated keys as the account, and a bare acct as nothing", () => {
    for (const key of ['guarantor_acct', 'guarAcct', 'HAR_NO', 'hosp_acct_no']) assert.equal(classifyKey(key), 'account-number', key);
    assert.equal(classifyKey('acct'), undefined);
  });

  it('adds configured words by exact normalised match', () => {
    for (const key of ['fin', 'fin_nbr', 'FIN_NUMBER', 'financialNumber']) assert.equal(classifyKey(key), 'account-number', key);
    assert.equal(classifyKey('legacy_chart_key'), undefined);
    assert.equal(classifyKey('legacyChartKey', { mrn: ['legacy_chart_key'] }), 'mrn');
  });

  it('normalises camelCase, dots and digits', () => {
    assert.equal(normaliseKey('addressLine1'), 'address_line_1');
    assert.equal(normaliseKey('`Patient DOB`'), 'patient_dob');
  });

  it('normalises a key the same the first time, again, and after many other keys', () => {
    const long = 'z'.repeat(70) + 'FieldName';
    for (let round = 0; round < 2; round++) {
      assert.equal(normaliseKey('patientBirthDate'), 'patient_birth_date');
      assert.equal(normaliseKey(long), 'z'.repeat(70) + '_field_name');
      for (let i = 0; i < 5000; i++) assert.equal(normaliseKey(`col${i}Value`), `col_${i}_value`);
    }
  });
});

describe("detectors/keyed: an EHR's test patients", () => {
  it('does not read a test patient as a name, and still reads a name', () => {
    assert.equal(checkKeyedValue('name', 'ZZTEST', 'assign'), undefined);
    assert.equal(checkKeyedValue('name', 'MAMMO ONE', 'assign'), undefined);
    assert.equal(checkKeyedValue('name', 'Zorblatt', 'assign')?.category, 'name');
  });
});

describe("detectors/keyed: a relative's name with the relation after it", () => {
  it('reads the name before a bracketed relation, and nothing when the brackets hold something else', () => {
    const c = checkKeyedValue('name', 'Harold Zorblatt (son)', 'table');
    assert.deepEqual([c?.category, c?.start, c?.end], ['name', 0, 'Harold Zorblatt'.length]);
    assert.equal(checkKeyedValue('name', 'Gretchen Zorblatt-Vell (HCPOA)', 'table')?.end, 'Gretchen Zorblatt-Vell'.length);
    assert.equal(checkKeyedValue('name', 'Harold Zorblatt (see note)', 'table')?.end, undefined);
    assert.equal(checkKeyedValue('name', 'ZZTEST (son)', 'assign'), undefined);
  });
});

describe("detectors/keyed: an organisation's name under a name key", () => {
  it('does not read a practice, payer or vendor as a person, and still reads a surname that is also a place word', () => {
    for (const v of ['Zzyzx Pines Skilled Nursing', 'St. Zorblatt Manor SNF', 'Zzyzx Commons Post-Acute']) assert.equal(checkKeyedValue('name', v, 'table'), undefined, v);
    for (const v of ['Zzyzx Medical Group, Inc.', 'Zorblatt Family Medicine, PC', 'Zzyzx Hills Rural Health Cooperative', 'ZORBLATT PHYSICIANS LLC']) {
      assert.equal(checkKeyedValue('name', v, 'table'), undefined, v);
    }
    for (const v of ['PARK, TESTA', 'Testa Hill', 'Zorblatt-Group']) assert.equal(checkKeyedValue('name', v, 'table')?.category, 'name', v);
  });
});

describe('detectors/keyed: checkKeyedValue', () => {
  const reported: [Category, string, Parameters<typeof checkKeyedValue>[2]][] = [
    ['date', '1950-03-15', 'equals'], ['date', '03/15/1950', 'table'], ['date', 'March 3, 1950', 'assign'],
    ['date', '15-Mar-1950', 'in-list'], ['date', '19500315', 'equals'], ['date', '1950-03-15 00:00:00', 'table'],
    ['name', 'Smith', 'equals'], ['name', "O'Brien-Lee", 'in-list'], ['name', '%smi%', 'like'],
    ['ssn', SSN_DASHED, 'equals'], ['ssn', SSN_DASHED.replace(/-/g, ''), 'table'],
    ['mrn', '00482913', 'equals'], ['mrn', '12345678', 'table'], ['other-id', 'S-001234', 'equals'],
    ['age-over-89', '92', 'table'], ['phone', `(${PHONE[0]}) ${PHONE[1]}-${PHONE[2]}`, 'table'], ['fax', PHONE.join('.'), 'assign'],
    ['email', 'jane.q.public@mail.example.org', 'equals'], ['geographic', '02115', 'equals'],
    ['geographic', '123 Main St', 'equals'], ['geographic', 'Springfield', 'table'], ['ip-address', '23.45.67.89', 'table'],
    ['name', 'Zoë Núñez', 'table'], ['name', 'Ann Lee', 'assign'], ['date', '1950-03-15T08:30:00Z', 'table'],
    ['geographic', 'Ab.Cd.Ef.Gh.Ij', 'table'], ['geographic', 'Ab.Cd.', 'table'],
    ['date', 'datetime.date(1950, 3, 15)', 'table'], ['date', 'datetime.datetime(1950, 3, 15, 8, 30)', 'table'],
    ['date', 'dt.date(1950, 3, 15)', 'assign'], ['date', 'make_date(1950, 3, 15)', 'equals'], ['date', 'LocalDate.of(1950, 3, 15)', 'assign'],
    ['date', 'ISOdate(1950,3,15)', 'assign'], ['date', '15MAR1950', 'table'], ['date', '15MAR1950:00:00:00', 'assign'],
    ['date', '19500315 0842', 'table'], ['date', '19500315 084233', 'table'],
  ];
  for (const [category, value, relation] of reported) {
    it(`reports a ${category} value (${relation})`, () => {
      const c = checkKeyedValue(category, `  ${value} `, relation);
      assert.ok(c, 'expected a candidate');
      assert.equal(c.category, category);
      assert.equal(c.start, 2);
      assert.equal(c.end, 2 + value.length);
      assert.ok(!c.redacted.includes(value));
    });
  }

  const ignored: [Category, string, Parameters<typeof checkKeyedValue>[2], string][] = [
    ['date', '2023-01-01', 'bound', 'a query bound'], ['date', 'admit_date', 'equals', 'a column reference'],
    ['date', '2023-02-30', 'equals', 'an impossible date'], ['date', '1850-01-01', 'equals', 'a year out of range'],
    ['name', ':name', 'equals', 'a bind parameter'], ['name', '${name}', 'equals', 'a template'],
    ['name', '{{ name }}', 'equals', 'a Jinja template'], ['name', '%s', 'equals', 'a format slot'],
    ['name', '?', 'equals', 'a placeholder'], ['name', 'NULL', 'equals', 'NULL'], ['name', 'Unknown', 'table', 'unknown'],
    ['name', 'test', 'equals', 'test'], ['name', 'John Doe', 'equals', 'a universal placeholder'],
    ['name', '%a%', 'like', 'a short like pattern'], ['ssn', '***-**-6789', 'equals', 'a masked SSN'],
    ['ssn', 'XXX-XX-6789', 'equals', 'an X-masked SSN'], ['ssn', '000-12-3456', 'equals', 'an invalid SSN'],
    ['mrn', '[REDACTED]', 'equals', 'a redaction marker'], ['mrn', '<mrn>', 'equals', 'an angle placeholder'],
    ['mrn', '####', 'equals', 'hashes'], ['mrn', 'TODO', 'equals', 'TODO'], ['mrn', '$1', 'equals', 'a positional parameter'],
    ['mrn', 'dbutils.widgets.get("mrn")', 'assign', 'a widget read'], ['mrn', '123', 'equals', 'too few digits'],
    ['age-over-89', '89', 'table', 'an age of 89'], ['age-over-89', '131', 'table', 'an impossible age'],
    ['phone', '123-456-7890', 'table', 'an invalid area code'], ['email', 'noreply@hospital.org', 'equals', 'a role account'],
    ['geographic', 'Boston', 'equals', 'a city filter'], ['geographic', '0211', 'equals', 'a short ZIP'],
    ['ip-address', '10.0.0.1', 'table', 'a private address'], ['name', 'true', 'equals', 'a boolean'],
    ['name', '   ', 'equals', 'blank'], ['date', 'datetime.date(1950, 2, 30)', 'table', 'a printed date that is no calendar day'],
    ['date', 'make_date(1950, 13, 1)', 'equals', 'a built date that is no calendar day'],
    ['age-over-89', '90', 'bound', 'an age bound of a cohort'], ['geographic', '02100', 'bound', 'a ZIP range'],
    ['mrn', '10000000', 'bound', 'a paging bound'],
    ['name', 'A. B.', 'table', 'initials alone'], ['name', 'Ann2', 'table', 'a name with a digit'],
    ['name', 'JOHN DOE', 'table', 'a placeholder in capitals'], ['name', 'Zoë4', 'table', 'a non-ASCII name with a digit'],
    ['geographic', '12 Main St #*', 'table', 'a masked address'], ['geographic', 'Apt 4 ${unit}', 'table', 'a template inside a value'],
    ['geographic', '12 {{street}}', 'table', 'a Jinja template inside a value'],
    ['geographic', '12 getArgument("street")', 'table', 'a notebook argument read'],
    ['geographic', 'Ab.Cd.Ef.Gh', 'table', 'a dotted column reference'], ['geographic', 'home_city', 'table', 'a column name'],
    ['date', '19500315 2460', 'table', 'a compact date with no clock time after it'], ['date', '19501315 0842', 'table', 'a compact date that is no calendar day'],
  ];
  for (const [category, value, relation, why] of ignored) {
    it(`ignores ${why}`, () => assert.equal(checkKeyedValue(category, value, relation), undefined));
  }
});

/** Look-alikes from real code (the Python standard library, job configs): every one was once a false finding. */
describe('detectors/keyed: what the key says the value must look like', () => {
  type Relation = Parameters<typeof checkKeyedValue>[2];
  const reported: [Category, string, Relation, string][] = [
    ['geographic', '02115', 'assign', 'zip'], ['geographic', '02115-1234', 'table', 'zip_code'],
    ['geographic', 'SW1A 1AA', 'assign', 'postcode'], ['geographic', 'K1A 0B1', 'table', 'postal_code'],
    ['geographic', '12 Elm Street', 'assign', 'address'], ['geographic', 'Springfield', 'assign', 'city'],
    ['name', 'jane q public', 'in-list', 'member_name'], ['name', 'okafor', 'table', 'last_name'],
    ['device-id', '(01)00850013784216(21)ZZ1900047', 'table', 'udi'],
    ['geographic', '12 Elm Street', 'table', 'Residence'], ['geographic', 'N1234 Zzyzx Rd K', 'table', 'residence'],
  ];
  for (const [category, value, relation, key] of reported) {
    it(`reports a ${category} value under \`${key}\` (${relation})`, () => assert.ok(checkKeyedValue(category, value, relation, placeKindOf(key))));
  }

  const ignored: [Category, string, Relation, string, string][] = [
    ['geographic', 'ZIP file', 'assign', 'zip', 'a file format under `zip`'],
    ['geographic', 'application/zip', 'assign', '.zip', 'a MIME type'],
    ['geographic', 'localhost', 'assign', 'address', 'a host name under `address`'],
    ['geographic', 'http://', 'assign', 'address', 'a URL scheme'],
    ['geographic', 'ops@clinic.example', 'assign', 'address', 'an e-mail address'],
    ['geographic', 'Boston', 'equals', 'city', 'a city filter'],
    ['geographic', 'own home', 'table', 'residence', 'a kind of home under `residence`'],
    ['geographic', 'Zzyzx Assisted Living', 'table', 'residence', 'a facility under `residence`'],
    ['geographic', 'Zzyzx Kidney Center, 1900 N Quennell Ave', 'table', 'address', 'a site named before its street'],
    ['name', 'imap', 'in-list', 'member_name', 'a lower-case token in code'],
    ['geographic', '036', 'in-list', 'zip', 'a ZIP3 of the Safe Harbor restricted list'],
    ['device-id', '(01)00850013784216(17)250430(10)FIT24D071', 'table', 'udi', "a product's UDI with its lot and no serial"],
    ['phone', '1-800-555-0142', 'table', 'phone', "a toll-free number under `phone` (an assistance programme's line)"],
  ];
  for (const [category, value, relation, key, why] of ignored) {
    it(`ignores ${why}`, () => assert.equal(checkKeyedValue(category, value, relation, placeKindOf(key)), undefined));
  }

  it('counts a single word under a bare `name` key only when it is a known given name or surname', () => {
    for (const word of ['Deque', 'Jython', 'Quoter', 'Linux', 'Cohort']) assert.equal(checkBareNameValue(word), undefined, word);
    assert.ok(checkBareNameValue('Linda Okafor'));
    assert.ok(checkBareNameValue('Smith'));
  });
});

describe('detectors/keyed: checkPersonTableValue', () => {
  it('reads initials under an initials column as a name; other columns keep their own checks', () => {
    for (const value of ['ZQX', 'Z.Q.', 'ZQ']) {
      const c = checkPersonTableValue('subject_initials', 'name', ` ${value}`);
      assert.ok(c, value);
      assert.deepEqual([c.category, c.start, c.end], ['name', 1, 1 + value.length]);
      assert.ok(!c.redacted.includes(value));
    }
    for (const value of ['zqx', 'ZQXWV', 'Z1', 'N/A']) assert.equal(checkPersonTableValue('initials', 'name', value), undefined, value);
    assert.ok(checkPersonTableValue('first', 'name', 'Zelphine'));
  });
});

describe('detectors/keyed: checkEncounterValue', () => {
  it("counts an encounter's number only when formatted as people read it off a chart", () => {
    assert.ok(isEncounterKey('enc_id') && isEncounterKey('encounterId') && !isEncounterKey('enc'));
    for (const value of ['ZZ24-0187736', 'V00551902']) assert.equal(checkEncounterValue(value, 'equals')?.category, 'other-id', value);
    for (const value of ['1187736', 'iso-8859-1', 'E24-0187', 'TEST-0012345']) assert.equal(checkEncounterValue(value, 'equals'), undefined, value);
  });
});

describe('detectors/keyed: keys of a call centre\'s staff', () => {
  it('reads an agent\'s name as workforce and a role with a staff prefix as a role column, and not a patient\'s role', () => {
    assert.ok(isWorkforceKey('agent_name'));
    assert.ok(isStaffRoleKey('agent_role'));
    assert.ok(isStaffRoleKey('provider_title'));
    assert.ok(!isStaffRoleKey('patient_role'));
    assert.ok(!isStaffRoleKey('agent_role_count'));
  });
});
