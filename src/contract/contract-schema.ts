import { z } from 'zod';

import { isCalendarDate } from './calendar.js';

/**
 * The contract file format (docs/contracts.md): one JSON file per contract, validated with zod
 * when it is loaded, then checked for the contract's own consistency rules
 * (check-contract.ts). Amounts are integer eurocents; percentages have at most two decimals.
 * Every object may carry a `$comment`, which the gateway ignores.
 */

const comment = z.string().optional();
const date = z.string().refine(isCalendarDate, 'a calendar date YYYY-MM-DD');
const cbsCode = z.string().regex(/^[0-9]{4}$/, 'a CBS gemeentecode has 4 digits');
const agbCode = z.string().regex(/^[0-9]{8}$/, 'an AGB code has 8 digits');
const iwmoCategory = z.string().regex(/^[0-9]{2}$/, 'an iWmo ProductCategorie has 2 digits');
const iwmoCode = z
  .string()
  .regex(/^[0-9A-Z]{1,5}$/, 'an iWmo ProductCode: 1–5 digits or capital letters');
/** WJ756 Eenheid. */
const eenheid = z.enum(['01', '04', '14', '16', '82', '83', '84']);
/** The contract's own category label: `1`, `2a`, … `16`, or a name such as `rijles`. */
const categoryLabel = z
  .string()
  .regex(/^[0-9a-z][0-9a-z-]{0,31}$/, 'digits, lower-case letters and -, at most 32');
const cents = z.number().int('whole eurocents').nonnegative();

