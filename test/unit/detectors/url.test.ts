import { vectors } from './helpers';

describe('detectors/url', () => {
  vectors([
    { label: 'a URL with a patient id parameter', text: 'see https://portal.hospital.example/chart?patient_id=884213 for detail', value: 'https://portal.hospital.example/chart?patient_id=884213', category: 'url' },
    { label: 'a FHIR Patient resource URL', text: 'GET https://fhir.hospital.example/r4/Patient/12345678.', value: 'https://fhir.hospital.example/r4/Patient/12345678', category: 'url', region: 'output' },
    { label: 'a URL with an MRN', text: 'https://emr.example.net/view?mrn=A123456&tab=2', value: 'https://emr.example.net/view?mrn=A123456&tab=2', category: 'url', region: 'code' },
  ], [
    { label: 'a documentation link', text: 'docs: https://docs.databricks.com/en/sql/language-manual/index.html' },
    { label: 'a workspace URL with ids', text: 'https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456#job/123/run/456' },
    { label: 'a GitHub link', text: 'https://github.com/org/repo/blob/main/patients/123456.py' },
    { label: 'a templated FHIR URL', text: 'https://fhir.hospital.example/r4/Patient/{id}' },
    { label: 'a template parameter', text: 'https://api.example.net/lookup?patient_id={pid}' },
    { label: 'a storage path', text: 'abfss://raw@lake.dfs.core.windows.net/patients/2024/01 s3://bucket/patients/1234' },
    { label: 'a JDBC URL', text: 'jdbc:sqlserver://db.example.net:1433;database=patients' },
    { label: 'a package index', text: 'https://pypi.org/project/pandas/2.1.4/' },
  ]);
});
