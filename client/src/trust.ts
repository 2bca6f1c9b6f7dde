/**
 * Workspace trust: in an untrusted workspace the server gets no setting that would make it reach outside the
 * workspace (the Databricks section). Pure, so it is unit-tested without VS Code.
 */
import { SETTINGS_SECTION } from '../../server/src/protocol';

/** Keys of the `phisafe` section withheld until the workspace is trusted. */
export const TRUST_SENSITIVE_KEYS: readonly string[] = ['databricks'];

/** Removes trust-sensitive keys from a `phisafe` settings object sent to the server. */
export function withoutTrustSensitive(settings: unknown): unknown {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return settings;
  const copy: Record<string, unknown> = { ...(settings as Record<string, unknown>) };
  for (const key of TRUST_SENSITIVE_KEYS) delete copy[key];
  return copy;
}

/** True when a configuration item asks for a trust-sensitive section, e.g. `phisafe.databricks`. */
export function isTrustSensitiveSection(section: string | undefined): boolean {
  if (!section) return false;
  return TRUST_SENSITIVE_KEYS.some((key) => section === `${SETTINGS_SECTION}.${key}` || section.startsWith(`${SETTINGS_SECTION}.${key}.`));
}

/** What the server receives for one workspace/configuration item in an untrusted workspace. */
export function untrustedConfigurationValue(section: string | undefined, value: unknown): unknown {
  if (isTrustSensitiveSection(section)) return null;
  return section === SETTINGS_SECTION || section === undefined ? withoutTrustSensitive(value) : value;
}
