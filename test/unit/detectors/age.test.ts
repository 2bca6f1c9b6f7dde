import { vectors } from './helpers';

describe('detectors/age-over-89', () => {
  vectors([
    { label: 'a hyphenated age', text: 'a 92-year-old woman', value: '92', category: 'age-over-89' },
    { label: 'an age label', text: 'Age: 93', value: '93', category: 'age-over-89', region: 'output' },
    { label: 'aged', text: 'patient aged 95 presented', value: '95', category: 'age-over-89' },
    { label: 'y/o', text: '101 y/o M', value: '101', category: 'age-over-89' },
    { label: 'a compact yo', text: 'pt is 91yo', value: '91yo', category: 'age-over-89' },
    { label: 'years old', text: 'he is 90 years old', value: '90', category: 'age-over-89' },
    { label: "a note about one patient's age", text: "the cuff is hers. She's 94 and her grandson set it up", value: '94', category: 'age-over-89' },
    { label: 'a patient is', text: 'patient is 91, lives alone', value: '91', category: 'age-over-89' },
  ], [
    { label: 'a duration after he was', text: 'he was 95 minutes late to triage' },
    { label: 'a weight after pt is', text: 'pt is 92 kg today' },
    { label: 'a percentage after she is', text: 'she is 90% sure of the date' },
    { label: 'an age of 89', text: 'age 89' },
    { label: 'a cohort bound', text: 'age >= 90 grouped' },
    { label: 'an open-ended group', text: 'patients aged 90+ and age 90 or older' },
    { label: 'a band', text: 'age 90-99 bucket' },
    { label: 'a statistic', text: 'mean age 91 in the cohort' },
    { label: 'a retention period', text: 'retain for 90 days' },
    { label: 'an unrelated number', text: 'top 95 percentile' },
  ]);
});
