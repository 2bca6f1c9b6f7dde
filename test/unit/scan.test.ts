import { strict as assert } from 'node:assert';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { scanText } from '../../server/src/engine/scan';

/** A notebook whose one output is a Spark grid of `rows` synthetic record numbers under an `mrn` column. */
function notebookWithMrnGrid(rows: number): { text: string; values: string[] } {
  const values = Array.from({ length: rows }, (_, i) => `9${String(i).padStart(7, '0')}`);
  const border = '+--------+';
  const grid = [border, '|     mrn|', border, ...values.map((v) => `|${v}|`), border].join('\n');
  const cell = {
    cell_type: 'code', execution_count: 1, metadata: {}, source: ['df.show()'],
    outputs: [{ output_type: 'stream', name: 'stdout', text: grid }],
  };
  const text = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: 'python' } }, cells: [cell] });
  return { text, values };
}

/** A Databricks source notebook (Python) of the given lines. */
function source(lines: string[]): string {
  return ['# Databricks notebook source', ...lines, ''].join('\n');
}

/** Each finding of the scan as its category, the key that typed it and the text it covers. */
function typedFindings(path: string, text: string): (string | undefined)[][] {
  return scanText(path, text).findings.map((f) => [f.category, f.contextKey, text.slice(f.range.startOffset, f.range.endOffset)]);
}

/** A notebook whose one output is the given lines, printed as a stream. */
function notebookPrinting(lines: string[]): string {
  const cell = {
    cell_type: 'code', execution_count: 1, metadata: {}, source: ['df.show()'],
    outputs: [{ output_type: 'stream', name: 'stdout', text: lines.join('\n') }],
  };
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: 'python' } }, cells: [cell] });
}

describe('scan: scanText', () => {
  it('finds free-text PHI in an untyped column beside values a typed column already found', () => {
    // The mrn column's values are judged by their column and blanked before the free-text pass; the note column
    // types nothing, so its email address is found by the free-text pass.
    const border = '+--------+--------------------------------+';
    const email = 'synthetic.person@example.org';
    const text = notebookPrinting([border, '|     mrn|                            note|', border,
      `|90000001|${email.padStart(32)}|`, '|90000002|                       no answer|', border]);
    const findings = scanText('grid.ipynb', text).findings;
    assert.deepEqual(findings.map((f) => [f.category, f.contextKey]), [['mrn', 'mrn'], ['email', undefined], ['mrn', 'mrn']]);
    const emailAt = text.indexOf(email);
    assert.deepEqual([findings[1].range.startOffset, findings[1].range.endOffset], [emailAt, emailAt + email.length]);
  });

  it('reports a table of 150,000 rows, one finding per row, without an error', () => {
    const { text, values } = notebookWithMrnGrid(150_000);
    const result = scanText('big.ipynb', text);
    assert.equal(result.error, undefined);
    assert.equal(result.findings.length, values.length);
    assert.ok(result.findings.every((f) => f.category === 'mrn' && f.contextKey === 'mrn'));
    // Ordered by position, and never holding a value in its message.
    for (let i = 1; i < result.findings.length; i++) assert.ok(result.findings[i - 1].range.startOffset < result.findings[i].range.startOffset);
    assert.ok(!result.findings.some((f, i) => f.message.includes(values[i])));
  });

  it("reads a key by each configuration's own context words, whichever document came before", () => {
    // Key classes are shared between documents of one configuration; a configured word must not leak into another's.
    const text = notebookPrinting(['+-------------+', '| zorblatt_ref|', '+-------------+', '|   ZZ90000417|', '+-------------+']);
    const configured = resolveConfig({ contextWords: { mrn: ['zorblatt_ref'] } });
    const categories = (config?: ResolvedConfig) => scanText('grid.ipynb', text, { config }).findings.map((f) => f.category);
    assert.deepEqual(categories(configured), ['mrn']);
    assert.deepEqual(categories(), []);
    assert.deepEqual(categories(resolveConfig({ contextWords: { mrn: ['another_ref'] } })), []);
    assert.deepEqual(categories(configured), ['mrn']);
  });
});

/** Workforce identities in Databricks code: grants, job notifications, owners and module metadata name staff, not patients. */
describe('scan: a pager', () => {
  it("reads a number after `pager` as the workforce's, whoever the line names", () => {
    const notebook = source(['# MAGIC %md', '# MAGIC The switch report lives in `zz_switch_alerts.ipynb` (owner Khanh Zzyzx, pager 412-555-0183).']);
    assert.deepEqual(scanText('synthetic_pager.py', notebook).findings.map((f) => f.category), []);
  });
});

describe('scan: workforce identities in code', () => {
  const staff = ['ann.example', 'staff'].join('.') + '@' + 'zzyzx-widgets.com';

  it('reads neither a GRANT principal in a query string nor literals under notification, owner or metadata keys', () => {
    const text = source([
      `spark.sql("GRANT SELECT ON TABLE clinical.gold.encounters TO \`${staff}\`")`,
      `spark.sql("REVOKE MODIFY ON SCHEMA clinical.gold FROM \`${staff}\`")`,
      `job = w.jobs.create(name="nightly", email_notifications=jobs.JobEmailNotifications(on_failure=["${staff}"]))`,
      `owner_email = "${staff}"`,
      `__author__ = "Ann Example <${staff}>"`,
    ]);
    assert.deepEqual(scanText('synthetic_jobs.py', text).findings.map((f) => f.category), []);
  });

  it('still reports the same address where a patient would be meant, and not alone under an untyped key', () => {
    const text = source([
      `df = spark.sql("SELECT * FROM gold.patients WHERE email = '${staff}'")`,
      `notify = "${staff}"`,
      `patient_email = "${staff}"`,
      `note = "pt email ${staff}"`,
    ]);
    assert.deepEqual(scanText('synthetic_patients.py', text).findings.map((f) => [f.category, f.range.line]), [['email', 1], ['email', 3], ['email', 4]]);
  });

  it("reads an organisation's phone and fax under its own keys as the organisation's, and a patient's as the patient's", () => {
    const text = source(['CLINIC_PHONE = "478-555-0100"', 'HUB_MAIN_LINE = "478-555-0101"', 'BROKER_FAX = "478-555-0149"', 'patient_phone = "478-555-0102"']);
    assert.deepEqual(scanText('synthetic_contacts.py', text).findings.map((f) => [f.category, f.range.line]), [['phone', 4]]);
  });
});

describe('scan: tables of rows written as code', () => {
  const categories = (path: string, text: string): string[] => scanText(path, text).findings.map((f) => f.category);

  it("reads records of staff by a role key (`embryologist_id`), a roster by its FTEs, and a unit's fax beside its manager as theirs", () => {
    const lab = source([
      'staff = pd.DataFrame.from_records([',
      '    {"embryologist_id": "EMB-05", "name": "Harold Zorblatt-Vell", "cert": "TS (ABB)", "icsi_cases": 88},',
      '    {"embryologist_id": "EMB-07", "name": "Gretchen Zzyzx", "cert": "ELD", "icsi_cases": 71},',
      '])',
    ]);
    assert.deepEqual(categories('synthetic_embryologists.py', lab), []);
    const roster = [
      'targets <- tibble::tribble(',
      '  ~discipline, ~lead,                 ~phone,          ~fte,',
      '  "PT",        "Harold Zorblatt-Vell", "(312) 555-0162", 9.5,',
      '  "SLP",       "Gretchen Zzyzx",       "312.555.0164",   2.5',
      ')',
    ].join('\n');
    assert.deepEqual(categories('synthetic_rehab_leads.r', roster), []);
    const units = source([
      'UNITS = {',
      '    "NICU-3": {"floor": 3, "phone": "617-555-0148", "fax": "617-555-0149", "manager": "Harold Zorblatt-Vell, MSN"},',
      '}',
    ]);
    assert.deepEqual(categories('synthetic_units.py', units), []);
  });

  it("reads an INSERT with no column list by the CREATE TABLE another cell declares: a patient's row, a table of machines", () => {
    const notebook = (columns: string, row: string) => [
      '-- Databricks notebook source', `CREATE TABLE zz.ref (${columns})`, '', '-- COMMAND ----------', '', `INSERT INTO zz.ref VALUES ${row};`, '',
    ].join('\n');
    const patients = notebook('mrn STRING, full_name STRING, home_city STRING', "('00719460', 'Harold Zorblatt', 'Oakport')");
    assert.deepEqual(categories('synthetic_declared_patients.sql', patients), ['mrn', 'name', 'geographic']);
    const pumps = notebook('window_id STRING, pump_model STRING, pump_serial STRING, calib_by STRING', "('WINDOW-1', 'ZZ Dispenser MDD-3', 'ZZMDD3-19-004471', 'Harold Zorblatt, RN')");
    assert.deepEqual(categories('synthetic_declared_pumps.sql', pumps), []);
  });

  it("reads a DataFrame of equipment (a modality column, no person's) as the organisation's machines", () => {
    const scanners = source([
      'SCANNERS = pd.DataFrame([',
      '    ("ZZ_CT1", "CT", "ZZVENDOR", "ZZ73410X", "10.20.31.11"),',
      '    ("ZZ_MR1", "MR", "ZZVENDOR", "ZZ175582", "10.20.32.21"),',
      '], columns=["ae_title", "modality", "vendor", "serial", "ip"])',
      '# ZZ73410X was recalibrated last week',
    ]);
    assert.deepEqual(categories('synthetic_scanners.py', scanners), []);
    const implants = source([
      'IMPLANTS = pd.DataFrame([("00719460", "CT", "ZZ73410X")], columns=["mrn", "modality", "serial"])',
    ]);
    assert.deepEqual(categories('synthetic_implants.py', implants), ['mrn', 'device-id']);
  });

  it("reads INSERT rows of sites as the sites' addresses, and of patients as the patients'", () => {
    const sites = "INSERT INTO ref.sites (site_id, facility_name, street, zip) VALUES ('ZZ-01', 'Zzyzx Medical Center', '42 Zzyzx Ln', '94607');";
    assert.deepEqual(categories('synthetic_sites.sql', sites), []);
    const homes = "INSERT INTO stage.patients (mrn, street, zip) VALUES ('00719460', '42 Zzyzx Ln', '94607');";
    assert.deepEqual(categories('synthetic_homes.sql', homes), ['mrn', 'geographic', 'geographic']);
  });

  it('reads the rows of an inline VALUES table by the columns its alias names: sites, then patients', () => {
    const sites = [
      'SELECT * FROM VALUES',
      "  ('ZZ-01', 'Zzyzx Regional', '42 Zzyzx Ln, Oakland CA 94607', '(510) 555-0100'),",
      "  ('ZZ-02', 'Zzyzx North', '7 Zorblatt Way, Oakland CA 94610', '(510) 555-0200')",
      'AS sites(site_code, site_name, address, main_phone);',
    ].join('\n');
    assert.deepEqual(categories('synthetic_inline_sites.sql', sites), []);
    const patients = "SELECT * FROM VALUES ('ZZ00418827', 'Testa Zorblatt', '(510) 555-0137') AS t(mrn, patient_name, phone);";
    assert.deepEqual(categories('synthetic_inline_patients.sql', patients), ['mrn', 'name', 'phone']);
  });

  it("reads rows with a role column as staff's names and addresses", () => {
    const team = source([
      'TEAM = spark.createDataFrame([("Data steward", "Harold Zorblatt", "hzorblatt@zzyzx-health.example.org")], ["role", "name", "email"])',
    ]);
    assert.deepEqual(categories('synthetic_team.py', team), []);
  });

  it("reads the contact column of rows of sites as the sites' staff, as a printed table's", () => {
    const sites = source([
      'SNF = spark.createDataFrame([("65118", "Zzyzx Valley Rehab", "Loveland", "Harold Zorblatt")], ["ccn", "facility_name", "city", "admissions_contact"])',
    ]);
    assert.deepEqual(categories('synthetic_snf_sites.py', sites), []);
    const patients = source([
      'SNF = spark.createDataFrame([("00719460", "Zzyzx Valley Rehab", "Harold Zorblatt")], ["mrn", "facility_name", "admissions_contact"])',
    ]);
    assert.deepEqual(categories('synthetic_snf_patients.py', patients), ['mrn', 'name']);
  });
});

describe('FHIR resources in code and outputs', () => {
  it('reads a Patient kept in a string as the record it is, and a non-person resource not at all', () => {
    const text = source([
      'DEBUG_PATIENT = """',
      '{"resourceType": "Patient", "identifier": [{"system": "https://example.invalid/sid/enterprise-id", "value": "ZZEMPI0001234"}],',
      ' "birthDate": "1900-11-02", "address": [{"city": "Testville", "postalCode": "00001"}]}', '"""',
      'ORG = """{"resourceType": "Organization", "identifier": [{"system": "https://example.invalid/sid/mrn", "value": "ZZ0001234"}]}"""',
    ]);
    const found = typedFindings('synthetic_fhir_string.py', text);
    assert.deepEqual(found, [
      ['other-id', 'empi', 'ZZEMPI0001234'], ['date', 'birthDate', '1900-11-02'], ['geographic', 'city', 'Testville'], ['geographic', 'postalCode', '00001'],
    ]);
  });
  it("types a Patient's family and given names and its deceasedDateTime, and no font family", () => {
    const text = [
      '# Databricks notebook source',
      'patient = {"name": [{"family": "Whitaker", "given": ["Denise"]}], "deceasedDateTime": "2024-04-02"}',
      'style = {"family": "Roboto", "size": 12}', '',
    ].join('\n');
    const found = typedFindings('synthetic_fhir.py', text);
    assert.deepEqual(found, [['name', 'family', 'Whitaker'], ['name', 'given', 'Denise'], ['date', 'deceasedDateTime', '2024-04-02']]);
  });
});

describe('tables typed into strings', () => {
  it("reads inline CSV for read_csv(io.StringIO(...)) by its header, and a staff roster's names as staff's", () => {
    const text = source([
      'returned = pd.read_csv(io.StringIO("""',
      'member_id,name,addr1,city,zip',
      'ZQ0018822,"ZORBLATT, QUENNELLA",100 Zorblatt Rd Trlr 6,TESTVILLE,00001',
      '"""))',
      'roster = pd.read_csv(io.StringIO("""',
      'staff_name,role,pager',
      'Zzyzx Quennell,charge RN,4411',
      '"""))',
    ]);
    assert.deepEqual(typedFindings('synthetic_inline_csv.py', text), [
      ['health-plan-id', 'member_id', 'ZQ0018822'], ['name', 'name', 'ZORBLATT, QUENNELLA'], ['geographic', 'addr1', '100 Zorblatt Rd Trlr 6'],
      ['geographic', 'city', 'TESTVILLE'], ['geographic', 'zip', '00001'],
    ]);
  });
});

