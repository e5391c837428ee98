import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { type Contract, ContractSet, parseContract } from '../../../src/contract/index.js';

/** The shipped sample contracts. */
export const SAMPLE_CONTRACTS_DIR = join(import.meta.dirname, '../../../samples/contracts');
export const GOOI_FILE = join(SAMPLE_CONTRACTS_DIR, 'gooi-en-vechtstreek.yaml');
export const VOORBEELD_FILE = join(SAMPLE_CONTRACTS_DIR, 'voorbeeld-amsterdam-diemen.json');

/** A JSON object as a test edits it. */
export type Raw = Record<string, unknown> & {
  phases: Record<string, unknown>[];
  municipalities: Record<string, unknown>[];
  catalogue: (Record<string, unknown> & { pricing: Record<string, unknown> })[];
  suppliers: (Record<string, unknown> & {
    agbCode: string;
    rank: number;
    periods: Record<string, unknown>[];
    prices: Record<string, Record<string, unknown>>;
  })[];
  indexation: { baseYear: number; percentages: { year: number; percent: number }[] };
};

/** A fresh, editable copy of the Gooi en Vechtstreek sample contract. */
export function gooiRaw(): Raw {
  return parseYaml(readFileSync(GOOI_FILE, 'utf8')) as Raw;
}

export function voorbeeldRaw(): Raw {
  return JSON.parse(readFileSync(VOORBEELD_FILE, 'utf8')) as Raw;
}

/** Parses an edited contract; fails the test with its problems when it is invalid. */
export function contractOf(raw: unknown): Contract {
  const result = parseContract(JSON.stringify(raw));
  if (!result.ok) {
    throw new Error(`contract invalid:\n${result.problems.join('\n')}`);
  }
  return result.contract;
}

/** The problems of an edited contract (empty when valid). */
export function problemsOf(raw: unknown): readonly string[] {
  const result = parseContract(JSON.stringify(raw));
  return result.ok ? [] : result.problems;
}

/** A contract set of the given raw contracts (default: both samples). */
export function setOf(...raws: unknown[]): ContractSet {
  const list = raws.length === 0 ? [gooiRaw(), voorbeeldRaw()] : raws;
  return new ContractSet(list.map(contractOf));
}

/** The supplier entry with this AGB code. */
export function supplierRaw(raw: Raw, agb: string): Raw['suppliers'][number] {
  const supplier = raw.suppliers.find((s) => s.agbCode === agb);
  if (supplier === undefined) {
    throw new Error(`no supplier ${agb}`);
  }
  return supplier;
}
