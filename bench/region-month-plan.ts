import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  addDays,
  type Contract,
  type ContractProduct,
  type ContractSupplier,
  deliveryInvoiceDeadline,
  indexedAmount,
  lastDayOfMonth,
  maintenanceInvoiceDeadline,
  parseContract,
  previousMonth,
  tariffTerm,
  yearOf,
} from '../src/contract/index.js';
import { withElfproefDigit } from './generate-declaration.js';

/**
 * The plan behind bench/generate-region-month.ts: which clients each gemeente has, which aids
 * they were allocated, when each aid was delivered or taken back, and which Prestaties carry an
 * injected fault. Prices come from the contract file through src/contract (tariffTerm,
 * indexedAmount); the 15th-of-the-month rule and the invoice deadlines are the generator's own
 * reading of the contract text (shared/domain/contract-gooi-en-vechtstreek.md, "Billing rules").
 */

/** The faults the generator can inject, each with the rule that must refuse it. */
export type FaultKind =
  'wrong-price' | 'non-billable-month' | 'second-delivery' | 'late-invoice' | 'over-budget';

export const FAULT_KINDS: readonly FaultKind[] = [
  'wrong-price',
  'non-billable-month',
  'second-delivery',
  'late-invoice',
  'over-budget',
];

/** What a Prestatie is under the contract. */
export type LineKind = 'delivery' | 'maintenance' | 'lesson' | 'quote';

/**
 * How an aid is allocated and what happens to it:
 * - `all-in`: an aid with an all-in price and yearly maintenance, allocated aspecifiek (only the
 *   iWmo category) and declared once in Eenheid 82; its maintenance (Eenheid 83, monthly) on a
 *   toewijzing of its own by default (see {@link MaintenanceAllocation});
 * - `orthosis`: 11A04, all-in without maintenance, allocated specifically (1 stuks, TBGT);
 * - `lessons`: driving lessons 12A12, allocated specifically (n lessons, TBGT);
 * - `quote`: categories 7, 13, 16, priced by quote, allocated as a Budget (category only);
 * - `pending`: allocated (all-in) but not delivered yet: no start, no line.
 */
export type AidType = 'all-in' | 'orthosis' | 'lessons' | 'quote' | 'pending';

export interface PlannedAid {
  readonly nummer: string;
  readonly type: AidType;
  readonly product: ContractProduct;
  /** Delivery date (the WMO305 Begindatum); undefined for lessons and pending aids. */
  readonly delivered?: string;
  /** Take-back date (the WMO307 Einddatum) in the month. */
  readonly takenBack?: string;
  readonly ingangsdatum: string;
  /** Budget of a `quote` aid, eurocents; the quote itself is `quote`. */
  readonly budget?: number;
  readonly quote?: number;
  /** Lessons allocated and given this month. */
  readonly lessons?: { readonly allocated: number; readonly given: number };
  /** The fault injected on this aid's lines, if any. */
  fault?: FaultKind;
}

/**
 * How the gemeente allocates the maintenance of an `all-in` aid (docs/contracts.md, "Allocating
 * an aid and its maintenance"):
 * - `separate`: a second toegewezen product B next to the aid's toewijzing A, from the same
 *   Ingangsdatum: specifiek (the aid's Categorie and Code) with Omvang "a month of maintenance /
 *   83 (euro's) / 4 (per maand)" (IV042). The supplier starts and stops A and B together, on the
 *   delivery and take-back dates. Every billable month is declared on B, the month of delivery
 *   included; TR341 keeps deliveries (82) off B and TR321 caps a month at its Omvang;
 * - `with-the-aid`: maintenance on the aid's own (aspecifiek) toewijzing. The month of delivery's
 *   maintenance then has the delivery's debet key (ProductPeriode, ProductCategorie, ProductCode,
 *   ToewijzingNummer; TR416 within a message, TR389 across messages), so it cannot be declared.
 */
export type MaintenanceAllocation = 'separate' | 'with-the-aid';

/**
 * The ToewijzingNummer of an aid's maintenance (toewijzing B): the aid's own + 1,000,000. Aids
 * are numbered from 600,001 and there are at most ~180,000, so the two ranges never meet.
 */
export function maintenanceNummerOf(aid: PlannedAid): string {
  return String(Number(aid.nummer) + 1_000_000);
}

export interface PlannedClient {
  readonly bsn: string;
  readonly gemeente: string;
  readonly supplier: ContractSupplier;
  readonly aids: readonly PlannedAid[];
}

