import { strict as assert } from 'node:assert';
import { isNanpNumber } from '../../../server/src/engine/detectors/phone';
import { found, vectors } from './helpers';
import { PHONE, npi } from './synthetic';

const [area, exch, line] = PHONE;
const dashed = PHONE.join('-');
const dotted = PHONE.join('.');
const paren = `(${area}) ${exch}-${line}`;
const plusOne = `+1 ${PHONE.join(' ')}`;
const bare = PHONE.join('');
const e164 = `+1${bare}`;

describe('detectors/phone', () => {
  vectors([
    { label: 'a dashed number', text: `call back at ${dashed} today`, value: dashed, category: 'phone' },
    { label: 'a parenthesised number', text: `Phone: ${paren}`, value: paren, category: 'phone' },
    { label: 'a parenthesised area code before spaced groups', text: `next of kin: (${area}) ${exch} ${line} (sister)`, value: `(${area}) ${exch} ${line}`, category: 'phone' },
    { label: 'a dotted number', text: `cell ${dotted}`, value: dotted, category: 'phone' },
    { label: 'an international form', text: `reach her on ${plusOne}`, value: plusOne, category: 'phone' },
    { label: 'bare digits after a phone cue', text: `phone ${bare}`, value: bare, category: 'phone' },
    { label: 'a fax number by its cue', text: `Fax: ${paren}`, value: paren, category: 'fax' },
    { label: "a person's number opening the line after its sentence", text: `The mother asked us to call her at\n${dotted} today.`, value: dotted, category: 'phone' },
    { label: 'fax after a phone word (nearest cue wins)', text: `phone on file; Fax: ${dashed}`, value: dashed, category: 'fax' },
    { label: 'a number in output text', text: `contact ${dashed}`, value: dashed, category: 'phone', region: 'output' },
    { label: 'E.164 with no cue', text: `("Tue 05/21", "${e164}")`, value: e164, category: 'phone' },
    { label: 'E.164 after an equals sign in a log line', text: `send channel=sms to=${e164} tmpl=R2`, value: e164, category: 'phone' },
    { label: "an SMS log's recipient, keyed, before the clinic's greeting", text: `to=${dotted} | Hi there, this is the Zzyzx Burn Clinic.`, value: dotted, category: 'phone', region: 'output' },
    { label: 'a dashed number under a cell key', text: `cell=${dashed} status=sent`, value: dashed, category: 'phone' },
  ], [
    { label: 'a sum that reads like E.164', text: `total = base+${`1${bare}`}` },
    { label: 'an NPI', text: `npi ${npi()}` },
    { label: 'bare ten digits without a cue', text: `run ${bare} finished` },
    { label: 'an NDC 5-4-2', text: 'ndc 12345-6789-01' },
    { label: 'an NDC 4-4-2', text: 'product 1234-5678-90' },
    { label: 'an NDC 5-3-2', text: 'package 12345-678-90' },
    { label: 'an area code starting with 1', text: 'dial 123-555-0147' },
    { label: 'an exchange starting with 1', text: 'dial 212-155-0147' },
    { label: 'a version string', text: 'pip install foo==212.555.0147' },
    { label: 'a dotted number inside a longer chain', text: 'build 1.212.555.0147.2' },
    { label: 'a phone shape after a claim cue', text: `claim ${dashed}` },
    { label: "a phone shape after a provider's NPI and its value", text: `npi ${npi()} ${dashed}` },
    { label: 'a number after an equals sign with no phone key', text: `n=${dashed} rows` },
    { label: "a fax sent to a clinic's number", text: `fax to=${dotted} | Zzyzx Burn Clinic`, region: 'output' },
    { label: 'an order reference', text: `order ${dashed} shipped` },
    { label: 'a date', text: 'on 2024-01-15 and 01/15/2024' },
    { label: "a desk's number opening the line after its sentence", text: `Please call the micro bench at\n${dotted} on receipt.` },
    { label: 'a spaced triple without a cue', text: 'counts 212 555 0147 rows' },
    { label: 'a cluster id', text: 'cluster 0123-456789-abcdefgh' },
    { label: 'a toll-free number', text: `call 1-888-${exch}-${line} with questions` },
    { label: "an organisation's line named before it", text: `escalation: the Quality Dept main line ${paren} in office hours` },
    { label: "a practice's number on its own line", text: `-- "Zzyzx Orthopedics, ${dashed}, disconnected"` },
    { label: 'front desk numbers', text: `Front desk numbers for the pilot comms: Main ${paren}, Annex ${dashed}.` },
    { label: 'an on-call number', text: `Failures page lab informatics on-call: ${dashed}.` },
    { label: "an answering service's number", text: `Night alerts route to the fellow via the answering service ${paren}.` },
    { label: "a line's public number", text: `Public number ${paren} / toll-free after hours`, region: 'markdown' },
    { label: "an office's fax", text: `Transfusion Service office fax ${dashed}.` },
    { label: "a practice's number right after its name, on a line about its doctor", text: `-- "Zzyzx Family Medicine - Oakport ${dashed}: Dr. Quell moved to the other clinic in May"` },
    { label: "a registrar's number in brackets after the role", text: `Gwen to audit 30 charts with their registrar (Harold Zorblatt, ${dashed}) first` },
    { label: "a manager's number in the brackets of their role", text: `reviewed by Gretchen Zorblatt (RI manager, ${paren})` },
    { label: "a nurse's number after credentials", text: `Registry coordinator: Harold Zorblatt, RN, BSN, ${paren}` },
    { label: "a liaison's number, by phone", text: `Gretchen Zorblatt (registry liaison, by phone, ${dashed}).` },
    { label: "a transfer centre's line", text: `kids go to Zzyzx Children's, transfer line ${paren})` },
    { label: "a vendor rep's number right after their mail at the vendor's domain", text: `Ref lab account rep: Quentin Zorblatt (q.zorblatt@zzyzx-reflab.com, ${dashed}) for billing` },
    { label: "a directory row's number after the person's work mail", text: `owner      Quentin Zorblatt   Network Analytics   qzorblatt@zzyzxplan.com   ${dashed}` },
    { label: "a unit's lines after its main number", text: `Main ${paren} · NICU charge ${dashed} · fax ${dotted}`, region: 'markdown' },
    { label: "a department's numbers after its address", text: `HIM dept: Zzyzx Health, 1900 N. Lakeview Terrace, Chicago IL 60614 · ${paren} · fax ${dashed}`, region: 'markdown' },
    { label: 'a number called the main line after it', text: `Noor Zorblatt (RSO, ${dashed} main)` },
    { label: "a contact's number and fax after the contact's work mail", text: `Questions: hzorblatt@zzyzxgi.example.com · ${paren} · fax ${dashed}`, region: 'markdown' },
    { label: "a skilled nursing facility's night line", text: `TRL-C0419    41  0.439  Zzyzx Gardens Rehabilitation & Nursing    ${paren}`, region: 'output' },
    { label: "a programme's line and its fax", text: `State Zzyzx program line: ${paren} · fax ${dashed}.`, region: 'markdown' },
    { label: "an epidemiologist's number after the role", text: `onboarding: Dr. Quentin Zorblatt, Syndromic Epidemiologist · ${paren}`, region: 'markdown' },
    { label: "a switchboard operator's number", text: `After hours: ID fellow on call via operator **${paren}**, then the attending.`, region: 'markdown' },
    { label: "a vendor tech's number after the name", text: `Round 3 sampling (Zzyzx tech Dominic Zorblatt, ${dashed}).`, region: 'markdown' },
    { label: "a contact's number after a name with letters beyond ASCII", text: `Prepared by County EM \u2014 contact Renata Wójcik-Zorblatt, ${dashed}`, region: 'markdown' },
    { label: "a meeting's conference bridge", text: `LOCATION:Teams bridge +1 ${dashed}\\, conf 481 227 903#`, region: 'output' },
    { label: "a registry's phone and fax named before them", text: `Zzyzx Registry\nRegistry phone ${dashed} \u00b7 Fax ${dotted}`, region: 'output' },
    { label: "a fax cover's notice", text: `If you received this in error, call ${dashed} and destroy all copies.`, region: 'output' },
    { label: "a service's line by its name", text: `Targets: fasting < 95 mg/dL. Call the Diabetes in Pregnancy line ${paren} if two values are high.`, region: 'output' },
    { label: "a contact's number after a work mail in angle brackets", text: `PA=False  Iveta Zorblatt <izorblatt@zzyzx-gainwell.example.com> ${dashed}`, region: 'output' },
    { label: "a vCard's work number", text: `BEGIN:VCARD\nFN:Zzyzx Pharmacist On-Call\nTEL;TYPE=WORK,VOICE:+1-${dashed}\nEND:VCARD`, region: 'output' },
    { label: "a billing provider's name in capitals before its address and number", text: `| 1 | Billing provider | \`ZORBLATT TIDEWATER HEALTH / 600 ZZYZX DR / NORFOLK VA 23507-1904 / ${dashed}\` |`, region: 'markdown' },
    { label: "a team's numbers under their label", text: `Liaison phones: Zorblatt-Mills ${dashed} (cell), Zzyzx ${paren}`, region: 'markdown' },
    { label: "whom to ask, by name, before the number", text: `Questions: Quentin Zorblatt, Clinical Analytics, ${paren} / pager 4471.`, region: 'markdown' },
    { label: "whom to escalate to, by name, before the number", text: `5. Escalation: Gretchen Zorblatt de Zzyzx ${paren}, then Dr. Quell.`, region: 'markdown' },
    { label: "a pharmacist's number where the pharmacist can be reached", text: `Our pharmacist, Quentin Zorblatt-Wren, PharmD, BCGP, can be reached at ${paren}.`, region: 'markdown' },
    { label: 'a desk called by its name in a letter template', text: `recommends a follow-up scan. Please call Central Scheduling at ${dashed}, Monday-Friday.`, region: 'markdown' },
  ]);

  it("reports a number a patient's questions line or an unnamed escalation gives", () => {
    assert.equal(found(`Patient questions: Quentin Zorblatt, ${paren}`, 'markdown')[0]?.category, 'phone');
    assert.equal(found(`questions, call ${paren}`, 'markdown')[0]?.category, 'phone');
  });

  it("reports a number after a patient's own id and its value, and not after a provider's", () => {
    assert.deepEqual(found(`sms failed for mrn=00012345 to=${e164}: 400`).map((f) => f.category), ['mrn', 'phone']);
    assert.deepEqual(found(`acct 123456 order 99812 ${dashed}`).map((f) => f.category), ['account-number']);
  });

  it('reports a number called on a line that names no service', () => {
    assert.deepEqual(found(`Pt asks to call her at the line ${dashed}`).map((f) => f.category), ['phone']);
    assert.deepEqual(found(`the pt line ${dashed}`).map((f) => f.category), ['phone']);
    assert.deepEqual(found(`Please call Harold Zorblatt at ${dashed}`).map((f) => f.category), ['name', 'phone']);
  });

  it("reports a number after a patient's mail at a mailbox provider, or after a patient cue's mail at any domain", () => {
    assert.deepEqual(found(`mailed the pt at q.zorblatt@gmail.com, ${dashed} as well`).map((f) => f.category), ['email', 'phone']);
    assert.deepEqual(found(`pt email q.zorblatt@zzyzxcorp.com, ${dashed} cell`).map((f) => f.category), ['email', 'phone']);
  });

  it("reports a person's number after an organisation's line, when the words between name the person", () => {
    assert.deepEqual(found(`main line ${paren}, patient cell ${dashed}`).map((f) => f.category), ['phone']);
    assert.deepEqual(found(`mbr called 1-888-${exch}-${line}, cb # ${dashed}`).map((f) => f.value), [dashed]);
    assert.deepEqual(found(`Main ${paren}, cell ${dashed}`).map((f) => f.value), [dashed]);
    assert.deepEqual(found(`Main ${paren}, Harold Zorblatt ${dashed}`).filter((f) => f.category === 'phone').map((f) => f.value), [dashed]);
  });

  it("reads a letterhead's line of numbers under the organisation's name and address as the organisation's", () => {
    const head = 'ZORBLATT SKILLED NURSING & REHAB        100 Zzyzx Rd, Testville ZZ 00001';
    assert.deepEqual(found(`${head}\nPhone ${dashed}  Fax ${paren}   Administrator: Harold Zorblatt`), []);
    assert.deepEqual(found(`* Agency: Zzyzx Emergency Medical Services, 100 Zzyzx Pkwy\n  Admin ${paren} · Fax ${dashed}`), []);
    // The line under a patient's address block is theirs; so is one that opens with more than a label.
    const phones = (text: string) => found(text).filter((f) => f.category === 'phone').map((f) => f.value);
    assert.deepEqual(phones(`Zorblatta Quennell (patient)\n100 Zzyzx Rd, Testville ZZ 00001\nPhone ${dashed}`), [dashed]);
    assert.deepEqual(phones(`${head}\nDaughter's cell ${dashed}`), [dashed]);
  });

  it("reads a service's line named by its letters, and a reminder's number given after its reason, as the organisation's", () => {
    assert.deepEqual(found(`> Please reply to DIS line ${paren} or fax ${dashed}.`, 'markdown'), []);
    assert.deepEqual(found(`If you need to reschedule call ${dashed}.`, 'output'), []);
    assert.deepEqual(found(`To cancel, please call ${dashed}.`, 'output'), []);
    // A person's line by letters in lower case, and a call with no reason, are still reported.
    assert.equal(found(`reply to her cell line ${paren}`, 'markdown').length, 1);
    assert.equal(found(`If you need anything call ${dashed}.`, 'output').length, 1);
  });

  it("reads a text message's own number before its opt-out as the sender's, and still the number it was sent to", () => {
    assert.deepEqual(found(`Zorblatt Hyperbaric: reminder of your treatment Tuesday. Questions: ${dashed}. Reply STOP to opt out.`, 'output'), []);
    const log = `INFO sms sent to ${dotted}: "Your recheck is Mon 9:30am. Reply C to confirm. Call us at ${paren}. Reply STOP to opt out."`;
    assert.deepEqual(found(log, 'output').map((f) => f.value), [dotted]);
  });

  it("reads a letter's contact whose number the next line gives after a credential, and a team's number, as theirs", () => {
    assert.deepEqual(found(`> For questions call Gretchen Zorblatt, MPH,\n> at ${paren}.`, 'markdown'), []);
    assert.deepEqual(found(`please call our prior-authorization team at ${paren}, option 3`, 'markdown'), []);
    // A patient's number on the next line stays theirs.
    assert.equal(found(`> The mother asked us to call her\n> at ${paren}.`, 'markdown').length, 1);
  });

  it("reads a phone menu's number and a notice's number to call with questions as the organisation's", () => {
    assert.deepEqual(found(`> Certified copies are $12.00 each. Questions: ${paren}, option 3.`, 'markdown'), []);
    assert.deepEqual(found(`Your results are ready. Call ${dashed} with questions.`, 'output'), []);
  });

  it('reads the numbers after a title of the workforce as staff (psychometrists, community paramedics)', () => {
    assert.deepEqual(found(`Community paramedic ${dashed} will do a home visit`, 'markdown'), []);
  });

  it('reports a number before an address on Main Street', () => {
    assert.deepEqual(found(`patient phone ${dashed} Main St apt 2`).map((f) => f.category), ['phone']);
  });

  it("reports a number a coordinator called, whoever has the role", () => {
    assert.deepEqual(found(`care coordinator called Harold Zorblatt at ${dashed} twice`).map((f) => f.category), ['name', 'phone']);
  });

  it("reports a number a member asked to be faxed, on a line naming the imaging centre that billed her", () => {
    const text = `<td>mbr states she got a bill from Zzyzx Imaging for $1,284.00, claim 2024031100418822 denied CO-197. mbr asked us to fax EOB to ${dashed}. sent.</td>`;
    assert.deepEqual(found(text, 'output').map((f) => f.category), ['fax']);
  });

  it("reports a caller's number in the sentence after one naming an organisation's counter", () => {
    assert.deepEqual(found(`eligibility at the pharmacy counter. One already called: Harold Zorblatt, from ${dashed}, her son's refill was rejected`).map((f) => f.category), ['name', 'phone']);
  });

  it("still reports a person's number on a line that names a practice, when the line is about the person", () => {
    assert.deepEqual(found(`at ${dashed} -- she says the van never came and she missed her cardiology appt`).map((f) => f.category), ['phone']);
  });

  it("still reports an emergency contact's number and a vCard's home number", () => {
    for (const text of [`Emergency contact: Harold Zorblatt, ${dashed}`, `TEL;TYPE=HOME:${dashed}`]) {
      assert.deepEqual(found(text, 'output').filter((h) => h.category === 'phone').map((h) => h.value), [dashed], 'one of the two texts');
    }
  });

  it("does not report a number a notice or a reminder gives to call back, but reports one given to call someone on", () => {
    for (const text of [
      `If received in error call ${paren}.`,
      `Hola, le recordamos su cita. Llame al ${dashed} si necesita cambiarla.`,
      `Please call ${dashed} to reschedule.`,
      `Outreach team line ${dashed} · EIN on file`,
      `transportation vouchers: Zorblatt Transit program, eligibility line ${dashed}`,
      `education materials in Greek requested via interpreter services (${dashed}), patient-education team`,
    ]) assert.deepEqual(found(text, 'markdown'), [], 'one of the texts');
    assert.deepEqual(found(`Call Ana at ${dashed} to confirm.`, 'markdown').map((f) => f.value), [dashed]);
  });

  it('validates NANP numbers', () => {
    assert.equal(isNanpNumber(PHONE.join('')), true);
    assert.equal(isNanpNumber(`1${PHONE.join('')}`), true);
    for (const bad of ['1125550147', '2121550147', '2115550147', '5555555555', '212555014']) assert.equal(isNanpNumber(bad), false);
  });
});
