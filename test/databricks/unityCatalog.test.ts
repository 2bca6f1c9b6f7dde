import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolveConfig } from '../../server/src/engine/config';
import type { Finding } from '../../server/src/engine/model';
import { scanText } from '../../server/src/engine/scan';
import { ucMaskFix } from '../../server/src/databricks/ucFixes';
import { ucHover } from '../../server/src/databricks/ucHover';
import { DEFAULT_UC_SETTINGS, parseUcSnapshot, type UcSnapshot } from '../../server/src/databricks/ucModel';
import { fixture, lineOf } from './helpers';

const snapshot: UcSnapshot = parseUcSnapshot(JSON.parse(fixture('uc', 'snapshot.json').text));

function scan(file: string, text = fixture('uc', file).text, raw?: Record<string, unknown>) {
  const path = fixture('uc', file).path;
  const result = scanText(path, text, { inputs: { ucSnapshot: snapshot }, config: raw ? resolveConfig(raw) : undefined });
  return { ...result, text, path };
}

const uc = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === 'uc/unmasked-phi-column');

describe('Unity Catalog: unmasked PHI columns', () => {
  it('reads snapshots and rejects anything else with a short message', () => {
    assert.equal(snapshot.tables.length, 2);
    assert.equal(snapshot.tables[0].columns[1].mask?.functionName, 'demo_health.governance.mask_date');
    assert.throws(() => parseUcSnapshot({ kind: 'other' }), /not a phisafe Unity Catalog snapshot/);
    assert.throws(() => parseUcSnapshot({ kind: 'phisafe-uc-snapshot', version: 1, tables: [{ fullName: 'a.b', columns: [] }] }), /three-part/);
  });

  it('flags PHI-tagged columns without a mask, by name and through *, following USE CATALOG/SCHEMA', () => {
    const { findings, text } = scan('queries.sql');
    const got = uc(findings).map((f) => `${f.range.line + 1} ${f.contextKey}`).sort();
    assert.deepEqual(got, [
      `${lineOf(text, 'SELECT p.member_ref')} member_ref`,
      `${lineOf(text, "WHERE p.chart_code")} chart_code`,
      `${lineOf(text, 'SELECT * FROM')} chart_code`,
      `${lineOf(text, 'SELECT * FROM')} member_ref`,
    ].sort());
    for (const f of uc(findings)) {
      assert.equal(f.category, 'compliance');
      assert.ok(f.fixes.includes('add-column-mask'));
      assert.match(f.message, /demo_health\.clinical\.patients/);
    }
  });

  it('puts the finding on the column reference itself', () => {
    const { findings, text } = scan('queries.sql');
    const f = uc(findings).find((x) => x.contextKey === 'member_ref' && x.range.line + 1 === lineOf(text, 'SELECT p.member_ref'));
    assert.equal(text.slice(f!.range.startOffset, f!.range.endOffset), 'member_ref');
  });

  it('finds tables read from code: spark.table, spark.read.table, DeltaTable.forName and SQL in strings', () => {
    const { findings, text } = scan('notebook.py');
    const got = uc(findings).map((f) => `${f.range.line + 1} ${f.contextKey}`).sort();
    assert.deepEqual(got, [
      `${lineOf(text, 'spark.table(')} chart_code`,
      `${lineOf(text, 'spark.table(')} member_ref`,
      `${lineOf(text, 'DeltaTable.forName')} chart_code`,
      `${lineOf(text, 'DeltaTable.forName')} member_ref`,
      `${lineOf(text, 'SELECT member_ref')} member_ref`,
    ].sort());
  });

  it('a literal compared with a PHI-tagged column is an embedded identifier, typed by the tag, never shown', () => {
    for (const [file, needle] of [['queries.sql', "'Q7'"], ['notebook.py', "'ZZ01'"]]) {
      const { findings, text } = scan(file);
      const lit = findings.filter((f) => f.ruleId === 'phi/embedded-identifier');
      assert.equal(lit.length, 1, file);
      const value = needle.slice(1, -1);
      assert.equal(text.slice(lit[0].range.startOffset, lit[0].range.endOffset), value);
      assert.match(lit[0].message, /tagged `(classification=PHI|phi=health-plan-id)`/);
      assert.ok(!lit[0].message.includes(value) && !lit[0].redacted.includes(value));
    }
    const py = scan('notebook.py').findings.find((f) => f.ruleId === 'phi/embedded-identifier');
    assert.equal(py?.category, 'health-plan-id');
  });

  it('tag keys and values are configurable', () => {
    const { findings } = scan('queries.sql', undefined, { uc: { phiTagKeys: ['none-such'], phiTagValues: ['none-such'] } });
    assert.deepEqual(uc(findings), []);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'phi/embedded-identifier'), []);
  });

  it('without metadata the rule stays silent', () => {
    const { path, text } = fixture('uc', 'queries.sql');
    assert.deepEqual(uc(scanText(path, text).findings), []);
  });

  it('the add-mask fix names the right table and column and inserts before the query', () => {
    const { findings, document, text } = scan('queries.sql');
    const f = uc(findings).find((x) => x.contextKey === 'member_ref')!;
    const fix = ucMaskFix(document!, f, snapshot, DEFAULT_UC_SETTINGS);
    assert.ok(fix);
    assert.match(fix.sql, /ALTER TABLE demo_health\.clinical\.patients ALTER COLUMN member_ref SET MASK demo_health\.clinical\.mask_member_ref;/);
    assert.match(fix.sql, /CREATE FUNCTION IF NOT EXISTS demo_health\.clinical\.mask_member_ref\(member_ref STRING\)/);
    assert.equal(fix.edits.length, 1);
    const e = fix.edits[0];
    const after = text.slice(0, e.startOffset) + e.newText + text.slice(e.endOffset);
    assert.ok(after.indexOf('ALTER TABLE') < after.indexOf('SELECT p.member_ref'));
    assert.equal(e.startOffset, text.indexOf('SELECT p.member_ref'));
  });

  it('the fix in Python wraps the statements in spark.sql and keeps the indentation', () => {
    const { findings, document, text } = scan('notebook.py');
    const f = uc(findings).find((x) => x.contextKey === 'member_ref' && x.range.line + 1 === lineOf(text, 'SELECT member_ref'))!;
    const fix = ucMaskFix(document!, f, snapshot, DEFAULT_UC_SETTINGS)!;
    assert.match(fix.edits[0].newText, /^ {4}# phisafe/);
    assert.match(fix.edits[0].newText, /spark\.sql\("""ALTER TABLE demo_health\.clinical\.patients ALTER COLUMN member_ref SET MASK/);
  });

  it('hover shows tags, mask status and the row filter', () => {
    const { document, text } = scan('queries.sql');
    const col = ucHover(document!, text.indexOf('member_ref, p.birth_dt') + 2, snapshot, DEFAULT_UC_SETTINGS)!;
    assert.match(col.markdown, /Mask: no mask/);
    assert.match(col.markdown, /phi=health-plan-id/);
    assert.match(col.markdown, /Row filter: `demo_health.governance.by_site`/);
    const masked = ucHover(document!, text.indexOf('p.birth_dt') + 3, snapshot, DEFAULT_UC_SETTINGS)!;
    assert.match(masked.markdown, /Mask: `demo_health.governance.mask_date`/);
    const table = ucHover(document!, text.indexOf('patients AS p') + 1, snapshot, DEFAULT_UC_SETTINGS)!;
    assert.match(table.markdown, /`member_ref` STRING: tags `phi=health-plan-id`; \*\*no mask\*\* — PHI/);
    assert.equal(ucHover(document!, text.indexOf('count(*)'), snapshot, DEFAULT_UC_SETTINGS), undefined);
  });

  it('snapshot fixture file holds metadata only', () => {
    const raw = readFileSync(fixture('uc', 'snapshot.json').path, 'utf8');
    assert.ok(!/token|password|dapi/i.test(raw));
  });
});
