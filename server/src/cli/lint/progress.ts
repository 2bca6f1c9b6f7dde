/**
 * `phisafe: 1234/5000 files` on stderr, rewritten in place, only on a terminal and only for runs long enough
 * to need it; cleared before the report is printed. Never on stdout, so JSON and SARIF stay clean.
 */
import type { OutputStream } from '../io';

/** Show the line at once for runs at least this large, otherwise after DELAY_MS. */
const MANY_FILES = 200;
const DELAY_MS = 1000;
const REDRAW_MS = 100;

export class ProgressLine {
  private done = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly startedAt = Date.now();

  constructor(private readonly stream: OutputStream, private readonly total: number, private readonly enabled: boolean) {}

  static for(stream: OutputStream, total: number, wanted: boolean): ProgressLine {
    return new ProgressLine(stream, total, wanted && stream.isTTY);
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (!this.shown && this.total < MANY_FILES && now - this.startedAt < DELAY_MS) return;
    if (this.shown && now - this.lastDraw < REDRAW_MS && this.done < this.total) return;
    this.lastDraw = now;
    this.shown = true;
    this.stream.write(`\r\u001b[2Kphisafe: ${this.done}/${this.total} files`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
