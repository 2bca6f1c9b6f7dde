import { strict as assert } from 'node:assert';
import { lexShell } from '../../../server/src/engine/lexers/shell';
import { lexShow } from './tokens';

const lex = (text: string): string[] => lexShow(lexShell, text);

describe('lexers/shell', () => {
  it('reads comments only at the start of a word', () => {
    assert.deepEqual(lex('echo $# a#b x;# c\n# it\'s "q"'), [
      'identifier echo', 'parameter $#', 'identifier a#b', 'identifier x', 'operator ;', 'comment # c => c',
      `comment # it's "q" => it's "q"`,
    ]);
  });

  it('reads single quotes without escapes and double quotes with them', () => {
    assert.deepEqual(lex(`echo 'a\\' "b \\"c\\" # d"`), [
      'identifier echo', "string 'a\\' => a\\", 'string "b \\"c\\" # d" => b \\"c\\" # d',
    ]);
  });

  it('reads variables as parameters and words as identifiers or numbers', () => {
    assert.deepEqual(lex('MRN=123 curl --data=x ${HOST}/$PATH_1 | wc -l && cat < f >> g'), [
      'identifier MRN', 'operator =', 'number 123', 'identifier curl', 'identifier --data', 'operator =', 'identifier x',
      'parameter ${HOST}', 'identifier /', 'parameter $PATH_1', 'operator |', 'identifier wc', 'identifier -l',
      'operator &&', 'identifier cat', 'operator <', 'identifier f', 'operator >>', 'identifier g',
    ]);
  });

  it('ends unterminated input at the end', () => {
    assert.deepEqual(lex("echo 'open\nx"), ['identifier echo', "string 'open\nx => open\nx"]);
    assert.deepEqual(lex('${open\nx'), ['parameter ${open', 'identifier x']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '"', "'", '$', '${', '#', '\\', '\u0000']) assert.doesNotThrow(() => lexShell(text));
  });
});
