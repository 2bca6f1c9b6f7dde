import { strict as assert } from 'node:assert';
import { lexR } from '../../../server/src/engine/lexers/r';
import { lexShow } from './tokens';

const lex = (text: string): string[] => lexShow(lexR, text);

describe('lexers/r', () => {
  it('reads strings with escapes in both quotes', () => {
    assert.deepEqual(lex(`'it\\'s' "say \\"x\\"" "a 'b'"`), [
      "string 'it\\'s' => it\\'s", 'string "say \\"x\\"" => say \\"x\\"', `string "a 'b'" => a 'b'`,
    ]);
  });

  it('reads raw strings with (), [] and {} and dashes', () => {
    assert.deepEqual(lex(`r"(C:\\path)" R'[a]' r"{x}" r"--(a)"b)--" x`), [
      'string/raw r"(C:\\path)" => C:\\path', "string/raw R'[a]' => a", 'string/raw r"{x}" => x',
      'string/raw r"--(a)"b)--" => a)"b', 'identifier x',
    ]);
    assert.deepEqual(lex('r"(open'), ['string/raw r"(open => open']);
    assert.deepEqual(lex('r"x"'), ['identifier r', 'string "x" => x']);
  });

  it('reads dotted and underscored names, backtick names and keywords', () => {
    assert.deepEqual(lex('birth.date <- patient_df$`birth date`; if (is.na(x)) NULL else TRUE'), [
      'identifier birth.date', 'operator <-', 'identifier patient_df', 'operator $', 'identifier `birth date` => birth date',
      'punctuation ;', 'keyword if', 'punctuation (', 'identifier is.na', 'punctuation (', 'identifier x', 'punctuation )',
      'punctuation )', 'keyword NULL', 'keyword else', 'keyword TRUE',
    ]);
  });

  it('reads R operators including %op% forms', () => {
    assert.deepEqual(lex('a <<- b -> c; d %in% e %>% f |> g ~ h :: i @ j == k != l <= m >= n = o % p'), [
      'identifier a', 'operator <<-', 'identifier b', 'operator ->', 'identifier c', 'punctuation ;', 'identifier d',
      'operator %in%', 'identifier e', 'operator %>%', 'identifier f', 'operator |>', 'identifier g', 'operator ~',
      'identifier h', 'operator ::', 'identifier i', 'operator @', 'identifier j', 'operator ==', 'identifier k',
      'operator !=', 'identifier l', 'operator <=', 'identifier m', 'operator >=', 'identifier n', 'operator =',
      'identifier o', 'operator %', 'identifier p',
    ]);
  });

  it('reads numbers with suffixes and exponents', () => {
    assert.deepEqual(lex('1L 1e5 0x1F .5 2i 3.25'), ['number 1L', 'number 1e5', 'number 0x1F', 'number .5', 'number 2i', 'number 3.25']);
  });

  it('reads comments with quotes, and # inside strings as text', () => {
    assert.deepEqual(lex(`x <- "# no" # it's "c"`), ['identifier x', 'operator <-', 'string "# no" => # no', `comment # it's "c" => it's "c"`]);
  });

  it('lets strings span lines and ends unterminated ones at the end', () => {
    assert.deepEqual(lex('"a\nb" x'), ['string "a\nb" => a\nb', 'identifier x']);
    assert.deepEqual(lex('"open\nx'), ['string "open\nx => open\nx']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '"', '%', 'r"', 'r"-', 'r"(', '`', '#', '\u0000']) assert.doesNotThrow(() => lexR(text));
  });
});
