/**
 * Adversarial inputs for the linear-time suite: long runs of the characters that detectors, lexers and
 * parsers branch on. Each input is a repeated unit cut to an exact length, so one size is twice the other.
 */

export interface AdversarialInput {
  readonly id: string;
  /** Text of exactly `length` characters (a prefix, then a repeated unit). */
  make(length: number): string;
}

const repeat = (id: string, unit: string, prefix = ''): AdversarialInput => ({
  id,
  make: (length) => (prefix + unit.repeat(Math.ceil(length / unit.length) + 1)).slice(0, length),
});

/** `prefix`, then `unit` repeated, then `suffix`: a construct closed after a long body. */
const enclosed = (id: string, prefix: string, unit: string, suffix: string): AdversarialInput => ({
  id,
  make: (length) => prefix + unit.repeat(Math.max(0, Math.ceil((length - prefix.length - suffix.length) / unit.length))) + suffix,
});

/** Calls nested `depth` deep, each closed and then named: `Seq(Seq(…).toDF("a")).toDF("a")`. */
const nested = (id: string, open: string, inner: string, close: string): AdversarialInput => ({
  id,
  make: (length) => {
    const depth = Math.max(1, Math.floor(length / (open.length + close.length)));
    return open.repeat(depth) + inner + close.repeat(depth);
  },
});

/** A fixed, seeded soup of the interesting characters (no PHI-shaped values are built on purpose). */
const soup = (id: string, alphabet: string, seed: number): AdversarialInput => ({
  id,
  make: (length) => {
    let s = seed >>> 0;
    const out: string[] = new Array(length);
    for (let i = 0; i < length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      out[i] = alphabet[(s >>> 8) % alphabet.length];
    }
    return out.join('');
  },
});

export const FREE_TEXT_INPUTS: readonly AdversarialInput[] = [
  repeat('digit run', '8274650193'),
  repeat('digits with separators', '123-45-67-'),
  repeat('near-miss SSN', '123-45-678 '),
  repeat('near-miss phone', '(555) 01-2 '),
  repeat('dotted digits', '1.2.3.4.5.'),
  repeat('slash digits', '12/31/19/'),
  repeat('separator run', ' -./'),
  repeat('at run', '@'),
  // Many addresses and numbers on one line (a JSON output on one line): each may look back for its line's start.
  repeat('mail addresses and numbers on one line', 'Ann Zorblatt <ann.zorblatt@zzyzx-health.example.org> 502-555-0100, '),
  repeat('local-part at run', 'a.b@'),
  repeat('capitalised words', 'Alder Brook '),
  repeat('capitalised no spaces', 'AlderBrook'),
  repeat('cue words', 'MRN: SSN DOB patient '),
  repeat('cue then digits', 'mrn 12345 '),
  repeat('portal user labels', 'portal_user=zz.q9 mychart login: portal-'),
  repeat('DICOM element lines', "(0010,0010) PN [ZZ^Q]  # 5, 1 PatientName\n(0010, 0020) Patient ID  LO: 'ZQ1\\"),
  repeat('DICOM tags without lines', '(0010,0010)(0008, 0020 ['),
  repeat('file-name parts', 'ZORB-QUENN_ZORB_1900021'),
  repeat('underscored capitals', 'A_B'),
  repeat('url-ish', 'http://a.'),
  repeat('whitespace', ' \t'),
  repeat('newlines', '\n'),
  repeat('street lines with suites and SAS dates', '12 Zz St SE, Ste 4\n1JAN1900 Fl 2 '),
  repeat('names over their titles', 'Ms. Ann Zzyzx\nBirth Registrar, Zz\n'),
  repeat('deadlines after by', 'by 6mo: Ann Zzyzx '),
  repeat('lists of attendees wrapped over lines, and named service lines', 'Attendees: Ann Zzyzx (OB),\nQuill Zorblatt, Call the Zz In Zz line 555-555-0100 '),
  soup('character soup', '0123456789-./@ ()"\'<>tdTD:\n,_xMRNssn', 7),
];

