/**
 * Builders of obviously synthetic identifiers for detector tests: structurally valid (check digits computed
 * here, not copied from anywhere) so the detectors' validation is exercised, and never a real person's.
 */

/** Luhn, written independently of the detectors so a bug there cannot agree with itself here. */
function luhnValid(digits: string): boolean {
  const sum = [...digits].reverse().reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return sum % 10 === 0;
}

/** Appends the digit that makes `body` pass Luhn. */
export function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

/** A card number with the issuer prefix, padded with a counting pattern, Luhn-valid. */
export function cardNumber(prefix: string, length = 16): string {
  let body = prefix;
  for (let i = 1; body.length < length - 1; i++) body += String(i % 10);
  return withLuhn(body);
}

/** A ten-digit NPI (prefix 1 or 2) valid under the 80840 Luhn rule. */
export function npi(body9 = '123456789'): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`80840${body9}${d}`)) return `${body9}${d}`;
  throw new Error('unreachable');
}

export function group(digits: string, sizes: readonly number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(digits.slice(at, at + n));
    at += n;
  }
  return out.join(sep);
}

/** A VIN with a computed check digit at position 9. */
export function vin(without9 = '1HGCM8263A004352'): string {
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const value = (ch: string): number => (ch >= '0' && ch <= '9' ? Number(ch) : ch <= 'H' ? ch.charCodeAt(0) - 64 : ch <= 'R' ? ch.charCodeAt(0) - 73 : ch.charCodeAt(0) - 81);
  const chars = [...without9.slice(0, 8), '0', ...without9.slice(8)];
  const sum = chars.reduce((s, ch, i) => s + value(ch) * weights[i], 0);
  const check = sum % 11;
  chars[8] = check === 10 ? 'X' : String(check);
  return chars.join('');
}

/** An IMEI-shaped fifteen-digit Luhn number. */
export function imei(): string {
  return withLuhn('49015420323751');
}

/** Synthetic SSN parts: area 123 is valid, obviously invented. */
export const SSN = ['123', '45', '6789'] as const;
export const SSN_DASHED = SSN.join('-');
export const PHONE = ['212', '555', '0147'] as const;
/** A synthetic MBI in the published layout (not CMS's own example, which is no one's and never reported). */
export const MBI = ['9XX0', 'XX0', 'XX00'] as const;
/** The example MBI of CMS's format specification, in parts. */
export const CMS_EXAMPLE_MBI = ['1EG4', 'TE5', 'MK73'] as const;
