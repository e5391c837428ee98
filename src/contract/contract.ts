import { createHash } from 'node:crypto';

import { z } from 'zod';

import { basisPoints, checkContract } from './check-contract.js';
import { type ContractFormat, readContractDocument } from './contract-document.js';
import {
  CONTRACT_SCHEMA,
  type ContractProduct,
  type ContractSupplier,
  type ContractTerms,
} from './contract-schema.js';

/**
 * Which contract a decision was made with (STYLE §C15): the file's own `version` plus a hash of
 * its bytes, so two different files that claim the same version still differ.
 */
export interface ContractVersion {
  readonly id: string;
  readonly version: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
}

/** A contract that passed the schema and its consistency rules, with lookup tables. Frozen. */
export interface Contract {
  readonly terms: ContractTerms;
  readonly version: ContractVersion;
  /** Catalogue by iWmo ProductCode. */
  readonly productsByCode: ReadonlyMap<string, ContractProduct>;
  readonly suppliersByAgb: ReadonlyMap<string, ContractSupplier>;
  /** Indexation per year in basis points (2.35 % → 235). */
  readonly indexation: ReadonlyMap<number, number>;
}

export type ParseContractResult =
  | { readonly ok: true; readonly contract: Contract }
  | { readonly ok: false; readonly problems: readonly string[] };

/** `gooi-en-vechtstreek@2026.1 sha256:0123456789abcdef`: how logs and records name a version. */
export function formatContractVersion(version: ContractVersion): string {
  return `${version.id}@${version.version} sha256:${version.sha256.slice(0, 16)}`;
}

/**
 * Parses a contract file's bytes: JSON or YAML (`format`, see `contractFormatOf` for a file
 * name), then the schema, then the consistency rules. Never throws for a bad file: the result
 * lists every problem with its path, in zod's format (syntax problems with line and column).
 * The version hash is over the bytes as given, whatever the notation.
 */
export function parseContract(
  bytes: Uint8Array | string,
  format: ContractFormat = 'json',
): ParseContractResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const document = readContractDocument(bytes, format);
  if (!document.ok) {
    return document;
  }
  const raw = document.raw;
  const parsed = CONTRACT_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: [
        ...z.prettifyError(parsed.error).split(/\n(?=✖)/),
        '(the consistency rules are checked once the file matches the schema)',
      ],
    };
  }
  const problems = checkContract(parsed.data);
  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.map((problem) => `✖ ${problem.message}\n  → at ${problem.path}`),
    };
  }
  const terms = deepFreeze(parsed.data);
  const contract: Contract = {
    terms,
    version: Object.freeze({ id: terms.id, version: terms.version, sha256 }),
    productsByCode: new Map(terms.catalogue.map((product) => [product.iwmoCode, product])),
    suppliersByAgb: new Map(terms.suppliers.map((supplier) => [supplier.agbCode, supplier])),
    indexation: new Map(
      terms.indexation.percentages.map((entry) => [entry.year, basisPoints(entry.percent)]),
    ),
  };
  return { ok: true, contract: Object.freeze(contract) };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
    Object.freeze(value);
  }
  return value;
}