export const CODE_INPUTS: readonly AdversarialInput[] = [
  repeat('double quotes', '"'),
  repeat('single quotes', "'"),
  repeat('triple quotes', '"""\''),
  repeat('unterminated string', 'a', 'x = "'),
  repeat('unterminated block comment', '*', '/* '),
  repeat('backslashes', '\\'),
  repeat('nested brackets', '(['),
  repeat('f-string braces', '{', 'f"'),
  repeat('comparison chain', "mrn = '1' AND ssn == "),
  repeat('keyword arguments', 'f(mrn="1", '),
  repeat('collections named for sites', 'ED_SITES = ("1 Main St", '),
  repeat('assignments of calls', 'SITES = a.b.c('),
  repeat('dollar and colon params', '$:{'),
  repeat('identifiers with a name in a comment after them', 'mrn = "00591207",  # Zorblatt Quennell Zzyzx Ann\n'),
  repeat('date calls under keys', 'f(dob=dt.date(1900, 1, 2), '),
  enclosed('one date call of many numbers', 'dob = date(1900, ', '1, ', '1)'),
  nested('nested date calls', 'dob = date(1900, ', '', ')'),
  repeat('lists of dicts and wrapped sets', 'x = frozenset({[{"mrn": "1"}, {"mrn": "2"}, '),
  repeat('dicts keyed by organisations', 'X = {"Zz Clinic": {"rep": {"a": "1"}}, '),
  soup('code soup', '"\'`()[]{}=<>!#-/*\\\n ,.:$%abc123', 11),
];

/** Record types and their rows (codeContext's case classes, Row factories and namedtuples), per language. */
export const RECORD_INPUTS: readonly { input: AdversarialInput; language: 'scala' | 'python' | 'r' | 'sql' }[] = [
  { input: enclosed('rows named by one toDF', 'Seq(', '("1", "2"), ', '("1", "2")).toDF("mrn", "dob")'), language: 'scala' },
  { input: repeat('many toDF calls', 'Seq(("1", "2")).toDF("mrn", "dob")\n'), language: 'scala' },
  { input: nested('nested toDF receivers', 'Seq(', '("1")', ').toDF("a")'), language: 'scala' },
  { input: enclosed('columns of one data.frame', 'data.frame(', 'mrn = c("1", "2"), ', ')'), language: 'r' },
  { input: enclosed('one tribble of many values', 'tribble(~mrn, ~dob, ', '"1", f(x), ', '"2")'), language: 'r' },
  { input: repeat('one unclosed tribble of formulas', '~a, ', 'tribble('), language: 'r' },
  { input: nested('nested data.frame calls', 'data.frame(a = c("1"), ', '', ')'), language: 'r' },
  { input: repeat('rows of a case class', 'P("1", "2"), ', 'case class P(mrn: String, dob: String)\nSeq('), language: 'scala' },
  { input: repeat('one unclosed case class of many fields', 'a: S, ', 'case class P('), language: 'scala' },
  { input: repeat('rows of a Row factory', 'P("1", "2"), ', 'P = Row("mrn", "dob")\n['), language: 'python' },
  { input: repeat('namedtuple declarations', 'P = namedtuple("P", "a b")\n'), language: 'python' },
  // SELECTs of literals read as one record each (selectRecord).
  { input: repeat('SELECTs of literals with unclosed brackets', "SELECT '1' AS ccn, ("), language: 'sql' },
  { input: repeat('one SELECT of many literals', "'1' AS ccn, ", 'SELECT '), language: 'sql' },
];

