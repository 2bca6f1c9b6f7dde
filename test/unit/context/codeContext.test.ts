import { strict as assert } from 'node:assert';
import { findKeyedLiterals, organisationCollections } from '../../../server/src/engine/context/codeContext';
import { namesOrganisationCollection } from '../../../server/src/engine/detectors/keyed';
import { TokenList } from '../../../server/src/engine/lexers/chars';
import type { KeyedLiteral } from '../../../server/src/engine/context/types';
import { lexerFor } from '../../../server/src/engine/lexers';
import type { Language } from '../../../server/src/engine/model';
import { countStringWork, grow, randomInputs } from './workCounter';

/** Obviously synthetic values, built in code. */
const V = {
  mrn: ['9', '0'.repeat(6), '1'].join(''),
  mrn2: ['9', '0'.repeat(6), '2'].join(''),
  ssn: ['900', '00', '0001'].join('-'),
  name: 'Testname',
  last: 'Zzexample',
  dob: ['1900', '01', '02'].join('-'),
  dob2: ['1900', '12', '31'].join('-'),
  email: `synthetic.person@${'example'}.invalid`,
};

interface Seen { key: string; relation: KeyedLiteral['relation']; value: string }

function keyed(language: Language, text: string): Seen[] {
  const lexer = lexerFor(language);
  if (!lexer) throw new Error(`no lexer for ${language}`);
  return findKeyedLiterals(language, text, lexer(text)).map((k) => ({ key: k.key, relation: k.relation, value: text.slice(k.start, k.end) }));
}

type Case = readonly [title: string, language: Language, source: string, expected: readonly Seen[]];
const e = (key: string, relation: KeyedLiteral['relation'], value: string): Seen => ({ key, relation, value });

