import { vectors } from './helpers';

describe('detectors/name', () => {
  vectors([
    { label: 'a given name and surname from the dictionaries', text: 'follow up with Jane Smith next week', value: 'Jane Smith', category: 'name' },
    { label: 'an honorific with an unknown surname', text: 'Mr. Okonkwo called about results', value: 'Okonkwo', category: 'name' },
    { label: 'a patient cue', text: 'patient Maria Garcia re-admitted', value: 'Maria Garcia', category: 'name' },
    { label: 'a name label', text: 'Name: Robert Nguyen', value: 'Robert Nguyen', category: 'name', region: 'output' },
    { label: 'a family role cue', text: 'mother Rosa Lopez consented', value: 'Rosa Lopez', category: 'name' },
    { label: 'an ambiguous given name after a strong cue', text: 'Mrs. Grace Hopkins', value: 'Grace Hopkins', category: 'name' },
    { label: 'a middle initial', text: 'Name: John Q. Smith', value: 'John Q. Smith', category: 'name', region: 'markdown' },
    { label: 'a surname outside the lists after a clear given name', text: 'called Linda Okafor back', value: 'Linda Okafor', category: 'name' },
    { label: 'a surname alone after a strong cue', text: 'pt Okafor called back re: results', value: 'Okafor', category: 'name' },
    { label: 'surname first', text: 'Patient: Garcia, Maria', value: 'Garcia, Maria', category: 'name' },
    { label: 'EHR capitals, surname first', text: 'patient name GARCIA, MARIA', value: 'GARCIA, MARIA', category: 'name' },
    { label: 'a two-word name after "for"', text: 'Chart review for Maria Garcia', value: 'Maria Garcia', category: 'name', region: 'title' },
  ], [
    { label: 'capitals after a cue that are not names', text: 'patient HIV POSITIVE; pt ED VISIT; member COPD ASTHMA' },
    { label: 'a team after a cue word', text: 'Member Services line staffed 24/7' },
    { label: 'a lone given name after "for"', text: 'waiting for Kevin' },
    { label: 'institutions with given names', text: 'Beth Israel Deaconess and Dana Farber' },
    { label: 'a technical word after a given name', text: 'Adam Optimizer settings' },
    { label: 'a provider with Dr.', text: 'reviewed by Dr. John Smith' },
    { label: 'a provider with a degree', text: 'Jane Smith, MD signed the note' },
    { label: 'an author line', text: 'Author: Jane Smith' },
    { label: 'a copyright line', text: 'Copyright 2024 Jane Smith' },
    { label: 'a git author with an address', text: 'Author: Jane Smith <jane.smith@corp.example>' },
    { label: 'a co-author trailer', text: 'Co-authored-by: Jane Smith <jane.smith@corp.example>' },
    { label: 'an eponymous disease', text: "Parkinson disease and Crohn's and Hodgkin lymphoma" },
    { label: 'an institution', text: 'Johns Hopkins Hospital and Mayo Clinic' },
    { label: 'a statistics eponym', text: 'Kaplan Meier curves and Cox model' },
    { label: 'a product name', text: 'Delta Lake on Unity Catalog with Apache Spark' },
    { label: 'an ambiguous first name without a cue', text: 'Will Smith' },
    { label: 'a month and a surname', text: 'March Madness' },
    { label: 'another thing named', text: 'table name: Patient Encounters' },
    { label: 'lower-case words', text: 'jane smith' },
    { label: 'a name followed by an organisation word', text: 'Mary Washington Hospital' },
  ]);
});
