import { strict as assert } from 'node:assert';
import { found, vectors } from './helpers';
import { CMS_EXAMPLE_MBI, MBI, npi } from './synthetic';

const mbi = MBI.join('');
const mbiDashed = MBI.join('-');

describe('detectors/mrn, other-id, health-plan-id', () => {
  vectors([
    { label: 'an MRN after a label', text: 'MRN: 00482913 flagged', value: '00482913', category: 'mrn' },
    { label: 'an MRN after MR#', text: 'pt MR# A1234567', value: 'A1234567', category: 'mrn' },
    { label: 'an MRN glued to MRN#', text: 'MRN#00482913 merged', value: '00482913', category: 'mrn' },
    { label: "an immigrant's A-number after A#", text: 'Zorblatt (arrived in May) · A# A-900-448-907', value: 'A-900-448-907', category: 'other-id' },
    { label: "a jail's booking number", text: 'no IHA form for booking # ZZ24-001907 – day 5 of 14', value: 'ZZ24-001907', category: 'other-id' },
    { label: 'a medical record number with glue words', text: 'medical record number is 7781234', value: '7781234', category: 'mrn' },
    { label: 'a chart number', text: 'chart no. 55-12345', value: '55-12345', category: 'mrn' },
    { label: 'a patient id label', text: 'patient id 90871234 re-admitted', value: '90871234', category: 'mrn' },
    { label: 'an EMPI', text: 'EMPI 1002003004', value: '1002003004', category: 'other-id' },
    { label: 'a subject id', text: 'subject id: S-001234', value: 'S-001234', category: 'other-id' },
    { label: "a trial participant's id", text: 'participant id P-004417 enrolled 2024-01-02', value: 'P-004417', category: 'other-id' },
    { label: 'an MBI alone', text: `bene ${mbi}`, value: mbi, category: 'health-plan-id' },
    { label: 'a dashed MBI', text: `MBI ${mbiDashed}`, value: mbiDashed, category: 'health-plan-id' },
    { label: 'a member id after a label', text: 'member id W123456789', value: 'W123456789', category: 'health-plan-id' },
    { label: 'a policy number', text: 'policy # 7700123456', value: '7700123456', category: 'health-plan-id' },
    { label: 'an encounter id in a note', text: 'encounter id 123456789 charted late', value: '123456789', category: 'other-id' },
    { label: 'an abbreviated encounter', text: 'nurse charted late. Enc E00012345.', value: 'E00012345', category: 'other-id' },
    { label: 'an accession number', text: "it's accession ACC00012345, top-coded", value: 'ACC00012345', category: 'other-id' },
    { label: 'an Rx number', text: 'Rx numbers RX0001234 (mail order)', value: 'RX0001234', category: 'other-id' },
    { label: 'a FHIR patient id', text: '(patient fhir id pt-0a1b2c3d)', value: 'pt-0a1b2c3d', category: 'other-id' },
    { label: 'a bare member word', text: 'e.g. member ZZQ000123456 has a 9-series', value: 'ZZQ000123456', category: 'health-plan-id' },
    { label: 'a bare subscriber word', text: 'Ann (subscriber ZZQ000654321) re-sent', value: 'ZZQ000654321', category: 'health-plan-id' },
  ], [
    { label: "a Spark column's expression id in a Delta history's predicate", text: '{predicate -> ["(mrn#1900 = ZZ-0048291)"]}' },
    { label: 'a period named by its year after an MRN label', text: 'Meditech legacy MRN (pre-2016), FY2024 MRN merges', region: 'output' },
    { label: 'an id without a label', text: 'row 00482913 loaded' },
    { label: "a registry's participant: a hospital", text: 'Participant ID: 104472   Zorblatt Heart & Vascular Institute, Testville' },
    { label: 'a masked MRN', text: 'MRN: XXXX1234 and MRN ****5678' },
    { label: 'a year after an MRN label', text: 'MRN 2023 backfill' },
    { label: 'an NPI after a patient-id label', text: `patient id ${npi()}` },
    { label: 'repeated digits', text: 'mrn 00000000' },
    { label: 'a concept id', text: 'concept_id 44054006' },
    { label: 'a claim id', text: 'claim id 20231234567890123' },
    { label: 'an MBI with a forbidden letter', text: 'bene 1SG4TE5MK73' },
    { label: "CMS's example MBI in a validator's test", text: `MBI_RE.match("${CMS_EXAMPLE_MBI.join('')}") and "${CMS_EXAMPLE_MBI.join('-')}"` },
    { label: 'an MBI shape inside a chain', text: `x-${mbi}-y` },
    { label: 'a short person id', text: 'person_id 123' },
    { label: 'the word MRN alone', text: 'join on mrn to get the cohort' },
    { label: 'a member count', text: 'member 2 of 3 joined' },
    { label: 'an encounter year', text: 'encounter 2023 backfill' },
    { label: 'a count in a pandas info() print', text: ' 0   patient_key    451110 non-null  int64' },
    { label: 'counts of FHIR resources beside Encounter', text: '# Condition 1204418 / Observation 38877120 / Encounter 3118442' },
  ]);

  it("reads Encounter as a visit's number beside a patient's or one other resource's", () => {
    for (const text of ['Patient 00719460 Encounter 3118442', 'Condition 1204418 / Encounter 3118442']) {
      assert.deepEqual(found(text).filter((h) => h.category === 'other-id').map((h) => h.value), ['3118442'], 'one of the two texts');
    }
  });
});
