import { strict as assert } from 'node:assert';
import { found, vectors } from './helpers';

describe('detectors/geographic', () => {
  vectors([
    { label: 'a street address', text: 'lives at 123 Main St', value: '123 Main St', category: 'geographic' },
    { label: 'a full address with unit, city, state and ZIP', text: 'addr: 4500 N Oak Ridge Blvd, Apt 4B, Springfield, IL 62704.', value: '4500 N Oak Ridge Blvd, Apt 4B, Springfield, IL 62704', category: 'geographic' },
    { label: 'an address ending a sentence', text: 'moved to 77 Elm Avenue.', value: '77 Elm Avenue.', category: 'geographic' },
    { label: 'a ZIP after a label', text: 'zip code: 02115', value: '02115', category: 'geographic', region: 'output' },
    { label: 'a ZIP+4 after a city and state', text: 'Boston, MA 02115-1234', value: '02115-1234', category: 'geographic' },
    // The city, state and ZIP code after a street as people write them, and as a fixed-width print lays them out.
    { label: 'a city and state without a comma between', text: 'new: 2290 Zzyzx Creek Dr Unit 12, Gahanna OH 43230, ph', value: '2290 Zzyzx Creek Dr Unit 12, Gahanna OH 43230', category: 'geographic' },
    { label: 'a city and ZIP code', text: 'old: 77 Zzyzx Ln, Westerville 43081 / new', value: '77 Zzyzx Ln, Westerville 43081', category: 'geographic' },
    { label: 'a home on a street named for a school', text: '-- ME24-00455 | ZORBLATT, EILIDH | 1998-12-19 | 4150 S Academy Blvd Lot 44 | 80911 | residence', value: '4150 S Academy Blvd', category: 'geographic', region: 'comment' },
    { label: 'a city alone before a semicolon', text: '-- Zorblatt 1508 Zzyzx Bluff Blvd, Shorewood; Carrow', value: '1508 Zzyzx Bluff Blvd, Shorewood', category: 'geographic' },
    { label: 'the columns of a fixed-width print', text: '# 0  3318207  1620 Zzyzx Dr   Reynoldsburg    OH  43068   K,E', value: '1620 Zzyzx Dr   Reynoldsburg    OH  43068', category: 'geographic' },
    { label: 'a two-word city in a fixed-width print', text: '388 Zzyzx Ave Apt 4B   Grove City    OH  43123      WAIHA', value: '388 Zzyzx Ave Apt 4B   Grove City    OH  43123', category: 'geographic' },
  ], [
    { label: 'a number before a court reference', text: 'cited 3 Supreme Court cases' },
    { label: 'a five-digit count', text: 'loaded 12345 rows' },
    { label: 'a ZIP-3 prefix', text: 'zip3 021 aggregated' },
    { label: 'a port', text: 'localhost:8080 and :5432' },
    { label: 'a state alone', text: 'state = MA' },
    { label: 'a step list', text: '2 Way ANOVA and 3 ways to join' },
  ]);
});

