/**
 * What the linear-time suite runs: every detector family (through scanFreeText and scanText), each lexer, the
 * code-context finder, the output-table parser and the .ipynb reader, each on the adversarial inputs aimed at it.
 * The engine is passed in so the step counter can load it after it has started counting.
 */
import type { Language } from '../../server/src/engine/model';
import type { scanFreeText } from '../../server/src/engine/detectors';
import type { scanText } from '../../server/src/engine/scan';
import type { lexerFor } from '../../server/src/engine/lexers';
import type { findTableValues } from '../../server/src/engine/context/outputTables';
import type { findKeyedLiterals } from '../../server/src/engine/context/codeContext';
import type { readDocument } from '../../server/src/engine/formats';
import { CODE_INPUTS, FREE_TEXT_INPUTS, NOTEBOOK_INPUTS, NPPES_COMMENTS, X12_COMMENTS, ORGANISATION_RESOURCES, RECORD_INPUTS, RECURRING_INPUT, SITES_ON_ONE_LINE, TABLE_DECLARATIONS, TABLE_INPUTS, type AdversarialInput } from './adversarial';

export interface EngineUnderTest {
  readonly scanFreeText: typeof scanFreeText;
  readonly scanText: typeof scanText;
  readonly lexerFor: typeof lexerFor;
  readonly findTableValues: typeof findTableValues;
  readonly findKeyedLiterals: typeof findKeyedLiterals;
  readonly readDocument: typeof readDocument;
}

export interface LinearCase {
  readonly id: string;
  /** Builds the input of a given length (not counted). */
  readonly make: (length: number) => string;
  /** The work whose steps are counted. Errors are part of the work (a reader may reject the input). */
  readonly run: (text: string) => void;
  /** Counted at 1 MB and 2 MB (the first case of each target, or every case with PHISAFE_SAFETY_FULL=1). */
  fullSize?: boolean;
}

export async function loadEngine(): Promise<EngineUnderTest> {
  const [detectors, scan, lexers, tables, code, formats] = await Promise.all([
    import('../../server/src/engine/detectors'),
    import('../../server/src/engine/scan'),
    import('../../server/src/engine/lexers'),
    import('../../server/src/engine/context/outputTables'),
    import('../../server/src/engine/context/codeContext'),
    import('../../server/src/engine/formats'),
  ]);
  return {
    scanFreeText: detectors.scanFreeText, scanText: scan.scanText, lexerFor: lexers.lexerFor,
    findTableValues: tables.findTableValues, findKeyedLiterals: code.findKeyedLiterals, readDocument: formats.readDocument,
  };
}

const LEXED: readonly Language[] = ['python', 'sql', 'scala', 'r', 'shell', 'markdown'];
const KEYED: readonly Language[] = ['python', 'sql', 'scala', 'r'];

/** A text file of `path`'s format around the input: the input is the body of a notebook cell or of the file. */
const FORMATS: readonly { id: string; path: string; wrap: (body: string) => string }[] = [
  { id: 'Databricks .py notebook', path: 'adversarial.py', wrap: (b) => `# Databricks notebook source\n${b}\n# COMMAND ----------\n# MAGIC %md\n# MAGIC ${b}` },
  { id: 'Databricks .sql notebook', path: 'adversarial.sql', wrap: (b) => `-- Databricks notebook source\n${b}\n-- COMMAND ----------\n-- MAGIC %python\n-- MAGIC ${b}` },
  { id: 'plain .scala', path: 'adversarial.scala', wrap: (b) => b },
  { id: 'plain .r', path: 'adversarial.r', wrap: (b) => b },
  { id: 'markdown', path: 'adversarial.md', wrap: (b) => b },
  {
    id: '.ipynb source and output', path: 'adversarial.ipynb',
    wrap: (b) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', metadata: {}, source: [b], outputs: [{ output_type: 'stream', name: 'stdout', text: [b] }] }] }),
  },
];

const half = (input: AdversarialInput) => (length: number) => input.make(Math.floor(length / 2));

/**
 * `npm test` runs a matrix that covers every target and every input at least once (about three minutes on two
 * cores); PHISAFE_SAFETY_FULL=1 runs every target on every input, each at 1 MB and 2 MB.
 */
const FULL = process.env.PHISAFE_SAFETY_FULL === '1';
const some = <T>(xs: readonly T[], every: number, phase = 0): T[] => (FULL ? [...xs] : xs.filter((_, i) => (i + phase) % every === 0));