describe('XML in strings, comments and Markdown', () => {
  it("reads an eRx message in a string by its elements, not as SQL, and no prescriber's name", () => {
    const text = source([
      'msg = """',
      '<Patient><HumanPatient><Name><LastName>Zorblatt</LastName><FirstName>Quennella</FirstName></Name>',
      '<DateOfBirth><Date>1948-01-05</Date></DateOfBirth></HumanPatient></Patient>',
      '<Prescriber><NonVeterinarian><Name><LastName>Begorbla</LastName></Name></NonVeterinarian></Prescriber>',
      '"""',
    ]);
    assert.deepEqual(typedFindings('synthetic_erx.py', text), [
      ['name', 'LastName', 'Zorblatt'], ['name', 'FirstName', 'Quennella'], ['date', 'DateOfBirth', '1948-01-05'],
    ]);
  });
});

describe('commented-out code', () => {
  it('checks the keyed literals of a comment that reads as code, and not a comment of prose', () => {
    const text = source([
      '# contacts.loc[contacts.member_id.isin(["ZZ0488173", "ZZ1107642"])] at the time:',
      '# the member_id list is in the ticket, "see above" said the nurse', '', '-- not python',
    ]);
    const found = scanText('synthetic_commented.py', text).findings.map((f) => [f.category, f.contextKey, f.ruleId, text.slice(f.range.startOffset, f.range.endOffset)]);
    assert.deepEqual(found, [
      ['health-plan-id', 'member_id', 'phi/comment', 'ZZ0488173'], ['health-plan-id', 'member_id', 'phi/comment', 'ZZ1107642'],
    ]);
    const sql = ['-- Databricks notebook source', "-- AND m.subscriber_id = 'ZZ00418826'", 'SELECT 1', ''].join('\n');
    assert.deepEqual(scanText('synthetic_commented.sql', sql).findings.map((f) => [f.category, f.range.line]), [['health-plan-id', 1]]);
  });
});

describe("a notebook's change log", () => {
  it('reads the names under `who` as staff', () => {
    const cell = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: [
      '### Change log\n', '| date | who | what |\n', '|---|---|---|\n', '| 2024-02-12 | I. Zorblatt-Barros | first cut |\n',
      '| 2024-03-04 | Rahul Zorblattaraghavan | moved to UC, `bh_pharm` catalog |'] }] });
    assert.deepEqual(typedFindings('synthetic_changelog.ipynb', cell), []);
    // A call list of patients under `who` stays theirs, and so do their names elsewhere in the file.
    const calls = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: [
      '| who | MRN | last INR |\n', '|---|---|---|\n', '| ZORBLATT, LORETTA | ZZ-0418823 | 4.1 |\n'] },
    { cell_type: 'markdown', metadata: {}, source: ['Called ZORBLATT, LORETTA about her INR.'] }] });
    assert.equal(typedFindings('synthetic_calls.ipynb', calls).filter(([category]) => category === 'name').length, 2);
  });
});

describe('Markdown about the team', () => {
  it('reads no names under an ownership heading, and reads the next section again', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ### On-call / ownership', '# MAGIC | job | primary | secondary |', '# MAGIC |---|---|---|',
      '# MAGIC | ingest | Dorothy Testerman | Lena Zzmarchetti |', '# MAGIC ### Reviewer notes', '# MAGIC * **Dorothy Testerman** readmitted from the SNF',
    ]);
    const found = scanText('synthetic_owners.py', text).findings.map((f) => [f.category, f.range.line]);
    assert.deepEqual(found, [['name', 7]]);
  });

  it('reads no names in the block a rota lead-in line introduces, and reads the block after its blank line again', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC * on-call rotation (pages via PagerDuty service `sleep-data`):', '# MAGIC',
      '# MAGIC | week of | primary | secondary |', '# MAGIC |---|---|---|', '# MAGIC | 2024-10-07 | Dorothy Testerman | Lena Zzmarchetti |',
      '# MAGIC', '# MAGIC * **Lena Zzmarchetti** readmitted from the SNF',
      '# MAGIC', '# MAGIC Theo, the vendor wants us to reconcile. Their list vs ours:', '# MAGIC | Patient | Phone |', '# MAGIC |---|---|',
      '# MAGIC | ZORBLATT, QUENNELL | 505-555-0627 |',
    ]);
    const found = scanText('synthetic_rota.py', text).findings.map((f) => [f.category, f.range.line]);
    assert.deepEqual(found, [['name', 8], ['name', 13], ['phone', 13]]);
  });
});

describe('Markdown about the team, introduced by a line', () => {
  it('reads no names under a rota lead-in in a cell with no heading or bold text at all', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC on-call rotation (pages via PagerDuty):', '# MAGIC | week of | primary | secondary |', '# MAGIC |---|---|---|',
      '# MAGIC | 2024-10-07 | Dorothy Testerman | Lena Zzmarchetti |',
    ]);
    assert.deepEqual(scanText('synthetic_rota_plain.py', text).findings.map((f) => [f.category, f.range.line]), []);
  });
  it('reads no address or phone in a paragraph that begins by naming the sites it lists, and reads the next paragraph again', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC Sites: Zzyzx Main Dermatology, 1801 Zorblatt Blvd NE, Albuquerque, NM 87106, (505) 555-0190 ·',
      '# MAGIC Zzyzx North clinic, 455 Quennell Dr, Santa Fe, NM 87505, (505) 555-0233.', '# MAGIC',
      '# MAGIC Patient moved to 77 Zorblatt Ln, Santa Fe, NM 87505, cell (505) 555-0177.',
    ]);
    assert.deepEqual(scanText('synthetic_sites_inline.py', text).findings.map((f) => [f.category, f.range.line]), [['geographic', 5], ['phone', 5]]);
  });
});

describe('Markdown about partners and vendors', () => {
  it('reads no contact under a partners heading, and a patient under the next heading', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ### Community partners on the MOU', '# MAGIC | partner | type | liaison | phone | email |', '# MAGIC |---|---|---|---|---|',
      '# MAGIC | Zzyzx Home Infusion | pharmacy | Quennell Zorblatt, PharmD | 727-555-0188 | qzorblatt@zzyzx-infusion.example.com |',
      '# MAGIC ### Follow-up', '# MAGIC Called Marta Zzyzx at 727-555-0199 about her PICC.',
    ]);
    const found = scanText('synthetic_partners.py', text).findings.map((f) => [f.category, f.range.line]);
    assert.deepEqual(found, [['name', 7], ['phone', 7]]);
  });

  it('reads a home service line (home infusion, home health) in a partners heading as the organisation\'s, and a heading about a patient\'s home as theirs', () => {
    const rows = ['# MAGIC | partner | liaison | phone |', '# MAGIC |---|---|---|', '# MAGIC | Zzyzx Infusion | Quennell Zorblatt | 727-555-0188 |'];
    const partners = source(['# MAGIC %md', '# MAGIC ### Home infusion partners', ...rows]);
    assert.deepEqual(scanText('synthetic_home_partners.py', partners).findings.map((f) => [f.category, f.range.line]), []);
    const visits = source(['# MAGIC %md', '# MAGIC ### Home visit partners', ...rows]);
    assert.deepEqual(scanText('synthetic_home_visits.py', visits).findings.map((f) => [f.category, f.range.line]), [['phone', 5]]);
  });

  it('reads a clinical escalation heading as any other: a caller there is a patient', () => {
    const text = source(['# MAGIC %md', '# MAGIC ### Escalation', '# MAGIC Caller Marta Zzyzx, phone 727-555-0199, asked about her PICC.']);
    assert.deepEqual(scanText('synthetic_escalation.py', text).findings.map((f) => [f.category, f.range.line]), [['name', 3], ['phone', 3]]);
  });
});

describe("a patient's portal user name", () => {
  it('reads a handle under a portal user key in a log line and a printed table (where it makes the row\'s dates the patient\'s), and no bare word or test account', () => {
    const text = source([
      'logger.info("login ok portal_user=qzorblatt63 from 10.0.0.1")',
      'portal_user = "guest"',
      'mychart_login = "test.user01"',
      '# MAGIC %md', '# MAGIC ```',
      '# MAGIC          portal_user              sent_at',
      '# MAGIC 14  quennell.zzyzx  2025-03-03 19:42:07',
      '# MAGIC ```',
    ]);
    const found = scanText('synthetic_portal.py', text).findings.map((f) => [f.category, text.slice(f.range.startOffset, f.range.endOffset)]);
    assert.deepEqual(found, [['other-id', 'qzorblatt63'], ['other-id', 'quennell.zzyzx'], ['date', '2025-03-03 19:42:07']]);
  });
});

describe('tests of a scrubber', () => {
  it('reads no sample of a loop whose body asserts what the scrubber makes of each, and reads a loop that only prints them', () => {
    const text = source([
      'for p in ["808-555-0100", "(808) 555-0100"]:',
      '    assert scrub(f"call {p}") == "call [PHONE]", p',
      'for p in ["808-555-0142"]:',
      '    print(p)',
      '',
      '',
      'x = "[PHONE]"',
    ]);
    assert.deepEqual(scanText('synthetic_scrub_loop.py', text).findings.map((f) => [f.category, f.range.line]), [['phone', 3]]);
  });

  it('reads no value in a literal on a line that shows what the scrubber makes of it, and still reads one elsewhere', () => {
    const text = source([
      'assert scrub("call back 808-555-0100 or zorblatt@gmail.com") == "call back [PHONE] or [EMAIL]"',
      'note = "call back 808-555-0100"',
    ]);
    assert.deepEqual(scanText('synthetic_scrub.py', text).findings.map((f) => [f.category, f.range.line]), [['phone', 2]]);
  });
});

describe('Markdown about the sites', () => {
  it("reads no address block under a Sites heading or a bold Sites line, and reads a patient's after the next heading", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ### Sites', '# MAGIC **Zzyzx Infusion – Main**', '# MAGIC 4100 N Zorblatt Creek Blvd, Bldg C',
      '# MAGIC Spokane, WA 99208', '# MAGIC (509) 555-0150 · fax (509) 555-0151', '', '# COMMAND ----------', '', '# MAGIC %md', '# MAGIC **Sites**', '# MAGIC',
      '# MAGIC Zzyzx Infusion — Valley', '# MAGIC 15220 E Zorblatt Ave, Suite 110', '# MAGIC (509) 555-0155', '# MAGIC ### Follow-up',
      '# MAGIC Maria Garcia moved to 42 Qorb Ln, Spokane, WA 99208, cell (509) 555-0177',
    ]);
    assert.deepEqual(scanText('synthetic_sites_note.py', text).findings.map((f) => [f.category, f.range.line]), [
      ['name', 17], ['geographic', 17], ['phone', 17],
    ]);
  });

  it("takes the names of a table of sites under a Sites heading as the sites', and not a person's elsewhere", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ### Sites in scope', '# MAGIC | facility_code | name | main line |', '# MAGIC |---|---|---|',
      '# MAGIC | ZZ-TNM | Zzyzx Tanner Mills Community Hospital | 717-555-0450 |', '', '# COMMAND ----------', '', '# MAGIC %md',
      '# MAGIC Small-n months at Tanner Mills swing a lot.',
    ]);
    assert.deepEqual(typedFindings('synthetic_sites_scope.py', text), []);
  });
});

describe('FHIR columns', () => {
  it('reads a flattened Patient print: family and given columns are names', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ```',
      '# MAGIC              id  family    given   birthDate', '# MAGIC 22  pt-0000aaaa  Zzvoss  Eleanor  1900-11-03', '# MAGIC ```',
    ]);
    const found = typedFindings('synthetic_fhir_print.py', text);
    assert.deepEqual(found, [['name', 'family', 'Zzvoss'], ['name', 'given', 'Eleanor'], ['date', 'birthDate', '1900-11-03']]);
  });
});

