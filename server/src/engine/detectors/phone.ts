/**
 * North American phone and fax numbers. Formatted numbers (`(ddd) ddd-dddd`, `ddd-ddd-dddd`, `ddd.ddd.dddd`,
 * `+1 ddd ddd dddd`) with a valid area code and exchange are reported; spaced or bare ten digits only next
 * to a phone cue. The nearest cue decides phone or fax, and a nearer cue of another kind (NPI, claim, order)
 * rules the number out. Whole chains are read, so digits inside longer ids or NDC codes never match.
 */
import type { Category } from '../model';
import { makeCandidate } from './candidate';
import { organisationMailEnd } from './email';
import { isOrganisationSite, namesOrganisation, speaksOfOrganisationOnly, speaksOfPerson } from './geographic';
import { cueAfter, cueBefore, cuesPerContext, joinCues, withExtraCues } from './cues';
import { STAFF_ROLE_NOUNS } from './data/staffRoles';
import { digitsOf, holdsOnlyWordsOf, viewFor, type Chain, type TextView } from './text';
import type { Candidate, Confidence, Detector, FreeTextContext } from './types';

const PHONE_CUES = ['phone', 'ph', 'ph#', 'tel', 'telephone', 'cell', 'mobile', 'call', 'called', 'contact', 'contact number', 'home', 'sms', 'text', 'pager', 'callback', 'reach', 'emergency contact'];
const FAX_CUES = ['fax', 'fax#', 'facsimile', 'fx'];
const OTHER_CUES = ['npi', 'ein', 'tin', 'claim', 'order', 'invoice', 'ticket', 'case', 'ref', 'reference', 'tracking', 'isbn', 'routing', 'account', 'acct', 'mrn', 'member', 'id', 'version', 'build', 'run', 'job', 'ssn', 'ndc', 'lot'];

interface PhoneSpan {
  readonly start: number;
  readonly end: number;
  /** Formatted as phone numbers usually are; unformatted digits need a cue. */
  readonly formatted: boolean;
}

/** Ten digits (optionally a leading 1) with area code and exchange starting 2-9 and no N11 area code. */
export function isNanpNumber(digits: string): boolean {
  const d = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (d.length !== 10) return false;
  if (d[0] < '2' || d[3] < '2') return false;
  if (d[1] === '1' && d[2] === '1') return false;
  return !/^(\d)\1{9}$/.test(d);
}

function groupsOf(chain: Chain | undefined): string | undefined {
  return chain ? chain.shape : undefined;
}

/** Whether the chain has separators, all of them one of the allowed ones. */
function sameSeps(chain: Chain, allowed: string): boolean {
  if (chain.atomCount < 2) return false;
  for (const sep of allowed) if (chain.joinedOnlyBy(sep)) return true;
  return false;
}

/** `(ddd) ddd-dddd`, `(ddd)ddd-dddd` or `(ddd) ddd dddd` where `chain` is the area code. */
function parenthesised(view: TextView, chain: Chain): PhoneSpan | undefined {
  if (view.charBefore(chain.start) !== '(' || groupsOf(chain) !== '3') return undefined;
  const rest = view.nextChainAfter(chain, ') ') ?? view.nextChainAfter(chain, ')');
  if (rest && groupsOf(rest) === '3') {
    const line = view.nextChainAfter(rest, ' ');
    return line && groupsOf(line) === '4' ? { start: chain.start - 1, end: line.end, formatted: true } : undefined;
  }
  if (!rest || groupsOf(rest) !== '3,4' || !sameSeps(rest, '-.')) return undefined;
  return { start: chain.start - 1, end: rest.end, formatted: true };
}

/** `ddd ddd dddd` where `chain` is the area code. */
function spaced(view: TextView, chain: Chain): PhoneSpan | undefined {
  if (groupsOf(chain) !== '3') return undefined;
  const second = view.nextChainAfter(chain, ' ');
  if (groupsOf(second) === '3,4' && second && sameSeps(second, '-.')) return { start: chain.start, end: second.end, formatted: false };
  if (!second || groupsOf(second) !== '3') return undefined;
  const third = view.nextChainAfter(second, ' ');
  if (!third || groupsOf(third) !== '4') return undefined;
  return { start: chain.start, end: third.end, formatted: false };
}

