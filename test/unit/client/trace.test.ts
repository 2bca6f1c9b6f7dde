import { strict as assert } from 'node:assert';
import { withholdContents } from '../../../client/src/trace';

describe('trace without contents', () => {
  it('keeps the header of a traced message and withholds its parameters', () => {
    const params = JSON.stringify({ textDocument: { text: 'SELECT 1 -- synthetic body' } }, null, 4);
    const line = withholdContents(`[Trace - 10:00:00] Sending notification 'textDocument/didOpen'.\nParams: ${params}`);
    assert.equal(line.includes('synthetic body'), false);
    assert.match(line, /^\[Trace - 10:00:00\] Sending notification 'textDocument\/didOpen'\. \[\d+ characters of contents withheld\]$/);
  });

  it('leaves a one-line message as it is', () => {
    assert.equal(withholdContents("Received response 'initialize - (0)' in 5ms."), "Received response 'initialize - (0)' in 5ms.");
  });
});
