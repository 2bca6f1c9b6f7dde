/**
 * LSP message tracing without message contents. A verbose trace would log every didOpen/didChange with the
 * document text, i.e. the PHI itself: this channel keeps the header line of each traced message (method, id,
 * timing) and replaces its parameters and results by their size.
 */
import type * as vscode from 'vscode';

/** Pure: one traced message reduced to its header line. */
export function withholdContents(message: string): string {
  const newline = message.indexOf('\n');
  if (newline < 0) return message;
  return `${message.slice(0, newline)} [${message.length - newline - 1} characters of contents withheld]`;
}

export function withheldTraceChannel(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property, receiver) {
      if (property === 'trace') return (message: string) => target.trace(withholdContents(message));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
