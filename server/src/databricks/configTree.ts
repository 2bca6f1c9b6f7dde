/**
 * YAML and JSON configuration read into one located tree: every key and value keeps its offsets in the
 * file, so a cluster finding lands on the exact line of its setting and a fix edits text in place (comments
 * and formatting survive). YAML anchors, aliases and `<<` merge keys are followed to their definitions.
 */
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

/** A span of the file text: [start, end). */
export interface ConfigLoc {
  readonly start: number;
  readonly end: number;
}

export type ConfigPath = readonly (string | number)[];

export interface ConfigMap extends ConfigLoc {
  readonly kind: 'map';
  readonly entries: readonly ConfigEntry[];
  /** `{ a: 1 }` in YAML or any JSON object: inserted keys go inside the braces. */
  readonly flow: boolean;
  readonly path: ConfigPath;
}

export interface ConfigSeq extends ConfigLoc {
  readonly kind: 'seq';
  readonly items: readonly ConfigNode[];
  readonly path: ConfigPath;
}

export interface ConfigScalar extends ConfigLoc {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly path: ConfigPath;
}

export type ConfigNode = ConfigMap | ConfigSeq | ConfigScalar;

export interface ConfigEntry {
  readonly key: string;
  readonly keyLoc: ConfigLoc;
  readonly value: ConfigNode;
}

export interface ConfigTree {
  readonly syntax: 'yaml' | 'json';
  readonly root: ConfigNode;
}

/** Deeper structures than this are not cluster specs; the walk stops there instead of risking the stack. */
const MAX_DEPTH = 64;

export function entry(map: ConfigNode | undefined, key: string): ConfigEntry | undefined {
  if (map?.kind !== 'map') return undefined;
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i].key === key) return map.entries[i];
  return undefined;
}

export function child(map: ConfigNode | undefined, key: string): ConfigNode | undefined {
  return entry(map, key)?.value;
}

export function asMap(node: ConfigNode | undefined): ConfigMap | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function scalarString(node: ConfigNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** Parses YAML; undefined when the text is not YAML this module can trust (syntax errors, not a mapping). */
export function parseYamlTree(text: string): ConfigTree | undefined {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !doc.contents) return undefined;
  const root = fromYaml(doc, doc.contents as YamlNode, [], 0);
  return root ? { syntax: 'yaml', root } : undefined;
}

function fromYaml(doc: Document.Parsed, node: YamlNode, path: ConfigPath, depth: number): ConfigNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? fromYaml(doc, target as YamlNode, path, depth + 1) : undefined;
  }
  const [start, end] = node.range ?? [0, 0];
  if (isScalar(node)) {
    const v = node.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v);
    return { kind: 'scalar', value, start, end, path };
  }
  if (isSeq(node)) {
    const items: ConfigNode[] = [];
    node.items.forEach((item, i) => {
      const c = fromYaml(doc, item as YamlNode, [...path, i], depth + 1);
      if (c) items.push(c);
    });
    return { kind: 'seq', items, start, end, path };
  }
  if (isMap(node)) {
    const own: ConfigEntry[] = [];
    const merged: ConfigEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!keyNode || !isScalar(keyNode)) continue;
      const key = String(keyNode.value);
      const [ks, ke] = keyNode.range ?? [0, 0];
      const valueNode = pair.value as YamlNode | null;
      const value: ConfigNode | undefined = valueNode
        ? fromYaml(doc, valueNode, [...path, key], depth + 1)
        : { kind: 'scalar', value: null, start: ke, end: ke, path: [...path, key] };
      if (!value) continue;
      if (key === '<<') {
        // A merge key: the aliased mappings' entries apply unless this mapping sets them itself.
        const sources = value.kind === 'seq' ? value.items : [value];
        for (const s of sources) if (s.kind === 'map') merged.push(...s.entries);
        continue;
      }
      own.push({ key, keyLoc: { start: ks, end: ke }, value });
    }
    const ownKeys = new Set(own.map((e) => e.key));
    const entries = [...merged.filter((e) => !ownKeys.has(e.key)), ...own];
    return { kind: 'map', entries, flow: node.flow === true, start, end, path };
  }
  return undefined;
}

/** Parses JSON (comments and trailing commas tolerated, as in VS Code settings files). */
export function parseJsonTree(text: string): ConfigTree | undefined {
  const errors: ParseError[] = [];
  let node: JsonNode | undefined;
  try {
    node = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
  if (!node || errors.length > 0) return undefined;
  const root = fromJson(node, [], 0);
  return root ? { syntax: 'json', root } : undefined;
}

function fromJson(node: JsonNode, path: ConfigPath, depth: number): ConfigNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const entries: ConfigEntry[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v || typeof k.value !== 'string') continue;
        const value = fromJson(v, [...path, k.value], depth + 1);
        if (value) entries.push({ key: k.value, keyLoc: { start: k.offset, end: k.offset + k.length }, value });
      }
      return { kind: 'map', entries, flow: true, start, end, path };
    }
    case 'array': {
      const items: ConfigNode[] = [];
      (node.children ?? []).forEach((c, i) => {
        const v = fromJson(c, [...path, i], depth + 1);
        if (v) items.push(v);
      });
      return { kind: 'seq', items, start, end, path };
    }
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: node.value as string | number | boolean, start, end, path };
    case 'null':
      return { kind: 'scalar', value: null, start, end, path };
    default:
      return undefined;
  }
}
