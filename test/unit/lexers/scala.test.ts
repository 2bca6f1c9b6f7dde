import { strict as assert } from 'node:assert';
import { lexScala } from '../../../server/src/engine/lexers/scala';
import { lexShow } from './tokens';

const lex = (text: string): string[] => lexShow(lexScala, text);

describe('lexers/scala', () => {
  it('reads plain, triple-quoted and interpolated strings', () => {
    assert.deepEqual(lex('"a\\"b" """x "q" y""" s"id=$id" f"$n%2d" raw"\\d+" sql"v"'), [
      'string "a\\"b" => a\\"b', 'string/triple """x "q" y""" => x "q" y', 'string/interpolated s"id=$id" => id=$id',
      'string/interpolated f"$n%2d" => $n%2d', 'string/raw raw"\\d+" => \\d+', 'string/interpolated sql"v" => v',
    ]);
  });

  it('keeps ${...} blocks with nested strings inside the interpolated string', () => {
    assert.deepEqual(lex('s"a ${m("}")} $$b" + c'), ['string/interpolated s"a ${m("}")} $$b" => a ${m("}")} $$b', 'operator +', 'identifier c']);
    assert.deepEqual(lex('s"""multi\n${x("y")}\n"""'), ['string/interpolated s"""multi\n${x("y")}\n""" => multi\n${x("y")}\n']);
  });

  it('closes a triple-quoted string at the last quote of a run', () => {
    assert.deepEqual(lex('"""ends with quote""""'), ['string/triple """ends with quote"""" => ends with quote"']);
  });

  it('reads $"col" as an operator and a string', () => {
    assert.deepEqual(lex('df.filter($"mrn" === lit("x") && col("a") =!= 1)'), [
      'identifier df', 'punctuation .', 'identifier filter', 'punctuation (', 'operator $', 'string "mrn" => mrn',
      'operator ===', 'identifier lit', 'punctuation (', 'string "x" => x', 'punctuation )', 'operator &&', 'identifier col',
      'punctuation (', 'string "a" => a', 'punctuation )', 'operator =!=', 'number 1', 'punctuation )',
    ]);
  });

  it('reads char and symbol literals', () => {
    assert.deepEqual(lex("'c' '\\n' '\\u0041' 'sym x"), [
      "string 'c' => c", "string '\\n' => \\n", "string '\\u0041' => \\u0041", "identifier 'sym => sym", 'identifier x',
    ]);
  });

  it('reads line and nested block comments; markers in strings are text', () => {
    assert.deepEqual(lex('val a = "// no" // it\'s "c"\n/* a /* b */ c */ x'), [
      'keyword val', 'identifier a', 'operator =', 'string "// no" => // no', `comment // it's "c" => it's "c"`,
      'comment/block /* a /* b */ c */ =>  a /* b */ c ', 'identifier x',
    ]);
  });

  it('reads operators as runs of operator characters, and backtick names', () => {
    assert.deepEqual(lex('m -> v; x <- xs; (a) => b; `type` == c != d || e'), [
      'identifier m', 'operator ->', 'identifier v', 'punctuation ;', 'identifier x', 'operator <-', 'identifier xs',
      'punctuation ;', 'punctuation (', 'identifier a', 'punctuation )', 'operator =>', 'identifier b', 'punctuation ;',
      'identifier `type` => type', 'operator ==', 'identifier c', 'operator !=', 'identifier d', 'operator ||', 'identifier e',
    ]);
    assert.deepEqual(lex('a +// c'), ['identifier a', 'operator +', 'comment // c => c']);
  });

  it('ends unterminated input sensibly', () => {
    assert.deepEqual(lex('"open\nx'), ['string "open => open', 'identifier x']);
    assert.deepEqual(lex('"""open\nx'), ['string/triple """open\nx => open\nx']);
    assert.deepEqual(lex('s"${open\nx'), ['string/interpolated s"${open => ${open', 'identifier x']);
    assert.deepEqual(lex('/* a /* b */'), ['comment/block /* a /* b */ =>  a /* b */']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '"', '"""', "'", "'\\", 's"${', '$', '`', '/*', '\u0000']) assert.doesNotThrow(() => lexScala(text));
  });
});
