/**
 * DICOM header dumps pasted into comments, Markdown and outputs: one element per line, its tag first. Two shapes
 * are read, DCMTK's `dcmdump` (and gdcmdump) `(0010,0010) PN [LAST^FIRST^M]  # 16, 1 PatientName` and pydicom's
 * Dataset print `(0010, 0010) Patient's Name   PN: 'LAST^FIRST^M'`. The tag says what a value is, so no cue word
 * is needed: the Patient module (group 0010) and the admission id are someone's wherever they are, and the study's
 * dates and accession number are that patient's only in a dump that holds a patient's element too (a phantom or
 * a de-identified study keeps its scanner and study tags and nothing of anyone's). Institution, station,
 * manufacturer, physician and UID tags are never read. A dump that says its patient's identity was removed
 * (`(0012,0062) CS [YES]`) holds pseudonyms where the patient's values were, and is not read at all.
 */
import type { Category } from '../model';
import { checkKeyedValue, placeKindOf } from './keyed';
import { makeCandidate } from './candidate';
import { viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** Elements that are the patient's, by tag (lower-case hex, `gggg,eeee`). */
const PATIENT_ELEMENTS: ReadonlyMap<string, Category> = new Map([
  ['0010,0010', 'name'], // PatientName
  ['0010,1001', 'name'], // OtherPatientNames
  ['0010,1005', 'name'], // PatientBirthName
  ['0010,1060', 'name'], // PatientMotherBirthName
  ['0010,2297', 'name'], // ResponsiblePerson
  ['0010,0020', 'mrn'], // PatientID
  ['0010,1000', 'mrn'], // OtherPatientIDs
  ['0010,1090', 'mrn'], // MedicalRecordLocator
  ['0010,0030', 'date'], // PatientBirthDate
  ['0010,1040', 'geographic'], // PatientAddress
  ['0010,2154', 'phone'], // PatientTelephoneNumbers
  ['0010,1050', 'health-plan-id'], // InsurancePlanIdentification
  ['0010,1010', 'age-over-89'], // PatientAge
  ['0038,0010', 'other-id'], // AdmissionID
  ['0038,0020', 'date'], // AdmittingDate
]);

/** Elements of the study that are the patient's beside a patient element: dates of service, the accession. */
const STUDY_ELEMENTS: ReadonlyMap<string, Category> = new Map([
  ['0008,0020', 'date'], // StudyDate
  ['0008,0021', 'date'], // SeriesDate
  ['0008,0022', 'date'], // AcquisitionDate
  ['0008,0023', 'date'], // ContentDate
  ['0040,0244', 'date'], // PerformedProcedureStepStartDate
  ['0008,0050', 'other-id'], // AccessionNumber
]);

/** What a QA phantom or a de-identified study writes where a patient's name or id would be. */
const NO_ONE = /phantom|calib|^qa\b|\bqa$|test|anon|de-?ident|removed|unknown|^x+$/i;

/** The longest element line read past its tag: a bound that keeps the reading linear. */
const MAX_LINE = 320;

interface Element {
  readonly tag: string;
  readonly start: number;
  readonly end: number;
}

/** Patient Identity Removed (0012,0062) set to YES, in either dump's shape: the dump's patient values are pseudonyms. */
const IDENTITY_REMOVED = /\(0012, ?0062\)[^\n[:]{0,40}(?:\[|: ?)['"]?YES\b/i;

function find(text: string, context: FreeTextContext): Candidate[] {
  if (!text.includes('(00') || IDENTITY_REMOVED.test(text)) return [];
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  const study: Element[] = [];
  for (let at = text.indexOf('(00'); at >= 0; at = text.indexOf('(00', at + 1)) {
    const e = elementAt(view, at);
    if (!e) continue;
    const patient = PATIENT_ELEMENTS.get(e.tag);
    if (patient) readValues(view, e, patient, out);
    else if (STUDY_ELEMENTS.has(e.tag)) study.push(e);
  }
  if (out.length > 0) for (const e of study) readValues(view, e, STUDY_ELEMENTS.get(e.tag)!, out);
  return out.sort((a, b) => a.start - b.start);
}

/** The element whose tag opens at `at` (`(0010,0010)` or `(0010, 0010)`) and the span of its value, if any. */
function elementAt(view: TextView, at: number): Element | undefined {
  const text = view.text;
  const close = text.charCodeAt(at + 5) === 0x2c && text.charCodeAt(at + 6) === 0x20 ? at + 11 : at + 10;
  if (text.charCodeAt(close) !== 0x29 /* ) */ || text.charCodeAt(at + 5) !== 0x2c) return undefined;
  const group = text.slice(at + 1, at + 5);
  const element = text.slice(close - 4, close);
  if (!/^[0-9a-fA-F]{4}$/.test(group) || !/^[0-9a-fA-F]{4}$/.test(element)) return undefined;
  const tag = `${group},${element}`.toLowerCase();
  if (!PATIENT_ELEMENTS.has(tag) && !STUDY_ELEMENTS.has(tag)) return undefined;
  let lineEnd = close + 1;
  const limit = Math.min(text.length, close + 1 + MAX_LINE);
  while (lineEnd < limit && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
  view.work(lineEnd - at);
  const rest = text.slice(close + 1, lineEnd);
  // dcmdump: ` PN [value]`.
  const dump = /^ {1,8}[A-Z]{2} {1,8}\[([^\]]*)\]/.exec(rest);
  if (dump) {
    const start = close + 1 + dump[0].length - 1 - dump[1].length;
    return { tag, start, end: start + dump[1].length };
  }
  // pydicom: ` Patient's Name    PN: 'value'` (numbers unquoted).
  const vr = / [A-Z]{2}: /.exec(rest);
  if (!vr || vr.index > 90 || !/^ {1,8}[A-Za-z][A-Za-z0-9'() /-]*$/.test(rest.slice(0, vr.index))) return undefined;
  let start = close + 1 + vr.index + vr[0].length;
  let end = close + 1 + rest.length;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  const q = text.charCodeAt(start);
  if ((q === 0x27 || q === 0x22) && end - start >= 2 && text.charCodeAt(end - 1) === q) {
    start++;
    end--;
  }
  return { tag, start, end };
}

/** Each value of a multi-valued element (`A\B`), checked as a value under a key of its category. */
function readValues(view: TextView, e: Element, category: Category, out: Candidate[]): void {
  const text = view.text;
  let from = e.start;
  while (from < e.end) {
    let to = text.indexOf('\\', from);
    if (to < 0 || to > e.end) to = e.end;
    readValue(view, from, to, category, out);
    from = to + 1;
  }
}

function readValue(view: TextView, start: number, end: number, category: Category, out: Candidate[]): void {
  let v = view.text.slice(start, end);
  if (category === 'name') v = v.replace(/\^+$/, '');
  if (v.trim().length === 0) return;
  if (category === 'age-over-89') {
    // An age string: three digits and a unit; only years past 89 are an identifier.
    const m = /^(\d{3})Y$/.exec(v);
    if (m && Number(m[1]) >= 90) out.push(makeCandidate(view, start, end, 'age-over-89', 'dicom', 'high'));
    return;
  }
  if ((category === 'name' || category === 'mrn') && NO_ONE.test(v)) return;
  const hit = checkKeyedValue(category, v, 'table', category === 'geographic' ? placeKindOf('address') : undefined);
  if (hit) out.push(makeCandidate(view, start + hit.start, start + hit.end, category, 'dicom', 'high'));
}

export const dicomDetector: Detector = { id: 'dicom', category: 'name', find, needs: ['digit'] };
