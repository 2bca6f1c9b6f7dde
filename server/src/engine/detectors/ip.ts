/**
 * IP addresses tied to a person: only with a person cue nearby (patient, user, client, login, visitor...).
 * Private, loopback, link-local, shared, multicast, reserved and documentation ranges are never reported:
 * they name a machine inside a network (a driver node, a VPC endpoint) or an example, never a person at home.
 * Version pins (`==1.2.3.4`, `v1.2.3.4`) are ruled out by what precedes them.
 */
import { makeCandidate } from './candidate';
import { cueBefore, cueNear, withExtraCues } from './cues';
import { viewFor, type TextView } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const IP_CUES = [
  'patient', 'user', 'user ip', 'client', 'client ip', 'login', 'logged in', 'logon', 'remote', 'remote addr',
  'remote address', 'source ip', 'src ip', 'visitor', 'caller', 'member', 'subscriber', 'signed in',
  'accessed from', 'from ip', 'portal', 'x-forwarded-for', 'device ip', 'home ip',
];
const VERSION_CUES = ['version', 'ver', 'release', 'v', 'pin', 'pinned', 'runtime', 'dbr', 'library', 'package', 'pip', '=='];
const MAX_V6 = 45;

/** Public unicast IPv4: not 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16, docs, ≥224. */
export function isPublicIpv4(parts: readonly number[]): boolean {
  const [a, b, c] = parts;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && (b === 168 || (b === 0 && (c === 0 || c === 2)))) return false;
  if (a === 198 && (b === 18 || b === 19 || (b === 51 && c === 100))) return false;
  return !(a === 203 && b === 0 && c === 113);
}

function ipv4Parts(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    if (p.length > 3 || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    nums.push(n);
  }
  return nums;
}

/** Public unicast IPv6 with at least three groups; `::1`, fe80::/10, fc00::/7 and 2001:db8::/32 are not. */
export function isPublicIpv6(value: string): boolean {
  const lower = value.toLowerCase();
  const halves = lower.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h ? h.split(':') : []));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return false;
  if (halves.length === 1 ? groups.length !== 8 : groups.length > 7 || groups.length < 2) return false;
  if (!groups.some((g) => g.length >= 3 && /[a-f]/.test(g)) && !groups.some((g) => g.length === 4)) return false;
  const first = parseInt(groups[0], 16);
  if (halves.length === 2 && halves[0] === '') return false;
  if ((first & 0xffc0) === 0xfe80 || (first & 0xfe00) === 0xfc00 || (first & 0xff00) === 0xff00) return false;
  return !(groups[0] === '2001' && groups[1] === 'db8');
}

function isVersionContext(view: TextView, start: number): boolean {
  const before = view.charBefore(start);
  if (/[=~^<>@vV]/.test(before)) return true;
  const hit = cueBefore(view, start, VERSION_CUES, 16);
  return hit !== undefined;
}

function isHexOrColon(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Maximal runs of hex digits and colons around each colon; each character is visited once. */
function findIpv6(view: TextView, cues: readonly string[], out: Candidate[]): void {
  const text = view.text;
  let from = 0;
  for (;;) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return;
    let start = colon;
    while (start > from && isHexOrColon(text.charCodeAt(start - 1))) start--;
    let end = colon;
    while (end < text.length && isHexOrColon(text.charCodeAt(end))) end++;
    view.work(end - start);
    from = end + 1;
    if (end - start > MAX_V6 || end - start < 6) continue;
    const value = text.slice(start, end);
    const bounded = !/[\w.]/.test(view.charBefore(start)) && !/[\w.]/.test(view.charAt(end));
    if (bounded && isPublicIpv6(value) && cueNear(view, start, end, cues)) out.push(makeCandidate(view, start, end, 'ip-address', 'ip-address', 'medium'));
  }
}

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(IP_CUES, 'ip-address', context);
  const out: Candidate[] = [];
  for (let i = 0; i < view.chainCount; i++) {
    if (view.chainAtomCount(i) !== 4 || !view.chainShape(i) || !view.chainJoinedOnlyBy(i, '.')) continue;
    const chain = view.chain(i);
    const parts = ipv4Parts(view.slice(chain.start, chain.end));
    if (!parts || !isPublicIpv4(parts) || isVersionContext(view, chain.start)) continue;
    if (cueNear(view, chain.start, chain.end, cues)) out.push(makeCandidate(view, chain.start, chain.end, 'ip-address', 'ip-address', 'medium'));
  }
  findIpv6(view, cues, out);
  return out.sort((a, b) => a.start - b.start);
}

export const ipDetector: Detector = { id: 'ip-address', category: 'ip-address', find, needs: ['digit', 'colon'] };