export function linearCases(engine: EngineUnderTest): LinearCase[] {
  const cases: LinearCase[] = [];
  for (const [regionKind, every] of [['output', 1], ['comment', 3]] as const) {
    for (const input of some(FREE_TEXT_INPUTS, every)) {
      cases.push({ id: `detectors (${regionKind}) on ${input.id}`, make: input.make, run: (t) => engine.scanFreeText(t, { regionKind }) });
    }
  }
  // A code-context case lexes its text first and counts those steps too, so a lexer gets a case of its own
  // only on the inputs its language's code context does not see.
  const contextInputs = new Map<Language, Set<AdversarialInput>>();
  for (const [k, lang] of KEYED.entries()) {
    const lexer = engine.lexerFor(lang);
    const inputs = some(CODE_INPUTS, k < 2 ? 1 : 2, k);
    contextInputs.set(lang, new Set(inputs));
    for (const input of inputs) {
      cases.push({ id: `code context (${lang}) on ${input.id}`, make: input.make, run: (t) => engine.findKeyedLiterals(lang, t, lexer ? lexer(t) : []) });
    }
  }
  for (const [k, lang] of LEXED.entries()) {
    const lexer = engine.lexerFor(lang);
    if (!lexer) continue;
    const seen = contextInputs.get(lang);
    const inputs = seen ? CODE_INPUTS.filter((input) => FULL || !seen.has(input)) : some(CODE_INPUTS, 2, k);
    for (const input of inputs) cases.push({ id: `${lang} lexer on ${input.id}`, make: input.make, run: (t) => lexer(t) });
  }
  for (const { input, language } of RECORD_INPUTS) {
    const lexer = engine.lexerFor(language);
    cases.push({ id: `code context (${language}) on ${input.id}`, make: input.make, run: (t) => engine.findKeyedLiterals(language, t, lexer ? lexer(t) : []) });
  }
  for (const { input, mime } of TABLE_INPUTS) {
    cases.push({ id: `output tables (${mime}) on ${input.id}`, make: input.make, run: (t) => engine.findTableValues(t, mime) });
  }
  for (const input of NOTEBOOK_INPUTS) {
    cases.push({ id: `.ipynb reader on ${input.id}`, make: input.make, run: (t) => engine.readDocument('adversarial.ipynb', t) });
    cases.push({ id: `scan of .ipynb with ${input.id}`, make: input.make, run: (t) => engine.scanText('adversarial.ipynb', t) });
  }
  // Whole-file scans: the wrapped input appears twice, so each half is half the length.
  for (const [k, format] of FORMATS.entries()) {
    for (const input of some([...CODE_INPUTS, ...FREE_TEXT_INPUTS], 6, k)) {
      cases.push({ id: `scan of ${format.id} with ${input.id}`, make: (n) => format.wrap(half(input)(n)), run: (t) => engine.scanText(format.path, t) });
    }
  }
  // Values found once and looked for in the whole file (recurrences.ts), in a source notebook and an .ipynb;
  // organisations' sites on one long line (each address reads its line).
  for (const format of [FORMATS[0], FORMATS[5]]) {
    for (const input of [RECURRING_INPUT, SITES_ON_ONE_LINE, ORGANISATION_RESOURCES, NPPES_COMMENTS, X12_COMMENTS]) {
      cases.push({ id: `scan of ${format.id} with ${input.id}`, make: (n) => format.wrap(half(input)(n)), run: (t) => engine.scanText(format.path, t) });
    }
  }
  // A SQL notebook's table declarations, read before its cells are scanned, and the INSERTs they key.
  cases.push({ id: `scan of ${FORMATS[1].id} with ${TABLE_DECLARATIONS.id}`, make: (n) => FORMATS[1].wrap(half(TABLE_DECLARATIONS)(n)), run: (t) => engine.scanText(FORMATS[1].path, t) });
  // Each target's first case runs at 1 MB and 2 MB, the rest at a quarter of that: growth is a ratio, so a
  // super-linear path shows as plainly at 256 KB → 512 KB, at a quarter of the steps.
  const targets = new Set<string>();
  for (const c of cases) {
    const target = c.id.replace(/ (?:on|with) .*$/, '');
    c.fullSize = FULL || !targets.has(target);
    targets.add(target);
  }
  return cases;
}
