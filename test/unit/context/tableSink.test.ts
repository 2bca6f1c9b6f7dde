import { strict as assert } from 'node:assert';
import { ValueSink } from '../../../server/src/engine/context/tableSink';

/** Offsets into a text of plain digits: the sink only trims and filters placeholders, which digits never are. */
const TEXT = '7'.repeat(20_000);

function spans(sink: ValueSink): string[] {
  return sink.values.map((v) => `${v.start}-${v.end}`);
}

describe('context/tableSink: ValueSink', () => {
  it('keeps a span once, whichever reader adds it again', () => {
    const sink = new ValueSink(TEXT);
    sink.add('mrn', 10, 18);
    sink.add('mrn', 10, 18);
    sink.add('chart', 10, 18);
    assert.deepEqual(spans(sink), ['10-18']);
  });

  it('remembers the last end added at a start, as before (a span seen two adds ago counts again)', () => {
    const sink = new ValueSink(TEXT);
    sink.add('a', 5, 9);
    sink.add('a', 5, 12);
    sink.add('a', 5, 9);
    assert.deepEqual(spans(sink), ['5-9', '5-12', '5-9']);
  });

  it('tells repeats from new spans across thousands of starts (the table of seen spans grows)', () => {
    const sink = new ValueSink(TEXT);
    for (let start = 0; start < 6000; start += 3) sink.add('k', start, start + 2);
    for (let start = 0; start < 6000; start += 3) sink.add('k', start, start + 2);
    for (let start = 1; start < 6000; start += 3) sink.add('k', start, start + 2);
    assert.equal(sink.values.length, 4000);
    assert.equal(new Set(spans(sink)).size, 4000);
  });

  it('counts only new spans toward the cap', () => {
    const sink = new ValueSink(TEXT, 3);
    sink.add('k', 0, 2);
    sink.add('k', 0, 2);
    sink.add('k', 3, 5);
    assert.equal(sink.remaining, 1);
    sink.add('k', 6, 8);
    sink.add('k', 9, 11);
    assert.ok(sink.full);
    assert.deepEqual(spans(sink), ['0-2', '3-5', '6-8']);
  });

  it('reads each key once: a value under a key the caller does not want claims its span but is not kept', () => {
    const asked: string[] = [];
    const sink = new ValueSink(TEXT, 100, (key) => {
      asked.push(key);
      return key === 'mrn';
    });
    for (let row = 0; row < 5; row++) {
      sink.add(' mrn ', row * 20, row * 20 + 8);
      sink.add('visits', row * 20 + 10, row * 20 + 12);
    }
    sink.add(' mrn ', 40, 48);
    assert.deepEqual(asked, ['mrn', 'visits']);
    assert.deepEqual(sink.values.map((v) => v.key), ['mrn', 'mrn', 'mrn', 'mrn', 'mrn']);
    assert.equal(sink.remaining, 90);
  });
});