/** A percentage with at most two decimals (the contract indexes "tot twee decimalen"). */
export const PERCENT = z
  .number()
  .refine(
    (value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
    'at most two decimals',
  );

/** An inclusive period; without `end` it is open-ended. */
export const PERIOD_SCHEMA = z.strictObject({
  $comment: comment,
  start: date,
  end: date.optional(),
});

const PHASE_SCHEMA = z.strictObject({
  $comment: comment,
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  /** The initial period, or an option to extend. */
  kind: z.enum(['initial', 'option']),
  start: date,
  end: date,
  /** Whether the phase is (or will be) in force; an option not taken is `false`. */
  exercised: z.boolean(),
});

const MUNICIPALITY_SCHEMA = z.strictObject({
  $comment: comment,
  cbsCode,
  name: z.string().min(1),
  /** When the municipality takes part; absent = for the whole contract (joined by addendum). */
  period: PERIOD_SCHEMA.optional(),
});

/**
 * How a product is priced (contract §7.1):
 * - `all-in`: one purchase price per category per supplier (delivery), and a yearly maintenance
 *   tariff unless `maintenance` is false (the orthosis);
 * - `bcp-discount`: gross catalogue price minus the supplier's discount, by quote (7, 13, 16);
 * - `fixed-per-unit`: one tariff per `unit`, the same for every supplier unless a supplier's price
 *   list says otherwise (the driving lesson: €80 per lesson);
 * - `euro-amount`: declared as an amount in euros (Eenheid 83), no tariff.
 */
export const PRICING_SCHEMA = z.discriminatedUnion('model', [
  z.strictObject({
    $comment: comment,
    model: z.literal('all-in'),
    maintenance: z.boolean(),
  }),
  z.strictObject({
    $comment: comment,
    model: z.literal('bcp-discount'),
    maintenance: z.boolean(),
  }),
  z.strictObject({
    $comment: comment,
    model: z.literal('fixed-per-unit'),
    unit: eenheid.exclude(['83']),
    tariff: cents,
    /** Whether the yearly indexation applies to this tariff. */
    indexed: z.boolean().default(true),
  }),
  z.strictObject({
    $comment: comment,
    model: z.literal('euro-amount'),
  }),
]);

const PRODUCT_SCHEMA = z.strictObject({
  $comment: comment,
  category: categoryLabel,
  description: z.string().min(1),
  iwmoCategory,
  iwmoCode,
  pricing: PRICING_SCHEMA,
  /** Ownership passes to the client free of charge when the contract ends (§1.11). */
  freeTransferAtEnd: z.boolean().default(false),
});

/** One supplier's price for one catalogue category; which fields are needed depends on pricing. */
const PRICE_SCHEMA = z.strictObject({
  $comment: comment,
  /** All-in delivery price (all-in categories). */
  delivery: cents.optional(),
  /** Maintenance, service and repair per aid per year. */
  maintenancePerYear: cents.optional(),
  /** Discount on the gross catalogue price (bcp-discount categories). */
  discountPercent: PERCENT.optional(),
  /** This supplier's tariff for a fixed-per-unit product, instead of the catalogue's. */
  unitTariff: cents.optional(),
});

const SUPPLIER_SCHEMA = z.strictObject({
  $comment: comment,
  agbCode,
  name: z.string().min(1),
  /** Ranking by price, 1 = cheapest (the client carousel follows it). */
  rank: z.number().int().positive(),
  /** When the supplier is a party to the contract; more than one after a break. */
  periods: z.array(PERIOD_SCHEMA).min(1),
  /** Price list by catalogue category label. */
  prices: z.record(categoryLabel, PRICE_SCHEMA),
});

const INDEXATION_SCHEMA = z.strictObject({
  $comment: comment,
  /** The year the contract prices are expressed in; indexation starts on 1 January after it. */
  baseYear: z.number().int().min(2000).max(2100),
  /** The percentage per year, applied from 1 January of that year, compounding. */
  percentages: z.array(
    z.strictObject({
      $comment: comment,
      year: z.number().int().min(2000).max(2200),
      percent: PERCENT.refine((value) => value > -100, 'more than -100'),
    }),
  ),
});

const BILLING_SCHEMA = z.strictObject({
  $comment: comment,
  /** Eenheid of a delivery line: GeleverdVolume aids at the delivery price each. */
  deliveryUnit: eenheid.default('82'),
  /** Eenheid of a maintenance line (per month, in arrears). */
  maintenanceUnit: eenheid.default('83'),
  /** A delivery is invoiced within this many days after delivery (§6.8 req. 88). */
  deliveryInvoiceDays: z.number().int().positive().default(30),
  /** Maintenance is invoiced within this many days after the month ends (§7.3). */
  maintenanceInvoiceDays: z.number().int().positive().default(30),
  /**
   * The "15th of the month" rule (§7.3): delivered on day 1…this day → the whole month is billed,
   * later → from the next month; taken back on day 1…this day → that month is not billed.
   */
  monthCutoffDay: z.number().int().min(1).max(28).default(15),
});

const RANGE_SCHEMA = z.strictObject({ $comment: comment, min: PERCENT, max: PERCENT });

const LIMITS_SCHEMA = z.strictObject({
  $comment: comment,
  /** Yearly maintenance as a share of the same supplier's delivery price (§7.2): 5–15 %. */
  maintenancePercentOfDelivery: RANGE_SCHEMA.default({ min: 5, max: 15 }),
  /** Discount on the gross catalogue price (§7.1): 10–25 %. */
  discountPercent: RANGE_SCHEMA.default({ min: 10, max: 25 }),
});

/** Version 1 of the contract file format. */
export const CONTRACT_FORMAT = 'iwmo-gateway/contract@1';

export const CONTRACT_SCHEMA = z.strictObject({
  $comment: comment,
  format: z.literal(CONTRACT_FORMAT),
  /** Stable id of the contract, e.g. `gooi-en-vechtstreek-hulpmiddelen-2022`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and -'),
  /** The file's own version, e.g. `2026.1`; recorded with every decision. */
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/),
  title: z.string().min(1),
  /** True for sample data (invented prices): the registry warns when one is loaded. */
  sample: z.boolean().default(false),
  /** Where the terms come from (tender, addenda). */
  source: z.string().min(1),
  municipalities: z.array(MUNICIPALITY_SCHEMA).min(1),
  phases: z.array(PHASE_SCHEMA).min(1),
  /** The iWmo product categories the contract governs; other lines are not its business. */
  scope: z.strictObject({
    $comment: comment,
    productCategories: z.array(iwmoCategory).min(1),
  }),
  catalogue: z.array(PRODUCT_SCHEMA).min(1),
  suppliers: z.array(SUPPLIER_SCHEMA).min(1),
  indexation: INDEXATION_SCHEMA,
  billing: BILLING_SCHEMA.default({
    deliveryUnit: '82',
    maintenanceUnit: '83',
    deliveryInvoiceDays: 30,
    maintenanceInvoiceDays: 30,
    monthCutoffDay: 15,
  }),
  limits: LIMITS_SCHEMA.default({
    maintenancePercentOfDelivery: { min: 5, max: 15 },
    discountPercent: { min: 10, max: 25 },
  }),
});

export type ContractTerms = z.output<typeof CONTRACT_SCHEMA>;
export type ContractProduct = ContractTerms['catalogue'][number];
export type ContractSupplier = ContractTerms['suppliers'][number];
export type ContractPhase = ContractTerms['phases'][number];
export type ContractPrice = ContractSupplier['prices'][string];
export type Pricing = ContractProduct['pricing'];
export type Eenheid = z.output<typeof eenheid>;