describe('tables pasted into comments and Markdown', () => {
  // Synthetic values only; each test checks where the finding sits and which column typed it.
  const grid = [
    '# +---------+----------+-----------+',
    '# |local_mrn|last_name |dob        |',
    '# +---------+----------+-----------+',
    '# |90000417 |OKAFOR    |1961-04-23 |',
    '# +---------+----------+-----------+',
  ];

  it("reads an event's date and a name part after its owner's word in a table that names its people", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | MRN | Arrival | DTN (min) |', '# MAGIC |---|---|---|',
      '# MAGIC | 90000417 | 05/22/2023 | 71 |', '', '# COMMAND ----------', '# |mrn     |pat_first |', '# |90000418|HAROLD    |',
    ]);
    assert.deepEqual(typedFindings('synthetic_arrivals.py', text), [['mrn', 'MRN', '90000417'], ['date', 'Arrival', '05/22/2023'], ['mrn', 'mrn', '90000418'], ['name', 'pat_first', 'HAROLD']]);
    const counts = ['# Databricks notebook source', '# MAGIC %md', '# MAGIC | Arrival | Visits |', '# MAGIC |---|---|', '# MAGIC | 05/22/2023 | 71 |', ''].join('\n');
    assert.deepEqual(typedFindings('synthetic_arrival_counts.py', counts), []);
  });

  it("reads a program's record numbers in a table that names its people, and not in a table of counts", () => {
    const people = ['# Databricks notebook source', '# |case_id    |pt_last   |pt_phone    |', '# |ZZ-0093312 |ZORBLATT  |478-555-0144|', ''].join('\n');
    assert.deepEqual(typedFindings('synthetic_cases.py', people), [['other-id', 'case_id', 'ZZ-0093312'], ['name', 'pt_last', 'ZORBLATT'], ['phone', 'pt_phone', '478-555-0144']]);
    const counts = ['# Databricks notebook source', '# |case_id    |status |n  |', '# |ZZ-0093312 |OPEN   |12 |', ''].join('\n');
    assert.deepEqual(typedFindings('synthetic_case_counts.py', counts), []);
  });

  it('types a show() grid in comments by its header, each value at its own place', () => {
    const text = ['# Databricks notebook source', 'df.show()', ...grid, 'x = 1', ''].join('\n');
    const found = typedFindings('synthetic_grid.py', text);
    assert.deepEqual(found, [['mrn', 'local_mrn', '90000417'], ['name', 'last_name', 'OKAFOR'], ['date', 'dob', '1961-04-23']]);
  });

  it('reads a pandas print in a Markdown cell, and not a key: value line of prose there', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC Owner: Data Engineering', '# MAGIC ```',
      '# MAGIC         mrn    admit_dt', '# MAGIC 0  90000418  2023-12-29', '# MAGIC ```',
    ]);
    const found = scanText('synthetic_md.py', text).findings.map((f) => [f.category, text.slice(f.range.startOffset, f.range.endOffset)]);
    assert.deepEqual(found, [['mrn', '90000418'], ['date', '2023-12-29']]);
  });

  it('reads query results pasted as fixed-width text in SQL comments and in a Markdown fence', () => {
    const text = [
      '-- Databricks notebook source', 'SELECT 1', '', '-- COMMAND ----------', '',
      '-- Result pasted for the huddle:', '-- har         guarantor_account  adm_date    total_charges',
      '-- 0000418823  G00448120          2024-04-15  48,211.90', '', '-- COMMAND ----------', '',
      '-- MAGIC %md', '-- MAGIC ```', '-- MAGIC claim_id        cardholder_id    rx_number', '-- MAGIC 0000031277      ZZQ000455203     RX0031842',
      '-- MAGIC ```', '',
    ].join('\n');
    const found = typedFindings('synthetic_results.sql', text);
    assert.deepEqual(found, [
      ['account-number', 'har', '0000418823'], ['account-number', 'guarantor_account', 'G00448120'], ['date', 'adm_date', '2024-04-15'],
      ['health-plan-id', 'cardholder_id', 'ZZQ000455203'], ['other-id', 'rx_number', 'RX0031842'],
    ]);
  });

  it("passes over every cell of a row of a table of organisations whose line the row gives", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | org | line | notes |', '# MAGIC |---|---|---|',
      '# MAGIC | Zzyzx Print Solutions | 630.555.0185 | 4471 Zzyzx Rd, Naperville, IL 60567 |',
    ]);
    assert.deepEqual(typedFindings('synthetic_vendor_lines.py', text), []);
  });

  it("reads a Ryan White client's name and record number in a table that gives the client's birth date", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | urn | client_name | dob | phone_primary |', '# MAGIC |---|---|---|---|',
      '# MAGIC | ZZTE0817681 | Zorblatt, Testa | 1968-08-17 | (901) 555-4418 |',
    ]);
    assert.deepEqual(typedFindings('synthetic_rw_clients.py', text), [
      ['other-id', 'urn', 'ZZTE0817681'], ['name', 'client_name', 'Zorblatt, Testa'], ['date', 'dob', '1968-08-17'], ['phone', 'phone_primary', '(901) 555-4418'],
    ]);
  });

  it("passes over a name in the role cell of a table of staff, whose mail the table reader judged", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | who | role | email | phone |', '# MAGIC |---|---|---|---|',
      '# MAGIC | Zzyzx RTLS | support / TAM Harold Zorblatt | hzorblatt@zzyzx-rtls.example.com | (415) 555-0128 |',
    ]);
    assert.deepEqual(typedFindings('synthetic_vendor_contacts.py', text), []);
  });

  it('reads CSV pasted into a Markdown fence by its header', () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ```', '# MAGIC clinic,mrn,patient,dob,phone',
      '# MAGIC ZZ-PEDS,ZZ00418827,Testa Zorblatt,02/11/2023,281-555-0137', '# MAGIC ```',
    ]);
    assert.deepEqual(typedFindings('synthetic_fix_list.py', text), [
      ['mrn', 'mrn', 'ZZ00418827'], ['name', 'patient', 'Testa Zorblatt'], ['date', 'dob', '02/11/2023'], ['phone', 'phone', '281-555-0137'],
    ]);
  });

  it("reads a bare name column and an HL7 name under a *_name column in a table that names people, and neither in a table of drugs", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ```', '# MAGIC mrn,name,dob,organ', '# MAGIC 30000917,"Zorblatt, Testa",1961-07-22,KI',
      '# MAGIC ```', '', '# COMMAND ----------', '',
      '# +------------------+----------+', '# |unet_name         |dob       |', '# +------------------+----------+',
      '# |ZORBLATT^TESTA    |07/22/1961|', '# +------------------+----------+', '',
      '# +------------------+--------------+', '# |drug_name         |name          |', '# +------------------+--------------+',
      '# |ZZYZX^ORAL        |Zzyzx Blend   |', '# +------------------+--------------+',
    ]);
    assert.deepEqual(typedFindings('synthetic_waitlist.py', text), [
      ['mrn', 'mrn', '30000917'], ['name', 'name', 'Zorblatt, Testa'], ['date', 'dob', '1961-07-22'],
      ['name', 'unet_name', 'ZORBLATT^TESTA'], ['date', 'dob', '07/22/1961'],
    ]);
  });

  it("reads an indented roster typed by hand, its names of several words and its values off their edges, as staff's", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC ```',
      '# MAGIC                   Name                Role     Cell / Pager',
      '# MAGIC    Testa Zorblatt-Quennell    Program Director    504-555-0101',
      '# MAGIC        Dylan Begorbla      ECMO Specialist   504-555-0102',
      '# MAGIC ```', '', '# COMMAND ----------', '',
      "# ('Week of', 'Primary ECMO Specialist', 'Pager')",
      "# (datetime.datetime(2024, 9, 30, 0, 0), 'Dylan Begorbla', '504-555-0102')",
    ]);
    assert.deepEqual(typedFindings('synthetic_ecmo_roster.py', text), []);
  });

  it('reads rows that open with organisations as a directory of sites, their contacts as staff, and no table of patients so', () => {
    const directory = source([
      'partners = spark.createDataFrame([',
      '    ("Zorblatt County EMS", "Chief Testa Quennell", "tquennell@zorblattems.example", "417-555-0100", "1204 Zorblatt St, Testville, MO 65785"),',
      '    ("Quennell Valley Hospital", "Zzyzx Begorbla, RN", "zbegorbla@qvh.example", "660-555-0182", "300 N Quennell St, Testville, MO 64722"),',
      '    ("AirZorb 7 (Testair)", "Dispatch", "dispatch@airzorb.example", "800-555-0147", "Hangar 3, Testville Airport, MO 65301"),',
      '    ("Begorbla Ambulance District", "Capt. Ann Zorblatt", "az@bad.example", "417-555-0136", "55 Depot Rd, Testville, MO 64744"),',
      '], "partner string, contact string, email string, phone string, address string")',
    ]);
    assert.deepEqual(typedFindings('synthetic_partners.py', directory), []);
    const transfers = source([
      'transfers = spark.createDataFrame([',
      '    ("Quennell Valley Hospital", "Zzyzx Begorbla", "1900-01-02", "417-555-0100"),',
      '    ("Testville County Hospital", "Testa Zorblatt", "1900-12-31", "417-555-0136"),',
      '], "sent_to string, patient_name string, dob string, phone string")',
    ]);
    assert.deepEqual(typedFindings('synthetic_transfers.py', transfers).map((f) => f[0]), ['name', 'date', 'phone', 'name', 'date', 'phone']);
  });

  it("reads no NPPES registry record pasted as comments, and a patient's number in the comment after it", () => {
    const text = source([
      '# {', '#   "results": [{', '#     "enumeration_type": "NPI-1",', '#     "basic": {"first_name": "TESTA", "last_name": "ZORBLATT"},',
      '#     "addresses": [{"address_purpose": "LOCATION", "address_1": "4401 ZORBLATT RD",',
      '#       "telephone_number": "816-555-0110", "fax_number": "816-555-0111"}]', '#   }]', '# }',
      '# patient callback 816-555-0142',
    ]);
    assert.deepEqual(typedFindings('synthetic_nppes.py', text), [['phone', undefined, '816-555-0142']]);
  });

  it('reads a roster with desk extensions and pagers as staff, and no other row of a bare name column on the word of a name found there', () => {
    const roster = source([
      '# MAGIC %md', '# MAGIC | name | language(s) | cert | ext | pager |', '# MAGIC |---|---|---|---|---|',
      '# MAGIC | Testa Zorblatt | Somali | CHI | x4-7711 | 9411 |', '# MAGIC | Zzyzx Qorb | Hmong | CMI | x4-7712 | 9412 |',
    ]);
    assert.deepEqual(typedFindings('synthetic_interpreters.py', roster), []);
    const languages = source([
      '# MAGIC %md', '# MAGIC | name | language(s) |', '# MAGIC |---|---|',
      '# MAGIC | Maria Garcia | Spanish |', '# MAGIC | Testa al-Zorblatt | Hmong |',
    ]);
    assert.deepEqual(typedFindings('synthetic_languages.py', languages), [['name', 'name', 'Maria Garcia']]);
  });

  it("reads a case's contacts beside their birth dates as people, and a site's contact as its staff", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | contact | rel | DOB |', '# MAGIC |---|---|---|',
      '# MAGIC | Zorblatt, Testa | mother | 02/11/1968 |', '', '# COMMAND ----------', '',
      '# MAGIC %md', '# MAGIC | site | address | contact |', '# MAGIC |---|---|---|', '# MAGIC | Zzyzx Clinic | 42 Qorb Ln | Zorblatt, Harold |',
    ]);
    assert.deepEqual(typedFindings('synthetic_tb_contacts.py', text), [['name', 'contact', 'Zorblatt, Testa'], ['date', 'DOB', '02/11/1968']]);
  });

  it("reads a programme's word for its people as their name in a table that gives their record number, and not in a table of software", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | mrn | client | dob |', '# MAGIC |---|---|---|',
      '# MAGIC | ZZ-0051290 | Testa Zorblatt Ruiz | 1987-03-19 |', '', '# COMMAND ----------', '',
      '# MAGIC %md', '# MAGIC | client | version | runs |', '# MAGIC |---|---|---|', '# MAGIC | Zzyzx Connector | 2.1.4 | 40 |',
    ]);
    assert.deepEqual(typedFindings('synthetic_vls.py', text), [
      ['mrn', 'mrn', 'ZZ-0051290'], ['name', 'client', 'Testa Zorblatt Ruiz'], ['date', 'dob', '1987-03-19'],
    ]);
  });

  it('reports the dates of a row that names a person, and no dates of a table of counts', () => {
    const text = source([
      'df.show()',
      '# +--------+----------+----------+----------+', '# |mrn     |adm_date  |disch_dt  |load_date |',
      '# +--------+----------+----------+----------+', '# |90000417|2024-02-11|2024-02-14|2024-06-01|',
      '# +--------+----------+----------+----------+', 'x = 1', '',
      '# +----------+-----+', '# |adm_date  |n    |', '# +----------+-----+', '# |2024-02-11|   41|', '# +----------+-----+',
    ]);
    const found = typedFindings('synthetic_stays.py', text);
    assert.deepEqual(found, [['mrn', 'mrn', '90000417'], ['date', 'adm_date', '2024-02-11'], ['date', 'disch_dt', '2024-02-14']]);
  });

  it('reads the full dates of columns no word types in a table that identifies its people, and no run of digits or counts by date', () => {
    const text = source([
      'cascade.show()',
      '# +--------+------------------+----------+----------+----------+--------+----------+',
      '# |mrn     |patient_name      |dob       |daa_start |svr_draw  |lot     |load_ts   |',
      '# +--------+------------------+----------+----------+----------+--------+----------+',
      '# |ZZ008221|Zorblatt, Quennell|1958-03-14|2024-01-22|2024-07-10|20240122|2024-08-01|',
      '# +--------+------------------+----------+----------+----------+--------+----------+', 'x = 1', '',
      '# +----------+----------+-----+', '# |daa_start |svr_draw  |n    |', '# +----------+----------+-----+',
      '# |2024-01-22|2024-07-10|   41|', '# +----------+----------+-----+',
    ]);
    assert.deepEqual(typedFindings('synthetic_cascade.py', text), [
      ['mrn', 'mrn', 'ZZ008221'], ['name', 'patient_name', 'Zorblatt, Quennell'], ['date', 'dob', '1958-03-14'],
      ['date', 'daa_start', '2024-01-22'], ['date', 'svr_draw', '2024-07-10'],
    ]);
  });

  it('reads rows written as code as a table: dates and name parts beside an identifier, none in a table of counts', () => {
    const text = [
      '# Databricks notebook source', 'pts <- data.frame(',
      '  mrn = c("ZZ-0418823", "ZZ-0522071"), first = c("Quennell", "Marta"),',
      '  result_dt = as.Date(c("2024-02-05", "2024-02-19")), inr = c(2.4, 3.6))',
      'counts <- data.frame(result_dt = c("2024-02-05", "2024-02-19"), n = c(41, 17))',
      '',
    ].join('\n');
    assert.deepEqual(typedFindings('synthetic_inr.r', text), [
      ['mrn', 'mrn', 'ZZ-0418823'], ['mrn', 'mrn', 'ZZ-0522071'], ['name', 'first', 'Quennell'], ['name', 'first', 'Marta'],
      ['date', 'result_dt', '2024-02-05'], ['date', 'result_dt', '2024-02-19'],
    ]);
    const scala = ['// Databricks notebook source', 'val df = Seq(("ZZ-0418824", "2024-03-05"), ("ZZ-0418825", "2024-03-06")).toDF("mrn", "svr_draw")', ''].join('\n');
    assert.deepEqual(typedFindings('synthetic_svr.scala', scala), [
      ['mrn', 'mrn', 'ZZ-0418824'], ['date', 'svr_draw', '2024-03-05'], ['mrn', 'mrn', 'ZZ-0418825'], ['date', 'svr_draw', '2024-03-06'],
    ]);
  });

  it('reads first and last as names beside a member id, and not in a table of runs', () => {
    const text = [
      '-- Databricks notebook source', 'SELECT 1', '', '-- member_id     first    last             dob',
      '-- ZZ0502877-01  Dorothy  Zztestlast-Huang  1900-12-03', '', '-- job         first       last        n',
      '-- ingest      Monday      Friday      41', '',
    ].join('\n');
    const found = typedFindings('synthetic_members.sql', text);
    assert.deepEqual(found, [
      ['health-plan-id', 'member_id', 'ZZ0502877-01'], ['name', 'first', 'Dorothy'], ['name', 'last', 'Zztestlast-Huang'], ['date', 'dob', '1900-12-03'],
    ]);
  });

  it('reads a log line of tight key=value pairs in a comment as one record, and not a line of code', () => {
    const text = [
      '-- Databricks notebook source', 'SELECT 1', '',
      '--   mrn=90000417 last=ZORBLATT-BONSU first=Kwame dod=1900-10-27 zip_last_residence=00430 ctrl=MSG00039920',
      '--   df = df.filter(x=1)', '',
    ].join('\n');
    const found = scanText('synthetic_log.sql', text).findings.map((f) => [f.category, f.contextKey ?? '', text.slice(f.range.startOffset, f.range.endOffset)]);
    assert.deepEqual(found, [
      ['mrn', 'mrn', '90000417'], ['name', 'last', 'ZORBLATT-BONSU'], ['name', 'first', 'Kwame'], ['date', 'dod', '1900-10-27'],
    ]);
  });

  it('reads a county beside a person, and not in a table of rates by county', () => {
    const text = source([
      'x = 1', '# |mrn     |county|', '# |---|---|', '# |90000417|Cook  |', '', 'y = 2', '# |county|rate |', '# |---|---|', '# |Cook  |0.12 |',
    ]);
    const found = scanText('synthetic_county.py', text).findings.map((f) => [f.category, text.slice(f.range.startOffset, f.range.endOffset)]);
    assert.deepEqual(found, [['mrn', '90000417'], ['geographic', 'Cook']]);
  });

  it('reports the dates of a printed Row that names a person, each message naming its column only', () => {
    const text = ['# Databricks notebook source', "# Row(mrn='90000418', fill_date='2024-06-03', days_supply=30)", "# Row(ndc='00000000000', fill_date='2024-06-03')", ''].join('\n');
    const findings = scanText('synthetic_rows.py', text).findings;
    assert.deepEqual(findings.map((f) => [f.category, text.slice(f.range.startOffset, f.range.endOffset)]), [['mrn', '90000418'], ['date', '2024-06-03']]);
    assert.ok(findings[1].message.includes('`fill_date`') && !findings[1].message.includes('2024'));
  });

  it("passes over the names and numbers a pasted table's columns say are staff's, and still reads the patients' beside them", () => {
    const text = source([
      '# MAGIC %md', '# MAGIC | mrn | why | owner |', '# MAGIC |---|---|---|',
      '# MAGIC | 90000417 | needs a call back | Harold Zorblatt |', '', '# COMMAND ----------',
      '# vendor   account_mgr        mgr_phone', '# ZZ-LL    Gretchen Zorblatt  555-0100', '# ZZ-CY    Harold Zorblatt    555-0101', '',
      '# COMMAND ----------', '# MAGIC %md', '# MAGIC | mrn | last_name |', '# MAGIC |---|---|', '# MAGIC | 90000418 | Zzyzxon |',
    ]);
    assert.deepEqual(typedFindings('synthetic_owners.py', text), [['mrn', 'mrn', '90000417'], ['mrn', 'mrn', '90000418'], ['name', 'last_name', 'Zzyzxon']]);
  });

  it('does not read a single comment line, or a grid without a typed column, as a table', () => {
    const text = ['# Databricks notebook source', '# |year|encounters|', '# |2023|1204      |', '# zip3  count', ''].join('\n');
    assert.deepEqual(scanText('synthetic_counts.py', text).findings, []);
  });
});