/**
 * What phoneAt needs of chain i, read by index: a whole number, `+1`, or a three-digit area code in parentheses
 * or followed by a space and the next group.
 */
function mayStartPhone(view: TextView, i: number): boolean {
  const shape = view.chainShape(i);
  if (shape === '3,3,4' || shape === '1,3,3,4' || shape === '10' || shape === '11') return true;
  const start = view.chainStart(i);
  if (shape === '1') return view.charBefore(start) === '+';
  if (shape !== '3') return false;
  if (view.charBefore(start) === '(') return true;
  const next = view.followedAfter(i, ' ') ? view.chainShape(i + 1) : '';
  return next === '3,4' || next === '3';
}

function phoneAt(view: TextView, chain: Chain): PhoneSpan | undefined {
  const shape = groupsOf(chain);
  if (shape === '3,3,4' && sameSeps(chain, '-.')) return { start: chain.start, end: chain.end, formatted: true };
  if (shape === '1,3,3,4' && sameSeps(chain, '-.') && view.text[chain.start] === '1') {
    const start = view.charBefore(chain.start) === '+' ? chain.start - 1 : chain.start;
    return { start, end: chain.end, formatted: true };
  }
  if (shape === '11' && view.text[chain.start] === '1' && isE164Plus(view, chain.start)) return { start: chain.start - 1, end: chain.end, formatted: true };
  if (shape === '10' || (shape === '11' && view.text[chain.start] === '1')) return { start: chain.start, end: chain.end, formatted: false };
  if (shape === '1' && view.text[chain.start] === '1' && view.charBefore(chain.start) === '+') return internationalForm(view, chain);
  return parenthesised(view, chain) ?? spaced(view, chain);
}

/**
 * `+19715550108`: E.164, as SMS gateways and FHIR `telecom` write a number. The plus is the format; a plus after
 * a word or a bracket is a sum (`base+19715550108`).
 */
function isE164Plus(view: TextView, start: number): boolean {
  return view.charBefore(start) === '+' && !/[\w)\]]/.test(view.charBefore(start - 1));
}

/** `+1 ddd-ddd-dddd`, `+1 ddd ddd dddd`, `+1 (ddd) ddd-dddd`. */
function internationalForm(view: TextView, one: Chain): PhoneSpan | undefined {
  const next = view.nextChainAfter(one, ' ');
  if (next && groupsOf(next) === '3,3,4' && sameSeps(next, '-.')) return { start: one.start - 1, end: next.end, formatted: true };
  if (next) {
    const rest = spaced(view, next);
    if (rest) return { start: one.start - 1, end: rest.end, formatted: true };
  }
  const paren = view.nextChainAfter(one, ' (');
  const inner = paren ? parenthesised(view, paren) : undefined;
  return inner ? { start: one.start - 1, end: inner.end, formatted: true } : undefined;
}

/** The category the nearest cue gives, `other` when a cue of another kind is nearer, none without a cue. */
interface PhoneCues {
  readonly phone: readonly string[];
  readonly fax: readonly string[];
  readonly phoneOrFax: readonly string[];
  readonly all: readonly string[];
}

const phoneCues = cuesPerContext((context): PhoneCues => {
  const phone = withExtraCues(PHONE_CUES, 'phone', context);
  const fax = withExtraCues(FAX_CUES, 'fax', context);
  return { phone, fax, phoneOrFax: joinCues(phone, fax), all: joinCues(phone, fax, OTHER_CUES) };
});

function cueCategory(view: TextView, span: PhoneSpan, cues: PhoneCues): Category | 'other' | undefined {
  const phoneCues = cues.phone;
  const faxCues = cues.fax;
  const hit = cueBefore(view, span.start, cues.all) ?? cueAfter(view, span.end, cues.phoneOrFax, 12);
  if (!hit) return undefined;
  if (faxCues.includes(hit.phrase)) return 'fax';
  if (phoneCues.includes(hit.phrase)) return 'phone';
  // A patient's own id already given its value (`mrn=00012345 to=+1555…`) names whose number follows, not what it is.
  if (PATIENT_ID_CUES.has(hit.phrase) && hit.end < span.start && /\d/.test(view.text.slice(hit.end, span.start))) return undefined;
  return 'other';
}

