/**
 * Email addresses: a bounded scan out from each `@` (64 characters of local part, 253 of domain), so work
 * stays linear even in `@@@@` runs. Role and system accounts, workspace paths (`/Users/a@b.org/`), URL
 * user-info, service principals and placeholder locals are not a person's address and are left alone.
 */
import { lineStartWithin } from '../positions';
import { makeCandidate } from './candidate';
import { cueBefore } from './cues';
import { isPlainWord, PATIENT_AND_FAMILY_CUES } from './name';
import { viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

const ROLE_LOCALS = new Set([
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'admin', 'administrator', 'support', 'help', 'helpdesk',
  'alerts', 'alert', 'notifications', 'notification', 'notify', 'info', 'team', 'root', 'postmaster',
  'webmaster', 'security', 'privacy', 'compliance', 'hipaa', 'oncall', 'ops', 'devops', 'git', 'hostmaster',
  'abuse', 'billing', 'sales', 'contact', 'hello', 'jobs', 'careers', 'feedback', 'service', 'services',
  'mailer-daemon', 'bounce', 'bounces', 'reply', 'dataops', 'dataeng', 'data-engineering', 'analytics',
  'data-eng', 'data-team', 'data-platform', 'user', 'username', 'your', 'yourname', 'your.name', 'your_name', 'your-email', 'your.email', 'you', 'email',
  'name', 'someone', 'somebody', 'firstname.lastname', 'first.last', 'firstname', 'me', 'test', 'example',
  'owner', 'workspace', 'sp', 'bot', 'automation', 'etl', 'pipeline', 'scheduler',
]);
const ROLE_PREFIXES = ['dl-', 'dl.', 'svc-', 'svc.', 'svc_', 'sp-', 'team-', 'grp-', 'group-', 'list-'];
const ROLE_SUFFIXES = ['-team', '.team', '-alerts', '-support', '-help', '-helpdesk', '-desk', '-admin', '-admins', '-bot', '-svc', '-dl', '-group', '-list', '-noreply', '-eng', '-ops', '-oncall', '-platform', '-infra'];
const SYSTEM_DOMAINS = [
  'databricks.com', 'github.com', 'users.noreply.github.com', 'gserviceaccount.com', 'noreply.github.com',
  'googlegroups.com', 'slack.com', 'atlassian.net', 'pagerduty.com', 'microsoft.com', 'amazonaws.com',
  'azuredatabricks.net', 'sentry.io', 'localhost',
];
/** `logo@2x.png`, `pkg@1.0.whl`: file names, not mail domains. */
const FILE_TLDS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'py', 'js', 'ts', 'json', 'csv', 'txt', 'parquet', 'sql', 'ipynb', 'html',
  'md', 'yaml', 'yml', 'whl', 'jar', 'tar', 'gz', 'scala', 'r', 'log', 'xml', 'pdf', 'delta', 'avro', 'orc',
]);
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isLocalCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
}

interface EmailSpan {
  readonly start: number;
  readonly end: number;
  readonly local: string;
  readonly domain: string;
}

function emailAround(view: TextView, at: number): EmailSpan | undefined {
  const text = view.text;
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalCode(text.charCodeAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && end - at - 1 < MAX_DOMAIN && isDomainCode(text.charCodeAt(end))) end++;
  view.work(end - start);
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  while (start < at && text[start] === '.') start++;
  const local = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  if (!local || local.endsWith('.') || local.includes('..')) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-'))) return undefined;
  const tld = labels[labels.length - 1];
  if (!/^[a-zA-Z]{2,24}$/.test(tld)) return undefined;
  return { start, end, local, domain };
}

