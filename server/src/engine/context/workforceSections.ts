/**
 * Sections of a Markdown cell about the people who run the work: under a heading such as `### On-call /
 * ownership`, `## Owners`, `## Data stewards` or `## Points of contact`, names, e-mail addresses and phone numbers
 * are the team's, as they are in a job's owner and notification fields. Headings about what staff wrote
 * (`### Reviewer notes`) hold patients, and one that names patients or members is never such a section.
 */

/** Words of a heading over a workforce section. */
const WORKFORCE_HEADING = /\b(?:owners?|ownership|on-?call|maintainers?|stewards?|stewardship|raci|sign-?off|points? of contact)\b/i;
/** Words that make a heading about the people cared for, whatever else it says. */
const PATIENT_HEADING = /\b(?:patients?|members?|pts?|subscribers?|beneficiar(?:y|ies)|cases?|persons?|people)\b/i;
/** A Markdown heading line: one to six `#` and a space. */
const HEADING = /^ {0,3}#{1,6}[ \t]/;

/** [start, end) pairs of the text's workforce sections, each from its heading to the next heading or the end. */
export function workforceSections(text: string): number[] {
  const sections: number[] = [];
  let open = -1;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.charCodeAt(start) === 0x23 || text.charCodeAt(start) === 0x20) {
      const line = text.slice(start, Math.min(end, start + 200));
      if (HEADING.test(line)) {
        if (open >= 0) sections.push(open, start);
        open = WORKFORCE_HEADING.test(line) && !PATIENT_HEADING.test(line) ? start : -1;
      }
    }
    start = end + 1;
  }
  if (open >= 0) sections.push(open, text.length);
  return sections;
}
