/**
 * FHIR resources about organisations and the places and services they run (`Organization`, `Location`,
 * `Endpoint`, …), and the definitions they publish (`Questionnaire`, `ValueSet`, …), pasted into Markdown or
 * printed in an output: their telecom, address and contact people are the organisation's, not a patient's. Person
 * resources (`Patient`, `RelatedPerson`) are read as records elsewhere (keyValues.ts); these are left out of the
 * free-text pass.
 */

/**
 * A resourceType naming an organisation's resource or one it publishes (a `Questionnaire`'s or a `ValueSet`'s
 * `publisher` and `contact` are the publisher's), up to its closing quote; or a key only an NPPES registry record
 * has (`"taxonomies"`, `"enumeration_type"`, `"organization_name"`, a flattened lookup's `"taxonomy"`): a provider's
 * or an organisation's listing, its names, addresses and numbers their practice's.
 */
const ORGANISATION_RESOURCE = /"resourceType"\s{0,4}:\s{0,4}"(?:Organization|OrganizationAffiliation|Location|Endpoint|HealthcareService|InsurancePlan|Practitioner|PractitionerRole|Device|Questionnaire|ValueSet|CodeSystem|ConceptMap|CapabilityStatement|StructureDefinition|ImplementationGuide|SearchParameter|OperationDefinition|NamingSystem|Library|Measure|PlanDefinition|ActivityDefinition|MessageDefinition)"|"(?:taxonomies|taxonomy|taxonomy_code|enumeration_type|organization_name)"\s{0,4}:/g;
/** Whether a text may hold either kind of marker: most texts hold neither. */
const MARKER = /"(?:resourceType|taxonomies|taxonomy|taxonomy_code|enumeration_type|organization_name)"/;
/** How far before its resourceType a resource's opening brace may stand. */
const OPEN_REACH = 400;
/** How far back the outermost brace of an NPPES record is looked for: its marker may follow a long `basic` block. */
const RECORD_REACH = 2000;
/** The longest resource read: beyond it the rest of the text is read as it is. */
const MAX_RESOURCE = 64 * 1024;

/** Whether the text may hold an organisation's resource at all (a marker key): most texts hold none. */
export function mayHoldOrganisationResource(text: string): boolean {
  return MARKER.test(text);
}

/** [start, end) pairs, ascending and not overlapping, of the organisations' resources in the text. */
export function organisationResources(text: string): number[] {
  const spans: number[] = [];
  if (!MARKER.test(text)) return spans;
  let end = 0;
  ORGANISATION_RESOURCE.lastIndex = 0;
  for (let m = ORGANISATION_RESOURCE.exec(text); m; m = ORGANISATION_RESOURCE.exec(text)) {
    if (m.index < end) continue;
    // An NPPES key may sit in a nested object (`"basic": {"organization_name": …}`): the record is the outermost.
    const open = m[0].startsWith('"resourceType"') ? text.lastIndexOf('{', m.index) : outermostOpen(text, m.index, Math.max(end, m.index - RECORD_REACH));
    if (open < 0 || open < m.index - OPEN_REACH || open < end) continue;
    const close = closingBrace(text, open);
    if (close < 0) {
      // Unclosed within reach: what was read is not read again for the next resourceType.
      end = Math.min(text.length, open + MAX_RESOURCE);
      ORGANISATION_RESOURCE.lastIndex = end;
      continue;
    }
    spans.push(open, close + 1);
    end = close + 1;
    ORGANISATION_RESOURCE.lastIndex = end;
  }
  return spans;
}

/** The brace, at `floor` or after, that opens the outermost object around `at`; -1 when none does. */
function outermostOpen(text: string, at: number, floor: number): number {
  let depth = 0;
  let open = -1;
  for (let p = at - 1; p >= floor; p--) {
    const c = text.charCodeAt(p);
    if (c === 0x7d) depth++;
    else if (c === 0x7b) {
      if (depth > 0) depth--;
      else open = p;
    }
  }
  return open;
}

/** The index of the brace closing the object opened at `open` (strings skipped), or -1 within MAX_RESOURCE. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, open + MAX_RESOURCE);
  for (let p = open; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (inString) {
      if (c === 0x5c) p++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return p;
  }
  return -1;
}
