import { strict as assert } from 'node:assert';
import { readDocument } from '../../../server/src/engine/formats';
import { decodeText } from '../../../server/src/engine/formats/decode';
import { isPhiScannable } from '../../../server/src/engine/formats/support';
import { assertMapsBack } from './slices';

describe('formats/readDocument dispatch', () => {
  it('reads code files as one cell in their language', () => {
    const cases: [string, string][] = [
      ['a.py', 'python'], ['a.sql', 'sql'], ['a.scala', 'scala'], ['a.r', 'r'], ['a.R', 'r'], ['a.sh', 'shell'],
      ['a.txt', 'text'], ['Makefile', 'text'],
    ];
    for (const [path, language] of cases) {
      const text = 'x = "MARK_PLAIN"\r\ny = 2\n';
      const doc = readDocument(path, text);
      assert.equal(doc.format, 'plain', path);
      assert.equal(doc.cells.length, 1);
      assert.equal(doc.cells[0].kind, 'code');
      assert.equal(doc.cells[0].language, language, path);
      assert.equal(doc.cells[0].source.text, text);
      assert.equal(doc.cells[0].fileEnd, text.length);
      assertMapsBack(text, doc.cells[0].source, 'MARK_PLAIN');
    }
  });

  it('reads markdown files as one markdown cell', () => {
    for (const path of ['README.md', 'notes.markdown']) {
      const doc = readDocument(path, '# Title\n\nMARK_MD');
      assert.equal(doc.format, 'markdown');
      assert.equal(doc.cells[0].kind, 'markdown');
      assert.equal(doc.cells[0].language, 'markdown');
    }
  });

  it('recognises R source notebooks by the .R extension', () => {
    const doc = readDocument('analysis.R', '# Databricks notebook source\nx <- 1\n');
    assert.equal(doc.format, 'source-notebook');
    assert.equal(doc.cells[0].language, 'r');
  });

  it('recognises a source notebook by its header even with another extension', () => {
    const doc = readDocument('export.txt', '-- Databricks notebook source\nSELECT 1');
    assert.equal(doc.format, 'source-notebook');
    assert.equal(doc.cells[0].language, 'sql');
  });

  it('reads an empty file', () => {
    for (const path of ['a.py', 'a.md', 'a.sql']) {
      const doc = readDocument(path, '');
      assert.equal(doc.cells.length, 1);
      assert.equal(doc.cells[0].source.text, '');
    }
  });

  it('positions are on the decoded text: a BOM is gone before the reader runs', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('# Databricks notebook source\r\n# MAGIC %md MARK_BOM\r\n')]);
    const text = decodeText(bytes);
    const doc = readDocument('nb.py', text);
    assert.equal(doc.format, 'source-notebook');
    assertMapsBack(text, doc.cells[0].source, 'MARK_BOM');
    assert.equal(doc.cells[0].source.map.toFile(0), '# Databricks notebook source\r\n# MAGIC %md '.length);
  });

  it('reads text that still starts with a BOM (an editor buffer), offsets counting the BOM', () => {
    const py = '\ufeff# Databricks notebook source\nx = "MARK_PY"';
    const doc = readDocument('nb.py', py);
    assert.equal(doc.format, 'source-notebook');
    assertMapsBack(py, doc.cells[0].source, 'MARK_PY');
    const nb = `\ufeff${JSON.stringify({ nbformat: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: 'MARK_NB' }] })}`;
    assertMapsBack(nb, readDocument('nb.ipynb', nb).cells[0].source, 'MARK_NB');
  });

  it('scans R files in either case', () => {
    assert.ok(isPhiScannable('x.R'));
    assert.ok(isPhiScannable('x.r'));
    assert.ok(isPhiScannable('x.ipynb'));
  });
});
