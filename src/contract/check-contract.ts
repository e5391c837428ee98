import { type DatePeriod, periodsOverlap } from './calendar.js';
import type {
  ContractPrice,
  ContractProduct,
  ContractSupplier,
  ContractTerms,
} from './contract-schema.js';

/** One broken consistency rule, with the path of the offending value (as zod reports them). */
export interface ContractProblem {
  readonly path: string;
  readonly message: string;
}

/** A percentage with two decimals as whole basis points: 12.5 → 1250. */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * The contract's own consistency rules, beyond what the schema says (docs/contracts.md): unique
 * codes, periods in order that do not overlap, a complete price list per supplier, maintenance
 * between 5 and 15 % of the delivery price of the same category, discounts between 10 and 25 %,
 * no maintenance tariff for a product without separate maintenance (the orthosis). Returns every
 * problem; an empty list means the contract is consistent.
 */
export function checkContract(terms: ContractTerms): ContractProblem[] {
  const problems: ContractProblem[] = [];
  checkPhases(terms, problems);
  checkMunicipalities(terms, problems);
  checkCatalogue(terms, problems);
  checkSuppliers(terms, problems);
  checkIndexation(terms, problems);
  checkLimits(terms, problems);
  return problems;
}

function checkPeriod(period: DatePeriod, path: string, problems: ContractProblem[]): void {
  if (period.end !== undefined && period.end < period.start) {
    problems.push({ path: `${path}.end`, message: `ends (${period.end}) before it starts` });
  }
}

/** Reports every pair of overlapping periods, naming the later one. */
function checkApart(
  periods: readonly { readonly period: DatePeriod; readonly path: string }[],
  what: string,
  problems: ContractProblem[],
): void {
  periods.forEach((a, i) => {
    periods.slice(i + 1).forEach((b) => {
      if (periodsOverlap(a.period, b.period)) {
        problems.push({ path: b.path, message: `${what} overlaps ${a.path}` });
      }
    });
  });
}

function checkPhases(terms: ContractTerms, problems: ContractProblem[]): void {
  terms.phases.forEach((phase, i) => checkPeriod(phase, `phases[${i}]`, problems));
  checkApart(
    terms.phases.map((phase, i) => ({ period: phase, path: `phases[${i}]` })),
    'phase',
    problems,
  );
  const initial = terms.phases.filter((phase) => phase.kind === 'initial');
  if (initial.length !== 1) {
    problems.push({ path: 'phases', message: 'needs exactly one phase of kind "initial"' });
  }
  const first = [...terms.phases].sort((a, b) => a.start.localeCompare(b.start))[0];
  if (first !== undefined && first.kind !== 'initial') {
    problems.push({ path: 'phases', message: 'the earliest phase must be the initial one' });
  }
  uniqueBy(terms.phases, (phase) => phase.id, 'phases', 'id', problems);
}

function checkMunicipalities(terms: ContractTerms, problems: ContractProblem[]): void {
  const span = contractSpan(terms);
  const byCode = new Map<string, { period: DatePeriod; path: string }[]>();
  terms.municipalities.forEach((municipality, i) => {
    const path = `municipalities[${i}]`;
    const period = municipality.period ?? span;
    if (municipality.period !== undefined) {
      checkPeriod(municipality.period, `${path}.period`, problems);
    }
    const entries = byCode.get(municipality.cbsCode) ?? [];
    entries.push({ period, path });
    byCode.set(municipality.cbsCode, entries);
  });
  for (const [code, entries] of byCode) {
    checkApart(entries, `gemeente ${code}`, problems);
  }
}

function checkCatalogue(terms: ContractTerms, problems: ContractProblem[]): void {
  uniqueBy(terms.catalogue, (product) => product.category, 'catalogue', 'category', problems);
  uniqueBy(terms.catalogue, (product) => product.iwmoCode, 'catalogue', 'iwmoCode', problems);
  uniqueBy(
    terms.scope.productCategories.map((category) => ({ category })),
    (entry) => entry.category,
    'scope.productCategories',
    'category',
    problems,
  );
  const scope = new Set(terms.scope.productCategories);
  terms.catalogue.forEach((product, i) => {
    if (!scope.has(product.iwmoCategory)) {
      problems.push({
        path: `catalogue[${i}].iwmoCategory`,
        message: `category ${product.iwmoCategory} is not in scope.productCategories`,
      });
    }
  });
  if (terms.billing.deliveryUnit === terms.billing.maintenanceUnit) {
    problems.push({
      path: 'billing.maintenanceUnit',
      message:
        'must differ from billing.deliveryUnit, or the two kinds of line cannot be told apart',
    });
  }
}

function checkSuppliers(terms: ContractTerms, problems: ContractProblem[]): void {
  uniqueBy(terms.suppliers, (supplier) => supplier.agbCode, 'suppliers', 'agbCode', problems);
  const span = contractSpan(terms);
  const ranked: { period: DatePeriod; path: string; rank: number }[] = [];
  terms.suppliers.forEach((supplier, i) => {
    const path = `suppliers[${i}]`;
    supplier.periods.forEach((period, p) => {
      checkPeriod(period, `${path}.periods[${p}]`, problems);
      if (period.start < span.start || (period.end ?? '9999-12-31') > (span.end ?? '9999-12-31')) {
        problems.push({
          path: `${path}.periods[${p}]`,
          message: `lies outside the contract (${span.start} – ${span.end ?? 'open'})`,
        });
      }
      ranked.push({ period, path: `${path}.periods[${p}]`, rank: supplier.rank });
    });
    checkApart(
      supplier.periods.map((period, p) => ({ period, path: `${path}.periods[${p}]` })),
      'period',
      problems,
    );
    checkPrices(terms, supplier, path, problems);
  });
  for (const rank of new Set(ranked.map((entry) => entry.rank))) {
    checkApart(
      ranked.filter((entry) => entry.rank === rank),
      `rank ${rank} is held by two suppliers at once: period`,
      problems,
    );
  }
}

