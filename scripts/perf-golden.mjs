// `node scripts/perf-golden.mjs [dir ...] [--out file]`: a behaviour fingerprint of the engine for performance
// work. Scans examples/, the accuracy corpus (makeCorpus), seeded random free text in every region kind and
// any extra directories given, with the default config and with extra context words, and prints one sha256
// over every finding (path, rule, category, range, message). Optimisations must leave the digest unchanged.
// --out writes the finding lines themselves (redacted labels only, never a matched value) for diffing.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { prng } from '../bench/synthetic.mjs';

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const outFile = outAt >= 0 ? argv[outAt + 1] : undefined;
const dirs = argv.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const entry = `
export { scanText } from './server/src/engine/scan';
export { makeCorpus } from './test/accuracy/corpus';
export { resolveConfig } from './server/src/engine/config';
`;
const work = mkdtempSync(path.join(tmpdir(), 'phisafe-golden-'));
const bundle = path.join(work, 'engine.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: bundle, mainFields: ['module', 'main'], logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { scanText, makeCorpus, resolveConfig } = await import(pathToFileURL(bundle).href);
rmSync(work, { recursive: true, force: true });

/** Seeded text mixing look-alikes, separators, cue words and names, so every detector path is exercised. */
function randomTexts(seed, count) {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
  const words = [
    'MRN', 'mrn:', 'DOB', 'dob', 'born', 'SSN', 'ssn#', 'phone', 'fax', 'Tel', 'member id', 'Member ID:', 'policy #',
    'patient', 'Patient', 'Mr.', 'Mrs', 'Dr.', 'name:', 'Name =', 'age', 'aged', 'year-old', 'zip', 'address',
    'lives at', 'acct', 'account number', 'iban', 'routing #', 'card number', 'serial', 'device', 'pump serial',
    'passport', 'license number', 'plate', 'ip', 'host', 'email', 'url', 'after', 'since', '>=', 'between',
    'Maria', 'Garcia', 'James', 'Smith', 'Will', 'Grace', 'Brown', 'Parkinson', 'Hospital', 'Street', 'St',
    'Springfield, IL', 'NPI', 'claim', 'order', 'version', 'the', 'and', 'of', 'is', 'was', 'x', 'XXX', '***',
    'date_of_birth', 'patient_id', 'Jane Q. Public', 'Maple Street', 'Apt 4B', 'https://ex.test/patient?mrn=',
    // Lower-casing \u0130 grows the text by one character: offsets into the lower-cased text shift after it.
    '\u0130stanbul', 'Jos\u00e9', '\u00c9lodie', 'na\u00efve', '\u00d7', 'Mar', 'sept', '3rd', '__proto__', 'constructor',
  ];
  const values = [
    () => `${int(100, 999)}-${digits(2)}-${digits(4)}`, () => digits(9), () => `${digits(3)} ${digits(2)} ${digits(4)}`,
    () => `(${int(200, 999)}) ${int(200, 999)}-${digits(4)}`, () => `${int(200, 999)}.${int(200, 999)}.${digits(4)}`,
    () => digits(10), () => `+1 ${int(200, 999)} ${int(200, 999)} ${digits(4)}`, () => digits(int(4, 12)),
    () => `${int(1900, 2030)}-${String(int(1, 13)).padStart(2, '0')}-${String(int(0, 31)).padStart(2, '0')}`,
    () => `${int(1, 12)}/${int(1, 31)}/${int(1930, 2020)}`, () => `March ${int(1, 31)}, ${int(1930, 2020)}`,
    () => `${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)}`, () => `4${digits(15)}`, () => `${int(1, 9)}EG4TE5MK7${digits(1)}`,
    () => `${int(1, 9)}${pick(['A', 'C', 'E'])}${pick(['G', '4'])}${digits(1)}-TE5-MK${digits(2)}`,
    () => `${int(1, 255)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`, () => `2001:db8::${digits(2)}`,
    () => `${pick(['maria', 'j.smith', 'admin', 'noreply'])}@${pick(['example.com', 'hospital.org', 'github.com'])}`,
    () => `${int(1, 9899)} ${pick(['Oak', 'Maple', 'N Cedar'])} ${pick(['St', 'Ave', 'Road', 'Blvd'])}`,
    () => `${int(85, 120)}`, () => `${int(85, 120)}yo`, () => `${digits(5)}`, () => `${digits(5)}-${digits(4)}`,
    () => `W${digits(9)}`, () => `1HGCM82633A${digits(6)}`, () => `AB${digits(7)}`, () => `${digits(8)}`,
  ];
  const seps = [' ', ' ', ' ', ': ', ' # ', ', ', '\n', ' = ', '-', '_', '.', '/', ' (', ') ', '"', "'", '\t'];
  const out = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    const n = int(5, 60);
    for (let i = 0; i < n; i++) t += (rnd() < 0.45 ? pick(values)() : pick(words)) + pick(seps);
    out.push(t);
  }
  return out;
}

