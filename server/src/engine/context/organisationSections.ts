/**
 * Sections of a Markdown cell about the organisation itself: under a heading such as `### On-call / ownership`,
 * `## Owners`, `## Data stewards` or `## Points of contact`, names, e-mail addresses and phone numbers are the
 * team's, as they are in a job's owner and notification fields; under `### Sites`, `## Receiving facilities` or a
 * bold `**Locations**` line, the addresses and main lines are the sites'. Headings about what staff wrote
 * (`### Reviewer notes`) hold patients, and one that names patients or members is never such a section.
 */

/** Words of a heading over a section about the team or its sites. */
const ORGANISATION_HEADING =
  /\b(?:owners?|ownership|on-?call|maintainers?|stewards?|stewardship|raci|sign-?off|points? of contact|sites?|locations|facilities|campuses|partners|vendors?|payers|branches|clinics|directory|roster|rotation)\b/i;
/**
 * Words that make a heading about the people cared for, whatever else it says. A home is theirs unless it names a
 * service line (`Home infusion partners`, `Home health agencies`).
 */
const PATIENT_HEADING =
  /\b(?:patients?|members?|pts?|subscribers?|beneficiar(?:y|ies)|cases?|persons?|people|homes?(?! (?:health|care|infusion|hospice|oxygen|dialysis|medical equipment)\b)|residences?)\b/i;
/** A Markdown heading line: one to six `#` and a space. */
const HEADING = /^ {0,3}#{1,6}[ \t]/;
/** A line that is one short bold phrase (`**Sites**`), as a heading is written in a note: it opens a section, never closes one. */
const BOLD_LINE = /^ {0,3}\*\*[^*\n]{1,60}\*\*:?[ \t]*$/;
/**
 * A short line that introduces what follows with a colon (`* on-call rotation (pages via PagerDuty):`): its section
 * is the block right after it, up to the first blank line after some text.
 */
const LEAD_IN = /^[^\n>]{3,120}:[ \t]*$/;
/** A lead-in's words: the team's rota or its sites, not a vendor or payer named in passing (`vendor wants us to reconcile:`). */
const LEAD_IN_WORDS = /\b(?:owners?|ownership|on-?call|maintainers?|stewards?|points? of contact|sites|locations|facilities|campuses|branches|clinics|directory|roster|rotation)\b/i;

/**
 * A paragraph that begins by naming the sites it lists (`Sites: …`, `**Clinics:** …`). Not an owner's line: a
 * notebook's header (`Owner: Data Engineering`) runs straight on into whatever follows it.
 */
const INLINE_LEAD_IN =
  /^ {0,3}(?:[-*+] +)?(?:\*\*)?(?:our |main |participating |partner )?(?:sites|locations|facilities|campuses|branches|clinics)(?::\*\*|\*\*:|:) +\S/i;

/** [start, end) pairs of the text's sections about the organisation, each from its heading to the next heading or the end. */
export function organisationSections(text: string): number[] {
  const sections: number[] = [];
  // Most cells have no heading and no lead-in at all: a `#`, `**` or `:` is looked for once before any line is.
  if (!text.includes('#') && !text.includes('**') && !text.includes(':')) return sections;
  let open = -1;
  /** Whether the open section is a lead-in's, and whether its block has begun. */
  let leadIn = false;
  let blockBegun = false;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(start);
    // A line is cut out only where it may matter: a lead-in's block, a heading's mark, a colon at its end.
    let line: string | undefined;
    const lineText = (): string => (line ??= text.slice(start, Math.min(end, start + 200)).replace(/\r$/, ''));
    if (leadIn) {
      const blank = lineText().trim() === '';
      if (blank && blockBegun) {
        sections.push(open, start);
        open = -1;
        leadIn = false;
      } else if (!blank) {
        blockBegun = true;
      }
    }
    if (c === 0x23 || c === 0x20 || c === 0x2a) {
      if (HEADING.test(lineText())) {
        if (open >= 0) sections.push(open, start);
        open = isOrganisationHeading(lineText()) ? start : -1;
        leadIn = false;
      } else if (open < 0 && BOLD_LINE.test(lineText()) && isOrganisationHeading(lineText())) {
        open = start;
      }
    }
    if (open < 0 && endsWithColon(text, start, end) && LEAD_IN.test(lineText()) && LEAD_IN_WORDS.test(lineText()) && !PATIENT_HEADING.test(lineText())) {
      open = start;
      leadIn = true;
      blockBegun = false;
    } else if (open < 0 && INLINE_LEAD_IN.test(lineText())) {
      // `Sites: ABQ-Main Dermatology, 1801 Lomas Blvd NE, …`: the paragraph it begins is the list.
      open = start;
      leadIn = true;
      blockBegun = true;
    }
    start = end + 1;
  }
  if (open >= 0) sections.push(open, text.length);
  return sections;
}

/** Whether the line [start, end) ends with a colon, blanks and a carriage return aside. */
function endsWithColon(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09 || text.charCodeAt(k) === 0x0d)) k--;
  return k >= start && text.charCodeAt(k) === 0x3a;
}

function isOrganisationHeading(line: string): boolean {
  return ORGANISATION_HEADING.test(line) && !PATIENT_HEADING.test(line);
}
