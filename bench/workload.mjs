// Synthetic benchmark workload: a repository of notebooks written the way data teams write them (Databricks
// source notebooks, .ipynb with large outputs), dense with look-alikes and seeded with invented identifiers.
// Deterministic: the same seed and size always give byte-identical files. No real data anywhere.
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FIRST_NAMES as FIRST, LAST_NAMES as LAST, prng } from './synthetic.mjs';

const STREETS = ['Maple Street', 'Oak Avenue', 'Cedar Lane', 'Elm Road', 'Birch Drive', 'Willow Court'];
const TABLES = ['clinical.silver.encounters', 'claims.gold.members', 'pharmacy.gold.fills', 'omop.cdm.condition_occurrence', 'labs.silver.results'];
const ICD = ['E11.9', 'I10', 'J45.909', 'N18.3', 'Z79.4', 'F32.A', 'M54.5', 'K21.9'];
const TOLL_FREE = new Set([800, 833, 844, 855, 866, 877, 888]);
/** The area code drawn, moved off a toll-free one: the draw keeps the generator's sequence, so the rest of the workload is unchanged. */
const personalAreaCode = (area) => (TOLL_FREE.has(area) ? area + 1 : area);
const CPT = ['99213', '99214', '93000', '80053', '36415', '71046'];
const NDC = ['0002-8215-01', '0069-0151-01', '50090-3118-0', '0173-0682-20'];

/** Everything random goes through one generator so the corpus is reproducible. */
function makeGen(rnd) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += int(0, 9); return s; };
  const pad = (n, w) => String(n).padStart(w, '0');
  const hex = (n) => { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)]; return s; };
  return {
    int, pick, digits, hex,
    // Seeded identifiers: structurally valid, obviously invented.
    ssn: () => `${int(101, 665)}-${pad(int(10, 99), 2)}-${pad(int(1001, 9999), 4)}`,
    // A person's number has no toll-free area code (800, 833, …): those are organisations' lines.
    phone: () => `(${personalAreaCode(int(201, 989))}) 555-${pad(int(100, 199), 4)}`,
    mrn: () => `${int(1, 9)}${digits(7)}`,
    dob: () => `${int(1931, 1999)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
    name: () => `${pick(FIRST)} ${pick(LAST)}`,
    first: () => pick(FIRST),
    last: () => pick(LAST),
    email: () => `${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}${int(1, 99)}@example.com`,
    address: () => `${int(10, 9899)} ${pick(STREETS)}`,
    // Look-alikes that must not be reported.
    icd: () => pick(ICD), cpt: () => pick(CPT), ndc: () => pick(NDC),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    cluster: () => `${pad(int(100, 999), 4)}-${pad(int(100000, 999999), 6)}-${hex(8)}`,
    claim: () => `CLM${digits(12)}`,
    concept: () => String(int(1000000, 45000000)),
    bound: () => `${int(2019, 2025)}-${pad(int(1, 12), 2)}-01`,
  };
}

// Patient-level tables (every row is PHI) are one output in four; the rest are aggregates full of look-alikes.
const PATIENT = {
  columns: ['patient_id', 'mrn', 'first_name', 'last_name', 'dob', 'phone', 'icd10', 'claim_id', 'concept_id', 'admit_date'],
  row: (g, i) => [String(100000 + i), g.mrn(), g.first(), g.last(), g.dob(), g.phone(), g.icd(), g.claim(), g.concept(), g.bound()],
};
const AGGREGATE = {
  columns: ['facility_id', 'icd10', 'concept_id', 'admit_month', 'encounters', 'patients', 'avg_los', 'ndc', 'cpt'],
  row: (g) => [String(g.int(100, 999)), g.icd(), g.concept(), g.bound().slice(0, 7), String(g.int(1, 50000)), String(g.int(1, 9000)), (g.int(10, 99) / 10).toFixed(1), g.ndc(), g.cpt()],
};
function tableRows(g, rows) {
  const t = g.int(0, 3) === 0 ? PATIENT : AGGREGATE;
  return { columns: t.columns, data: Array.from({ length: rows }, (_, i) => t.row(g, i)) };
}

function pandasPrint(g, rows) {
  const { columns, data } = tableRows(g, rows);
  const widths = columns.map((c, j) => Math.max(c.length, ...data.map((r) => r[j].length)));
  const idxW = String(rows).length;
  const line = (cells, idx) => `${idx.padEnd(idxW)}  ${cells.map((c, j) => c.padStart(widths[j])).join('  ')}`;
  return [line(columns, ''), ...data.map((r, i) => line(r, String(i)))].join('\n') + '\n';
}

function sparkShow(g, rows) {
  const { columns, data } = tableRows(g, rows);
  const widths = columns.map((c, j) => Math.max(c.length, ...data.map((r) => r[j].length)));
  const sep = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const line = (cells) => `|${cells.map((c, j) => c.padStart(widths[j])).join('|')}|`;
  return [sep, line(columns), sep, ...data.map(line), sep, rows > 20 ? 'only showing top 20 rows' : ''].join('\n') + '\n';
}

function htmlTable(g, rows) {
  const { columns, data } = tableRows(g, rows);
  const head = `<tr style="text-align: right;"><th></th>${columns.map((c) => `<th>${c}</th>`).join('')}</tr>`;
  const body = data.map((r, i) => `<tr><th>${i}</th>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('\n');
  return `<div>\n<table border="1" class="dataframe">\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

function databricksTable(g, rows) {
  const { columns, data } = tableRows(g, rows);
  return {
    addedWidgets: {}, aggData: [], aggError: '', aggOverflow: false, aggSchema: [], aggSeriesLimitReached: false, aggType: '',
    arguments: {}, columnCustomDisplayInfos: {},
    data,
    datasetInfos: [], dbfsResultPath: null, isJsonSchema: true, metadata: {}, overflow: false,
    plotOptions: { customPlotOptions: {}, displayType: 'table', pivotAggregation: null, pivotColumns: null, xColumns: null, yColumns: null },
    removedWidgets: [],
    schema: columns.map((name) => ({ metadata: '{}', name, type: '"string"' })),
    type: 'table',
  };
}

/** A block of ordinary PySpark code with look-alikes and, now and then, a seeded identifier. */
function pythonCode(g, seeded) {
  const t = g.pick(TABLES);
  const lines = [
    `# Cohort refresh for ${g.pick(['readmissions', 'diabetes registry', 'HEDIS measures', 'pharmacy adherence'])}`,
    `df = spark.table("${t}").filter(F.col("admit_date").between("${g.bound()}", "${g.bound()}"))`,
    `df = df.withColumn("dx", F.when(F.col("icd10").isin("${g.icd()}", "${g.icd()}"), 1).otherwise(0))`,
    `run_id = "${g.uuid()}"  # cluster ${g.cluster()}`,
    `claims = claims.filter(F.col("claim_id") != "${g.claim()}")  # concept ${g.concept()}, CPT ${g.cpt()}, NDC ${g.ndc()}`,
    `counts = df.groupBy("facility_id").agg(F.countDistinct("patient_id").alias("patients"))`,
  ];
  if (seeded) {
    lines.push(
      `# spot check for ${g.name()} (MRN ${g.mrn()}), callback ${g.phone()}`,
      `one = df.filter(F.col("ssn") == "${g.ssn()}")`,
      `test_row = Row(first_name="${g.first()}", last_name="${g.last()}", dob="${g.dob()}", email="${g.email()}")`,
    );
  }
  return lines.join('\n');
}

