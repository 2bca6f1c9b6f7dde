/**
 * Where cluster targets are declared in configuration, read into ClusterTargets the cluster rules check:
 * bundles (`resources.clusters`, `jobs.*.job_clusters[].new_cluster`, `tasks[].new_cluster`,
 * `tasks[].existing_cluster_id`, `targets.*` overrides, `${var.*}`), cluster and job JSON specs as sent to
 * the REST API, and `.databricks/project.json` / `vscode.overrides.json` cluster ids.
 */
import type { ClusterFact, ClusterTarget, SettingLoc } from '../engine/rules/cluster/types';
import type { InitScriptEntry } from '../engine/rules/cluster/initScripts';
import { asMap, child, entry, scalarString, type ConfigMap, type ConfigNode, type ConfigTree } from './configTree';
import { overlay, resolveString, toPlain, variablesOf, type VariableValues } from './bundleVariables';

/** A cluster spec written in the file: what the rules check, and the mapping a fix edits. */
export interface SpecTarget extends ClusterTarget {
  readonly kind: 'spec';
  /** The mapping that holds the spec's settings (where a missing setting is inserted). */
  readonly spec: ConfigMap;
}

/** A cluster named by id (`existing_cluster_id`, `clusterId`), checked live when a workspace is connected. */
export interface ClusterIdRef {
  readonly kind: 'id-ref';
  readonly label: string;
  readonly clusterId: string | undefined;
  readonly at: SettingLoc;
  readonly via?: string;
}

export interface ClusterDeclarations {
  readonly specs: SpecTarget[];
  readonly refs: ClusterIdRef[];
}

/** One place a cluster is declared in one layer (the bundle's base, or a target's override). */
interface Decl {
  readonly id: string;
  readonly label: string;
  readonly anchor: SettingLoc;
  readonly ephemeral: boolean;
  readonly spec?: ConfigMap;
  readonly ref?: ConfigNode;
}

/** Settings read from a spec mapping, with variables resolved. */
function factsOf(spec: ConfigMap, vars: VariableValues): Map<string, ClusterFact> {
  const facts = new Map<string, ClusterFact>();
  for (const e of spec.entries) {
    if (e.key === 'init_scripts') {
      facts.set(e.key, { value: initScriptsOf(e.value, vars), at: e.value });
      continue;
    }
    if (e.value.kind === 'scalar') {
      const raw = e.value.value;
      const r = typeof raw === 'string' ? resolveString(raw, vars) : { value: raw };
      facts.set(e.key, { value: r.value, at: e.value, via: 'via' in r ? r.via : undefined, unresolved: 'unresolved' in r ? r.unresolved : undefined });
    } else {
      facts.set(e.key, { value: toPlain(e.value), at: e.value });
    }
  }
  return facts;
}

function initScriptsOf(node: ConfigNode, vars: VariableValues): InitScriptEntry[] {
  if (node.kind !== 'seq') return [];
  const out: InitScriptEntry[] = [];
  for (const item of node.items) {
    if (item.kind !== 'map') continue;
    for (const e of item.entries) {
      const destNode = child(e.value, 'destination');
      const dest = scalarString(destNode);
      out.push({
        type: e.key,
        destination: dest === undefined ? undefined : String(resolveString(dest, vars).value),
        at: destNode ?? e.keyLoc,
      });
    }
  }
  return out;
}

function specTarget(decl: Decl, facts: Map<string, ClusterFact>, partial: boolean, label: string, spec: ConfigMap): SpecTarget {
  return {
    kind: 'spec', label, anchor: decl.anchor, ephemeral: decl.ephemeral, live: false, partial, spec,
    setting: (name) => facts.get(name),
  };
}

function refOf(decl: Decl, vars: VariableValues, label: string): ClusterIdRef | undefined {
  const raw = scalarString(decl.ref);
  if (raw === undefined || !decl.ref) return undefined;
  const r = resolveString(raw, vars);
  return { kind: 'id-ref', label, clusterId: r.unresolved ? undefined : String(r.value), at: decl.ref, via: r.via };
}

/** Reads the cluster targets of a bundle file (databricks.yml or an included file). */
export function bundleClusters(tree: ConfigTree, inheritedVariables: VariableValues = new Map()): ClusterDeclarations {
  const root = tree.root;
  const baseVars = overlay(inheritedVariables, variablesOf(child(root, 'variables')));
  const base = resourceDecls(child(root, 'resources'));
  const targets = asMap(child(root, 'targets'))?.entries ?? [];
  const out: ClusterDeclarations = { specs: [], refs: [] };
  if (targets.length === 0) {
    for (const d of base) emit(out, d, undefined, baseVars, '');
    return out;
  }
  const baseById = new Map(base.map((d) => [d.id, d]));
  for (const t of targets) {
    const vars = overlay(baseVars, variablesOf(child(t.value, 'variables')));
    const overrides = resourceDecls(child(t.value, 'resources'));
    const overById = new Map(overrides.map((d) => [d.id, d]));
    const suffix = ` (target \`${t.key}\`)`;
    const ownVars = child(t.value, 'variables') !== undefined;
    for (const d of base) {
      const over = overById.get(d.id);
      emit(out, d, over, vars, over || ownVars ? suffix : '');
    }
    for (const o of overrides) if (!baseById.has(o.id)) emit(out, o, undefined, vars, suffix, true);
  }
  return out;
}