export const TABLE_INPUTS: readonly { input: AdversarialInput; mime: string }[] = [
  { input: repeat('td soup', '<td><tr><th>'), mime: 'text/html' },
  { input: repeat('unclosed tags', '<td'), mime: 'text/html' },
  { input: repeat('header then cells', '<td>1</td>', '<table><tr><th>mrn</th></tr><tr>'), mime: 'text/html' },
  { input: repeat('pipe grid', '|mrn|ssn|\n'), mime: 'text/plain' },
  { input: repeat('grid borders', '+---+'), mime: 'text/plain' },
  { input: repeat('wide header row', ' mrn    ssn ', ''), mime: 'text/plain' },
  // A frame whose every row has a row label of its own, each read as a column name (a transposed frame's test).
  {
    input: {
      id: 'a frame with a distinct lower-case label on every row',
      make: (length) => {
        let out = `${'0'.padStart(24)}${'1'.padStart(12)}\n`;
        for (let i = 0; out.length < length; i++) out += `dob_${String(i).padStart(8, '0')}  1930-01-22  1931-02-23\n`;
        return out.slice(0, length);
      },
    },
    mime: 'text/plain',
  },
  { input: repeat('aligned rows', '  0  12345  ab\n', '   mrn  ssn  nm\n'), mime: 'text/plain' },
  { input: repeat('digits and spaces', '1 2 3 '), mime: 'stream' },
  { input: repeat('frame headers over unclosed tibble type rows', '  mrn  dob\n  <chr\n'), mime: 'stream' },
  { input: repeat('tibble rows under one header', '1 ZZ    A B C 12\n', '  mrn   first     n\n  <chr> <chr> <int>\n'), mime: 'stream' },
  { input: repeat('one tibble row with no spaces', 'Z', '  mrn       n\n  <chr> <int>\n1 '), mime: 'stream' },
  { input: repeat('indented roster rows of words under a header of phrases', '   Ann Zz  Charge RN  x1\n', '   Name    Role    Cell / Pager\n'), mime: 'stream' },
  { input: repeat('indented lines of three wide-gap words', '  a b  c  d\n'), mime: 'stream' },
  { input: repeat('tabulate grid rows between borders', '|a|b|\n+-+-+\n', '+-+-+\n|m|d|\n+=+=+\n'), mime: 'stream' },
  { input: repeat('record reprs', "Rec(a='1', b=D(c=2), "), mime: 'stream' },
  { input: repeat('capitalised calls without keywords', 'A(B(1, '), mime: 'stream' },
  { input: repeat('tab and semicolon rows under headers', 'a\tb;c\td;e\n', 'mrn\tdob\tzip\nmrn;dob;zip\n'), mime: 'stream' },
  { input: repeat('Polars rows under one header', '\u2502 "a" \u2506 b \u2502\n', '\u250c\u2500\u2510\n\u2502 mrn \u2506 dob \u2502\n\u255e\u2550\u2561\n'), mime: 'stream' },
  { input: repeat('Polars tops without headers', '\u250c\u2502 \u2506\n'), mime: 'stream' },
  { input: enclosed('one Polars row of many separators', '\u250c\n\u2502 a \u2506 b \u2502\n\u255e\n\u2502', ' \u2506', ' \u2502'), mime: 'stream' },
  { input: repeat('XML leaves and empty elements', '<a><LastName>x</LastName><b value="1"/></a>'), mime: 'stream' },
  { input: repeat('unclosed XML start tags', '<DateOfBirth '), mime: 'stream' },
  { input: repeat('nested XML without end tags', '<a><b>'), mime: 'stream' },
  { input: repeat('end tags without start tags', '</a></b>x'), mime: 'stream' },
  { input: repeat('CSV rows under a header', '1,"a,b",c\n', 'mrn,full_name,dob\n'), mime: 'stream' },
  { input: repeat('CSV header and one long row of quotes and commas', '",', 'mrn,full_name,dob\n1,2,3\n'), mime: 'stream' },
  { input: repeat('blocks of fields, diffs and flow mappings', '-main_phone: (555) 555-0100\n site_address: 1 Zz St, Zz, ZZ 0\n  NL: {name: "Zz Clinic", a: {b: "1"}}\nneeded: Ann Zz dob=1 '), mime: 'stream' },
  { input: repeat('R str() lines of quoted values', ' $ mrn: chr  "1" "2" "3\\" ...\n'), mime: 'stream' },
  { input: repeat('one glimpse() line of unclosed quotes', '"a, ', ' $ mrn <chr> '), mime: 'stream' },
  { input: soup('table soup', '|+- \n<>/tdhr0123mrn', 13), mime: 'text/plain' },
];

/** Inputs aimed at the .ipynb reader: JSON shapes that stress escapes, nesting and cell counts. */
export const NOTEBOOK_INPUTS: readonly AdversarialInput[] = [
  {
    id: 'many cells',
    make: (length) => notebookOf(length, (room) => {
      const cell = '{"cell_type":"code","metadata":{},"outputs":[],"source":["x = 1\\n"]}';
      return Array.from({ length: Math.max(1, Math.floor(room / (cell.length + 1))) }, () => cell).join(',');
    }),
  },
  {
    id: 'escape run',
    make: (length) => notebookOf(length, (room) => `{"cell_type":"markdown","metadata":{},"source":["${'\\u00e9\\n\\"'.repeat(Math.max(1, Math.floor(room / 10)))}"]}`),
  },
  {
    id: 'nested output data',
    make: (length) => notebookOf(length, (room) => {
      const depth = Math.max(1, Math.floor(Math.min(room, 2000) / 2));
      const items = Math.max(1, Math.floor(room / (depth * 2 + 1)));
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      return `{"cell_type":"code","metadata":{},"source":[],"outputs":[{"output_type":"execute_result","metadata":{},"data":{"application/json":[${Array.from({ length: items }, () => nested).join(',')}]}}]}`;
    }),
  },
  {
    // Every widget a Databricks export saves, each with a current value, a default and dropdown choices.
    id: 'many saved widget values',
    make: (length) => {
      const widget = (i: number) => `"w${i}":{"currentValue":"900${i}","widgetInfo":{"name":"mrn","defaultValue":"900${i}","options":{"choices":["1","2"]}}}`;
      const widgets: string[] = [];
      for (let i = 0, size = 0; size < length - 200; i++) {
        widgets.push(widget(i));
        size += widgets[widgets.length - 1].length + 1;
      }
      return `{"nbformat":4,"nbformat_minor":5,"metadata":{"application/vnd.databricks.v1+notebook":{"widgets":{${widgets.join(',')}}}},"cells":[{"cell_type":"code","metadata":{},"outputs":[],"source":["x = 1"]}]}`;
    },
  },
  {
    // A display() result whose struct column's values are found, and its HTML rendering repeating them.
    id: 'display() result with struct columns and its HTML rendering',
    make: (length) => notebookOf(length, (room) => {
      const n = Math.max(1, Math.floor(room / 105));
      const rows = Array.from({ length: n }, (_, i) => `["9${String(i).padStart(7, '0')}",["${i} Zz Ln","Zzport","9${String(i % 10000).padStart(4, '0')}"]]`);
      const html = Array.from({ length: n }, (_, i) => `<td>9${String(i).padStart(7, '0')}</td><td>List(${i} Zz Ln, Zzport, 9${String(i % 10000).padStart(4, '0')})</td>`).join('');
      const home = '{\\"type\\":\\"struct\\",\\"fields\\":[{\\"name\\":\\"street\\",\\"type\\":\\"string\\"},{\\"name\\":\\"city\\",\\"type\\":\\"string\\"},{\\"name\\":\\"zip\\",\\"type\\":\\"string\\"}]}';
      const table = `{"type":"table","schema":[{"name":"mrn","type":"\\"string\\""},{"name":"home","type":"${home}"}],"data":[${rows.join(',')}]}`;
      return `{"cell_type":"code","metadata":{},"source":[],"outputs":[{"output_type":"display_data","data":{"text/html":["${html}"]},"metadata":{"application/vnd.databricks.v1+output":${table}}}]}`;
    }),
  },
  {
    id: 'long stream output',
    make: (length) => notebookOf(length, (room) => `{"cell_type":"code","metadata":{},"source":[],"outputs":[{"output_type":"stream","name":"stdout","text":["${'| 1 | 2 |\\n'.repeat(Math.max(1, Math.floor(room / 12)))}"]}]}`),
  },
];

