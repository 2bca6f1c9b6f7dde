/**
 * Jupyter notebooks (nbformat 4), including the ones Databricks exports: cell sources, Databricks cell titles,
 * and outputs (streams, rich text, JSON, errors and the Databricks result tables kept in output metadata).
 * Every slice is built over the raw JSON text, so a finding points inside the string on disk even across
 * escapes and list-form sources.
 */
import { DATABRICKS_TABLE, type KeyedSlice, type Language, type NotebookCell, type OutputRegion, type ScanDocument, type TextSlice } from '../model';
import { ScanInputError } from './errors';
import { appendJsonString, decodeJsonString, JsonReader, member, stringMember, type JsonNode, type JsonString } from './json';
import { findMagicLine } from './magics';
import { SliceBuilder, verbatimSlice } from './sliceBuilder';

const DATABRICKS_NOTEBOOK = 'application/vnd.databricks.v1+notebook';
const DATABRICKS_CELL = 'application/vnd.databricks.v1+cell';
const DATABRICKS_OUTPUT = 'application/vnd.databricks.v1+output';
/** Rich outputs read as prose. Images and other binary bundles are skipped without being copied. */
const TEXT_MIMES = new Set(['text/plain', 'text/html', 'text/markdown']);

/**
 * Reads the notebook in one pass over its JSON: cell sources and outputs are read straight into slices, the
 * small metadata objects become node trees, and everything else (images, widget state, execution counts) is
 * skipped without being built. As with a parsed tree, the first of repeated keys counts, and a file that is not
 * valid JSON is reported as such before any complaint about its notebook structure.
 */
export function readIpynb(path: string, text: string): ScanDocument {
  const reader = new JsonReader(text);
  if (reader.kind() !== 'object') {
    reader.skip();
    reader.finish();
    throw new ScanInputError('not a Jupyter notebook (the top level is not an object)');
  }
  let nbformat: JsonNode | undefined;
  let metadata: JsonNode | undefined;
  let cells: CellsRead | undefined;
  reader.members((key) => {
    if (key === 'nbformat' && !nbformat) nbformat = reader.node();
    else if (key === 'metadata' && !metadata) metadata = reader.node();
    else if (key === 'cells' && !cells) cells = readCells(reader, text);
    else reader.skip();
  });
  reader.finish();
  checkNbformat(text, nbformat);
  const language = notebookLanguage(text, metadata);
  if (!cells?.isList) throw new ScanInputError('not a Jupyter notebook (no cells list)');
  if (cells.notAnObject !== undefined) {
    throw new ScanInputError(`malformed notebook: cell ${cells.notAnObject + 1} is not an object`);
  }
  const read: ScanDocument = { path, format: 'ipynb', text, cells: cells.cells.map((cell) => withLanguage(cell, language)) };
  const widgets = widgetValues(text, member(member(metadata, DATABRICKS_NOTEBOOK), 'widgets'));
  return widgets.length > 0 ? { ...read, widgets } : read;
}

/**
 * The values a Databricks export saves with each widget (`widgets.<name>.currentValue`, and the `defaultValue` and a
 * dropdown's `choices` in its `widgetInfo` and `typedWidgetInfo`), keyed by the widget's name: what a user typed into
 * a widget stays in the file whatever happens to the cells.
 */
function widgetValues(text: string, widgets: JsonNode | undefined): KeyedSlice[] {
  const keyed: KeyedSlice[] = [];
  if (widgets?.kind !== 'object') return keyed;
  for (const { key, value: widget } of widgets.entries) {
    const name = stringMember(text, member(widget, 'widgetInfo'), 'name') ?? key;
    const add = (node: JsonNode | undefined): void => {
      if (node?.kind === 'string' && node.end - node.start > 2) keyed.push({ key: name, value: stringSlice(text, node) });
    };
    add(member(widget, 'currentValue'));
    for (const info of ['widgetInfo', 'typedWidgetInfo']) {
      const about = member(widget, info);
      add(member(about, 'defaultValue'));
      const choices = member(member(about, 'options'), 'choices');
      if (choices?.kind === 'array') for (const choice of choices.items) add(choice);
    }
  }
  return keyed;
}

/** The notebook's cells, read before its metadata (which nbformat writes after them) gives their language. */
interface CellsRead {
  readonly isList: boolean;
  readonly cells: CellRead[];
  /** Index of the first cell that is not an object: an error, raised once the whole file is known to be JSON. */
  readonly notAnObject?: number;
}

/** A cell whose language is still to be settled: undefined for a code cell without a language magic. */
type CellRead = Omit<NotebookCell, 'language'> & { readonly language: Language | undefined };

function withLanguage(cell: CellRead, notebookLanguage: Language): NotebookCell {
  const { index, kind, source, title, outputs, fileStart, fileEnd } = cell;
  return { index, kind, language: cell.language ?? notebookLanguage, source, title, outputs, fileStart, fileEnd };
}