/** Whether local@domain could be a person's own address (not a role, system, file name or placeholder). */
export function isPersonalAddress(localPart: string, domainPart: string): boolean {
  const local = localPart.toLowerCase();
  const domain = domainPart.toLowerCase();
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (FILE_TLDS.has(tld)) return false;
  if (ROLE_LOCALS.has(local) || ROLE_PREFIXES.some((p) => local.startsWith(p)) || ROLE_SUFFIXES.some((s) => local.endsWith(s))) return false;
  // `%@example.com`, `zz%@…`: a LIKE pattern, not an address.
  if (UUID_LIKE.test(local) || /^\d+$/.test(local) || local.includes('%') || isWordsOnly(local)) return false;
  return !SYSTEM_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * A local part of ordinary words that are no names (`community-benefit`, `revenue.integrity`) is a team's or a
 * department's list: a person's own address has a name or initials in it.
 */
function isWordsOnly(local: string): boolean {
  const parts = local.split(/[.\-_]/);
  return parts.every((p) => TEAM_WORDS.has(p) || (p.length >= 3 && /^[a-z]+$/.test(p) && isPlainWord(p)));
}

/** Words of a team's mailbox that the dictionary lacks or reads as a name (`provider-data@`, `px-analytics@`). */
const TEAM_WORDS = new Set(['data', 'dev', 'ops', 'it', 'qa', 'hr', 'bi', 'ml', 'ai', 'px', 'rcm', 'edi', 'hie', 'etl', 'ehr', 'emr', 'pdm', 'dq', 'mdm']);

/**
 * Mailbox providers people use for themselves, and the reserved example domains invented test data uses: an
 * address there may be a patient's wherever it appears.
 */
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'rocketmail.com', 'hotmail.com', 'outlook.com', 'live.com',
  'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net',
  'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'frontier.com', 'juno.com',
  'netzero.net', 'protonmail.com', 'proton.me', 'pm.me', 'gmx.com', 'gmx.net', 'zoho.com', 'yandex.com', 'qq.com',
  '163.com', 'fastmail.com', 'tutanota.com', 'hey.com', 'windstream.net', 'centurylink.net', 'roadrunner.com',
  'frontiernet.net', 'rr.com', 'twc.com', 'q.com', 'suddenlink.net', 'mediacom.net', 'wowway.com', 'rcn.com', 'ptd.net',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'btinternet.com', 'sky.com', 'web.de', 'orange.fr', 'free.fr', 'laposte.net',
]);
/**
 * Reserved for documentation and tests (RFC 2606, RFC 6761): invented patients live there. A name under one
 * (`lakeshorehealth.example.org`) stands in for an organisation's own domain, and is read as one.
 */
const EXAMPLE_DOMAIN = /^(?:example|test|invalid|localhost)(?:\.[a-z]{2,3})?$/;

/** Whether an address may be a person's own mailbox rather than an organisation's (see isOrganisationMail). */
export function isPersonalMailDomain(domainPart: string): boolean {
  const domain = domainPart.toLowerCase();
  const base = domain.split('.').slice(-2).join('.');
  return PERSONAL_MAIL_DOMAINS.has(base) || EXAMPLE_DOMAIN.test(domain) || /mail/.test(domain.slice(0, domain.lastIndexOf('.')));
}

/**
 * Words before an address that make it a patient's or a patient's family's wherever it is (`pt email …`,
 * `guarantor: …`), as the name detector's role cues do for names.
 */
const PATIENT_CUES = [...PATIENT_AND_FAMILY_CUES, 'beneficiary', 'enrollee', 'insured', 'parent', 'guardian', 'nok'];

/**
 * Mail at an organisation's own domain (anything but a mailbox provider or an example domain) is the
 * organisation's or its staff's, unless the words before it say it is a patient's. Patients write from mailbox
 * providers and invented ones from example domains: those are always reported. A column typed as an email in a
 * table of patients is checked by its key, not here.
 */
function isOrganisationMail(view: TextView, e: EmailSpan): boolean {
  if (isPersonalMailDomain(e.domain)) return false;
  const domain = e.domain.toLowerCase();
  const name = domain.slice(0, domain.lastIndexOf('.'));
  // A care organisation's, payer's or school's own domain is its staff's whatever the words before it.
  if (ORGANISATION_DOMAIN.test(name) || /\.(?:edu|gov|mil)$/.test(domain)) return true;
  const cue = cueBefore(view, e.start, PATIENT_CUES, 80);
  return cue === undefined || DEPARTMENT_AFTER_CUE.test(view.lower.slice(cue.end, cue.end + 16)) || isTimeZone(view, cue);
}