/** Tables and records that list staff or organisations' sites: their names and addresses are not patients'. */
describe('scan: staff tables and organisations\' sites', () => {
  it('reads people beside an NPI and nothing of a patient\'s as practitioners, and beside an MRN as patients', () => {
    const rows = (extra: string) => [
      'readers = spark.createDataFrame([',
      `    ("1467592038", "Zorblatt", "Quennell", "zorblatt@zzyzx-health.example.org"${extra}),`,
      `    ("1215938847", "Zzmarchetti", "Lena", "zzmarchetti@zzyzx-health.example.org"${extra}),`,
      `], "reading_npi string, last_name string, first_name string, email string${extra ? ', mrn string' : ''}")`,
    ];
    const directory = source(rows(''));
    assert.deepEqual(scanText('synthetic_readers.py', directory).findings.map((f) => f.category), []);
    const practices = source([
      'readers = spark.createDataFrame([',
      '    ("1467592038", "Zorblatt", "Quennell", "2716 S Zzyzx St", "Omaha", "NE", "68144"),',
      '    ("1215938847", "Zzmarchetti", "Lena", "400 W Zzyzx Ave Fl 3", "Omaha", "NE", "68102"),',
      '], "npi string, last_name string, first_name string, address string, city string, state string, zip string")',
    ]);
    assert.deepEqual(scanText('synthetic_practices.py', practices).findings.map((f) => f.category), [], 'the practices\' addresses and cities');
    const raters = source([
      'raters <- data.frame(',
      '  rater_id   = c("R101", "R104"),',
      '  rater_name = c("Quennell Zorblatt", "Lena Zzmarchetti"),',
      '  cred       = c("MoCA cert #MC-2291044", "MoCA cert #MC-2290518")',
      ')',
    ]);
    assert.deepEqual(scanText('synthetic_raters.r', raters).findings.map((f) => f.category), [], 'raters\' names and certificates');
    const patients = source(rows(', "00591207"'));
    assert.deepEqual(scanText('synthetic_reader_pts.py', patients).findings.map((f) => f.category).sort(), ['email', 'email', 'mrn', 'mrn', 'name', 'name', 'name', 'name']);
  });

  const names = (text: string, path: string) => scanText(path, text).findings.filter((f) => f.category === 'name' || f.category === 'geographic');

  it('reads a printed table\'s owner column as staff, and its name column of patients as names', () => {
    // pandas right-aligns every column under its header.
    const row = (cells: string[]): string => cells.map((c, i) => c.padStart([1, 11, 6, 20][i])).join('');
    const staff = notebookPrinting([row(['', 'unit_code', 'beds', 'owner']), row(['0', '4N', '32', 'Harold Zorblatt']), row(['1', '4S', '28', 'Gretchen Vell'])]);
    assert.deepEqual(names(staff, 'synthetic_staffing.ipynb'), []);
    const patients = notebookPrinting([row(['', 'unit_code', 'beds', 'patient_name']), row(['0', '4N', '32', 'Harold Zorblatt'])]);
    assert.deepEqual(names(patients, 'synthetic_census.ipynb').map((f) => f.category), ['name']);
  });

  it('reads a Markdown table with a role column as a table of staff', () => {
    const staff = source(['# MAGIC %md', '# MAGIC | role | name |', '# MAGIC |---|---|', '# MAGIC | Lead programmer | Harold Zorblatt |']);
    assert.deepEqual(names(staff, 'synthetic_team.py'), []);
    const patients = source(['# MAGIC %md', '# MAGIC | mrn | name |', '# MAGIC |---|---|', '# MAGIC | 00719460 | Harold Zorblatt |']);
    assert.deepEqual(names(patients, 'synthetic_cases.py').map((f) => f.category), ['name']);
  });

  it("reads any names and contacts of a table of staff or vendors as theirs, and a patient's beside an MRN as the patient's", () => {
    const categories = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);
    const technicians = source(['# op     display_name      job_title           cycles', '# ZZ102  Harold Zorblatt   Processing Tech II  402']);
    assert.deepEqual(categories(technicians, 'synthetic_technicians.py'), []);
    const vendors = source([
      '# vendor_id  vendor_name        remit_address     ar_contact_email',
      '# ZZ-01      Zzyzx Linen LLC    42 Zzyzx Ln       gretchen.zorblatt@zzyzxlinen.com',
    ]);
    assert.deepEqual(categories(vendors, 'synthetic_vendors.py'), []);
    const guarantors = source(['# mrn       guarantor_name    remit_address', '# 00719460  Harold Zorblatt   42 Zzyzx Ln']);
    assert.deepEqual(categories(guarantors, 'synthetic_guarantors.py'), ['mrn', 'name', 'geographic']);
  });

  it("reads serials in a table of a campus's equipment as the organisation's, and a patient's phone model as no equipment", () => {
    const categories = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);
    const screeners = source(['# hosp_code  model         serial_no    asset_tag', '# ZZ-STA     Zzyzx ALGO 5  A5-18-20114  ZZ-BIO-001203']);
    assert.deepEqual(categories(screeners, 'synthetic_screeners.py'), []);
    const phones = source(['# mobile        device_model  checkin_date', '# 555-555-0129  Zzyzx 14,5    2024-10-01']);
    assert.deepEqual(categories(phones, 'synthetic_checkins.py'), ['phone', 'date']);
  });

  it("reads licence numbers beside practitioners' NPIs as their credentials, and beside a patient's MRN as the patient's", () => {
    const categories = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);
    const credentials = source(['# npi         license_type  state  license_number', '# 1093817726  MD            MN     ZZ58812', '# 1093817726  DEA           US     ZZ4182930']);
    assert.deepEqual(categories(credentials, 'synthetic_credentials.py'), []);
    const patients = source(['# mrn       facility  license_number', '# 00719460  ZZ-01     ZZ58812']);
    assert.deepEqual(categories(patients, 'synthetic_drivers.py'), ['mrn', 'license-number']);
  });

  it("reads a table of sites (a column names an organisation, none a person) as the sites' addresses, and a table of patients' addresses as theirs", () => {
    const row = (cells: string[]): string => cells.map((c, i) => c.padStart([1, 9, 20, 8, 7][i])).join('');
    const sites = notebookPrinting([row(['', 'site_id', 'street', 'city', 'zip']), row(['0', 'ZZ-01', '42 Zzyzx Ln', 'Oakport', '94607'])]);
    assert.deepEqual(names(sites, 'synthetic_sites.ipynb'), []);
    const homes = notebookPrinting([row(['', 'mrn', 'street', 'city', 'zip']), row(['0', '00719460', '42 Zzyzx Ln', 'Oakport', '94607'])]);
    assert.deepEqual(names(homes, 'synthetic_homes.ipynb').map((f) => f.category), ['geographic', 'geographic', 'geographic']);
  });

  it('reads a table whose only people are workforce columns as staff, and one with a patient column as patients', () => {
    const all = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);
    const leaders = source(['# MAGIC %md', '# MAGIC | Unit | Nurse manager | Phone |', '# MAGIC |---|---|---|', '# MAGIC | 3 West | Harold Zorblatt-Sow | (425) 555-0261 |']);
    assert.deepEqual(all(leaders, 'synthetic_unit_leaders.py'), []);
    const roster = source(['# MAGIC %md', '# MAGIC | Name | Credentials | Work cell / ext |', '# MAGIC |---|---|---|', '# MAGIC | Zorblatt-Nwosu, Gretchen | MSN, RN | (312) 555-0216 |']);
    assert.deepEqual(all(roster, 'synthetic_woc_roster.py'), []);
    const shown = source(['# |transporterId|displayName        |shift|', '# |TR0301       |Zorblatt, Harold   |DAY  |']);
    assert.deepEqual(all(shown, 'synthetic_transporters.py'), []);
    const rota = source(['# MAGIC %md', '# MAGIC | Week of | Data on-call | Pager | Clinical escalation |', '# MAGIC |---|---|---|---|',
      '# MAGIC | 30.09.2024 | Harold Zorblatt | 616-555-0170 / pgr 4471 | Dr. Gretchen Zorblatt (616) 555-7740 |']);
    assert.deepEqual(all(rota, 'synthetic_rota.py'), []);
    const visits = source(['# MAGIC %md', '# MAGIC | MRN | Nurse manager | Phone |', '# MAGIC |---|---|---|', '# MAGIC | 00719460 | Harold Zorblatt-Sow | (425) 555-0261 |']);
    assert.deepEqual(all(visits, 'synthetic_patient_calls.py'), ['mrn', 'phone']);
  });

  it("reads an address in the site column of a printed inventory (no person's column) as the site's, and beside a patient's id as the patient's", () => {
    const widths = [1, 10, 48, 9];
    const row = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
    const scanners = notebookPrinting([row(['', 'scanner_id', 'location', 'serial_no']), row(['0', 'ZZ-CT1', 'Zzyzx Main — 2150 Zzyzx Ridge Rd', 'ZZ75418'])]);
    assert.deepEqual(names(scanners, 'synthetic_scanners.ipynb'), []);
    const visits = notebookPrinting([row(['', 'mrn', 'location', 'serial_no']), row(['0', '00719460', 'home — 2150 Zzyzx Ridge Rd', 'ZZ75418'])]);
    assert.ok(names(visits, 'synthetic_home_visits.ipynb').some((f) => f.category === 'geographic'));
  });

  it("reads every column on a row of a table of sites as the site's (`ED charge`, `who`), and a notes column of a table with no site contact as text", () => {
    const all = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);
    const lines = source(['# MAGIC %md', '# MAGIC | code | facility | address | ED charge |', '# MAGIC |---|---|---|---|',
      '# MAGIC | ZZG | Zzyzx General Hospital | 1 Zzyzx Plaza, Kessler, IN 47401 | (812) 555-0211 |']);
    assert.deepEqual(all(lines, 'synthetic_ed_lines.py'), []);
    const contacts = source(['# MAGIC %md', '# MAGIC | who | org | phone | email |', '# MAGIC |---|---|---|---|',
      '# MAGIC | Harold Zorblatt-Whitman (program lead) | Zzyzx Mailworks | (503) 555-0147 | hzorblatt@zzyzx-mail.example.org |']);
    assert.deepEqual(all(contacts, 'synthetic_vendor_contacts.py'), []);
    // Pasted under a show() in comments: the row is the comment's text, after its marker.
    const shown = source(['# |site_id|site_name              |address_line1   |main_phone  |', '# |ZZ-01  |Zzyzx Family Medicine  |1301 Zzyzx Blvd |412-555-0134|']);
    assert.deepEqual(all(shown, 'synthetic_practices.py'), []);
    const incidents = source(['# MAGIC %md', '# MAGIC | facility | notes |', '# MAGIC |---|---|', '# MAGIC | Zzyzx General | pt Harold Zorblatt fell, family at (812) 555-0199 |']);
    assert.deepEqual(all(incidents, 'synthetic_incidents.py'), ['name', 'phone']);
  });

  it("reads rows of EMS agencies and of dispensing cabinets written as code as the organisation's", () => {
    const all = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);
    const agencies = source(['agencies = spark.createDataFrame([', '    ("0471203", "Zzyzx Valley", "ALS", "14 S 3rd St, Zzyzx PA 17837", "(570) 555-0141"),',
      '], "state_id string, agency_name string, level string, address string, phone string")']);
    assert.deepEqual(all(agencies, 'synthetic_agencies.py'), []);
    const cabinets = source(['cabinets = spark.createDataFrame([("ADC-4N-01", "4N", "ZZ2022-238157", "7.3.9")], "cabinet_id string, unit string, serial_no string, firmware string")']);
    assert.deepEqual(all(cabinets, 'synthetic_cabinets.py'), []);
    const implants = source(['implants = spark.createDataFrame([("00719460", "ZZ2022-238157")], "mrn string, serial_no string")']);
    assert.deepEqual(all(implants, 'synthetic_implants.py'), ['mrn', 'device-id']);
  });

  it("reads an address literal beside a hospital's name as the hospital's, and one beside a patient's as the patient's", () => {
    const site = source([`facilities = [("BVM-MAIN", "Bayview Medical Center", "2100 Harborline Blvd, Oakport, CA 94607")]`]);
    assert.deepEqual(names(site, 'synthetic_sites.py'), []);
    const home = source([`patients = [("00719460", "Harold Zorblatt", "2100 Harborline Blvd, Oakport, CA 94607")]`]);
    assert.ok(names(home, 'synthetic_homes.py').some((f) => f.category === 'geographic'));
  });
});

