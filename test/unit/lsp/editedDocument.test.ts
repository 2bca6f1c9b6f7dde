import { strict as assert } from 'node:assert';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditedDocument, PieceText } from '../../../server/src/lsp/editedDocument';

describe('edited documents (piece table)', () => {
  /**
   * Seeded edits as an editor sends them (line/character ranges, sometimes reversed, past a line's end or past
   * the last line), checked against a TextDocument made afresh from the expected text each time.
   */
  for (const [title, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`matches vscode-languageserver-textdocument over 400 seeded edits (${title})`, () => {
      const start = Array.from({ length: 60 }, (_, i) => `line ${i} "x": [1, 2]`).join(eol);
      let text = start;
      const edited = EditedDocument.create('file:///t.ipynb', 'json', 1, start);
      let seed = title.length * 97 + 3;
      const rand = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
      const inserts = ['x', '', eol, `a${eol}b${eol}`, '\r', '\n', 'long text without a break', `${eol}${eol}`];
      const snapshots: { text: PieceText; expected: string }[] = [];
      for (let i = 0; i < 400; i++) {
        const reference = TextDocument.create('file:///t.ipynb', 'json', 1, text);
        const lines = reference.lineCount;
        const at = () => ({ line: rand(10) === 0 ? lines - 1 + rand(3) : rand(lines), character: rand(40) });
        const from = at();
        // Mostly short forward ranges; a third anywhere (reversed ones too); now and then the whole text.
        const range = rand(3) === 0 ? { start: from, end: at() } : { start: from, end: { line: from.line + rand(2), character: rand(40) } };
        const change: TextDocumentContentChangeEvent = rand(50) === 0 ? { text: `${start}${eol}replaced ${i}` } : { range, text: inserts[rand(inserts.length)] };
        const ends = 'range' in change ? [reference.offsetAt(change.range.start), reference.offsetAt(change.range.end)] : [0, text.length];
        const [a, b] = [Math.min(...ends), Math.max(...ends)];
        assert.deepEqual(edited.apply(change), { start: a, end: b }, `edit ${i}`);
        text = text.slice(0, a) + change.text + text.slice(b);
        assert.equal(edited.snapshot.length, text.length);
        if (i % 7 === 0) snapshots.push({ text: edited.snapshot, expected: text });
        const x = rand(text.length + 1);
        const y = x + rand(30);
        assert.equal(edited.snapshot.slice(x, y), text.slice(x, y), `slice after edit ${i}`);
        const now = TextDocument.create('file:///t.ipynb', 'json', 1, text);
        for (let k = 0; k < 5; k++) {
          const p = { line: rand(now.lineCount + 1), character: rand(45) };
          assert.equal(edited.offsetAt(p), now.offsetAt(p), `offset of ${p.line}:${p.character} after edit ${i}`);
        }
        if (i % 50 === 0) assert.equal(edited.getText(), text);
      }
      // Each version's text stays as it was while later edits are applied.
      for (const s of snapshots) assert.equal(s.text.text(), s.expected);
    });
  }

  it('a range past the last line appends at the end and keeps every line start right', () => {
    const doc = EditedDocument.create('file:///t.py', 'python', 1, 'ab\ncd');
    doc.apply({ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: '\nef' });
    const fresh = TextDocument.create('file:///t.py', 'python', 1, 'ab\ncd\nef');
    assert.equal(doc.getText(), fresh.getText());
    for (let line = 0; line < 4; line++) assert.equal(doc.offsetAt({ line, character: 1 }), fresh.offsetAt({ line, character: 1 }), `line ${line}`);
  });

  it('typing a character and deleting it gives back the text it was opened with', () => {
    const opened = `${'{"cells": []}\n'.repeat(1000)}`;
    const doc = EditedDocument.create('file:///t.ipynb', 'json', 1, opened);
    doc.apply({ range: { start: { line: 500, character: 3 }, end: { line: 500, character: 3 } }, text: 'x' });
    assert.notEqual(doc.snapshot.text(), opened);
    doc.apply({ range: { start: { line: 500, character: 3 }, end: { line: 500, character: 4 } }, text: '' });
    assert.equal(doc.snapshot.text(), opened);
  });
});
