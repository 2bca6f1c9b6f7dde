import { strict as assert } from 'node:assert';
import { found, vectors } from './helpers';

describe('detectors/name', () => {
  vectors([
    { label: 'a given name and surname from the dictionaries', text: 'follow up with Jane Smith next week', value: 'Jane Smith', category: 'name' },
    { label: 'an honorific with an unknown surname', text: 'Mr. Okonkwo called about results', value: 'Okonkwo', category: 'name' },
    { label: 'a patient cue', text: 'patient Maria Garcia re-admitted', value: 'Maria Garcia', category: 'name' },
    { label: 'a name label', text: 'Name: Robert Nguyen', value: 'Robert Nguyen', category: 'name', region: 'output' },
    { label: 'a family role cue', text: 'mother Rosa Lopez consented', value: 'Rosa Lopez', category: 'name' },
    { label: 'an ambiguous given name after a strong cue', text: 'Mrs. Grace Hopkins', value: 'Grace Hopkins', category: 'name' },
    { label: 'a middle initial', text: 'Name: John Q. Smith', value: 'John Q. Smith', category: 'name', region: 'markdown' },
    { label: 'a surname outside the lists after a clear given name', text: 'called Linda Okafor back', value: 'Linda Okafor', category: 'name' },
    { label: 'a word-like given name and a clear surname', text: 'looked at the member Tanya flagged, Maria Gonzalez, twice', value: 'Maria Gonzalez', category: 'name' },
    { label: 'a clear given name and a word-like surname', text: 'Spot check Keisha Brown (readmit label wrong?)', value: 'Keisha Brown', category: 'name' },
    { label: 'a full name in the possessive', text: 'the cuff is Dorothy Vance\'s, set up by family', value: 'Dorothy Vance', category: 'name' },
    { label: 'a name a clause after a workforce word', text: 'Nurse line asked why Luis Herrera gets paged', value: 'Luis Herrera', category: 'name' },
    { label: 'a surname alone after a strong cue', text: 'pt Okafor called back re: results', value: 'Okafor', category: 'name' },
    { label: 'surname first', text: 'Patient: Garcia, Maria', value: 'Garcia, Maria', category: 'name' },
    { label: 'EHR capitals, surname first', text: 'patient name GARCIA, MARIA', value: 'GARCIA, MARIA', category: 'name' },
    { label: 'a two-word name after "for"', text: 'Chart review for Maria Garcia', value: 'Maria Garcia', category: 'name', region: 'title' },
    { label: 'surname first with a middle initial and no cue', text: 'worklist = ["Garcia, Maria L", "x"]', value: 'Garcia, Maria L', category: 'name' },
    { label: 'a record in capitals, surname first, a surname outside the lists', text: 'matched ZZQUORVANT, ROSA to the chart', value: 'ZZQUORVANT, ROSA', category: 'name' },
    { label: "a newborn's placeholder name and twin letter", text: 'infant keyed as "ZZQUORVANT, BABYGIRL B"', value: 'ZZQUORVANT, BABYGIRL B', category: 'name' },
    { label: "a hyphenated surname and a newborn's placeholder", text: 'registered as ZZQUOR-VANTEX, BABY BOY.', value: 'ZZQUOR-VANTEX, BABY BOY', category: 'name' },
    { label: 'a name after a dash in a list item, not after a sentence', text: '* **ticket 12** \u2014 Jane Smith, CARC 50 on the admission', value: 'Jane Smith', category: 'name' },
  ], [
    { label: 'places listed surname first in title case', text: '# (UTC+12:00) Auckland, Wellington' },
    { label: 'who to ask', text: '- Questions: Jane Smith, or #px-analytics in Teams' },
    { label: 'who checked a figure', text: '# matches the volume report (checked w/ Jane Smith)' },
    { label: 'who last touched a notebook', text: '*last touched: Jane Smith*' },
    { label: 'a name with an extension', text: 'ask the desk (Jane Smith, ext. 4471).' },
    { label: 'an attribution after a sentence', text: 'nobody could reproduce. \u2014 Jane Smith, Perioperative Analytics' },
    { label: 'a name with its build team in brackets', text: '  Jane Smith (athena build).' },
    { label: 'a list of three', text: 'we support Python, Julia, and R' },
    { label: 'a provider surname first', text: 'attending: GARCIA, MARIA, MD' },
    { label: 'two word-like names without a cue', text: 'Grace Park and Delta Lake' },
    { label: 'a word-like given name before a surname that is also a word', text: 'state data dating back to the Genesis Block' },
    { label: 'a lone word in the possessive', text: "St. Mary's and Children's" },
    { label: 'an author after a workforce cue and an address', text: '# @author ab@example.org (Anthony Example)' },
    { label: 'a given name and a prefix-formed English word', text: 'Ivy Default Cache set to: /home/x/.ivy2/cache' },
    { label: 'capitals after a cue that are not names', text: 'patient HIV POSITIVE; pt ED VISIT; member COPD ASTHMA' },
    { label: 'a team after a cue word', text: 'Member Services line staffed 24/7' },
    { label: 'a lone given name after "for"', text: 'waiting for Kevin' },
    { label: 'institutions with given names', text: 'Beth Israel Deaconess and Dana Farber' },
    { label: 'a technical word after a given name', text: 'Adam Optimizer settings' },
    { label: 'a provider with Dr.', text: 'reviewed by Dr. John Smith' },
    { label: 'a provider with a degree', text: 'Jane Smith, MD signed the note' },
    { label: 'an author line', text: 'Author: Jane Smith' },
    { label: 'a copyright line', text: 'Copyright 2024 Jane Smith' },
    { label: 'a git author with an address', text: 'Author: Jane Smith <jane.smith@corp.example>' },
    { label: 'a co-author trailer', text: 'Co-authored-by: Jane Smith <jane.smith@corp.example>' },
    { label: 'an eponymous disease', text: "Parkinson disease and Crohn's and Hodgkin lymphoma" },
    { label: 'an institution', text: 'Johns Hopkins Hospital and Mayo Clinic' },
    { label: 'a statistics eponym', text: 'Kaplan Meier curves and Cox model' },
    { label: 'a product name', text: 'Delta Lake on Unity Catalog with Apache Spark' },
    { label: 'an ambiguous first name without a cue', text: 'Will Smith' },
    { label: 'a month and a surname', text: 'March Madness' },
    { label: 'another thing named', text: 'table name: Patient Encounters' },
    { label: 'lower-case words', text: 'jane smith' },
    { label: 'a name followed by an organisation word', text: 'Mary Washington Hospital' },
    // Look-alikes from real code: field descriptions in docstrings, vendors, month lists.
    { label: 'a field description after a name label', text: 'Args:\n  name: Output only. Identifier. The resource name.', region: 'code' },
    { label: 'a field description after a member label', text: 'member: Member for which the prompt is generated.', region: 'code' },
    { label: 'a product after a client label', text: 'compute_client: Google Compute Engine client.', region: 'code' },
    { label: 'a sentence opening after a name label', text: 'name: Matcher to match on an object name. name: Dataflow service generated name.', region: 'code' },
    { label: 'a technical noun after a name label', text: 'name: Identifier. Resource name for the access policy.', region: 'code' },
    { label: 'a vendor in capitals', text: 'Execute program (MS Windows version); look for MS Office files' },
    { label: 'a list of month abbreviations', text: "months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'", region: 'code' },
  ]);
});

