/**
 * A synthetic evaluation corpus written the way healthcare data teams write notebooks: seeded identifiers in
 * code, comments, titles, markdown and outputs, each with the category it must be reported as, and clean
 * notebooks dense with look-alikes that must produce no finding at all. Every value is invented here.
 */
import type { Category } from '../../server/src/engine/model';
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, prng } from '../../bench/synthetic.mjs';

export interface SeededFile {
  readonly path: string;
  readonly text: string;
  /** Each seeded value with the category a correct finding carries. */
  readonly seeds: readonly { value: string; category: Category }[];
}

const STREETS = ['Maple Street', 'Oak Avenue', 'Cedar Lane', 'Elm Road', 'Birch Drive', 'Willow Court', 'Harbor Boulevard'];
const CITIES = [['Springfield', 'IL'], ['Riverton', 'WY'], ['Fairview', 'OR'], ['Georgetown', 'TX'], ['Salem', 'MA']];

export function makeCorpus(seed = 20261123): { phi: SeededFile[]; clean: SeededFile[] } {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  const ssn = () => `${int(101, 665)}-${String(int(10, 99))}-${String(int(1001, 9999))}`;
  const phone = () => `(${int(201, 989)}) ${int(201, 989)}-${String(int(1000, 9999))}`;
  const mrn = () => `${int(1, 9)}${digits(7)}`;
  const date = () => `${int(1931, 1999)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const usDate = () => `${int(1, 12)}/${int(1, 28)}/${int(1931, 1999)}`;
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const email = () => `${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}${int(1, 99)}@examplemail.com`;
  const mbiLetters = 'ACDEFGHJKMNPQRTUVWXY';
  const L = () => mbiLetters[int(0, mbiLetters.length - 1)];
  const N = () => String(int(0, 9));
  const mbi = () => `${int(1, 9)}${L()}${L()}${N()}${L()}${L()}${N()}${L()}${L()}${N()}${N()}`;
  const address = () => `${int(10, 9899)} ${pick(STREETS)}`;
  const luhnCard = () => {
    const body = `4${digits(14)}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    const card = body + ((10 - (sum % 10)) % 10);
    return card.replace(/(\d{4})(?=\d)/g, '$1 ');
  };

  const phi: SeededFile[] = [];
  for (let i = 0; i < 12; i++) {
    const seeds: { value: string; category: Category }[] = [];
    const s = <V extends string>(value: V, category: Category): V => { seeds.push({ value, category }); return value; };
    const n1 = name();
    const [city, st] = pick(CITIES);
    const text = `# Databricks notebook source
# DBTITLE 1,Chart review for ${s(n1, 'name')}
from pyspark.sql import functions as F

# COMMAND ----------

# Re-running the readmission check for patient ${s(name(), 'name')} (MRN ${s(mrn(), 'mrn')}) after the duplicate admit
encounters = spark.table("clinical.silver.encounters")
one_patient = encounters.filter(F.col("mrn") == "${s(mrn(), 'mrn')}")
display(one_patient)

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT e.encounter_id, e.admit_date, e.discharge_date
# MAGIC FROM clinical.silver.encounters e
# MAGIC WHERE e.patient_ssn = '${s(ssn(), 'ssn')}'
# MAGIC   AND e.admit_date >= '2023-01-01'

# COMMAND ----------

# MAGIC %md
# MAGIC ### Follow-up
# MAGIC Spoke with the member's daughter; callback number ${s(phone(), 'phone')}, email ${s(email(), 'email')}.
# MAGIC The patient was born ${s(usDate(), 'date')} and lives at ${s(address(), 'geographic')}, ${city}, ${st}.

# COMMAND ----------

lookup = spark.sql("SELECT * FROM claims.gold.members WHERE member_id = '${s(mbi(), 'health-plan-id')}'")
test_row = Row(first_name="${s(pick(FIRST), 'name')}", last_name="${s(pick(LAST), 'name')}", dob="${s(date(), 'date')}")
card_on_file = "${s(luhnCard(), 'account-number')}"  # billing card used for the copay
patient_dob = "${s(date(), 'date')}"
`;
    phi.push({ path: `synthetic_phi_${i}.py`, text, seeds });
  }

  // SQL files with literals keyed by their columns.
  for (let i = 0; i < 6; i++) {
    const seeds: { value: string; category: Category }[] = [];
    const s = (value: string, category: Category) => { seeds.push({ value, category }); return value; };
    const text = `-- Daily reconciliation of pharmacy claims
USE CATALOG pharmacy;
SELECT c.claim_id, c.ndc_code, c.fill_date, p.last_name
FROM gold.claims c
JOIN gold.patients p ON p.patient_id = c.patient_id
WHERE p.last_name = '${s(pick(LAST), 'name')}'
  AND p.birth_date = '${s(date(), 'date')}'
  AND c.fill_date BETWEEN '2024-01-01' AND '2024-03-31';

SELECT * FROM gold.patients WHERE mrn IN ('${s(mrn(), 'mrn')}', '${s(mrn(), 'mrn')}');
UPDATE gold.patients SET phone_number = '${s(phone(), 'phone')}' WHERE patient_id = ${s(String(int(100000, 999999)), 'other-id')};
`;
    phi.push({ path: `synthetic_phi_${i}.sql`, text, seeds });
  }

  // Notebooks with committed outputs: a pandas print and a Databricks display table.
  for (let i = 0; i < 4; i++) {
    const seeds: { value: string; category: Category }[] = [];
    const s = (value: string, category: Category) => { seeds.push({ value, category }); return value; };
    const rows = Array.from({ length: 3 }, () => [s(mrn(), 'mrn'), s(pick(FIRST), 'name'), s(pick(LAST), 'name'), s(date(), 'date')]);
    const pandas = ['       mrn first_name  last_name  birth_date', ...rows.map((r, k) => `${k}  ${r[0].padStart(8)} ${r[1].padStart(10)} ${r[2].padStart(10)} ${r[3].padStart(11)}`)].join('\n');
    const table = Array.from({ length: 2 }, () => [s(ssn(), 'ssn'), s(name(), 'name'), int(1, 40)]);
    const nb = {
      nbformat: 4, nbformat_minor: 5,
      metadata: { 'application/vnd.databricks.v1+notebook': { notebookName: `synthetic_outputs_${i}`, language: 'python' } },
      cells: [
        { cell_type: 'code', metadata: {}, execution_count: 1, source: ['pdf = spark.table("gold.patients").limit(3).toPandas()\n', 'print(pdf)'],
          outputs: [{ output_type: 'stream', name: 'stdout', text: pandas.split(/(?<=\n)/) }] },
        { cell_type: 'code', metadata: {}, execution_count: 2, source: 'display(spark.table("gold.patients").select("ssn", "full_name", "visit_count"))',
          outputs: [{ output_type: 'display_data', data: { 'text/html': '<div>table</div>' },
            metadata: { 'application/vnd.databricks.v1+output': { type: 'table', schema: [{ name: 'ssn', type: '"string"' }, { name: 'full_name', type: '"string"' }, { name: 'visit_count', type: '"long"' }], data: table } } }] },
      ],
    };
    phi.push({ path: `synthetic_outputs_${i}.ipynb`, text: JSON.stringify(nb, null, 1), seeds });
  }

  // Varied forms across languages in one source notebook: dicts, widgets, magics, markdown tables, titles.
  for (let i = 0; i < 4; i++) {
    const seeds: { value: string; category: Category }[] = [];
    const s = (value: string, category: Category) => { seeds.push({ value, category }); return value; };
    const last = pick(LAST);
    const first = pick(FIRST);
    const text = `# Databricks notebook source
# MAGIC %md
# MAGIC # Cohort QA
# MAGIC | field | value |
# MAGIC |---|---|
# MAGIC | patient | ${s(name(), 'name')} |
# MAGIC | dob | ${s(usDate(), 'date')} |

# COMMAND ----------

# DBTITLE 1,Pull encounters for Mr. ${s(pick(LAST), 'name')}
patient = {"name": "${s(name(), 'name')}", "phone": "${s(phone(), 'phone')}", "zip": "${s(String(int(10000, 99999)), 'geographic')}"}
dbutils.widgets.text("mrn", "${s(mrn(), 'mrn')}")
pts = spark.table("main.clinical.patients").where("last_name = '${s(last, 'name')}' AND first_name = '${s(first, 'name')}'")
one = pts.filter((F.col("dob") == "${s(date(), 'date')}") & (F.col("zip5") == "${s(String(int(10000, 99999)), 'geographic')}"))
notes = "${s(String(int(90, 104)), 'age-over-89')}-year-old, admitted ${s(usDate(), 'date')} for CHF"
vin = "${s('1HGCM82633A004352', 'vehicle-id')}"
contact_email = "${s(email(), 'email')}"

# COMMAND ----------

# MAGIC %scala
# MAGIC val p = spark.table("main.clinical.patients").filter($"ssn" === "${s(ssn(), 'ssn')}")
# MAGIC val q = p.filter(col("member_id") === "${s(`W${digits(9)}`, 'health-plan-id')}")

# COMMAND ----------

# MAGIC %r
# MAGIC q <- subset(p, p$birth_date == "${s(date(), 'date')}" & p$phone %in% c("${s(phone(), 'phone')}", "${s(phone(), 'phone')}"))
`;
    phi.push({ path: `synthetic_forms_${i}.py`, text, seeds });
  }

  return { phi, clean: makeCleanFiles(int, digits) };
}

