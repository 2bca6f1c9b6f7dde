/**
 * Jupyter notebooks (nbformat 4), including the ones Databricks exports: cell sources, Databricks cell titles,
 * and outputs (streams, rich text, JSON, errors and the Databricks result tables kept in output metadata).
 * Every slice is built over the raw JSON text, so a finding points inside the string on disk even across
 * escapes and list-form sources.
 */
import type { KeyedSlice, Language, NotebookCell, OutputRegion, ScanDocument, TextSlice } from '../model';
import { ScanInputError } from './errors';
import { appendJsonString, member, parseJson, stringMember, type JsonNode, type JsonString } from './json';
import { findMagicLine } from './magics';
import { SliceBuilder, verbatimSlice } from './sliceBuilder';

const DATABRICKS_NOTEBOOK = 'application/vnd.databricks.v1+notebook';
const DATABRICKS_CELL = 'application/vnd.databricks.v1+cell';
const DATABRICKS_OUTPUT = 'application/vnd.databricks.v1+output';
/** Rich outputs read as prose. Images and other binary bundles are skipped without being copied. */
const TEXT_MIMES = new Set(['text/plain', 'text/html', 'text/markdown']);

export function readIpynb(path: string, text: string): ScanDocument {
  const root = parseJson(text);
  if (root.kind !== 'object') throw new ScanInputError('not a Jupyter notebook (the top level is not an object)');
  checkNbformat(text, member(root, 'nbformat'));
  const language = notebookLanguage(text, root);
  const cellsNode = member(root, 'cells');
  if (cellsNode?.kind !== 'array') throw new ScanInputError('not a Jupyter notebook (no cells list)');
  const cells = cellsNode.items.map((node, index) => readCell(text, node, index, language));
  return { path, format: 'ipynb', text, cells };
}

function checkNbformat(text: string, node: JsonNode | undefined): void {
  if (!node) throw new ScanInputError('not a Jupyter notebook (no nbformat)');
  if (node.kind !== 'number') throw new ScanInputError('unsupported nbformat (not a number)');
  const version = text.slice(node.start, node.end);
  if (version !== '4') {
    throw new ScanInputError(`unsupported nbformat ${version.length <= 6 ? version : 'value'}`);
  }
}

/** Databricks' own notebook language first, then the kernel's, else Python. */
function notebookLanguage(text: string, root: JsonNode): Language {
  const metadata = member(root, 'metadata');
  const name = stringMember(text, member(metadata, DATABRICKS_NOTEBOOK), 'language')
    ?? stringMember(text, member(metadata, 'kernelspec'), 'language')
    ?? stringMember(text, member(metadata, 'language_info'), 'name')
    ?? 'python';
  return languageNamed(name);
}

function languageNamed(name: string): Language {
  switch (name.toLowerCase()) {
    case 'python': case 'python3': case 'pyspark': return 'python';
    case 'sql': case 'sparksql': return 'sql';
    case 'scala': return 'scala';
    case 'r': return 'r';
    case 'bash': case 'sh': case 'shell': return 'shell';
    default: return 'text';
  }
}

function readCell(text: string, node: JsonNode, index: number, language: Language): NotebookCell {
  if (node.kind !== 'object') throw new ScanInputError(`malformed notebook: cell ${index + 1} is not an object`);
  const builder = new SliceBuilder(text);
  appendText(builder, text, member(node, 'source'));
  const cellType = stringMember(text, node, 'cell_type');
  const magic = findMagicLine(builder.text());
  const base = { index, title: titleOf(text, node), fileStart: node.start, fileEnd: node.end };
  if (cellType !== 'code') {
    // Markdown and raw cells are prose; a leading %md (Databricks exports) is framing, not content.
    const from = magic?.magic.kind === 'markdown' ? magic.bodyStart : 0;
    return { ...base, kind: 'markdown', language: 'markdown', source: builder.build(from), outputs: [] };
  }
  return {
    ...base,
    kind: magic?.magic.kind ?? 'code',
    language: magic?.magic.language ?? language,
    source: builder.build(magic?.bodyStart ?? 0),
    outputs: readOutputs(text, member(node, 'outputs')),
  };
}

function titleOf(text: string, cell: JsonNode): TextSlice | undefined {
  const title = member(member(member(cell, 'metadata'), DATABRICKS_CELL), 'title');
  if (title?.kind !== 'string' || title.end - title.start <= 2) return undefined;
  return stringSlice(text, title);
}

