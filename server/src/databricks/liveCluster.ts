/**
 * A cluster as the workspace reports it (clusters/get, plus the values its policy fixes), reduced to the
 * settings the rules read. Faces fetch these (see clusterLookup.ts) and pass them to scans as
 * `inputs.liveClusters`, keyed by cluster id; the analyzers then check references against them.
 */
import type { InitScriptEntry } from '../engine/rules/cluster/initScripts';
import type { ClusterTarget, SettingLoc } from '../engine/rules/cluster/types';

/** Only these settings are kept: spark_conf and env vars can hold secrets and are never copied. */
export const LIVE_FIELDS = [
  'data_security_mode', 'access_mode', 'autotermination_minutes', 'spark_version', 'policy_id', 'init_scripts',
  'enable_local_disk_encryption',
] as const;

export interface LiveClusterInfo {
  readonly clusterId: string;
  readonly clusterName?: string;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Values the cluster's policy fixes (`{"type": "fixed"}`), used where the cluster itself is silent. */
  readonly policyFixed?: Readonly<Record<string, unknown>>;
}

export type LiveClusters = Readonly<Record<string, LiveClusterInfo>>;

export function liveClustersOf(inputs: Readonly<Record<string, unknown>>): LiveClusters {
  const v = inputs.liveClusters;
  return v && typeof v === 'object' ? (v as LiveClusters) : {};
}

/** Keeps the rule-relevant fields of a clusters/get response. */
export function pickLiveSettings(cluster: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of LIVE_FIELDS) if (cluster[f] !== undefined) out[f] = cluster[f];
  return out;
}

/** Fixed values of a policy definition (a JSON string of `{"path": {"type": "fixed", "value": ...}}`). */
export function fixedPolicyValues(definition: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!definition) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    return out;
  }
  if (!parsed || typeof parsed !== 'object') return out;
  for (const [path, rule] of Object.entries(parsed as Record<string, unknown>)) {
    const r = rule as { type?: unknown; value?: unknown };
    if (r && r.type === 'fixed' && (LIVE_FIELDS as readonly string[]).includes(path)) out[path] = r.value;
  }
  return out;
}

function liveInitScripts(value: unknown, at: SettingLoc): InitScriptEntry[] {
  if (!Array.isArray(value)) return [];
  const out: InitScriptEntry[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    for (const [type, spec] of Object.entries(item as Record<string, unknown>)) {
      const dest = spec && typeof spec === 'object' ? (spec as { destination?: unknown }).destination : undefined;
      out.push({ type, destination: typeof dest === 'string' ? dest : undefined, at });
    }
  }
  return out;
}

/** The fetched cluster as a ClusterTarget whose every finding points at the reference in the file. */
export function liveTarget(info: LiveClusterInfo, at: SettingLoc, label: string): ClusterTarget {
  const settings = { ...(info.policyFixed ?? {}), ...info.settings };
  const name = info.clusterName ? ` \`${info.clusterName}\`` : '';
  return {
    label: `${label}${name}`, anchor: at, ephemeral: false, live: true, partial: false,
    setting: (field) => {
      if (!(field in settings)) return undefined;
      const value = field === 'init_scripts' ? liveInitScripts(settings[field], at) : settings[field];
      return { value, at };
    },
  };
}