/** Notebooks with no PHI but many look-alikes: every finding in them is a false one. */
function makeCleanFiles(int: (lo: number, hi: number) => number, digits: (n: number) => string): SeededFile[] {
  const files: SeededFile[] = [];
  for (let i = 0; i < 10; i++) {
    const uuid = `${digits(8)}-${digits(4)}-4${digits(3)}-a${digits(3)}-${digits(12)}`;
    const text = `# Databricks notebook source
# DBTITLE 1,Monthly readmission metrics (v${int(1, 9)}.${int(0, 20)}.${int(0, 9)})
# MAGIC %pip install pandas==2.1.4 pyspark==3.5.${int(0, 3)} great-expectations==0.18.${int(1, 19)}

# COMMAND ----------

# Cluster 0${int(100, 999)}-${digits(6)}-abc${int(10, 99)}def on DBR 14.3.x-scala2.12; run id ${digits(9)}, job ${digits(12)}
# Last refreshed 2024-0${int(1, 9)}-1${int(0, 9)}T10:22:33Z by the nightly pipeline (trace ${uuid})
dbutils.widgets.text("mrn", "")
mrn = dbutils.widgets.get("mrn")
start_date = "2024-01-01"
end_date = "2024-12-31"
claims = spark.table("claims.gold.pharmacy_claims").filter((F.col("fill_date") >= start_date) & (F.col("fill_date") <= end_date))
insulin = claims.filter(F.col("ndc_code").isin("0002-8215-01", "00169-4132-12", "0088-2220-33"))
diabetes = claims.filter(F.col("icd10_code").isin("E11.9", "E11.65", "Z79.4"))
office_visits = claims.filter(F.col("cpt_code") == "99213")
labs = spark.table("omop.measurement").filter(F.col("measurement_concept_id") == 3004410)
loinc = labs.filter(F.col("loinc_code") == "4548-4")
npi_lookup = spark.table("ref.nppes").filter(F.col("npi") == "1234567893")
ccn = spark.table("claims.gold.headers").filter(F.col("claim_control_number") == "2024${digits(13)}")
drg = claims.filter(F.col("drg_code") == "${int(100, 999)}")
snomed = spark.table("omop.condition_occurrence").filter(F.col("condition_source_value") == "44054006")
patient = spark.table("gold.patients").filter(F.col("mrn") == mrn)
df = spark.sql("SELECT * FROM gold.patients WHERE mrn = :mrn", args={"mrn": mrn})
masked = "***-**-${int(1000, 9999)}"
print(f"processed {${int(1000, 9999)}:,} rows in ${int(1, 59)}.${int(0, 9)}s on port 8443")
checksum = "${digits(16)}${digits(16)}"

# COMMAND ----------

# MAGIC %md
# MAGIC ## Method
# MAGIC Readmissions within 30 days (CMS definition) for members aged 65-89, grouped by DRG and payer.
# MAGIC See the Johns Hopkins ACG documentation and the Parkinson disease cohort in version 2.3.1.
# MAGIC Owner: data-platform team, reviewed 2024-03-05. Contact data-help@example.org for access.

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT drg_code, COUNT(*) AS n, AVG(los_days) AS avg_los
# MAGIC FROM claims.gold.inpatient
# MAGIC WHERE discharge_date >= '2024-01-01' AND discharge_date < '2024-07-01'
# MAGIC   AND payer_id = ${int(10, 99)} AND age_band = '65-74'
# MAGIC GROUP BY drg_code ORDER BY n DESC LIMIT 20
`;
    files.push({ path: `synthetic_clean_${i}.py`, text, seeds: [] });
  }
  const nb = {
    nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: 'python' } },
    cells: [
      { cell_type: 'code', metadata: {}, execution_count: 3, source: 'summary.show()', outputs: [{ output_type: 'stream', name: 'stdout', text:
        '+--------+-----------+------+\n|drg_code|icd10_code |count |\n+--------+-----------+------+\n|     470|E11.9      | 10234|\n|     291|I50.9      |  8771|\n|     871|A41.9      |  6120|\n+--------+-----------+------+\n' }] },
      { cell_type: 'code', metadata: {}, execution_count: 4, source: 'print(spark.version, sc.applicationId)', outputs: [{ output_type: 'stream', name: 'stdout', text:
        `3.5.0 app-20240115102233-0042\n2024-01-15 10:22:33,123 INFO SparkContext: Running Spark version 3.5.0 on 10.139.64.${int(2, 250)}:${int(30000, 40000)}\n` }] },
    ],
  };
  files.push({ path: 'synthetic_clean_outputs.ipynb', text: JSON.stringify(nb, null, 1), seeds: [] });

  files.push({ path: 'synthetic_clean_config.py', seeds: [], text: `# Databricks notebook source
spark.conf.set("spark.sql.shuffle.partitions", "200")
run_id = ${digits(12)}
job_id = "${digits(9)}"
npi = "1234567893"
ndc = "00002-8215-01"
df = spark.read.format("delta").load("abfss://lake@storageacct.dfs.core.windows.net/claims/2024/")
df = df.filter(F.col("service_date").between("2023-01-01", "2023-12-31"))
df = df.withColumn("age_group", F.when(F.col("age") > 89, "90+").otherwise("under 90"))
df = df.filter(F.col("age") >= 65)
host = "10.0.0.${int(2, 250)}"
url = "https://adb-${digits(16)}.7.azuredatabricks.net/?o=${digits(16)}#job/${int(100, 999)}/run/${int(100, 999)}"
docs = "https://docs.databricks.com/en/security/privacy/hipaa.html"
model_uri = "models:/readmission/Production"
sha = "${digits(16)}abcdef${digits(16)}"
phone_fmt = "(XXX) XXX-XXXX"
icd = ["E11.9", "I10", "Z79.4", "J45.909"]
claim = "2023${digits(13)}"
total = ${int(100000, 9999999)}
ts = "2024-01-15T10:22:33.123Z"
account_id = "acct-${int(1000, 9999)}"
df.filter(F.col("birth_year") < 1934)
display(df.groupBy("zip3").count())
` });

  const table = (schema: string[], rows: string[][]) => ({
    output_type: 'display_data', data: { 'text/html': '<div></div>' },
    metadata: { 'application/vnd.databricks.v1+output': { type: 'table', schema: schema.map((name) => ({ name, type: '"string"' })), data: rows } },
  });
  const outputs = {
    nbformat: 4, nbformat_minor: 5, metadata: { 'application/vnd.databricks.v1+notebook': { notebookName: 'clean', language: 'python' } },
    cells: [
      { cell_type: 'code', metadata: {}, execution_count: 1, source: 'df.printSchema()', outputs: [{ output_type: 'stream', name: 'stdout',
        text: 'root\n |-- mrn: string (nullable = true)\n |-- birth_date: date (nullable = true)\n |-- ssn: string (nullable = true)\n' }] },
      { cell_type: 'code', metadata: {}, execution_count: 2, source: 'df.describe().show()', outputs: [{ output_type: 'stream', name: 'stdout',
        text: `+-------+------+\n|summary|   age|\n+-------+------+\n|  count|${String(int(10000, 99999)).padStart(6)}|\n|    min|    18|\n|    max|    89|\n+-------+------+\n` }] },
      { cell_type: 'code', metadata: {}, execution_count: 3, source: 'display(agg)', outputs: [table(['zip3', 'age_band', 'n'], [['021', '65-74', String(int(100, 9999))], ['606', '85+', String(int(100, 9999))]])] },
      { cell_type: 'code', metadata: {}, execution_count: 4, source: 'display(ndc)', outputs: [table(['ndc11', 'product_name', 'npi', 'fills'], [['00002821501', 'Humalog', '1234567893', String(int(10, 999))]])] },
      { cell_type: 'code', metadata: {}, execution_count: 5, source: 'print(run)', outputs: [{ output_type: 'stream', name: 'stdout',
        text: `MLflow run ${digits(16)}abcd finished; AUC=0.8123 experiment_id=${digits(16)}\n24/01/15 10:22:33 INFO DAGScheduler: Job ${int(1, 99)} finished, took 3.21 s\n` }] },
      { cell_type: 'code', metadata: {}, execution_count: 6, source: 'fail()', outputs: [{ output_type: 'error', ename: 'AnalysisException', evalue: '[TABLE_OR_VIEW_NOT_FOUND] `main`.`clinical`.`encounterz` cannot be found.',
        traceback: ['File /Workspace/Users/data.analyst@northwind.example/readmissions:3', "----> 3 spark.table('main.clinical.encounterz')"] }] },
    ],
  };
  files.push({ path: 'synthetic_clean_display.ipynb', text: JSON.stringify(outputs, null, 1), seeds: [] });
  return files;
}
