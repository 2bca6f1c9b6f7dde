/**
 * The workspace connection, authenticated the way the Databricks CLI and VS Code extension do: a profile from
 * ~/.databrickscfg (`phisafe.databricks.profile`, or DATABRICKS_CONFIG_PROFILE), DATABRICKS_HOST/TOKEN, or the
 * CLI's OAuth login (`auth_type = databricks-cli`). The SDK is loaded on first use, never at start-up.
 *
 * Every call fails fast (own timeout, cancellation through the SDK Context, retries capped) with a
 * DatabricksUnavailable whose message says why in words of our own: it never carries a token, a header or
 * the server's response text.
 */
import type * as Sdk from '@databricks/sdk-experimental';

export interface ConnectionSettings {
  /** Profile in the config file; when absent the SDK reads DATABRICKS_CONFIG_PROFILE, then the default chain. */
  readonly profile?: string;
  /** Workspace URL, when the face knows it (e.g. from the Databricks extension). */
  readonly host?: string;
  /** Config file path; tests pass a temporary one so the real ~/.databrickscfg is never read. */
  readonly configFile?: string;
  /** Environment to read DATABRICKS_* from (default: the process environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Per-call limit, default 10 seconds. */
  readonly timeoutSeconds?: number;
  /** Path of the `databricks` CLI for the databricks-cli (OAuth) auth type. */
  readonly databricksCliPath?: string;
}

export type UnavailableReason =
  | 'no-credentials' | 'unauthorized' | 'forbidden' | 'not-found' | 'unreachable' | 'timeout' | 'cancelled' | 'failed';

/** Why the workspace could not answer; safe to show and log. */
export class DatabricksUnavailable extends Error {
  constructor(readonly reason: UnavailableReason, message: string, readonly statusCode?: number) {
    super(message);
    this.name = 'DatabricksUnavailable';
  }
}

/** What LSP and VS Code cancellation tokens look like; the SDK accepts the same shape. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): unknown;
}

type SdkModule = typeof Sdk;
let sdk: Promise<SdkModule> | undefined;

/** Loads the SDK once, on the first live call (about 100 ms; the offline rules never pay for it). */
function loadSdk(): Promise<SdkModule> {
  sdk ??= import('@databricks/sdk-experimental');
  return sdk;
}

const DEFAULT_TIMEOUT_SECONDS = 10;

export interface WorkspaceConnection {
  /** Where the connection points (host only, for messages). */
  readonly describe: string;
  /** Runs one SDK call with the timeout and cancellation applied; failures become DatabricksUnavailable. */
  call<T>(what: string, fn: (client: Sdk.WorkspaceClient, context: Sdk.Context) => Promise<T>, cancel?: CancellationLike): Promise<T>;
}

class CancellationSource implements CancellationLike {
  isCancellationRequested = false;
  private readonly listeners: (() => unknown)[] = [];

  onCancellationRequested(listener: () => unknown): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  }

  cancel(): void {
    if (this.isCancellationRequested) return;
    this.isCancellationRequested = true;
    for (const l of this.listeners) l();
  }
}

/** Environment variables the SDK may read; anything else (and any token) stays out of its view. */
function sdkEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && (k.startsWith('DATABRICKS_') || k === 'HOME' || k === 'USERPROFILE' || k === 'PATH')) out[k] = v;
  return out;
}

export function connect(settings: ConnectionSettings = {}): WorkspaceConnection {
  const env = settings.env ?? process.env;
  const timeout = Math.max(1, settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  const profile = settings.profile || env.DATABRICKS_CONFIG_PROFILE || undefined;
  const describe = settings.host ? `workspace ${hostOnly(settings.host)}` : profile ? `profile "${profile}"` : 'the default Databricks credentials';
  let client: Promise<Sdk.WorkspaceClient> | undefined;
  const getClient = async (): Promise<Sdk.WorkspaceClient> => {
    const { WorkspaceClient } = await loadSdk();
    return new WorkspaceClient({
      profile, host: settings.host, configFile: settings.configFile, databricksCliPath: settings.databricksCliPath,
      env: sdkEnv(env), retryTimeoutSeconds: timeout, httpTimeoutSeconds: timeout,
    }, { product: 'phisafe', productVersion: '0.1.0' });
  };
  return {
    describe,
    async call(what, fn, cancel) {
      const source = new CancellationSource();
      let timedOut = false;
      const timer = setTimeout(() => { timedOut = true; source.cancel(); }, timeout * 1000);
      cancel?.onCancellationRequested(() => source.cancel());
      try {
        if (cancel?.isCancellationRequested) throw new DatabricksUnavailable('cancelled', `${what}: cancelled`);
        const { Context } = await loadSdk();
        client ??= getClient();
        const c = await client;
        return await raceCancel(fn(c, new Context({ cancellationToken: source })), source);
      } catch (e) {
        if (e instanceof DatabricksUnavailable) throw e;
        throw await explain(e, what, describe, timedOut ? 'timeout' : source.isCancellationRequested ? 'cancelled' : undefined, timeout);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Rejects as soon as the source is cancelled, even while the SDK is still resolving credentials. */
function raceCancel<T>(p: Promise<T>, source: CancellationSource): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    source.onCancellationRequested(() => reject(new Error('cancelled')));
    p.then(resolve, reject);
  });
}

function hostOnly(host: string): string {
  try {
    return new URL(host.includes('://') ? host : `https://${host}`).host;
  } catch {
    return 'the configured host';
  }
}

/** Our own words for each failure; the SDK's message and the response body are never passed on. */
async function explain(e: unknown, what: string, where: string, stopped: 'timeout' | 'cancelled' | undefined, timeout: number): Promise<DatabricksUnavailable> {
  const { ApiError, ConfigError, HttpError } = await loadSdk();
  if (stopped === 'timeout') return new DatabricksUnavailable('timeout', `${what}: ${where} did not answer within ${timeout} s`);
  if (stopped === 'cancelled') return new DatabricksUnavailable('cancelled', `${what}: cancelled`);
  if (e instanceof ApiError) {
    const status = e.statusCode;
    if (status === 401) return new DatabricksUnavailable('unauthorized', `${what}: ${where} rejected the credentials (401); sign in again (databricks auth login) or renew the token`, status);
    if (status === 403) return new DatabricksUnavailable('forbidden', `${what}: permission denied by ${where} (403); the token may be invalid or lack the privilege`, status);
    if (status === 404) return new DatabricksUnavailable('not-found', `${what}: not found in ${where} (404)`, status);
    return new DatabricksUnavailable('failed', `${what}: ${where} answered with HTTP ${status}`, status);
  }
  if (e instanceof ConfigError) {
    return new DatabricksUnavailable('no-credentials', `${what}: no usable Databricks credentials for ${where}; set phisafe.databricks.profile (a profile in ~/.databrickscfg), DATABRICKS_CONFIG_PROFILE, or DATABRICKS_HOST and DATABRICKS_TOKEN`);
  }
  const code = (e as { code?: unknown } | undefined)?.code;
  if (e instanceof HttpError || code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'EAI_AGAIN') {
    return new DatabricksUnavailable('unreachable', `${what}: cannot reach ${where} (${typeof code === 'string' ? code : 'network error'}); offline rules still run`);
  }
  if (e instanceof Error && /^Timeout/.test(e.message)) return new DatabricksUnavailable('timeout', `${what}: ${where} kept failing for ${timeout} s (rate limited or unavailable)`);
  return new DatabricksUnavailable('failed', `${what}: ${where} could not be used (${e instanceof Error ? e.constructor.name : 'error'})`);
}
