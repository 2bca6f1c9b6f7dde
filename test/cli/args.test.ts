import assert from 'node:assert/strict';
import { asksForHelp, parseCommandArgs } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/io';

const SPEC = {
  format: { type: 'string', short: 'f', choices: ['text', 'json'] },
  size: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

describe('command arguments', () => {
  it('reads string, boolean and numeric options by name, and keeps positionals in order', () => {
    const args = parseCommandArgs(['a', '-f', 'json', '--size', '2.5', 'b', '-q'], SPEC);
    assert.deepEqual(args.positionals, ['a', 'b']);
    assert.equal(args.text('format'), 'json');
    assert.equal(args.positiveNumber('size'), 2.5);
    assert.equal(args.flag('quiet'), true);
    const none = parseCommandArgs([], SPEC);
    assert.equal(none.text('format'), undefined);
    assert.equal(none.positiveNumber('size'), undefined);
    assert.equal(none.flag('quiet'), false);
  });

  it('turns unknown options, values outside the choices and non-positive numbers into usage errors', () => {
    assert.throws(() => parseCommandArgs(['--bogus'], SPEC), UsageError);
    assert.throws(() => parseCommandArgs(['--format', 'xml'], SPEC), /--format must be one of text, json/);
    for (const size of ['0', '-1', 'big', ' ']) {
      const args = parseCommandArgs([`--size=${size}`], SPEC);
      assert.throws(() => args.positiveNumber('size'), /--size must be a number greater than 0/);
    }
  });

  it('sees a help request anywhere before `--` only', () => {
    assert.equal(asksForHelp(['x', '--bogus', '-h']), true);
    assert.equal(asksForHelp(['--help']), true);
    assert.equal(asksForHelp(['--', '-h']), false);
    assert.equal(asksForHelp(['-hq']), false);
  });
});
