import type { Contract, ContractProduct, ContractSupplier } from '../src/contract/index.js';
import type { PrestatieValues } from './iwmo-messages.js';
import {
  deliveryPrice,
  earlierMonths,
  type FaultKind,
  isBillable,
  isLate,
  lastDayOfMonth,
  lessonTariff,
  type LineKind,
  type MaintenanceAllocation,
  maintenanceNummerOf,
  maintenancePerMonth,
  type PlannedAid,
  yearOf,
} from './region-month-plan.js';

/**
 * The Prestaties of the generated month (bench/generate-region-month.ts), aid by aid, with the
 * faults injected and the rule the generator expects to refuse each one.
 */

/**
 * The rule that must refuse each fault, as the generator reads the contract (docs/rules.md):
 * a wrong delivery or lesson tariff is TR418's, a wrong month of maintenance GW-C08's, a month
 * the aid was not out GW-C07's, a second delivery on one toewijzing GW-C05's, an invoice after
 * the contract's 30 days GW-C06's, a quote above the allocated Budget TR369's (level 3).
 */
const EXPECTED_RULES: Readonly<Record<FaultKind, Partial<Record<LineKind, readonly string[]>>>> = {
  'wrong-price': { delivery: ['TR418'], lesson: ['TR418'], maintenance: ['GW-C08'] },
  'non-billable-month': { maintenance: ['GW-C07'] },
  'second-delivery': { delivery: ['GW-C05'] },
  'late-invoice': { delivery: ['GW-C06'], maintenance: ['GW-C06'] },
  'over-budget': { quote: ['TR369'] },
};

export function expectedRules(fault: FaultKind, kind: LineKind): readonly string[] {
  const rules = EXPECTED_RULES[fault][kind];
  if (rules === undefined) {
    throw new Error(`no ${fault} fault on a ${kind} line`);
  }
  return rules;
}

/** One Prestatie of an aid, with the fault it carries (none: it must be granted). */
export interface Line {
  readonly values: PrestatieValues;
  readonly kind: LineKind;
  readonly fault?: FaultKind;
}

/** How an aid's maintenance is allocated and declared (RegionMonthOptions). */
export interface MaintenanceDeclaration {
  readonly allocation: MaintenanceAllocation;
  /** With `with-the-aid`: declare the month of delivery's maintenance all the same. */
  readonly deliveryMonth: boolean;
}

/** The Prestaties of one aid in the month's declaration, faults included. */
export function linesOf(
  contract: Contract,
  month: string,
  supplier: ContractSupplier,
  aid: PlannedAid,
  next: () => string,
  maintenance: MaintenanceDeclaration,
): Line[] {
  const fault = aid.fault;
  const lines: Line[] = [];
  const add = (values: PrestatieValues, kind: LineKind, faulty: boolean): void => {
    lines.push(faulty && fault !== undefined ? { values, kind, fault } : { values, kind });
  };
  const separate = maintenance.allocation === 'separate' && aid.type === 'all-in';
  const builder = lineBuilder(aid, next, separate ? maintenanceNummerOf(aid) : aid.nummer);
  const delivered = aid.delivered;
  if (aid.type === 'lessons' && aid.lessons !== undefined) {
    const right = lessonTariff(contract, supplier, aid.product, `${month}-01`);
    // The wrong tariff: the lesson indexed like the prices, which the sample contract does not.
    const wrong = Math.round(right * 1.0235);
    const tarief = fault === 'wrong-price' ? wrong : right;
    add(builder.lessons(month, aid.lessons.given, tarief), 'lesson', fault === 'wrong-price');
    return lines;
  }
  if (delivered === undefined) {
    return lines; // allocated, not delivered yet
  }
  if (aid.type === 'quote') {
    const budget = aid.budget ?? 0;
    const over = fault === 'over-budget';
    const tarief = over ? budget + 1 + (Number(aid.nummer) % 5_000) : (aid.quote ?? 0);
    add(builder.delivery(aid.product, delivered, tarief), 'quote', over);
    return lines;
  }
  const price = deliveryPrice(contract, supplier, aid.product, delivered);
  if (delivered.startsWith(month)) {
    // The wrong price: last year's price, as a supplier that missed the indexation declares it.
    const lastYear = deliveryPrice(
      contract,
      supplier,
      aid.product,
      `${yearOf(delivered) - 1}-07-01`,
    );
    const wrong = fault === 'wrong-price';
    add(builder.delivery(aid.product, delivered, wrong ? lastYear : price), 'delivery', wrong);
    if (fault === 'second-delivery') {
      // A second aid on the same toewijzing: another product of the same iWmo category.
      const other = contract.terms.catalogue.find(
        (p) =>
          p.iwmoCategory === aid.product.iwmoCategory &&
          p.iwmoCode !== aid.product.iwmoCode &&
          p.pricing.model === 'all-in',
      ) as ContractProduct;
      const otherPrice = deliveryPrice(contract, supplier, other, delivered);
      add(builder.delivery(other, delivered, otherPrice), 'delivery', true);
    }
  } else if (fault === 'late-invoice') {
    addLateLine(contract, month, supplier, aid, builder, add);
  }
  // On the aid's own toewijzing the maintenance of the month of delivery has the delivery's
  // debet key (MaintenanceAllocation): left out there unless asked for.
  const declarable = separate || maintenance.deliveryMonth || !delivered.startsWith(month);
  if (aid.type === 'all-in' && declarable) {
    const cutoff = contract.terms.billing.monthCutoffDay;
    const billable = isBillable(month, delivered, aid.takenBack, cutoff);
    if (billable || fault === 'non-billable-month') {
      // A wrong amount: the yearly tariff / 12 without the indexation.
      const wrong = fault === 'wrong-price';
      const amount = maintenancePerMonth(
        contract,
        supplier,
        aid.product,
        yearOf(`${month}-01`),
        !wrong,
      );
      add(builder.maintenance(month, amount), 'maintenance', wrong || !billable);
    }
  }
  return lines;
}