function* inputs() {
  const ex = path.join(root, 'examples');
  for (const f of readdirSync(ex).sort()) yield [`examples/${f}`, readFileSync(path.join(ex, f), 'utf8')];
  const corpus = makeCorpus();
  for (const f of [...corpus.phi, ...corpus.clean]) yield [`corpus/${f.path}`, f.text];
  const texts = randomTexts(20261123, 400);
  const random = [];
  texts.forEach((t, i) => {
    const ext = ['md', 'py', 'sql', 'txt'][i % 4];
    if (ext === 'md') random.push([`random/${i}.py`, `# Databricks notebook source\n# MAGIC %md\n# MAGIC ${t.replace(/\n/g, '\n# MAGIC ')}\n`]);
    else if (ext === 'py') random.push([`random/${i}.py`, `x = ${JSON.stringify(t)}\n# ${t.replace(/\n/g, '\n# ')}\nq = "select * from t where mrn = '${t.slice(0, 40).replace(/['\n\\]/g, ' ')}'"\n`]);
    else if (ext === 'sql') random.push([`random/${i}.sql`, `-- ${t.replace(/\n/g, '\n-- ')}\nselect * from p where note = '${t.replace(/['\\]/g, ' ')}';\n`]);
    else random.push([`random/${i}.ipynb`, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', metadata: {}, source: ['print(1)'], execution_count: 1, outputs: [{ output_type: 'stream', name: 'stdout', text: [t] }] }] })]);
  });
  yield* random.map(([p, t]) => [p, t]);
  for (const d of dirs) yield* walk(path.resolve(d), path.basename(d));
}

function* walk(dir, prefix) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full, `${prefix}/${name}`);
    else yield [`${prefix}/${name}`, readFileSync(full, 'utf8')];
  }
}

const hash = createHash('sha256');
const lines = [];
let files = 0;
let findings = 0;
for (const [p, text] of inputs()) {
  files++;
  for (const [ci, opts] of [[0, {}], [1, { config: extraCuesConfig() }]]) {
    const r = scanText(p, text, opts);
    const head = `${ci} ${p}`;
    if (r.error) lines.push(`${head} error ${r.error.message}`);
    for (const f of r.findings) {
      findings++;
      lines.push(`${head} ${f.ruleId} ${f.category} ${f.severity} ${f.range.startOffset}-${f.range.endOffset} ${f.range.line}:${f.range.character}-${f.range.endLine}:${f.range.endCharacter} ${f.regionKind} ${f.cellIndex} ${f.outputIndex ?? ''} ${f.contextKey ?? ''} ${f.message}`);
    }
  }
}
for (const l of lines) hash.update(`${l}\n`);
if (outFile) writeFileSync(outFile, `${lines.join('\n')}\n`);
console.log(`files ${files} findings ${findings} digest ${hash.digest('hex')}`);

function extraCuesConfig() {
  return resolveConfig({
    contextWords: { mrn: ['chart_no', 'enc id'], name: ['guardian'], date: ['visit day'], phone: ['pager no'], 'health-plan-id': ['plan_ref'] },
  });
}
