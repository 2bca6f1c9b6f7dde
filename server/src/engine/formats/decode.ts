// PLACEHOLDER — replaced by the formats work: bytes → text (BOM, UTF-16, binary detection).
export function decodeText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}
