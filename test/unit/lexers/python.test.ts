import { strict as assert } from 'node:assert';
import { lexPython } from '../../../server/src/engine/lexers/python';
import { lexerFor } from '../../../server/src/engine/lexers';
import { lexShow } from './tokens';

const lex = (text: string): string[] => lexShow(lexPython, text);

describe('lexers/python', () => {
  it('is the lexer for python', () => {
    assert.equal(lexerFor('python'), lexPython);
    assert.equal(lexerFor('markdown'), undefined);
    assert.equal(lexerFor('text'), undefined);
  });

  it('reads string prefixes and flags the most informative one', () => {
    assert.deepEqual(lex(`r'a\\d' b"x" f"{v}" u'u' Rb"r" BR'q' fR"z" rf'w' '''t''' """d"""`), [
      "string/raw r'a\\d' => a\\d", 'string/bytes b"x" => x', 'string/interpolated f"{v}" => {v}', "string u'u' => u",
      'string/bytes Rb"r" => r', "string/bytes BR'q' => q", 'string/interpolated fR"z" => z', "string/interpolated rf'w' => w",
      "string/triple '''t''' => t", 'string/triple """d""" => d',
    ]);
  });

  it('keeps escaped and nested quotes inside the string', () => {
    assert.deepEqual(lex(`x = "say \\"hi\\"" + 'it\\'s' + "a 'b' c"`), [
      'identifier x', 'operator =', 'string "say \\"hi\\"" => say \\"hi\\"', 'operator +', "string 'it\\'s' => it\\'s",
      'operator +', `string "a 'b' c" => a 'b' c`,
    ]);
  });

  it('a raw string still cannot end at a backslash-escaped quote', () => {
    assert.deepEqual(lex(`r"a\\"b" + c`), ['string/raw r"a\\"b" => a\\"b', 'operator +', 'identifier c']);
  });

  it('keeps f-string replacement fields whole, including same-quote nesting (3.12)', () => {
    assert.deepEqual(lex(`f"{d["k"]} and {'}'} {{lit}} {x!r:>{w}}" # c`), [
      `string/interpolated f"{d["k"]} and {'}'} {{lit}} {x!r:>{w}}" => {d["k"]} and {'}'} {{lit}} {x!r:>{w}}`,
      'comment # c => c',
    ]);
    assert.deepEqual(lex(`f'{f"{a}"}' + b`), [`string/interpolated f'{f"{a}"}' => {f"{a}"}`, 'operator +', 'identifier b']);
  });

  it('reads comments containing quotes and strings containing comment markers', () => {
    assert.deepEqual(lex(`# it's "quoted"\ns = "# not a comment" #tail`), [
      `comment # it's "quoted" => it's "quoted"`, 'identifier s', 'operator =', 'string "# not a comment" => # not a comment',
      'comment #tail => tail',
    ]);
  });

  it('spans triple-quoted strings across lines, with quotes inside', () => {
    const text = 'q = """\nSELECT * FROM t WHERE a = "x" \'\'\n"""\nn = 1';
    assert.deepEqual(lex(text), [
      'identifier q', 'operator =', 'string/triple """\nSELECT * FROM t WHERE a = "x" \'\'\n""" => \nSELECT * FROM t WHERE a = "x" \'\'\n',
      'identifier n', 'operator =', 'number 1',
    ]);
  });

  it('ends unterminated single-line strings at the line end and triple strings at the end', () => {
    assert.deepEqual(lex(`a = "open\nb = 'x'`), ['identifier a', 'operator =', 'string "open => open', 'identifier b', 'operator =', "string 'x' => x"]);
    assert.deepEqual(lex(`a = """never\nclosed`), ['identifier a', 'operator =', 'string/triple """never\nclosed => never\nclosed']);
    assert.deepEqual(lex(`f"{x`), ['string/interpolated f"{x => {x']);
    assert.deepEqual(lex(`"ends with backslash\\`), ['string "ends with backslash\\ => ends with backslash\\']);
  });

  it('continues a single-quoted string over a backslash-newline', () => {
    assert.deepEqual(lex(`"a\\\nb" c`), ['string "a\\\nb" => a\\\nb', 'identifier c']);
    assert.deepEqual(lex(`"a\\\r\nb" c`), ['string "a\\\r\nb" => a\\\r\nb', 'identifier c']);
  });

  it('reads numbers, keywords, operators and punctuation', () => {
    assert.deepEqual(lex('if x.y[0] >= 1_000 and z != 0x1F: w **= 2.5e-3; v //= .5j -> None'), [
      'keyword if', 'identifier x', 'punctuation .', 'identifier y', 'punctuation [', 'number 0', 'punctuation ]',
      'operator >=', 'number 1_000', 'keyword and', 'identifier z', 'operator !=', 'number 0x1F', 'operator :',
      'identifier w', 'operator **=', 'number 2.5e-3', 'punctuation ;', 'identifier v', 'operator //=', 'number .5j',
      'operator ->', 'keyword None',
    ]);
    assert.deepEqual(lex('@decorator\n(a := b) | c & ~d ^ e % f'), [
      'operator @', 'identifier decorator', 'punctuation (', 'identifier a', 'operator :=', 'identifier b', 'punctuation )',
      'operator |', 'identifier c', 'operator &', 'operator ~', 'identifier d', 'operator ^', 'identifier e', 'operator %', 'identifier f',
    ]);
  });

  it('treats prefix-like names as names unless a quote follows', () => {
    assert.deepEqual(lex('rb = f + br("x")'), [
      'identifier rb', 'operator =', 'identifier f', 'operator +', 'identifier br', 'punctuation (', 'string "x" => x', 'punctuation )',
    ]);
  });

  it('reads non-ASCII names and CRLF lines', () => {
    assert.deepEqual(lex('größe = 1\r\n# c\r\nx'), ['identifier größe', 'operator =', 'number 1', 'comment # c => c', 'identifier x']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '"', "'''", 'f"{', '\\', '#', '$?`', 'f"{"{"{"', '\u0000\uffff\ud800']) {
      assert.doesNotThrow(() => lexPython(text));
    }
  });
});