describe('detectors/name: surname first', () => {
  it('reads no pair of a list of names written given name first as one name written surname first', () => {
    // Each name of the list may be found on its own; what must not be found is `Surname, Given` across two of them.
    const text = '# with Charles G Waldman, Rosa Arnold, Guido van Rossum, Tom Hellerix and Zed Q. Zzquorvant, Rosa';
    const values = found(text).map((f) => f.value);
    assert.ok(values.every((v) => !v.includes(',')), values.join(' | '));
  });
});

/** What follows a name can make it staff's: a role, credentials, a byline address, a TODO's owner, a directory row. */
describe('detectors/name: staff named beside their role', () => {
  vectors([
    { label: 'a patient with a note in brackets', text: 'patient Harold Zorblatt (see chart) called', value: 'Harold Zorblatt', category: 'name' },
    { label: "a patient escalated, named with a birth date in brackets", text: 'Current escalation: Harold Zorblatt-Jones (DOB on file), BLL 27', value: 'Harold Zorblatt', category: 'name', region: 'markdown' },
    { label: 'a patient whose last word no list knows, with a note in brackets', text: 'patient Harold Quennell Rao (see chart) called', value: 'Harold Quennell', category: 'name' },
    { label: 'a name before a note about the care team', text: 'Harold Zorblatt (care team notified) missed dialysis', value: 'Harold Zorblatt', category: 'name' },
    { label: 'a patient in brackets after a word about them', text: 'the fall on 4 West (Harold Zorblatt) was reviewed', value: 'Harold Zorblatt', category: 'name' },
    { label: 'a patient and the unit the patient is in', text: 'Harold Zorblatt in ICU since Tuesday', value: 'Harold Zorblatt', category: 'name' },
    { label: 'a patient under a label of notes', text: 'Pharmacy note: Harold Zorblatt refused', value: 'Harold Zorblatt', category: 'name', region: 'markdown' },
    { label: 'a patient whose nickname is in quotes', text: 'patient Harold "Hal" Zorblatt missed dialysis', value: 'Harold "Hal" Zorblatt', category: 'name' },
    { label: "a surname before the next field's label on a scanned form", text: 'Last Name: Zorblatt First Name: (illegible)', value: 'Zorblatt', category: 'name', region: 'comment' },
    { label: 'a patient named after a sentence a byline opened', text: 'Reported by Quennell Ridge ED, 2024-08-07. Patient Harold Zorblatt was bitten', value: 'Harold Zorblatt', category: 'name', region: 'markdown' },
  ], [
    { label: 'a name before a role in brackets', text: 'TODO: Harold Zorblatt (data eng) to move consent_event to streaming' },
    { label: 'a name with nursing credentials', text: 'Harold Zorblatt, BSN, RN', region: 'output' },
    { label: "a perfusionist's name with the credential in a roster tuple", text: "('Harold Zorblatt, CCP', 'Dr. Quennell')", region: 'comment' },
    { label: "an industrial hygienist's and a technologist's credentials", text: 'Harold Zorblatt, CIH and Gretchen Vell, RT(R)(CT) (CT lead tech) met', region: 'markdown' },
    { label: 'a name before the department the person works in', text: 'call notes (Vell, Harold Zorblatt (pharmacy), Ada Quell)', region: 'markdown' },
    { label: 'a byline with an organisation address', text: 'ED Analytics · Harold Zorblatt (hzorblatt@lakeshorehealth.org) · 2024-10-17', region: 'markdown' },
    { label: 'a name and its role inside brackets', text: '| Approver | Privacy Office (Harold Zorblatt, CISO delegate) |', region: 'markdown' },
    { label: "a TODO's owner in brackets", text: 'TODO: move to v4.1 frequencies once the job is done (Harold Zorblatt).', region: 'markdown' },
    { label: "a fixture's placeholder person", text: 'fixture: patient Doe, Jane (mrn 000000000) and patient John Doe', region: 'comment' },
    { label: 'a director whose nickname is in quotes', text: '* EVS director: **Harold "Hal" Zorblatt**, ext 4410', region: 'markdown' },
    { label: 'a name in bold before the department', text: 'Responder head-end: **Harold Zorblatt-Vell**, Biomed, pager', region: 'markdown' },
    { label: "a research coordinator's credential", text: '* Data manager (registry forms): **Harold Zorblatt, CCRP** · x4812', region: 'markdown' },
    { label: 'who signs off', text: 'Compliance sign-off: Harold Zorblatt', region: 'markdown' },
    { label: 'a home care aide', text: 'aide Harold Zorblatt (A-10442) filled a paper timesheet', region: 'markdown' },
    { label: 'names under department labels', text: '**Engineering:** Harold Zorblatt · **Biomed:** Gretchen Vell · Facility administrator (north unit): Ada Quell', region: 'markdown' },
    { label: "a vocational nurse's and a recreation therapist's credentials", text: '"Harold Zorblatt, LVN" and "Gretchen Vell-Zzyzx, CTRS"', region: 'comment' },
    { label: 'credentials after a degree or a name in another script', text: '"Harold Zorblatt, MS, CCC-SLP" and "Gretchen Vell (\u0413\u0440\u0435\u0442\u0430), RRT"', region: 'comment' },
    { label: "a vendor's field engineer", text: 'GE service 1-800-555-0166, FE Harold Zorblatt. Ticket CHG0042117.', region: 'comment' },
    { label: 'a staff directory row with the address of the same person', text: '("CTR-022", "Harold Zorblatt", "harold.zorblatt@lakeshorehealth.org", "Main")', region: 'comment' },
    { label: 'a reviewer', text: '**Privacy review:** Harold Zorblatt, Privacy Office', region: 'markdown' },
    { label: 'a Spanish honorific of a clinician', text: '"311": ("Hospital Universitario del Sur", "ESP", "Dra. Marta Zorblatt")', region: 'comment' },
    { label: 'every name of a list of owners', text: 'Owners: Harold Zorblatt (hzorblatt@zzyzx-health.org), Gretchen Vell. Reviewer: Ada Quell.', region: 'markdown' },
    { label: 'a list of attendees that goes on to the next line', text: '* Attendees: Dr. Harold Zorblatt (chair), Gretchen Vell, Linda Quell (CNO office),\n  Marcus Zorblatt.', region: 'markdown' },
    { label: 'a name that owns a follow-up', text: '# Harold Zorblatt-Vell owns the follow-up (RCM-1187).' },
    { label: "a physician's hyphenated name before the credential", text: '| OB11 | Harold Zorblatt-Vell, MD | 98 | 39 |', region: 'output' },
    { label: 'a desk extension of three digits alone in brackets', text: 'spoke with Harold Zorblatt (x662) today', region: 'markdown' },
    { label: 'a department and a desk extension in brackets', text: 'Analyst support: Harold Zorblatt (Decision Support, x3-8812) · Nursing', region: 'markdown' },
    { label: 'a hyphenated name before its desk extension', text: 'OR scheduling (Harold Zorblatt-Vell, x3341) confirmed two slots', region: 'markdown' },
    { label: 'a backup in a table of who does what', text: '| backup | Harold Zorblatt-Vell |', region: 'markdown' },
    { label: 'a nurse whose credentials follow without a comma', text: 'Program leads: Harold Zorblatt RN CM, and the ED team.', region: 'markdown' },
    { label: 'a supervisor in brackets', text: '# Harold Zorblatt (HIM supervisor) confirmed these are different people.' },
    { label: 'an author after a handle', text: '# author: hzorblatt (Harold Zorblatt), since 2022-11' },
    { label: 'reviewers listed after their label', text: '`reviewers: Harold Zorblatt, Gretchen Zorblatt`', region: 'markdown' },
    { label: 'a committee chair', text: 'the Access committee (chair: Harold Zorblatt, VP Access) was clear about that', region: 'markdown' },
    { label: 'a chief nursing officer the result was shared with', text: '# => 21.9 % lower. Shared with CNO Harold Zorblatt-Reid 2024-06-07.' },
    { label: 'the people of a meeting', text: '### Hand-off (2024-05-06 meeting with Harold Zorblatt, Gretchen Zorblatt)', region: 'markdown' },
    { label: 'a colleague to ask', text: 'excluded from DAR? -> ask Harold Zorblatt.', region: 'markdown' },
    { label: 'a contact with an extension in brackets', text: 'Contacts: Harold Zorblatt (x6620), IP office on the 2nd floor', region: 'markdown' },
    { label: 'a place named after a saint', text: 'visits from Santa Cruz Valley only started flowing in February', region: 'markdown' },
    { label: 'a department before a name in brackets', text: 'Purchasing (Harold Zorblatt) disputing with vendor, ref case 00911734.', region: 'markdown' },
    { label: "a vendor's engineer before a name in brackets", text: 'Roche FSE (Harold Zorblatt) replaced the reference electrode', region: 'markdown' },
    { label: 'a department in brackets after a name', text: 'confirm the spec with Harold Zorblatt (quality) before submission due 2025-03-15', region: 'markdown' },
    { label: 'a role after a comma', text: 'Contact at the state: Harold Zorblatt, EMS data manager, 651-555-0148.', region: 'markdown' },
    { label: 'the department a name is in', text: 'Not for external use. Harold Zorblatt in Quality Reporting owns the official calc.', region: 'markdown' },
    { label: 'a colleague the work was checked with', text: 'Looked at it with Harold Zorblatt from North County: a standby.', region: 'markdown' },
    { label: "a meeting's attendees and regrets", text: 'Present: Harold Zorblatt, Bettina Quintavalle, Marcus Zorblatt\nRegrets: Linda Zorblatt', region: 'markdown' },
    { label: 'a list of staff with a name no list knows in it', text: 'Reviewers: Harold Zorblatt, Bettina Quintavalle (IP), Marcus Zorblatt', region: 'markdown' },
    { label: 'a name before a department named after patients', text: 'for the business case (Harold Zorblatt, Patient Flow)', region: 'comment' },
    { label: 'a director whose department is named after patients', text: 'for: Harold Zorblatt (Director, Patient Access) - monthly review', region: 'markdown' },
    { label: 'the people of a sign-off line', text: 'QA: Harold Zorblatt · compliance: **Gretchen Zorblatt**', region: 'markdown' },
    { label: "a result's distribution", text: 'Distribution: Harold Zorblatt (CNO office), Nursing directors: Gretchen Zorblatt, Marcus Zorblatt', region: 'markdown' },
    { label: 'a team named after its work before a name in brackets', text: '*Consumers:* Patient Flow (Harold Zorblatt), Nursing staffing (Gretchen Zorblatt)', region: 'markdown' },
    { label: 'a department named by its initials or its work before a name in brackets', text: 'rows go to CDI (Harold Zorblatt) for review; payer relations (Gretchen Zorblatt) to raise', region: 'comment' },
    { label: "a vendor's account manager", text: 'contract renewal with Zzyzx (acct mgr Harold Zorblatt-Ayers, ends 2025-06)', region: 'markdown' },
    { label: 'names no list knows opening a list of attendees', text: 'Attendees: E. Zorblatt-Fitch, P. Quell, Dr. Gideon Zorblatt (chief),\nRenata Kowalczyk-Dunne RN (nursing informatics), Luis Baptista-Ferreira.', region: 'markdown' },
    { label: "an EHR's test patient", text: 'Dear ZZTEST MAMMO ONE,', region: 'output' },
    { label: 'a name in bold before a role in brackets', text: 'On-call for the nightly job this month: **Harold Zorblatt** (data eng)', region: 'markdown' },
    { label: 'a name whose last word no list knows, in bold before its role in brackets', text: '* Bioinformatics: **Harold Quennell Rao** (owner of this notebook)', region: 'markdown' },
    { label: 'a name whose last word no list knows, before its department after a comma', text: '**From:** Harold Quennell Rao, Bioinformatics · **Cc:** the team', region: 'markdown' },
    { label: 'whom to escalate to', text: '5. Escalation: Gretchen Quennell Zorblatt then Dr. Quell.', region: 'markdown' },
    { label: 'a stakeholder whose department serves members', text: '* stakeholders: Harold Zorblatt (VP Member Services), Dr. Quell (CMO)', region: 'markdown' },
    { label: 'a vendor contact whose mailbox is the given name', text: '- Zzyzx Critical Care — Harold Zorblatt, harold@zzyzxccs.com', region: 'markdown' },
    { label: "a vendor contact whose mailbox holds a part of the hyphenated surname", text: '- Zzyzx Staffing — account exec Harold Zorblatt-Reyes, hzreyes@zzyzxstaffing.com', region: 'markdown' },
    { label: "a program manager in brackets and a vendor's customer success manager after a comma", text: 'mailings: Harold Zorblatt (program mgr); texts: Gretchen Zorblatt, CSM at Zzyzx', region: 'markdown' },
    { label: 'a list of directors after a dash, each with a department in brackets', text: 'Nursing directors — Kwazi Zorblatt (Critical Care), Ruth Ellingboe (Med/Surg), Darnell Zorblatt-Price (ED).', region: 'markdown' },
    { label: "a ticket's requester and its confirmer", text: 'extract from Reporting (request RS-11873 — Harold Zorblatt-Mori); marked reviewed (ticket DGO-1184, Gretchen Zorblatt confirmed)', region: 'markdown' },
    { label: 'a role or department labelling a name inside brackets', text: 'service booked (case 02984417, tech: Harold Zorblatt); certs ordered (Procurement: Gretchen Zorblatt).', region: 'markdown' },
    { label: 'a ticket handed to someone', text: 'pharmacy built them 11/27 — ticket CHG-5512 to Harold Zorblatt Robles', region: 'markdown' },
    { label: 'a list of attendees with names in letters beyond ASCII', text: 'Present: S. Ní Zorblatt, G. Zorblattowska, N. Eze, C. Restrepo Zorblatt, Dr. Harold Zorblatt', region: 'markdown' },
    { label: 'a list of attendees with a hyphenated given name', text: 'Present: Harold Zorblatt (CNO), Orla Zzyzxberg, Hannah Qwertyvich, Mai-Linh Tran, Samuel Zorblatt', region: 'markdown' },
    { label: 'a list of attendees with a capital beyond ASCII before a known name', text: 'Present: Dami Zorblatt (chair), Agnieszka Żmuda-Zorblatt, Siosaia Zorblatt, Hannah Bjornstad', region: 'markdown' },
    { label: 'a job title right before a name', text: 'DOH liaison Harold Zorblatt; Zzyzx tech Dominic Zorblatt; press to PIO Denise Zorblatt-Cole', region: 'markdown' },
    { label: "a vendor's field engineer and a department labelling its people", text: '(FSE: Brandon Zorblatt, case 0019283374); provider relations: **Blaise Zorblatt**; Zzyzx ops: Priya Zorblatt', region: 'markdown' },
    { label: 'a county named after a saint in a list', text: 'counties: "12033": "Escambia", "12113": "Santa Rosa", "12091": "Okaloosa"', region: 'code' },
    { label: "a flight crew's names before their certificates", text: '[{Jeremiah Zorblatt, CPL, PIC}, {Ingrid Zorblatt, ATP, PIC}, {Lupe Zorblatt, FP-C, FP}]', region: 'output' },
    { label: 'a hyphenated surname with letters beyond ASCII before its credential', text: 'Daniela Ruiz-Castañeda, PA-C PA       401        44.0', region: 'markdown' },
    { label: 'directors of nursing listed after their label', text: 'DONs: Precious Zorblatt (York), Gwendolyn Tsosie (Lancaster)', region: 'markdown' },
    { label: 'a director of maintenance and revenue cycle by their initials in brackets', text: 'Notify Harold Zorblatt (DOM, ext. 312). RCM (Gretchen Zorblatt) to present at the board', region: 'markdown' },
    { label: 'presenters listed after their label', text: 'Presenters: Dilnoza Zzyzx, Grady Zorblatt, Lupe Zorblatt (EBRS trainer).', region: 'markdown' },
    { label: 'clerks listed after a label in brackets', text: 'Facilities attending (clerks): Hana Zzyzx (Ridge), Wyatt Zorblatt (Plains), Consuelo Zorblatt', region: 'markdown' },
    { label: 'a chaplain by his title', text: 'IDT today: Chaplain Elias Zorblatt joined for the bereavement plan', region: 'markdown' },
    { label: "a payer's reps", text: 'payer QI reps Lorraine Zzyzx (Heritage Health) and Deshawn Zorblatt (Cornhusker Mutual).', region: 'markdown' },
    { label: 'a programme named after a person', text: 'PrEP persistence cascade (Ryan White / Ending the HIV Epidemic jurisdictional report)', region: 'comment' },
    { label: 'counties named after people', text: 'the Anne Arundel and Prince George cohorts', region: 'comment' },
    { label: 'hospitals and stores named after people', text: 'transfers to Dana-Farber; fills at Fred Meyer and Walgreens', region: 'comment' },
    { label: "a vendor's engineers and sales managers by their titles", text: '(Vyaire TSE: Rafaela Zorblatt). Scott Zorblatt (Edwards TSM, 312-555-0177).', region: 'markdown' },
    { label: 'a second surname before a credential, in emphasis', text: 'Program manager sign-off: **Marisol Zorblatt Caal**, AuD, EHDI Coordinator', region: 'markdown' },
    { label: 'public safety partners by their rank', text: 'Capt. Hosteen Zorblatt (San Juan County Fire & EMS), Lt. Ana Paula Zorblatt (Farmington FD)', region: 'markdown' },
    { label: "a chat thread's senders", text: '> [7:48 AM] Felix Zorblatt: pipeline green\n> **[9:03 AM] Ines Zorblatt:** yes, adding it', region: 'markdown' },
    { label: 'a pastor by his title', text: 'Pastor Darnell Zorblatt (Greater Antioch Baptist) hosts the Saturday clinic', region: 'markdown' },
    { label: "a letter's addressee with her title on the next line", text: 'Ms. Renata Zorblatt\nBirth Registrar, Women\'s Services\nCanadian Valley Medical Center', region: 'output' },
    { label: 'a list of attendees wrapped onto the next line', text: 'Attendees: Mai Yer Vang (GC lead), Saoirse Ní Bhriain, Bao Lor, Dr. Pa Nhia Hmoob-Xiong (MFM), Dr. Henrik Kristiansen (OB),\nIgnacio Arriola-Zorblatt (Helixa, guest)', region: 'markdown' },
    { label: 'a listed name whose given name no list knows', text: 'Attendees: Bich Ngoc Zorblatt, PharmD (PICU pharmacy), Eoghan Mac Giolla Phádraig (Patient Safety Officer)', region: 'markdown' },
    { label: 'community health workers listed after their label', text: 'a Spanish-language pilot (Promotoras: Rocío Zorblatt & Guadalupe Zzyzx)?', region: 'markdown' },
    { label: 'attendees with honorifics and a name with a particle', text: '**Attendees:** Dr. Emrys ap Zorblatt (chair), Mr. Thandiwe Zorblatt-Parry, Mr. Cathal Ó Zzyzx, Ms. Agnieszka Zorblatt,', region: 'markdown' },
    { label: "a committee's chaplain and members by their roles after a dash", text: '**For the Immunization Committee** (Dr. Zorblatt, Rev. Lucius Zorblatt \u2013 mission/ethics, Priya Zzyzx \u2013 HR)', region: 'markdown' },
    { label: "a table's row of registrars apart by middle dots", text: '| Registrars | Tenzin Zorblatt, CAISS \u00b7 Rhiannon Zorblatt-Jones \u00b7 Kateryna Zzyzx |', region: 'markdown' },
    { label: "a mail signature's title and desk after bars", text: 'Delphine Zorblatt-Boyd | Director, Environmental Services | x3380 | cell', region: 'markdown' },
    { label: 'a surgeon by his fellowship, written without a comma', text: 'Mr. Thandiwe Zorblatt FRCS runs the Tuesday list', region: 'markdown' },
  ]);

  it("still reports a name after `by` and a deadline, and a name above a street line", () => {
    assert.deepEqual(found('# EI not enrolled by 6mo: Harold Zorblatt (ZZ2274307) dob 02/14/1950', 'comment').filter((h) => h.category === 'name').map((h) => h.value), ['Harold Zorblatt']);
    assert.deepEqual(found('Mrs. Gretchen Zorblatt\n4418 Larkspur Ct\nTulsa OK', 'output').filter((h) => h.category === 'name').map((h) => h.value), ['Gretchen Zorblatt']);
    assert.deepEqual(found('[07:48] Harold Zorblatt arrived by EMS', 'output').filter((h) => h.category === 'name').map((h) => h.value), ['Harold Zorblatt']);
    assert.deepEqual(found('Called Priya Zorblatt \u2013 pharmacy called her back', 'markdown').filter((h) => h.category === 'name').map((h) => h.value), ['Priya Zorblatt']);
    assert.deepEqual(found('Harold Zorblatt | Specialist visit | 2024-03-01', 'markdown').filter((h) => h.category === 'name').map((h) => h.value), ['Harold Zorblatt']);
  });

  it("still reports a name after a ticket's number with words between", () => {
    assert.deepEqual(found('INC-20114 merged the chart of Harold Zorblatt into the survivor', 'markdown').filter((h) => h.category === 'name').map((h) => h.value), ['Harold Zorblatt']);
  });

  it('still reports a name after a word that opens a list, with no colon after it', () => {
    assert.deepEqual(found('the patients were present and Luis Baptista signed', 'markdown').filter((h) => h.category === 'name').map((h) => h.value), ['Luis Baptista']);
  });

  it("still reports a name whose mail on its line is another person's or at a mailbox provider", () => {
    for (const text of ['pt Harold Zorblatt, gretchen.vell@zzyzxcorp.com', 'Harold Zorblatt, harold@gmail.com']) {
      assert.deepEqual(found(text, 'markdown').filter((h) => h.category === 'name').map((h) => h.value), ['Harold Zorblatt'], 'one of the two texts');
    }
  });

  it('ends a list of staff where the words between two names are more than a list', () => {
    const text = 'Owner: Harold Zorblatt. The patient Gretchen Zorblatt was called; reviewed with Harold Zorblatt, then Marcus Zorblatt';
    assert.deepEqual(found(text, 'markdown').filter((h) => h.category === 'name').map((h) => h.value), ['Gretchen Zorblatt', 'Marcus Zorblatt']);
  });

  it('finds a name before a mailbox provider address or an MRN in brackets', () => {
    for (const text of ['spoke with Harold Zorblatt (hz1957@gmail.com)', 'patient Harold Zorblatt (MRN 00719460) called']) {
      assert.deepEqual(found(text).filter((h) => h.category === 'name').map((h) => h.value), ['Harold Zorblatt'], 'one of the two texts');
    }
  });
});
