import { UNITY_CATALOG_MODES } from './accessMode';
import type { ClusterSettings } from './types';

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  allowedAccessModes: UNITY_CATALOG_MODES,
  maxAutoTerminationMinutes: 120,
  minRuntime: { dedicated: '15.4', standard: '12.2' },
  requirePolicy: true,
  approvedPolicyIds: [],
  approvedInitScriptTypes: ['workspace', 'volumes'],
  approvedInitScriptPrefixes: [],
  requireDiskEncryption: false,
  fixAccessMode: 'SINGLE_USER',
};

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

/** Reads `.phisafe.json` → `cluster`; anything missing or of the wrong type keeps its default. */
export function resolveClusterSettings(raw: unknown): ClusterSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_CLUSTER_SETTINGS;
  const r = raw as Record<string, unknown>;
  const d = DEFAULT_CLUSTER_SETTINGS;
  const min = (r.minRuntime && typeof r.minRuntime === 'object' ? r.minRuntime : {}) as Record<string, unknown>;
  return {
    allowedAccessModes: strings(r.allowedAccessModes)?.map((m) => m.toUpperCase()) ?? d.allowedAccessModes,
    maxAutoTerminationMinutes: typeof r.maxAutoTerminationMinutes === 'number' && r.maxAutoTerminationMinutes > 0
      ? r.maxAutoTerminationMinutes : d.maxAutoTerminationMinutes,
    minRuntime: {
      dedicated: typeof min.dedicated === 'string' ? min.dedicated : d.minRuntime.dedicated,
      standard: typeof min.standard === 'string' ? min.standard : d.minRuntime.standard,
    },
    requirePolicy: typeof r.requirePolicy === 'boolean' ? r.requirePolicy : d.requirePolicy,
    approvedPolicyIds: strings(r.approvedPolicyIds) ?? d.approvedPolicyIds,
    approvedInitScriptTypes: strings(r.approvedInitScriptTypes) ?? d.approvedInitScriptTypes,
    approvedInitScriptPrefixes: strings(r.approvedInitScriptPrefixes) ?? d.approvedInitScriptPrefixes,
    requireDiskEncryption: typeof r.requireDiskEncryption === 'boolean' ? r.requireDiskEncryption : d.requireDiskEncryption,
    fixAccessMode: typeof r.fixAccessMode === 'string' ? r.fixAccessMode.toUpperCase() : d.fixAccessMode,
  };
}