/** `16:20 PT`, `9am PT`: Pacific time after a time of day, not a patient. */
function isTimeZone(view: TextView, cue: { readonly phrase: string; readonly start: number }): boolean {
  return cue.phrase === 'pt' && /(?:\d|[ap]\.?m\.?) ?$/i.test(view.slice(Math.max(0, cue.start - 8), cue.start));
}

/**
 * The end of the mail address whose `@` is at `at` when it is an organisation's or its staff's (see
 * isOrganisationMail), else undefined: a number right after it on its line is the same contact's (phone.ts).
 */
export function organisationMailEnd(view: TextView, at: number): number | undefined {
  const e = emailAround(view, at);
  return e && isOrganisationMail(view, e) ? e.end : undefined;
}

/**
 * Words in a domain that name a care organisation, a payer, an EMS agency or a school (`lakeshorehealth.org`,
 * `keystonerx.com`, `northstarhp.com`, `northcountyems.org`).
 */
const ORGANISATION_DOMAIN = /health|hospital|medic|clinic|care|pharma|rx$|hp$|physicians|surgical|oncology|cardio|pediatric|ortho|univ|college|institute|foundation|insurance|mutual|bcbs|labs?$|diagnostic|research|ems$|ambulance/;

/** `Patient Access`, `Member Services`: a department named after whom it serves, not a patient. */
const DEPARTMENT_AFTER_CUE = /^\s?(?:access|flow|experience|safety|financial|relations|portal|services?|liaison|advocac?y|advocate|navigat|engagement|registration|transport|logistics|placement|throughput|outreach|education|care\b|support|affairs|quality)/;

/** Authorship lines name the code's authors, not patients. */
const AUTHOR_CUES = [
  'author', 'authors', 'authored by', 'co-authored-by', 'signed-off-by', 'reviewed-by', 'maintainer', 'maintained by', 'owner',
  'created by', 'written by', 'cc', 'reported-by', 'committer', 'contributed by', 'copyright', '\u00a9',
];

/**
 * Workspace paths (`/Users/a@b.org/`), URL user-info, cloud IAM members (`user:a@b.org`, `group:…`), `@@` runs
 * and author lines are not a patient's address.
 */
function isPersonal(view: TextView, e: EmailSpan): boolean {
  if (!isPersonalAddress(e.local, e.domain) || isOrganisationMail(view, e)) return false;
  const before = view.lower.slice(Math.max(0, e.start - 16), e.start);
  if (/users\/$|repos\/$|:\/\/$|@$|(?:^|[^a-z])(?:user|group|serviceaccount|principal):$/.test(before)) return false;
  return cueBefore(view, e.start, AUTHOR_CUES, 60) === undefined;
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const out: Candidate[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    const e = emailAround(view, at);
    if (e && isPersonal(view, e) && !isMessageId(text, e.start)) {
      out.push(makeCandidate(view, e.start, e.end, 'email', 'email', 'high'));
      from = e.end;
    } else {
      from = at + 1;
    }
  }
  view.work(text.length);
  return out;
}

/**
 * An address in angle brackets on a mail header line that names messages (`Message-ID: <CAF9…@mail.example.gov>`,
 * `In-Reply-To:`, `References:`): a message's id, which only looks like an address.
 */
function isMessageId(text: string, start: number): boolean {
  // Back to the line's start, but no further than a header line can be: a one-line output holds many addresses.
  const lineStart = lineStartWithin(text, start, MAX_MESSAGE_ID_LINE + 1);
  return start - lineStart <= MAX_MESSAGE_ID_LINE && MESSAGE_ID_HEADER.test(text.slice(lineStart, start));
}

/** The header, then any whole ids, then the open bracket of the id the address is in (its `=` or `+` may cut it). */
const MESSAGE_ID_HEADER = /^[ \t"]*(?:message-id|in-reply-to|references|content-id|resent-message-id)[ \t]*:[ \t]*(?:<[^<>\n]*>[ \t,]*)*<[^<>\n]*$/i;
/** How far into its header line an id may start (`References:` lists several). */
const MAX_MESSAGE_ID_LINE = 1000;

export const emailDetector: Detector = { id: 'email', category: 'email', find, needs: ['at'] };
