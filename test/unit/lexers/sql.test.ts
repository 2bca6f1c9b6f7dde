import { strict as assert } from 'node:assert';
import { lexSql } from '../../../server/src/engine/lexers/sql';
import { lexShow } from './tokens';

const lex = (text: string): string[] => lexShow(lexSql, text);

describe('lexers/sql', () => {
  it('reads single- and double-quoted strings with doubled quotes and backslash escapes', () => {
    assert.deepEqual(lex(`'it''s' "say \\"x\\"" 'a\\'b' "c""d"`), [
      "string 'it''s' => it''s", 'string "say \\"x\\"" => say \\"x\\"', "string 'a\\'b' => a\\'b", 'string "c""d" => c""d',
    ]);
  });

  it('reads raw strings without backslash escapes', () => {
    assert.deepEqual(lex(`r'\\d+' R"C:\\"`), ["string/raw r'\\d+' => \\d+", 'string/raw R"C:\\" => C:\\']);
  });

  it('reads backtick identifiers, with `` as an escaped backtick', () => {
    assert.deepEqual(lex('SELECT `patient name`, `a``b`.c FROM `cat`.`sch`.`tbl`'), [
      'keyword SELECT', 'identifier `patient name` => patient name', 'punctuation ,', 'identifier `a``b` => a``b',
      'punctuation .', 'identifier c', 'keyword FROM', 'identifier `cat` => cat', 'punctuation .', 'identifier `sch` => sch',
      'punctuation .', 'identifier `tbl` => tbl',
    ]);
  });

  it('reads line and nested block comments; markers inside strings are text', () => {
    assert.deepEqual(lex(`SELECT '-- not' /* a /* it's */ b */ -- it's "x"\nFROM t`), [
      'keyword SELECT', "string '-- not' => -- not", "comment/block /* a /* it's */ b */ =>  a /* it's */ b ",
      `comment -- it's "x" => it's "x"`, 'keyword FROM', 'identifier t',
    ]);
  });

  it('reads parameters in every Databricks spelling, but not casts or JSON paths', () => {
    assert.deepEqual(lex('WHERE a = :mrn AND b = ${env.x} AND c = {{ id }} AND d = ? AND e = $name AND f::string = raw:owner.name'), [
      'keyword WHERE', 'identifier a', 'operator =', 'parameter :mrn', 'keyword AND', 'identifier b', 'operator =',
      'parameter ${env.x}', 'keyword AND', 'identifier c', 'operator =', 'parameter {{ id }}', 'keyword AND', 'identifier d',
      'operator =', 'parameter ?', 'keyword AND', 'identifier e', 'operator =', 'parameter $name', 'keyword AND',
      'identifier f', 'operator ::', 'identifier string', 'operator =', 'identifier raw', 'operator :', 'identifier owner',
      'punctuation .', 'identifier name',
    ]);
    assert.deepEqual(lex('IN (:a, :b) LIMIT :n'), [
      'keyword IN', 'punctuation (', 'parameter :a', 'punctuation ,', 'parameter :b', 'punctuation )', 'keyword LIMIT', 'parameter :n',
    ]);
  });

  it('reads keywords case-insensitively, and operators', () => {
    assert.deepEqual(lex('select * from t where a <=> b or c <> d and e || f >= 1.5e3 and g == -2L'), [
      'keyword select', 'operator *', 'keyword from', 'identifier t', 'keyword where', 'identifier a', 'operator <=>',
      'identifier b', 'keyword or', 'identifier c', 'operator <>', 'identifier d', 'keyword and', 'identifier e', 'operator ||',
      'identifier f', 'operator >=', 'number 1.5e3', 'keyword and', 'identifier g', 'operator ==', 'operator -', 'number 2L',
    ]);
    assert.deepEqual(lex("ALTER TABLE t ALTER COLUMN ssn SET MASK m; DATE '2020-01-01'"), [
      'keyword ALTER', 'keyword TABLE', 'identifier t', 'keyword ALTER', 'keyword COLUMN', 'identifier ssn', 'keyword SET',
      'keyword MASK', 'identifier m', 'punctuation ;', 'keyword DATE', "string '2020-01-01' => 2020-01-01",
    ]);
  });

  it('tells keywords from names that share their length or letters', () => {
    assert.deepEqual(lex('SeLeCt selects, sel, iN, in_, _in, partitions, Partition, fro1 FROM'), [
      'keyword SeLeCt', 'identifier selects', 'punctuation ,', 'identifier sel', 'punctuation ,', 'keyword iN', 'punctuation ,',
      'identifier in_', 'punctuation ,', 'identifier _in', 'punctuation ,', 'identifier partitions', 'punctuation ,',
      'keyword Partition', 'punctuation ,', 'identifier fro1', 'keyword FROM',
    ]);
    // Keywords are ASCII: a name spelt with a letter that only upper-cases to ASCII (dotless ı) is a name.
    assert.deepEqual(lex('\u0131n'), ['identifier \u0131n']);
  });

  it('reads dotted names as identifier . identifier', () => {
    assert.deepEqual(lex('main.clinical.patients'), [
      'identifier main', 'punctuation .', 'identifier clinical', 'punctuation .', 'identifier patients',
    ]);
  });

  it('lets strings span lines and ends unterminated input at the end', () => {
    assert.deepEqual(lex("'a\nb' x"), ["string 'a\nb' => a\nb", 'identifier x']);
    assert.deepEqual(lex("x = 'open\nmore"), ['identifier x', 'operator =', "string 'open\nmore => open\nmore"]);
    assert.deepEqual(lex('/* open'), ['comment/block /* open =>  open']);
    assert.deepEqual(lex('`open\nx'), ['identifier `open => open', 'identifier x']);
    assert.deepEqual(lex('${open\nx'), ['parameter ${open', 'identifier x']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', "'", '`', '/*', '--', '${', '{{', ':', '::', '?', '$', 'r', "r'", '\u0000']) {
      assert.doesNotThrow(() => lexSql(text));
    }
  });
});