/** Appends a notebook text field: a string, or a list of strings concatenated (nbformat's multiline form). */
function appendText(builder: SliceBuilder, text: string, node: JsonNode | undefined): void {
  if (node?.kind === 'string') appendJsonString(builder, text, node);
  else if (node?.kind === 'array') {
    for (const item of node.items) if (item.kind === 'string') appendJsonString(builder, text, item);
  }
}

function textSlice(text: string, node: JsonNode | undefined): TextSlice | undefined {
  if (node?.kind !== 'string' && node?.kind !== 'array') return undefined;
  const builder = new SliceBuilder(text);
  appendText(builder, text, node);
  return builder.length > 0 ? builder.build() : undefined;
}

function stringSlice(text: string, node: JsonString): TextSlice {
  if (!node.escaped) return verbatimSlice(text, node.start + 1, node.end - 1);
  const builder = new SliceBuilder(text);
  appendJsonString(builder, text, node);
  return builder.build();
}

function readOutputs(text: string, node: JsonNode | undefined): OutputRegion[] {
  if (node?.kind !== 'array') return [];
  const regions: OutputRegion[] = [];
  node.items.forEach((output, outputIndex) => {
    const region = (mime: string, texts: TextSlice[], keyed: KeyedSlice[] = []): void => {
      if (texts.length > 0 || keyed.length > 0) regions.push({ outputIndex, mime, texts, keyed });
    };
    switch (stringMember(text, output, 'output_type')) {
      case 'stream':
        region('stream', present([textSlice(text, member(output, 'text'))]));
        break;
      case 'execute_result':
      case 'display_data':
        readMimeBundle(text, member(output, 'data'), region);
        break;
      case 'error': {
        const traceback = member(output, 'traceback');
        const lines = traceback?.kind === 'array' ? traceback.items.map((item) => textSlice(text, item)) : [];
        region('error', present([textSlice(text, member(output, 'ename')), textSlice(text, member(output, 'evalue')), ...lines]));
        break;
      }
    }
    const table = readDatabricksTable(text, member(member(output, 'metadata'), DATABRICKS_OUTPUT));
    region('databricks-table', table.texts, table.keyed);
  });
  return regions;
}

type RegionSink = (mime: string, texts: TextSlice[], keyed?: KeyedSlice[]) => void;

function readMimeBundle(text: string, data: JsonNode | undefined, region: RegionSink): void {
  if (data?.kind !== 'object') return;
  for (const { key: mime, value } of data.entries) {
    if (TEXT_MIMES.has(mime)) {
      region(mime, present([textSlice(text, value)]));
    } else if (mime === 'application/json') {
      const keyed: KeyedSlice[] = [];
      const texts: TextSlice[] = [];
      walkJson(text, value, undefined, keyed, texts);
      region(mime, texts, keyed);
    }
  }
}

/**
 * A Databricks `display()` result: `{type: "table", schema: [{name}], data: [[...]]}`. Each value is typed by
 * its column name, like a value under a table header.
 */
function readDatabricksTable(text: string, meta: JsonNode | undefined): { keyed: KeyedSlice[]; texts: TextSlice[] } {
  const keyed: KeyedSlice[] = [];
  const texts: TextSlice[] = [];
  const data = member(meta, 'data');
  if (stringMember(text, meta, 'type') !== 'table' || data?.kind !== 'array') return { keyed, texts };
  const schema = member(meta, 'schema');
  const names = schema?.kind === 'array' ? schema.items.map((column) => stringMember(text, column, 'name')) : [];
  for (const row of data.items) {
    if (row.kind === 'array') {
      row.items.forEach((value, column) => walkJson(text, value, names[column] ?? `column ${column + 1}`, keyed, texts));
    } else {
      walkJson(text, row, undefined, keyed, texts);
    }
  }
  return { keyed, texts };
}

/** Collects string and number leaves: under an object key as keyed values, elsewhere as text. */
function walkJson(text: string, node: JsonNode, key: string | undefined, keyed: KeyedSlice[], texts: TextSlice[]): void {
  switch (node.kind) {
    case 'object':
      for (const entry of node.entries) walkJson(text, entry.value, entry.key, keyed, texts);
      break;
    case 'array':
      for (const item of node.items) walkJson(text, item, key, keyed, texts);
      break;
    case 'string': {
      if (node.end - node.start <= 2) break;
      const value = stringSlice(text, node);
      if (key === undefined) texts.push(value);
      else keyed.push({ key, value });
      break;
    }
    case 'number':
      if (key !== undefined) keyed.push({ key, value: verbatimSlice(text, node.start, node.end) });
      break;
  }
}

function present(slices: readonly (TextSlice | undefined)[]): TextSlice[] {
  return slices.filter((s): s is TextSlice => s !== undefined);
}