/** mulberry32 (as bench/generate-declaration.ts): same seed, same month. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const GOOI_CONTRACT_FILE = join(
  import.meta.dirname,
  '../samples/contracts/gooi-en-vechtstreek.yaml',
);

/** The sample Gooi en Vechtstreek contract, as the gateway loads it. */
export function loadGooiContract(file = GOOI_CONTRACT_FILE): Contract {
  const parsed = parseContract(readFileSync(file), 'yaml');
  if (!parsed.ok) {
    throw new Error(`invalid contract ${file}:\n${parsed.problems.join('\n')}`);
  }
  return parsed.contract;
}

/** The supplier's all-in delivery price of `product` for an aid delivered on `date` (§7.1, §7.4). */
export function deliveryPrice(
  contract: Contract,
  supplier: ContractSupplier,
  product: ContractProduct,
  date: string,
): number {
  const term = tariffTerm(contract, supplier, product, contract.terms.billing.deliveryUnit, date);
  if (term.kind !== 'tariff') {
    throw new Error(`${product.iwmoCode} has no delivery price (${term.kind})`);
  }
  return term.cents;
}

/**
 * One month of maintenance in `year`: the supplier's yearly tariff of the category, indexed to
 * that year (§7.4), divided by 12 and rounded half up to the cent (§7.2 "per jaar", §7.3 billed
 * monthly). `indexed: false` gives the unindexed base tariff / 12 (a wrong amount on purpose).
 */
export function maintenancePerMonth(
  contract: Contract,
  supplier: ContractSupplier,
  product: ContractProduct,
  year: number,
  indexed = true,
): number {
  const base = supplier.prices[product.category]?.maintenancePerYear;
  if (base === undefined) {
    throw new Error(`${product.iwmoCode} has no maintenance tariff for ${supplier.agbCode}`);
  }
  const perYear = indexed ? indexedAmount(contract, base, year) : base;
  return Math.round(perYear / 12);
}

/** The tariff per driving lesson (the catalogue's fixed tariff, indexed only if it says so). */
export function lessonTariff(
  contract: Contract,
  supplier: ContractSupplier,
  product: ContractProduct,
  date: string,
): number {
  const term = tariffTerm(contract, supplier, product, '82', date);
  if (term.kind !== 'tariff') {
    throw new Error(`${product.iwmoCode} has no tariff per lesson`);
  }
  return term.cents;
}

/**
 * The 15th-of-the-month rule as the contract text states it (§7.3, contract billing
 * `monthCutoffDay`): maintenance is billable for `month` when the aid was delivered before the
 * month or on day 1–cutoff of it, and not taken back before the month or on day 1–cutoff of it.
 */
export function isBillable(
  month: string,
  delivered: string,
  takenBack: string | undefined,
  cutoffDay: number,
): boolean {
  const deliveredMonth = delivered.slice(0, 7);
  const fromHere =
    deliveredMonth < month || (deliveredMonth === month && day(delivered) <= cutoffDay);
  if (!fromHere) {
    return false;
  }
  if (takenBack === undefined) {
    return true;
  }
  const backMonth = takenBack.slice(0, 7);
  return backMonth > month || (backMonth === month && day(takenBack) > cutoffDay);
}

function day(date: string): number {
  return Number(date.slice(8, 10));
}

/** True when a line invoiced on `invoiced` is late by the contract's deadlines (§6.8 eis 88). */
export function isLate(
  contract: Contract,
  kind: LineKind,
  date: string,
  invoiced: string,
): boolean {
  const billing = contract.terms.billing;
  const deadline =
    kind === 'maintenance'
      ? maintenanceInvoiceDeadline(date.slice(0, 7), billing.maintenanceInvoiceDays)
      : deliveryInvoiceDeadline(date, billing.deliveryInvoiceDays);
  return invoiced > deadline;
}

/** Unique synthetic BSNs (11-proef, 999xxxxxx), enough for 90,000 clients. */
export function* regionBsns(): Generator<string, void, undefined> {
  for (let k = 0; k < 100_000; k += 1) {
    const bsn = withElfproefDigit(`999${String(k).padStart(5, '0')}`);
    if (bsn !== undefined && bsn >= '999000009') {
      yield bsn;
    }
  }
}

/** `2026-03` and day 7 → `2026-03-07` (clamped to the month's last day). */
export function dayOf(month: string, dayNumber: number): string {
  const last = lastDayOfMonth(month);
  const wanted = `${month}-${String(dayNumber).padStart(2, '0')}`;
  return wanted > last ? last : wanted;
}

/** The months before `month`: [`month`−2, `month`−1]. */
export function earlierMonths(month: string): readonly [string, string] {
  const m1 = previousMonth(month);
  return [previousMonth(m1), m1];
}

export { addDays, lastDayOfMonth, yearOf };