describe('scan: Databricks display() results kept in output metadata', () => {
  /** An exported notebook whose one output is a display() result of the given columns and rows. */
  const exported = (columns: string[], rows: (string | number)[][]): string => {
    const output = {
      output_type: 'display_data', data: { 'text/html': ['<div>table</div>'] },
      metadata: {
        'application/vnd.databricks.v1+output': {
          type: 'table', schema: columns.map((name) => ({ name, type: '"string"', metadata: '{}' })), data: rows, aggData: [],
          arguments: {}, addedWidgets: {}, datasetInfos: [], dbfsResultPath: null, isJsonSchema: true, overflow: false, removedWidgets: [],
        },
      },
    };
    const cell = { cell_type: 'code', execution_count: 1, metadata: {}, source: ['display(df)'], outputs: [output] };
    return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell] }, null, 1);
  };
  const categories = (text: string, path: string): string[] => scanText(path, text).findings.map((f) => f.category);

  it("reads a result of sites (a column names an organisation, none a person) as the sites' addresses", () => {
    const sites = exported(['site_id', 'facility_name', 'street', 'city', 'zip'], [['ZZ-01', 'Zzyzx Medical Center', '42 Zzyzx Ln', 'Oakport', '94607']]);
    assert.deepEqual(categories(sites, 'synthetic_sites.ipynb'), []);
    const homes = exported(['mrn', 'street', 'city', 'zip'], [['00719460', '42 Zzyzx Ln', 'Oakport', '94607']]);
    assert.deepEqual(categories(homes, 'synthetic_homes.ipynb'), ['mrn', 'geographic', 'geographic', 'geographic']);
  });

  it("reads the cells of an untyped column as prose, except in a result of sites, where only a message's patient segment is read", () => {
    const notes = exported(['case_id', 'note'], [['ZZ-01', 'mother asked for a call back on (901) 555-0148 after 5pm']]);
    assert.deepEqual(categories(notes, 'synthetic_notes.ipynb'), ['phone']);
    const sites = exported(['site_id', 'facility_name', 'note'], [['ZZ-01', 'Zzyzx Medical Center', 'front desk (901) 555-0148, ask for the charge nurse']]);
    assert.deepEqual(categories(sites, 'synthetic_site_notes.ipynb'), []);
    const feed = exported(['sending_facility', 'raw_message'], [['Zzyzx Lab', 'MSH|^~\\&|ZZLAB||ZZ|ZZ|20240226||ORU^R01|1|P|2.5.1\rPID|1||ZZ00418827^^^ZZ^MR||ZORBLATT^TESTA||19520314|M']]);
    assert.deepEqual(categories(feed, 'synthetic_feed.ipynb'), ['mrn', 'name', 'name', 'date']);
  });

  it("reads the dates of fills in a result that names its people, and not in a result of counts by date", () => {
    const stays = exported(['mrn', 'fill_dt', 'unit'], [['00719460', '2023-02-14', '4N']]);
    assert.deepEqual(categories(stays, 'synthetic_stays.ipynb'), ['mrn', 'date']);
    const counts = exported(['fill_dt', 'unit', 'fills'], [['2023-02-14', '4N', 12]]);
    assert.deepEqual(categories(counts, 'synthetic_counts.ipynb'), []);
  });

  it("reads a family column as names beside a given column or a person's id, and not in a table of blood products", () => {
    const products = exported(['family', 'abo_rh', 'units'], [['ZZCRYO', 'O NEG', 5], ['ZZPLASMA', 'B POS', 17]]);
    assert.deepEqual(categories(products, 'synthetic_blood_bank.ipynb'), []);
    const patients = exported(['family', 'given', 'units'], [['Zorblatt', 'Harold', 5]]);
    assert.deepEqual(categories(patients, 'synthetic_patients.ipynb'), ['name', 'name']);
    const members = exported(['mrn', 'family'], [['00719460', 'Zorblatt']]);
    assert.deepEqual(categories(members, 'synthetic_members.ipynb'), ['mrn', 'name']);
  });

  /** An exported result of `columns`, each a plain string or a struct (`{fields}`) or an array of structs (`[fields]`). */
  const exportedStructs = (columns: [string, string[] | [string[]] | undefined][], rows: unknown[][], html = ''): string => {
    const struct = (fields: string[]): unknown => ({ type: 'struct', fields: fields.map((name) => ({ name, type: 'string', nullable: true, metadata: {} })) });
    const schema = columns.map(([name, shape]) => ({
      name, metadata: '{}',
      type: shape === undefined ? '"string"' : JSON.stringify(Array.isArray(shape[0]) ? { type: 'array', elementType: struct(shape[0]), containsNull: true } : struct(shape as string[])),
    }));
    const output = { output_type: 'display_data', data: { 'text/html': [html] }, metadata: { 'application/vnd.databricks.v1+output': { type: 'table', schema, data: rows, aggData: [] } } };
    const cell = { cell_type: 'code', execution_count: 1, metadata: {}, source: ['display(df)'], outputs: [output] };
    return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell] }, null, 1);
  };

  it("reads a struct column by its fields: a guardian's name and phone are a person's, a code team's are staff's", () => {
    const calls = exportedStructs([['case_no', undefined], ['guardian', ['name', 'relationship', 'phone']]], [['ZZ-24-0001', ['Harold Zorblatt', 'father', '(901) 555-0148']]]);
    assert.deepEqual(categories(calls, 'synthetic_guardians.ipynb'), ['other-id', 'name', 'phone']);
    const codes = exportedStructs(
      [['event_id', undefined], ['code_team', [['role', 'name', 'pager']]], ['defib', ['model', 'serial']]],
      [['ZZCB-0001', [['leader', 'Harold Zorblatt', '5521'], ['airway', 'Testa Zzyzx', '5530']], ['ZZ-R Series', 'ZZAF19C012345']]],
    );
    assert.deepEqual(categories(codes, 'synthetic_code_teams.ipynb'), []);
  });

  it("reads a patient row's nested visits and home as the patient's: their dates and town", () => {
    const rows = [['00719460', ['42 Zzyzx Ln', 'Oakport', '94607'], [['2023-02-14', 'capillary'], ['2023-03-01', 'venous']]]];
    const cases = exportedStructs([['mrn', undefined], ['home', ['street', 'city', 'zip']], ['tests', [['collected', 'sample']]]], rows);
    assert.deepEqual(categories(cases, 'synthetic_lead_cases.ipynb'), ['mrn', 'geographic', 'geographic', 'geographic', 'date', 'date']);
    const qc = exportedStructs([['analyzer', undefined], ['qc_runs', [['control_lot', 'run_date']]]], [['ZZ-LEADCARE-2', [['ZZLOT-0117', '2023-02-14']]]]);
    assert.deepEqual(categories(qc, 'synthetic_qc_runs.ipynb'), []);
  });

  it("finds a birth date again where the file repeats it (another cell's log), and no other date", () => {
    const notebook = JSON.parse(exportedStructs([['mrn', undefined], ['patient', ['name', 'dob']], ['visit_dt', undefined]], [['00719460', ['Zorblatt, Harold', '19520314'], '20230214']]));
    const log = 'row 1: Zorblatt, Harold 19520314 seen 20230214';
    notebook.cells.push({ cell_type: 'code', execution_count: 2, metadata: {}, source: ['log_rows(df)'], outputs: [{ output_type: 'stream', name: 'stdout', text: [log] }] });
    const text = JSON.stringify(notebook, null, 1);
    const logLine = text.split('\n').findIndex((l) => l.includes('row 1:'));
    const inLog = scanText('synthetic_dob_again.ipynb', text).findings.filter((f) => f.range.line === logLine);
    assert.deepEqual(inLog.map((f) => f.category).sort(), ['date', 'name']);
    assert.equal(inLog.find((f) => f.category === 'date')?.redacted, '********');
  });

  it("finds a result's values again in its own HTML rendering, a struct's fields and a surname-first name included", () => {
    const html = '<tr><td>00719460</td><td>ZORBLATT, HAROLD</td><td>List(42 Zzyzx Ln Apt 4F, Oakport, 94607, 12.34567, -98.76543)</td></tr>';
    const rows = [['00719460', 'ZORBLATT, HAROLD', ['42 Zzyzx Ln Apt 4F', 'Oakport', '94607', '12.34567', '-98.76543']]];
    const text = exportedStructs([['mrn', undefined], ['patient_name', undefined], ['home', ['street', 'city', 'zip', 'lat', 'lon']]], rows, html);
    const lines = text.split('\n');
    const htmlLine = lines.findIndex((l) => l.includes('List('));
    const inHtml = scanText('synthetic_rendered.ipynb', text).findings.filter((f) => f.range.line === htmlLine);
    const shown = inHtml.map((f) => `${f.category}:${lines[htmlLine].slice(f.range.character, f.range.endCharacter).length}`);
    assert.deepEqual(shown, ['mrn:8', 'name:16', 'geographic:18', 'geographic:7', 'geographic:5', 'geographic:8', 'geographic:9']);
    // A rendering of a result with nothing found in it is read as any output is, and finds nothing.
    const clean = exportedStructs([['unit', undefined], ['beds', ['staffed', 'open']]], [['4N', ['28', '3']]], '<td>4N</td><td>List(28, 3)</td>');
    assert.deepEqual(categories(clean, 'synthetic_rendered_clean.ipynb'), []);
  });

  it("reads a latitude and longitude written as one pair (`gps`) as a person's place only beside their identifier", () => {
    const runs = exported(['mrn', 'pickup_gps'], [['00719460', '12.34567, -98.76543']]);
    assert.deepEqual(categories(runs, 'synthetic_pickups.ipynb'), ['mrn', 'geographic']);
    const fleet = exported(['unit', 'gps'], [['Medic 9', '12.34567, -98.76543']]);
    assert.deepEqual(categories(fleet, 'synthetic_fleet.ipynb'), []);
    const coarse = exported(['mrn', 'gps'], [['00719460', '41.58, -87.55']]);
    assert.deepEqual(categories(coarse, 'synthetic_coarse.ipynb'), ['mrn']);
  });

  it("reads a pump's serial in a table of daily checks (a `checked_by` column, no person's) as the machine's", () => {
    const checks = exported(['pump_id', 'pump_serial', 'checked_by', 'measured_ml'], [['PUMP-A', 'ZZMD-3000-11872', 'Harold Zorblatt, RN', '10.02']]);
    assert.deepEqual(categories(checks, 'synthetic_pump_checks.ipynb'), []);
    const patients = exported(['mrn', 'pump_serial', 'checked_by'], [['00719460', 'ZZMD-3000-11872', 'Harold Zorblatt, RN']]);
    assert.deepEqual(categories(patients, 'synthetic_pump_patients.ipynb'), ['mrn', 'device-id']);
  });

  it("reads a toll-free number under a phone or fax column as an organisation's, beside a patient's", () => {
    const programs = exported(['mrn', 'program', 'phone', 'fax'], [['00719460', 'ZZ Assist', '1-800-555-0147', '(866) 555-0183']]);
    assert.deepEqual(categories(programs, 'synthetic_assistance.ipynb'), ['mrn']);
  });

  it("keeps a caller's number a person's where a log line gives it beside a site and a patient's ZIP", () => {
    const notebook = JSON.parse(exportedStructs([['case_no', undefined], ['caller', ['name', 'relationship', 'phone']]], [['ZZ-24-011618', ['Harold Zorblatt', 'aunt', '(262) 555-0134']]]));
    const log = 'INFO exposure_qa - case ZZ-24-011618 callback=262-555-0134 pt_zip=94607 site=Already in HCF';
    notebook.cells.push({ cell_type: 'code', execution_count: 2, metadata: {}, source: ['run_qa()'], outputs: [{ output_type: 'stream', name: 'stdout', text: [log] }] });
    const found = scanText('synthetic_caller_log.ipynb', JSON.stringify(notebook, null, 1)).findings.map((f) => f.category);
    // The table's number, and the log's under its callback key.
    assert.equal(found.filter((c) => c === 'phone').length, 2, found.join());
  });

  it("reads an infusion system's point-of-care unit serial (`pcu_serial`) as the hospital's, beside a patient", () => {
    const alerts = exported(['mrn', 'pcu_serial', 'channel'], [['00719460', 'ZZ10000047', 'B']]);
    assert.deepEqual(categories(alerts, 'synthetic_pump_alerts.ipynb'), ['mrn']);
    const nested = exportedStructs([['mrn', undefined], ['pump', ['pcu_serial', 'module_serial']]], [['00719460', ['ZZ10000047', 'ZZ8100-LVP-00000073']]]);
    assert.deepEqual(categories(nested, 'synthetic_pump_modules.ipynb'), ['mrn']);
    // An analyser's quality control runs by its serial and the control lot run on it; a patient's device beside its lot.
    const qc = exported(['device_serial', 'control_lot', 'runs'], [['ZZCC3400-19-0552', 'ZZ44011-7821', '246']]);
    assert.deepEqual(categories(qc, 'synthetic_qc_runs.ipynb'), []);
    const lots = exported(['mrn', 'device_serial', 'lot'], [['00719460', 'ZZCC3400-19-0552', 'ZZ44011-7821']]);
    assert.deepEqual(categories(lots, 'synthetic_patient_lots.ipynb'), ['mrn', 'device-id']);
    // A crash cart's defibrillator at a patient's code event, beside an implanted one's serial.
    const codes = exported(['mrn', 'defib_serial', 'aed_serial', 'defibrillator_serial'], [['00719460', 'ZZAF17C004512', 'ZZAED-0042', 'ZZICD-7781-02']]);
    assert.deepEqual(categories(codes, 'synthetic_code_events.ipynb'), ['mrn', 'device-id']);
  });

  it("reads a serial named by a machine only a hospital keeps as the machine's, beside rooms or a patient", () => {
    const rooms = exported(['room_label', 'bed_label', 'uv_robot_serial', 'cycles'], [['3N-314', 'A', 'ZZUV-40-22107', 4]]);
    assert.deepEqual(categories(rooms, 'synthetic_uv_cleans.ipynb'), []);
    const scans = exported(['mrn', 'scanner_serial', 'implant_serial'], [['00719460', 'ZZMR-30-88812', 'ZZIM-77-10043']]);
    assert.deepEqual(categories(scans, 'synthetic_mri_scans.ipynb'), ['mrn', 'device-id']);
    const alerts = exported(['unit', 'bed_label', 'monitor_serial', 'enc_key', 'alert_ts'], [['4W', '4W-16', 'ZZDE18405597', 'zz65950abf', '2024-11-05T03:35:33Z']]);
    assert.deepEqual(categories(alerts, 'synthetic_teleicu_alerts.ipynb'), []);
    const runs = exported(['run_key', 'console_serial', 'cryostat_serial', 'incubator_sn'], [['zz7f3c9a1e', 'ZZCS300-1187', 'ZZCM1950-7734', 'ZZK-500-2211']]);
    assert.deepEqual(categories(runs, 'synthetic_ecmo_runs.ipynb'), []);
    // A delivery route's temperature logger, in a table and printed as one Row.
    const route = exported(['logger_serial', 'route_id', 'disposition'], [['ZZLOG-TRX8-A1093377', 'ZZ-R01', 'USE']]);
    assert.deepEqual(categories(route, 'synthetic_cold_chain.ipynb'), []);
    assert.deepEqual(categories(notebookPrinting(["Row(logger_serial='ZZLOG-TRX8-A1093377', amplifier_sn='ZZAMP-0042-117')"]), 'synthetic_cold_chain_row.ipynb'), []);
    assert.deepEqual(categories(notebookPrinting(["Row(device_serial='ZZLOG-TRX8-A1093377')"]), 'synthetic_cpap_row.ipynb'), ['device-id']);
  });

  it("reads an inventory of equipment (a manufacturer column, no person's) as the organisation's machines", () => {
    const scanners = exported(['ae_title', 'manufacturer', 'device_serial'], [['ZZ_CT1', 'ZZVENDOR', 'ZZ73410X']]);
    assert.deepEqual(categories(scanners, 'synthetic_scanners.ipynb'), []);
    const implants = exported(['mrn', 'manufacturer', 'device_serial'], [['00719460', 'ZZVENDOR', 'ZZ73410X']]);
    assert.deepEqual(categories(implants, 'synthetic_implants.ipynb'), ['mrn', 'device-id']);
  });

  it("reads the contact column of a printed table of sites as the sites' staff", () => {
    const widths = [1, 6, 22, 10, 7, 16, 20];
    const row = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
    const sites = notebookPrinting([
      row(['', 'ccn', 'facility_name', 'city', 'zip', 'phone', 'admissions_contact']),
      row(['0', '65118', 'Zzyzx Valley Rehab', 'Loveland', '80538', '(970) 555-0131', 'Harold Zorblatt']),
      row(['1', '65240', 'Zzyzx Care Center', 'Loveland', '80537', '(970) 555-0144', 'Gretchen Zorblatt']),
    ]);
    assert.deepEqual(categories(sites, 'synthetic_snf_sites.ipynb'), []);
  });

  it("reads a result with a role column as staff's names", () => {
    const staff = exported(['role', 'name', 'email'], [['Data steward', 'Harold Zorblatt', 'hzorblatt@zzyzx-health.example.org']]);
    assert.deepEqual(categories(staff, 'synthetic_team.ipynb'), []);
  });
});

