import { strict as assert } from 'node:assert';
import { cueAfter, cueBefore, labelBefore, type CueHit } from '../../../server/src/engine/detectors/cues';
import { DATE_CUES } from '../../../server/src/engine/detectors/date';
import { fitsIdShape, isPlaceholderId, labelledValues, RECORD_ID_SHAPE } from '../../../server/src/engine/detectors/labelled';
import { MRN_CUES } from '../../../server/src/engine/detectors/mrn';
import { TextView } from '../../../server/src/engine/detectors/text';

/**
 * Cue lookups skip windows that hold no word ending a cue phrase, from marks made once per view. This checks
 * them against the plain definition: every bounded occurrence of a phrase in the lower-cased window (`_` read
 * as a space, the window's edges as spaces), the one ending last before a value or starting first after it.
 */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

function expectedHit(text: string, from: number, to: number, phrases: readonly string[], before: boolean): CueHit | undefined {
  const w = text.toLowerCase().slice(from, to).replace(/_/g, ' ');
  const code = (i: number): number => (i >= 0 && i < w.length ? w.charCodeAt(i) : 32);
  let best: CueHit | undefined;
  for (const phrase of phrases) {
    const wordy = [...phrase].some((ch) => isWordCode(ch.charCodeAt(0)));
    for (let at = w.indexOf(phrase); at >= 0; at = w.indexOf(phrase, at + 1)) {
      const bounded = !(isWordCode(phrase.charCodeAt(0)) && isWordCode(code(at - 1)))
        && !(isWordCode(phrase.charCodeAt(phrase.length - 1)) && isWordCode(code(at + phrase.length)));
      if (wordy && !bounded) continue;
      const start = from + at;
      const end = start + phrase.length;
      const wins = !best || (before
        ? end > best.end || (end === best.end && start < best.start)
        : start < best.start || (start === best.start && end > best.end));
      if (wins) best = { phrase, start, end };
    }
  }
  return best;
}

function lineStart(text: string, pos: number, max: number): number {
  const floor = Math.max(0, pos - max);
  const nl = text.lastIndexOf('\n', pos - 1);
  return nl >= floor ? nl + 1 : floor;
}

function lineEnd(text: string, pos: number, max: number): number {
  const ceil = Math.min(text.length, pos + max);
  const nl = text.indexOf('\n', pos);
  return nl >= 0 && nl < ceil ? nl : ceil;
}

const CUE_PARTS = [
  'mrn', 'MRN', 'xmrn', 'mrnx', 'mr #', 'mr#', 'chart no', 'patient', 'outpatient', 'id', 'dob', 'D.O.B.', 'birth',
  'date_of_birth', 'admit', 'admitted', '==', 'no', '#', ' ', ' ', ' ', '_', ':', '-', '\n', '12345678', '42',
  '\u00d7', 'Jos\u00e9', '\u0130', 'born', 'med rec', 'medical record number',
];
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_CUE_PARTS = CUE_PARTS.filter((part) => !NON_ASCII.test(part)).concat(['medical_record_number', '__mrn_', 'dob_']);
const LABEL_PARTS = [
  'mrn', 'MRN', 'xmrn', 'chart no', 'patient id', 'medical_record_number', 'mr#', ': ', ' ', ' ', '#', '\n', '-',
  '12345678', 'A1234567', '00000000', '77-123456', '\u0130', '\u00d7', 'no', 'x'.repeat(30), '*',
];

/** Seeded texts of cue words, cut words (`xmrn`, `mrnx`), underscores, digits and Latin letters. */
function randomText(seed: number, length: number, parts: readonly string[] = CUE_PARTS): string {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  let out = '';
  while (out.length < length) out += parts[Math.floor(rnd() * parts.length)];
  return out;
}