const POSITIVE: readonly Case[] = [
  // SQL
  ['sql equals', 'sql', `SELECT * FROM p WHERE mrn = '${V.mrn}'`, [e('mrn', 'equals', V.mrn)]],
  ['sql qualified column', 'sql', `SELECT 1 FROM p WHERE p.last_name = '${V.last}'`, [e('last_name', 'equals', V.last)]],
  ['sql backtick column', 'sql', `SELECT 1 FROM p WHERE \`first name\` = '${V.name}'`, [e('first name', 'equals', V.name)]],
  ['sql function wrapper', 'sql', `SELECT 1 FROM p WHERE upper(last_name) = '${V.last}'`, [e('last_name', 'equals', V.last)]],
  ['sql nested wrappers', 'sql', `SELECT 1 FROM p WHERE lower(trim(p.email)) = '${V.email}'`, [e('email', 'equals', V.email)]],
  ['sql reversed', 'sql', `SELECT 1 FROM p WHERE '${V.mrn}' = mrn`, [e('mrn', 'equals', V.mrn)]],
  ['sql in list', 'sql', `SELECT 1 FROM p WHERE mrn IN ('${V.mrn}', '${V.mrn2}')`, [e('mrn', 'in-list', V.mrn), e('mrn', 'in-list', V.mrn2)]],
  ['sql not in', 'sql', `SELECT 1 FROM p WHERE p.mrn NOT IN ('${V.mrn}')`, [e('mrn', 'in-list', V.mrn)]],
  ['sql between', 'sql', `SELECT 1 FROM p WHERE dob BETWEEN '${V.dob}' AND '${V.dob2}' AND x = 1`, [e('dob', 'bound', V.dob), e('dob', 'bound', V.dob2), e('x', 'equals', '1')]],
  ['sql bounds', 'sql', `SELECT 1 FROM p WHERE dob >= '${V.dob}' AND dob < '${V.dob2}'`, [e('dob', 'bound', V.dob), e('dob', 'bound', V.dob2)]],
  ['sql like', 'sql', `SELECT 1 FROM p WHERE last_name LIKE '${V.last}%' OR email NOT ILIKE '${V.email}'`, [e('last_name', 'like', `${V.last}%`), e('email', 'like', V.email)]],
  ['sql not equals', 'sql', `SELECT 1 FROM p WHERE ssn != '${V.ssn}' AND mrn <> '${V.mrn}'`, [e('ssn', 'not-equals', V.ssn), e('mrn', 'not-equals', V.mrn)]],
  ['sql null-safe equals', 'sql', `SELECT 1 FROM p WHERE ssn <=> '${V.ssn}' OR ssn == '${V.ssn}'`, [e('ssn', 'equals', V.ssn), e('ssn', 'equals', V.ssn)]],
  ['sql case when', 'sql', `SELECT CASE WHEN ssn = '${V.ssn}' THEN 'flagged' ELSE 'ok' END AS flag FROM p`, [e('ssn', 'equals', V.ssn)]],
  ['sql number literal', 'sql', `SELECT 1 FROM p WHERE mrn = ${V.mrn}`, [e('mrn', 'equals', V.mrn)]],
  ['sql typed literal', 'sql', `SELECT 1 FROM p WHERE birth_date = DATE '${V.dob}'`, [e('birth_date', 'equals', V.dob)]],
  ['sql cast column', 'sql', `SELECT 1 FROM p WHERE CAST(dob AS STRING) = '${V.dob}' AND d::date = '${V.dob2}'`, [e('dob', 'equals', V.dob), e('d', 'equals', V.dob2)]],
  ['sql insert values', 'sql', `INSERT INTO main.gold.p (mrn, first_name, dob) VALUES ('${V.mrn}', '${V.name}', DATE '${V.dob}'), ('${V.mrn2}', NULL, '${V.dob2}')`,
    [e('mrn', 'assign', V.mrn), e('first_name', 'assign', V.name), e('dob', 'assign', V.dob), e('mrn', 'assign', V.mrn2), e('dob', 'assign', V.dob2)]],
  ['sql inline table named by its alias', 'sql', `SELECT * FROM VALUES ('${V.mrn}', '${V.name}'), ('${V.mrn2}', NULL) AS t(mrn, first_name)`,
    [e('mrn', 'assign', V.mrn), e('first_name', 'assign', V.name), e('mrn', 'assign', V.mrn2)]],
  ['sql inline table in brackets, alias without AS', 'sql', `SELECT * FROM (VALUES ('${V.mrn}', DATE '${V.dob}')) p(mrn, dob)`,
    [e('mrn', 'assign', V.mrn), e('dob', 'assign', V.dob)]],
  ['sql CTE naming its columns before its rows', 'sql', `WITH t(mrn, dob) AS (\n  VALUES\n    ('${V.mrn}', '${V.dob}'),\n    ('${V.mrn2}', NULL)\n) SELECT * FROM t`,
    [e('mrn', 'assign', V.mrn), e('dob', 'assign', V.dob), e('mrn', 'assign', V.mrn2)]],
  ['an R widget whose default is a value', 'r', `dbutils.widgets.text("mrn", "${V.mrn}")`, [e('mrn', 'assign', V.mrn)]],
  ['sql update set', 'sql', `UPDATE p SET last_name = '${V.last}', phone = '555' WHERE mrn = '${V.mrn}'`, [e('last_name', 'assign', V.last), e('phone', 'assign', '555'), e('mrn', 'equals', V.mrn)]],
  ['sql session variable', 'sql', `SET VAR target_mrn = '${V.mrn}'`, [e('target_mrn', 'assign', V.mrn)]],
  ['sql literal alias', 'sql', `SELECT '${V.ssn}' AS ssn, 1 AS n`, [e('ssn', 'assign', V.ssn), e('n', 'assign', '1')]],
  ['sql keyword-named column', 'sql', `SELECT 1 FROM p WHERE name = '${V.name}'`, [e('name', 'equals', V.name)]],
  // Python / PySpark / pandas
  ['F.col equals', 'python', `df.filter(F.col("mrn") == "${V.mrn}")`, [e('mrn', 'equals', V.mrn)]],
  ['col equals', 'python', `df.where(col("mrn") == "${V.mrn}")`, [e('mrn', 'equals', V.mrn)]],
  ['df index equals', 'python', `df[df["mrn"] == "${V.mrn}"]`, [e('mrn', 'equals', V.mrn)]],
  ['df attribute equals', 'python', `df[df.mrn == "${V.mrn}"]`, [e('mrn', 'equals', V.mrn)]],
  ['loc filter', 'python', `df.loc[df["ssn"] == '${V.ssn}']`, [e('ssn', 'equals', V.ssn)]],
  ['isin args', 'python', `df.filter(F.col("mrn").isin("${V.mrn}", "${V.mrn2}"))`, [e('mrn', 'in-list', V.mrn), e('mrn', 'in-list', V.mrn2)]],
  ['isin list', 'python', `df[df["mrn"].isin(["${V.mrn}", "${V.mrn2}"])]`, [e('mrn', 'in-list', V.mrn), e('mrn', 'in-list', V.mrn2)]],
  ['bound', 'python', `df.filter(F.col("dob") >= "${V.dob}")`, [e('dob', 'bound', V.dob)]],
  ['lit wrapper', 'python', `df.filter(col("mrn") == lit("${V.mrn}"))`, [e('mrn', 'equals', V.mrn)]],
  ['F.lit wrapper', 'python', `df.filter(F.col("mrn") == F.lit("${V.mrn}"))`, [e('mrn', 'equals', V.mrn)]],
  ['when', 'python', `F.when(F.col("ssn") == "${V.ssn}", 1).otherwise(0)`, [e('ssn', 'equals', V.ssn)]],
  ['assignment', 'python', `patient_dob = "${V.dob}"`, [e('patient_dob', 'assign', V.dob)]],
  ['annotated assignment', 'python', `mrn: str = "${V.mrn}"`, [e('mrn', 'assign', V.mrn)]],
  ['attribute assignment', 'python', `self.mrn = "${V.mrn}"\nMRN = "${V.mrn2}"`, [e('mrn', 'assign', V.mrn), e('MRN', 'assign', V.mrn2)]],
  ['Row kwargs', 'python', `Row(first_name="${V.name}", dob="${V.dob}")`, [e('first_name', 'assign', V.name), e('dob', 'assign', V.dob)]],
  ['dict kwargs', 'python', `dict(ssn="${V.ssn}")`, [e('ssn', 'assign', V.ssn)]],
  ['function kwargs', 'python', `lookup(member_id="${V.mrn}")`, [e('member_id', 'assign', V.mrn)]],
  ['dict literal', 'python', `{"member_id": "${V.mrn}", 'dob': '${V.dob}'}`, [e('member_id', 'assign', V.mrn), e('dob', 'assign', V.dob)]],
  ['fillna dict', 'python', `df.fillna({"ssn": "${V.ssn}"})`, [e('ssn', 'assign', V.ssn)]],
  ['dict of lists', 'python', `pd.DataFrame({"mrn": ["${V.mrn}", "${V.mrn2}"]})`, [e('mrn', 'assign', V.mrn), e('mrn', 'assign', V.mrn2)]],
  ['withColumn', 'python', `df.withColumn("mrn", lit("${V.mrn}"))`, [e('mrn', 'assign', V.mrn)]],
  ['widget default', 'python', `dbutils.widgets.text("mrn", "${V.mrn}", "MRN")`, [e('mrn', 'assign', V.mrn)]],
  ['widget dropdown default', 'python', `dbutils.widgets.dropdown("ssn", "${V.ssn}", ["${V.ssn}"])`, [e('ssn', 'assign', V.ssn)]],
  ['widget keyword default', 'python', `dbutils.widgets.text(name="mrn", defaultValue="${V.mrn}")`, [e('mrn', 'assign', V.mrn)]],
  ['SQL widget default', 'sql', `CREATE WIDGET TEXT mrn DEFAULT '${V.mrn}';`, [e('mrn', 'assign', V.mrn)]],
  ['python in', 'python', `if mrn in ("${V.mrn}", "${V.mrn2}"):\n    pass`, [e('mrn', 'in-list', V.mrn), e('mrn', 'in-list', V.mrn2)]],
  ['reversed python', 'python', `df[ "${V.mrn}" == df.mrn ]`, [e('mrn', 'equals', V.mrn)]],
  ['column assignment', 'python', `df["ssn"] = "${V.ssn}"`, [e('ssn', 'assign', V.ssn)]],
  ['cast receiver', 'python', `df.filter(F.col("dob").cast("string") == "${V.dob}")`, [e('dob', 'equals', V.dob)]],
  ['str accessor', 'python', `df[df.last_name.str.upper() == "${V.last}"]`, [e('last_name', 'equals', V.last)]],
  ['alias', 'python', `df.select(F.lit("${V.ssn}").alias("ssn"))`, [e('ssn', 'assign', V.ssn)]],
  ['comparison method', 'python', `df.filter(F.col("last_name").like("${V.last}%"))`, [e('last_name', 'like', `${V.last}%`)]],
  ['between method', 'python', `df.filter(F.col("dob").between("${V.dob}", "${V.dob2}"))`, [e('dob', 'bound', V.dob), e('dob', 'bound', V.dob2)]],
  ['createDataFrame inline rows', 'python', `spark.createDataFrame([("${V.mrn}", "${V.name}"), ("${V.mrn2}", None)], ["mrn", "first_name"])`,
    [e('mrn', 'assign', V.mrn), e('first_name', 'assign', V.name), e('mrn', 'assign', V.mrn2)]],
  ['createDataFrame from a named list and a DDL schema', 'python', `rows = [("${V.ssn}", "${V.dob}")]\ndf = spark.createDataFrame(rows, schema="ssn STRING, dob STRING")`,
    [e('ssn', 'assign', V.ssn), e('dob', 'assign', V.dob)]],
  ['Scala rows named by a later toDF', 'scala', `val df = Seq(("${V.mrn}", "${V.dob}"), ("${V.mrn2}", "${V.dob2}")).toDF("mrn", "dob")`,
    [e('mrn', 'assign', V.mrn), e('dob', 'assign', V.dob), e('mrn', 'assign', V.mrn2), e('dob', 'assign', V.dob2)]],
  ['PySpark rows named by a later toDF', 'python', `df = spark.createDataFrame([("${V.ssn}", "${V.dob}")]).toDF("ssn", "dob")`,
    [e('ssn', 'assign', V.ssn), e('dob', 'assign', V.dob)]],
  ['rows of a Scala case class, typed by its fields', 'scala',
    `case class Pt(mrn: String, val dob: Option[String] = None)\nval rows = Seq(Pt("${V.mrn}", Some("${V.dob}")), Pt("${V.mrn2}", "${V.dob2}"))`,
    [e('mrn', 'assign', V.mrn), e('mrn', 'assign', V.mrn2), e('dob', 'assign', V.dob2)]],
  ['rows of a PySpark Row factory and a namedtuple, typed by their fields', 'python',
    `Pt = Row("mrn", "dob")\nrows = [Pt("${V.mrn}", "${V.dob}")]\nP2 = namedtuple("P2", "ssn last_name")\nP2("${V.ssn}", "${V.last}")`,
    [e('mrn', 'assign', V.mrn), e('dob', 'assign', V.dob), e('ssn', 'assign', V.ssn), e('last_name', 'assign', V.last)]],
  ["R's rep() of a value and a list inside a value wrapper are the column's", 'r',
    `df <- data.frame(mrn = c(rep("${V.mrn}", 2), "${V.mrn2}"), dob = as.Date(c("${V.dob}", "${V.dob2}")))`,
    [e('mrn', 'assign', V.mrn), e('mrn', 'assign', V.mrn2), e('dob', 'assign', V.dob), e('dob', 'assign', V.dob2)]],
  ['a call of no declared record type keys nothing', 'scala', `val h = Hospital("${V.mrn}", "${V.name}")`, []],
  ['pandas to_datetime wraps a value', 'python', `df[df["dob"] == pd.to_datetime("${V.dob}")]`, [e('dob', 'equals', V.dob)]],
  ['pandas DataFrame with columns', 'python', `pd.DataFrame([["${V.mrn}", "${V.last}"]], columns=["mrn", "last_name"])`,
    [e('mrn', 'assign', V.mrn), e('last_name', 'assign', V.last)]],
  ['flat list assignment', 'python', `mrns = ["${V.mrn}", "${V.mrn2}"]`, [e('mrns', 'assign', V.mrn), e('mrns', 'assign', V.mrn2)]],
  // Scala
  ['scala $ column', 'scala', `df.filter($"ssn" === "${V.ssn}")`, [e('ssn', 'equals', V.ssn)]],
  ['scala col', 'scala', `df.filter(col("ssn") === "${V.ssn}")`, [e('ssn', 'equals', V.ssn)]],
  ['scala df apply', 'scala', `df.filter(df("ssn") === "${V.ssn}")`, [e('ssn', 'equals', V.ssn)]],
  ['scala not equals', 'scala', `df.filter($"ssn" =!= "${V.ssn}")`, [e('ssn', 'not-equals', V.ssn)]],
  ['scala isin', 'scala', `df.filter($"mrn".isin("${V.mrn}", "${V.mrn2}"))`, [e('mrn', 'in-list', V.mrn), e('mrn', 'in-list', V.mrn2)]],
  ['scala val', 'scala', `val patientDob = "${V.dob}"\nval mrn: String = "${V.mrn}"`, [e('patientDob', 'assign', V.dob), e('mrn', 'assign', V.mrn)]],
  ['scala map', 'scala', `val m = Map("mrn" -> "${V.mrn}")`, [e('mrn', 'assign', V.mrn)]],
  // R
  ['r dollar', 'r', `patients[patients$birth_date == "${V.dob}", ]`, [e('birth_date', 'equals', V.dob)]],
  ['r df filter', 'r', `df[df$mrn == "${V.mrn}", ]`, [e('mrn', 'equals', V.mrn)]],
  ['r dplyr filter', 'r', `filter(df, mrn == "${V.mrn}")`, [e('mrn', 'equals', V.mrn)]],
  ['r in list', 'r', `df %>% filter(mrn %in% c("${V.mrn}", "${V.mrn2}"))`, [e('mrn', 'in-list', V.mrn), e('mrn', 'in-list', V.mrn2)]],
  ['r assignments', 'r', `ssn <- "${V.ssn}"\n"${V.dob}" -> dob\nmrn = "${V.mrn}"`, [e('ssn', 'assign', V.ssn), e('dob', 'assign', V.dob), e('mrn', 'assign', V.mrn)]],
  ['r named list', 'r', `x <- list(ssn = "${V.ssn}")\ny <- data.frame(first_name = "${V.name}")`, [e('ssn', 'assign', V.ssn), e('first_name', 'assign', V.name)]],
  ['r date wrapper', 'r', `df[df$dob == as.Date("${V.dob}"), ]`, [e('dob', 'equals', V.dob)]],
  ['r bound', 'r', `df[df$dob > "${V.dob}", ]`, [e('dob', 'bound', V.dob)]],
  // Dates built from numbers: the call is the value.
  ['python date calls under keywords, assignments and row columns', 'python',
    `r = Ref(dob=datetime.date(1900, 1, 2))\nbirth_date = dt.date(1900, 12, 31)\nspark.createDataFrame([("${V.mrn}", date(1900, 1, 2))], ["mrn", "dob"])`,
    [e('dob', 'assign', 'datetime.date(1900, 1, 2)'), e('birth_date', 'assign', 'dt.date(1900, 12, 31)'), e('mrn', 'assign', V.mrn), e('dob', 'assign', 'date(1900, 1, 2)')]],
  ['sql make_date', 'sql', `SELECT 1 FROM p WHERE dob = make_date(1900, 1, 2)`, [e('dob', 'equals', 'make_date(1900, 1, 2)')]],
  ['scala LocalDate.of', 'scala', `val dob = LocalDate.of(1900, 1, 2)`, [e('dob', 'assign', 'LocalDate.of(1900, 1, 2)')]],
  ['r ISOdate', 'r', `dob <- ISOdate(1900, 1, 2)`, [e('dob', 'assign', 'ISOdate(1900, 1, 2)')]],
];