/**
 * A line invoiced after the contract's 30 days: the delivery of an aid delivered in an earlier
 * month, or (for every other such aid) a month of maintenance of the month before.
 */
function addLateLine(
  contract: Contract,
  month: string,
  supplier: ContractSupplier,
  aid: PlannedAid,
  builder: LineBuilder,
  add: (values: PrestatieValues, kind: LineKind, faulty: boolean) => void,
): void {
  const delivered = aid.delivered ?? '';
  const invoiced = lastDayOfMonth(month);
  const before = earlierMonths(month)[1];
  const cutoff = contract.terms.billing.monthCutoffDay;
  if (Number(aid.nummer) % 2 === 1 && isBillable(before, delivered, undefined, cutoff)) {
    const amount = maintenancePerMonth(contract, supplier, aid.product, yearOf(`${before}-01`));
    if (!isLate(contract, 'maintenance', `${before}-01`, invoiced)) {
      throw new Error(`maintenance of ${before} is not late on ${invoiced}`);
    }
    add(builder.maintenance(before, amount), 'maintenance', true);
    return;
  }
  if (!isLate(contract, 'delivery', delivered, invoiced)) {
    throw new Error(`a delivery on ${delivered} is not late on ${invoiced}`);
  }
  const price = deliveryPrice(contract, supplier, aid.product, delivered);
  add(builder.delivery(aid.product, delivered, price), 'delivery', true);
}

interface LineBuilder {
  delivery(product: ContractProduct, delivered: string, tarief: number): PrestatieValues;
  maintenance(month: string, amount: number): PrestatieValues;
  lessons(month: string, given: number, tarief: number): PrestatieValues;
}

/**
 * Lines of one aid: the delivery and lessons on its toewijzing, maintenance on
 * `maintenanceNummer` (toewijzing B, or the aid's own). Every ProductPeriode is a whole calendar
 * month (TR387, TR388; A and B begin on the 1st): a delivery's is the month of its delivery
 * date, which lies in it (GW-C04).
 */
function lineBuilder(aid: PlannedAid, next: () => string, maintenanceNummer: string): LineBuilder {
  const whole = (m: string) => ({ begindatum: `${m}-01`, einddatum: lastDayOfMonth(m) });
  const base = {
    nummer: aid.nummer,
    categorie: aid.product.iwmoCategory,
    debetCredit: 'D',
  } as const;
  return {
    delivery: (product, delivered, tarief) => ({
      ...base,
      referentie: next(),
      code: product.iwmoCode,
      ...whole(delivered.slice(0, 7)),
      volume: 1,
      eenheid: '82',
      tarief,
    }),
    maintenance: (m, amount) => ({
      ...base,
      nummer: maintenanceNummer,
      referentie: next(),
      code: aid.product.iwmoCode,
      ...whole(m),
      volume: amount,
      eenheid: '83',
    }),
    lessons: (m, given, tarief) => ({
      ...base,
      referentie: next(),
      code: aid.product.iwmoCode,
      ...whole(m),
      volume: given,
      eenheid: '82',
      tarief,
    }),
  };
}
