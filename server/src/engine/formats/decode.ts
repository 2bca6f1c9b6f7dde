/**
 * File bytes → the text every position refers to. Editors show files without their BOM, so the BOM is
 * removed here and offsets count from the first character after it. Line endings are kept as they are.
 */
import { ScanInputError } from './errors';

const BINARY_PROBE_BYTES = 8192;

/**
 * Decodes UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM. A NUL byte in the first 8 KB of any other
 * file marks it binary. Bytes that are not valid UTF-8 are read as windows-1252 (which maps every byte to a
 * character), so a legacy-encoded notebook is still scanned rather than skipped; identifiers are ASCII, so
 * detection does not depend on guessing the code page right.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
  }
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new ScanInputError('binary file; skipped');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/** windows-1252 differs from latin1 only in 0x80-0x9F; undefined bytes there keep their latin1 control code. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Node's TextDecoder treats 'windows-1252' as latin1, so the 0x80-0x9F range is mapped here. */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function looksBinary(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  return probe.indexOf(0) >= 0;
}
