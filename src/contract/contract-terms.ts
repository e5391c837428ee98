import { dateOfDayNumber, type DatePeriod, dayNumber, periodContains, yearOf } from './calendar.js';
import type { Contract } from './contract.js';
import type { ContractProduct, ContractSupplier, Eenheid } from './contract-schema.js';

/**
 * Pure questions about one contract (STYLE §C15): who is contracted when, at what price. Rules
 * combine these; nothing here reads a clock or a file.
 */

/** The periods on which `supplier` may deliver to `gemeente` under the contract. */
export function supplierCoverage(
  contract: Contract,
  gemeente: string,
  supplier: ContractSupplier,
): DatePeriod[] {
  const phases = contract.terms.phases
    .filter((phase) => phase.exercised)
    .map((phase) => ({ start: phase.start, end: phase.end }));
  const municipalities = contract.terms.municipalities
    .filter((municipality) => municipality.cbsCode === gemeente)
    .map((municipality) => municipality.period ?? { start: '0001-01-01' });
  return intersect(intersect(phases, municipalities), supplier.periods);
}

/** True when `gemeente` takes part in the contract at some time. */
export function servesGemeente(contract: Contract, gemeente: string): boolean {
  return contract.terms.municipalities.some((municipality) => municipality.cbsCode === gemeente);
}

/** True when the contract governs lines of this iWmo product category. */
export function governsCategory(contract: Contract, iwmoCategory: string): boolean {
  return contract.terms.scope.productCategories.includes(iwmoCategory);
}

/** Pairwise intersection of two sets of inclusive periods. */
export function intersect(a: readonly DatePeriod[], b: readonly DatePeriod[]): DatePeriod[] {
  const result: DatePeriod[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = x.start > y.start ? x.start : y.start;
      const end = minEnd(x.end, y.end);
      if (end === undefined || start <= end) {
        result.push(end === undefined ? { start } : { start, end });
      }
    }
  }
  return result;
}

function minEnd(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) {
    return b;
  }
  return b === undefined || a < b ? a : b;
}

/**
 * The first stretch of `[begin, end]` that no period covers, or undefined when every day is
 * covered. Linear in the number of periods after sorting.
 */
export function firstGap(
  periods: readonly DatePeriod[],
  begin: string,
  end: string,
): DatePeriod | undefined {
  const sorted = [...periods].sort((x, y) => x.start.localeCompare(y.start));
  let next = dayNumber(begin);
  const last = dayNumber(end);
  for (const period of sorted) {
    if (next > last) {
      return undefined;
    }
    if (dayNumber(period.start) > next) {
      break;
    }
    if (period.end === undefined) {
      return undefined;
    }
    next = Math.max(next, dayNumber(period.end) + 1);
  }
  if (next > last) {
    return undefined;
  }
  const gapEnd = sorted
    .map((period) => dayNumber(period.start) - 1)
    .filter((day) => day >= next && day < last)
    .sort((x, y) => x - y)[0];
  return { start: dateOfDayNumber(next), end: dateOfDayNumber(gapEnd ?? last) };
}

/** True when every day of `[begin, end]` lies in one of the periods. */
export function coversAll(periods: readonly DatePeriod[], begin: string, end: string): boolean {
  return firstGap(periods, begin, end) === undefined;
}

/** True when `date` lies in one of the periods. */
export function coversDate(periods: readonly DatePeriod[], date: string): boolean {
  return periods.some((period) => periodContains(period, date));
}

/** `amount × (1 + bp / 10 000)` rounded half up to whole eurocents (amount ≥ 0). */
function applyIndex(amount: number, bp: number): number {
  return Math.floor((amount * (10_000 + bp) + 5_000) / 10_000);
}

/**
 * A base price (in the contract's base year) as it stands in `year`: every year after the base
 * year applies its percentage from 1 January, compounding on the rounded price of the year
 * before (prices are re-established each year to the cent). A year without a published
 * percentage keeps the previous year's price; a year up to the base year has the base price.
 */
