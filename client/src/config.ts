/**
 * The `phisafe.*` settings, read in one place. The server reads the same section over
 * workspace/configuration; the client only needs the few settings that decide whether to start it.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export const SECTION = SETTINGS_SECTION;

/** Settings that could reach outside the workspace (a Databricks profile) are withheld until it is trusted. */
export const TRUST_SENSITIVE_KEYS: readonly string[] = ['databricks'];

export function isEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('enable', true);
}

/** Removes trust-sensitive keys from a `phisafe` settings object sent to the server. */
export function withoutTrustSensitive(settings: unknown): unknown {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return settings;
  const copy: Record<string, unknown> = { ...(settings as Record<string, unknown>) };
  for (const key of TRUST_SENSITIVE_KEYS) delete copy[key];
  return copy;
}

/** True when a configuration item asks for a trust-sensitive section, e.g. `phisafe.databricks`. */
export function isTrustSensitiveSection(section: string | undefined): boolean {
  return TRUST_SENSITIVE_KEYS.some((key) => section === `${SECTION}.${key}` || section?.startsWith(`${SECTION}.${key}.`));
}