describe('scan: a column of patients', () => {
  it("reads a bare patient column's values as the patient's id or name, whichever they are", () => {
    const name = ['Zorblatt', 'Harold'].join(', ');
    const text = ['# Databricks notebook source', '# MAGIC %md', '# MAGIC | # | patient | site |', '# MAGIC |---|---|---|',
      `# MAGIC | 1 | ${name} | prostate |`, '# MAGIC | 2 | PT-448102 | breast |', '# MAGIC | 3 | n/a | skin |', ''].join('\n');
    const found = scanText('synthetic_casefinding.py', text).findings.map((f) => [f.category, f.contextKey]);
    assert.deepEqual(found, [['name', 'patient'], ['other-id', 'patient']]);
  });
});

describe('scan: names normalised for matching', () => {
  it('reads a name_norm value holding a known name as a name, and not a normalised facility name', () => {
    const text = ['# Databricks notebook source', 'rows = [{"name_norm": "harold zorblatt", "dob": None},',
      '        {"name_norm": "bayview medical center", "dob": None}]', ''].join('\n');
    const found = scanText('synthetic_dedupe.py', text).findings.map((f) => [f.category, f.contextKey]);
    assert.deepEqual(found, [['name', 'name_norm']]);
  });

  it('reads a roster written as code with a desk phone as staff, their names in printed Rows as theirs, and a patient key as a patient', () => {
    const text = source([
      'roster = spark.createDataFrame([',
      '    ("qzorblatt", "Quennell Zorblatt", "HIM Ops", "quennell.zorblatt@zzyzx-health.example.org", "555-0144"),',
      '    ("mzzyzx", "Marta Zzyzx", "EDW", "marta.zzyzx@zzyzx-health.example.org", "555-0139"),',
      '], "user_id string, full_name string, dept string, email string, desk_phone string")',
      '# Row(assigned_user_id=\'qzorblatt\', closed=412, full_name=\'Quennell Zorblatt\')',
      'pt = {"patient_name": "Marta Zzyzx", "mrn": "ZZ00418823"}',
    ]);
    assert.deepEqual(typedFindings('synthetic_roster.py', text), [['name', 'patient_name', 'Marta Zzyzx'], ['mrn', 'mrn', 'ZZ00418823']]);
  });

  it('leaves a FHIR Organization written as code unread: its address, phones and contact are the organisation\'s', () => {
    const text = source([
      'ORG = {',
      '    "resourceType": "Organization", "name": "Zzyzx Valley Health",',
      '    "telecom": [{"system": "phone", "value": "+15555550100"}],',
      '    "address": [{"line": ["2200 Zorblatt Pkwy"], "city": "Columbus", "postalCode": "43215"}],',
      '    "contact": [{"name": {"family": "Zorblatt", "given": ["Quennell"]}, "telecom": [{"system": "phone", "value": "614-555-0182"}]}],',
      '}',
      'PT = {"resourceType": "Patient", "name": [{"family": "Zorblatt", "given": ["Quennell"]}], "birthDate": "1941-03-02"}',
    ]);
    const starts = scanText('synthetic_org.py', text).findings.map((f) => f.range.startOffset);
    assert.ok(starts.length > 0 && starts.every((at) => at > text.indexOf('PT = ')), JSON.stringify(starts));
  });

  it("leaves collections named for the organisation's sites and machines unread, and reads a patient's beside them", () => {
    const text = source([
      'ED_SITES = {',
      '    "ZZ-MAIN": ("Zzyzx Valley Hospital", "2450 Zorblatt Ave, Minneapolis, MN 55454", "612-555-0100"),',
      '}',
      'SLEEP_LAB_EQUIPMENT = [{"room": "SL-01", "serial": "NK12-00371"}]',
      'patient = {"mrn": "ZZ00418823", "home_address": "2451 Zorblatt Ave"}',
    ]);
    assert.deepEqual(typedFindings('synthetic_sites.py', text), [['mrn', 'mrn', 'ZZ00418823'], ['geographic', 'home_address', '2451 Zorblatt Ave']]);
  });
});

describe("an organisation's numbers written as code and printed", () => {
  it("does not report a unit's number where the notebook prints the collection that lists it", () => {
    const printed = ['# COMMAND ----------', '# MAGIC %md', '# MAGIC ```', '# MAGIC NICU-L3             (555) 555-0233', '# MAGIC NAS huddle bridge   +1 555-555-0299 x 88210#', '# MAGIC ```'];
    const code = 'UNIT_PHONES = {"NICU-L3": "(555) 555-0233", "NAS huddle bridge": "+1 555-555-0299 x 88210#"}';
    assert.deepEqual(typedFindings('synthetic_units.py', source([code, ...printed])), []);
    // Printed without the collection, the numbers are reported.
    assert.equal(typedFindings('synthetic_units.py', source(printed)).length, 2);
  });
});

describe("tables of an organisation's equipment and clinicians", () => {
  const categories = (lines: string[]): string[] => scanText('synthetic_fleet.py', source(lines)).findings.map((f) => f.category);

  it("reads serials in a fleet's equipment grid (by tail number, with PM due dates) as the organisation's", () => {
    const grid = ['+------+--------------------+-----------+----------+', '|tail  |device              |serial_no  |pm_due    |',
      '+------+--------------------+-----------+----------+', '|N356ZZ|Zzyzx infusion pump |IS-88207730|1900-10-15|',
      '|N88ZZZ|Zzyzx ventilator    |HT1-0015520|1900-01-15|', '+------+--------------------+-----------+----------+'];
    assert.deepEqual(categories(['# MAGIC %md', '# MAGIC ```', ...grid.map((l) => `# MAGIC ${l}`), '# MAGIC ```']), []);
    // The same serials under a patient's column are a patient's devices.
    const patients = grid.map((l) => l.replace('tail  ', 'mrn   ').replace('pm_due    ', 'implanted ').replace('N356ZZ', '900001').replace('N88ZZZ', '900002'));
    assert.ok(categories(['# MAGIC %md', '# MAGIC ```', ...patients.map((l) => `# MAGIC ${l}`), '# MAGIC ```']).length > 0);
  });

  it("reads a frame of clinicians by their degree, printed without its index and off its edges, as staff", () => {
    const frame = ['               full_name degree        division  n_screens',
      '      Harold S Zorblatt     MD  Gastroenterology        402',
      '   Gretchen Zorblatt-Vell   DO  General Surgery         318'];
    assert.deepEqual(categories(['# MAGIC %md', '# MAGIC ```', ...frame.map((l) => `# MAGIC ${l}`), '# MAGIC ```']), []);
  });
});

describe('machines, crews and letterheads of an organisation', () => {
  const categories = (lines: string[]): string[] => scanText('synthetic_unit.py', source(lines)).findings.map((f) => f.category);
  const grid = (rows: string[][]): string[] => {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
    const line = (r: string[]) => `|${r.map((v, c) => v.padStart(widths[c])).join('|')}|`;
    return ['# MAGIC %md', '# MAGIC ```', ...[border, line(rows[0]), border, ...rows.slice(1).map(line), border].map((l) => `# MAGIC ${l}`), '# MAGIC ```'];
  };

  it('reads a meter shared by many patients of a table as a machine, and one patient\'s own device as theirs', () => {
    const shared = grid([['infant_token', 'tcb', 'meter_serial'], ['inf_zz01', '5.3', 'ZZM-0441'], ['inf_zz02', '6.4', 'ZZM-0445'],
      ['inf_zz03', '16.2', 'ZZM-0441'], ['inf_zz04', '13.9', 'ZZM-0445']]);
    assert.deepEqual(categories(shared), []);
    // One patient's visits list their own device again and again: theirs.
    const own = grid([['mrn', 'visit', 'meter_serial'], ['ZZ900001', '1', 'ZZM-0441'], ['ZZ900001', '2', 'ZZM-0441'], ['ZZ900002', '1', 'ZZM-0445']]);
    assert.deepEqual(categories(own).filter((c) => c === 'device-id'), ['device-id', 'device-id', 'device-id']);
  });

  it("reads a table of serials with no person's column as no one's, and endoscopes' serials as the unit's", () => {
    assert.deepEqual(categories(['# pump_serial   infusions  last_seen_month', '# ZZ12880417    402        1900-06', '# ZZ12880433    398        1900-06']), []);
    assert.deepEqual(categories(['scopes["status"] = np.where(scopes["scope_serial"] == "ZZ2914477", "QUARANTINED", "IN_SERVICE")']), []);
  });

  it('reads a list of Row(…) records as one table: serials beside a model and a location are the machines\'', () => {
    const rows = (first: string) => ['devices = spark.createDataFrame([',
      `    Row(${first}, serial_no="ZZ4-2210-0457", location="Zorblatt NICU"),`,
      `    Row(${first}, serial_no="ZZ4-2210-0461", location="Zorblatt NICU"),`, '])'];
    assert.deepEqual(categories(rows('model="Zzyzx LED"')), []);
    assert.deepEqual(categories(rows('mrn="ZZ0042117"')), ['mrn', 'device-id', 'mrn', 'device-id']);
  });

  it("reads a roster of physicians by their specialty's column as staff (a tele-stroke network's neurologists)", () => {
    const roster = (column: string) => [`# ${column}     | consults | median_response_min`, '# Smith, Jane    | 118      | 6', '# Garcia, Maria  | 104      | 7'];
    assert.deepEqual(categories(roster('neurologist')), []);
    assert.deepEqual(categories(roster('caller')), ['name', 'name']);
  });

  it("reads a run sheet's row that a site names as the site's, and a rider's row as the rider's", () => {
    const rows = (site: string) => grid([['#', 'rider / stop', 'address', 'phone'], ['1', 'Jane Smith', '12 Zzyzx Ct', '555-201-0142'],
      ['2', site, '1900 Quennell Ave', '555-201-0190']]);
    assert.deepEqual(categories(rows('-> Zzyzx Eye Associates')), ['name', 'geographic', 'phone']);
    assert.deepEqual(categories(rows('Maria Garcia')), ['name', 'geographic', 'phone', 'name', 'geographic', 'phone']);
  });

  it('reads a roster by its crew or screener columns as staff', () => {
    // The dictionaries' names, so that only the columns say whose they are.
    const crew = (column: string) => [`# employee_id | display_name | ${column}`,
      '# ZZ10447     | Smith, Jane  | Paramedic', '# ZZ10812     | Garcia, Maria | AEMT'];
    assert.deepEqual(categories(crew('cert_level')), []);
    assert.deepEqual(categories(crew('shift_note')), ['name', 'name']);
    // When each certification lapses says the same.
    const lapses = (column: string) => ['# employee_id | display_name | ' + column,
      '# ZZ10447     | Smith, Jane  | 1900-06-30', '# ZZ10812     | Garcia, Maria | 1900-06-30'];
    assert.deepEqual(categories(lapses('cert_expires')), []);
    assert.deepEqual(categories(lapses('visit_date')), ['name', 'name']);
    const screeners = (column: string) => [`# ${column}_name        ${column}_role         screens`,
      '# Smith, Jane          Hearing screener      1,412', '# Garcia, Maria        Hearing screener      1,288'];
    assert.deepEqual(categories(screeners('screener')), []);
    assert.deepEqual(categories(screeners('baby')), ['name', 'name']);
  });

  it("reads a frame edited by hand, its index kept and its values off their names' edges, by its names", () => {
    const frame = ['#    Shift   Toxicologist on call   Pager  Unnamed: 6', '# 0  07-15   Dr. Harold Zorblatt-Vell  555-555-0191         NaN',
      '# 1  15-23   Dr. G. Quennell  555-555-0193    see note'];
    assert.deepEqual(categories(frame), []);
  });

  it("reads a drug recall's record by its firm, and a transplant programme's OPTN member code as no person", () => {
    assert.deepEqual(categories(['# {', '#   "recalling_firm": "Zorblatt Generics Inc",', '#   "address_1": "100 Zzyzx Rd, Bldg 7",',
      '#   "city": "Testville",', '#   "postal_code": "00001"', '# }']), []);
    assert.deepEqual(categories(['# MAGIC %md', '# MAGIC Program: Zzyzx Transplant Center (OPTN member code ZZTX1), 100 Zzyzx Rd, Tower B, 7th floor,',
      '# MAGIC Testville, ZZ 00001']), []);
  });

  it("reads a fax header's number after the organisation it is from, and a registration's UNKNOWN, MALE as no name", () => {
    const nb = (lines: string[]) => scanText('synthetic_fax.ipynb', notebookPrinting(lines)).findings.map((f) => f.category);
    assert.deepEqual(nb(['FAX  1900-10-28 15:12  FROM: Zorblatt Family Medicine  555-555-0421   P.001/003', 'To: Zzyzx Memory Clinic   Fax 555-555-0149']), []);
    assert.deepEqual(nb(['FAX  1900-10-28 15:12  FROM: Harold Zorblatt  555-555-0421   P.001/003']), ['name', 'phone']);
    assert.deepEqual(categories(["#     Row(pcr_id='ZZ-24-018860', last_name='UNKNOWN', first_name='MALE', dob=None)"]).filter((c) => c === 'name'), []);
  });

  it("reads a patient's address in a message's segment, though the pharmacy's segment above names an organisation", () => {
    const sample = ['ASAP_SAMPLE = """PHA*1234567893*ZZ12345*ZZ1234567*ZORBLATT OUTPATIENT PHARMACY*100 ZZYZX HWY**TESTVILLE*ZZ*00001~',
      'PAT*ZZ*07*ZZ-RX-4471902***ZORBLATT-VELL*QUENNELLA****Rural Route 4 Box 219**Testville*ZZ*00001*6085550100*19000102*F~"""'];
    assert.deepEqual(categories(sample).filter((c) => c === 'geographic'), ['geographic', 'geographic', 'geographic']);
  });

  it("reads a NEMSIS report as one person's record: its run's times are theirs, its software's version is no date", () => {
    const text = notebookPrinting(['<PatientCareReport>', '  <eRecord><eRecord.01>ZZ-24-118842</eRecord.01><eRecord.04>2024.3.1</eRecord.04></eRecord>',
      '  <eTimes><eTimes.03>1900-11-16T06:12:44-06:00</eTimes.03></eTimes>',
      '  <ePatient><ePatient.02>Smith</ePatient.02><ePatient.17>1900-02-11</ePatient.17></ePatient>', '</PatientCareReport>']);
    assert.deepEqual(scanText('synthetic_nemsis.ipynb', text).findings.map((f) => [f.category, f.contextKey]),
      [['other-id', 'pcr_number'], ['date', 'event_time'], ['name', 'last_name'], ['date', 'birth_date']]);
  });

  it("reads a C-CDA's author, custodian and recipient as staff and organisations, and its recordTarget as the patient's", () => {
    const cda = (patient: string) => ['print(cda)', `# <ClinicalDocument>${patient}`,
      '#  <author><assignedAuthor><addr use="WP"><streetAddressLine>100 Zzyzx Blvd, Suite 520</streetAddressLine></addr>',
      '#   <telecom use="WP" value="tel:+1-555-555-0160"/></assignedAuthor></author>',
      '#  <informationRecipient><intendedRecipient><informationRecipient><name><given>Gretchen</given><family>Zorblatt</family></name>',
      '#  </informationRecipient></intendedRecipient></informationRecipient>', '# </ClinicalDocument>'];
    assert.deepEqual(categories(cda('')), []);
    const target = '<recordTarget><patientRole><addr><streetAddressLine>42 Zzyzx Ln</streetAddressLine></addr></patientRole></recordTarget>';
    assert.deepEqual(categories(cda(target)), ['geographic']);
  });
});

