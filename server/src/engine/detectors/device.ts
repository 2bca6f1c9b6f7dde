/**
 * Device identifiers and serial numbers of a patient's device (implant, pump, meter, phone IMEI, UDI), right
 * after a label. A bare `serial`/`S/N` label also needs a device word nearby: servers and jobs have serials too.
 */
import { lineAround } from '../positions';
import { makeCandidate } from './candidate';
import { cueNear, withExtraCues } from './cues';
import { labelledValues } from './labelled';
import { digitsOf, luhnValid, viewFor } from './text';
import type { Candidate, Detector, FreeTextContext } from './types';

const DEVICE_CUES = [
  'device id', 'device serial', 'device identifier', 'udi', 'imei', 'serial number', 'serial no', 'serial #',
  'serial', 'serials', 'serial numbers', 's/n', 'sn', 'implant serial', 'pacemaker serial', 'pump serial',
];
const GENERIC_SERIAL = new Set(['serial number', 'serial no', 'serial #', 'serial', 'serials', 'serial numbers', 's/n', 'sn']);
const DEVICE_WORDS = [
  'device', 'pacemaker', 'implant', 'implanted', 'pump', 'defibrillator', 'glucometer', 'glucose meter', 'cgm',
  'hearing aid', 'stent', 'prosthesis', 'wheelchair', 'inhaler', 'ventilator', 'cpap', 'monitor', 'neurostimulator',
  // Durable medical equipment and remote monitoring a patient takes home.
  'sensor', 'bipap', 'concentrator', 'oximeter', 'nebulizer', 'wearable', 'dme',
];

/** Words of the organisation's equipment: its asset tags, biomedical engineering, storage units and analysers. */
const EQUIPMENT_LINE = /\b(?:asset(?: tag)?|biomed|refrigerators?|fridges?|freezers?|analy[sz]ers?|pasteuri[sz]ers?|incubators?|calibrat(?:ion|ed))\b/i;
/** How far either side of a serial its line is read. */
const EQUIPMENT_WINDOW = 160;
const SERIAL_RANGE_AFTER = /^\s*(?:through|thru|to)\s+[A-Z0-9]/i;

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(DEVICE_CUES, 'device-id', context);
  const out: Candidate[] = [];
  for (const v of labelledValues(view, cues, { minLength: 5, maxLength: 30, minDigits: 3 })) {
    const phrase = v.cue.phrase;
    if (phrase === 'imei' && !(digitsOf(v.value).length === 15 && luhnValid(digitsOf(v.value)))) continue;
    if (GENERIC_SERIAL.has(phrase) && !cueNear(view, v.cue.start, v.chain.end, DEVICE_WORDS)) continue;
    // A range of serials (`serial numbers 20930000 through 20939999`, a recall's lot) is a product's, not one device.
    if (SERIAL_RANGE_AFTER.test(text.slice(v.chain.end, v.chain.end + 12))) continue;
    // Equipment the organisation tags and calibrates (`iPR256, S/N …, Biomed asset BME-33018`), not a patient's.
    const [lineStart, lineEnd] = lineAround(text, v.chain.start, v.chain.end, EQUIPMENT_WINDOW);
    if (EQUIPMENT_LINE.test(text.slice(lineStart, lineEnd))) continue;
    out.push(makeCandidate(view, v.chain.start, v.chain.end, 'device-id', 'device-id', 'medium'));
  }
  return out;
}

/**
 * The serial of a GS1 UDI (`(01)…(17)…(10)…(21)SERIAL`): only it is the one device's; the product's GTIN, its
 * expiry and its lot are on every box of the product. Empty for a UDI with no serial (a product's and lot's, which a
 * supply room's every kit shares); undefined for a value that is no GS1 UDI.
 */
export function udiSerial(value: string): string | undefined {
  if (!value.startsWith('(01)')) return undefined;
  const at = value.indexOf('(21)');
  if (at < 0) return '';
  const end = value.indexOf('(', at + 4);
  return value.slice(at + 4, end < 0 ? value.length : end);
}

export const deviceDetector: Detector = { id: 'device-id', category: 'device-id', find, needs: ['digit'] };
