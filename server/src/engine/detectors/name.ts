/**
 * Person names, from dictionaries and evidence. Reported when (a) a patient-side cue leads the name (`Mr.`,
 * `patient`, `mother`, `Name:`, `for`), or (b) a capitalised given name and surname stand together, neither an
 * English word (Will, Grace, Brown) nor part of an eponym or product (Parkinson, Delta Lake). Provider and
 * authorship context (`Dr.`, `MD`, `Author:`, `by`, `Copyright`) rules a name out: those are not patients.
 */
import { lineStartWithin } from '../positions';
import { makeCandidate } from './candidate';
import { cueBefore, cuesPerContext, joinCues, PATIENT_DEPARTMENT, withExtraCues } from './cues';
import { ENGLISH_WORD_LIST } from './data/englishWords';
import { AMBIGUOUS_GIVEN_NAMES, AMBIGUOUS_NAMES, AMBIGUOUS_SURNAMES, ENGLISH_WORDS, GIVEN_NAMES, SURNAMES } from './data/names';
import { STAFF_ROLE_NOUNS } from './data/staffRoles';
import { isPersonalMailDomain } from './email';
import { holdsOnlyWordsOf, isCapitalCode, isCapitalisedWord, isLowerCaseCode, viewFor, type Atom, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const HONORIFICS = ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx.', 'mstr'];
const HONORIFIC_BEFORE = /(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx)\.? $/;
/** `MR`, `MS` in capitals are honorifics only in an all-capitals record (`MS GARCIA`); `MS Windows` is a vendor. */
const UPPER_HONORIFIC_BEFORE = /(?:^|[^A-Za-z])(?:MR|MRS|MS)\.? $/;
/** Words before a name or a mail address that make it a patient's or a patient's family's (email.ts reads them too). */
export const PATIENT_AND_FAMILY_CUES: readonly string[] = [
  'patient', 'pt', 'pt.', 'member', 'subscriber', 'guarantor', 'mother', 'father', 'son', 'daughter', 'spouse',
  'wife', 'husband', 'caregiver', 'next of kin', 'emergency contact', 'decedent', 'resident',
];
const ROLE_CUES = [
  ...PATIENT_AND_FAMILY_CUES, 'brother', 'sister', 'grandmother', 'grandfather',
  'patient name', 'pt name', 'full name', 'first name', 'last name', 'member name', 'subscriber name', 'legal name',
  'maiden name', 'guarantor name', 'contact name', 'name', 'named', 'aka', 'client', 'for',
];
/** Cues that also label fields of any record (`name:`, `member:`, `client:`): a lone word after one may be a description. */
const FIELD_ROLE_CUES = new Set(['name', 'member', 'client']);
/** Cues too common in prose to carry a lone given name: they only back a two-word name. */
const WEAK_ROLE_CUES = new Set(['for']);
/**
 * Cues that open a list of staff: who was in the room, who a result goes to, who owns or reviews the work
 * (`Attendees: …`, `Distribution: …`). Workforce cues for the name right after them, and with `present` the heads of
 * lists that run on over names no list knows (listedAfterCue).
 */
const STAFF_LIST_CUES = [
  'attendees', 'attendee', 'in attendance', 'regrets', 'apologies', 'invitees', 'optional attendees', 'distribution',
  'distribution list', 'reviewers', 'owners', 'maintainers', 'approvers', 'stakeholders', 'sponsors',
  // Who spoke or taught at a meeting or a training (`Presenters: …`, `Panelists: …`).
  'presenters', 'speakers', 'panelists', 'panellists', 'facilitators',
];
const PROVIDER_CUES: readonly string[] = [
  'dr', 'dr.', 'doctor', 'md', 'physician', 'attending', 'provider', 'nurse', 'rn', 'np', 'author', 'authored',
  'authors', 'by', 'written by', 'created by', 'copyright', '\u00a9', 'maintainer', 'maintained by', 'owner',
  'reviewer', 'reviewed', 'approved', 'signed', 'signed-off-by', 'cc', 'thanks', 'credit', 'contributed',
  'prescriber', 'pcp', 'surgeon', 'resident physician', 'clinician', 'dentist', 'cardiologist', 'oncologist',
  'radiologist', 'referring', 'ordering', 'rendering', 'contact', 'co-authored-by', 'assignee', 'assigned to', 'owner:',
  'prof', 'prof.', 'professor', 'lead',
  // Public safety partners by their rank (`Sgt. Dana …` of a sheriff's office, `Capt. …` of a fire district).
  'sgt', 'sgt.', 'lt.', 'capt', 'capt.', 'deputy',
  // Chaplains and the clergy on a hospital's committees (`Rev. Lucius …`, `Chaplain Ines …`).
  'rev', 'rev.', 'reverend', 'chaplain',
  // Teams' own roles in bylines, tables of who does what and review notes (`Privacy review: …`, `QC programmer | …`).
  'dra', 'dra.', 'review', 'peer review', 'sign-off', 'approver', 'biostat', 'team', 'notebook by', 'prepared by', 'investigator',
  // Who to ask and who last worked on it (`Questions: …`, `checked w/ …`, `last touched: …`).
  'questions', 'questions to', 'checked with', 'checked w/', 'last touched', 'touched by', 'ping', 'escalate to',
  'escalation', 'escalations',
  // Who else is on it and who was in the room (`| backup | … |`, `Attendees: …`).
  'backup', 'on-call', 'on call', 'sponsor', 'facilitator', 'presenter', 'present:', 'scribe', 'note taker', 'notetaker',
  // Who signs off a part of a result (`QA: …`, `compliance: …`), and the lists of staff (`Attendees: …`).
  'directors', 'managers', 'leads', 'qa:', 'qc:', 'compliance:', ...STAFF_LIST_CUES,
  // Who asked, who was met and told (`asked by: …`, `meeting with …`, `shared with CNO …`, `ask Paul …`).
  'chair', 'asked by', 'requested by', 'requester', 'meeting with', 'met with', 'shared with', 'note from', 'ask',
  'cno', 'cmo', 'cmio', 'cio', 'ciso', 'cfo', 'ceo', 'coo', 'vp',
  // Who the work was checked or done with (`confirm with …`, `looked at it with …`).
  'confirm with', 'confirmed with', 'looked at it with', 'reviewed with', 'worked with', 'synced with', 'sync with',
  // A vendor's people (`acct mgr …`, `account exec …`).
  'acct mgr', 'account manager', 'account exec', 'exec',
  // A department labelling its people (`provider relations: …`, `Contexture ops: …`, `DONs: …`).
  'relations', 'ops', 'dons',
  // Job titles (`liaison …`, `tech …`, `FSE: …`, `PIO …`), shared with the phone detector.
  ...STAFF_ROLE_NOUNS,
];
/** Words after a name that make it a title, a place or an eponym (`Jane Smith Hospital`, `Hodgkin Lymphoma`). */
const ORGANISATION_WORDS = new Set([
  'Hospital', 'Medical', 'Center', 'Centre', 'Clinic', 'University', 'College', 'Institute', 'Foundation',
  'Health', 'Healthcare', 'School', 'Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Library', 'Syndrome',
  'Disease', 'Test', 'Scale', 'Score', 'Method', 'Award', 'Prize', 'Building', 'Hall', 'Park', 'Lake', 'County',
  'Memorial', 'Inc', 'LLC', 'Corp', 'Company', 'Group', 'Labs', 'Lab', 'Pharmacy', 'Pharmaceuticals', 'System',
  'Systems', 'Network', 'Trust', 'Fund', 'Index', 'Criteria', 'Classification', 'Sign', 'Reflex', 'Law', 'Act',
  'Distribution', 'Estimator', 'Curve', 'Test', 'Algorithm', 'Model', 'Theorem', 'Effect', 'Bridge', 'Tower',
  // Places named after people or saints (`Santa Cruz Valley`, `Glen Ellyn Heights`).
  'Valley', 'River', 'Heights', 'Springs', 'Falls', 'Creek', 'Beach', 'Bay', 'Hills', 'Harbor', 'Harbour', 'Island',
  'Mountain', 'Ridge', 'Village', 'Township',
]);
const PROVIDER_SUFFIXES = [
  ', md', ' md', ', m.d', ' m.d', ', rn', ', phd', ', do', ', np', ', pa-c', ', dds', ', pharmd', ', dnp', ', msn', ', facp', ' <',
  // Credentials staff sign with (`Luis Arreola, BSN, RN`, `Gavin Schreiber, FCAS`).
  ', bsn', ', mph', ', mba', ', fcas', ', acas', ', fsa', ', asa', ', cpc', ', rhia', ', rhit', ', ccs', ', lcsw', ', lpn',
  ', aprn', ', crna', ', cnm', ', fnp', ', faan', ', dmd', ', dpt', ', ccrn', ', cphims', ', pmp',
  // Allied health and lab credentials (`Arvid Lindqvist, CCP` a perfusionist, `…, RRT`, `…, OTR/L`, `…, IBCLC`).
  ', ccp', ', rrt', ', crt', ', otr', ', slp', ', ccc-slp', ', rdn', ', cdces', ', ibclc', ', cna', ', emt', ', rph',
  ', mls', ', htl', ', rdms', ', rvt', ', cnp', ', acnp', ', lmsw', ', lpc', ', lmft', ', psyd', ', facs', ', facc',
  ', cic', ', cpht', ', bcps', ', dabr', ', cgc',
  // Clinical research and oncology nursing (`Yesenia Balderrama, CCRP`, `…, OCN`), wound and paediatric nurses.
  ', ccrp', ', ccrc', ', ocn', ', cwocn', ', cpnp', ', cpn', ', cde',
  // Dietitians and licensed counsellors and social workers (`…, RD`, `…, LICSW`, `…, LMHC`).
  ', rd', ', licsw', ', lmhc', ', lpcc', ', lcpc',
  // Occupational health and safety (`Cyrus Bellweather, CIH`, `…, COHN-S`, an audiologist's `AuD, CCC-A`), quality.
  ', cih', ', csp', ', cohn', ', aud', ', ccc-a', ', cphq', ', ches', ', cspt',
  // Radiologic technologists by their registry (`Tiffany Roebuck, RT(R)(CT)`).
  ', rt(', ', rt ', ', arrt', ', cnmt', ', rdcs',
  // A flight crew's: flight paramedics and nurses, pilots by their certificate (`Dmitri Volkov, CPL, PIC`).
  ', fp-c', ', cfrn', ', ccp-c', ', nrp', ', atp', ', cpl',
  // Nursing credentials written without the comma (`Renee Castillo RN CM`).
  ' rn', ' lpn', ' aprn', ' bsn', ' msn',
  // British and Commonwealth doctors' degrees and fellowships (`Mr. Cathal Ó Floinn FRCS`, `…, MBBS, MRCP`).
  ' frcs', ', frcs', ' frcp', ', frcp', ' mrcp', ', mrcp', ', mbbs', ' mbbs', ', mbchb', ' mbchb', ', frcr', ' frcr', ', frca', ' frca',
  // Vocational nurses, recreation and exercise therapists, exercise physiologists (`Harold Zorblatt, LVN`, `…, CTRS`).
  ', lvn', ', ctrs', ', cep', ', acsm-cep', ', rcep',
];
/** Words just before `name` that make it some other thing's name (`table name:`, `file name =`). */
const PERSON_NAME_QUALIFIERS = new Set(['patient', 'pt', 'full', 'first', 'last', 'given', 'family', 'member', 'subscriber', 'guarantor', 'legal', 'maiden', 'contact', 'person', 'his', 'her', 'their', 'whose', 'middle', 'patients', 'mother', 'father']);

interface NamePhrase {
  readonly start: number;
  readonly end: number;
  readonly words: readonly string[];
  /** Index of the phrase's first atom and of the atom after the phrase. */
  readonly startIndex: number;
  readonly nextIndex: number;
}

function atomText(view: TextView, a: Atom): string {
  return view.slice(a.start, a.end);
}

/** The atom at index i, if there is one. */
function atomAt(view: TextView, i: number): Atom | undefined {
  return i < view.atomCount ? view.atom(i) : undefined;
}

function isInitial(view: TextView, a: Atom, next: Atom | undefined): boolean {
  return a.end - a.start === 1 && /[A-Z]/.test(view.text[a.start]) && view.charAt(a.end) === '.' && next !== undefined && next.start === a.end + 2 && view.charAt(a.end + 1) === ' ';
}

/** ` "Dee" ` right at `cursor`: a capitalised word in straight or curly quotes, a space after. */
function isNickname(view: TextView, a: Atom, cursor: number): boolean {
  if (view.charAt(cursor) !== ' ' || a.start !== cursor + 2 || a.kind !== 'letters' || view.charAt(a.end + 1) !== ' ') return false;
  const open = view.charAt(cursor + 1);
  const close = view.charAt(a.end);
  return ((open === '"' && close === '"') || (open === '\u201c' && close === '\u201d')) && isCapitalisedWord(atomText(view, a));
}

/** Up to three capitalised words separated by single spaces, with optional middle initials (`Jane Q. Public`). */
function phraseAt(view: TextView, index: number, anyCapitalised: boolean): NamePhrase | undefined {
  const words: string[] = [];
  let i = index;
  const start = view.atomStart(index);
  let end = start;
  /** Where the next word must start after one space: the end of the last word or of a middle initial's dot. */
  let cursor = end;
  while (i < view.atomCount && words.length < 3) {
    const a = view.atom(i);
    const spaced = words.length === 0 || (a.start === cursor + 1 && view.charAt(cursor) === ' ');
    if (words.length > 0 && spaced && isInitial(view, a, atomAt(view, i + 1))) {
      cursor = a.end + 1;
      i++;
      continue;
    }
    // A nickname in quotes between the given name and the surname (`Dolores "Dee" Grabowski`) is skipped like an
    // initial; the name's span keeps it, so the file's staff names hold it too.
    if (words.length === 1 && isNickname(view, a, cursor)) {
      cursor = a.end + 1;
      i++;
      continue;
    }
    const w = atomText(view, a);
    // The next field's label ends the name (`Last Name: Kapanadze First Name: Giorgi`).
    if (words.length > 0 && opensFieldLabel(view, w, a.end)) break;
    const surnameAfterGiven = words.length === 1 && GIVEN_NAMES.has(words[0]) && isSurnameShaped(w);
    if (!spaced || a.kind !== 'letters' || !isCapitalisedWord(w) || (!anyCapitalised && !isNameWord(w) && !surnameAfterGiven)) break;
    words.push(w);
    end = a.end;
    cursor = end;
    i++;
  }
  if (words.length === 0) return undefined;
  return { start, end, words, startIndex: index, nextIndex: i };
}

/** Words that open a form's field label (`First Name:`, `Date of Birth:`, `DOB:`). */
const FIELD_LABEL_WORDS = new Set(['first', 'last', 'middle', 'given', 'family', 'name', 'date', 'dob', 'sex', 'gender', 'phone', 'address', 'mrn', 'age', 'ssn', 'cdl', 'license', 'city', 'state', 'zip', 'email']);
/** The rest of a field label after its first word: up to two more words, then a colon. */
const LABEL_REST = /^(?: [A-Za-z]{1,12}){0,2} ?:/;

/** Whether the word at `end` opens a field label (one of FIELD_LABEL_WORDS, a colon within two more words). */
function opensFieldLabel(view: TextView, word: string, end: number): boolean {
  return FIELD_LABEL_WORDS.has(word.toLowerCase()) && LABEL_REST.test(view.text.slice(end, end + 28));
}

function isNameWord(w: string): boolean {
  return GIVEN_NAMES.has(w) || SURNAMES.has(w) || AMBIGUOUS_NAMES.has(w);
}

function isClearName(w: string): boolean {
  return GIVEN_NAMES.has(w) || SURNAMES.has(w);
}

/** Whether a word in any case (`okafor`, `SMITH`) is a given name or surname of the lists, not an ambiguous one. */
export function isKnownName(word: string): boolean {
  return word.length > 0 && isClearName(word[0].toUpperCase() + word.slice(1).toLowerCase());
}

/**
 * Whether a word of a name already found (`Wierzbicki` of `WIERZBICKI^TOMASZ^J`) says who it is on its own, so
 * that seeing it alone elsewhere in the file is seeing that person: not a given name, not a word or a name that
 * is also one (`Brown`, `Grace`), not an organisation's word. Any case; at least four letters.
 */
export function isDistinctiveSurname(word: string): boolean {
  if (word.length < 4 || word.length > 24 || !/^[A-Za-z]+(?:-[A-Za-z]+)?$/.test(word)) return false;
  const w = word[0].toUpperCase() + word.slice(1).toLowerCase();
  return !GIVEN_NAMES.has(w) && !AMBIGUOUS_GIVEN_NAMES.has(w) && !AMBIGUOUS_SURNAMES.has(w) && !isWordLike(w)
    && !WORD_ENDINGS.test(w.toLowerCase());
}

/** Second words that follow given names in place and institution names (`Beth Israel`, `Dana Farber`). */
const NOT_SURNAMES = new Set([
  'Luther', 'Israel', 'Farber', 'Sinai', 'Deaconess', 'Children', 'Packard', 'Permanente', 'Hopkins',
  // Month and weekday abbreviations follow `Jan` in date lists (`Jan Feb Mar`).
  'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun',
]);

let lowerWords: Set<string> | undefined;

/**
 * Whether a lower-case word is an ordinary English word and no name of the lists, ambiguous ones included
 * (`benefit`, `revenue`; not `baker` or `grace`).
 */
export function isPlainWord(word: string): boolean {
  if (word.length === 0) return false;
  const capitalised = word[0].toUpperCase() + word.slice(1);
  return isEnglishWord(word) && !isNameWord(capitalised);
}

/** Whether a word (or its stem without a plural or verb ending) is an ordinary English word. */
function isEnglishWord(w: string): boolean {
  lowerWords ??= new Set(ENGLISH_WORD_LIST.split(' '));
  const l = w.toLowerCase();
  if (lowerWords.has(l) || ENGLISH_WORDS.has(l)) return true;
  if (l.endsWith('ies') && lowerWords.has(`${l.slice(0, -3)}y`)) return true;
  if (l.endsWith('es') && lowerWords.has(l.slice(0, -2))) return true;
  if (l.endsWith('s') && lowerWords.has(l.slice(0, -1))) return true;
  if (l.endsWith('ed') && (lowerWords.has(l.slice(0, -2)) || lowerWords.has(l.slice(0, -1)))) return true;
  return l.endsWith('ing') && (lowerWords.has(l.slice(0, -3)) || lowerWords.has(`${l.slice(0, -3)}e`));
}

/** Endings of English and technical words (`Optimizer`, `Pipeline`s aside) that surnames outside the list lack. */
const WORD_ENDINGS = /(?:fier|izer|iser|ization|isation|tion|sion|ment|ness|ing|able|ible|ical|ology|ics|ware|ity|ous|ive|ful|less|ism)$/;

/**
 * Surnames are far more varied than any list, so after a clear given name a capitalised word that is not an
 * English word, an organisation word or all capitals counts as one (`Linda Okafor`).
 */
function isSurnameShaped(w: string): boolean {
  return w.length >= 3 && w.length <= 20 && /^[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?$/.test(w) && !WORD_ENDINGS.test(w) && !isWordLike(w);
}

/** A capitalised word that is an English word, an organisation's, a place name's second word or a name that is also a word. */
function isWordLike(w: string): boolean {
  return isEnglishWord(w) || ORGANISATION_WORDS.has(w) || NOT_SURNAMES.has(w) || AMBIGUOUS_NAMES.has(w);
}

/**
 * `Jane Smith`: a clear given name and a clear, surname-shaped or word-like surname (`Keisha Brown`), or a
 * word-like given name and a clear surname (`Maria Gonzalez`). Two word-like names (`Grace Park`) need a cue.
 */
function isDictionaryPair(words: readonly string[]): boolean {
  if (words.length < 2 || NOT_SURNAMES.has(words[1])) return false;
  const [given, surname] = words;
  if (GIVEN_NAMES.has(given)) return isClearName(surname) || AMBIGUOUS_SURNAMES.has(surname) || isSurnameShaped(surname);
  return AMBIGUOUS_GIVEN_NAMES.has(given) && SURNAMES.has(surname) && !isEnglishWord(surname);
}

/**
 * A word after the name that makes it a place or a title (`Jane Smith Hospital`). A possessive makes a lone
 * word one (`Children's`, `Mary's`); a full name's possessive only before such a word (`Dorothy Vance's cuff`).
 */
function followedByOrganisation(view: TextView, phrase: NamePhrase, used: number): boolean {
  const next = atomAt(view, phrase.nextIndex);
  if (used < phrase.words.length) return ORGANISATION_WORDS.has(phrase.words[used]);
  if (!next || next.start !== phrase.end + 1) return false;
  if (view.charAt(phrase.end) !== '\'') return ORGANISATION_WORDS.has(atomText(view, next));
  if (used < 2) return true;
  const after = atomAt(view, phrase.nextIndex + 1);
  return after !== undefined && after.start === next.end + 1 && ORGANISATION_WORDS.has(atomText(view, after));
}

function hasProviderSuffix(view: TextView, end: number): boolean {
  // After the rest of a hyphenated surname (`Villareal` of `Villareal-Santos, MD`).
  const rest = HYPHENATED_REST.exec(view.lower.slice(end, end + 40));
  if (rest) end += rest[0].length;
  if (providerSuffixAt(view.lower.slice(end, end + 9))) return true;
  // After a degree or the name in another script (`Camille Poe, MS, CCC-SLP`, `Ahmed Haddad (أحمد حداد), RRT`).
  const before = BEFORE_CREDENTIAL.exec(view.slice(end, end + 60));
  if (before && providerSuffixAt(view.lower.slice(end + before[0].length, end + before[0].length + 9))) return true;
  // After a second surname the phrase left (`Tzul Caal, AuD`) or the emphasis around the name (`**…**, AuD`).
  const more = NAME_TAIL.exec(view.slice(end, end + 40));
  return more !== null && more[0].length > 0 && providerSuffixAt(view.slice(end + more[0].length, end + more[0].length + 9).toLowerCase());
}

function providerSuffixAt(ahead: string): boolean {
  return PROVIDER_SUFFIXES.some((s) => ahead.startsWith(s) && (s.endsWith('<') || !/[a-z]/.test(ahead[s.length] ?? ' ')));
}

/** Up to two degrees in capitals (`, MS`, `, MPH`) or a bracketed note, before the credential that says what someone does. */
const BEFORE_CREDENTIAL = /^(?:, [A-Z]{2,4}(?=,)| \([^()\n]{1,40}\)){1,2}/;

const NAME_TAIL = /^(?: [A-Z][a-z\u00e0-\u024f'-]{1,30})?(?:\*\*|__)?/;

/**
 * Whether a note about a patient follows the name (`Harold Zorblatt-Jones (DOB 1900-…)`, `…, MRN 00…`): a case, not
 * the staff member the cue before would name (`Current escalation: …`, `Contact: …`).
 */
function patientNoteAfter(text: string, end: number): boolean {
  const note = PATIENT_NOTE_AFTER.exec(text.slice(end, end + 60));
  return note !== null && noteWords(note[1]).some((w) => PATIENT_RECORD_WORDS.has(w));
}

/** Words of a note that only a patient's record has (`VP Member Services` is a department's, `(DOB …)` no one's but the patient). */
const PATIENT_RECORD_WORDS = new Set(['dob', 'mrn', 'born', 'yo', 'age', 'aged']);

const PATIENT_NOTE_AFTER = /^(?:-[A-Za-z\u00c0-\u024f'-]{1,30})?(?: [A-Z][a-z\u00e0-\u024f'-]{1,30})?[*_]{0,2}(?: \(|, )([^()\n]{2,40})/;

/** A capitalised word ending a name the phrase did not take, before emphasis, a comma or a bracket. */
const NAME_LEFT = /^ [A-Z][a-z\u00e0-\u024f'-]{1,30}(?=[*_]{0,2}(?:,? ?[(<]|, ))/;

/** The rest of a hyphenated surname after a name's end (`-santos`), read lower case. */
const HYPHENATED_REST = /^-[a-z\u00e0-\u024f'-]{1,30}/;

/**
 * What follows a name that makes it staff's: a role in brackets (`Jamal Whitfield (data eng)`, `(analyst, …)`)
 * or after it inside them (`(Daniel Ashworth, CISO delegate)`), an organisation's address in brackets (a byline:
 * `Jonah Petrakis (jpetrakis@lakeshorehealth.org)`), the same person's organisation address further on the row
 * (a directory), work the person owns (`Rosa Delgado owns the follow-up`), or, on a TODO line, the name alone in
 * brackets (`… once the job is done (Arjun Venkataraman).`).
 */
function namesStaffAfter(view: TextView, start: number, end: number): boolean {
  const text = view.text;
  // The rest of a hyphenated surname (`Moreno-Brandt`) and credentials (`, PharmD`) come before the brackets, and
  // so does a last name the phrase left (`Harold Quennell Rao** (owner)`, `… Rao, Bioinformatics`).
  const left = NAME_LEFT.exec(text.slice(end, end + 34));
  const ahead = text.slice(end + (left ? left[0].length : 0), end + 120);
  // Emphasis may close around the name first (`**Marisol Etxeberria** (data eng)`).
  const open = /^(?:-[A-Za-z'-]+)?[*_]{0,2}(?:,? [A-Z][A-Za-z.]{1,7})*,? ?[(<]/.exec(ahead);
  const bracketed = open ? bracketContent(ahead.slice(open[0].length)) : undefined;
  if (bracketed !== undefined) {
    const mail = /^\s*[\w.%+-]+@([\w-]+(?:\.[\w-]+)+)\s*$/.exec(bracketed);
    if (mail) return !isPersonalMailDomain(mail[1]);
    // An extension (`Theo Marchetti (x6620)`, `(x3-8812)`) is a desk's, after a role or alone.
    const extension = DESK_EXTENSION.exec(bracketed);
    if (extension && (extension.index === 0 || isRoleNote(bracketed.slice(0, extension.index)))) return true;
    if (isRoleNote(bracketed)) return true;
  }
  // Work the person owns (`Rosa Delgado-Maier owns the follow-up`).
  if (/^(?:-[A-Za-z'-]+)? (?:owns|will own|to own|is (?:the )?owner|is on[- ]call)\b/.test(ahead)) return true;
  // An attribution after a sentence (`… reproduce. — Marcus Webb, Perioperative Analytics`) or an extension
  // (`(Marcus Webb, ext. 4471)`).
  if (/^(?:-[A-Za-z'-]+)?,? (?:ext\.?|x) ?\d{3,5}\b/i.test(ahead) || (/(?:^|[.!?"\u201d)]) ?(?:\u2014|--) $/.test(text.slice(Math.max(0, start - 6), start)) && /^(?:-[A-Za-z'-]+)?, [A-Z][a-z]/.test(ahead))) return true;
  // What the person does after a comma (`Lorenzo Whitaker, EMS data manager, 651-…`), or the department the person
  // is in (`Paulette Greer in Finance holds it`).
  const role = /^(?:-[A-Za-z'-]+)?[*_]{0,2}, ([A-Za-z&/ -]{2,40}?)(?:[,;:.)\u00b7|]|$)/m.exec(ahead);
  if (role && isRoleNote(role[1])) return true;
  // Or after a dash, in a list of who was there (`Priya Raman – HR, Ahmad Khalid – IP`): only role words, as a
  // dash after a patient's name opens a sentence (`– pharmacy called her`).
  const dashed = /^(?:-[A-Za-z'-]+)? (?:\u2013|\u2014|--?) ([A-Za-z&/ ]{2,30}?) ?(?:[,;)]|$)/m.exec(ahead);
  if (dashed && isRoleOnly(dashed[1])) return true;
  // Or a signature's title after a bar, then the desk's number or mail (`Delphine Marchetti-Boyd | Director,
  // Environmental Services | x3380`), on a line that is no table's row (a row's next cell is a column's value).
  const barred = /^(?:-[A-Za-z'-]+)? \| ([A-Za-z&/, -]{2,50}?) ?\|([^\n]{0,60})/.exec(ahead);
  if (barred && hasJobTitle(barred[1]) && SIGNATURE_CONTACT.test(barred[2]) && !opensTableRow(text, start)) return true;
  // A letter's address block or a signature: the name alone on its line, its title on the next (`Birth Registrar,
  // Women's Services`, `Data Quality Coordinator`).
  const title = SIGNATURE_TITLE.exec(ahead);
  if (title && isRoleNote(title[1])) return true;
  const department = /^(?:-[A-Za-z'-]+)? in ([A-Z][A-Za-z&]*)\b/.exec(ahead);
  if (department && STAFF_ROLE_WORDS.has(department[1].toLowerCase())) return true;
  // A role or department labelling the name inside brackets (`(case 0298, tech: Reggie Thibodeaux)`,
  // `(Procurement: Dennis Halvorsen)`).
  const label = /(?:\(|, )([A-Za-z]+): $/.exec(text.slice(Math.max(0, start - 40), start));
  if (label && STAFF_ROLE_WORDS.has(label[1].toLowerCase()) && /^(?:-[A-Za-z'-]+)?\)/.test(ahead)) return true;
  if (text[start - 1] === '(') {
    // `(Daniel Ashworth, CISO delegate)`: the rest of the brackets says what the person does.
    const rest = /^(?:-[A-Za-z'-]+)?, ([^()\n]{1,40})\)/.exec(ahead);
    if (rest && isRoleNote(rest[1])) return true;
    // `Purchasing (Lena Okonkwo)`, `trauma rep (Kent Arvidson, …)`: a department or a role before the brackets.
    const outside = /([A-Za-z]+) ?\($/.exec(text.slice(Math.max(0, start - 30), start))?.[1].toLowerCase();
    if (outside !== undefined && (STAFF_ROLE_WORDS.has(outside) || outside === 'team')) return true;
    // `(Arjun Venkataraman)` on a TODO line: the name is all there is in the brackets, whoever will do it.
    if (/^(?:-[A-Za-z'-]+)?\)/.test(ahead) && /\b(?:todo|fixme|tbd)\b/i.test(text.slice(Math.max(0, start - 200), start))) return true;
  }
  // A directory row: the person's own address at an organisation's domain follows (`"Marcus Delacroix-Byrne",
  // "marcus.delacroixbyrne@lakeshorehealth.org"`).
  const newline = ahead.indexOf('\n');
  const line = newline < 0 ? ahead : ahead.slice(0, newline);
  if (!line.includes('@')) return false;
  // With the rest of a hyphenated surname (`Montgomery` of `Montgomery-Reyes`).
  const name = text.slice(start, end) + (/^-[A-Za-z'-]+/.exec(ahead)?.[0] ?? '');
  for (const m of line.matchAll(/([\w.%+-]+)@([\w-]+(?:\.[\w-]+)+)/g)) {
    if (isMailboxOf(m[1], name) && !isPersonalMailDomain(m[2])) return true;
  }
  return false;
}

/**
 * Whether a mail address's local part is built from the name (`deandre.holloway`, `c.underwood`, `cmreyes` for
 * `Carla Montgomery-Reyes`, `amara` for `Amara Eze`): a surname or a part of a hyphenated one, or the given name
 * opening it.
 */
function isMailboxOf(localPart: string, name: string): boolean {
  const local = localPart.toLowerCase();
  const words = name.toLowerCase().split(/\s+/);
  const surname = words[words.length - 1] ?? '';
  const surnameParts = [surname, ...(surname.includes('-') ? surname.split('-') : [])];
  if (surnameParts.some((p) => p.length >= 3 && local.includes(p))) return true;
  const given = words.length > 1 ? words[0] : '';
  return given.length >= 3 && local.startsWith(given) && (local.length === given.length || '._-'.includes(local[given.length]));
}

/** The text up to the closing bracket, or undefined when there is none. */
function bracketContent(text: string): string | undefined {
  const close = text.search(/[)>]/);
  return close < 0 ? undefined : text.slice(0, close);
}

/** The line after a name that ends its line, up to its first comma or bracket, past a notebook's comment marker. */
const SIGNATURE_TITLE = /^(?:-[A-Za-z'-]+)?[*_]{0,2},?[ \t]*\r?\n[ \t]*(?:(?:#|\/\/|--) ?(?:MAGIC)? ?)?[ \t]*([A-Za-z&/ '-]{2,40}?)(?:[,;:(]|[ \t]*\r?\n|$)/;

/** A few words that say what someone does (`data eng`, `analyst, …`, `CISO delegate`), about no patient. */
function isRoleNote(note: string): boolean {
  // `Patient Access`, `Patient Flow`: a department named after whom it serves.
  const words = noteWords(note.replace(PATIENT_DEPARTMENT, ' '));
  return words.length > 0 && words.length <= 5 && words.some((w) => STAFF_ROLE_WORDS.has(w)) && !words.some((w) => PATIENT_WORDS.has(w));
}

/** A desk's extension, a work number's label or a mail address: what a signature gives after the title. */
const SIGNATURE_CONTACT = /\b(?:x|ext\.?) ?\d{3,5}\b|@|\b(?:cell|office|mobile|tel|phone|pager|direct)\b/i;

/** Whether the note names a job title (`Director, Environmental Services`), not only a team or a place. */
function hasJobTitle(note: string): boolean {
  const words = noteWords(note);
  return words.length <= 6 && words.some((w) => JOB_TITLES.has(w)) && !words.some((w) => PATIENT_WORDS.has(w));
}

const JOB_TITLES = new Set(STAFF_ROLE_NOUNS);

/** Whether the line of `at` opens with a bar, as a Markdown or grid table's row does. */
function opensTableRow(text: string, at: number): boolean {
  let p = lineStartWithin(text, at, MAX_LIST_GAP * 2);
  while (p < at && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09 || text.charCodeAt(p) === 0x23 || text.charCodeAt(p) === 0x22)) p++;
  return text.charCodeAt(p) === 0x7c;
}

/** A note of at most three words, each a role's or a team's (`HR`, `nursing informatics`). */
function isRoleOnly(note: string): boolean {
  const words = noteWords(note);
  return words.length > 0 && words.length <= 3 && words.every((w) => STAFF_ROLE_WORDS.has(w));
}

/** The words of a note in brackets or after a name, lower case (`Director, Environmental Services`). */
function noteWords(note: string): string[] {
  return note.toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

/** A desk's extension ending a bracket (`x6620`, `ext. 4471`, `, x3-8812`): a role may come before it. */
const DESK_EXTENSION = /(?:^|,)\s*(?:ext\.?|x) ?(?:\d{1,2}-?)?\d{3,5}\s*$/i;

/** Words of a role or a team, in brackets after a name. */
const STAFF_ROLE_WORDS = new Set([
  ...STAFF_ROLE_NOUNS,
  'analytics', 'eng', 'engineering', 'biostat', 'bioinformatics', 'review',
  'informatics', 'delegate', 'ciso', 'cmio', 'cio', 'cno', 'cmo', 'actuarial',
  'devops', 'governance', 'owner', 'reviewer', 'approver', 'maintainer',
  'pharmd', 'md', 'rn', 'np', 'mfm',
  'build', 'admin', 'ops', 'lead', 'dev', 'developer', 'vendor', 'interface', 'hr',
  // Departments and the people vendors send (`Purchasing (Lena Okonkwo)`, `Roche FSE (…)`, `Siobhan Tran (quality)`).
  'csm', 'office', 'dept',
  'department', 'desk', 'quality', 'finance', 'purchasing', 'biomed', 'compliance', 'privacy', 'legal', 'billing', 'coding',
  'pfs', 'registration', 'credentialing', 'mso', 'integrity', 'procurement', 'accounting', 'payroll', 'facilities',
  // Teams named after the work (`Patient Flow (…)`, `(Workforce Analytics)`, `(Integration Services)`).
  'flow', 'access', 'staffing', 'nursing', 'workforce', 'wfm', 'integration', 'equity', 'operations', 'strategy',
  'planning', 'mgmt', 'management', 'council', 'committee', 'chair', 'qa', 'rso',
  // Departments by their initials or their work (`CDI (…)`, `payer relations (…)`, `HIM (…)`).
  'cdi', 'him', 'relations', 'ur', 'um',
  // Decision and IT support, counsellors, community health workers, midwives, a collaborative's coach.
  'support', 'chw', 'cnm', 'coach',
  // Clinical departments and the professions that staff them (`Priya Subramaniam (pharmacy)`, `(ED educator)`).
  'pharmacy', 'lab', 'laboratory', 'radiology', 'epidemiology', 'nurse',
  'physician', 'surgeon', 'attending', 'safety', 'ehs',
  // A director of maintenance or of nursing, revenue cycle (`(DOM, 801-…)`, `DONs: …`, `RCM (…)`).
  'dom', 'dons', 'rcm',
]);

/** Words that make a bracket about a patient, whatever else it says (`(MRN 00839917)`, `(son, POA)`). */
const PATIENT_WORDS = new Set([
  'patient', 'pt', 'mrn', 'dob', 'member', 'subscriber', 'mother', 'father', 'son', 'daughter', 'wife', 'husband',
  'spouse', 'caller', 'guardian', 'poa', 'deceased', 'age', 'yo', 'years',
]);

/**
 * An EHR's test patient (`ZZTEST`, `ZZZPATIENT`, `TEST, MAMMO ONE`, `Test, Client`) or a form's placeholder person
 * (`Doe, Jane`): capitals opening with ZZ, the word TEST or Test, a number word, or Jane or John Doe, no one's name.
 */
export function isTestPatientName(v: string): boolean {
  return /(?:^|[^A-Za-z])(?:ZZ[A-Z]*|TEST|Test|ONE|TWO|THREE|FOUR|FIVE)(?![A-Za-z])/.test(v) || PLACEHOLDER_PERSON.test(v);
}

/** The placeholder people of forms and fixtures (`Jane Doe`, `DOE, JOHN`), in either order. */
const PLACEHOLDER_PERSON = /\b(?:(?:Jane|John|JANE|JOHN) (?:Q\. )?(?:Doe|DOE)|(?:Doe|DOE),? (?:Jane|John|JANE|JOHN))\b/;

/**
 * People's names that health data uses for programmes, institutions and counties (`Ryan White` Part B funding,
 * transfers to `Henry Ford`, the `Anne Arundel` cohort): never a patient there.
 */
const PROGRAMME_AND_PLACE_NAMES: ReadonlySet<string> = new Set([
  'ryan white', 'henry ford', 'johns hopkins', 'anne arundel', 'prince george', 'lou gehrig', 'ronald mcdonald',
  'robert wood johnson', 'susan komen', 'st jude', 'beth israel', 'sloan kettering', 'martin luther king', 'dana farber',
  'ben taub', 'john peter smith', 'barnes jewish', 'cedars sinai', 'fred meyer', 'harris teeter', 'mary bridge',
]);

function namesProgrammeOrPlace(phrase: string): boolean {
  return phrase.length <= 24 && PROGRAMME_AND_PLACE_NAMES.has(phrase.toLowerCase().replace(/[\s-]+/g, ' '));
}

/** A `name` label qualified by a non-person word (`table name:`) names something else. */
function isOtherThingsName(view: TextView, cueStart: number): boolean {
  const before = view.lower.slice(Math.max(0, cueStart - 24), cueStart).replace(/_/g, ' ').replace(/['\u2019]s ?$/, ' ');
  const m = /([a-z]+)[ .]?$/.exec(before);
  return m !== null && !PERSON_NAME_QUALIFIERS.has(m[1]);
}

/** Whether `cue`, found before `pos`, is a workforce cue naming whoever stands at `pos` (see namesTheProvider). */
function namesProviderAt(view: TextView, cue: ReturnType<typeof cueBefore>, pos: number): boolean {
  if (cue === undefined || !PROVIDER_CUES.includes(cue.phrase)) return false;
  const gap = view.slice(cue.end, pos);
  // `by` before a time is a deadline (`not enrolled by 6mo: …`, `due by 03/01, …`), not an author.
  return !(cue.phrase === 'by' && /\d/.test(gap)) && namesTheProvider(gap);
}

/**
 * Whether the words between a workforce cue and a name leave the name the cue's (`Dr. Jane Smith`, `reviewed by
 * the attending, Jane Smith`, `@author js@example.org (Jane Smith)`), not someone a clause later (`nurse line asked why
 * Luis Herrera gets paged`): no lower-case word of three letters or more but a few linking ones.
 */
function namesTheProvider(gap: string): boolean {
  // A word about a patient between them, capitalised or not, names the patient next (`Reported by Mercy Ridge ED,
  // 2024-08-07. Patient Ambrose …`).
  if (gap.split(/[^A-Za-z]+/).some((w) => w.length >= 2 && PATIENT_WORDS.has(w.toLowerCase()))) return false;
  // A handle before the name in brackets (`author: kbjornstad (Kirsten Bjornstad)`) is the same person's.
  return holdsOnlyWordsOf(gap.replace(/\S+@\S+/g, ' ').replace(/[\w.-]+ ?\(\s*$/, ' '), PROVIDER_GAP_WORDS);
}

const PROVIDER_GAP_WORDS = new Set(['the', 'and', 'our', 'his', 'her', 'their', 'team', 'from', 'with', 'via', 'was', 'are', 'were']);

/** Only spaces, quotes, `:`, `=`, `,` and `is` between a cue and the name. */
function isNameGap(gap: string): boolean {
  // A hyphen alone joins a compound (`Mother-Baby`, a unit), not a cue to a name.
  return gap.length <= 6 && gap !== '-' && /^[\s:=,'"(*-]*(?:is |was )?[\s'"]*$/i.test(gap);
}

const nameCues = cuesPerContext((context) => {
  const roleCues = withExtraCues(ROLE_CUES, 'name', context);
  return { roleCues, allCues: joinCues(HONORIFICS, roleCues, PROVIDER_CUES) };
});

/** A name to report and how many of its words, a staff member's name (STAFF), or no name. */
type Verdict = { readonly words: number } | typeof STAFF | undefined;
const STAFF = 'staff';

function judge(view: TextView, phrase: NamePhrase, roleCues: readonly string[], allCues: readonly string[]): Verdict {
  const cue = cueBefore(view, phrase.start, allCues, 40);
  const gapOk = cue !== undefined && isNameGap(view.slice(cue.end, phrase.start));
  if (namesProviderAt(view, cue, phrase.start) && !patientNoteAfter(view.text, phrase.end)) return STAFF;
  const words = phrase.words;
  const pair = isDictionaryPair(words);
  if (gapOk && cue && HONORIFICS.includes(cue.phrase)) {
    return isNameWord(words[0]) || !ENGLISH_WORDS.has(words[0].toLowerCase()) ? { words: Math.min(words.length, 2) } : undefined;
  }
  if (gapOk && cue && roleCues.includes(cue.phrase)) {
    if (cue.phrase === 'name' && isOtherThingsName(view, cue.start)) return undefined;
    // A word alone after a field label must be clearly a name, and not open a sentence: `name: Output only.`,
    // `name: Matcher to match on…` describe a field.
    const fieldWord = words.length === 1 && FIELD_ROLE_CUES.has(cue.phrase);
    if (fieldWord && opensProse(view, phrase.end)) return undefined;
    const nameLike = fieldWord ? (w: string) => isClearName(w) || isSurnameShaped(w) : (w: string) => isNameWord(w) || isSurnameShaped(w);
    if (!WEAK_ROLE_CUES.has(cue.phrase) && words.every(nameLike)) return { words: Math.min(words.length, 2) };
    if (WEAK_ROLE_CUES.has(cue.phrase) && words.length < 2) return undefined;
    if (pair) return { words: 2 };
    if (isClearName(words[0]) && (words.length === 1 || isNameWord(words[1]))) return { words: Math.min(words.length, 2) };
    if (words.length >= 2 && isNameWord(words[0]) && isClearName(words[1])) return { words: 2 };
    return undefined;
  }
  return pair ? { words: 2 } : undefined;
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const { roleCues, allCues } = nameCues(context);
  const out: Candidate[] = [];
  // End of the last staff member's name: names listed right after it are staff too (`Owners: A (mail), B`).
  let staffEnd = -1;
  for (let i = 0; i < view.atomCount; i++) {
    if (view.atomKind(i) !== 'letters') continue;
    // Every path below needs a capitalised first word (phraseAt, isCapitalisedWord, isSurnameShaped).
    const first = text.charCodeAt(view.atomStart(i));
    if (!(first >= 65 && first <= 90) && !(first >= 0xc0 && first <= 0xde)) continue;
    const a = view.atom(i);
    const word = atomText(view, a);
    // `Patient`, `Member` opening a sentence is the cue to the name after it, never the name's first word.
    if (word.length <= 10 && PATIENT_WORDS.has(word.toLowerCase())) continue;
    const upper = upperCaseNameAt(view, i, roleCues, allCues);
    if (upper) {
      out.push(makeCandidate(view, a.start, upper.end, 'name', 'name', 'high'));
      i = upper.nextIndex - 1;
      continue;
    }
    const inverted = surnameFirstAt(view, i, allCues);
    if (inverted) {
      out.push(makeCandidate(view, inverted.start, inverted.end, 'name', 'name', 'high'));
      i = inverted.nextIndex - 1;
      continue;
    }
    const honorific = view.charBefore(a.start) === ' ' && hasHonorificBefore(view.slice(Math.max(0, a.start - 6), a.start), word);
    const listed = isNameWord(word);
    const cued = !honorific && !listed && isSurnameShaped(word) && strongRoleCueBefore(view, a.start, roleCues, allCues);
    if (!listed && !(honorific && isCapitalisedWord(word)) && !cued) continue;
    const phrase = phraseAt(view, i, honorific || cued);
    if (!phrase) continue;
    const verdict = judge(view, phrase, roleCues, allCues);
    if (verdict === STAFF || (staffEnd >= 0 && continuesList(view, staffEnd, phrase.start)) || listedAfterCue(view, phrase.start) || followsTicket(view, phrase.start)
      || speaksInChat(view, phrase.start, phrase.end) || labelledByRole(view, phrase.start)) {
      staffEnd = phrase.end;
      // The staff member's whole name, with capitalised words the phrase left (`Tran Van` of `Tran Van Hieu`).
      context.staffNames?.add(view.slice(phrase.start, restOfName(view.text, phrase.end)));
      i = phrase.nextIndex - 1;
      continue;
    }
    const before = view.slice(Math.max(0, phrase.start - 6), phrase.start).toLowerCase();
    // A placeholder with the word after the phrase (`John` of `John Doe` when `Doe` is no name of the lists).
    if (!verdict || isTestPatientName(view.slice(phrase.start, phrase.end)) || PLACEHOLDER_PERSON.test(view.slice(phrase.start, Math.min(view.text.length, phrase.end + 4))) || namesProgrammeOrPlace(view.slice(phrase.start, phrase.end)) || followedByOrganisation(view, phrase, verdict.words) || /(?:st\.|saint) $/.test(before) || /[@#/\\.]$/.test(before)) continue;
    const end = givenAfterComma(view, phrase, verdict.words) ?? lastWordEnd(view, phrase, verdict.words);
    if (hasProviderSuffix(view, end) || namesStaffAfter(view, phrase.start, end)) {
      staffEnd = end;
      context.staffNames?.add(view.slice(phrase.start, end));
      i = phrase.nextIndex - 1;
      continue;
    }
    out.push(makeCandidate(view, phrase.start, end, 'name', 'name', verdict.words >= 2 ? 'high' : 'medium'));
    i = phrase.nextIndex - 1;
  }
  return out;
}

/** Where a name ends with the rest of a hyphenated surname and up to two more capitalised words after `end` (`Hieu` after `Tran Van`). */
function restOfName(text: string, end: number): number {
  const rest = /^(?:-[A-Za-z\u00c0-\u024f']{1,30})?(?: [A-Z][a-z\u00c0-\u024f'-]+){0,2}(?![A-Za-z\u00c0-\u024f])/.exec(text.slice(end, end + 40));
  return rest ? end + rest[0].length : end;
}

/**
 * Whether the text between two names lists them (`, `, ` and `, a note in brackets, a line break within the item),
 * after the rest of the first name (a word the phrase left, a hyphenated surname's second part):
 * `Owners: Priya Raman (priya.raman@…), Sean Fitzgerald`, `Linda Osei (CNO office),\n  Marcus Oyelaran`.
 */
function continuesList(view: TextView, from: number, to: number): boolean {
  // Measured before it is sliced: the last staff name may lie megabytes back.
  return to - from <= MAX_LIST_GAP && LIST_GAP.test(view.slice(from, to));
}

const MAX_LIST_GAP = 120;

/**
 * Whether the name is a chat message's sender (`> [7:48 AM] Felix Amankwah: pipeline green …`, `**[9:03 AM] Ines
 * Carvalho:**`): a thread of the team's pasted into the notebook, whose senders are staff.
 */
function speaksInChat(view: TextView, start: number, end: number): boolean {
  if (!CHAT_TIME_BEFORE.test(view.slice(Math.max(0, start - 16), start))) return false;
  return /^(?:-[A-Za-z\u00c0-\u024f'-]+)?(?: [A-Z][A-Za-z\u00c0-\u024f'-]*){0,2}(?:\*\*)?:/.test(view.slice(end, end + 60));
}

const CHAT_TIME_BEFORE = /\[\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?\](?:\*\*)? $/;

/**
 * Whether a department or a role labels the name (`**Engineering:** Priya Raman`, `Biomed: Dmitri Volkov`, `QA
 * reviewer: Olu Bankole`): the label's last word says what the person does, and none speaks of a patient.
 */
function labelledByRole(view: TextView, start: number): boolean {
  const label = ROLE_LABEL_BEFORE.exec(view.slice(Math.max(0, start - 40), start));
  if (!label) return false;
  const words = noteWords(label[1]);
  return words.length > 0 && words.length <= 4 && STAFF_ROLE_WORDS.has(words[words.length - 1]) && !words.some((w) => PATIENT_WORDS.has(w));
}

/**
 * A label ending right before a name: words, perhaps a note in brackets, a colon, emphasis around either (`**Data
 * engineering:** `, `Facility administrator (Fargo unit): `).
 */
const ROLE_LABEL_BEFORE = /(?:^|[\s*|(>\u00b7])([A-Za-z][A-Za-z&/ -]{0,30})(?: \([^()\n]{1,30}\))?(?:\*\*)?: ?(?:\*\*)? ?$/;

/**
 * Whether the name follows a ticket's number (`request RS-11873 — Kenji Mori`, `(ticket DGO-1184, Magnus Halvorsen
 * confirmed)`): whoever raised, owns or closed the ticket, staff.
 */
function followsTicket(view: TextView, start: number): boolean {
  return TICKET_BEFORE.test(view.slice(Math.max(0, start - 40), start));
}

const TICKET_BEFORE = /\b(?:tickets?|requests?|req|jira|incident|inc|change|chg|ritm|sr|servicenow|snow)\b[ \t]*#?[ \t]?[A-Z][A-Z0-9]{1,9}-\d{2,8}[ \t]?(?:(?:,|:|\u2014|\u2013|--?)[ \t]?(?:by[ \t])?|(?:to|from)[ \t])$/i;

/**
 * Whether the name is listed after a cue that opens a list of staff, with names no list knows before it
 * (`Present: Renata Kowalczyk (nursing informatics), Luis Baptista`): the list is the cue's from its start.
 */
function listedAfterCue(view: TextView, start: number): boolean {
  if (listedAfterCueOnLine(view, start, MAX_LIST_GAP)) return true;
  // A list wrapped onto the next line (`Attendees: …, Dr. Henrik Kristiansen (OB),\nIgnacio Arriola-Etxeberria`): the
  // name opens its line, and the line before is the cue's list up to its last separator.
  const text = view.text;
  let p = start;
  while (p > 0 && (text.charCodeAt(p - 1) === 0x20 || text.charCodeAt(p - 1) === 0x09)) p--;
  if (p === 0 || text.charCodeAt(p - 1) !== 0x0a) return false;
  let end = p - 1;
  if (text.charCodeAt(end - 1) === 0x0d) end--;
  const last = text.charCodeAt(end - 1);
  return (last === 0x2c || last === 0x3b) && listedAfterCueOnLine(view, end, MAX_WRAPPED_LIST_LINE);
}

/** Longest line before a wrapped list's next line that is read back to its cue. */
const MAX_WRAPPED_LIST_LINE = 240;

function listedAfterCueOnLine(view: TextView, start: number, window: number): boolean {
  const cue = cueBefore(view, start, LIST_OPENING_CUES, window);
  if (cue === undefined) return false;
  const gap = view.slice(cue.end, start);
  // The cue labels what follows (`Present:`, `**Attendees:**`, `Nursing directors — `), as a heading of a list does.
  const label = /^\*{0,2}\)?(?::|[ \t]+[\u2014\u2013-]|[ \t]*\|)\*{0,2}[ \t]*/.exec(gap)?.[0].length ?? 0;
  return label > 0 && LIST_GAP.test(` ${gap.slice(label)}`);
}

/**
 * The cues that open a list of staff: with `present` (a workforce cue only as `present:`), and the plural roles
 * (`Nursing directors — …`) that open a list only when labelled.
 */
const LIST_OPENING_CUES = ['present', 'directors', 'managers', 'leads', 'reps', 'clerks', 'trainers', 'chaplains',
  // Any job title in the plural (`Registrars | …`, `Pharmacists: …`).
  ...STAFF_ROLE_NOUNS.filter((n) => !n.endsWith('s')).map((n) => `${n}s`),
  // Community health workers and navigators (`Promotoras: Rocío … & Guadalupe …`).
  'promotoras', 'promotores', 'navigators', 'chws', 'interpreters', ...STAFF_LIST_CUES];

// Names no detector knows may stand between (`Present: A, Bettina Quintavalle, C`, or apart by ` · `): each a few
// capitalised words (capitals beyond ASCII too: `Żmuda`) and a note in brackets before its separator, and the first
// part of a hyphenated given name, or a given name no list knows, may end it (`Mai-` of `Mai-Linh Tran`, `Eoghan ` of
// `Eoghan Mac Giolla`), as may an honorific (`Mr. ` of `Mr. Cathal Ó Floinn`); a name may hold a lower-case particle
// (`Emrys ap Gwilym`, `Ruud van Dijk`). The gap is at most MAX_LIST_GAP characters, so backtracking is bounded.
const LIST_GAP = /^(?:[ -](?:(?:ap|van|von|de|da|del|di|du|der|den|ter|bin|bint|ibn|al|el|la|le) )?[A-Z\u00c0-\u00de\u0100-\u024f][A-Za-z\u00c0-\u024f'-]*\.?){0,3}(?:, [A-Z\u00c0-\u00de\u0100-\u024f][A-Za-z\u00c0-\u024f.]{1,7})*[ \t]*(?:\([^()\n]{0,80}\)[ \t]*)?(?:,|;|&|\/|\u00b7|and)(?:[ \t]*(?:\r?\n[ \t]*)?[A-Z\u00c0-\u00de\u0100-\u024f][A-Za-z\u00c0-\u024f'-]*\.?(?:[ -](?:(?:ap|van|von|de|da|del|di|du|der|den|ter|bin|bint|ibn|al|el|la|le) )?[A-Z\u00c0-\u00de\u0100-\u024f][A-Za-z\u00c0-\u024f'-]*\.?){0,3}[ \t]*(?:\([^()\n]{0,80}\)[ \t]*)?(?:,|;|&|\/|\u00b7|and))*[ \t]*(?:\r?\n[ \t]*)?(?:[A-Z\u00c0-\u00de\u0100-\u024f][a-z']*-|[A-Z\u00c0-\u00de\u0100-\u024f][a-z\u00e0-\u024f']*\.? )?$/;

/** Whether a lower-case word follows `end` after one space: the capitalised word before it opens a sentence. */
function opensProse(view: TextView, end: number): boolean {
  const c = view.text.charCodeAt(end + 1);
  return view.charAt(end) === ' ' && c >= 0x61 && c <= 0x7a;
}

function hasHonorificBefore(before: string, word: string): boolean {
  return HONORIFIC_BEFORE.test(before) || (UPPER_HONORIFIC_BEFORE.test(before) && isUpperWord(word));
}

const titleCase = (w: string): string => w[0] + w.slice(1).toLowerCase();
const isUpperWord = (w: string): boolean => w.length >= 2 && w.length <= 20 && /^[A-Z][A-Z'-]*[A-Z]$/.test(w);

/**
 * EHR style in capitals after a strong role cue: `pt GARCIA, MARIA` or `patient MARIA GARCIA`. Both words must
 * read as names once title-cased, and one of them must be in the name lists, so `patient ID`/`NOTE` stay quiet.
 */
function upperCaseNameAt(view: TextView, index: number, roleCues: readonly string[], allCues: readonly string[]): { end: number; nextIndex: number } | undefined {
  // Most capitalised words fail on their second letter, before any word is sliced. A one-letter word is no
  // upper-case name, and its second letter could lie past the text's end (a read that deoptimises the caller).
  const start = view.atomStart(index);
  if (view.atomEnd(index) - start < 2) return undefined;
  const second = view.text.charCodeAt(start + 1);
  if (!(second >= 65 && second <= 90)) return undefined;
  const a = view.atom(index);
  const b = atomAt(view, index + 1);
  if (!b || a.kind !== 'letters' || b.kind !== 'letters') return undefined;
  const w1 = atomText(view, a);
  const w2 = atomText(view, b);
  if (!isUpperWord(w1) || !isUpperWord(w2)) return undefined;
  const gap = view.slice(a.end, b.start);
  if (gap !== ' ' && gap !== ', ' && gap !== ',') return undefined;
  const t1 = titleCase(w1);
  const t2 = titleCase(w2);
  const nameLike = (t: string) => isNameWord(t) || isSurnameShaped(t);
  if (!nameLike(t1) || !nameLike(t2) || !(isClearName(t1) || isClearName(t2))) return undefined;
  if (!strongRoleCueBefore(view, a.start, roleCues, allCues)) return undefined;
  return { end: b.end, nextIndex: index + 2 };
}

/** What a birth record calls a newborn before it has a given name (`HAVERFORD, BABYGIRL A`). */
const NEWBORN_GIVEN = new Set(['BABYGIRL', 'BABYBOY', 'BABY', 'BOY', 'GIRL', 'INFANT']);

/**
 * A name written surname first, as records and worklists write them, with no cue needed: `Martinez, Rosa M`,
 * `MARTINEZ, ROSA`, `OYELARAN, TOBI`, a newborn's `HAVERFORD, BABYGIRL A`. The given name is a listed one (or a
 * newborn's placeholder, in capitals), in the surname's case; a third item after them (`Python, Julia, and R`)
 * makes a list, not a name.
 */
function surnameFirstAt(view: TextView, index: number, allCues: readonly string[]): { start: number; end: number; nextIndex: number } | undefined {
  const a = view.atom(index);
  if (a.kind !== 'letters' || view.charAt(a.end) !== ',') return undefined;
  const b = atomAt(view, index + 1);
  if (!b || b.kind !== 'letters' || (b.start !== a.end + 2 && b.start !== a.end + 1) || (b.start === a.end + 2 && view.charAt(a.end + 1) !== ' ')) return undefined;
  const w1 = atomText(view, a);
  const w2 = atomText(view, b);
  const upper = isUpperWord(w1);
  if (upper ? !isUpperWord(w2) : !isCapitalisedWord(w1) || !isCapitalisedWord(w2) || b.start !== a.end + 2) return undefined;
  const t1 = upper ? titleCase(w1) : w1;
  const t2 = upper ? titleCase(w2) : w2;
  // In capitals (a record's style) any surname-shaped word will do; in title case only a listed surname that is
  // no given name: `Auckland, Wellington` and `Izhevsk, Samara` list places.
  if (upper ? !SURNAMES.has(t1) && !isSurnameShaped(t1) : !SURNAMES.has(t1) || GIVEN_NAMES.has(t1)) return undefined;
  let end = b.end;
  let nextIndex = index + 2;
  if (upper && NEWBORN_GIVEN.has(w2)) {
    // `BABY GIRL`, `BABY BOY`: the placeholder's second word.
    const c = atomAt(view, nextIndex);
    if (w2 === 'BABY' && c && c.start === b.end + 1 && (atomText(view, c) === 'GIRL' || atomText(view, c) === 'BOY')) {
      end = c.end;
      nextIndex++;
    } else if (w2 === 'BABY' || w2 === 'INFANT') {
      return undefined;
    }
  } else if (!GIVEN_NAMES.has(t2) && !(AMBIGUOUS_GIVEN_NAMES.has(t2) && SURNAMES.has(t1) && !isEnglishWord(t1))) {
    // A given name that is also a word (`Maria`, `Grace`) only after a listed surname that is none (`Garcia, Maria`).
    return undefined;
  }
  // A middle initial or a twin's letter (`Rosa M`, `BABYGIRL A`).
  const initial = atomAt(view, nextIndex);
  if (initial && initial.start === end + 1 && initial.end - initial.start === 1 && view.charAt(end) === ' ' && isCapitalCode(view.text.charCodeAt(initial.start))
    && !isCapitalCode(view.text.charCodeAt(initial.end)) && !isLowerCaseCode(view.text.charCodeAt(initial.end))) {
    end = initial.end + (view.charAt(initial.end) === '.' ? 1 : 0);
    nextIndex++;
  }
  const after = view.slice(end, end + 6);
  if (/^(?:, ?[A-Za-z]|,? (?:and|or|&) )/.test(after)) return undefined;
  // `…, Randall Hopper, …`: a surname after the given name makes the pair a name written given name first.
  const following = atomAt(view, nextIndex);
  if (following && following.start === end + 1 && view.charAt(end) === ' ' && following.kind === 'letters' && following.end - following.start > 1) {
    const w = atomText(view, following);
    if (isCapitalCode(w.charCodeAt(0)) && !GIVEN_NAMES.has(upper ? titleCase(w) : w)) return undefined;
  }
  // The rest of a hyphenated surname before it (`KILBRIDE-OYELARAN`).
  let start = a.start;
  if (view.charAt(start - 1) === '-' && index > 0 && view.atomEnd(index - 1) === start - 1 && view.atomKind(index - 1) === 'letters') start = view.atomStart(index - 1);
  // `Charles G Waldman, David Arnold`: a capitalised word or an initial before it makes it the end of a name
  // written given name first, in a list of them.
  const before = view.text.slice(Math.max(0, start - 3), start);
  if (/(?:[A-Z][a-z]*\.? |[A-Z][a-z]*\. ?)$/.test(before) || NAME_PARTICLE_BEFORE.test(view.text.slice(Math.max(0, start - 5), start)) || (view.charAt(start - 1) === ' ' && index > 0 && view.atomEnd(index - 1) === start - 1 && isCapitalCode(view.text.charCodeAt(view.atomStart(index - 1))))) return undefined;
  if (namesProviderAt(view, cueBefore(view, start, allCues, 40), start)) return undefined;
  if (/[@#/\\.]$/.test(view.charBefore(start)) || hasProviderSuffix(view, end) || namesStaffAfter(view, start, end)) return undefined;
  return { start, end, nextIndex };
}

/** `van Rossum`, `de la Cruz`: a particle before a surname. */
const NAME_PARTICLE_BEFORE = /(?:^|[^a-z])(?:van|von|de|da|del|la|le|di|du|der|ten|ter|bin|al|el) $/;

/** A strong role cue (`pt`, `patient:`, `mother's name is`) right before `pos`, and no provider cue nearer. */
function strongRoleCueBefore(view: TextView, pos: number, roleCues: readonly string[], allCues: readonly string[]): boolean {
  const cue = cueBefore(view, pos, allCues, 40);
  return cue !== undefined && roleCues.includes(cue.phrase) && !WEAK_ROLE_CUES.has(cue.phrase)
    && isNameGap(view.slice(cue.end, pos)) && !(cue.phrase === 'name' && isOtherThingsName(view, cue.start));
}

/** `Garcia, Maria`: a one-word name followed by a comma and a given name is written surname first. */
function givenAfterComma(view: TextView, phrase: NamePhrase, used: number): number | undefined {
  if (used !== 1 || phrase.words.length !== 1 || view.charAt(phrase.end) !== ',' || view.charAt(phrase.end + 1) !== ' ') return undefined;
  const next = atomAt(view, phrase.nextIndex);
  if (!next || next.start !== phrase.end + 2 || next.kind !== 'letters') return undefined;
  return GIVEN_NAMES.has(atomText(view, next)) || AMBIGUOUS_NAMES.has(atomText(view, next)) ? next.end : undefined;
}

/** End offset of the n-th name word of the phrase (initials and a quoted nickname between words included). */
function lastWordEnd(view: TextView, phrase: NamePhrase, n: number): number {
  let seen = 0;
  for (let i = phrase.startIndex; i < phrase.nextIndex; i++) {
    const start = view.atomStart(i);
    const end = view.atomEnd(i);
    const nickname = seen > 0 && (view.charAt(start - 1) === '"' || view.charAt(start - 1) === '\u201c');
    if ((end - start > 1 && !nickname) || seen === 0) seen++;
    if (seen === n) return end;
  }
  return phrase.end;
}

export const nameDetector: Detector = { id: 'name', category: 'name', find, needs: ['upper'] };
