/**
 * An address written as separate literals, as fixtures, geocoder calls and rows typed by hand write it:
 * `("1187 Larkspur Ln Apt 2B", "Fairview Heights", "IL", "62208")`. After a literal that is a whole street line,
 * the literals one comma apart that follow it are its unit, city, state and ZIP code, in that order; the city and
 * the ZIP code are the person's as they would be in `…, Fairview Heights, IL 62208` (Safe Harbor's element 2).
 * A street of an organisation's site (isOrganisationSite) starts no address.
 */
import { isOrganisationSite, isStateCode, isStreetLine, isUnitValue } from '../detectors/geographic';
import { Kind } from '../lexers/types';
import type { TokenColumns } from '../lexers/types';

/** What has been read of an address so far. */
const enum Stage { None, Street, City, State, Zip }

const CITY = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}$/;
const ZIP = /^\d{5}(?:-\d{4})?$/;
/** Longest street line read. */
const MAX_STREET = 80;
const NONE: readonly number[] = [];

/** [start, end) value spans of the cities and ZIP codes that follow street literals, ascending. */
export function addressFieldLiterals(text: string, code: TokenColumns): readonly number[] {
  let out: number[] | undefined;
  let stage = Stage.None;
  let lastEnd = 0;
  for (let i = 0; i < code.count; i++) {
    if (code.kind[i] !== Kind.String) continue;
    const vs = code.valueStart[i];
    const ve = code.valueEnd[i];
    if (stage !== Stage.None && isCommaApart(text, lastEnd, code.start[i])) {
      const next = fieldAfter(stage, text.slice(vs, ve));
      if (next !== Stage.None) {
        if (next === Stage.City || next === Stage.Zip) (out ??= []).push(vs, ve);
        stage = next;
        lastEnd = code.end[i];
        continue;
      }
    }
    stage = ve - vs >= 8 && ve - vs <= MAX_STREET && isStreetLine(text.slice(vs, ve)) && !isOrganisationSite(text, vs, ve) ? Stage.Street : Stage.None;
    lastEnd = code.end[i];
  }
  return out ?? NONE;
}

/** The stage a literal moves the address to after `stage`, or None when it is no next part of it. */
function fieldAfter(stage: Stage, value: string): Stage {
  if (stage === Stage.Zip) return Stage.None;
  if (ZIP.test(value)) return Stage.Zip;
  if (value.length === 2 && isStateCode(value)) return stage === Stage.State ? Stage.None : Stage.State;
  if (stage !== Stage.Street) return Stage.None;
  if (isUnitValue(value)) return Stage.Street;
  return value.length <= 40 && CITY.test(value) ? Stage.City : Stage.None;
}

/** Only blanks and one comma between two literals. */
function isCommaApart(text: string, from: number, to: number): boolean {
  let commas = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x2c) commas++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return commas === 1;
}