/** Suites are offices', labs' and clinics' units; a home's is an apartment, a unit, a number or a lot. */
describe('detectors/geographic: business units', () => {
  vectors([
    { label: 'an address with an apartment on a bare line', text: 'home 61 Zzyzx St Apt 2B, Grafton MA 01519', value: '61 Zzyzx St Apt 2B, Grafton MA 01519', category: 'geographic', region: 'markdown' },
    { label: 'a suite on a line about a patient', text: 'patient moved to 12 Zzyzx Ave Ste 4, Dayton', value: '12 Zzyzx Ave Ste 4, Dayton', category: 'geographic', region: 'markdown' },
    { label: 'a home that is no organisation, on a line naming a lab', text: 'lab drew her at home, 61 Zzyzx St, Grafton MA 01519', value: '61 Zzyzx St, Grafton MA 01519', category: 'geographic', region: 'markdown' },
  ], [
    { label: 'a street line with a suite', text: '1800 NE 23rd St, Ste 400, Oklahoma City OK 73111 · Vital Records', region: 'output' },
    { label: "a suite after a direction, and the site's number", text: 'Site phones: Salem 4700 Zzyzx St SE, Ste 200, Salem OR 97302, (503) 555-0170', region: 'markdown' },
    { label: 'the city line under a street line with a suite', text: '9205 SW Zzyzx Rd, Ste 210\nPortland, OR 97225', region: 'markdown' },
    { label: 'a letter suite', text: 'Next meeting at NCEMSA, 3340 Zzyzx Dr, Suite B, McKinleyville, CA 95519.', region: 'markdown' },
    { label: 'a floor', text: '202 S Zzyzx St, 4th Floor, Madison WI 53703', region: 'output' },
    { label: "a home care agency's address, its name holding Home", text: 'Zorblatt Home Supports, LLC · 2350 Zzyzx Way, Lexington, KY 40509 · main line', region: 'markdown' },
    { label: "a specialty practice's address beside its NPI", text: '**Zorblatt Valley Hematology** · 19250 SW Zzyzx Ave, Tualatin, OR 97062 · NPI on file', region: 'markdown' },
    { label: "a surgery practice's address on a fax's To line", text: 'To: Zorblatt Oral & Maxillofacial Surgery, 6410 E Zzyzx Rd, Tucson', region: 'markdown' },
    { label: "a desk's address", text: 'Portal Proxy Desk, 4100 Zzyzx Drive, Eau Claire, WI 54703', region: 'markdown' },
    { label: "a payer's claims mailbox", text: 'payer id `ZZ42`, PO Box 7710, Madison, WI 53707-7710', region: 'markdown' },
    { label: "an insurer's address in an HL7 IN1 segment", text: 'IN1|2|ZZ01|00320|ZORBLATT MUTUAL|4510 13TH AVE S^^FARGO^ND^58121||800-555-0177', region: 'output' },
    { label: "a letterhead's address beside its main number", text: '1200 Zzyzx Way, Tacoma, WA 98405  Main 253-555-0190', region: 'output' },
    { label: "a department's offices on a lower level", text: 'HIM offices: 950 Zzyzx Rd, Lower Level, Dubuque IA 52001', region: 'markdown' },
    { label: 'a meeting in a room written Conf Rm', text: 'Next meeting 1900-11-14, Conf Rm 4B, Tower 2, 1740 Zzyzx Hwy, New Orleans, LA 70121.', region: 'markdown' },
    { label: "a church's address", text: 'Pastor Zorblatt (Greater Antioch Baptist, 3220 E 116th St, Cleveland)', region: 'markdown' },
    { label: "a shelter site at a college's field house", text: ' JAC-01   Zzyzx College Field House     3094 Zorblatt Cir     Marianna       12063', region: 'output' },
    { label: "an ambulatory surgery centre's suite", text: 'clinic block at the Zzyzx ASC (1930 S Zorblatt Rd, Suite 210).', region: 'markdown' },
    { label: "a department's level", text: 'OBMC Sterile Processing, 1180 Zzyzx Crest Way, Level B1, Port Ellery, WA 98366', region: 'markdown' },
    { label: "DICOM's institution address", text: '# (0008,0081) ST [1200 Zzyzx Blvd, Harlan OH 45311]  #  38, 1 InstitutionAddress', region: 'comment' },
  ]);

  it('still reports a street line with an apartment and the ZIP under it', () => {
    assert.deepEqual(found('9205 SW Zzyzx Rd, Apt 210\nPortland, OR 97225', 'markdown').map((h) => h.value), ['9205 SW Zzyzx Rd, Apt 210', '97225']);
    assert.deepEqual(found('pt lives at 202 S Zzyzx St, 4th Floor, Madison WI', 'markdown').map((h) => h.value), ['202 S Zzyzx St']);
  });
});

