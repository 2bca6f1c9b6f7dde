/**
 * Device identifiers and serial numbers of a patient's device (implant, pump, meter, phone IMEI, UDI), right
 * after a label. A bare `serial`/`S/N` label also needs a device word nearby: servers and jobs have serials too.
 */
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

function find(text: string, context: FreeTextContext): Candidate[] {
  const view = viewFor(text, context.meter);
  const cues = withExtraCues(DEVICE_CUES, 'device-id', context);
  const out: Candidate[] = [];
  for (const v of labelledValues(view, cues, { minLength: 5, maxLength: 30, minDigits: 3 })) {
    const phrase = v.cue.phrase;
    if (phrase === 'imei' && !(digitsOf(v.value).length === 15 && luhnValid(digitsOf(v.value)))) continue;
    if (GENERIC_SERIAL.has(phrase) && !cueNear(view, v.cue.start, v.chain.end, DEVICE_WORDS)) continue;
    out.push(makeCandidate(view, v.chain.start, v.chain.end, 'device-id', 'device-id', 'medium'));
  }
  return out;
}

export const deviceDetector: Detector = { id: 'device-id', category: 'device-id', find, needs: ['digit'] };
