import { strict as assert } from 'node:assert';
import { found } from './helpers';

/** File names of SFTP drops, built from synthetic names (Zorblatt, Quennell) and 1900s dates. */
describe('detectors/fileName', () => {
  it("reads a name and a birth date at a file name's start, in a listing or a path", () => {
    const listing = [
      "FileInfo(path='dbfs:/mnt/sftp/in/ZORBLATT_QUENNELLA_19000214_referral.pdf', name='ZORBLATT_QUENNELLA_19000214_referral.pdf', size=1)",
      '-rw-r--r-- 1 svc svc 88213 Apr 15 QUENNELL-ZORB_Margaret_19001109_CT.zip',
    ].join('\n');
    assert.deepEqual(found(listing, 'output').map((f) => `${f.category}:${f.value}`), [
      'name:ZORBLATT_QUENNELLA', 'date:19000214', 'name:ZORBLATT_QUENNELLA', 'date:19000214',
      'name:QUENNELL-ZORB_Margaret', 'date:19001109',
    ]);
  });

  it("reads a family name with initials, or two names and the given names' initials, before a birth date", () => {
    assert.deepEqual(found('/Volumes/zz/scans/ZORBLATT_QUENNELLA_MJ_19000514_consent.pdf', 'output').map((f) => `${f.category}:${f.value}`), [
      'name:ZORBLATT_QUENNELLA_MJ', 'date:19000514',
    ]);
    assert.deepEqual(found('ZORBLATT_Q_19000619_ack.pdf', 'comment').map((f) => `${f.category}:${f.value}`), ['name:ZORBLATT_Q', 'date:19000619']);
    // Initials before a recent date are a run's tag (`QUENNELL_Q_20230304`), and a word with a letter is no name.
    for (const name of ['ZORBLATT_Q_20230304_ack.pdf', 'RESULTS_A_19990101.csv', 'QC_AB_19991231.csv', 'ZORBLATT_Q_AB_19000619.pdf']) {
      assert.deepEqual(found(name, 'comment'), [], name);
    }
  });

  it('reads a recent date after a name only when a part is a known name', () => {
    assert.deepEqual(found('QUENNELL_MARGARET_20230304_panel.pdf', 'comment').map((f) => f.category), ['name', 'date']);
    assert.deepEqual(found('ZORBLATT_QUENNELLA_20230304_panel.pdf', 'comment'), []);
  });

  it("reads an image of a person's face named after them as a whole file name, and no other image", () => {
    const listing = '0  ZZ7720418  CPT_19000702_QuennellZorblatt_face_AP.jpg  1900-07-02\n<td>ZZ_19000709_Quennell_facial_lat.PNG</td>';
    assert.deepEqual(found(listing, 'output').map((f) => `${f.category}:${f.value}`), [
      'other-id:CPT_19000702_QuennellZorblatt_face_AP.jpg', 'other-id:ZZ_19000709_Quennell_facial_lat.PNG',
    ]);
    assert.deepEqual(found('wound_photo_0412.jpg, device_face_plate_19000101.png, Wound_face_Plate_19000101.jpg', 'output'), []);
  });

  it("reads no job's output file: words, abbreviations, run dates, templates", () => {
    for (const name of [
      'QC_RESULTS_20240318_site2.csv', 'CALIBRATION_LOG_20240311.txt', 'EXPORT_BCMC-MAIN_20240311.csv', 'WQ_SLEEP_20240916.parquet',
      'MAILDROP_CONFIRM_20240209.txt', 'LASTNAME_FIRST_19480105_referral.pdf', 'DOB_MRN_19480105.csv', 'IMB_SUMMARY_19991231.csv',
      'claims_extract_19991231.csv', 'QUENNELL_ZORBLATT_19001340.pdf',
    ]) {
      assert.deepEqual(found(name, 'comment'), [], name);
    }
  });
});
