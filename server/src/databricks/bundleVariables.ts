/**
 * Bundle variables: `variables.<name>.default` in databricks.yml, overridden per target by
 * `targets.<t>.variables.<name>`, substituted into `${var.<name>}` references. A variable with a `lookup`
 * (resolved by the CLI against the workspace) or any other `${...}` reference stays unresolved.
 */
import { child, type ConfigNode } from './configTree';

/** A variable's value where the bundle says it statically; `undefined` marks a lookup or missing default. */
export type VariableValues = ReadonlyMap<string, ConfigNode | undefined>;

export function variablesOf(variables: ConfigNode | undefined): Map<string, ConfigNode | undefined> {
  const out = new Map<string, ConfigNode | undefined>();
  if (variables?.kind !== 'map') return out;
  for (const e of variables.entries) {
    // `name: value` is shorthand for a default; `name: { default, lookup, description }` is the full form.
    const v = e.value;
    if (v.kind === 'map' && (child(v, 'default') || child(v, 'lookup') || child(v, 'description') || child(v, 'type'))) {
      out.set(e.key, child(v, 'lookup') ? undefined : child(v, 'default'));
    } else {
      out.set(e.key, v);
    }
  }
  return out;
}

export function overlay(base: VariableValues, over: VariableValues): VariableValues {
  if (over.size === 0) return base;
  const out = new Map(base);
  for (const [k, v] of over) out.set(k, v);
  return out;
}

export interface Resolved {
  readonly value: unknown;
  readonly via?: string;
  readonly unresolved?: boolean;
}

const WHOLE_REF = /^\$\{var\.([A-Za-z0-9_-]{1,100})\}$/;
const ANY_REF = /\$\{([A-Za-z0-9_.\-[\]]{1,200})\}/g;

/** Resolves `${var.x}` references in a string scalar; other references leave the value unresolved. */
export function resolveString(text: string, vars: VariableValues, depth = 0): Resolved {
  if (!text.includes('${')) return { value: text };
  const whole = WHOLE_REF.exec(text);
  if (whole) {
    const node = vars.get(whole[1]);
    if (!node || depth > 5) return { value: text, via: whole[1], unresolved: true };
    const plain = toPlain(node);
    if (typeof plain === 'string') {
      const inner = resolveString(plain, vars, depth + 1);
      return { ...inner, via: whole[1] };
    }
    return { value: plain, via: whole[1] };
  }
  let unresolved = false;
  let via: string | undefined;
  const value = text.replace(ANY_REF, (ref, name: string) => {
    const m = /^var\.([A-Za-z0-9_-]{1,100})$/.exec(name);
    const node = m ? vars.get(m[1]) : undefined;
    const plain = node ? toPlain(node) : undefined;
    if (!m || plain === undefined || typeof plain === 'object') {
      unresolved = true;
      return ref;
    }
    via ??= m[1];
    return String(plain);
  });
  return { value, via, unresolved: unresolved || undefined };
}

/** A located node as plain data (strings not resolved). */
export function toPlain(node: ConfigNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  }
}
