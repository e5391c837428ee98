import type { DatePeriod } from './calendar.js';
import type { Contract, ContractVersion } from './contract.js';
import type { ContractProduct, ContractSupplier } from './contract-schema.js';
import { coversDate, firstGap, governsCategory, supplierCoverage } from './contract-terms.js';

/** A product line as contract rules see it: who delivered what to which gemeente, when. */
export interface ContractLine {
  /** CBS code of the gemeente (the WMO323 Ontvanger). */
  readonly gemeente: string;
  /** AGB code of the supplier (the WMO323 Afzender). */
  readonly supplier: string;
  readonly iwmoCategory: string;
  readonly iwmoCode: string;
  /** First and last day of the ProductPeriode. */
  readonly begin: string;
  readonly end: string;
}

/** How the loaded contracts judge one line; each contract rule reports one kind. */
export type LineResolution =
  /** No contract of this gemeente governs the category: contract rules do not apply. */
  | { readonly kind: 'not-governed' }
  /** Governed, but no governing contract lists the ProductCode (GW-C02). */
  | { readonly kind: 'not-in-catalogue'; readonly contracts: readonly Contract[] }
  /** The code is listed, but the supplier is not contracted on every day (GW-C01). */
  | {
      readonly kind: 'not-contracted';
      readonly contracts: readonly Contract[];
      /** The first stretch of the period without a contract for this supplier. */
      readonly gap: DatePeriod;
    }
  /** Contracted on every day; `contract` is the one in force on the first day. */
  | {
      readonly kind: 'contracted';
      readonly contract: Contract;
      readonly supplier: ContractSupplier;
      readonly product: ContractProduct;
    };

/**
 * The contracts in force for the gateway at one moment: an immutable snapshot that rules read
 * through `RuleContext.contracts`. A gemeente may have several contracts (e.g. one for aids,
 * one for care); each governs the iWmo product categories of its scope.
 */
/** Distinct lines remembered per snapshot; declarations repeat few (supplier, code, period). */
const RESOLVED_CACHE_LIMIT = 10_000;

export class ContractSet {
  readonly contracts: readonly Contract[];
  readonly #byGemeente: ReadonlyMap<string, readonly Contract[]>;
  /** Memo of {@link resolve}, a pure function of this immutable snapshot. */
  readonly #resolved = new Map<string, LineResolution>();
  /** The same memo by line object: rules that share a (frozen) line skip building the key. */
  readonly #byLine = new WeakMap<ContractLine, LineResolution>();

  constructor(contracts: readonly Contract[]) {
    this.contracts = Object.freeze(
      [...contracts].sort((a, b) => a.terms.id.localeCompare(b.terms.id)),
    );
    const byGemeente = new Map<string, Contract[]>();
    for (const contract of this.contracts) {
      for (const code of new Set(contract.terms.municipalities.map((m) => m.cbsCode))) {
        byGemeente.set(code, [...(byGemeente.get(code) ?? []), contract]);
      }
    }
    this.#byGemeente = byGemeente;
    Object.freeze(this);
  }

  static readonly EMPTY = new ContractSet([]);

  /** Every loaded contract's version, by id: what a decision records. */
  get versions(): readonly ContractVersion[] {
    return this.contracts.map((contract) => contract.version);
  }

  /** The versions of the contracts a gemeente takes part in. */
  versionsFor(gemeente: string): readonly ContractVersion[] {
    return this.forGemeente(gemeente).map((contract) => contract.version);
  }

  /** The contracts a gemeente takes part in (at any time). */
  forGemeente(gemeente: string): readonly Contract[] {
    return this.#byGemeente.get(gemeente) ?? [];
  }

  /**
   * The iWmo categories the gemeente's contracts list `iwmoCode` under, or undefined when none
   * of its contracts lists the code (the product code list TR381 applies).
   */
  categoriesOfCode(gemeente: string, iwmoCode: string): ReadonlySet<string> | undefined {
    let categories: Set<string> | undefined;
    for (const contract of this.forGemeente(gemeente)) {
      const product = contract.productsByCode.get(iwmoCode);
      if (product !== undefined) {
        categories ??= new Set();
        categories.add(product.iwmoCategory);
      }
    }
    return categories;
  }

  /**
   * Judges one line: is the category governed by a contract of the gemeente, is the code in a
   * governing catalogue, and is the supplier contracted for the gemeente on every day of the
   * period (exercised phases ∩ the gemeente's participation ∩ the supplier's periods)?
   */
  resolve(line: ContractLine): LineResolution {
    const known = this.#byLine.get(line);
    if (known !== undefined) {
      return known;
    }
    const key = `${line.gemeente}|${line.supplier}|${line.iwmoCategory}|${line.iwmoCode}|${line.begin}|${line.end}`;
    let resolution = this.#resolved.get(key);
    if (resolution === undefined) {
      if (this.#resolved.size >= RESOLVED_CACHE_LIMIT) {
        this.#resolved.clear();
      }
      resolution = this.#resolve(line);
      this.#resolved.set(key, resolution);
    }
    if (Object.isFrozen(line)) {
      this.#byLine.set(line, resolution);
    }
    return resolution;
  }

  #resolve(line: ContractLine): LineResolution {
    const governing = this.forGemeente(line.gemeente).filter((contract) =>
      governsCategory(contract, line.iwmoCategory),
    );
    if (governing.length === 0) {
      return { kind: 'not-governed' };
    }
    const listing = governing.filter((contract) => {
      const product = contract.productsByCode.get(line.iwmoCode);
      return product !== undefined && product.iwmoCategory === line.iwmoCategory;
    });
    if (listing.length === 0) {
      return { kind: 'not-in-catalogue', contracts: governing };
    }
    const coverage = listing.map((contract) => {
      const supplier = contract.suppliersByAgb.get(line.supplier);
      return {
        contract,
        supplier,
        periods: supplier === undefined ? [] : supplierCoverage(contract, line.gemeente, supplier),
      };
    });
    const gap = firstGap(
      coverage.flatMap((entry) => entry.periods),
      line.begin,
      line.end,
    );
    const first = coverage.find((entry) => coversDate(entry.periods, line.begin));
    if (gap !== undefined || first?.supplier === undefined) {
      return {
        kind: 'not-contracted',
        contracts: listing,
        gap: gap ?? { start: line.begin, end: line.end },
      };
    }
    const product = first.contract.productsByCode.get(line.iwmoCode) as ContractProduct;
    return { kind: 'contracted', contract: first.contract, supplier: first.supplier, product };
  }
}