function checkPrices(
  terms: ContractTerms,
  supplier: ContractSupplier,
  path: string,
  problems: ContractProblem[],
): void {
  const products = new Map(terms.catalogue.map((product) => [product.category, product]));
  for (const category of Object.keys(supplier.prices)) {
    if (!products.has(category)) {
      problems.push({
        path: `${path}.prices.${category}`,
        message: `category ${category} is not in the catalogue`,
      });
    }
  }
  for (const product of terms.catalogue) {
    const pricePath = `${path}.prices.${product.category}`;
    checkPrice(terms, product, supplier.prices[product.category], pricePath, problems);
  }
}

type PriceField = keyof Omit<ContractPrice, '$comment'>;

/** The price fields each pricing model needs and allows. */
function fieldsFor(product: ContractProduct): {
  readonly required: readonly PriceField[];
  readonly allowed: readonly PriceField[];
} {
  const pricing = product.pricing;
  switch (pricing.model) {
    case 'all-in': {
      const fields: PriceField[] = pricing.maintenance
        ? ['delivery', 'maintenancePerYear']
        : ['delivery'];
      return { required: fields, allowed: fields };
    }
    case 'bcp-discount': {
      const fields: PriceField[] = pricing.maintenance
        ? ['discountPercent', 'maintenancePerYear']
        : ['discountPercent'];
      return { required: fields, allowed: fields };
    }
    case 'fixed-per-unit':
      return { required: [], allowed: ['unitTariff'] };
    case 'euro-amount':
      return { required: [], allowed: [] };
  }
}

function checkPrice(
  terms: ContractTerms,
  product: ContractProduct,
  price: ContractPrice | undefined,
  path: string,
  problems: ContractProblem[],
): void {
  const { required, allowed } = fieldsFor(product);
  for (const field of required) {
    if (price?.[field] === undefined) {
      problems.push({
        path: `${path}.${field}`,
        message: `missing: a ${product.pricing.model} product needs ${required.join(' and ')}`,
      });
    }
  }
  for (const field of [
    'delivery',
    'maintenancePerYear',
    'discountPercent',
    'unitTariff',
  ] as const) {
    if (price?.[field] !== undefined && !allowed.includes(field)) {
      problems.push({ path: `${path}.${field}`, message: notAllowed(product, field) });
    }
  }
  const limits = terms.limits;
  if (price?.delivery !== undefined && price.maintenancePerYear !== undefined) {
    const maintenance = price.maintenancePerYear * 10_000;
    const min = basisPoints(limits.maintenancePercentOfDelivery.min);
    const max = basisPoints(limits.maintenancePercentOfDelivery.max);
    if (maintenance < price.delivery * min || maintenance > price.delivery * max) {
      problems.push({
        path: `${path}.maintenancePerYear`,
        message: `${price.maintenancePerYear} is not between ${limits.maintenancePercentOfDelivery.min} % and ${limits.maintenancePercentOfDelivery.max} % of the delivery price ${price.delivery}`,
      });
    }
  }
  if (price?.discountPercent !== undefined) {
    const discount = basisPoints(price.discountPercent);
    if (
      discount < basisPoints(limits.discountPercent.min) ||
      discount > basisPoints(limits.discountPercent.max)
    ) {
      problems.push({
        path: `${path}.discountPercent`,
        message: `${price.discountPercent} % is not between ${limits.discountPercent.min} % and ${limits.discountPercent.max} %`,
      });
    }
  }
}

function notAllowed(product: ContractProduct, field: PriceField): string {
  if (field === 'maintenancePerYear') {
    return `category ${product.category} (${product.iwmoCode}) has no separate maintenance tariff`;
  }
  return `not allowed for a ${product.pricing.model} product`;
}

function checkIndexation(terms: ContractTerms, problems: ContractProblem[]): void {
  const { baseYear, percentages } = terms.indexation;
  uniqueBy(percentages, (entry) => String(entry.year), 'indexation.percentages', 'year', problems);
  const years = [...new Set(percentages.map((entry) => entry.year))].sort((a, b) => a - b);
  const gap = years.findIndex((year, i) => year !== baseYear + 1 + i);
  if (gap >= 0) {
    problems.push({
      path: 'indexation.percentages',
      message: `years must follow baseYear ${baseYear} without gaps: expected ${baseYear + 1 + gap}, found ${String(years[gap])}`,
    });
  }
}

function checkLimits(terms: ContractTerms, problems: ContractProblem[]): void {
  for (const name of ['maintenancePercentOfDelivery', 'discountPercent'] as const) {
    const range = terms.limits[name];
    if (range.max < range.min) {
      problems.push({ path: `limits.${name}`, message: 'max is below min' });
    }
  }
}

/** From the start of the earliest phase to the end of the latest. */
export function contractSpan(terms: ContractTerms): DatePeriod {
  const starts = terms.phases.map((phase) => phase.start).sort();
  const ends = terms.phases.map((phase) => phase.end).sort();
  return { start: starts[0] ?? '0001-01-01', end: ends[ends.length - 1] ?? '9999-12-31' };
}

function uniqueBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  path: string,
  field: string,
  problems: ContractProblem[],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const value = key(item);
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, i);
    } else {
      problems.push({
        path: `${path}[${i}].${field}`,
        message: `${field} ${value} is not unique (also at ${path}[${first}])`,
      });
    }
  });
}