/** A notebook of about `length` characters whose cells come from `cells(room)`. */
function notebookOf(length: number, cells: (room: number) => string): string {
  const head = '{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[';
  const tail = ']}';
  return head + cells(length - head.length - tail.length) + tail;
}

/**
 * Identifiers found once with a cue and again without one, each different (recurrences.ts): every value is
 * looked for in the whole file, and every recurrence checked against the findings already there.
 */
export const RECURRING_INPUT: AdversarialInput = {
  id: 'recurring identifiers',
  make: (length) => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < length; i++) {
      const id = String(70_000_000 + ((i * 7919) % 9_999_999));
      const surname = `Zor${[...i.toString(5)].map((d) => ['ba', 'de', 'ki', 'lo', 'mu'][+d]).join('')}ton`;
      const unit = `# MRN ${id} then ${id}-01, Harold ${surname} saw ${surname} on 2024-03-02.\n`;
      parts.push(unit);
      size += unit.length;
    }
    return parts.join('').slice(0, length);
  },
};

/**
 * Organisations' sites on one long line: every address and phone number asks for its line (bounded, or a
 * megabyte without a line break would be read once per address).
 */
export const SITES_ON_ONE_LINE: AdversarialInput = repeat('organisation sites on one line', 'Facility: Bayview Medical Center, 2100 Lakeshore Dr, Minneapolis, MN 55406, (612) 555-0100; ');
/** FHIR resources of organisations, each opened and never closed, then each closed (organisationResources.ts). */
/** NPPES records pasted as comment lines, one comment run: every line is mapped back from the run's joined text. */
export const NPPES_COMMENTS: AdversarialInput = repeat('NPPES records pasted as comments',
  '# {"enumeration_type": "NPI-1", "telephone_number": "816-555-0110"}\n# "taxonomies": [{"desc": "x"\n');

/** An X12 interchange pasted as one comment run: the run is read as one text and every finding mapped back to its line. */
export const X12_COMMENTS: AdversarialInput = repeat('X12 loops pasted as comments',
  '# NM1*IL*1*ZORBLATT*QUENNELL****MI*ZZ40418801~\n# N3*1455 N ZZYZX AVE~\n# N4*ZORBVILLE*AZ*85621~\n# DTP*472*D8*19000502~\n');

/** CREATE TABLEs whose column lists close and never close, and INSERTs with no column list (tableDeclarations.ts). */
export const TABLE_DECLARATIONS: AdversarialInput = repeat('CREATE TABLEs, unclosed lists and INSERTs with no column list',
  "CREATE TABLE zz.t (mrn STRING, dob DATE);\nINSERT INTO zz.t VALUES ('90041772', '1950-01-02'), ('9', 'x');\nCREATE TABLE zz.u (a STRING, ((\n");

export const ORGANISATION_RESOURCES: AdversarialInput = repeat('unclosed and closed FHIR Organization resources',
  '{"resourceType": "Location", "telecom": [{"system": "phone", "value": "+1 502 555 0100"}, {"resourceType": "Organization", "name": "Zzyzx"}, ');
