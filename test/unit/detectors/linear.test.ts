import { strict as assert } from 'node:assert';
import { DETECTORS } from '../../../server/src/engine/detectors';
import { compileCustomPatterns } from '../../../server/src/engine/detectors/custom';
import type { Detector, WorkMeter } from '../../../server/src/engine/detectors/types';

/**
 * Work, not time: each detector counts the characters it examines (tokenizer, cue windows, scans around
 * `@`, `:` and `http`). Doubling an adversarial input must about double the count, and the count per
 * character must stay bounded. A quadratic step (a cue window that grows, a rescan per match) fails both.
 */
const MB = 1024 * 1024;
const FAMILIES: Readonly<Record<string, string>> = {
  'digit runs': '1'.repeat(4096) + ' ',
  'digit groups with separators': '123-45-6789 (212) 555-0147 4111-1111-1111-1111 1.2.3.4 ',
  'separator runs': '1-2.3/4-5.6/7-8 -.-./// ',
  'at-sign runs': 'a@b.c@@@ x.y@z.co@ @',
  'colon runs': 'a:b::c:d:e:f:1:2::',
  'capitalised word runs': 'Jane Smith Mr. Grace Maria Garcia Patient Name: ',
  'lists of staff': 'Owners: Jane Smith (x6620), Maria Garcia (CNO office),\n  Grace Lee and ',
  'cue word runs': 'DOB MRN ssn phone fax zip age aged member id ',
  'url runs': 'https://x.example/patients/1234?mrn=1&dob=2&https://',
  'street-like runs': '12 Oak Elm Main St, Apt 4, Springfield, IL 62704 ',
  'X12 segment runs': 'NM1*IL*1*ZZTEST*ANN****MI*ZZ0001234~N3*1 TEST WAY~N4*TESTVILLE*ZZ*00001~DMG*D8*19000102~CLM*ZZ0001*1~',
  'X12 segments never ended': 'NM1*QC*1*ZZTEST*ANN*N3*N4*DMG*REF*SY**',
  'HL7 segment runs': 'PID|1||ZZ0012345^^^H^MR~1234^^^^SS||ZZTEST^ANN||19000102|||1 A^^B^WI^00001|||||ZZ0001|\rNK1|1|A^B\rPV1|',
  'HL7 repetitions and components never ended': 'PID|1||1234~1234~^^^^^^~',
  'ASAP segment runs': 'PAT*ZZ*06*ZZ0001234***ZZTEST*ANN****1 TEST WAY**TESTVILLE*ZZ*00001*6085550100*19000102*F~AIR*ZZ*06*ZZ0001235*ZZKIN*BO~',
  'ASAP segments never ended': 'PAT*ZZ*07*1234*ANN*ANN*1 A B*C*00001*',
  'licence barcode element lines': 'ANSI 636015\nDAQZZ1234567\nDCSZZTEST\nDBB01021900\nDAG1 TEST WAY\nDAK000010000\n',
  'licence barcode ids without line breaks': 'DAQDCSDBBDAGDAK ',
  'photo file name runs': 'ZZ_19000702_Zorblatt_face_AP.jpg a_b_c_d_e_face_f_g_h_i_j_k.png _face_face_',
};

/** Work per detector over one text; the detectors share one meter so they also share one tokenized view. */
function workFor(detectors: readonly Detector[], unit: string, size: number): Map<string, number> {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const meter: WorkMeter = { steps: 0 };
  const work = new Map<string, number>();
  for (const d of detectors) {
    const before = meter.steps;
    d.find(text, { regionKind: 'comment', meter });
    work.set(d.id, meter.steps - before);
  }
  work.set('total', meter.steps);
  return work;
}

function assertLinear(detectors: readonly Detector[], family: string, unit: string): void {
  const one = workFor(detectors, unit, MB);
  const two = workFor(detectors, unit, 2 * MB);
  assert.ok((one.get('total') ?? 0) > MB / 2, `${family}: no work counted`);
  for (const [id, w1] of one) {
    const w2 = two.get(id) ?? 0;
    assert.ok(w2 <= 2.2 * w1 + 64, `${id} on ${family}: work grew from ${w1} to ${w2} for 2x input`);
    assert.ok(w1 / MB < 400, `${id} on ${family}: ${(w1 / MB).toFixed(0)} steps per character`);
  }
}

describe('detectors: linear work on adversarial input', function () {
  this.timeout(120000);
  for (const [family, unit] of Object.entries(FAMILIES)) {
    it(`every detector is linear on ${family}`, () => {
      assertLinear(DETECTORS, family, unit);
    });
  }

  it('custom patterns are linear, also on a long line', () => {
    const [custom] = compileCustomPatterns([{ id: 'site-mrn', category: 'mrn', pattern: 'SITE-[0-9]{6,8}' }]);
    assertLinear([custom], 'one long line', 'SITE-12 SITE-');
    assertLinear([custom], 'short lines', 'SITE-1234567\n');
  });
});
