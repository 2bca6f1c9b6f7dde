/**
 * URLs tied to a person: a query parameter or path segment that carries a patient identifier
 * (`?patient_id=...`, `/Patient/12345`, `mrn=`, `dob=`). Documentation, package, workspace, repository and
 * storage links carry none, so a plain link is never reported.
 */
import { makeCandidate } from './candidate';
import { viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const MAX_URL = 2048;
const PERSON_PARAMS = new Set([
  'patientid', 'patient', 'mrn', 'ssn', 'dob', 'birthdate', 'dateofbirth', 'name', 'firstname', 'lastname',
  'fullname', 'memberid', 'subscriberid', 'personid', 'email', 'phone', 'medicalrecordnumber', 'ptid', 'empi',
]);
const PERSON_SEGMENTS = new Set(['patient', 'patients', 'member', 'members', 'person', 'persons', 'people', 'subject', 'subjects']);
/** Hosts whose URLs are about software, not people. */
const SOFTWARE_HOSTS = [
  'databricks.com', 'azuredatabricks.net', 'github.com', 'githubusercontent.com', 'gitlab.com', 'pypi.org',
  'python.org', 'readthedocs.io', 'readthedocs.org', 'apache.org', 'microsoft.com', 'amazon.com',
  'amazonaws.com', 'google.com', 'googleapis.com', 'stackoverflow.com', 'wikipedia.org', 'npmjs.com',
  'mlflow.org', 'hl7.org', 'cms.gov', 'nih.gov', 'cdc.gov', 'who.int', 'loinc.org', 'snomed.org',
  'ohdsi.org', 'spark.apache.org', 'delta.io', 'localhost', '127.0.0.1',
];

function isUrlCode(c: number): boolean {
  return c > 32 && c !== 34 && c !== 39 && c !== 60 && c !== 62 && c !== 96 && c !== 93 && c !== 41 && c !== 124 && c < 127;
}

/** A value that names a template slot or is empty, not a real id. */
function isTemplateValue(value: string): boolean {
  return value === '' || /^[{<$:%[]/.test(value) || /^(?:null|none|test|x+|\*+|id|value)$/i.test(value);
}

function hasPersonParam(query: string): boolean {
  for (const pair of query.split(/[&;]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq).toLowerCase().replace(/[_\-.]/g, '');
    const value = decodeSafe(pair.slice(eq + 1));
    if (PERSON_PARAMS.has(key) && !isTemplateValue(value)) return true;
  }
  return false;
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function hasPersonSegment(path: string): boolean {
  const segments = path.split('/');
  for (let i = 0; i + 1 < segments.length; i++) {
    if (!PERSON_SEGMENTS.has(segments[i].toLowerCase())) continue;
    const id = segments[i + 1];
    if (!isTemplateValue(id) && /^[A-Za-z0-9-]{4,64}$/.test(id) && (id.match(/\d/g) ?? []).length >= 3) return true;
  }
  return false;
}

function isPersonalUrl(url: string): boolean {
  const m = /^https?:\/\/([^/?#]{1,253})([^?#]{0,2048})(?:\?([^#]{0,2048}))?/i.exec(url);
  if (!m) return false;
  const host = m[1].toLowerCase().replace(/^[^@]{0,256}@/, '').replace(/:\d{1,5}$/, '');
  if (SOFTWARE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return false;
  return hasPersonParam(m[3] ?? '') || hasPersonSegment(m[2]);
}

function urlEnd(view: TextView, start: number): number {
  let end = start;
  const limit = Math.min(view.text.length, start + MAX_URL);
  while (end < limit && isUrlCode(view.text.charCodeAt(end))) end++;
  while (end > start && '.,;:!?'.includes(view.text[end - 1])) end--;
  view.work(end - start);
  return end;
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const lower = view.lower;
  const out: Candidate[] = [];
  let from = 0;
  for (;;) {
    const at = lower.indexOf('http', from);
    if (at < 0) break;
    if (!lower.startsWith('://', at + 4) && !lower.startsWith('s://', at + 4)) {
      from = at + 4;
      continue;
    }
    const end = urlEnd(view, at);
    if (isPersonalUrl(text.slice(at, end))) out.push(makeCandidate(view, at, end, 'url', 'url', 'high'));
    from = Math.max(end, at + 4);
  }
  view.work(text.length);
  return out;
}

export const urlDetector: Detector = { id: 'url', category: 'url', find, needs: ['colon'] };