/** Cues of a patient's own ids: the number after such an id's value is the patient's contact, not another id. */
const PATIENT_ID_CUES: ReadonlySet<string> = new Set(['mrn', 'member', 'acct', 'account', 'ssn']);

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = phoneCues(context);
  const out: Candidate[] = [];
  let lastEnd = -1;
  /** End of the last number found to be an organisation's. */
  let organisationEnd = -1;
  for (let i = 0; i < view.chainCount; i++) {
    if (!mayStartPhone(view, i) || view.chainStart(i) < lastEnd) continue;
    const span = phoneAt(view, view.chain(i));
    if (!span) continue;
    const digits = digitsOf(view.slice(span.start, span.end));
    if (!isNanpNumber(digits)) continue;
    // A number right after `=` is a value in code (`n=5551234567`); a `+` says it is dialled (`to=+14845520193`).
    // A phone key names it whatever the form (`to=555.…` of an SMS log, `cell=(555) …`).
    const key = view.charBefore(span.start) === '=' ? PHONE_KEY_BEFORE.exec(text.slice(Math.max(0, span.start - 12), span.start)) : null;
    if (view.text[span.start] !== '+' && !key && /[=@~^<>vV]/.test(view.charBefore(span.start))) continue;
    const cue = key ? 'phone' : cueCategory(view, span, cues);
    if (cue === 'other' || (!span.formatted && !cue)) continue;
    const confidence: Confidence = span.formatted ? 'high' : 'medium';
    // An organisation's line (a facility's row, `Contact for questions: team@…health.org, (970) 555-0142`, a
    // `support line`), and toll-free numbers, which are organisations' and never a person's own.
    // Only a line named as the organisation's leads on to the next (`Main … · fax …`); a toll-free number or a
    // contact's own mail does not (`mbr called 1-800-…, cb 555-…`).
    // A message's recipient (`to=555.… | Hi, this is the Zzyzx Clinic …`) is whom the organisation wrote to.
    const recipient = key !== null && RECIPIENT_KEY.test(key[0]) && cueCategory(view, span, cues) !== 'fax';
    const organisations = !recipient && (isOrganisationSite(text, span.start, span.end) || isOrganisationsNumber(text, span.start, span.end)
      || MAIN_AFTER.test(text.slice(span.end, span.end + 12)) || (organisationEnd >= 0 && isNextLineOfOrganisation(text, organisationEnd, span.start)));
    // A contact's mail at an organisation's domain leads on to the contact's next line too (`… · (727) … · fax …`).
    const afterMail = !recipient && !organisations && followsOrganisationMail(view, span.start);
    if (organisations || afterMail || isTollFree(digits)) {
      lastEnd = span.end;
      if (organisations || afterMail) organisationEnd = span.end;
      continue;
    }
    out.push(makeCandidate(view, span.start, span.end, cue ?? 'phone', 'phone', confidence));
    lastEnd = span.end;
  }
  return out;
}

/**
 * Whether the words just before a number make it an organisation's: what it calls its numbers (`main line`), or
 * its name with no person between (`Lakeshore Family Medicine - Hermantown 218-…`, whatever the line says next).
 */
function isOrganisationsNumber(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - LINE_BEFORE), start);
  // The line up to the number speaks of no person (`mbr states she got a bill from Riverside Imaging … fax EOB to`).
  // A number that opens its line ends the sentence the line before began (`call the micro bench at\n847.…`): a
  // line of words with no digits that ends in one, not a row of a table.
  const lineStart = window.lastIndexOf('\n');
  const previousStart = window.lastIndexOf('\n', lineStart - 1);
  const wrapped = lineStart >= 0 && WRAPPED_LINE_HEAD.test(window.slice(lineStart + 1)) && WRAPPED_PROSE.test(window.slice(previousStart + 1, lineStart));
  const line = window.slice((wrapped ? previousStart : lineStart) + 1);
  // A pager is the workforce's, whoever the line names (`owner Harold Zorblatt, pager 412-…`).
  if (PAGER_RIGHT_BEFORE.test(line)) return true;
  // A letterhead's line of numbers under the organisation's name and address (`Phone 520-… Fax …`).
  if (lineStart >= 0 && LETTERHEAD_LABEL.test(line) && !wrapped && speaksOfOrganisationOnly(window.slice(previousStart + 1, lineStart))) return true;
  if (speaksOfPerson(line)) return false;
  // The sentence the number is in, near it: `… at the pharmacy counter. One already called: Ann Lee, from 614-…`.
  const near = line.slice(-NEAR_BEFORE);
  const sentenceEnd = near.search(/[.!?;] +[A-Z][^.!?;]*$/);
  const before = sentenceEnd < 0 ? near : near.slice(sentenceEnd + 1);
  if (CALL_BARE.test(before) && (RESCHEDULE_AFTER.test(text.slice(end, end + 30)) || RESCHEDULE_BEFORE.test(before))) return true;
  // A text message's own number to ask or call, before its opt-out (`Questions: 555-…. Reply STOP to opt out.`).
  if (ASK_OR_CALL.test(before) && OPT_OUT_AFTER.test(text.slice(end, end + 40))) return true;
  // A phone menu's number (`(406) 555-…, option 3`): an organisation's line, never a person's own.
  if (MENU_AFTER.test(text.slice(end, end + 16))) return true;
  return ORGANISATION_NUMBER_WORDS.test(before) || DESK_RIGHT_BEFORE.test(before) || TEAM_AT.test(before) || NAMED_LINE.test(before) || CALL_DESK.test(before) || TEAM_NUMBERS.test(before) || namesOrganisation(before) || followsStaffRole(before)
    || VCARD_WORK_NUMBER.test(line);
}

