/**
 * Where a report goes while it is written: stdout or the --output file, fed in file order. Text is gathered into
 * chunks of about 64 KB so a report of a million findings costs a few thousand writes and one chunk of memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { OutputStream } from '../io';

const CHUNK_CHARS = 64 * 1024;

export interface ReportSink {
  /**
   * Text, or UTF-8 bytes a worker encoded (written as they are, never decoded and re-encoded). `written` is called
   * once the sink holds no reference to them any more (at once for text).
   */
  write(text: string | Uint8Array, written?: () => void): void;
  /** Writes what is gathered and closes a file target. */
  close(): void;
}

/** The --output file could not be opened or written; carries only the error code, never report text. */
export class OutputError extends Error {
  constructor(readonly file: string, readonly code: string) {
    super(`cannot write ${file} (${code})`);
    this.name = 'OutputError';
  }
}

class ChunkedSink implements ReportSink {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly target: (text: string) => void,
    private readonly targetBytes: (bytes: Uint8Array, written?: () => void) => void,
    private readonly finish: () => void = () => undefined,
  ) {}

  write(text: string | Uint8Array, written?: () => void): void {
    if (typeof text !== 'string') {
      this.flush();
      this.targetBytes(text, written);
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
    written?.();
  }

  close(): void {
    this.flush();
    this.finish();
  }

  private flush(): void {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.target(text);
  }
}

export function streamSink(stream: OutputStream): ReportSink {
  const decoder = new TextDecoder();
  return new ChunkedSink((text) => stream.write(text), (bytes, written) => {
    if (stream.writeBytes) return stream.writeBytes(bytes, written);
    stream.write(decoder.decode(bytes));
    written?.();
  });
}

/** Opens (and truncates) the file at once, so a bad path fails before any scanning. */
export function fileSink(file: string): ReportSink {
  const fail = (e: unknown): never => {
    throw new OutputError(file, (e as NodeJS.ErrnoException).code ?? 'error');
  };
  let fd = -1;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    fail(e);
  }
  const writeAll = (text: string | Uint8Array, written?: () => void): void => {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      fail(e);
    }
    written?.();
  };
  const close = (): void => {
    try {
      closeSync(fd);
    } catch (e) {
      fail(e);
    }
  };
  return new ChunkedSink(writeAll, writeAll, close);
}