describe('tables of machines by serial', () => {
  const pasted = (lines: string[]): string[] => ['# COMMAND ----------', '# MAGIC %md', '# MAGIC ```', ...lines.map((l) => `# MAGIC ${l}`), '# MAGIC ```'];
  const grid = ['+-----------+------+----------+-----+', '|serial     |room  |week_start|slots|', '+-----------+------+----------+-----+',
    '|ZZC-0077410|HBO-1 |1900-04-29|20   |', '|ZZC-0081020|HBO-2 |1900-04-29|20   |', '+-----------+------+----------+-----+'];

  it("reads serials in a table with a machine's column (a room, a model) and no person's as the machines'", () => {
    assert.deepEqual(typedFindings('synthetic_chambers.py', source(pasted(grid))), []);
    const loggers = [' storage_unit   logger_serial  logger_model  min_c  cert_date', '    FRIDGE-01  ZZL-7702-1188  Zzyzx-tag 2L    2.9  1900-03-12'];
    assert.deepEqual(typedFindings('synthetic_loggers.py', source(pasted(loggers))), []);
    // A column no detector types says what the machines are (`unit_label`), in a grid pasted as comments too.
    const labelled = ['+-------------+------------------------------+--------+', '|logger_serial|unit_label                    |readings|',
      '+-------------+------------------------------+--------+', '|ZZ-5G-118204 |Suite 410 med room - Fridge B |26496   |', '|ZZ-5G-118197 |Suite 410 med room - Fridge A |26496   |',
      '+-------------+------------------------------+--------+'];
    assert.deepEqual(typedFindings('synthetic_loggers.py', source(labelled.map((l) => `# ${l}`))), []);
  });

  it('takes back the same serials in code and in other tables, but not a serial listed beside a patient too', () => {
    const code = ['maint = spark.table("ref.chamber_log").where(col("serial") == "ZZC-0077410")', 'by_serial = [("ZZC-0081020", 12)]'];
    assert.deepEqual(typedFindings('synthetic_chambers.py', source([...code, ...pasted(grid)])), []);
    const patient = ['|mrn     |serial     |', '|90000417|ZZC-0077410|'];
    const found = typedFindings('synthetic_chambers.py', source([...code, ...pasted(grid), ...pasted(patient)])).map(([category, , value]) => `${category} ${value}`);
    assert.deepEqual(found.filter((f) => f.startsWith('device-id')), ['device-id ZZC-0077410', 'device-id ZZC-0077410', 'device-id ZZC-0077410']);
  });

  it("still reports serials in a table with a patient's column or a contact, and a worn device's beside its model", () => {
    const rpm = ['|device_serial  |member_ref   |systolic|', '|ZZBP-22C-04118|ZZM4471908213|148     |'];
    assert.ok(typedFindings('synthetic_rpm.py', source(pasted(rpm))).some(([category]) => category === 'device-id'));
    const aids = ['aids = spark.createDataFrame([("Zzyzx Audeo L90", "2318Z0447", "L")], "aid_model string, aid_serial string, ear string")'];
    assert.deepEqual(typedFindings('synthetic_aids.py', source(aids)), [['device-id', 'aid_serial', '2318Z0447']]);
    const dbs = notebookPrinting(['{', '  "Manufacturer": "Zzyzx Neuro",', '  "Model": "Percept PC",', '  "NeurostimulatorSerialNumber": "NWV588104Z"', '}']);
    assert.deepEqual(typedFindings('synthetic_dbs.ipynb', dbs).map(([category]) => category), ['device-id']);
  });

  it("reads a SELECT of literals as one row, so an agency's city and note are the agency's", () => {
    const sql = ["-- Databricks notebook source", "SELECT '369543' AS ccn, 'Zzyzx Valley Hospice' AS agency_name, '1932647105' AS npi, 'Columbus' AS city, 'Contracted 1900-07-01' AS note"];
    assert.deepEqual(typedFindings('synthetic_agency.sql', sql.join('\n')), []);
    const patient = ["-- Databricks notebook source", "SELECT '00482913' AS mrn, 'Dolores Zorblatt' AS patient_name, 'Columbus' AS city"];
    assert.deepEqual(typedFindings('synthetic_patient.sql', patient.join('\n')).map(([category]) => category), ['mrn', 'name', 'geographic']);
  });
});

describe('objects of a printed dict or JSON response as records', () => {
  const categories = (lines: string[]): (string | undefined)[][] => typedFindings('synthetic_api.ipynb', notebookPrinting(lines)).map(([category, key]) => [category, key]);

  it("reads a contact object's number as staff's by its role, and a list of branches' names as the vendor's", () => {
    assert.deepEqual(categories([
      '{',
      '  "vendor": "Zzyzx Home Infusion",',
      '  "by_branch": [',
      '    {"branch_id": "ZZH-SPK", "name": "Walla Walla", "active": 97},',
      '    {"branch_id": "ZZH-CDA", "name": "Zorblatt Falls", "active": 31}',
      '  ],',
      '  "contact": {',
      '    "name": "Rosario Zorblatt",',
      '    "role": "Nurse Manager",',
      '    "phone": "619-555-0133 x1140"',
      '  }',
      '}',
    ]), []);
  });

  it("still reports a patient's object, and reads the visit around it as the patient's", () => {
    assert.deepEqual(categories([
      '[',
      '  {',
      '    "visit_id": "TV-1900-018842",',
      '    "patient": {',
      '      "mrn": "MRN-0879015",',
      '      "name": "Harold Zorblatt"',
      '    },',
      '    "client_ip": "98.207.44.163",',
      '    "provider": "Zzyzx, Folasade MD"',
      '  }',
      ']',
    ]), [['other-id', 'visit_id'], ['mrn', 'mrn'], ['name', 'name'], ['ip-address', 'client_ip']]);
  });
});

describe("a workspace's audit log", () => {
  it("reads the users, mails and source addresses of an audit log's rows as the workforce's", () => {
    const border = '+------------------------+-----------------------------+-----------------+-----------+';
    const rows = [border, '|event_time              |user_email                   |source_ip_address|action_name|', border,
      '|1900-07-22T06:00:14.488Z|svc-etl@zzyzx-health.example |52.160.74.19     |getTable   |', border];
    assert.deepEqual(typedFindings('synthetic_audit.ipynb', notebookPrinting(rows)), []);
    // The same addresses in a table of a patient portal's logins are the patients'.
    const logins = rows.map((l) => l.replace('action_name', 'mrn        ').replace('getTable   ', '90000417   '));
    assert.ok(typedFindings('synthetic_logins.ipynb', notebookPrinting(logins)).some(([category]) => category === 'ip-address'));
  });

  it('still reads the literals of a statement a user ran, and a browser is no agent', () => {
    const border = '+---------------------------+-----------------------------------------------------------------------+';
    const history = [border, '|executed_by                |statement_text                                                         |', border,
      "|analyst@zzyzx-health.example|SELECT * FROM zz.linelist WHERE dob = '1929-03-14' OR phone = '216-555-0154'|", border];
    assert.deepEqual(typedFindings('synthetic_history.ipynb', notebookPrinting(history)).map(([category]) => category), ['date', 'phone']);
    const logins = ['+--------+-------------+----------------+', '|username|client_ip    |user_agent      |', '+--------+-------------+----------------+',
      '|zkzorbla|71.58.203.117|Mozilla/5.0 (X11)|', '+--------+-------------+----------------+'];
    assert.ok(typedFindings('synthetic_portal.ipynb', notebookPrinting(logins)).some(([category]) => category === 'ip-address'));
  });
});

describe('tables of areas', () => {
  it("reads the cities of a table of census tracts as the areas', and a patient's city as theirs", () => {
    const tracts = ['   tract_geoid  county_fips         city  positivity', '0  06019000700        06019       Fresno        0.34',
      '1  06019007601        06019        Selma        0.41'];
    assert.deepEqual(typedFindings('synthetic_tracts.ipynb', notebookPrinting(tracts)), []);
    const patients = ['        mrn         city  positivity', '0  90000417       Fresno        0.34', '1  90000418        Selma        0.41'];
    assert.deepEqual(typedFindings('synthetic_patients.ipynb', notebookPrinting(patients)).map(([category]) => category), ['mrn', 'geographic', 'mrn', 'geographic']);
  });

  it("reads an organisation's list of contacts in a JSON response as the organisation's", () => {
    assert.deepEqual(typedFindings('synthetic_partners.ipynb', notebookPrinting([
      '{', '  "referral_partners": [', '    {', '      "org": "Zzyzx County Food Bank",', '      "contacts": [', '        {',
      '          "name": "Itzel Zorblatt-Marroquin",', '          "email": "izorblatt@zzfoodbank.example.org",', '          "phone": "559-555-0102"',
      '        }', '      ]', '    }', '  ]', '}',
    ])), []);
  });
});

describe('records of sites and vendors', () => {
  const findings = (lines: string[]): (string | undefined)[] => typedFindings('synthetic_sites.ipynb', notebookPrinting(lines)).map(([category]) => category);

  it("reads a mapping whose own name is an organisation's as the organisation's, and a person's as the person's", () => {
    assert.deepEqual(findings([
      'sites:',
      '  NL: {name: "Zorblatt Community MH Center", address: "2210 W Zzyzx Ave, Chicago, IL 60625", phone: "(773) 555-0140"}',
      '  RS: {name: "Zzyzx Clozapine Clinic", address: "88 N Zorblatt Ave, Riverside, IL 60546", phone: "(708) 555-0172"}',
    ]), []);
    assert.ok(findings(['  pt: {name: "Harold Zorblatt", address: "2210 W Zzyzx Ave, Chicago, IL 60625", phone: "(773) 555-0140"}']).includes('phone'));
    // One record whose first field names an organisation and nobody else is that organisation's.
    assert.deepEqual(findings(['  medicare: {carrier: "Zzyzx Medical Group", phone: "773-555-0121"}']), []);
    assert.ok(findings(['  medicare: {carrier: "Zzyzx Medical Group", member: "Harold Zorblatt", phone: "773-555-0121"}']).includes('phone'));
  });

  it("reads an object nested in a vendor's record as the vendor's, unless it names a person", () => {
    const vendor = (inner: string): string[] => [
      '{', '  "Zzyzx Home Medical": {', '    "npi": "1234567893",', '    "address": "118 Zorblatt Ave, Suite 2, Asheville, NC 28801",',
      `    "intake": {${inner}"phone": "828-555-0190", "fax": "828-555-0191"}`, '  }', '}',
    ];
    assert.deepEqual(findings(vendor('')), []);
    assert.deepEqual(findings(vendor('"mrn": "ZZ0879015", ')).filter((c) => c === 'phone' || c === 'fax'), ['phone', 'fax']);
  });

  it("reads a diff of a site's record as one record, and a patient's block of fields as one record", () => {
    assert.deepEqual(findings([
      '--- sites_history', '+++ sites', '@@ -1,4 +1,4 @@', '-main_phone: (509) 555-0120', '+main_phone: (509) 555-0128',
      ' site_id: OKV', '-site_address: 715 S Zzyzx Ave, Okanogan, WA 98840', '+site_address: 715 S Zzyzx Ave, Suite 4, Okanogan, WA 98840',
      " site_name: Zorblatt Valley Women's Clinic",
    ]), []);
    // `name` alone is read as a person's only beside an identifier: the block is one record, so the MRN types it.
    assert.deepEqual(findings(['mrn: ZZ0879015', 'name: Harold Zorblatt', 'phone: (509) 555-0128']), ['mrn', 'name', 'phone']);
  });

  it("reads a vendor list in YAML, in an output or a comment, as the vendors' and their contacts'", () => {
    const yaml = [
      'suppliers:', '  - vendor: Zzyzx Biosolutions (public-interest pricing)', '    account_no: ZZ-LA-00417', '    contact:',
      '      name: Kendra Zorblatt-Weiss', '      email: kzorblatt@zzyzx-bio.example.com', '      phone: "555-555-0163 ext 221"',
      '  - name: Zorblatt Community Garden Co-op', '    contact: {name: "Hazel Zorblatt", phone: "555-555-0129", fax: "555-555-0130"}',
    ];
    assert.deepEqual(findings(yaml), []);
    assert.deepEqual(typedFindings('synthetic_vendors.py', source(yaml.map((l) => `# ${l}`))), []);
    // The same block about a patient is the patient's.
    const patient = ['patients:', '  - mrn: ZZ0879015', '    contact:', '      name: Kendra Zorblatt-Weiss', '      phone: "555-555-0163"'];
    assert.ok(findings(patient).includes('phone'));
  });

  it("reads a report's vendor_contacts and a YAML list of a vendor's contacts as the vendors'", () => {
    assert.deepEqual(findings([
      '{', '  "account": "ZZ-SLEEP-0042",', '  "vendor_contacts": {', '    "clinical_liaison": {"name": "Rosalind Zorblatt", "phone": "555-555-0188"},',
      '    "tech_support": {"phone": "1-800-555-0142", "hours": "24x7"}', '  }', '}',
    ]), []);
    assert.deepEqual(findings([
      'vendors:', '  - name: Zzyzx Specialty Distribution', '    account: ZZ-00417', '    contacts:', '      - name: Customer Service',
      '        phone: "800-555-0133"', '      - name: Amit Zorblatt', '        email: orders@zzyzx-strips.example.com',
    ]), []);
    // Each patient of a list stays a record of their own, with their own contacts.
    assert.ok(findings(['patients:', '  - mrn: ZZ0879015', '    contacts:', '      - name: Kendra Zorblatt', '        phone: "555-555-0163"']).includes('phone'));
  });

  it("still reads a patient's account beside a vendor as the patient's", () => {
    assert.deepEqual(findings(['{"vendor": "Zzyzx Labs", "patient_account_no": "ZZ12345678", "phone": "555-555-0164"}']), ['account-number', 'phone']);
  });

  it("reads a ticket's people (`assignee`, `opened_by`) as staff, and its patient's object as the patient's", () => {
    const ticket = (extra: string[]): string[] => [
      '{', '  "number": "INC0012345",', '  "opened_by": {"display_value": "Marisela Zorblatt", "email": "mzorblatt@zzyzx-kidney.example.com"},',
      '  "assigned_to": {"display_value": "Kee Zorblatt (vendor FSE)", "email": "kzorblatt@zzyzx-renal.example.com"},', ...extra, '  "state": "closed"', '}',
    ];
    assert.deepEqual(findings(ticket([])), []);
    assert.ok(findings(ticket(['  "patient": {"mrn": "ZZ0879015", "email": "harold.zorblatt@zzyzx-mail.example"},'])).includes('email'));
  });

  it("reads no description in a docstring's argument list as a value", () => {
    assert.deepEqual(typedFindings('synthetic_doc.py', source([
      'def connect(fullname, source_address):', "    '''Arguments:", '    fullname:  the file to byte-compile',
      '    source_address: a 2-tuple (host, port) for the socket to bind', "    '''",
    ])), []);
  });

  it("reads a vendor's account and its contacts' names beside the vendor's own as the vendor's", () => {
    assert.deepEqual(findings([
      '{', '  "mail_house": {', '    "name": "Zzyzx Mail & Fulfillment, LLC",', '    "account": "ZZHC-2291",',
      '    "address": "88 Zorblatt Park Dr, Unit C, Conover, NC 28613",', '    "contacts": [',
      '      {"name": "Dwayne Zorblatt", "phone": "555-555-0164"},', '      {"name": "Ximena Zorblatt", "email": "intake@zzyzxmail.example.com"}',
      '    ]', '  }', '}',
    ]), []);
  });

  it("reads a crisis team's base and its staffing as the team's", () => {
    assert.deepEqual(findings([
      'team_code  team_base                            dispatches',
      'MCT-N1     Northgate Station, 10510 5th Ave NE          64',
      'MCT-S2     Federal Way, 33650 6th Ave S                 75',
    ]), []);
  });
});

