/**
 * A patient portal's user name after its label in free text (`portal_user=kzorblatt63` in a log line,
 * `MyChart login: quennell.zzyzx`): a handle the patient made, often from their own name. Tables and keyed
 * literals under the same keys are read by the keyed reader (isPortalUserKey).
 */
import { makeCandidate } from './candidate';
import { isPortalUserName } from './keyed';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/** The label: the portal's name, then the user's or login's word, then `=` or `:`. */
const PORTAL_USER_LABEL = /\b(?:portal|mychart)[ _-]?(?:user(?:_?name)?|login(?:_id)?|handle)["']?[ \t]{0,3}[=:][ \t]{0,3}["']?/gi;
/** The handle right after the label. */
const HANDLE = /[A-Za-z][A-Za-z0-9._-]{0,60}/y;

function find(text: string, context: FreeTextContext): Candidate[] {
  const out: Candidate[] = [];
  if (!PRECHECK.test(text)) return out;
  const view = viewFor(text, context.meter);
  PORTAL_USER_LABEL.lastIndex = 0;
  for (let m = PORTAL_USER_LABEL.exec(text); m; m = PORTAL_USER_LABEL.exec(text)) {
    HANDLE.lastIndex = PORTAL_USER_LABEL.lastIndex;
    const h = HANDLE.exec(text);
    if (!h) continue;
    // A sentence's full stop is no part of the handle.
    const value = h[0].replace(/[._-]+$/, '');
    if (isPortalUserName(value)) out.push(makeCandidate(view, h.index, h.index + value.length, 'other-id', 'portal-user', 'medium'));
  }
  return out;
}

/** Most texts name no portal: one cheap look before the label's pattern runs. */
const PRECHECK = /portal|mychart/i;

export const portalUserDetector: Detector = { id: 'portal-user', category: 'other-id', find };