function emit(out: ClusterDeclarations, decl: Decl, over: Decl | undefined, vars: VariableValues, suffix: string, partial = false): void {
  const label = decl.label + suffix;
  if (decl.spec || over?.spec) {
    const facts = decl.spec ? factsOf(decl.spec, vars) : new Map<string, ClusterFact>();
    if (over?.spec) for (const [k, v] of factsOf(over.spec, vars)) facts.set(k, v);
    const spec = (decl.spec ?? over?.spec) as ConfigMap;
    out.specs.push(specTarget(decl, facts, partial, label, spec));
  }
  const ref = over?.ref ? refOf(over, vars, label) : decl.ref ? refOf(decl, vars, label) : undefined;
  if (ref) out.refs.push(ref);
}

/** Declarations under a `resources` mapping. */
function resourceDecls(resources: ConfigNode | undefined): Decl[] {
  const out: Decl[] = [];
  for (const c of asMap(child(resources, 'clusters'))?.entries ?? []) {
    const spec = asMap(c.value);
    if (spec) out.push({ id: `clusters/${c.key}`, label: `cluster \`${c.key}\``, anchor: c.keyLoc, ephemeral: false, spec });
  }
  for (const j of asMap(child(resources, 'jobs'))?.entries ?? []) out.push(...jobDecls(j.value, j.key));
  return out;
}

/** Declarations in a job's settings (a bundle job, or a jobs/create body). */
function jobDecls(job: ConfigNode, jobName: string): Decl[] {
  const out: Decl[] = [];
  const jobClusters = child(job, 'job_clusters');
  if (jobClusters?.kind === 'seq') {
    jobClusters.items.forEach((item, i) => {
      const key = scalarString(child(item, 'job_cluster_key')) ?? String(i);
      const e = entry(item, 'new_cluster');
      const spec = asMap(e?.value);
      if (e && spec) {
        out.push({ id: `jobs/${jobName}/job_clusters/${key}`, label: `job cluster \`${key}\` of job \`${jobName}\``, anchor: e.keyLoc, ephemeral: true, spec });
      }
    });
  }
  const tasks = child(job, 'tasks');
  if (tasks?.kind === 'seq') {
    tasks.items.forEach((task, i) => {
      const key = scalarString(child(task, 'task_key')) ?? String(i);
      const label = `cluster of task \`${key}\` in job \`${jobName}\``;
      const e = entry(task, 'new_cluster');
      const spec = asMap(e?.value);
      if (e && spec) out.push({ id: `jobs/${jobName}/tasks/${key}/new_cluster`, label, anchor: e.keyLoc, ephemeral: true, spec });
      const ref = entry(task, 'existing_cluster_id');
      if (ref) {
        out.push({ id: `jobs/${jobName}/tasks/${key}/existing`, label: `existing cluster of task \`${key}\` in job \`${jobName}\``, anchor: ref.keyLoc, ephemeral: false, ref: ref.value });
      }
    });
  }
  return out;
}

const SPEC_KEYS = ['spark_version', 'node_type_id', 'data_security_mode', 'autotermination_minutes', 'driver_node_type_id', 'num_workers', 'autoscale'];

function looksLikeClusterSpec(node: ConfigNode | undefined): node is ConfigMap {
  return node?.kind === 'map' && SPEC_KEYS.filter((k) => entry(node, k)).length >= 2;
}

/**
 * Reads a JSON file: a cluster spec (clusters/create or clusters/get), a job (jobs/create, jobs/get with
 * `settings`, jobs/reset with `new_settings`), a clusters/list response, or the Databricks extension's
 * project.json / vscode.overrides.json.
 */
export function jsonClusters(tree: ConfigTree, fileName: string): ClusterDeclarations {
  const out: ClusterDeclarations = { specs: [], refs: [] };
  const root = tree.root;
  if (root.kind !== 'map') return out;
  const noVars = new Map<string, ConfigNode | undefined>();
  const clusterIdEntry = entry(root, 'clusterId');
  if ((fileName === 'project.json' || fileName === 'vscode.overrides.json') && clusterIdEntry) {
    const ref = refOf({ id: 'clusterId', label: 'the cluster selected for this project', anchor: clusterIdEntry.keyLoc, ephemeral: false, ref: clusterIdEntry.value }, noVars, 'the cluster selected for this project');
    if (ref) out.refs.push(ref);
    return out;
  }
  const decls: Decl[] = [];
  const clusterDecl = (spec: ConfigMap, fallbackName: string): Decl => {
    const nameEntry = entry(spec, 'cluster_name');
    const name = scalarString(nameEntry?.value) ?? fallbackName;
    const anchorEntry = nameEntry ?? spec.entries[0];
    return { id: `cluster/${spec.start}`, label: `cluster \`${name}\``, anchor: anchorEntry?.keyLoc ?? { start: spec.start, end: spec.start + 1 }, ephemeral: false, spec };
  };
  if (looksLikeClusterSpec(root)) decls.push(clusterDecl(root, 'spec'));
  const list = child(root, 'clusters');
  if (list?.kind === 'seq') list.items.forEach((c, i) => { if (looksLikeClusterSpec(c)) decls.push(clusterDecl(c, String(i))); });
  for (const job of [root, child(root, 'settings'), child(root, 'new_settings')]) {
    if (job?.kind !== 'map') continue;
    const name = scalarString(child(job, 'name')) ?? scalarString(child(root, 'job_id')) ?? 'job';
    decls.push(...jobDecls(job, name));
  }
  for (const d of decls) emit(out, d, undefined, noVars, '');
  return out;
}
