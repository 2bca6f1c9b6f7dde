/**
 * Street addresses and ZIP codes. `123 Main St`, `4500 N Oak Ridge Blvd, Apt 4B, Springfield, IL 62704`: a house
 * number, capitalised street words and a street suffix, ending the phrase or followed by a unit, a city or an
 * address cue. A ZIP code alone only right after a `zip`/`postal` label or a `City, ST` pair.
 */
import { lineAround, lineStartWithin } from '../positions';
import { pushCandidate } from './candidate';
import { cueNear, labelBefore, PATIENT_DEPARTMENT, withExtraCues } from './cues';
import { isCapitalCode, isCapitalisedWord, isDigitCode, viewFor, type Chain, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const SUFFIXES = new Set([
  'st', 'street', 'ave', 'avenue', 'av', 'rd', 'road', 'blvd', 'boulevard', 'ln', 'lane', 'dr', 'drive', 'ct',
  'court', 'way', 'pl', 'place', 'ter', 'terrace', 'cir', 'circle', 'pkwy', 'parkway', 'hwy', 'highway', 'trl',
  'trail', 'sq', 'square',
]);
const DIRECTIONS = new Set(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW']);
const UNIT_WORDS = new Set(['apt', 'apartment', 'suite', 'ste', 'unit', 'fl', 'floor', 'rm', 'room', 'bldg']);
const STATES = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA',
  'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR',
]);
const ADDRESS_CUES = ['address', 'addr', 'lives at', 'resides at', 'residing at', 'home', 'mailing', 'street', 'residence', 'moved to'];
const ZIP_CUES = ['zip', 'zip code', 'zipcode', 'zip5', 'postal code', 'postcode', 'zip+4'];
const MAX_STREET_WORDS = 4;

function word(view: TextView, chain: Chain | undefined): string | undefined {
  return chain && chain.atomCount === 1 ? view.slice(chain.start, chain.end) : undefined;
}

function isStreetWord(w: string): boolean {
  return isCapitalisedWord(w) || DIRECTIONS.has(w) || /^\d{1,3}(?:st|nd|rd|th)$/i.test(w);
}

function isZipChain(view: TextView, chain: Chain | undefined): chain is Chain {
  return chain !== undefined && isZipAt(view, chain.index);
}

/** `12345` or `12345-6789` as chain i. */
function isZipAt(view: TextView, i: number): boolean {
  const shape = view.chainShape(i);
  return (shape === '5' || shape === '5,4') && view.chainJoinedOnlyBy(i, '-');
}

/** Optional `, Apt 4B` / ` #12` / `, Suite 200` after the suffix: returns the chain it ends with. */
function unitAfter(view: TextView, last: Chain): Chain | undefined {
  const unit = view.nextChainAfter(last, ', ') ?? view.nextChainAfter(last, ' ');
  const w = word(view, unit);
  if (unit && w && UNIT_WORDS.has(w.toLowerCase().replace(/\.$/, ''))) {
    const id = view.nextChainAfter(unit, ' ') ?? view.nextChainAfter(unit, '. ') ?? view.nextChainAfter(unit, ' #');
    if (id && id.end - id.start <= 6) return id;
  }
  const hash = view.nextChainAfter(last, ' #') ?? view.nextChainAfter(last, ', #');
  return hash && hash.end - hash.start <= 6 ? hash : undefined;
}

/**
 * The city, state and ZIP code after a street line, as the last chain of them and whether a state or ZIP code is
 * among them: `, City, ST 12345`, `, City ST 12345`, `, City 12345`, a city alone after a comma before `;` `.` `)`
 * or the line's end, and the columns of a fixed-width print (`Dr   Reynoldsburg    OH  43068`).
 */
