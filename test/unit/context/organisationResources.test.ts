import { strict as assert } from 'node:assert';
import { organisationResources } from '../../../server/src/engine/context/organisationResources';
import { scanText } from '../../../server/src/engine/scan';

/** A FHIR resource of the given type with an invented work phone and street address, pretty-printed. */
function resource(resourceType: string): string {
  return JSON.stringify({
    resourceType, id: 'zzyzx-1', name: 'Zzyzx Regional',
    telecom: [{ system: 'phone', value: '+1 502 555 0100', use: 'work' }],
    address: [{ line: ['4400 Zzyzx Rd'], city: 'Louisville', state: 'KY', postalCode: '40218' }],
  }, null, 2);
}

describe('context: FHIR resources of organisations', () => {
  it('finds each Organization, Location or Endpoint from its opening to its closing brace', () => {
    const org = resource('Organization');
    const text = `before\n${org}\nbetween\n${resource('Endpoint')}\n`;
    const spans = organisationResources(text);
    assert.equal(spans.length, 4);
    assert.equal(text.slice(spans[0], spans[1]), org);
    assert.ok(text.slice(spans[2], spans[3]).includes('"Endpoint"'));
  });

  it('finds a definition an organisation publishes (a Questionnaire), whose contact is the publisher\'s', () => {
    const text = `q = ${resource('Questionnaire')}`;
    const spans = organisationResources(text);
    assert.deepEqual(spans, [text.indexOf('{'), text.length]);
    assert.deepEqual(organisationResources(resource('QuestionnaireResponse')), []);
  });

  it('leaves person resources and unclosed text alone', () => {
    assert.deepEqual(organisationResources(resource('Patient')), []);
    assert.deepEqual(organisationResources(resource('Organization').slice(0, -1)), []);
  });

  it("reads an Organization pasted in Markdown as the organisation's, and a Patient as the patient's", () => {
    const notebook = (json: string): string => ['# Databricks notebook source', '# MAGIC %md', '# MAGIC ```json',
      ...json.split('\n').map((l) => `# MAGIC ${l}`), '# MAGIC ```', ''].join('\n');
    const categories = (text: string): string[] => scanText('synthetic_fhir.py', text).findings.map((f) => f.category);
    assert.deepEqual(categories(notebook(resource('Organization'))), []);
    assert.ok(categories(notebook(resource('Patient'))).includes('phone'));
  });

  it('finds an NPPES registry record from its outermost brace, whichever nested object holds its marker', () => {
    const record = JSON.stringify({
      number: 1598877304, basic: { organization_name: 'ZZYZX HOME MEDICAL LLC', status: 'A' },
      addresses: [{ address_1: '2716 S Zzyzx St', city: 'OMAHA', postal_code: '681441704', telephone_number: '402-555-0181' }],
    }, null, 2);
    const text = `{"other": 1}\n${record}\n`;
    const spans = organisationResources(text);
    assert.equal(spans.length, 2);
    assert.equal(text.slice(spans[0], spans[1]), record);
  });

  it("reads a flattened NPPES lookup pasted in Markdown as the provider's, one record per line", () => {
    const line = (name: string, credential: string): string => JSON.stringify({ npi: '1932201676', name, credential, taxonomy: '363A00000X', practice_addr: '400 E 1ST ST, ZZYZX IA' });
    const notebook = ['# Databricks notebook source', '# MAGIC %md', '# MAGIC ```', `# MAGIC ${line('OWEN ZORBLATT', 'PA-C')}`,
      `# MAGIC ${line('KATHRYN ZORBLATT-VOSS', 'ARNP')}`, '# MAGIC ```', ''].join('\n');
    assert.deepEqual(scanText('synthetic_nppes.py', notebook).findings.map((f) => f.category), []);
    // The same lines without the registry's key are read as they always were.
    assert.ok(scanText('synthetic_nppes.py', notebook.replace(/"taxonomy"/g, '"tx"')).findings.some((f) => f.category === 'name'));
  });

  it("reads no keyed line of an Organization printed in an output, and a Patient's", () => {
    const cell = (json: string): string => JSON.stringify({
      cells: [{ cell_type: 'code', source: ['print(r)'], metadata: {}, execution_count: 1, outputs: [{ output_type: 'stream', name: 'stdout', text: json.split('\n').map((l) => `${l}\n`) }] }],
      metadata: {}, nbformat: 4, nbformat_minor: 5,
    });
    const categories = (text: string): string[] => scanText('synthetic_fhir_out.ipynb', text).findings.map((f) => f.category);
    assert.deepEqual(categories(cell(resource('Organization'))), []);
    assert.ok(categories(cell(resource('Patient'))).includes('geographic'));
  });
});

