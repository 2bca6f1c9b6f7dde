import { strict as assert } from 'node:assert';
import { findTableValues } from '../../../server/src/engine/context/outputTables';
import { MAX_TABLE_VALUES } from '../../../server/src/engine/context/tableSink';
import { countStringWork, grow, randomInputs } from './workCounter';

/** Obviously synthetic values, built in code. */
const MRN1 = ['9', '0'.repeat(6), '1'].join('');
const MRN2 = ['9', '0'.repeat(6), '2'].join('');
const SSN = ['900', '00', '0001'].join('-');
const DOB1 = ['1900', '01', '02'].join('-');
const DOB2 = ['1900', '12', '31'].join('-');
const FIRST = 'Testname';
const FULL = 'Testa Zzexample';
const EMAIL = `synthetic.person@${'example'}.invalid`;

type Pair = readonly [key: string, value: string];

function typed(text: string, mime = 'text/plain'): Pair[] {
  return findTableValues(text, mime).map((v) => [v.key, text.slice(v.start, v.end)] as const);
}

const R = (s: string, w: number) => s.padStart(w);
const L = (s: string, w: number) => s.padEnd(w);

type Case = readonly [title: string, mime: string, text: string, expected: readonly Pair[]];

const CASES: readonly Case[] = [
  ['pandas print, right-aligned, value with a space', 'text/plain', [
    `${R('mrn', 11)} ${R('first_name', 15)} ${R('dob', 10)}`,
    `0  ${MRN1} ${R(FULL, 15)} ${DOB1}`,
    `1  ${MRN2} ${R(FIRST, 15)} ${DOB2}`,
  ].join('\n'), [['mrn', MRN1], ['first_name', FULL], ['dob', DOB1], ['mrn', MRN2], ['first_name', FIRST], ['dob', DOB2]]],
  ['pandas print whose values sit one column right of the headers', 'stream', [
    `${R('mrn', 10)} ${R('first_name', 10)}`,
    `0  ${MRN1} ${R(FIRST, 10)}`,
  ].join('\n'), [['mrn', MRN1], ['first_name', FIRST]]],
  ['a frame typed by hand with left-aligned values: a header edge inside a value does not cut it', 'stream', [
    `${R('mrn', 11)}${R('staff_name', 18)}${R('unit', 11)}${R('dob', 12)}`,
    `0  ${MRN1}  Zzexample, Testa MD  4 West  ${DOB1}`,
    `1  ${MRN2}  ${L(FIRST, 19)}  5 East  ${DOB2}`,
  ].join('\n'), [['mrn', MRN1], ['staff_name', 'Zzexample, Testa MD'], ['unit', '4 West'], ['dob', DOB1],
    ['mrn', MRN2], ['staff_name', FIRST], ['unit', '5 East'], ['dob', DOB2]]],
  ["R data.frame print: a row's number one space before a first value wider than its header", 'stream', [
    `${R('accession', 15)} ${R('mrn', 10)} ${R('test_code', 9)}`,
    `1 Z24-191-11802 ${R(MRN1, 10)} ${R('K', 9)}`,
    `2 Z24-244-00931 ${R(MRN2, 10)} ${R('NA', 9)}`,
  ].join('\n'), [['accession', 'Z24-191-11802'], ['mrn', MRN1], ['test_code', 'K'], ['accession', 'Z24-244-00931'], ['mrn', MRN2], ['test_code', 'NA']]],
  ['a frame printed without its index: a name at the margin is one value', 'stream', [
    `${R('name', 15)} ${R('mrn', 9)}`,
    `${FULL} ${R(MRN1, 9)}`,
  ].join('\n'), [['name', FULL], ['mrn', MRN1]]],
  ['pandas column name with a space', 'text/plain', [
    `${R('mrn', 11)} ${R('first name', 15)}`,
    `0  ${MRN1} ${R(FULL, 15)}`,
  ].join('\n'), [['mrn', MRN1], ['first name', FULL]]],
  ['pandas truncated rows and columns with footer', 'text/plain', [
    `${R('mrn', 11)}  ...  ${R('dob', 10)}`,
    `0  ${MRN1}  ...  ${DOB1}`,
    `..      ...  ...         ...`,
    `9  ${MRN2}  ...  ${DOB2}`,
    '',
    '[10 rows x 12 columns]',
  ].join('\n'), [['mrn', MRN1], ['dob', DOB1], ['mrn', MRN2], ['dob', DOB2]]],
  ['pandas wide frame wrapped into blocks, named index', 'text/plain', [
    `${L('', 10)}  ${R('first_name', 10)}  ...  \\`,
    `${L('patient_id', 10)}  ${R('', 10)}  ...   `,
    `${L('p1', 10)}  ${R(FIRST, 10)}  ...   `,
    '',
    `${L('', 10)}  ${R('dob', 10)}`,
    `${L('patient_id', 10)}  ${R('', 10)}`,
    `${L('p1', 10)}  ${DOB1}`,
  ].join('\n'), [['first_name', FIRST], ['dob', DOB1]]],
  ['pandas Series of a row: labels are column names', 'text/plain', [
    `mrn         ${R(MRN1, 15)}`,
    `first_name  ${R(FULL, 15)}`,
    'Name: 0, dtype: object',
  ].join('\n'), [['mrn', MRN1], ['first_name', FULL]]],
  ['pandas Series of a column: the name is the key', 'text/plain', [
    `0    ${SSN}`,
    `1    ${SSN.replace('0001', '0002')}`,
    'Name: ssn, dtype: object',
  ].join('\n'), [['ssn', SSN], ['ssn', SSN.replace('0001', '0002')]]],
  ['Spark show() grid, right-aligned and truncated', 'stream', [
    '+--------+---------------+',
    '|     mrn|      full_name|',
    '+--------+---------------+',
    `|${MRN1}|${R(FULL, 15)}|`,
    `|${MRN2}|${'Testa Zzexa...'.padStart(15)}|`,
    '+--------+---------------+',
    'only showing top 2 rows',
  ].join('\n'), [['mrn', MRN1], ['full_name', FULL], ['mrn', MRN2], ['full_name', 'Testa Zzexa']]],
  ['Spark show(truncate=False) grid, left-aligned', 'stream', [
    '+--------+-----------+',
    '|mrn     |ssn        |',
    '+--------+-----------+',
    `|${MRN1}|${L(SSN, 11)}|`,
    '+--------+-----------+',
  ].join('\n'), [['mrn', MRN1], ['ssn', SSN]]],
  ['Spark vertical show()', 'stream', [
    '-RECORD 0----------------',
    ` mrn        | ${MRN1}`,
    ` first_name | ${FULL}`,
    '-RECORD 1----------------',
    ` mrn        | ${MRN2}`,
  ].join('\n'), [['mrn', MRN1], ['first_name', FULL], ['mrn', MRN2]]],
  ['Markdown table', 'text/markdown', [
    '| mrn | full name | email |',
    '|---|:---|---:|',
    `| ${MRN1} | ${FULL} | ${EMAIL} |`,
  ].join('\n'), [['mrn', MRN1], ['full name', FULL], ['email', EMAIL]]],
  ['psql result: a header, a `---+---` separator, rows and a row count', 'stream', [
    '  mrn       | full_name       | dob',
    ' -----------+-----------------+------------',
    `  ${MRN1}  | ${L(FULL, 15)} | ${DOB1}`,
    '(1 row)',
  ].join('\n'), [['mrn', MRN1], ['full_name', FULL], ['dob', DOB1]]],
  ['pipe table pasted without its separator: a header of column names over rows of as many cells', 'stream', [
    'mrn | first_name | dob',
    `${MRN1} | ${FIRST} | ${DOB1}`,
    `${MRN2} | ${FIRST} | ${DOB2}`,
  ].join('\n'), [['mrn', MRN1], ['first_name', FIRST], ['dob', DOB1], ['mrn', MRN2], ['first_name', FIRST], ['dob', DOB2]]],
  ['pandas print without its index: every row starts with spaces, every column but one meets its header', 'stream', [
    `${R('login', 12)} ${R('display_name', 16)} ${R('credentials', 12)} ${R('ext', 5)}`,
    `${R('t.zorblatt', 12)} ${R(FULL, 16)} ${R('RN, BSN', 12)} ${R('4401', 5)}`,
  ].join('\n'), [['login', 't.zorblatt'], ['display_name', FULL], ['credentials', 'RN, BSN'], ['ext', '4401']]],
  ['no frame: indented lines whose words meet by chance in fewer than all columns but one', 'stream', [
    '    the quick brown', '      fox jumped over the lazy dog brown',
  ].join('\n'), []],
  ['a tibble: a row of column types under the header, text columns left-aligned under their names', 'stream', [
    `  ${L('mrn', 10)}  ${L('full_name', 16)}`, `  ${L('<chr>', 10)}  ${L('<chr>', 16)}`,
    `1 ${L(MRN1, 10)}  ${FULL}`,
  ].join('\n'), [['mrn', MRN1], ['full_name', FULL]]],
  ['a tibble one space apart: text and dates left-aligned, numbers right-aligned, a text value with a space, NA skipped', 'stream', [
    `  ${L('case_id', 15)} ${L('first', 9)} ${L('dob', 10)} ${R('n_units', 7)} ${L('email', EMAIL.length)}`,
    `  ${L('<chr>', 15)} ${L('<chr>', 9)} ${L('<date>', 10)} ${R('<int>', 7)} ${L('<chr>', EMAIL.length)}`,
    `1 ${L('ZZ-C-1900-00412', 15)} ${L('TESTA ZZ', 9)} ${L(DOB1, 10)} ${R('1', 7)} ${EMAIL}`,
    `2 ${L('ZZ-C-1900-00588', 15)} ${L('TESTNAME', 9)} ${L(DOB2, 10)} ${R('12', 7)} NA`,
  ].join('\n'), [['case_id', 'ZZ-C-1900-00412'], ['first', 'TESTA ZZ'], ['dob', DOB1], ['n_units', '1'], ['email', EMAIL],
    ['case_id', 'ZZ-C-1900-00588'], ['first', 'TESTNAME'], ['dob', DOB2], ['n_units', '12']]],
  ['a tibble whose names hold spaces (`Case #`, `Call Date/Time`): one column per type, as its type row says', 'stream', [
    `  ${L('Case #', 11)} ${L('Call Date/Time', 19)} ${L('Caller', 16)} ${L('ZIP', 5)}`,
    `  ${L('<chr>', 11)} ${L('<dttm>', 19)} ${L('<chr>', 16)} ${L('<chr>', 5)}`,
    `1 ${L('ZZ24-110923', 11)} ${L('1900-11-15 19:52:00', 19)} ${L(FULL, 16)} 00001`,
  ].join('\n'), [['Case #', 'ZZ24-110923'], ['Call Date/Time', '1900-11-15 19:52:00'], ['Caller', FULL], ['ZIP', '00001']]],
  ["R str(): each column's first values after its type; a factor's codes and a cut value are not read", 'stream', [
    `'data.frame':\t9 obs. of  4 variables:`,
    ` $ HOSP_MRN  : chr  "${MRN1}" "${MRN2}" ...`,
    ` $ CHILD_NAME: chr  "${FULL}" "${FIRST}" "Zzexample Testa Zz"| __truncated__ ...`,
    ` $ BIRTH     : Date, format: "${DOB1}" "${DOB2}" ...`,
    ` $ PROGRAM   : Factor w/ 3 levels "North","South",..: 1 2 1 ...`,
  ].join('\n'), [['data.frame', '9 obs. of  4 variables:'], ['HOSP_MRN', MRN1], ['HOSP_MRN', MRN2], ['CHILD_NAME', FULL], ['CHILD_NAME', FIRST],
    ['BIRTH', DOB1], ['BIRTH', DOB2]]],
  ["dplyr glimpse(): values a comma apart after the type, a date-time whole, the value cut at the console's edge dropped", 'stream', [
    'Rows: 9', 'Columns: 3',
    `$ infant_mrn  <chr> "${MRN1}", "${MRN2}", "9000…`,
    `$ mother_name <chr> "${FULL}", "${FIRST}"`,
    `$ birth       <dttm> ${DOB1} 03:12:00, ${DOB2} 22:48:00, …`,
  ].join('\n'), [['Rows', '9'], ['Columns', '3'], ['infant_mrn', MRN1], ['infant_mrn', MRN2], ['mother_name', FULL], ['mother_name', FIRST],
    ['birth', `${DOB1} 03:12:00`], ['birth', `${DOB2} 22:48:00`]]],
  ['CSV with a header: quoted cells read inside their quotes, a comma inside quotes stays in its cell', 'stream', [
    'mrn,full_name,dob,note',
    `${MRN1},"${FULL}",${DOB1},"late, rescheduled"`,
    `${MRN2},${FIRST},${DOB2},`,
    'written to the fix list',
  ].join('\n'), [['mrn', MRN1], ['full_name', FULL], ['dob', DOB1], ['note', 'late, rescheduled'], ['mrn', MRN2], ['full_name', FIRST], ['dob', DOB2]]],
  ['no CSV: two columns, a space after the commas, or no line of as many cells under the header', 'stream', [
    'mrn,dob', `${MRN1},${DOB1}`, '', 'mrn, full_name, dob', `${MRN1}, ${FULL}, ${DOB1}`, '', 'select mrn,full_name,dob', 'from synthetic_people',
  ].join('\n'), []],
  ['pandas to_html with index and index name rows', 'text/html', [
    '<table border="1" class="dataframe">',
    '  <thead>',
    '    <tr style="text-align: right;">',
    '      <th></th>', '      <th>mrn</th>', '      <th>full_name</th>',
    '    </tr>',
    '    <tr><th>patient_id</th><th></th><th></th></tr>',
    '  </thead>',
    '  <tbody>',
    `    <tr>\n      <th>p1</th>\n      <td>${MRN1}</td>\n      <td>${FULL}</td>\n    </tr>`,
    `    <tr><th>p2</th><td>${MRN2}</td><td>O&#x27;Entity</td></tr>`,
    '  </tbody>',
    '</table>',
  ].join('\n'), [['mrn', MRN1], ['full_name', FULL], ['mrn', MRN2]]],
  ['one-line display HTML without thead, nested markup, scripts skipped', 'text/html',
    `<div><style>td{color:red}</style><script>var t = "<td>${SSN}</td>";</script><table><tr><th>ssn</th><th>dob</th></tr>`
    + `<tr><td><div>${SSN}</div></td><td>${DOB1}</td></tr><!-- <td>${MRN1}</td> --><tr><td>${SSN.replace('1', '2')}<td>${DOB2}</tr></table></div>`,
  [['ssn', SSN], ['dob', DOB1], ['ssn', SSN.replace('1', '2')], ['dob', DOB2]]],
  ['printed Rows', 'stream', `[Row(mrn='${MRN1}', first_name="${FIRST}", visits=3, dob=datetime.date(1900, 1, 2)), Row(mrn='${MRN2}', first_name='it\\'s')]`,
    [['mrn', MRN1], ['first_name', FIRST], ['visits', '3'], ['dob', 'datetime.date(1900, 1, 2)'], ['mrn', MRN2], ['first_name', "it\\'s"]]],
  ['printed dict and JSON lines', 'text/plain', `{'mrn': '${MRN1}', 'age': 97, 'tags': ['a'], 'dob': Timestamp('${DOB1} 00:00:00'), 'f': max(1, 2)}\n  "ssn": "${SSN}",\n  "full name": "${FULL}"`,
    [['mrn', MRN1], ['age', '97'], ['dob', `${DOB1} 00:00:00`], ['ssn', SSN], ['full name', FULL]]],
  ['a FHIR Patient printed whole: identifiers typed by their system, lists of names, the street line', 'text/plain', [
    '{"resourceType": "Patient", "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "' + SSN + '"},',
    ' {"system": "urn:oid:1.2.3", "value": "ZZ0001"}], "name": [{"family": "Zztestlast", "given": ["Ann", "Testa"]}],',
    ' "telecom": [{"system": "email", "value": "' + EMAIL + '"}], "address": [{"line": ["1 Test Way"], "postalCode": "00001"}]}',
  ].join('\n'), [['resourceType', 'Patient'], ['system', 'http://hl7.org/fhir/sid/us-ssn'], ['ssn', SSN], ['system', 'urn:oid:1.2.3'],
    ['value', 'ZZ0001'], ['family', 'Zztestlast'], ['given', 'Ann'], ['given', 'Testa'], ['system', 'email'], ['email', EMAIL],
    ['street_address', '1 Test Way'], ['postalCode', '00001']]],
  ['a FHIR message bundle: its header, its organisation and its own timestamp are no one\'s, its Patient is read', 'text/plain', [
    '{"resourceType": "Bundle", "type": "message", "timestamp": "1900-01-02T16:40:00Z", "entry": [',
    ' {"resource": {"resourceType": "MessageHeader", "source": {"name": "ZZLAB-LIS"}}},',
    ' {"resource": {"resourceType": "Patient", "name": [{"text": "' + FULL + '"}], "birthDate": "' + DOB1 + '"}},',
    ' {"resource": {"resourceType": "Organization", "name": "Zzyzx Genomics Laboratory", "telecom": [{"system": "phone", "value": "555-0120"}]}}]}',
  ].join('\n'), [['resourceType', 'Patient'], ['patient_name', FULL], ['birthDate', DOB1]]],
  ['key: value and key=value log lines', 'stream', [
    `mrn: ${MRN1}`,
    `patient_name = ${FULL}`,
    `Processing patient mrn=${MRN2} dob=${DOB1}, status=ok`,
    'see https://example.invalid/a:b and a == b, x != y',
    `bad key-name: ${MRN1} and (call: ignored(1))`,
  ].join('\n'), [['mrn', MRN1], ['patient_name', FULL], ['mrn', MRN2], ['dob', DOB1], ['status', 'ok']]],
  ['a frame typed by hand whose values drift off their names\' edges: an index and one value per name, read in order', 'stream', [
    `#     ${R('mrn', 11)}   ${R('patient_name', 20)}   ${R('admit_dt', 12)}`,
    `17  ${MRN1}        ${FULL}   ${DOB1}`,
    `4   ${MRN2}  ${FIRST} Zzexample Q   ${DOB2}`,
  ].join('\n').replace(/^# {5}/, '      '), [['mrn', MRN1], ['patient_name', FULL], ['admit_dt', DOB1], ['mrn', MRN2], ['patient_name', `${FIRST} Zzexample Q`], ['admit_dt', DOB2]]],
  ['fixed-width result typed by hand: rows with as many values as names are read in order, others by their edges', 'stream', [
    `member_id       first   last              dob`, `ZZ0502877-01  ${FIRST}  ZZTESTLAST-A  ${DOB1}`, `ZZ0503391-01  ${FIRST}  ZZTESTLAST B  ${DOB2}`,
    `ZZ0503391-02  ${FIRST}  ${DOB2}`,
  ].join('\n'), [['member_id', 'ZZ0502877-01'], ['first', FIRST], ['last', 'ZZTESTLAST-A'], ['dob', DOB1], ['member_id', 'ZZ0503391-01'], ['first', FIRST], ['last', 'ZZTESTLAST B'], ['dob', DOB2], ['member_id', 'ZZ0503391-02'], ['last', DOB2]]],
  ['fixed-width result without an index: values start under their names, numbers may end under them', 'stream', [
    `${L('mrn', 10)}  ${L('last_name', 10)}  ${L('dob', 10)}  ${R('charges', 9)}`,
    `${L(MRN1, 10)}  ${L('OKAFOR, D', 10)}  ${L(DOB1, 10)}  ${R('48,211.90', 9)}`,
    `${L(MRN2, 10)}  ${L(FIRST, 10)}  ${L(DOB2, 10)}  ${R('6,120.00', 9)}`,
    '',
    `mrn: ${MRN1}`,
  ].join('\n'), [['mrn', MRN1], ['last_name', 'OKAFOR, D'], ['dob', DOB1], ['charges', '48,211.90'], ['mrn', MRN2], ['last_name', FIRST], ['dob', DOB2], ['charges', '6,120.00'], ['mrn', MRN1]]],
  ['fixed-width result whose columns are one space apart: snake_case names, values cut at the next name', 'stream', [
    `empi_id    mrn      last_name  first_name dob_raw    zip`,
    `ZZ00482913 ${MRN1} ZZTESTLAST ${L(FIRST, 10)} ${DOB1} 00000`,
    `ZZ00482913 ${MRN2} ZZTESTLAST ${L(FIRST, 10)} ${DOB2} 00000`,
    `(one more line of prose)`,
  ].join('\n'), [
    ['empi_id', 'ZZ00482913'], ['mrn', MRN1], ['last_name', 'ZZTESTLAST'], ['first_name', FIRST], ['dob_raw', DOB1], ['zip', '00000'],
    ['empi_id', 'ZZ00482913'], ['mrn', MRN2], ['last_name', 'ZZTESTLAST'], ['first_name', FIRST], ['dob_raw', DOB2], ['zip', '00000'],
  ]],
  ['an indented roster typed by hand: names of several words, values off their edges, read in order', 'stream', [
    `${R('Name', 20)}${R('Role', 16)}     Cell / Pager`,
    `   ${FULL}    Charge RN    ${MRN1}`,
    `       ${FIRST}      Unit clerk   ${MRN2}`,
    '```',
  ].join('\n'), [['Name', FULL], ['Role', 'Charge RN'], ['Cell / Pager', MRN1], ['Name', FIRST], ['Role', 'Unit clerk'], ['Cell / Pager', MRN2]]],
  ["tabulate's grid: a header over +===+ and a border between every two rows", 'stream', [
    '+------------+----------+', '| mrn        | dob      |', '+============+==========+',
    `| ${L(MRN1, 10)} | ${L(DOB1, 8)} |`, '+------------+----------+', `| ${L(MRN2, 10)} | ${L(DOB2, 8)} |`, '+------------+----------+',
    '', `| ${MRN1} |`,
  ].join('\n'), [['mrn', MRN1], ['dob', DOB1], ['mrn', MRN2], ['dob', DOB2]]],
  ['reprs of dataclasses and namedtuples, read as Rows', 'stream',
    `DriverExam(name='${FULL}', dob=datetime.date(1900, 1, 2), mrn='${MRN1}')\nPt(mrn="${MRN2}")\nPoint('${MRN1}', 4) and obj.Attr == 'x'`,
    [['name', FULL], ['dob', 'datetime.date(1900, 1, 2)'], ['mrn', MRN1], ['mrn', MRN2]]],
  ['tab- and semicolon-separated rows under their headers', 'stream', [
    'ts\tclient_name\tmrn', `x\t${FULL}\t${MRN1}`, '', 'patient_name;dob;rx_number', `ZZEXAMPLE, TESTA;${DOB1};${MRN2}`,
  ].join('\n'), [['ts', 'x'], ['client_name', FULL], ['mrn', MRN1], ['patient_name', 'ZZEXAMPLE, TESTA'], ['dob', DOB1], ['rx_number', MRN2]]],
  ['a Polars frame: header, --- and dtype rows, then rows split at \u2506 with strings in quotes', 'stream', [
    'shape: (2, 3)', '\u250c\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2510',
    '\u2502 name \u2506 mrn \u2506 dob \u2502', '\u2502 --- \u2506 --- \u2506 --- \u2502', '\u2502 str \u2506 str \u2506 date \u2502',
    '\u255e\u2550\u2550\u2550\u256a\u2550\u2550\u2550\u2561',
    `\u2502 "${FULL}" \u2506 "${MRN1}" \u2506 ${DOB1} \u2502`, `\u2502 "${FIRST}" \u2506 "${MRN2}" \u2506 ${DOB2} \u2502`,
    '\u2514\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2518',
  ].join('\n'), [['name', FULL], ['mrn', MRN1], ['dob', DOB1], ['name', FIRST], ['mrn', MRN2], ['dob', DOB2]]],
  ["XML elements: a leaf under its name, a generic leaf under its parent's, an empty element's value, a prescriber's", 'stream', [
    `<Patient><Name><LastName>${FULL}</LastName></Name><DateOfBirth><Date>${DOB1}</Date></DateOfBirth>`,
    `<telecom value="tel:${MRN1}"/><birthTime value="${DOB2}"/></Patient>`,
    `<Prescriber><Name><LastName>${FIRST}</LastName></Name></Prescriber><Note>x</Note>`,
  ].join('\n'), [['LastName', FULL], ['DateOfBirth', DOB1], ['value', `tel:${MRN1}`], ['phone', MRN1], ['birth_date', DOB2], ['LastName', FIRST], ['Note', 'x']]],
  ['a frame printed without its index and edited by hand, values off their edges: read in order', 'stream', [
    ` patient_name        mrn    dob last_result`,
    `   ${FULL}   ${MRN1}  ${DOB1}     not sent`,
    `   ${FIRST}  ${MRN2}   ${DOB2}  pending`,
  ].join('\n'), [['patient_name', FULL], ['mrn', MRN1], ['dob', DOB1], ['last_result', 'not sent'], ['patient_name', FIRST], ['mrn', MRN2], ['dob', DOB2], ['last_result', 'pending']]],
];

const NEGATIVE: readonly Case[] = [
  ['prose with apostrophes and colons', 'stream', "Note: the patient's chart isn't here. Done at 10:22:33.\n", [['Note', "the patient's chart isn't here. Done at 10:22:33."]]],
  ['a traceback is not a table', 'error', 'Traceback (most recent call last):\n  File "x.py", line 3, in <module>\n    raise ValueError\nValueError', []],
  ['html without header cells types nothing', 'text/html', `<table><tr><td>${MRN1}</td></tr></table>`, []],
  ['an HTML table is not read as text', 'text/html', `mrn: ${MRN1}`, []],
  ['dtypes and schema prints hold type names, not values', 'stream',
    'mrn           object\nfirst_name    object\ndtype: object\nOut[2]: DataFrame[mrn: string, dob: date]\nroot\n |-- ssn: string (nullable = true)\n', [['nullable', 'true']]],
  ['describe() aggregates are not values; min and max are', 'stream', [
    `${R('age', 13)}`, `count  ${R('120.0', 6)}`, `mean   ${R('54.2', 6)}`, `max    ${R('97.0', 6)}`,
    '+-------+---+', '|summary|age|', '+-------+---+', '|  count|120|', '|    min| 91|', '+-------+---+',
  ].join('\n'), [['age', '97.0'], ['summary', 'min'], ['age', '91']]],
  ['a pipe line over a line of another width, or of values, is no header', 'stream', [
    `mrn | dob`, `${MRN1} | ${DOB1} | x`, '', `${MRN1} | ${DOB1}`, `${MRN2} | ${DOB2}`,
    '', 'PID|1||ZZ0001^^^MRN||ZZTEST^ANN', 'PV1|1|I|W1',
  ].join('\n'), []],
  ['a grid header without its border is not a grid', 'stream', `+----+\n|mrn |\n|${MRN1}|`, []],
  ['prose, and two names with a wide gap, are no fixed-width header', 'stream', [
    'mrn and dob go to the vault', `${MRN1}  ${DOB1}  x`, `mrn     dob`, `${MRN1}  ${DOB1}`,
  ].join('\n'), []],
  ['a fixed-width header whose first row meets too few columns', 'stream', [
    'mrn        dob         zip', `  x ${MRN1}     ${DOB1}`,
  ].join('\n'), []],
  ['a line of words one space apart over another line is no header, snake_case or not', 'stream', [
    'the mrn and dob go to the vault', `${MRN1} ${DOB1} x y z w`, 'select mrn first_name last_name from t', `${MRN1} ${DOB1} x y z`,
  ].join('\n'), []],
];

describe('context: values in output tables', () => {
  for (const [title, mime, text, expected] of [...CASES, ...NEGATIVE]) {
    it(`${mime}: ${title}`, () => {
      assert.deepEqual(typed(text, mime), expected);
    });
  }

  it('reads no indented sentence as a pandas header over the bullet lines below it', () => {
    // The shape of a documentation page's bullet list (letters rotated): before, `npclu` and its neighbours
    // typed the bullets below as columns.
    const text = ["Aol ylzvscly jhu aoyvd aol mvssvdpun lyyvyz:", "", "* _Puchspk Tvkbsl Zwljpmply_: Tvkbsl zwljpmply pz hu puchspk BYS, whjrhnl uhtl", "  vy whjrhnl zbiwhao zwljpmply.", "* _Puchspk Whjrhnl Jvumpnbyhapvu_: whjrhnl.qzvu jvumpnbyhapvu pz puchspk vy", "  jvuahpuz hu puchspk jvumpnbyhapvu.", "* _Puchspk Whjrhnl Ahynla_: Whjrhnl lewvyaz vy ptwvyaz klmpul h ahynla tvkbsl", "  mvy aol whjrhnl aoha pz hu puchspk afwl vy zaypun ahynla.", "* _Whjrhnl Whao Uva Lewvyalk_: Whjrhnl lewvyaz kv uva klmpul vy wlytpa h ahynla", "  zbiwhao pu aol whjrhnl mvy aol npclu tvkbsl.", "* _Whjrhnl Ptwvya Uva Klmpulk_: Whjrhnl ptwvyaz kv uva klmpul aol zwljpmply.", "* _Tvkbsl Uva Mvbuk_: Aol whjrhnl vy tvkbsl ylxblzalk kvlz uva lepza.", "* _Buzbwwvyalk Kpyljavyf Ptwvya_: Aol ylzvsclk whao jvyylzwvukz av h kpyljavyf,", "  dopjo pz uva h zbwwvyalk ahynla mvy tvkbsl ptwvyaz."].join('\n');
    const keys = typed(text, 'text/markdown').map(([key]) => key);
    assert.ok(keys.length > 0 && keys.every((k) => k.endsWith('_')), keys.join(', '));
  });

  it("reads a staff element's attributes as the workforce's, not the document's structure (root, extension, code)", () => {
    const text = ['<Performer><Name>Zorblatt Reference Laboratories</Name>',
      `  <ClientServices phone="1-877-555-0150" fax="${MRN1}" email="${EMAIL}"/>`, '  <id root="2.16.840.1" extension="ZZ1790845512"/>', '</Performer>'].join('\n');
    const staff = findTableValues(text, 'stream').filter((v) => v.staff).map((v) => [v.key, text.slice(v.start, v.end)]);
    assert.deepEqual(staff, [['name', 'Zorblatt Reference Laboratories'], ['phone', '1-877-555-0150'], ['fax', MRN1], ['email', EMAIL]]);
  });

  it("reads a NEMSIS patient care report's numbered elements by the keys that type them", () => {
    const text = ['<PatientCareReport>', `  <eRecord><eRecord.01>${MRN1}</eRecord.01><eRecord.04>2024.3.1</eRecord.04></eRecord>`,
      '  <eTimes><eTimes.03>1900-11-16T06:12:44-06:00</eTimes.03></eTimes>',
      `  <ePatient><ePatient.02>${FIRST}</ePatient.02><ePatient.17>${DOB1}</ePatient.17></ePatient>`, '</PatientCareReport>'].join('\n');
    assert.deepEqual(typed(text), [['pcr_number', MRN1], ['eRecord.04', '2024.3.1'], ['event_time', '1900-11-16T06:12:44-06:00'],
      ['last_name', FIRST], ['birth_date', DOB1]]);
  });

  it("marks the values of an XML element of staff or an organisation as the workforce's, and a C-CDA name's parts as a name", () => {
    const text = [`<Patient><Name><LastName>${FULL}</LastName></Name></Patient>`,
      `<Prescriber><Name><LastName>${FIRST}</LastName></Name><telecom value="tel:${MRN1}"/></Prescriber>`,
      `<informationRecipient><name><given>${FIRST}</given></name></informationRecipient><Note>x</Note>`].join('\n');
    assert.deepEqual(findTableValues(text, 'stream').map((v) => [v.key, text.slice(v.start, v.end), v.staff === true]), [
      // The attribute as written is read by the readers of `key="value"` pairs too.
      ['LastName', FULL, false], ['LastName', FIRST, true], ['value', `tel:${MRN1}`, false], ['phone', MRN1, true], ['name', FIRST, true], ['Note', 'x', false]]);
  });

  it("reads each object of a dict or JSON print as one record, a patient's or contact's object as part of the record around it", () => {
    const text = [
      '[{"visit_id": "TV-0001", "patient": {"mrn": "ZZ0879015", "name": "Harold Zorblatt"}, "client_ip": "10.0.0.1"},',
      ' {"vendor": "Zzyzx Home Infusion", "contact": {"name": "Gretchen Zorblatt", "role": "Nurse Manager"}}]',
    ].join('\n');
    const records = new Map<string, number>(findTableValues(text, 'stream').map((v) => [v.key + ':' + text.slice(v.start, v.end), v.table]));
    const at = (key: string): number => [...records].find(([k]) => k.startsWith(`${key}:`))?.[1] ?? -1;
    assert.ok(at('visit_id') > 0);
    assert.equal(at('mrn'), at('visit_id'), "the patient's object joins the visit's record");
    assert.equal(at('client_ip'), at('visit_id'));
    assert.ok(at('vendor') > 0 && at('vendor') !== at('visit_id'));
    assert.equal(at('role'), [...records].find(([k]) => k === 'name:Gretchen Zorblatt')?.[1], "the contact's name and role share a record");
    assert.equal(at('role'), at('vendor'), "the vendor's contact joins the vendor's record");
    const lists = '{"referral_partners": [{"org": "Zzyzx Food Bank", "contacts": [{"name": "Itzel Zorblatt"}, {"name": "Ka Zorblatt"}]}, {"org": "Zzyzx DSS"}]}';
    const values = findTableValues(lists, 'stream').map((v) => [v.key, v.table]);
    assert.deepEqual(values.map(([key]) => key), ['org', 'name', 'name', 'org']);
    assert.equal(values[1][1], values[0][1], "a list of contacts joins its organisation's record");
    assert.equal(values[2][1], values[0][1]);
    assert.notEqual(values[3][1], values[0][1], 'the next organisation is a record of its own');
  });

  it("ends a spaced value before the next pair, and reads a bracketed area code and an address's commas as part of a value", () => {
    const text = 'INFO needed: Harold Zorblatt dob=1900-01-02 phone: (555) 555-0100\nsite_address: 715 S Zzyzx Ave, Okanogan, WA 98840';
    assert.deepEqual(findTableValues(text, 'stream').map((v) => [v.key, text.slice(v.start, v.end)]), [
      ['needed', 'Harold Zorblatt'], ['dob', '1900-01-02'], ['phone', '(555) 555-0100'], ['site_address', '715 S Zzyzx Ave, Okanogan, WA 98840'],
    ]);
  });

  it("reads a block of lower-case key: value lines as one record, and a mail's headers each as its own", () => {
    const tables = (text: string): number[] => findTableValues(text, 'stream').map((v) => v.table);
    const [mrn, name, phone] = tables('mrn: ZZ0879015\nname: Harold Zorblatt\nphone: 555-555-0100');
    assert.ok(mrn > 0 && name === mrn && phone === mrn);
    const [from, to] = tables('From: Zzyzx Navigation <nav@zzyzx.example.org>\nTo: harold.zorblatt@zzyzx-mail.example');
    assert.notEqual(from, to);
    const [lowerFrom, lowerTo] = tables('from: nav@zzyzx.example.org\nto: harold.zorblatt@zzyzx-mail.example');
    assert.notEqual(lowerFrom, lowerTo);
  });

  it("reads a note in brackets inside a value, and leaves a number under a form's capitalised label to the prose around it", () => {
    const text = 'vendor: Zzyzx Safe (test strips)\nFax:       (555) 555-0144';
    assert.deepEqual(findTableValues(text, 'stream').map((v) => [v.key, text.slice(v.start, v.end)]), [['vendor', 'Zzyzx Safe (test strips)']]);
  });

  it("reads a YAML block as YAML nests it: list items are records, a contact's mapping joins the item around it", () => {
    const text = [
      'suppliers:', '  - vendor: Zzyzx Biosolutions', '    account_no: ZZ-00417', '    contact:', '      name: Ann Zorblatt', '      phone: 555-555-0163',
      '    items:', '      - ndc11: 00000-0000-00', '  - vendor: Zorblatt Alliance', '    contact: {name: Quill Zorblatt, phone: 555-555-0147}',
    ].join('\n');
    const values = findTableValues(text, 'stream');
    const at = (value: string): { table: number; joined: boolean } => {
      const v = values.find((x) => text.slice(x.start, x.end) === value);
      assert.ok(v, value);
      return { table: v.table, joined: v.joined === true };
    };
    const first = at('Zzyzx Biosolutions').table;
    assert.equal(at('ZZ-00417').table, first);
    assert.deepEqual(at('Ann Zorblatt'), { table: first, joined: true });
    assert.equal(at('555-555-0163').table, first);
    assert.notEqual(at('00000-0000-00').table, first, 'a list of items is records of their own');
    const second = at('Zorblatt Alliance').table;
    assert.notEqual(second, first);
    assert.deepEqual(at('Quill Zorblatt'), { table: second, joined: true });
  });

  it('handles CRLF line ends', () => {
    const text = ['+---+', '|mrn|', '+---+', '|a1b|', '+---+'].join('\r\n') + `\r\nmrn: ${MRN1}\r\n`;
    assert.deepEqual(typed(text, 'stream'), [['mrn', 'a1b'], ['mrn', MRN1]]);
  });

  it('keeps the number of values bounded', () => {
    const text = grow('mrn: 1\n', (MAX_TABLE_VALUES + 10) * 7);
    assert.equal(findTableValues(text, 'stream').length, MAX_TABLE_VALUES);
  });

  it('never throws and only reports spans inside the text on random markup', () => {
    const pieces = ['|', '+', '-', '<', '>', '/', 'td', 'th', 'tr', 'table', '\n', ' ', '  ', "'", '"', '\\', ':', '=', 'Row(', '(', ')', '[', ']', '{', '}', ',', 'mrn', 'x', '1', '...', '-RECORD', 'Name: a, dtype: b'];
    for (const text of randomInputs(pieces, 3000)) {
      for (const mime of ['text/html', 'stream']) {
        for (const v of findTableValues(text, mime)) {
          assert.ok(v.key.length > 0 && v.start >= 0 && v.start < v.end && v.end <= text.length);
        }
      }
    }
  });

  describe('linear work on adversarial outputs', () => {
    const MB = 1 << 20;
    const inputs: readonly [string, string, (size: number) => string][] = [
      ['a long line of pipes', 'stream', (n) => grow('|', n)],
      ['grid rows of pipes', 'stream', (n) => `+-+-+\n|a|b|\n+-+-+\n${grow('|||||||||\n', n)}`],
      ['<td> never closed', 'text/html', (n) => `<table><tr><th>a</th></tr><tr>${grow('<td>x', n)}`],
      ['< never closed', 'text/html', (n) => grow('<td', n)],
      ['script never closed', 'text/html', (n) => `<table>${grow('<script>', n)}`],
      ['unclosed quotes with escapes', 'stream', (n) => grow("'\\'\\'\"\\\"", n)],
      ['nested Rows', 'stream', (n) => grow("Row(a='Row(a=", n)],
      ['deep brackets', 'stream', (n) => grow('{[(', n)],
      ['separators without keys', 'stream', (n) => grow('a=b=c:d:', n)],
      ['Series footers and vertical records', 'stream', (n) => grow('Name: x\n-RECORD 0\nx  y\n', n)],
      ['pandas-like header over long rows', 'stream', (n) => `   a  b\n${grow('0  1  2 ', n)}`],
      ['many short indented lines', 'stream', (n) => grow(' a b\nc d\n', n)],
      ['fixed-width headers and rows, alternating', 'stream', (n) => grow('mrn  dob  zip\n1    2    3\nmrn  dob  zip  x\n', n)],
      ['one fixed-width header over one long row', 'stream', (n) => `mrn  dob  zip\n${grow('1  ', n)}`],
      ['one wide header of names one space apart over many short rows', 'stream', (n) => `${grow('a_b ', n / 2)}\n${grow('1 2 3 4\n', n / 2)}`],
      ['headers of names one space apart, alternating with rows', 'stream', (n) => grow('a_b c_d e_f g_h i_j\n1   2   3   4   5\n', n)],
      ['a FHIR Patient of endless systems, values and lists', 'text/plain', (n) => `{"resourceType": "Patient", ${grow('"system": "ssn", "value": "1", "given": ["a", "b", {"line": [', n)}`],
    ];
    for (const [title, mime, make] of inputs) {
      it(title, () => {
        const small = make(MB);
        const large = make(2 * MB);
        const w1 = countStringWork(() => findTableValues(small, mime));
        const w2 = countStringWork(() => findTableValues(large, mime));
        assert.ok(w2 / w1 < 2.6, `work grew ${(w2 / w1).toFixed(2)}x for 2x input`);
      });
    }
  });
});
