/**
 * Files named after the person they are about, as referral faxes, outside images and lab reports arrive on SFTP
 * drops: `LASTNAME_GIVEN_YYYYMMDD_referral.pdf`, the birth date after the name. A listing (`dbutils.fs.ls`, `ls -l`,
 * a manifest) pasted into a comment or printed in an output shows them. Files a job writes carry words and a run
 * date instead (`QC_RESULTS_20240318.csv`, `EXPORT_BCMC-MAIN_20240311`), so both name parts must be no plain word,
 * and a part not on the name lists must be long enough not to be an abbreviation; then the date must be a birth
 * date's (a year before the last dozen) unless a part is a known name.
 */
import { makeCandidate } from './candidate';
import { isKnownName, isPlainWord } from './name';
import { isCompactDate } from './segments';
import { viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

/**
 * `NAME_NAME_YYYYMMDD`, `NAME_NAME_INITIALS_YYYYMMDD` or `NAME_INITIAL_YYYYMMDD` not inside a longer word or number;
 * name parts of letters, hyphens and apostrophes. Linear: each part's run ends at `_`, which no part holds.
 */
const PERSON_FILE = /(?<![A-Za-z0-9-])([A-Z][A-Za-z'-]{1,30})_([A-Z][A-Za-z'-]{0,30})(?:_([A-Z]{1,3}))?_((?:19|20)\d{6})(?!\d)/g;

/** Years after this are run dates far more often than birth dates (a child's own files aside). */
const LAST_BIRTH_YEAR = 2012;

function find(text: string, context: FreeTextContext): Candidate[] {
  // The date after its underscore: most texts have none, and the patterns would be tried at each capital. A face
  // photo's file name carries the day it was taken too (`…_20240702_…_face_AP.jpg`).
  if (!text.includes('_19') && !text.includes('_20')) return [];
  const out: Candidate[] = [];
  if (FACE_WORD.test(text)) facePhotos(text, out, context);
  const view = viewFor(text, context.meter);
  PERSON_FILE.lastIndex = 0;
  for (let m = PERSON_FILE.exec(text); m; m = PERSON_FILE.exec(text)) {
    const [, family, given, initials, date] = m;
    if (!isCompactDate(date)) continue;
    const year = Number(date.slice(0, 4));
    // A given name or, after the family name alone, its initials (`ZORBLATT_H_…`); initials after two names.
    const givenInitials = INITIALS.test(given);
    if (!isNamePart(family) || (!isNamePart(given) && !givenInitials) || (givenInitials && initials !== undefined)) continue;
    if (year > LAST_BIRTH_YEAR && (givenInitials || (!isKnownName(family) && !isKnownName(given)))) continue;
    const nameEnd = m.index + family.length + 1 + given.length + (initials ? initials.length + 1 : 0);
    out.push(makeCandidate(view, m.index, nameEnd, 'name', 'file-name', 'high'));
    out.push(makeCandidate(view, nameEnd + 1, nameEnd + 1 + date.length, 'date', 'file-name', 'high'));
  }
  view.work(text.length);
  return out;
}

/**
 * An image file of a person's face named after them (`CPT_20240702_Zorblatt_face_AP.jpg`): a full-face photograph,
 * one of Safe Harbor's identifiers, as a whole file name. The file must be an image, one part of its name a face
 * word and another a person's name (no plain word), and a date after an underscore must be in the text;
 * `wound_photo_0412.jpg` and `device_face_plate_20240101.png` are not.
 */
const FACE_PHOTO = /(?<![A-Za-z0-9_.-])[A-Za-z0-9'-]{1,40}(?:_[A-Za-z0-9'-]{1,40}){1,8}\.(?:jpe?g|png|heic|tiff?|bmp)(?![A-Za-z0-9])/gi;
const FACE_WORDS = new Set(['face', 'facial', 'portrait', 'headshot']);
/** A face word after an underscore, anywhere: most texts with a date after an underscore have none. */
const FACE_WORD = /_(?:fac(?:e|ial)|portrait|headshot)/i;

function facePhotos(text: string, out: Candidate[], context: FreeTextContext): void {
  const view = viewFor(text, context.meter);
  FACE_PHOTO.lastIndex = 0;
  for (let m = FACE_PHOTO.exec(text); m; m = FACE_PHOTO.exec(text)) {
    const parts = m[0].slice(0, m[0].lastIndexOf('.')).split('_');
    if (!parts.some((p) => FACE_WORDS.has(p.toLowerCase()))) continue;
    if (!parts.some((p) => /^[A-Z][a-z]/.test(p) && !FACE_WORDS.has(p.toLowerCase()) && isNamePart(p))) continue;
    out.push(makeCandidate(view, m.index, m.index + m[0].length, 'other-id', 'file-name', 'high'));
  }
}

/** One to three capitals: a person's initials. */
const INITIALS = /^[A-Z]{1,3}$/;

/** A part of a person's name: no plain word (`RESULTS`, `CONFIRM`), and four letters or more unless a known name. */
function isNamePart(part: string): boolean {
  if (!part.includes('-') && isPlainWord(part.toLowerCase())) return false;
  return part.replace(/['-]/g, '').length >= 4 || isKnownName(part);
}

export const fileNameDetector: Detector = { id: 'file-name', category: 'name', find, needs: ['digit'] };
