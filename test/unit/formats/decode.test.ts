import { strict as assert } from 'node:assert';
import { decodeText } from '../../../server/src/engine/formats/decode';
import { ScanInputError } from '../../../server/src/engine/formats/errors';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]));
}

describe('formats/decodeText', () => {
  it('decodes UTF-8 and keeps CR and CRLF line endings', () => {
    assert.equal(decodeText(utf8('a\r\nb\rc\nd é')), 'a\r\nb\rc\nd é');
  });

  it('removes a UTF-8 BOM so offsets count from the first character', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# Databricks notebook source\nx')]);
    const text = decodeText(bytes);
    assert.equal(text, '# Databricks notebook source\nx');
    assert.equal(text.indexOf('x'), 29);
  });

  it('removes only the first BOM (a second U+FEFF is content)', () => {
    assert.equal(decodeText(utf8('\ufeff\ufeffa')), '\ufeffa');
  });

  it('decodes UTF-16 LE and BE with a BOM, BOM removed', () => {
    const text = 'line one\r\nzweite Zeile é 😀';
    assert.equal(decodeText(utf16(text, false)), text);
    assert.equal(decodeText(utf16(text, true)), text);
  });

  it('treats a NUL in the first 8 KB as binary, with a message that quotes nothing', () => {
    const bytes = new Uint8Array([...utf8('SECRET-CONTENT'), 0, 1, 2]);
    assert.throws(() => decodeText(bytes), (e: unknown) => {
      assert.ok(e instanceof ScanInputError);
      assert.equal(e.message, 'binary file; skipped');
      return true;
    });
  });

  it('does not look for NUL bytes beyond the first 8 KB', () => {
    const bytes = new Uint8Array(9000).fill(0x61);
    bytes[8500] = 0;
    assert.equal(decodeText(bytes).length, 9000);
  });

  it('reads invalid UTF-8 as windows-1252 so the file is still scanned', () => {
    // "café" in windows-1252 (0xE9) and a euro sign (0x80): not valid UTF-8.
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]);
    assert.equal(decodeText(bytes), 'café €');
  });

  it('decodes an empty file', () => {
    assert.equal(decodeText(new Uint8Array(0)), '');
  });
});
