import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CLI, ensureBuilt, ROOT } from './helpers';

/** Reads one LSP message (Content-Length framed) from the server's stdout. */
function firstMessage(stream: NodeJS.ReadableStream): Promise<{ id?: number; result?: { capabilities?: object } }> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    stream.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString('latin1'));
      if (!header) return;
      const start = header.index + header[0].length;
      const length = Number(header[1]);
      if (buffer.length >= start + length) resolve(JSON.parse(buffer.subarray(start, start + length).toString('utf8')));
    });
    stream.on('end', () => reject(new Error('the server closed stdout before answering')));
  });
}

describe('phisafe lsp', function () {
  this.timeout(30_000);
  before(ensureBuilt);

  it('answers initialize over stdio', async () => {
    const server = spawn(process.execPath, [CLI, 'lsp'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await firstMessage(server.stdout);
      assert.equal(reply.id, 1);
      assert.equal(typeof reply.result?.capabilities, 'object');
    } finally {
      server.kill();
    }
  });
});
