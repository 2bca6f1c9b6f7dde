import { strict as assert } from 'node:assert';
import { findKeyedLiterals } from '../../../server/src/engine/context/codeContext';
import { declaredTables, recordTypeKey, recordTypesDeclaredIn, tableColumnsOf, tablesDeclaredIn, tablesDigest } from '../../../server/src/engine/context/tableDeclarations';
import { lexerFor } from '../../../server/src/engine/lexers';
import { readDocument } from '../../../server/src/engine/formats';

// Invented values, built from parts so no test title holds one whole.
const MRN = ['0071', '9460'].join('');
const NAME = ['Harold', 'Zorblatt'].join(' ');

describe('context/tableDeclarations: the columns a CREATE TABLE declares', () => {
  it('reads column names from definitions with types, defaults, comments, quotes and constraints', () => {
    const sql = [
      'CREATE OR REPLACE TABLE main.zz.`patients` (',
      '  mrn STRING NOT NULL, -- chart number',
      '  `full_name` STRING,',
      "  dob DATE DEFAULT DATE'1900-01-01',",
      '  copay DECIMAL(8, 2),',
      '  CONSTRAINT pk PRIMARY KEY (mrn)',
      ') USING DELTA;',
      'CREATE TEMP VIEW IF NOT EXISTS v (a, b) AS SELECT 1, 2;',
      'CREATE TABLE t2 AS SELECT * FROM x;',
    ].join('\n');
    assert.deepEqual(tablesDeclaredIn(sql), [['main.zz.patients', ['mrn', 'full_name', 'dob', 'copay']], ['v', ['a', 'b']]]);
  });

  it('finds no columns in a list that never closes, and reads each closed one', () => {
    assert.deepEqual(tablesDeclaredIn(`CREATE TABLE a (x STRING, 'unclosed`), []);
    assert.deepEqual(tablesDeclaredIn('CREATE TABLE a (x STRING\nCREATE TABLE b (y INT)'), []);
    assert.deepEqual(tablesDeclaredIn('CREATE TABLE a (x STRING);\nCREATE TABLE b (y INT)'), [['a', ['x']], ['b', ['y']]]);
  });

  it('looks a table up by its whole name and by its last part when only one table has it', () => {
    const tables = tableColumnsOf([['cat.a.people', ['mrn']], ['cat.b.people', ['id']], ['cat.a.visits', ['mrn', 'visit_dt']]]);
    assert.deepEqual(tables.get('cat.a.people'), ['mrn']);
    assert.equal(tables.get('people'), undefined);
    assert.deepEqual(tables.get('visits'), ['mrn', 'visit_dt']);
    assert.notEqual(tablesDigest(tables), tablesDigest(tableColumnsOf([['cat.a.visits', ['mrn']]])));
    assert.equal(tablesDigest(tableColumnsOf([])), '');
  });

  it("reads only SQL cells of a document, the %sql cells of a Python notebook included", () => {
    const notebook = [
      '# Databricks notebook source',
      '# MAGIC %sql',
      '# MAGIC CREATE TABLE zz.people (mrn STRING, full_name STRING)',
      '',
      '# COMMAND ----------',
      '',
      'x = "CREATE TABLE zz.other (ssn STRING)"',
    ].join('\n');
    assert.deepEqual([...declaredTables(readDocument('synthetic_decl.py', notebook).cells).keys()], ['zz.people', 'people']);
  });

  it('keys the values of an INSERT with no column list by the columns the declared table has', () => {
    const sql = `INSERT INTO zz.people VALUES ('${MRN}', '${NAME}'), ('${MRN}', NULL);\nINSERT INTO unknown VALUES ('${MRN}')`;
    const lexer = lexerFor('sql');
    assert.ok(lexer);
    const tables = tableColumnsOf([['zz.people', ['mrn', 'full_name']]]);
    const keyed = findKeyedLiterals('sql', sql, lexer(sql), tables).map((k) => [k.key, sql.slice(k.start, k.end), k.table]);
    assert.deepEqual(keyed, [['mrn', MRN, 1], ['full_name', NAME, 1], ['mrn', MRN, 1]]);
    assert.deepEqual(findKeyedLiterals('sql', sql, lexer(sql)), []);
  });

  it("reads a Scala case class's fields, modifiers, defaults and type parameters included, and no list that never closes", () => {
    const scala = 'case class Pt(mrn: String, val dob: Option[String] = None, private val tags: Map[String, Int])\ncase class Bad(x: String';
    assert.deepEqual(recordTypesDeclaredIn(scala), [[recordTypeKey('Pt'), ['mrn', 'dob', 'tags']]]);
    assert.deepEqual(recordTypesDeclaredIn('case class Odd(1, 2)\nclass Plain(a: String)'), []);
  });

  it("keys the rows of a case class a notebook's earlier cell declares, as the notebook's shared scope does", () => {
    const notebook = [
      '// Databricks notebook source',
      'case class Member(memberId: String, name: String)',
      '',
      '// COMMAND ----------',
      '',
      `val m = Member("${MRN}", "${NAME}")`,
    ].join('\n');
    const document = readDocument('synthetic_records.scala', notebook);
    const tables = declaredTables(document.cells);
    assert.deepEqual(tables.get(recordTypeKey('Member')), ['memberId', 'name']);
    const code = document.cells[1].source.text;
    const lexer = lexerFor('scala');
    assert.ok(lexer);
    const keyed = findKeyedLiterals('scala', code, lexer(code), tables).map((k) => [k.key, code.slice(k.start, k.end)]);
    assert.deepEqual(keyed, [['memberId', MRN], ['name', NAME]]);
    assert.deepEqual(findKeyedLiterals('scala', code, lexer(code)), []);
  });
});