function cityStateZipAfter(view: TextView, last: Chain): { last: Chain; strong: boolean } | undefined {
  const comma = view.nextChainAfter(last, ', ') ?? view.nextChainAfter(last, '., ');
  let city = comma ?? afterColumnGap(view, last);
  let words = 0;
  while (city && words < 3 && isCapitalisedWord(word(view, city) ?? '')) {
    words++;
    const commaAfter = view.nextChainAfter(city, ', ');
    if (commaAfter) {
      const state = word(view, commaAfter);
      if (!state || !STATES.has(state)) return undefined;
      const zip = view.nextChainAfter(commaAfter, ' ');
      return { last: isZipChain(view, zip) ? zip : commaAfter, strong: true };
    }
    const next = nextAfterSpaces(view, city);
    if (next && isZipChain(view, next)) return { last: next, strong: true };
    const state = word(view, next);
    if (next && state && STATES.has(state)) {
      const zip = nextAfterSpaces(view, next);
      return { last: isZipChain(view, zip) ? zip : next, strong: true };
    }
    if (!next || !view.followedAfter(city.index, ' ')) return comma && endsClause(view, city.end) ? { last: city, strong: false } : undefined;
    city = next;
  }
  return undefined;
}

/** The chain after `chain` across one space or a fixed-width print's column gap. */
function nextAfterSpaces(view: TextView, chain: Chain): Chain | undefined {
  return view.nextChainAfter(chain, ' ') ?? afterColumnGap(view, chain);
}

/** The chain after `chain` across a fixed-width print's column gap: two to twenty spaces. */
function afterColumnGap(view: TextView, chain: Chain): Chain | undefined {
  const end = chain.end;
  if (chain.index + 1 >= view.chainCount) return undefined;
  const gap = view.chainStart(chain.index + 1) - end;
  if (gap < 2 || gap > 20) return undefined;
  for (let k = end; k < end + gap; k++) if (view.text.charCodeAt(k) !== 0x20) return undefined;
  return view.chain(chain.index + 1);
}

/** `;`, `.`, `)`, a line break or the text's end right at `pos`. */
function endsClause(view: TextView, pos: number): boolean {
  const c = pos < view.text.length ? view.text.charCodeAt(pos) : 0x0a;
  return c === 0x3b || c === 0x2e || c === 0x29 || c === 0x0a || c === 0x0d;
}