export function indexedAmount(contract: Contract, baseCents: number, year: number): number {
  let amount = baseCents;
  for (let y = contract.terms.indexation.baseYear + 1; y <= year; y += 1) {
    amount = applyIndex(amount, contract.indexation.get(y) ?? 0);
  }
  return amount;
}

/** What the contract says a line in unit `eenheid` of a product costs. */
export type TariffTerm =
  /** A fixed tariff per unit: the ProductTarief must equal `cents` (TR418). */
  | {
      readonly kind: 'tariff';
      readonly cents: number;
      readonly basis: 'delivery' | 'unit' | 'minute-of-hour';
      /** For a minute line priced by the hour (IV081): the hourly tariff. */
      readonly hourCents?: number;
    }
  /** Gross catalogue price minus discount: priced by quote, not checkable here. */
  | { readonly kind: 'by-quote'; readonly discountPercent: number | undefined }
  /** A maintenance line: per month by the 15th-of-the-month rule (needs the register). */
  | { readonly kind: 'maintenance'; readonly perYearCents: number | undefined }
  /** An amount in euros (Eenheid 83) without tariff. */
  | { readonly kind: 'euro-amount' }
  /** The product is not priced in this unit. */
  | { readonly kind: 'wrong-unit'; readonly allowed: readonly Eenheid[] };

/** The units a product may be declared in under the contract (docs/contracts.md). */
export function allowedUnits(contract: Contract, product: ContractProduct): readonly Eenheid[] {
  const { deliveryUnit, maintenanceUnit } = contract.terms.billing;
  const pricing = product.pricing;
  switch (pricing.model) {
    case 'all-in':
    case 'bcp-discount':
      return pricing.maintenance ? [deliveryUnit, maintenanceUnit] : [deliveryUnit];
    case 'fixed-per-unit':
      // IV081: an hourly tariff may be declared in minutes.
      return pricing.unit === '04' ? ['04', '01'] : [pricing.unit];
    case 'euro-amount':
      return ['83'];
  }
}

/**
 * The contract's term for a line of `product` by `supplier` in unit `eenheid` delivered on
 * `date`: prices of the year of `date` (indexation), the supplier's own price list first.
 */
export function tariffTerm(
  contract: Contract,
  supplier: ContractSupplier,
  product: ContractProduct,
  eenheid: string,
  date: string,
): TariffTerm {
  const allowed = allowedUnits(contract, product);
  if (!(allowed as readonly string[]).includes(eenheid)) {
    return { kind: 'wrong-unit', allowed };
  }
  const price = supplier.prices[product.category];
  const year = yearOf(date);
  const pricing = product.pricing;
  switch (pricing.model) {
    case 'all-in':
      if (eenheid !== contract.terms.billing.deliveryUnit) {
        return { kind: 'maintenance', perYearCents: indexedOrUndefined(price?.maintenancePerYear) };
      }
      // The schema and checkContract guarantee a delivery price for an all-in product.
      return {
        kind: 'tariff',
        cents: indexedAmount(contract, price?.delivery ?? 0, year),
        basis: 'delivery',
      };
    case 'bcp-discount':
      return eenheid === contract.terms.billing.deliveryUnit
        ? { kind: 'by-quote', discountPercent: price?.discountPercent }
        : { kind: 'maintenance', perYearCents: indexedOrUndefined(price?.maintenancePerYear) };
    case 'fixed-per-unit': {
      const base = price?.unitTariff ?? pricing.tariff;
      const cents = pricing.indexed ? indexedAmount(contract, base, year) : base;
      if (eenheid === '01' && pricing.unit === '04') {
        return {
          kind: 'tariff',
          cents: Math.floor((cents * 2 + 60) / 120),
          basis: 'minute-of-hour',
          hourCents: cents,
        };
      }
      return { kind: 'tariff', cents, basis: 'unit' };
    }
    case 'euro-amount':
      return { kind: 'euro-amount' };
  }

  function indexedOrUndefined(cents: number | undefined): number | undefined {
    return cents === undefined ? undefined : indexedAmount(contract, cents, year);
  }
}
