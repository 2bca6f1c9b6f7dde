import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../../client/src/commandIds';
import { DEFAULT_DATABRICKS_SETTINGS, DEFAULT_SETTINGS } from '../../../server/src/protocol';

interface Manifest {
  main: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; default?: unknown }> };
    jsonValidation: { fileMatch: string; url: string }[];
  };
}

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

describe('extension manifest', () => {
  it('contributes every command the extension registers, each titled under the phisafe category', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'phisafe', c.command);
      assert.match(c.title, /^[A-Z][A-Za-z ]+$/, c.command);
    }
  });

  it('describes a setting for every field of the settings the server reads, with the server defaults', () => {
    const props = manifest.contributes.configuration.properties;
    const { databricks, ...top } = DEFAULT_SETTINGS;
    const defaults: [string, unknown][] = [
      ...Object.entries(top).map(([k, v]): [string, unknown] => [`phisafe.${k}`, v]),
      ...Object.entries(databricks).map(([k, v]): [string, unknown] => [`phisafe.databricks.${k}`, v]),
    ];
    assert.deepEqual(databricks, DEFAULT_DATABRICKS_SETTINGS);
    for (const [key, value] of defaults) {
      const prop = props[key];
      assert.ok(prop, key);
      assert.ok(prop.description ?? prop.markdownDescription, `${key} has a description`);
      assert.deepEqual(prop.default, value, `${key} default`);
    }
    for (const key of ['phisafe.maxFileSizeMB', 'phisafe.trace.server', 'phisafe.databricks.phiTagKeys']) assert.ok(props[key], key);
    for (const prop of Object.values(props)) assert.ok(prop.description ?? prop.markdownDescription);
  });

  it('activates on the languages, notebooks and workspace markers phisafe scans', () => {
    for (const event of ['onLanguage:python', 'onLanguage:sql', 'onLanguage:scala', 'onLanguage:r', 'onNotebook:jupyter-notebook',
      'workspaceContains:**/.phisafe.json', 'workspaceContains:**/databricks.yml']) {
      assert.ok(manifest.activationEvents.includes(event), event);
    }
  });

  it('is limited in untrusted workspaces, withholding the Databricks profile', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['phisafe.databricks.profile', 'phisafe.databricks.host']);
  });

  it('validates .phisafe.json against a schema that ships, and starts from the client bundle', () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.equal(validation.fileMatch, '.phisafe.json');
    assert.doesNotThrow(() => JSON.parse(readFileSync(path.join(root, validation.url), 'utf8')));
    assert.equal(manifest.main, './dist/client.js');
  });

  it('targets a VS Code no newer than its @types/vscode (vsce refuses otherwise)', () => {
    const engine = manifest.engines.vscode.replace(/^[\^~]/, '');
    const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    const num = (v: string) => v.split('.').map(Number);
    const [e, t] = [num(engine), num(types)];
    assert.ok(e[0] > t[0] || (e[0] === t[0] && (e[1] > t[1] || (e[1] === t[1] && e[2] >= t[2]))), `engines ${engine} >= @types ${types}`);
  });
});