function readCells(reader: JsonReader, text: string): CellsRead {
  if (reader.kind() !== 'array') {
    reader.skip();
    return { isList: false, cells: [] };
  }
  const cells: CellRead[] = [];
  let notAnObject: number | undefined;
  reader.items((index) => {
    if (reader.kind() === 'object') {
      cells.push(readCell(reader, text, index));
    } else {
      notAnObject ??= index;
      reader.skip();
    }
  });
  return { isList: true, cells, notAnObject };
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
function notebookLanguage(text: string, metadata: JsonNode | undefined): Language {
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

/** One cell object, from its opening brace: nbformat writes `source` after `outputs`, so both are kept until the end. */
function readCell(reader: JsonReader, text: string, index: number): CellRead {
  const fileStart = reader.offset;
  const builder = new SliceBuilder(text);
  let cellType: JsonNode | undefined;
  let metadata: JsonNode | undefined;
  let outputs: OutputRegion[] | undefined;
  let hasSource = false;
  reader.members((key) => {
    if (key === 'source' && !hasSource) {
      hasSource = true;
      appendText(builder, reader);
    } else if (key === 'cell_type' && !cellType) {
      cellType = reader.node();
    } else if (key === 'metadata' && !metadata) {
      metadata = reader.node();
    } else if (key === 'outputs' && !outputs) {
      outputs = readOutputs(reader, text);
    } else {
      reader.skip();
    }
  });
  const fileEnd = reader.offset;
  const title = titleOf(text, metadata);
  const magic = findMagicLine(builder.text());
  if (stringValue(text, cellType) !== 'code') {
    // Markdown and raw cells are prose; a leading %md (Databricks exports) is framing, not content.
    const from = magic?.magic.kind === 'markdown' ? magic.bodyStart : 0;
    return { index, kind: 'markdown', language: 'markdown', source: builder.build(from), title, outputs: [], fileStart, fileEnd };
  }
  const kind = magic?.magic.kind ?? 'code';
  const source = builder.build(magic?.bodyStart ?? 0);
  return { index, kind, language: magic?.magic.language, source, title, outputs: outputs ?? [], fileStart, fileEnd };
}

function titleOf(text: string, metadata: JsonNode | undefined): TextSlice | undefined {
  const title = member(member(metadata, DATABRICKS_CELL), 'title');
  if (title?.kind !== 'string' || title.end - title.start <= 2) return undefined;
  return stringSlice(text, title);
}

/** Appends a notebook text field: a string, or a list of strings concatenated (nbformat's multiline form). */
function appendText(builder: SliceBuilder, reader: JsonReader): void {
  const kind = reader.kind();
  if (kind === 'string') {
    appendJsonString(builder, reader.text, reader.string());
  } else if (kind === 'array') {
    reader.items(() => {
      if (reader.kind() === 'string') appendJsonString(builder, reader.text, reader.string());
      else reader.skip();
    });
  } else {
    reader.skip();
  }
}

/** A text field as one slice, or undefined when it is empty or not text. */
function textSlice(reader: JsonReader): TextSlice | undefined {
  const builder = new SliceBuilder(reader.text);
  appendText(builder, reader);
  return builder.length > 0 ? builder.build() : undefined;
}

/** The decoded string a node holds, if it is one. */
function stringValue(text: string, node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? decodeJsonString(text, node) : undefined;
}

function stringSlice(text: string, node: JsonString): TextSlice {
  if (!node.escaped) return verbatimSlice(text, node.start + 1, node.end - 1);
  const builder = new SliceBuilder(text);
  appendJsonString(builder, text, node);
  return builder.build();
}

function readOutputs(reader: JsonReader, text: string): OutputRegion[] {
  const regions: OutputRegion[] = [];
  if (reader.kind() !== 'array') {
    reader.skip();
    return regions;
  }
  reader.items((outputIndex) => {
    const region = (mime: string, texts: TextSlice[], keyed: KeyedSlice[] = []): void => {
      if (texts.length > 0 || keyed.length > 0) regions.push({ outputIndex, mime, texts, keyed });
    };
    const output = readOutput(reader, text);
    switch (stringValue(text, output.outputType)) {
      case 'stream':
        region('stream', present([output.text]));
        break;
      case 'execute_result':
      case 'display_data':
        for (const bundle of output.data) region(bundle.mime, bundle.texts, bundle.keyed);
        break;
      case 'error':
        region('error', present([output.ename, output.evalue, ...output.traceback]));
        break;
    }
    const table = readDatabricksTable(text, member(output.metadata, DATABRICKS_OUTPUT));
    region(DATABRICKS_TABLE, table.texts, table.keyed);
  });
  return regions;
}

/**
 * The parts of one output that any output type reads. Its `output_type` comes after its content in the file,
 * so the content is read first and the type picks what counts.
 */
interface OutputRead {
  outputType?: JsonNode;
  metadata?: JsonNode;
  text?: TextSlice;
  ename?: TextSlice;
  evalue?: TextSlice;
  traceback: (TextSlice | undefined)[];
  data: MimeRegion[];
}

interface MimeRegion {
  readonly mime: string;
  readonly texts: TextSlice[];
  readonly keyed?: KeyedSlice[];
}

function readOutput(reader: JsonReader, text: string): OutputRead {
  const output: OutputRead = { traceback: [], data: [] };
  if (reader.kind() !== 'object') {
    reader.skip();
    return output;
  }
  const seen = new Set<string>();
  reader.members((key) => {
    if (seen.has(key)) {
      reader.skip();
      return;
    }
    seen.add(key);
    switch (key) {
      case 'output_type': output.outputType = reader.node(); break;
      case 'metadata': output.metadata = reader.node(); break;
      case 'text': output.text = textSlice(reader); break;
      case 'ename': output.ename = textSlice(reader); break;
      case 'evalue': output.evalue = textSlice(reader); break;
      case 'traceback': output.traceback = readTraceback(reader); break;
      case 'data': output.data = readMimeBundle(reader, text); break;
      default: reader.skip();
    }
  });
  return output;
}

function readTraceback(reader: JsonReader): (TextSlice | undefined)[] {
  if (reader.kind() !== 'array') {
    reader.skip();
    return [];
  }
  const lines: (TextSlice | undefined)[] = [];
  reader.items(() => lines.push(textSlice(reader)));
  return lines;
}

/** Text and JSON representations of a rich output; images and other binary bundles are skipped unread. */
function readMimeBundle(reader: JsonReader, text: string): MimeRegion[] {
  const regions: MimeRegion[] = [];
  if (reader.kind() !== 'object') {
    reader.skip();
    return regions;
  }
  reader.members((mime) => {
    if (TEXT_MIMES.has(mime)) {
      regions.push({ mime, texts: present([textSlice(reader)]) });
    } else if (mime === 'application/json') {
      const keyed: KeyedSlice[] = [];
      const texts: TextSlice[] = [];
      walkJson(text, reader.node(), undefined, keyed, texts);
      regions.push({ mime, texts, keyed });
    } else if (mime === DATABRICKS_OUTPUT) {
      // Some exports keep the `display()` result in the bundle itself rather than in the output's metadata.
      regions.push({ mime: DATABRICKS_TABLE, ...readDatabricksTable(text, reader.node()) });
    } else {
      reader.skip();
    }
  });
  return regions;
}

/**
 * A Databricks `display()` result: `{type: "table", schema: [{name, type}], data: [[...]]}`. Each value is typed by
 * its column name, like a value under a table header; a struct's fields (saved as a list in the schema's order) by
 * their own names, with the struct's column as their path, so `guardian: {name, phone}` is read as a guardian's
 * name and phone and `code_team: [{role, name, pager}]` as a team's.
 */
function readDatabricksTable(text: string, meta: JsonNode | undefined): { keyed: KeyedSlice[]; texts: TextSlice[] } {
  const keyed: KeyedSlice[] = [];
  const texts: TextSlice[] = [];
  const data = member(meta, 'data');
  if (stringMember(text, meta, 'type') !== 'table' || data?.kind !== 'array') return { keyed, texts };
  const schema = member(meta, 'schema');
  const columns = schema?.kind === 'array' ? schema.items : [];
  const names = columns.map((column) => stringMember(text, column, 'name'));
  const shapes = columns.map((column) => columnShape(stringMember(text, column, 'type')));
  for (const row of data.items) {
    if (row.kind === 'array') {
      row.items.forEach((value, column) => {
        const key = names[column] ?? `column ${column + 1}`;
        const shape = shapes[column];
        if (shape) walkShaped(text, value, shape, key, NO_PATH, keyed, texts);
        else walkJson(text, value, key, keyed, texts);
      });
    } else {
      walkJson(text, row, undefined, keyed, texts);
    }
  }
  return { keyed, texts };
}

/** What a column's Spark type says of its values' nesting: a struct's fields, an array's or a map's elements. */
type ColumnShape =
  | {
    readonly kind: 'struct';
    readonly fields: readonly { readonly name: string; readonly shape: ColumnShape | undefined }[];
    /** The fields' shapes by name, for a struct saved as an object: one lookup per member, not a search of the fields. */
    readonly byName: ReadonlyMap<string, ColumnShape | undefined>;
  }
  | { readonly kind: 'array' | 'map'; readonly element: ColumnShape | undefined };

const NO_PATH: readonly string[] = [];

/** Longest type JSON parsed: a schema's types are small; a longer one is walked as plain JSON. */
const MAX_TYPE_JSON = 64 * 1024;

/** The nesting a schema's type JSON (`"{\"type\":\"struct\",\"fields\":[…]}"`) gives; undefined for a plain type. */
function columnShape(type: string | undefined): ColumnShape | undefined {
  if (!type || type.length > MAX_TYPE_JSON || !type.includes('struct')) return undefined;
  try {
    return shapeOf(JSON.parse(type) as unknown, 0);
  } catch {
    return undefined;
  }
}

/** Deepest nesting followed: deeper values are walked as plain JSON under their field's name. */
const MAX_SHAPE_DEPTH = 16;

function shapeOf(type: unknown, depth: number): ColumnShape | undefined {
  if (typeof type !== 'object' || type === null || depth > MAX_SHAPE_DEPTH) return undefined;
  const t = type as { type?: unknown; fields?: unknown; elementType?: unknown; valueType?: unknown };
  if (t.type === 'struct' && Array.isArray(t.fields)) {
    const fields = t.fields.map((f: unknown) => {
      const field = (typeof f === 'object' && f !== null ? f : {}) as { name?: unknown; type?: unknown };
      return { name: typeof field.name === 'string' ? field.name : '', shape: shapeOf(field.type, depth + 1) };
    });
    return { kind: 'struct', fields, byName: new Map(fields.map((f) => [f.name, f.shape])) };
  }
  if (t.type === 'array') return wrapping('array', shapeOf(t.elementType, depth + 1));
  if (t.type === 'map') return wrapping('map', shapeOf(t.valueType, depth + 1));
  return undefined;
}

/** An array or map whose elements hold structs; undefined when they are plain values. */
function wrapping(kind: 'array' | 'map', element: ColumnShape | undefined): ColumnShape | undefined {
  return element ? { kind, element } : undefined;
}

/**
 * Walks a value by its column's shape: a struct saved as a list gives each item its field's name, a struct saved
 * as an object its members' names; either way under the path of the struct's column. Values that do not fit the
 * shape are walked as plain JSON under the key they came with.
 */
function walkShaped(
  text: string, node: JsonNode, shape: ColumnShape | undefined, key: string, path: readonly string[], keyed: KeyedSlice[], texts: TextSlice[],
): void {
  if (!shape) {
    walkJson(text, node, key, keyed, texts, path);
    return;
  }
  if (shape.kind === 'struct') {
    const inner = [...path, key];
    if (node.kind === 'array') {
      node.items.forEach((item, i) => {
        const field = shape.fields[i];
        if (field?.name) walkShaped(text, item, field.shape, field.name, inner, keyed, texts);
        else walkJson(text, item, key, keyed, texts, path);
      });
    } else if (node.kind === 'object') {
      for (const entry of node.entries) walkShaped(text, entry.value, shape.byName.get(entry.key), entry.key, inner, keyed, texts);
    } else {
      walkJson(text, node, key, keyed, texts, path);
    }
  } else if (shape.kind === 'array' && node.kind === 'array') {
    for (const item of node.items) walkShaped(text, item, shape.element, key, path, keyed, texts);
  } else if (shape.kind === 'map' && node.kind === 'object') {
    // A map's keys are data (`{"2024-03-05": {…}}`), not fields: its values keep the column's name.
    for (const entry of node.entries) walkShaped(text, entry.value, shape.element, key, path, keyed, texts);
  } else {
    walkJson(text, node, key, keyed, texts, path);
  }
}

/** A keyed value, with its struct path only when it has one (a row's own values carry none). */
function keyedSlice(key: string, value: TextSlice, path: readonly string[]): KeyedSlice {
  return path.length > 0 ? { key, value, path } : { key, value };
}

/** Collects string and number leaves: under an object key as keyed values, elsewhere as text. */
function walkJson(
  text: string, node: JsonNode, key: string | undefined, keyed: KeyedSlice[], texts: TextSlice[], path: readonly string[] = NO_PATH,
): void {
  switch (node.kind) {
    case 'object':
      for (const entry of node.entries) walkJson(text, entry.value, entry.key, keyed, texts, path);
      break;
    case 'array':
      for (const item of node.items) walkJson(text, item, key, keyed, texts, path);
      break;
    case 'string': {
      if (node.end - node.start <= 2) break;
      const value = stringSlice(text, node);
      if (key === undefined) texts.push(value);
      else keyed.push(keyedSlice(key, value, path));
      break;
    }
    case 'number':
      if (key !== undefined) keyed.push(keyedSlice(key, verbatimSlice(text, node.start, node.end), path));
      break;
  }
}

function present(slices: readonly (TextSlice | undefined)[]): TextSlice[] {
  return slices.filter((s): s is TextSlice => s !== undefined);
}