/** Only what a letterhead calls its first number, at the start of its line (`Phone`, `Tel.:`, `Admin`, `Main`). */
const LETTERHEAD_LABEL = /^[ \t"'#*>|-]*(?:phone|ph|tel|telephone|main|office|admin|administration|switchboard|t|p)\.?:?[ \t]*$/i;

/** A line of prose that goes on past its end: words, no digits, ending in a word (or a credential's comma). */
const WRAPPED_PROSE = /^[^\d\n]*[A-Za-z],?\s*$/;
/** What opens the line a wrapped sentence's number is on: markup, and at most a word of how to call (`> at 315-…`). */
const WRAPPED_LINE_HEAD = /^[ \t"*>-]*(?:(?:at|on|call|phone|tel)\.?:?[ \t]*)?$/i;

/** `pager 412-…`, `Pager #: …`, `pgr …`, right before the number. */
const PAGER_RIGHT_BEFORE = /\b(?:pager|pgr)(?: ?(?:#|no\.?|number))? ?:? ?$/i;

/** A vCard's work number (`TEL;TYPE=WORK,VOICE:+1-…`, `TEL;WORK:`): a desk's, not anyone's own line. */
const VCARD_WORK_NUMBER = /^[ \t"]*TEL;[^:\n]{0,40}\bWORK\b[^:\n]{0,40}:(?:tel:)?$/i;

/**
 * Whether the number is a staff member's: a role or credential comes before it with nothing between but names,
 * punctuation and a few words of how to call (`registrar (Monique Dufresne, 262-…`, `(RI manager, (503) …`,
 * `Harriet Okonkwo-Bell, RN, BSN, (402) …`, `liaison, by phone, 847-…`). A verb between (`care coordinator called
 * Ann Lee at …`) leaves the number to whoever was called.
 */
function followsStaffRole(before: string): boolean {
  let gapStart = -1;
  let contact = false;
  for (const m of before.matchAll(STAFF_ROLE_BEFORE_NUMBER)) {
    gapStart = m.index + m[0].length;
    contact = NAMED_CONTACT_CUES.has(m[0].toLowerCase());
  }
  if (gapStart < 0) return false;
  const gap = before.slice(gapStart);
  return holdsOnlyWordsOf(gap, CALLING_WORDS) && (!contact || /[A-Z][a-z]/.test(gap));
}

/**
 * Whether a mail address at an organisation's domain ends just before the number, with only separators and a word
 * for the line between (`(deandre.holloway@reflab-partners.com, 214-…)`, `amara@northstarccs.com, 612-…`, a
 * directory's `lbrennantahir@prairielanternhp.com   785-…`): both are one contact's, the organisation's or its
 * staff's. Patients write from mailbox providers, whose numbers stay reported.
 */
function followsOrganisationMail(view: TextView, start: number): boolean {
  const from = Math.max(0, start - MAIL_BEFORE);
  const at = view.text.slice(from, start).lastIndexOf('@');
  if (at < 0) return false;
  const end = organisationMailEnd(view, from + at);
  return end !== undefined && end <= start && MAIL_TO_NUMBER.test(view.text.slice(end, start));
}

/**
 * Whether the words between an organisation's number and the next one only name another of its lines (`Main (509)
 * … · NICU charge (509) … · fax (509) …`): a short label on the same line, with no person and no name in it.
 */
function isNextLineOfOrganisation(text: string, previousEnd: number, start: number): boolean {
  if (start - previousEnd > NEXT_LINE_GAP) return false;
  const gap = text.slice(previousEnd, start);
  return !/[\n\d]/.test(gap) && !/[A-Z][a-z]+ [A-Z][a-z]+/.test(gap) && !PERSONAL_LINE_WORDS.test(gap) && !speaksOfPerson(gap);
}

/** Words that make the next number someone's own (`cb`, `cell`, `callback`). */
const PERSONAL_LINE_WORDS = /\b(?:cb|call ?back|cell|mobile|personal)\b/i;
/** How many characters may stand between two numbers of one organisation. */
const NEXT_LINE_GAP = 40;

/** How far back from a number its contact's mail address is looked for. */
const MAIL_BEFORE = 100;
/** What may stand between a mail address and the number after it. */
const MAIL_TO_NUMBER = /^[\s,;:|/()<>\u00b7\u2013\u2014-]*(?:(?:tel|ph|phone|cell|mobile|direct|desk|office|work|[optm])\.?:?\s*)?$/i;
/** A key of a person's number right before `=` (`to=`, `cell=`, `phone=`): a message log's recipient or a form's field. */
const PHONE_KEY_BEFORE = /(?:^|[^\w.])(?:to|phone|cell|mobile|tel|sms|recipient)=$/i;
/** The keys of a message's recipient. */
const RECIPIENT_KEY = /(?:to|recipient)=$/i;
/** `555-318-6000 main`, `(main)`: what the number is called after it. */
const MAIN_AFTER = /^\s*\(?main\b(?! +(?:st|street|ave|avenue|rd|road)\b)/i;

const STAFF_ROLE_BEFORE_NUMBER = new RegExp(`\\b(?:${[
  ...STAFF_ROLE_NOUNS, 'owner', 'lead',
  // Credentials signed after a name (`Ana Ruiz, RN 555-…`).
  'pharmd', 'rn', 'bsn', 'msn', 'lpn', 'np', 'md', 'lcsw', 'crna', 'aprn', 'mph', 'mba', 'phd', 'dnp', 'cnm', 'lmft', 'lpc',
  // An organisation's contact person (`contact: Ngozi Eze, 757-…`), not a patient's or a family's.
  '(?<!(?:emergency|family|patient|pt|home|personal|primary|parent|guardian|patient\'s) )contact',
  // Whom to ask or page next, by name (`Questions: Harold Zorblatt, Clinical Analytics, 555-…`, `Escalation: …`).
  '(?<!(?:patient|pt|family|caller|member)\'?s? )(?:questions|escalation)',
].join('|')})\\b`, 'gi');
/** Cues whose number is staff's only with a name between (`contact: Ngozi Eze, 757-…`); `contact 757-…` may be anyone's. */
const NAMED_CONTACT_CUES: ReadonlySet<string> = new Set(['contact', 'questions', 'escalation']);
/** Words between a role and its holder's number that say how to call (`by phone`, `direct line`, `can be reached at`). */
const CALLING_WORDS = new Set(['phone', 'tel', 'cell', 'mobile', 'direct', 'line', 'desk', 'office', 'pager', 'ext', 'call', 'text', 'the', 'and', 'via', 'can', 'reached', 'paged', 'at', 'on']);

/** How much of the line before a number is read for a person, and how much for the organisation it names. */
const LINE_BEFORE = 240;
const NEAR_BEFORE = 100;

/**
 * What an organisation calls its numbers, in the sentence before one (`main line`, `support line 1-…`, `hotline:`,
 * `Registry phone 503-…`), and a fax cover's notice (`If you received this in error, call …`).
 */
const ORGANISATION_NUMBER_WORDS = /\b(?:(?:main|support|help|benefits|provider|member services|customer service|scheduling|intake|triage|appointment|vendor|office|nurse|pharmacy|clinic|front|transfer|access|program|programme|eligibility|enrollment|enrolment)\s(?:line|desk|numbers?|fax)|hotline|helpdesk|help desk|switchboard|operator|on-call|pager|bench|dispatch|queues?|ivr|tty|answering service|public (?:line|number)|(?:teams|zoom|webex|conference|audio) bridge|dial-in|conference line|(?:registry|clinic|department|dept|lab|pharmacy|program|programme|team|site|facility|practice|center|centre|hospital|agency)\s(?:phone|tel|telephone|fax|line)|received (?:(?:this|it) )?in error|(?:call|text|contact|reach) us|ll[áa]menos)\b/i;
/** A service's line named by its capitalised name or its letters right before the number (`Call the Diabetes in Pregnancy line (509) …`, `reply to DIS line …`). */
const NAMED_LINE = /\b(?:(?:the|our)\s(?:[A-Z][\w&'-]{0,30}\s(?:(?:in|of|for|and|&)\s)?){1,5}|[A-Z]{2,6}\s)(?:line|hotline|helpline)\W{0,3}$/;
/** A line of the team's numbers under its label (`Liaison phones: Asante-Mills 734-…, Vasilescu 734-…`, `On-call numbers:`). */
const TEAM_NUMBERS = /\b(?:liaison|team|staff|coordinator|navigator|on-call|oncall|provider|vendor|rep|manager|nurse|pharmacist|tech)s?\s(?:phones|numbers|lines|cells|pagers)\s?:/i;
/** A desk or service called by its capitalised name (`Please call Central Scheduling at 412-…`, `call the Pharmacy on …`). */
const CALL_DESK = /\b[Cc]all\s(?:the\s|our\s)?(?:[A-Z][\w&'-]{0,30}\s){0,3}(?:Scheduling|Registration|Admissions|Billing|Imaging|Radiology|Pharmacy|Laboratory|Lab|Clinic|Office|Desk|Center|Centre|Department|Services|Service|Unit|Team)\s(?:at|on)\W{0,3}$/;
/**
 * A reminder's number to call back, named by no one (`Please call 555-… to reschedule`, `Llame al 713-… si necesita
 * cambiarla`): the clinic's. `Call Ana at …` names whom to call, and stays hers.
 */
const CALL_BARE = /\b(?:call|phone|ll[áa]me(?:nos)?(?: al)?)\W{0,3}$/i;
const RESCHEDULE_AFTER = /^\W{0,3}(?:to (?:reschedule|cancel|confirm|change|schedule|book)|if you (?:need|have|would|cannot|can't)|with (?:any )?questions|si (?:necesita|tiene|no puede)|para (?:cambiar|cancelar|confirmar|programar))\b/i;
/** The same reminder, its reason first (`If you need to reschedule call 555-…`, `To cancel, please call …`). */
const RESCHEDULE_BEFORE = /\b(?:to|if you (?:need|have|would like) to) (?:reschedule|cancel|confirm|change|book)\b[^.!?\n]{0,30}\bcall\W{0,3}$/i;
/** What a text message says before the number to use (`Questions:`, `call`, `call us at`). */
const ASK_OR_CALL = /\b(?:questions\??|call(?: us)?(?: at| on)?)\W{0,3}$/i;
/** A text message's opt-out or reply instructions right after its number. */
const OPT_OUT_AFTER = /^\W{0,4}(?:reply (?:stop|c|y|yes|1|n|no)\b|to opt out|text stop|msg (?:&|and) data)/i;
/** A phone menu's choice right after the number (`, option 3`, `then press 2`). */
const MENU_AFTER = /^[,;]?\s{0,2}(?:(?:then )?press \d|option \d|opt\. ?\d)/i;
/** A line named right before its number (`Main (509) …`, `NICU charge (509) …`). */
const DESK_RIGHT_BEFORE = /\b(?:main|charge(?: nurse)?)\W{0,3}$/i;
/** A team, desk or office reached at the number (`our prior-authorization team at 503-…`). */
const TEAM_AT = /\b(?:team|desk|office|department|dept|unit)\s(?:at|on)\W{0,3}$/i;
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** Whether the digits of a NANP number (with or without its leading 1) have a toll-free area code. */
export function isTollFree(digits: string): boolean {
  return TOLL_FREE.has(digits.length === 11 ? digits.slice(1, 4) : digits.slice(0, 3));
}

export const phoneDetector: Detector = { id: 'phone', category: 'phone', find, needs: ['digit'] };
