import { strict as assert } from 'node:assert';
import { applyEdits, fixAllEdits, parameteriseEdits } from '../../../server/src/engine/fixes';
import { fakeMrn, findingFor, pythonParses, read } from './helpers';

const HEADER = '# Databricks notebook source\n';
const SEP = '\n# COMMAND ----------\n\n';
const code = { category: 'mrn', regionKind: 'code' } as const;

describe('fixes: parameterise', () => {
  it('replaces a Python literal with a widget value and defines the widget in a new first cell', () => {
    const mrn = fakeMrn(1);
    const text = `${HEADER}import pyspark.sql.functions as F\n${SEP}df = patients.filter(F.col("mrn") == "${mrn}")\ndisplay(df)\n`;
    const doc = read('/nb/a.py', text);
    const edits = parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'mrn' })]);
    assert.ok(edits);
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, `${HEADER}dbutils.widgets.text("mrn", "")\n${SEP}import pyspark.sql.functions as F\n${SEP}df = patients.filter(F.col("mrn") == dbutils.widgets.get("mrn"))\ndisplay(df)\n`);
    assert.ok(pythonParses(fixed));
    assert.ok(!fixed.includes(mrn));
  });

  it('rewrites SQL inside spark.sql to a named marker and passes args', () => {
    const mrn = fakeMrn(2);
    const text = `${HEADER}rows = spark.sql("SELECT * FROM clinical.encounters WHERE patient_mrn = '${mrn}' AND active")\n`;
    const doc = read('/nb/b.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'patient_mrn' })]) ?? []);
    assert.equal(fixed, `${HEADER}dbutils.widgets.text("patient_mrn", "")\n${SEP}rows = spark.sql("SELECT * FROM clinical.encounters WHERE patient_mrn = :patient_mrn AND active", args={"patient_mrn": dbutils.widgets.get("patient_mrn")})\n`);
    assert.ok(pythonParses(fixed));
  });

  it('extends an existing args dict and renames on a clash with another binding', () => {
    const mrn = fakeMrn(3);
    const text = `${HEADER}q = spark.sql(\n    """SELECT * FROM t WHERE mrn = '${mrn}' AND site = :mrn""",\n    args={"mrn": site_id},\n)\n`;
    const doc = read('/nb/c.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'mrn' })]) ?? []);
    assert.ok(fixed.includes(`WHERE mrn = :mrn_2 AND site = :mrn"""`));
    assert.ok(fixed.includes(`args={"mrn_2": dbutils.widgets.get("mrn_2"), "mrn": site_id}`));
    assert.ok(fixed.includes('dbutils.widgets.text("mrn_2", "")'));
    assert.ok(pythonParses(fixed));
  });

  it('adds args after a trailing comma without a second comma', () => {
    const mrn = fakeMrn(4);
    const text = `rows = spark.sql(\n    "SELECT * FROM t WHERE mrn = '${mrn}'",\n)\n`;
    const doc = read('/repo/job.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'mrn' })]) ?? []);
    assert.equal(fixed, `dbutils.widgets.text("mrn", "")\nrows = spark.sql(\n    "SELECT * FROM t WHERE mrn = :mrn",\n args={"mrn": dbutils.widgets.get("mrn")})\n`);
    assert.ok(pythonParses(fixed));
  });

  it('uses a named marker in a %sql cell of a source notebook, without widget code', () => {
    const mrn = fakeMrn(5);
    const text = `${HEADER}x = 1\n${SEP}# MAGIC %sql\n# MAGIC SELECT * FROM enc\n# MAGIC WHERE mrn = '${mrn}'\n`;
    const doc = read('/nb/d.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'mrn' })]) ?? []);
    assert.equal(fixed, text.replace(`'${mrn}'`, ':mrn'));
  });

  it('parameterises the one literal of an IN list in a .sql file, and a typed DATE literal whole', () => {
    const [a, b] = [fakeMrn(6), fakeMrn(7)];
    const dob = ['19', '41-02-03'].join('');
    const text = `SELECT * FROM enc WHERE mrn IN ('${a}', '${b}') AND dob = DATE '${dob}';\n`;
    const doc = read('/repo/q.sql', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [
      findingFor(doc, b, { ...code, contextKey: 'mrn' }),
      findingFor(doc, dob, { category: 'date', regionKind: 'code', contextKey: 'dob' }),
    ]) ?? []);
    assert.equal(fixed, `SELECT * FROM enc WHERE mrn IN ('${a}', :mrn) AND dob = :dob;\n`);
  });

  it('gives different values of one column different names, and one value one name and one widget', () => {
    const [a, b] = [fakeMrn(8), fakeMrn(9)];
    const text = `x = lookup(mrn="${a}")\ny = lookup(mrn="${b}")\nz = lookup(mrn="${a}")\n`;
    const doc = read('/repo/m.py', text);
    const findings = [0, 1, 2].map((i) => findingFor(doc, i === 1 ? b : a, { ...code, contextKey: 'mrn', occurrence: i === 2 ? 1 : 0 }));
    const fixed = applyEdits(text, fixAllEdits(doc, findings));
    assert.equal(fixed, 'dbutils.widgets.text("mrn", "")\ndbutils.widgets.text("mrn_2", "")\nx = lookup(mrn=dbutils.widgets.get("mrn"))\ny = lookup(mrn=dbutils.widgets.get("mrn_2"))\nz = lookup(mrn=dbutils.widgets.get("mrn"))\n');
    assert.ok(pythonParses(fixed));
  });

  it('does not duplicate a widget the notebook already defines', () => {
    const mrn = fakeMrn(10);
    const text = `${HEADER}dbutils.widgets.text("mrn", "")\n${SEP}df = t.where(F.col("mrn") == "${mrn}")\n`;
    const doc = read('/nb/e.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'mrn' })]) ?? []);
    assert.equal(fixed.match(/widgets\.text/g)?.length, 1);
    assert.ok(fixed.includes('== dbutils.widgets.get("mrn"))'));
  });

  it('appends to an existing widget cell rather than adding another', () => {
    const mrn = fakeMrn(11);
    const text = `${HEADER}dbutils.widgets.text("site", "")\n${SEP}df = t.where(F.col("member_id") == "${mrn}")\n`;
    const doc = read('/nb/f.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { category: 'health-plan-id', regionKind: 'code', contextKey: 'member_id' })]) ?? []);
    assert.ok(fixed.startsWith(`${HEADER}dbutils.widgets.text("site", "")\ndbutils.widgets.text("member_id", "")\n${SEP}`));
  });

  it('writes Scala and R with dbutils widgets', () => {
    const mrn = fakeMrn(12);
    for (const [path, line] of [['/repo/a.scala', `val df = enc.filter($"mrn" === "${mrn}")\n`], ['/repo/a.r', `df <- filter(enc, mrn == "${mrn}")\n`]] as const) {
      const doc = read(path, line);
      const fixed = applyEdits(line, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'mrn' })]) ?? []);
      assert.equal(fixed, `dbutils.widgets.text("mrn", "")\n${line.replace(`"${mrn}"`, 'dbutils.widgets.get("mrn")')}`);
    }
  });

  it('sanitises the column into an identifier and avoids keywords', () => {
    const mrn = fakeMrn(13);
    const text = `x = f(**{"Patient MRN#": "${mrn}"})\n`;
    const doc = read('/repo/k.py', text);
    const fixed = applyEdits(text, parameteriseEdits(doc, [findingFor(doc, mrn, { ...code, contextKey: 'Patient MRN#' })]) ?? []);
    assert.ok(fixed.includes('dbutils.widgets.get("patient_mrn")'));
  });

  it('offers nothing for a value that is only part of a literal', () => {
    const mrn = fakeMrn(14);
    const text = `print("record ${mrn} reloaded")\n`;
    const doc = read('/repo/p.py', text);
    assert.equal(parameteriseEdits(doc, [findingFor(doc, mrn, { ...code })]), undefined);
  });
});