/** A line naming an organisation's site gives its address, unless the line is about a person. */
describe('detectors/geographic: organisations\' sites', () => {
  vectors([
    { label: 'a patient moving, on a line naming a hospital', text: 'pt moved from Bayview Medical Center to 2100 Lakeshore Dr, Minneapolis, MN 55406', value: '2100 Lakeshore Dr, Minneapolis, MN 55406', category: 'geographic' },
    { label: 'a home address on a line naming a clinic', text: 'discharged from the clinic to home at 88 Orchard Ln, Tres Pinos, CA 95075', value: '88 Orchard Ln, Tres Pinos, CA 95075', category: 'geographic' },
  ], [
    { label: 'facilities and their addresses', text: 'Facilities: LUH (2100 Lakeshore Dr, Minneapolis), TRMC (800 River Pkwy, Moorhead)', region: 'markdown' },
    { label: "an opioid treatment program's address", text: '- Program: Zzyzx OTP, 2150 Industrial Pkwy W, Unit 4, Oakport, CA 94545', region: 'markdown' },
    { label: "community partners' addresses", text: 'Community partners (organisations): Zzyzx County ADRC, 2865 N Sherman Ave, Oakport, WI 53704', region: 'comment' },
    { label: "an organisation's header", text: 'Org: Eastside Family Health Centers, Inc. · EIN 41-1867302 · 2500 E Lake St, Minneapolis, MN 55406', region: 'markdown' },
    { label: "a facility's contact line", text: 'Riverbend Dialysis Center, 1500 Riverside Dr, Macon, GA 31201; main line (478) 555-0100', region: 'comment' },
    { label: "an imaging centre's address and number", text: '#   ZZWEST Zzyzx Outpatient Imaging, 1220 Zzyzx Commons Dr, Suite 100 — (847) 555-0163', region: 'comment' },
    { label: "an office's address and number", text: 'VBC office, 2200 Zzyzx Drive, Suite 410, Springfield, OR 97477, (541) 555-0142.', region: 'markdown' },
    { label: "an agency's address", text: 'Self-pay > 120d goes to the agency (Zzyzx Recovery Services, 400 N 27th St, Billings MT 59101)', region: 'markdown' },
    { label: "an organisation's address wrapped onto the next line", text: 'registration FS0000000 (Zzyzx Medical Center,\n1201 Cedar Crest Blvd). Do not apply it.', region: 'markdown' },
    { label: 'a meeting in a conference room', text: '### Inter-rater session — 2024-09-05, Rehab conf. room 2 (ZZH, 880 Zzyzx Blvd, Norfolk VA 23510)', region: 'markdown' },
    { label: "the city line of an organisation's address block", text: 'Zzyzx Regional Medical Center — Level IV NICU\n3300 Zzyzx Road, Suite 4\nSpokane, WA 99204', region: 'markdown' },
    { label: "a department named after patients, with its office's address", text: 'Internal: Patient Financial Services, PO Box 6619, Bend, OR 97708, for the CDM', region: 'markdown' },
    { label: "an address after an organisation's name ending in Health", text: '**Contacts** — Strategy, Zzyzxridge Health, 3100 Grand Blvd, Waterloo, IA 50701', region: 'markdown' },
    { label: "an address after a department's main line", text: 'Main Nursing Admin line (555) 240-1100, 900 Zzyzx Road, Wellsford.', region: 'markdown' },
    { label: "a hospital at home programme's address under its name", text: '**Zzyzx Bay Hospital at Home — Command Center**\n5100 Zzyzx Light Blvd, Suite 300, Norfolk, VA 23510', region: 'markdown' },
    { label: "a midwifery practice's PO box", text: 'Zzyzx Midwifery & OB, PO Box 15502, Savannah, GA 31416', region: 'markdown' },
    { label: "a practice's row with its TIN", text: 'Zzyzx Geriatrics & Primary Care   TIN 45-0000000   PO Box 3310, Hilliard, OH 43026', region: 'markdown' },
    { label: "a hospital's address under a line naming its mother-baby unit", text: '- nursery: Testa Zorblatt, RN (nurse manager, Mother-Baby 4 North)\n- Zzyzx Women & Infants Hospital, 119 Zzyzx St, Worcester MA 01605 · NPI 0000000000', region: 'markdown' },
    { label: "the main ED's address", text: 'Main ED: 600 N Zzyzx Ave, Harlow, IL 60611', region: 'markdown' },
    { label: "an addressee's box under a letter's Attn: line", text: 'Zzyzx Community Health Plan\nAttn: Gretchen Zorblatt, Network Manager\nPO Box 30002, Zzyzx, WA 98401', region: 'markdown' },
    { label: "a satellite's box and ZIP", text: '* ZZX satellite: PO Box 30001, Zzyzx, AZ 86003', region: 'markdown' },
    { label: 'a WIC office by its street, in a printed count', text: 'WIC North (1720 Zzyzx St)      58.0', region: 'output' },
    { label: "a vendor's customer service line and its town's ZIP", text: '- Zorblatt customer service **1-800-555-0173**, fax 1-888-555-0174, Zzyzx, NJ 08536', region: 'markdown' },
    { label: "a vendor's address after its name ending in Metrology", text: 'certification (Zzyzx Metrology, 4100 Zzyzx Dr, Knoxville, TN 37909).', region: 'markdown' },
    { label: "a vendor's address after its name ending in Service", text: 'Service contacts: Zzyzx Ophthalmic Service, 3420 SE 14th Zzyzx St, Zzyzx, IA 50320', region: 'markdown' },
    { label: "a floor of an office, its address, and the department's fax", text: 'IP office: 2nd floor, Tower B,\n  1850 Zzyzx Way, Rochester NY 14620; fax for the county health department: (585) 555-0187.', region: 'markdown' },
  ]);

  it("still reports a patient's address in a block under a line about him", () => {
    assert.deepEqual(found('pt moved in with him at Zzyzx Health\n3300 Zzyzx Road\nSpokane, WA 99204', 'markdown').map((f) => f.category), ['geographic', 'geographic']);
  });

  it("still reports a patient's home address on a line naming a home health agency", () => {
    assert.deepEqual(found('Zzyzx Home Health visit; pt home: 88 Orchard Ln, Tres Pinos, CA 95075', 'markdown').map((f) => f.category), ['geographic']);
  });

  it('still reports an address in a town whose name holds Branch', () => {
    assert.deepEqual(found('full names and addresses, e.g. Zorblatt, 1580 Zzyzx Dr, Olive Branch\nMS 38654', 'markdown').map((f) => f.category), ['geographic']);
  });

  it("still reports a patient's address on the line after one naming a hospital", () => {
    assert.deepEqual(found('pt transferred from Zzyzx Medical Center.\nHome: 88 Orchard Ln, Tres Pinos, CA 95075', 'markdown').map((f) => f.category), ['geographic']);
  });
});
