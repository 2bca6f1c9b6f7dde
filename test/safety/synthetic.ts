/**
 * Invented identifiers and notebooks for the safety suites. Every value is built here from a seed: structurally
 * valid (so detectors must find them) and obviously synthetic (555 phone numbers, example.com mail).
 */
import { prng } from '../../bench/synthetic.mjs';

export interface SyntheticIdentifiers {
  readonly ssn: string;
  readonly phone: string;
  readonly mrn: string;
  readonly email: string;
  readonly dob: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly memberId: string;
}

const FIRST = ['Orla', 'Thaddeus', 'Wilhelmina', 'Cornelius', 'Philippa', 'Bartholomew'];
const LAST = ['Quimby', 'Featherstone', 'Ashdown', 'Pemberton', 'Wolcott', 'Hargreave'];
const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';

export function seededIdentifiers(seed: number): SyntheticIdentifiers {
  const next = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const letter = () => MBI_LETTERS[int(0, MBI_LETTERS.length - 1)];
  return {
    ssn: `${int(201, 599)}-${pad(int(11, 89), 2)}-${pad(int(1001, 8999), 4)}`,
    phone: `(${int(201, 899)}) 555-${pad(int(100, 199), 4)}`,
    mrn: `${int(1, 9)}${pad(int(0, 9999999), 7)}`,
    email: `${FIRST[int(0, 5)].toLowerCase()}.${LAST[int(0, 5)].toLowerCase()}${int(10, 99)}@example.com`,
    dob: `${int(1931, 1989)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
    firstName: FIRST[int(0, 5)],
    lastName: LAST[int(0, 5)],
    memberId: `${int(1, 9)}${letter()}${letter()}${int(0, 9)}${letter()}${letter()}${int(0, 9)}${letter()}${letter()}${int(0, 9)}${int(0, 9)}`,
  };
}

/** The forms a leaked value could take in output: as written and digits only. */
export function leakForms(ids: SyntheticIdentifiers): string[] {
  const values = [ids.ssn, ids.phone, ids.mrn, ids.email, ids.dob, ids.memberId, `${ids.firstName} ${ids.lastName}`];
  const forms = new Set<string>();
  for (const v of values) {
    forms.add(v);
    const digits = v.replace(/\D/g, '');
    if (digits.length >= 7) forms.add(digits);
  }
  return [...forms];
}

export interface NotebookCellSpec {
  readonly kind: 'code' | 'markdown';
  readonly source: string;
  /** Stream output text of a code cell (e.g. a printed table). */
  readonly output?: string;
}

export function ipynbText(cells: readonly NotebookCellSpec[]): string {
  return `${JSON.stringify({
    cells: cells.map((c, i) => (c.kind === 'markdown'
      ? { cell_type: 'markdown', metadata: {}, source: splitLines(c.source) }
      : {
        cell_type: 'code', execution_count: i + 1, metadata: {}, source: splitLines(c.source),
        outputs: c.output === undefined ? [] : [{ name: 'stdout', output_type: 'stream', text: splitLines(c.output) }],
      })),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1)}\n`;
}

export function sourceNotebookText(cells: readonly NotebookCellSpec[]): string {
  const body = cells.map((c) => (c.kind === 'markdown'
    ? `# MAGIC %md\n${c.source.split('\n').map((l) => `# MAGIC ${l}`).join('\n')}`
    : c.source));
  return `# Databricks notebook source\n${body.join('\n\n# COMMAND ----------\n\n')}\n`;
}

function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}
