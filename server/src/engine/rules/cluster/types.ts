import type { RuleMeta } from '../types';

/** A span of the file a cluster finding points at: the setting's value, or the key that declares the cluster. */
export interface SettingLoc {
  readonly start: number;
  readonly end: number;
}

/** One setting of a cluster target and where it is written (for a live cluster: where the cluster is named). */
export interface ClusterFact {
  readonly value: unknown;
  readonly at: SettingLoc;
  /** The bundle variable the value came from, e.g. `spark_version` for `${var.spark_version}`. */
  readonly via?: string;
  /** True when the value could not be resolved (an unresolved `${...}` reference): rules do not judge it. */
  readonly unresolved?: boolean;
}

/**
 * A cluster a notebook or job runs on, as the rules see it: a spec in a bundle or JSON file, or a cluster
 * fetched from the workspace. Rules read settings by their REST API names.
 */
export interface ClusterTarget {
  /** For messages: "cluster `etl`", "job cluster `main` of job `nightly`". */
  readonly label: string;
  /** Where a missing setting is reported: the key that declares the cluster. */
  readonly anchor: SettingLoc;
  /** A job cluster lives for one run; it ends with the run, so auto-termination does not apply to it. */
  readonly ephemeral: boolean;
  /** Fetched from the workspace rather than read from the file. */
  readonly live: boolean;
  /** Only some settings are known here (a target override of a cluster declared in another file). */
  readonly partial: boolean;
  setting(name: string): ClusterFact | undefined;
}

/** A change that makes the setting compliant: set `field` to `value` in the cluster's spec. */
export interface ClusterSettingFix {
  readonly field: string;
  readonly value: string | number | boolean;
}

export interface ClusterViolation {
  readonly at: SettingLoc;
  readonly message: string;
  /** The setting the finding is about (shown as the finding's context key). */
  readonly field: string;
  readonly fix?: ClusterSettingFix;
}

/** Thresholds from `.phisafe.json` under `cluster`; see docs/databricks.md. */
export interface ClusterSettings {
  readonly allowedAccessModes: readonly string[];
  readonly maxAutoTerminationMinutes: number;
  /** Minimum Databricks Runtime (major.minor) per access mode family. */
  readonly minRuntime: { readonly dedicated: string; readonly standard: string };
  readonly requirePolicy: boolean;
  readonly approvedPolicyIds: readonly string[];
  /** Init script location types allowed: workspace, volumes, dbfs, s3, abfss, gcs, file. */
  readonly approvedInitScriptTypes: readonly string[];
  /** When set, init script destinations must also start with one of these. */
  readonly approvedInitScriptPrefixes: readonly string[];
  readonly requireDiskEncryption: boolean;
  /** What the access-mode quick fix writes. */
  readonly fixAccessMode: string;
}

export interface ClusterRule extends RuleMeta {
  check(target: ClusterTarget, settings: ClusterSettings): ClusterViolation[];
}

/** Where the value of a setting came from, for messages: " (from ${var.x})". */
export function viaNote(fact: ClusterFact): string {
  return fact.via ? ` (from \`\${var.${fact.via}}\`)` : '';
}

export function liveNote(target: ClusterTarget): string {
  return target.live ? ' (live: read from the workspace)' : '';
}

/** A setting the rules can judge: present and resolved. */
export function known(target: ClusterTarget, name: string): ClusterFact | undefined {
  const f = target.setting(name);
  return f && !f.unresolved ? f : undefined;
}