describe('dicts written as code, and their prints in comments, as records', () => {
  const config = [
    'CFG = {',
    '    "facility": {',
    '        "name": "Zzyzx Teche Medical Center",',
    '        "address": {"street": "2600 Zorblatt Hwy 182 E", "city": "New Zzyzx", "state": "LA", "zip": "70560"},',
    '        "main_phone": "555-555-0100",',
    '    },',
    '    "vendors": {',
    '        "surveillance_app": {',
    '            "name": "Zentri7 (Zorblatt Kluwer)",',
    '            "contact": {"name": "Rachel Zorblatt", "email": "rachel.zorblatt@zzyzx-vendor.example.com", "phone": "+1 555-555-0142 ext 3"},',
    '        },',
    '    },',
    '}',
  ];

  it("reads a facility's nested address and a vendor's contact in a config dict as theirs", () => {
    assert.deepEqual(typedFindings('synthetic_config.py', source(config)), []);
  });

  it('reads the same dict pretty-printed in comments as theirs', () => {
    const printed = [
      "# {'facility': {'name': 'Zzyzx Teche Medical Center',",
      "#               'address': {'street': '2600 Zorblatt Hwy 182 E', 'city': 'New Zzyzx', 'state': 'LA', 'zip': '70560'},",
      "#               'main_phone': '555-555-0100'},",
      "#  'vendors': {'surveillance_app': {'name': 'Zentri7 (Zorblatt Kluwer)',",
      "#                                   'contact': {'name': 'Rachel Zorblatt',",
      "#                                               'email': 'rachel.zorblatt@zzyzx-vendor.example.com'}}}}",
    ];
    assert.deepEqual(typedFindings('synthetic_config.py', source(printed)), []);
  });

  it("reads a vendor's record printed by json.dumps(indent=2) in comments, and a centre's JSON in a Scala string, as theirs", () => {
    assert.deepEqual(typedFindings('synthetic_quote.py', source([
      '# {', '#   "vendor": "Zzyzx Mobile Imaging LLC",', '#   "contact": {', '#     "name": "Desmond Zorblatt",',
      '#     "phone": "(555) 555-0196 x212",', '#     "email": "dzorblatt@zzyzx-mobile.example.com"', '#   }', '# }',
    ])), []);
    const scala = ['val centerProfile =', '  s"""{', '     |  "center_name": "Zzyzx Children\'s & Adult Heart Institute",',
      '     |  "address": "4100 Zorblatt R St, Detroit, MI 48201",', '     |  "main_phone": "555-555-0100",',
      '     |  "coordinator": {"name": "Aurelio Zorblatt Quispe, CCP", "pager": "555-555-6620"}', '     |}""".stripMargin', ''].join('\n');
    assert.deepEqual(typedFindings('synthetic_center.scala', scala), []);
  });

  it("reads a vendor's record with its contact, and a report's `approved_by`, as theirs", () => {
    assert.deepEqual(typedFindings('synthetic_quote.py', source([
      'quote = {',
      '    "vendor": "Zzyzx Mobile Imaging LLC",',
      '    "contact": {"name": "Desmond Zorblatt", "title": "Account Executive", "phone": "(555) 555-0196 x212"},',
      '}',
      'summary = {"season": "2024-25", "approved_by": {"name": "Ayasha Zorblatt, MD", "phone": "555-555-0142"}}',
      'upload = {"submitter": {"name": "Lan Anh Zorblatt", "email": "lananh.zorblatt@zzyzx-mc.example.org", "phone": "555-555-0140 x7-3381"}}',
    ])), []);
  });

  it("reads a contact whose title is a job's as staff, beside an account, and a patient's honorific title as no job", () => {
    const record = ['{', '  "account": "ZZ-0042",', '  "carrier_contact": {', '    "name": "Gretchen Zorblatt-Stein",',
      '    "title": "Healthcare Accounts Manager",', '    "phone": "(555) 555-0138",', '    "email": "g.zorblatt@zzyzx-courier.example.com"', '  }', '}'];
    assert.deepEqual(typedFindings('synthetic_sla.py', source(['sla = ' + record[0], ...record.slice(1)])), []);
    assert.deepEqual(typedFindings('synthetic_sla_printed.ipynb', notebookPrinting(record)), []);
    const patient = typedFindings('synthetic_contact.py', source([
      'pt = {"account": "ZZ-0042", "guarantor": {"name": "Gretchen Zorblatt-Stein", "title": "Mrs", "phone": "555-555-0138"}}',
    ])).map(([category]) => category);
    assert.deepEqual(patient, ['name', 'phone']);
  });

  it("still reads a patient's object beside a facility, and a record with an owner, as the patient's", () => {
    const visit = typedFindings('synthetic_visit.py', source([
      'visit = {"facility": "Zzyzx Teche Medical Center", "patient": {"name": "Harold Zorblatt", "phone": "555-555-0177"}}',
    ])).map(([category, , text]) => `${category} ${text}`);
    assert.deepEqual(visit, ['name Harold Zorblatt', 'phone 555-555-0177']);
    // A record's owner does not make the other names in it staff's, here or anywhere else in the file.
    const tagged = typedFindings('synthetic_tags.py', source([
      'pt = {"mrn": "ZZ1873390", "name": "Grzegorz Zzyzxowski"}',
      'tags = {"owner": "qa.lead@zzyzx-health.example.org", "regression_case_name": "Zzyzxowski, Grzegorz"}',
    ])).map(([category, , text]) => `${category} ${text}`);
    assert.ok(tagged.includes('name Grzegorz Zzyzxowski'), tagged.join('; '));
  });
});

describe('frames printed transposed (one record per column)', () => {
  const rows: [string, string, string][] = [
    ['mrn', 'ZZ-118204', 'ZZ-120377'], ['patient_name', 'ZORBLATT, HEZEKIAH L', 'ZZYZX, EVANGELIA'],
    ['birth_date', '1930-10-02', '1929-04-25'], ['election_date', '2023-09-14', '2023-11-02'], ['age_band', '90+', '90+'],
  ];

  it('keys each value of a df.T print by its row label', () => {
    const lines = ['                                   0                     1', ...rows.map(([k, a, b]) => `${k.padEnd(16)}${a.padStart(20)}${b.padStart(22)}`)];
    const found = typedFindings('synthetic_transposed.ipynb', notebookPrinting(lines)).map(([category, key]) => `${category} ${key}`);
    assert.deepEqual(found.filter((f) => f.startsWith('date')), ['date birth_date', 'date birth_date', 'date election_date', 'date election_date']);
  });

  it('keys each value of a df.T HTML table by its row header, and leaves a count of missing values alone', () => {
    const html = (body: [string, ...string[]][], columns: string[]): string => ['<table border="1" class="dataframe">', '<thead><tr><th></th>',
      ...columns.map((c) => `<th>${c}</th>`), '</tr></thead><tbody>', ...body.map(([k, ...v]) => `<tr><th>${k}</th>${v.map((x) => `<td>${x}</td>`).join('')}</tr>`),
      '</tbody></table>'].join('\n');
    const cell = (text: string) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', execution_count: 1, metadata: {}, source: ['df.T'], outputs: [{ output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/html': text } }] }] });
    const found = typedFindings('synthetic_transposed.ipynb', cell(html(rows, ['0', '1']))).map(([category, key]) => `${category} ${key}`);
    assert.ok(found.includes('date election_date') && found.includes('mrn mrn'), found.join('; '));
    assert.deepEqual(typedFindings('synthetic_missing.ipynb', cell(html([['mrn', '0'], ['dob', '12'], ['ssn', '1450']], ['0']))), []);
  });

  it('still keys a frame printed without its index by its columns, its first column of codes at the margin', () => {
    const row = (a: string, b: string, c: string): string => `${a.padStart(10)} ${b.padStart(22)} ${c.padStart(10)}`;
    const lines = [row('mrn', 'pt_name', 'pt_dob'), ...['ZZA0884127', 'ZZA0512290', 'ZZA0956641', 'ZZA0347719', 'ZZA0609952'].map((m, i) => row(m, 'ZORBLATT,WINIFRED', `1930-03-0${i + 1}`))];
    const found = typedFindings('synthetic_frame.ipynb', notebookPrinting(lines)).map(([category, key]) => `${category} ${key}`);
    assert.equal(found.filter((f) => f === 'mrn mrn').length, 5, found.join('; '));
    assert.equal(found.filter((f) => f === 'date pt_dob').length, 5, found.join('; '));
  });

  it("reads a mailing label's address lines beside the person's name", () => {
    const found = typedFindings('synthetic_labels.py', source(['# name,line1,city,st,zip', '# Gwenllian Zorblatt,409 W 17th Ave,Hutchinson,KS,67502', '# Alcide Zzyzx,PO Box 2207,South Hutchinson,KS,67505']));
    assert.deepEqual(found.filter(([, key]) => key === 'line1').map(([category]) => category), ['geographic', 'geographic']);
  });
});

describe('an X12 interchange pasted as comments', () => {
  it("reads its loops across the comment lines: a subscriber's city, ZIP and service date, never the billing provider's street", () => {
    const segments = [
      'NM1*85*2*ZORBLATT FAMILY HEALTH CENTER*****XX*1234567893~', 'N3*2020 S ZZYZX AVE~', 'N4*TESTVILLE*WI*537031234~',
      'HL*2*1*22*1~', 'NM1*IL*1*ZORBLATT*QUENNELL****MI*ZZ40418801~', 'N3*1455 N ZZYZX AVE~', 'N4*ZORBVILLE*AZ*85621~',
      'CLM*ZZPCN0001*62.00***11:B:1*Y*A*Y*Y~', 'DTP*472*D8*19000502~',
    ];
    const text = source(segments.map((s) => `# ${s}`));
    const values = typedFindings('synthetic_837d.py', text).map((f) => f[2]);
    for (const value of ['ZORBVILLE', '85621', '19000502', '1455 N ZZYZX AVE']) assert.ok(values.includes(value), `the subscriber's ${value.length}-character value`);
    assert.ok(!values.some((v) => v?.includes('2020 S ZZYZX')), "the provider's street");
  });
});

describe('positions of findings beside values read as fields of a longer value', () => {
  it('places every finding on the value it reports when a field sits inside another field\'s value', () => {
    const stream = ['[\n', '  {\n', '    "text": "To: Zorblatt Bridge Clinic   Fax: 555-555-0150   Phone: 555-555-0151",\n', '    "confidence": 98.1\n', '  }\n', ']\n'];
    const text = JSON.stringify({ cells: [{ cell_type: 'code', execution_count: 1, metadata: {}, source: ['print(ocr)'], outputs: [{ name: 'stdout', output_type: 'stream', text: stream }] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
    const covered = scanText('synthetic_ocr.ipynb', text).findings.map((f) => text.slice(f.range.startOffset, f.range.endOffset));
    assert.ok(covered.length > 0);
    for (const c of covered) assert.match(c, /^555-555-015\d$/);
  });
});

describe('tables written into code in other shapes', () => {
  it("reads a device's semicolon CSV kept in a string, under its header", () => {
    const text = source(['csv = """device;fw;patient_name;patient_id;birth;charge', '5Q-21188;3.2.1;ZORBLATT QUENNELL;30081502;08.03.1900;25"""']);
    const found = typedFindings('synthetic_mecta.py', text);
    assert.ok(found.some((f) => f[0] === 'name' && f[2] === 'ZORBLATT QUENNELL'), JSON.stringify(found.map((f) => f[0])));
    assert.ok(found.some((f) => f[0] === 'date' && f[2] === '08.03.1900'), JSON.stringify(found.map((f) => f[0])));
  });

  it("reads Spark SQL's named_struct as a record: each value under the key before it", () => {
    const text = ['-- Databricks notebook source', "INSERT INTO t VALUES ('ZZ-1', named_struct('name', 'Lorraine Zorblatt', 'relation', 'daughter', 'phone', '(555) 555-0143'));", ''].join('\n');
    assert.deepEqual(typedFindings('synthetic_struct.sql', text), [['name', 'name', 'Lorraine Zorblatt'], ['phone', 'phone', '(555) 555-0143']]);
  });

  it("reads a pasteurizer's cycle log, its operator's name beside the serial, as the machine's", () => {
    const grid = ['+------------+------------------+------------------+', '|    batch_id|pasteurizer_serial|     operator_name|',
      '+------------+------------------+------------------+', '|PB-240815-03|   SP-HDR-22-00311|      Q. Zorblatt|', '+------------+------------------+------------------+'];
    assert.deepEqual(typedFindings('synthetic_milk.py', source(['# MAGIC %md', '# MAGIC ```', ...grid.map((l) => `# MAGIC ${l}`), '# MAGIC ```'])), []);
  });
});

describe('a queue of callbacks beside the staff member who calls', () => {
  it("reports the caller's callback number in a CSV whose one name column is the counselor's", () => {
    const text = source(['queue_csv = """contact_id,risk,callback_number,preferred_time,counselor,status', 'CC-24-0927-1183,high,5555550133,after 9am,jzorblatt,DONE-LATE', '"""',
      '# MAGIC %md', '# MAGIC callback for the caller: (555) 555-0133']);
    const phones = typedFindings('synthetic_queue.py', text).filter((f) => f[0] === 'phone');
    assert.equal(phones.length, 2, JSON.stringify(phones.map((p) => p[1])));
  });
});
