import { strict as assert } from 'node:assert';
import { found } from './helpers';

/**
 * DICOM header dumps built from obviously synthetic parts (ZZ names, ZZ ids, 555 numbers, 1900 dates), in
 * DCMTK's dcmdump shape and in pydicom's Dataset print.
 */
const DCMDUMP = [
  '(0008,0020) DA [19000304]                               #   8, 1 StudyDate',
  '(0008,0050) SH [ZZACC-0001-77]                          #  14, 1 AccessionNumber',
  '(0008,0080) LO [ZORBLATT MEDICAL CENTER]                #  24, 1 InstitutionName',
  '(0008,0090) PN [QUENNELL^ZZYZX]                         #  14, 1 ReferringPhysicianName',
  '(0010,0010) PN [QUENNELLOVA^ZORBLATTA^Q]                   #  20, 1 PatientName',
  '(0010,0020) LO [ZQ00481516]                             #  10, 1 PatientID',
  '(0010,0030) DA [19000102]                               #   8, 1 PatientBirthDate',
  '(0010,0040) CS [F]                                      #   2, 1 PatientSex',
  '(0010,1010) AS [093Y]                                   #   4, 1 PatientAge',
  '(0010,1040) LO [100 Zorblatt Ave #3 TESTVILLE WI 00001]  #  38, 1 PatientAddress',
  '(0010,2154) SH [6085550100]                             #  10, 1 PatientTelephoneNumbers',
  '(0020,000d) UI [1.2.840.99999.1.1.19000304.1]           #  28, 1 StudyInstanceUID',
].join('\n');

const PYDICOM = [
  "(0008,0020) Study Date                          DA: '19000304'",
  "(0008,0070) Manufacturer                        LO: 'ZORBLATT SYSTEMS'",
  "(0010, 0010) Patient's Name                     PN: 'QUENNELLOVA^ZORBLATTA'",
  "(0010, 0020) Patient ID                         LO: 'ZQ00481516'",
  "(0010, 0030) Patient's Birth Date               DA: '19000102'",
  "(0010, 1010) Patient's Age                      AS: '071Y'",
].join('\n');

describe('detectors/dicom', () => {
  it("reads a dcmdump's patient module by tag, and the study's date and accession beside it; never the institution, physician or UID", () => {
    assert.deepEqual(found(DCMDUMP, 'output').map((f) => `${f.category}:${f.value}`), [
      'date:19000304', 'other-id:ZZACC-0001-77', 'name:QUENNELLOVA^ZORBLATTA^Q', 'mrn:ZQ00481516', 'date:19000102', 'age-over-89:093Y',
      'geographic:100 Zorblatt Ave #3 TESTVILLE WI 00001', 'phone:6085550100',
    ]);
  });

  it("reads pydicom's Dataset print (quoted values, a space in the tag); an age under 90 is no identifier", () => {
    assert.deepEqual(found(PYDICOM, 'output').map((f) => `${f.category}:${f.value}`), [
      'date:19000304', 'name:QUENNELLOVA^ZORBLATTA', 'mrn:ZQ00481516', 'date:19000102',
    ]);
  });

  it("reads a phantom's or a de-identified study's dump as no one's, and its study date with it", () => {
    const phantom = [
      '(0008,0020) DA [19000304]                               #   8, 1 StudyDate',
      '(0008,0050) SH [ZZACC-0001-78]                          #  14, 1 AccessionNumber',
      '(0010,0010) PN [ACR^PHANTOM]                            #  12, 1 PatientName',
      '(0010,0020) LO [ANON0042]                               #   8, 1 PatientID',
      '(0010,0030) DA (no value available)                     #   0, 0 PatientBirthDate',
    ].join('\n');
    assert.deepEqual(found(phantom, 'output'), []);
    const studyOnly = DCMDUMP.split('\n').filter((l) => !l.includes('(0010,')).join('\n');
    assert.deepEqual(found(studyOnly, 'comment'), []);
  });

  it("reads a dump that says its patient's identity was removed (0012,0062 YES) as pseudonyms, in either shape", () => {
    const removed = `${DCMDUMP}\n(0012,0062) CS [YES]                                    #   4, 1 PatientIdentityRemoved`;
    // Its tags are not read; a street address or an age over 89 left in it is still found by its own detector.
    assert.deepEqual(found(removed, 'output').map((f) => f.category), ['age-over-89', 'geographic']);
    assert.deepEqual(found(`${PYDICOM}\n(0012, 0062) Patient Identity Removed          CS: 'YES'`, 'output').map((f) => f.category), ['date']);
    // Set to NO, the dump is read as any other.
    assert.equal(found(`${DCMDUMP}\n(0012,0062) CS [NO]                                     #   2, 1 PatientIdentityRemoved`, 'output').length, 8);
  });

  it('reads no tag named in prose or a list of the tags a job keys on', () => {
    assert.deepEqual(found('We key on `(0010,0010) PatientName`, `(0010,0020) PatientID` and `(0010,0030) PatientBirthDate`.', 'comment'), []);
  });
});
