/** What a command may touch of the process: its streams, environment and working folder. Tests spawn the real CLI. */
import { version as packageVersion } from '../../../package.json';

export interface OutputStream {
  write(text: string): void;
  /**
   * Already-encoded UTF-8 (report blocks rendered by scan workers); streams without it get decoded text.
   * `written` is called once the stream has flushed the bytes and no longer holds them.
   */
  writeBytes?(bytes: Uint8Array, written?: () => void): void;
  /** Whether the stream holds more than it wants to (a slow pipe); `onDrain` then fires once it has caught up. */
  isBackedUp?(): boolean;
  onDrain?(listener: () => void): void;
  readonly isTTY: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export const VERSION: string = packageVersion;

/** A mistake in how the command was called: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function processIO(): CliIO {
  const stream = (s: NodeJS.WriteStream): OutputStream => ({
    write: (text) => void s.write(text),
    writeBytes: (bytes, written) => void s.write(bytes, written),
    isBackedUp: () => s.writableNeedDrain,
    onDrain: (listener) => void s.once('drain', listener),
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.columns;
    },
  });
  return { stdout: stream(process.stdout), stderr: stream(process.stderr), env: process.env, cwd: process.cwd() };
}

/** NO_COLOR (https://no-color.org) wins; otherwise colour only a terminal. */
export function useColor(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY && env.TERM !== 'dumb';
}