function sqlCode(g, seeded) {
  const lines = [
    `SELECT e.encounter_id, e.admit_date, e.discharge_date, c.condition_concept_id`,
    `FROM ${g.pick(TABLES)} e JOIN omop.cdm.condition_occurrence c ON c.person_id = e.person_id`,
    `WHERE e.admit_date >= '${g.bound()}' AND c.condition_source_value IN ('${g.icd()}', '${g.icd()}')`,
    `  -- concept ${g.concept()}`,
    `  AND e.claim_id <> '${g.claim()}'`,
  ];
  if (seeded) lines.push(`  -- ${g.name()} asked, SSN ${g.ssn()}, born ${g.dob()}`, `  AND e.mrn = '${g.mrn()}'`);
  return lines.join('\n') + ';';
}

function markdown(g, seeded) {
  const text = [`### Notes ${g.int(1, 99)}`, `Rerun after the ${g.bound()} load; ICD ${g.icd()} mapped to concept ${g.concept()}.`];
  if (seeded) text.push(`Patient ${g.name()} (DOB ${g.dob()}) lives at ${g.address()}; contact ${g.email()}.`);
  return text.join('\n');
}

function sourceNotebook(g, target, lang) {
  const py = lang === 'python';
  const c = py ? '#' : '--';
  const parts = [`${c} Databricks notebook source`];
  let size = parts[0].length;
  while (size < target) {
    const r = g.int(0, 9);
    const seeded = g.int(0, 4) === 0;
    let cell;
    if (r < 2) cell = markdown(g, seeded).split('\n').map((l, i) => `${c} MAGIC ${i === 0 ? '%md\n' + c + ' MAGIC ' : ''}${l}`).join('\n');
    else if (r < 4) cell = (py ? sqlCode(g, seeded).split('\n').map((l, i) => `# MAGIC ${i === 0 ? '%sql\n# MAGIC ' : ''}${l}`).join('\n') : sqlCode(g, seeded));
    else cell = py ? pythonCode(g, seeded) : sqlCode(g, seeded);
    if (g.int(0, 5) === 0) cell = `${c} DBTITLE 1,${seeded ? `Review for ${g.name()}` : `Step ${g.int(1, 40)}`}\n${cell}`;
    const block = `\n\n${c} COMMAND ----------\n\n${cell}`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('') + '\n';
}

function ipynb(g, target) {
  const cells = [];
  let size = 0;
  const lines = (s) => s.split(/(?<=\n)/);
  while (size < target) {
    const seeded = g.int(0, 4) === 0;
    if (g.int(0, 5) === 0) {
      const src = markdown(g, seeded);
      cells.push({ cell_type: 'markdown', metadata: {}, source: lines(src) });
      size += src.length;
      continue;
    }
    const src = pythonCode(g, seeded);
    const outputs = [];
    const rows = g.int(10, 60);
    const kind = g.int(0, 3);
    if (kind === 0) outputs.push({ name: 'stdout', output_type: 'stream', text: lines(pandasPrint(g, rows)) });
    else if (kind === 1) outputs.push({ name: 'stdout', output_type: 'stream', text: lines(sparkShow(g, rows)) });
    else if (kind === 2) outputs.push({ data: { 'text/html': lines(htmlTable(g, rows)), 'text/plain': lines(pandasPrint(g, Math.min(rows, 10))) }, execution_count: cells.length + 1, metadata: {}, output_type: 'execute_result' });
    else outputs.push({ data: { 'application/vnd.databricks.v1+output': databricksTable(g, rows) }, metadata: { 'application/vnd.databricks.v1+output': { type: 'table' } }, output_type: 'display_data' });
    const cell = {
      cell_type: 'code', execution_count: cells.length + 1,
      metadata: { 'application/vnd.databricks.v1+cell': { cellMetadata: { rowLimit: 10000 }, inputWidgets: {}, nuid: g.uuid(), showTitle: seeded, title: seeded ? `Review for ${g.name()}` : '' } },
      outputs, source: lines(src),
    };
    cells.push(cell);
    size += JSON.stringify(cell).length;
  }
  const nb = {
    cells,
    metadata: { 'application/vnd.databricks.v1+notebook': { language: 'python', notebookName: 'cohort' }, kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
    nbformat: 4, nbformat_minor: 0,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

/** One Databricks Python notebook of about `lines` lines (for editor latency). */
export function notebookOfLines(lines, seed = 7) {
  const g = makeGen(prng(seed));
  let text = sourceNotebook(g, 0, 'python');
  while (text.split('\n').length < lines) text = text.trimEnd() + sourceNotebook(g, 4000, 'python').slice('# Databricks notebook source'.length);
  return text.split('\n').slice(0, lines).join('\n') + '\n';
}

/** One .ipynb of about `bytes` bytes, outputs and all. */
export function notebookOfBytes(bytes, seed = 11) {
  const first = ipynb(makeGen(prng(seed)), bytes);
  return ipynb(makeGen(prng(seed)), bytes * (bytes / first.length) * 0.995);
}

export const SIZES = {
  full: { notebooks: 2000, targetMB: 200 },
  small: { notebooks: 200, targetMB: 20 },
};

const VERSION = 6;

/**
 * Writes the corpus under dir (skipped when an identical one is already there) and returns its file list.
 * Mix: 45% .ipynb with large outputs (most of the bytes), 40% Databricks .py and 15% Databricks .sql notebooks.
 */
export function generateWorkload(dir, size = 'full', seed = 20261123) {
  const spec = SIZES[size];
  const stamp = JSON.stringify({ VERSION, seed, ...spec });
  const manifestPath = path.join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.stamp === stamp) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  const g = makeGen(prng(seed));
  const avg = (spec.targetMB * 1024 * 1024) / spec.notebooks;
  const files = [];
  let bytes = 0;
  for (let i = 0; i < spec.notebooks; i++) {
    const r = i % 20;
    const team = `team_${String(i % 17).padStart(2, '0')}`;
    let rel; let text;
    if (r < 9) { rel = `${team}/nb_${i}.ipynb`; text = ipynb(g, avg * 1.47 * (0.5 + g.int(0, 100) / 100)); }
    else if (r < 17) { rel = `${team}/nb_${i}.py`; text = sourceNotebook(g, avg * 0.28 * (0.5 + g.int(0, 100) / 100), 'python'); }
    else { rel = `${team}/nb_${i}.sql`; text = sourceNotebook(g, avg * 0.2 * (0.5 + g.int(0, 100) / 100), 'sql'); }
    const full = path.join(dir, 'repo', rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    const n = Buffer.byteLength(text);
    files.push({ path: rel, bytes: n });
    bytes += n;
  }
  const manifest = { stamp, size, seed, root: path.join(dir, 'repo'), files, bytes };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = process.argv.includes('--small') ? 'small' : 'full';
  const t = Date.now();
  const m = generateWorkload(path.resolve('bench/work', size), size);
  console.log(`${size}: ${m.files.length} files, ${(m.bytes / 1048576).toFixed(1)} MB in ${Date.now() - t} ms`);
}