function streetAddressAt(view: TextView, number: Chain): { end: number; strong: boolean } | undefined {
  if (number.atomCount !== 1 || number.firstKind !== 'digits' || number.end - number.start > 6) return undefined;
  if (/[#$€£.,-]/.test(view.charBefore(number.start))) return undefined;
  let current = number;
  for (let i = 0; i <= MAX_STREET_WORDS; i++) {
    const next = view.nextChainAfter(current, ' ');
    const w = word(view, next);
    if (!next || !w) return undefined;
    if (i > 0 && SUFFIXES.has(w.toLowerCase()) && /^[A-Z]/.test(w)) {
      let end: Chain = next;
      const dotted = view.charAt(next.end) === '.';
      end = unitAfter(view, end) ?? end;
      const tail = cityStateZipAfter(view, end);
      const last = tail?.last ?? end;
      const endPos = last === next && dotted ? next.end + 1 : last.end;
      const follow = view.slice(endPos, endPos + 2);
      const strong = tail?.strong === true || end !== next || !/^ [a-z]/.test(follow);
      return { end: endPos, strong };
    }
    if (!isStreetWord(w)) return undefined;
    current = next;
  }
  return undefined;
}

/** A US state's or territory's two-letter code. */
export function isStateCode(value: string): boolean {
  return STATES.has(value);
}

/** A unit word as a street line writes it, capitalised (`Apt`, `Suite`), from UNIT_WORDS. */
const UNIT_WORD = `(?:${[...UNIT_WORDS].map((w) => w[0].toUpperCase() + w.slice(1)).join('|')})`;
/** A unit after a street's suffix (`, Apt 2B`, ` #12`). */
const UNIT_TAIL = new RegExp(`^,? (?:${UNIT_WORD}\\.? ?#?|#)[A-Za-z0-9-]{1,6}$`);
/** A unit written as a value of its own (`Apt 2B`, `#12`). */
const UNIT_VALUE = new RegExp(`^(?:${UNIT_WORD}|#)\\.? ?#?[A-Za-z0-9-]{1,6}$`);

/** Whether a whole value is a unit of an address (`Apt 2B`, `Suite 200`, `#12`). */
export function isUnitValue(value: string): boolean {
  return UNIT_VALUE.test(value);
}

/**
 * Whether a whole value is one street line (`1187 Larkspur Ln Apt 2B`, `9 Cedar Ct.`): a house number, one to
 * four street words, a suffix and at most a unit. Read word by word: the value is bounded by the caller.
 */
export function isStreetLine(value: string): boolean {
  const words = value.split(' ');
  if (words.length < 3 || !/^\d{1,6}$/.test(words[0])) return false;
  for (let i = 1; i < words.length && i <= MAX_STREET_WORDS + 1; i++) {
    const comma = words[i].endsWith(',');
    const w = comma ? words[i].slice(0, -1) : words[i];
    const bare = w.endsWith('.') ? w.slice(0, -1) : w;
    if (i > 1 && /^[A-Z]/.test(bare) && SUFFIXES.has(bare.toLowerCase())) {
      const rest = words.slice(i + 1).join(' ');
      return rest === '' ? !comma : UNIT_TAIL.test(`${comma ? ',' : ''} ${rest}`);
    }
    if (comma || !isStreetWord(bare)) return false;
  }
  return false;
}

/** What streetAddressAt needs of chain i, read by index: a house number of 1-6 digits, a space and a street word. */
function mayStartStreet(view: TextView, i: number): boolean {
  const start = view.chainStart(i);
  const end = view.chainEnd(i);
  if (view.chainAtomCount(i) !== 1 || view.chainFirstKind(i) !== 'digits' || end - start > 6 || !view.followedAfter(i, ' ')) return false;
  // The first street word is capitalised, a direction (N, SW) or an ordinal (5th): it starts with a capital or a digit.
  const next = view.chainStart(i + 1);
  return view.chainAtomCount(i + 1) === 1 && (isDigitCode(view.text.charCodeAt(next)) || isCapitalCode(view.text.charCodeAt(next)));
}

function zipAfterCityState(view: TextView, zip: number): boolean {
  const zipStart = view.chainStart(zip);
  // `, ST ` right before the ZIP, read in place: this is asked about every five-digit number of a table.
  const text = view.text;
  if (zipStart < 5 || text.charCodeAt(zipStart - 1) !== 0x20 || text.charCodeAt(zipStart - 4) !== 0x20 || text.charCodeAt(zipStart - 5) !== 0x2c) return false;
  if (!isAsciiCapital(text.charCodeAt(zipStart - 3)) || !isAsciiCapital(text.charCodeAt(zipStart - 2))) return false;
  if (!STATES.has(text.slice(zipStart - 3, zipStart - 1))) return false;
  const cityEnd = zipStart - 5;
  const prev = zip - 2;
  return prev >= 0 && view.chainEnd(prev) === cityEnd && isCapitalisedWord(view.slice(view.chainStart(prev), cityEnd));
}

function isAsciiCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** `#`, `$`, `.`, `,` or `-` right before `pos`: the number is an id, an amount or part of one, not a ZIP. */
function zipRuledOutBefore(view: TextView, pos: number): boolean {
  const c = pos > 0 ? view.text.charCodeAt(pos - 1) : 0;
  return c === 0x23 || c === 0x24 || c === 0x2e || c === 0x2c || c === 0x2d;
}

/**
 * Words that put a line about an organisation's site (`Facilities: LUH (2100 Lakeshore Dr, …)`, `Org: Eastside
 * Family Health Centers, Inc. · EIN … · 2500 E Lake St`, a facility row naming its hospital, a `Main Nursing Admin
 * line`, a church's, DICOM's institution name and address, a branch's or a satellite's, a letter's `Attn:` line), and the
 * suites and floors offices, clinics and labs have and homes do not (`Ste 400`, `4th Floor`: a home's unit is an
 * `Apt`, a `Unit`, a `#` or a `Lot`).
 */
// Not `college`, `university` or `academy`: streets are named for them (`4150 S Academy Blvd Lot 44` is a home).
const ORGANISATION_LINE = /\b(?:hospitals?|medical|regional|cent(?:er|re)s?|health system|health plan|clinics?|campus|facilit(?:y|ies)|org|organi[sz]ations?|inc|llc|ccn|ein|cah|critical access|headquarters|hq|pharmacy|laborator(?:y|ies)|dialysis|hospice|urgent care|associates|practice|physicians|medicine|orthopedics|oncology|cardiology|pediatrics|company|corp|institute|offices?|department|services|agency|senior living|building|imaging|radiology|outpatient|llp|pllc|midwifery|obstetrics|skilled nursing|rehabilitation|snf|post-acute|transitional care|solutions|vendor|umc|clinical engineering|dock|gyn(?:a?e)cology|geriatrics|primary care|collaborative|cooperative|tin|ambulance|ems|rescue|fire|medics|district|main (?:[a-z&]+ ){0,2}line|main (?:ed|campus)|fsed|freestanding|conf(?:erence)?\.? (?:rooms?|rm)|\d{1,2}(?:st|nd|rd|th) floor|floor \d{1,2}|lower level|level [a-z]?\d{1,2}|church|ministries|hematology|neurology|nephrology|urology|dermatology|gastroenterology|pulmonology|rheumatology|endocrinology|ophthalmology|otolaryngology|podiatry|audiology|dental|dentistry|orthodontics|maxillofacial|surgical|surgery (?:center|centre)|npi|clia|labs?|desk|payers?|provider services|surveillance|epidemiology|public health|biomed|co-op|gymnasium|field house|asc|food (?:bank|pantry)|pantry|otp|opioid treatment|programs?|programmes?|adrc|wic|customer service|satellite|branch(?= ?:)|attn|parish|baptist|methodist|lutheran|presbyterian|episcopal|temple|mosque|synagogue|congregation|(?:suite|ste\.?) ?#?(?:\d\w*|[a-z]\b))\b|\bco\.|@[\w-]*(?:health|hospital|medic|clinic)[\w-]*\.|\(0008, ?008[01]\)/i;
/** Words that make the line about a person, whatever organisation it names. */
const PERSON_LINE = /\b(?:patients?|pts?|she|he|her|his|members?(?! (?:code|hospitals?|organi[sz]ations?|institutions?|agenc(?:y|ies)|sites?|cent(?:er|re)s?|facilit(?:y|ies)|practices?|programs?|programmes?)\b)|subscribers?|lives|resides|residing|(?<!hospital at |nursing |funeral |group )home(?! (?:health|care|infusion|hospice)\b)|moved|mother(?![- ]baby)|father|caller|dob|mrn|son|daughter|spouse|guardian|wife|husband|mailing)\b/i;
/**
 * An organisation's name ending in what it is, capitalised (`Brackenridge Health`, `Pinewood Valley Health Network`,
 * a vendor's `Zzyzx Ophthalmic Service` or `Zzyzx Metrology`) or in capitals as claims and forms print it (`CHESAPEAKE TIDEWATER HEALTH`).
 */
const ORGANISATION_NAME = /\b(?:[A-Z][a-z]+ (?:Health|Healthcare|Network|Partners|Service|Metrology|Diagnostics|Genomics|Logistics|Courier)|[A-Z]{3,} (?:HEALTH|HEALTHCARE|NETWORK|PARTNERS))\b/;
/** `him`, but not `HIM` (Health Information Management, a department). */
const HIM = /\b[Hh]im\b/;
/** How far either side of an address its line is read. */
const SITE_WINDOW = 240;

/** Whether the line around [start, end) is about an organisation's site and no person (see ORGANISATION_LINE). */
export function isOrganisationSite(text: string, start: number, end: number): boolean {
  const [lineStart, lineEnd] = lineAround(text, start, end, SITE_WINDOW);
  // An address wrapped onto the next line (`(Rivermont Medical Center,\n 1201 Cedar Crest Blvd)`) keeps the
  // end of the line before it.
  const before = lineStart > 0 ? text.slice(Math.max(0, lineStart - 1 - PREVIOUS_LINE_TAIL), lineStart - 1) : '';
  const previous = before.slice(before.lastIndexOf('\n') + 1);
  return speaksOfOrganisationOnly(`${blockHead(text, lineStart, previous)}${previous}\n${text.slice(lineStart, lineEnd)}`);
}

/**
 * The end of the line above an address block's street line (`Ridgeline Regional Medical Center — …` above
 * `3300 Bellweather Road` above `Spokane, WA 99204`), with a line break, when `previous` is that street line; else ''.
 */
function blockHead(text: string, lineStart: number, previous: string): string {
  if (!/^[\s#*>|-]*\d{1,6} [A-Z]/.test(previous) || namesOrganisation(previous)) return '';
  const previousStart = lineStart - 1 - previous.length;
  if (previousStart <= 0) return '';
  const head = text.slice(Math.max(0, previousStart - 1 - PREVIOUS_LINE_TAIL), previousStart - 1);
  return `${head.slice(head.lastIndexOf('\n') + 1)}\n`;
}

/** How much of the line before an address is read with it. */
const PREVIOUS_LINE_TAIL = 60;

/** Whether the text names an organisation (see ORGANISATION_LINE) and speaks of no person. */
export function speaksOfOrganisationOnly(text: string): boolean {
  return namesOrganisation(text) && !speaksOfPerson(text);
}

/** Whether the text names an organisation (see ORGANISATION_LINE), whoever else it speaks of. */
export function namesOrganisation(text: string): boolean {
  return ORGANISATION_LINE.test(text) || ORGANISATION_NAME.test(text);
}

/** Whether the text speaks of a person (see PERSON_LINE), whatever organisation it names. */
export function speaksOfPerson(text: string): boolean {
  return PERSON_LINE.test(text.replace(PATIENT_DEPARTMENT, ' ').replace(HOME_IN_NAME, '$1')) || HIM.test(text);
}

/** `Home` inside an organisation's capitalised name (`Bluegrass Home Supports, LLC`), not where someone lives. */
const HOME_IN_NAME = /\b([A-Z][a-z]+ )Home(?= [A-Z][a-z])/g;

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const zipCues = withExtraCues(ZIP_CUES, 'geographic', context);
  const out: Candidate[] = [];
  let lastEnd = -1;
  for (let i = 0; i < view.chainCount; i++) {
    const start = view.chainStart(i);
    if (start < lastEnd) continue;
    const street = mayStartStreet(view, i) ? streetAddressAt(view, view.chain(i)) : undefined;
    if (street && (street.strong || cueNear(view, start, street.end, ADDRESS_CUES))) {
      if (!isOrganisationSite(text, start, street.end) && !inOrganisationsHl7Field(text, start) && !MAIN_NUMBER_AFTER.test(text.slice(street.end, street.end + 24))) {
        pushCandidate(out, view, start, street.end, 'geographic', 'geographic', 'high');
      }
      lastEnd = street.end;
      continue;
    }
    if (isZipAt(view, i) && !zipRuledOutBefore(view, start) && (zipAfterCityState(view, i) || labelBefore(view, start, zipCues))) {
      const end = view.chainEnd(i);
      if (!isOrganisationSite(text, start, end)) pushCandidate(out, view, start, end, 'geographic', 'geographic', 'medium');
      lastEnd = end;
    }
  }
  return out;
}

/** A letterhead's main number right after its address (`1200 Anselm Way, Tacoma, WA 98405  Main 253-…`). */
const MAIN_NUMBER_AFTER = /^[ \t,;|\u00b7-]{0,6}main:? \(?\d{3}/i;

/** The HL7 v2 fields that hold a person's address: the patient's, a next of kin's, a guarantor's, the insured's. */
const PERSON_ADDRESS_FIELDS: Readonly<Record<string, number>> = { PID: 11, NK1: 4, GT1: 5, IN1: 19 };
/** A segment's id opening its line (past a comment's or a string's marks) and its field separator. */
const HL7_SEGMENT_START = /^[\s"'#/*-]*([A-Z][A-Z0-9]{2})\|/;

/**
 * Whether the address opens a field of an HL7 v2 segment that is no person's address (`IN1|…|BLUE CROSS …|4510 13TH
 * AVE S^^FARGO^ND^58121|`, IN1-5, the insurer's): the HL7 reader reads the fields that are a person's.
 */
function inOrganisationsHl7Field(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 0x7c /* | */) return false;
  const lineStart = lineStartWithin(text, start, HL7_LINE_WINDOW);
  const segment = HL7_SEGMENT_START.exec(text.slice(lineStart, start));
  if (!segment) return false;
  let field = 0;
  for (let p = lineStart + segment[0].length - 1; p < start; p++) if (text.charCodeAt(p) === 0x7c) field++;
  return PERSON_ADDRESS_FIELDS[segment[1]] !== field;
}

/** How far back an HL7 segment's start is looked for (real segments with addresses are far shorter). */
const HL7_LINE_WINDOW = 512;

export const geographicDetector: Detector = { id: 'geographic', category: 'geographic', find, needs: ['digit'] };