describe('detectors/cues', () => {
  const lists: readonly (readonly string[])[] = [MRN_CUES, DATE_CUES, ['==', 'no', 'mr #', 'rn']];

  // ASCII texts have their words read from the view's atoms, others character by character: both are compared.
  const texts = [
    ...Array.from({ length: 40 }, (_, k) => randomText(k + 1, 400)),
    ...Array.from({ length: 20 }, (_, k) => randomText(k + 1, 400, ASCII_CUE_PARTS)),
  ];

  it('finds the same cue as the plain definition at every position, before and after', () => {
    assert.ok(texts.some((t) => !NON_ASCII.test(t) && t.includes('_')), 'no ASCII text with underscores to compare');
    for (const [k, text] of texts.entries()) {
      const view = new TextView(text);
      for (let pos = 0; pos <= text.length; pos++) {
        for (const phrases of lists) {
          for (const window of [16, 40]) {
            assert.deepEqual(cueBefore(view, pos, phrases, window), expectedHit(text, lineStart(text, pos, window), pos, phrases, true),
              `before, text ${k}, position ${pos}, window ${window}`);
          }
          assert.deepEqual(cueAfter(view, pos, phrases), expectedHit(text, pos, lineEnd(text, pos, 20), phrases, false),
            `after, text ${k}, position ${pos}`);
        }
      }
    }
  });

  it('reads a word cut by the window edge as the window shows it', () => {
    const text = `xmrn${' '.repeat(37)}1234567`;
    const view = new TextView(text);
    assert.deepEqual(cueBefore(view, 41, MRN_CUES), { phrase: 'mrn', start: 1, end: 4 });
    assert.equal(cueBefore(view, 41, MRN_CUES, 60), undefined);
  });

  it('finds a label right before a value and none across other words', () => {
    const text = 'Medical_Record_Number: 1234567; chart no sent 7654321';
    const view = new TextView(text);
    assert.equal(labelBefore(view, text.indexOf('1234567'), MRN_CUES)?.phrase, 'medical record number');
    assert.equal(labelBefore(view, text.indexOf('7654321'), MRN_CUES), undefined);
  });
});

describe('detectors/labelled', () => {
  /** The plain definition: every chain of the shape, not a placeholder, with a label right before it. */
  function expectedValues(view: TextView, phrases: readonly string[]): { start: number; phrase: string }[] {
    const out: { start: number; phrase: string }[] = [];
    for (let i = 0; i < view.chainCount; i++) {
      const chain = view.chain(i);
      if (!fitsIdShape(view, chain, RECORD_ID_SHAPE)) continue;
      if (isPlaceholderId(view.slice(chain.start, chain.end)) || view.charBefore(chain.start) === '*') continue;
      if (isPlanId(view.text, chain.start) || /^ {1,8}non-null/.test(view.text.slice(chain.end))) continue;
      const cue = labelBefore(view, chain.start, phrases);
      if (cue) out.push({ start: chain.start, phrase: cue.phrase });
    }
    return out;
  }

  /** `col#12` in a Spark plan: `#` after a word character, and another such reference within 200 characters. */
  function isPlanId(text: string, start: number): boolean {
    if (text[start - 1] !== '#' || !/\w/.test(text[start - 2] ?? '')) return false;
    const window = text.slice(Math.max(0, start - 201), Math.min(text.length, start + 201));
    const here = start - 1 - Math.max(0, start - 201);
    return [...window.matchAll(/\w(?=#\d)/g)].some((m) => m.index + 1 !== here && m.index + 1 >= 1);
  }

  it('skips Spark plan expression ids, not a lone label with a hash', () => {
    const plan = 'Project [encounter_id#1841, mrn#1842, admit_dt#1843]';
    assert.deepEqual(labelledValues(new TextView(plan), MRN_CUES, RECORD_ID_SHAPE), []);
    const note = 'see MRN#12345678 for the chart';
    assert.deepEqual(labelledValues(new TextView(note), MRN_CUES, RECORD_ID_SHAPE).map((v) => v.value), ['12345678']);
  });

  it('finds the same labelled values as the plain definition (line breaks, cut words, shifted lower-casing)', () => {
    let found = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const view = new TextView(randomText(seed, 600, LABEL_PARTS));
      const actual = labelledValues(view, MRN_CUES, RECORD_ID_SHAPE).map((v) => ({ start: v.chain.start, phrase: v.cue.phrase }));
      assert.deepEqual(actual, expectedValues(view, MRN_CUES), `seed ${seed}`);
      found += actual.length;
    }
    assert.ok(found > 20, `the seeded texts hold too few labelled values (${found}) to compare`);
  });
});
