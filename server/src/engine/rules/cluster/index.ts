/** The cluster rule family: checks over a ClusterTarget, plus the code-only hard-coded-id rule. */
import { accessMode } from './accessMode';
import { autoTermination } from './autoTermination';
import { diskEncryption } from './diskEncryption';
import { hardCodedId } from './hardCodedId';
import { initScripts } from './initScripts';
import { policy } from './policy';
import { runtimeVersion } from './runtimeVersion';
import type { ClusterRule } from './types';

export const CLUSTER_CHECKS: readonly ClusterRule[] = [accessMode, autoTermination, runtimeVersion, policy, initScripts, diskEncryption];

export const CLUSTER_RULES = [...CLUSTER_CHECKS, hardCodedId];

export { hardCodedId };
export { resolveClusterSettings, DEFAULT_CLUSTER_SETTINGS } from './settings';
export type * from './types';
