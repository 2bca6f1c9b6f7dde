import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditedDocument, PieceText } from '../../../server/src/lsp/editedDocument';

describe('edited documents (piece table)', () => {
  /** Seeded edits as an editor sends them (line/character ranges, sometimes reversed or past the end), mirrored on TextDocument. */
  for (const [title, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`matches vscode-languageserver-textdocument over 400 seeded edits (${title})`, () => {
      const start = Array.from({ length: 60 }, (_, i) => `line ${i} "x": [1, 2]`).join(eol);
      let reference = TextDocument.create('file:///t.ipynb', 'json', 1, start);
      const edited = EditedDocument.create('file:///t.ipynb', 'json', 1, start);
      let seed = title.length * 97 + 3;
      const rand = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
      const inserts = ['x', '', eol, `a${eol}b${eol}`, '\r', '\n', 'long text without a break', `${eol}${eol}`];
      const snapshots: { text: PieceText; expected: string }[] = [];
      for (let i = 0; i < 400; i++) {
        const lines = reference.lineCount;
        const at = () => ({ line: rand(lines + 1), character: rand(40) });
        const change = rand(50) === 0 ? { text: `${start}${eol}replaced ${i}` } : { range: { start: at(), end: rand(3) === 0 ? at() : at() }, text: inserts[rand(inserts.length)] };
        const before = reference.getText().length;
        const expectedStart = 'range' in change ? Math.min(reference.offsetAt(change.range.start), reference.offsetAt(change.range.end)) : 0;
        const expectedEnd = 'range' in change ? Math.max(reference.offsetAt(change.range.start), reference.offsetAt(change.range.end)) : before;
        const where = edited.apply(change);
        assert.deepEqual(where, { start: expectedStart, end: expectedEnd }, `edit ${i}`);
        reference = TextDocument.update(reference, [change], i + 2);
        const text = reference.getText();
        assert.equal(edited.snapshot.length, text.length);
        if (i % 7 === 0) snapshots.push({ text: edited.snapshot, expected: text });
        const a = rand(text.length + 1);
        const b = a + rand(30);
        assert.equal(edited.snapshot.slice(a, b), text.slice(a, b), `slice after edit ${i}`);
        for (let k = 0; k < 5; k++) {
          const p = { line: rand(reference.lineCount + 1), character: rand(45) };
          assert.equal(edited.offsetAt(p), reference.offsetAt(p), `offset of ${p.line}:${p.character} after edit ${i}`);
        }
        if (i % 50 === 0) assert.equal(edited.getText(), text);
      }
      // Each version's text stays as it was while later edits are applied.
      for (const s of snapshots) assert.equal(s.text.text(), s.expected);
    });
  }

  it('typing a character and deleting it gives back the text it was opened with', () => {
    const opened = `${'{"cells": []}\n'.repeat(1000)}`;
    const doc = EditedDocument.create('file:///t.ipynb', 'json', 1, opened);
    doc.apply({ range: { start: { line: 500, character: 3 }, end: { line: 500, character: 3 } }, text: 'x' });
    assert.notEqual(doc.snapshot.text(), opened);
    doc.apply({ range: { start: { line: 500, character: 3 }, end: { line: 500, character: 4 } }, text: '' });
    assert.equal(doc.snapshot.text(), opened);
  });
});