const NEGATIVE: readonly Case[] = [
  ['print and log strings', 'python', `print("${V.ssn}")\nlogger.info("${V.mrn}")`, []],
  ['column name arguments', 'python', `df.select(F.col("mrn"), col("ssn"), df["dob"])`, []],
  ['dict keys', 'python', `d = {"mrn": x, "ssn": y}`, []],
  ['widget name only', 'python', `dbutils.widgets.text("mrn", "")\nmrn = dbutils.widgets.get("mrn")`, []],
  ['a column default in SQL DDL', 'sql', `CREATE TABLE t (mrn STRING DEFAULT 'n/a')`, []],
  ['environment and conf', 'python', `os.environ["MRN"] = "${V.mrn}"\nspark.conf.set("mrn", "${V.mrn}")`, []],
  ['comments skipped', 'python', `# mrn = "${V.mrn}"\nx = 1`, [e('x', 'assign', '1')]],
  ['interpolated strings', 'python', `mrn = f"{prefix}${V.mrn}"`, []],
  ['scala column reference', 'scala', `df.select($"ssn", col("mrn"))`, []],
  ['sql string-to-string', 'sql', `SELECT 1 WHERE 'a' = 'b'`, []],
  ['sql parameters', 'sql', `SELECT 1 FROM p WHERE mrn = :mrn AND ssn = ?`, []],
  ['sql insert without columns', 'sql', `INSERT INTO p VALUES ('${V.mrn}')`, []],
  ['sql inline table without an alias', 'sql', `SELECT * FROM VALUES ('${V.mrn}'), ('${V.mrn2}');\nSELECT 1 AS n`, [e('n', 'assign', '1')]],
  ['sql tblproperties', 'sql', `ALTER TABLE p SET TBLPROPERTIES ('delta.x' = 'true')`, []],
  ['PySpark functions take column names', 'python', `df.withColumn("dob", F.to_date("dob", "yyyy-MM-dd"))`, []],
  ['rows without columns', 'python', `rows = [("${V.mrn}", "${V.name}")]`, []],
  ['python single-line if', 'python', `if flag: label = "${V.name}"`, [e('label', 'assign', V.name)]],
  ['calls that are no date of a year and numbers are no values', 'python',
    `a = date(24, 1, 2)\nb = of(1900, 1, 2)\nc = date(1900, x, 2)\nd = date(1900, 1)`, []],
  ['annotated parameter is not the keyword', 'python', `def f(a: int, mrn="${V.mrn}"):\n    pass`, [e('mrn', 'assign', V.mrn)]],
];

describe('context: keyed literals in code', () => {
  for (const [title, language, source, expected] of [...POSITIVE, ...NEGATIVE]) {
    it(`${language}: ${title}`, () => {
      assert.deepEqual(keyed(language, source), expected);
    });
  }

  it('offsets are into the text that was lexed', () => {
    const text = `x = 1\nWHERE_ignored = 2\nmrn = "${V.mrn}"`;
    const lexer = lexerFor('python');
    assert.ok(lexer);
    const found = findKeyedLiterals('python', text, lexer(text)).find((k) => k.key === 'mrn');
    assert.ok(found);
    assert.equal(found.start, text.indexOf(V.mrn));
    assert.equal(found.end, text.indexOf(V.mrn) + V.mrn.length);
  });

  it('keys the elements of a set or list wrapped in a collection call by the name it is assigned to, and not a tuple row', () => {
    const text = `EXCLUDE_MRNS = frozenset({\n    "${V.mrn}",\n})\nids = set(["${V.mrn2}"])\nrows = Seq(("${V.mrn}",)).toDF("mrn")`;
    const lexer = lexerFor('python');
    assert.ok(lexer);
    assert.deepEqual(findKeyedLiterals('python', text, lexer(text)).map((k) => [k.key, k.table]), [['EXCLUDE_MRNS', 0], ['ids', 0], ['mrn', 1]]);
  });

  it('numbers a list of two or more dicts as one table, and leaves a lone dict and a list mixing dicts and values out', () => {
    const text = [
      `rows = [{"mrn": "${V.mrn}", "name": "${V.name}"}, {"mrn": "${V.mrn2}", "name": "x"},]`,
      `one = [{"mrn": "${V.mrn}"}]`,
      `mixed = [{"mrn": "${V.mrn}"}, "${V.mrn2}"]`,
    ].join('\n');
    const lexer = lexerFor('python');
    assert.ok(lexer);
    assert.deepEqual(findKeyedLiterals('python', text, lexer(text)).map((k) => [k.key, k.table]), [['mrn', 1], ['name', 1], ['mrn', 1], ['name', 1], ['mrn', 0], ['mixed', 0], ['mrn', 0]]);
  });

  it('numbers the tables of rows written as code (a DataFrame of rows, an INSERT), and no other literal', () => {
    const text = [
      `a = spark.createDataFrame([("${V.mrn}", "${V.name}"), ("${V.mrn2}", "x")], ["mrn", "first_name"])`,
      `b = pd.DataFrame([["${V.ssn}"]], columns=["ssn"])`,
      `mrn = "${V.mrn}"`,
    ].join('\n');
    const lexer = lexerFor('python');
    assert.ok(lexer);
    assert.deepEqual(findKeyedLiterals('python', text, lexer(text)).map((k) => [k.key, k.table]), [['mrn', 1], ['first_name', 1], ['mrn', 1], ['first_name', 1], ['ssn', 2], ['mrn', 0]]);
    const sql = `INSERT INTO p (mrn, first_name) VALUES ('${V.mrn}', '${V.name}'), ('${V.mrn2}', 'x');\nSELECT 1 FROM p WHERE mrn = '${V.mrn}'`;
    const sqlLexer = lexerFor('sql');
    assert.ok(sqlLexer);
    assert.deepEqual(findKeyedLiterals('sql', sql, sqlLexer(sql)).map((k) => k.table), [1, 1, 1, 1, 0]);
    const inline = `SELECT * FROM VALUES ('${V.mrn}', '${V.name}') AS t(mrn, first_name);\nSELECT 1 FROM p WHERE mrn = '${V.mrn}'`;
    assert.deepEqual(findKeyedLiterals('sql', inline, sqlLexer(inline)).map((k) => k.table), [1, 1, 0]);
  });

  it("reads R's tribble row by row, its columns named by the ~ formulas, as one table", () => {
    const r = `pts <- tribble(\n  ~mrn, ~dob, ~"last name",\n  "${V.mrn}", as.Date("${V.dob}"), "${V.last}",\n  "${V.mrn2}", ISOdate(1900, 12, 31), paste0("x", "y")\n)\nids <- c("${V.mrn}")`;
    const rLexer = lexerFor('r');
    assert.ok(rLexer);
    assert.deepEqual(findKeyedLiterals('r', r, rLexer(r)).map((k) => [k.key, r.slice(k.start, k.end), k.table]), [
      ['mrn', V.mrn, 1], ['dob', V.dob, 1], ['last name', V.last, 1], ['mrn', V.mrn2, 1], ['dob', 'ISOdate(1900, 12, 31)', 1], ['ids', V.mrn, 0],
    ]);
  });

  it('numbers a table built from its columns (R data.frame, pandas dict, toDF rows) as one table', () => {
    const r = `pts <- data.frame(mrn = c("${V.mrn}", "${V.mrn2}"), dob = as.Date(c("${V.dob}", "${V.dob2}")))\nids <- c("${V.mrn}")`;
    const rLexer = lexerFor('r');
    assert.ok(rLexer);
    assert.deepEqual(findKeyedLiterals('r', r, rLexer(r)).map((k) => [k.key, k.table]), [['mrn', 1], ['mrn', 1], ['dob', 1], ['dob', 1], ['ids', 0]]);
    const py = `a = pd.DataFrame({"mrn": ["${V.mrn}"], "dob": ["${V.dob}"]})\nb = pd.DataFrame({"ssn": ["${V.ssn}"]})\nc = Seq(("${V.mrn2}",)).toDF("mrn")`;
    const pyLexer = lexerFor('python');
    assert.ok(pyLexer);
    assert.deepEqual(findKeyedLiterals('python', py, pyLexer(py)).map((k) => [k.key, k.table]), [['mrn', 1], ['dob', 1], ['ssn', 2], ['mrn', 3]]);
  });

  it('finds the brackets of collections named for the organisation or keyed by its sites, and no other', () => {
    const text = [
      'ED_SITES = {"A": ("Zzyzx ED", "1 Zorblatt Way")}',
      'val clinicLookup = Map("B" -> "2 Zorblatt Way")',
      'patient_sites = ["3 Zorblatt Way"]',
      'rows = [("4 Zorblatt Way",)]',
      'sites = pd.DataFrame([("5 Zorblatt Way",)])',
      'vendor_api = {"data": [{"street": "6 Zorblatt Way"}]}',
      'patient_api = {"street": "7 Zorblatt Way"}',
      'poc = {"Zorblatt Clinic": {"rep": {"phone": "8"}}, "Zzyzx Center": {"serial": "9"}}',
      'mixed = {"Zorblatt Clinic": {"rep": "10"}, "Ann Zzyzx": {"phone": "11"}}',
      'flat = {"Zorblatt Clinic": "12"}',
      'SITE_LEADS = {"ZZ01": ("Ann Zorblatt", "13")}',
    ].join('\n');
    const lexer = lexerFor('python');
    assert.ok(lexer);
    const lexed = new TokenList();
    for (const t of lexer(text)) lexed.addToken(t);
    const spans = organisationCollections(text, lexed.code, namesOrganisationCollection, (key) => /Clinic|Center/.test(key));
    const covered = [];
    for (let k = 0; k < spans.length; k += 2) covered.push(text.slice(spans[k], spans[k + 1]));
    assert.deepEqual(covered, ['{"A": ("Zzyzx ED", "1 Zorblatt Way")}', '("B" -> "2 Zorblatt Way")', '([("5 Zorblatt Way",)])', '{"data": [{"street": "6 Zorblatt Way"}]}',
      '{"Zorblatt Clinic": {"rep": {"phone": "8"}}, "Zzyzx Center": {"serial": "9"}}', '{"ZZ01": ("Ann Zorblatt", "13")}']);
  });

  it('does nothing for prose languages', () => {
    assert.deepEqual(findKeyedLiterals('markdown', 'mrn = 1', []), []);
  });

  it('never throws and only reports spans inside the text on random code', () => {
    const pieces = ["'", '"', '\n', ' ', '(', ')', '[', ']', '{', '}', ',', ':', '=', '==', '.', '$', '%in%', '<-', '->', 'mrn', '1', 'x',
      'IN', 'in', 'isin', 'c', 'INSERT', 'VALUES', 'BETWEEN', 'AND', 'SET', 'lit', 'createDataFrame', 'widgets', 'text', 'defaultValue', 'as', 'NOT'];
    for (const text of randomInputs(pieces, 1500)) {
      for (const language of ['python', 'sql', 'scala', 'r'] as const) {
        const lexer = lexerFor(language);
        assert.ok(lexer);
        for (const k of findKeyedLiterals(language, text, lexer(text))) {
          assert.ok(k.key.length > 0 && k.start >= 0 && k.start < k.end && k.end <= text.length);
        }
      }
    }
  });

  describe('linear work on adversarial code', () => {
    const KB = 1 << 10;
    const inputs: readonly [string, Language, (size: number) => string][] = [
      ['deep brackets around comparisons', 'python', (n) => `${grow('f((', n / 2)}"a" == "b"${grow('))', n / 2)}`],
      ['unbalanced closers before literals', 'python', (n) => grow(') == "x" ] == "y" ', n)],
      ['chained assignments', 'python', (n) => grow('a = "x" = ', n)],
      ['one long IN list', 'sql', (n) => `SELECT 1 WHERE mrn IN (${grow("'1', ", n)}'2')`],
      ['nested isin calls', 'python', (n) => grow('c.isin(x.isin(', n)],
      ['nested wrappers', 'sql', (n) => `${grow('upper(', n / 2)}x${grow(')', n / 2)} = 'v'`],
      ['long INSERT', 'sql', (n) => `INSERT INTO t (a, b) VALUES ${grow("('1', '2'), ", n)}('3', '4')`],
      ['annotations and keyword arguments', 'python', (n) => grow('f(a: int, b = "x", defaultValue = "y")\n', n)],
      ['R pipes and lists', 'r', (n) => grow('x <- c(a = "1", list(b %in% c("2")))\n', n)],
      ['Scala maps', 'scala', (n) => grow('Map("a" -> "1", $"b" === "2") ', n)],
    ];
    for (const [title, language, make] of inputs) {
      it(title, () => {
        const lexer = lexerFor(language);
        assert.ok(lexer);
        const small = make(256 * KB);
        const large = make(512 * KB);
        const smallTokens = lexer(small);
        const largeTokens = lexer(large);
        const w1 = countStringWork(() => findKeyedLiterals(language, small, smallTokens));
        const w2 = countStringWork(() => findKeyedLiterals(language, large, largeTokens));
        assert.ok(w1 > 0);
        assert.ok(w2 / w1 < 2.6, `work grew ${(w2 / w1).toFixed(2)}x for 2x input`);
      });
    }
  });
});
