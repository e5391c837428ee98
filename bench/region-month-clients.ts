import type { Contract, ContractProduct, ContractSupplier } from '../src/contract/index.js';
import {
  type AidType,
  dayOf,
  earlierMonths,
  FAULT_KINDS,
  type FaultKind,
  isBillable,
  lastDayOfMonth,
  type MaintenanceAllocation,
  type PlannedAid,
  type PlannedClient,
  regionBsns,
} from './region-month-plan.js';

/**
 * Who gets which aid, and which aids carry a fault (bench/generate-region-month.ts): the first
 * two passes of the generator. Aids per client, their kinds and their dates are drawn from the
 * seeded random source; the rendering pass (region-month-lines.ts) turns them into Prestaties.
 */

const QUOTE_CODES = ['11A13', '12A11', '13A06'];

/** Fraction of eligible aids per fault kind: one number for all kinds, or per kind. */
export type FaultFractions = number | Partial<Readonly<Record<FaultKind, number>>>;

/**
 * Pass 1: per gemeente of the contract `perGemeente` clients, each with one or two aids and a
 * supplier by the carousel; delivery dates of this month run over the 15th, the 16th and then
 * every day of the month before they are drawn at random.
 */
export function planClients(
  contract: Contract,
  month: string,
  perGemeente: number,
  random: () => number,
): PlannedClient[] {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const catalogue = contract.terms.catalogue;
  const allIn = catalogue.filter((p) => p.pricing.model === 'all-in' && p.pricing.maintenance);
  const byCode = (code: string): ContractProduct => {
    const product = contract.productsByCode.get(code);
    if (product === undefined) {
      throw new Error(`the contract has no ${code}`);
    }
    return product;
  };
  const suppliers = [...contract.terms.suppliers].sort((a, b) => a.rank - b.rank);
  const lastDay = Number(lastDayOfMonth(month).slice(8, 10));
  const [twoBefore, before] = earlierMonths(month);
  const bsns = regionBsns();
  let nummer = 600_000;
  const clients: PlannedClient[] = [];
  for (const { cbsCode: gemeente } of contract.terms.municipalities) {
    // The 15th and the 16th first, then every other day of the month in turn.
    const days = [15, 16, ...Array.from({ length: lastDay }, (_, i) => i + 1)];
    let nextDay = 0;
    const deliveryDay = (): number => {
      const d = nextDay < days.length ? days[nextDay] : int(1, lastDay);
      nextDay += 1;
      return d ?? 1;
    };
    for (let c = 0; c < perGemeente; c += 1) {
      const bsn = bsns.next().value;
      if (bsn === undefined) {
        throw new Error('at most ~90,000 clients');
      }
      // Carousel §1.8: clients 1–5 of every ten to rank 1, 6–8 to rank 2, 9–10 to rank 3.
      const slot = c % 10;
      const supplier = suppliers[slot < 5 ? 0 : slot < 8 ? 1 : 2] as ContractSupplier;
      const aids: PlannedAid[] = [];
      const count = random() < 0.35 ? 2 : 1;
      for (let k = 0; k < count; k += 1) {
        nummer += 1;
        const roll = random();
        const type: AidType =
          roll < 0.6
            ? 'all-in'
            : roll < 0.68
              ? 'orthosis'
              : roll < 0.8
                ? 'lessons'
                : roll < 0.94
                  ? 'quote'
                  : 'pending';
        aids.push(
          planAid(type, {
            nummer: String(nummer),
            month,
            allIn,
            byCode,
            pick,
            int,
            random,
            deliveryDay,
            earlier: [twoBefore, before],
          }),
        );
      }
      clients.push({ bsn, gemeente, supplier, aids });
    }
  }
  return clients;
}

interface PlanTools {
  readonly nummer: string;
  readonly month: string;
  readonly allIn: readonly ContractProduct[];
  readonly byCode: (code: string) => ContractProduct;
  readonly pick: <T>(list: readonly T[]) => T;
  readonly int: (min: number, max: number) => number;
  readonly random: () => number;
  readonly deliveryDay: () => number;
  readonly earlier: readonly [string, string];
}

function planAid(type: AidType, t: PlanTools): PlannedAid {
  const lastDay = Number(lastDayOfMonth(t.month).slice(8, 10));
  switch (type) {
    case 'all-in': {
      const product = t.pick(t.allIn);
      if (t.random() < 0.5) {
        const delivered = dayOf(t.month, t.deliveryDay());
        return { nummer: t.nummer, type, product, delivered, ingangsdatum: `${t.month}-01` };
      }
      // Out since one of the two months before; a quarter is taken back this month.
      const deliveredMonth = t.pick(t.earlier);
      const delivered = dayOf(deliveredMonth, t.int(1, 28));
      const takenBack = t.random() < 0.25 ? dayOf(t.month, t.int(1, lastDay)) : undefined;
      return {
        nummer: t.nummer,
        type,
        product,
        delivered,
        ingangsdatum: `${deliveredMonth}-01`,
        ...(takenBack === undefined ? {} : { takenBack }),
      };
    }
    case 'orthosis':
      return {
        nummer: t.nummer,
        type,
        product: t.byCode('11A04'),
        delivered: dayOf(t.month, t.deliveryDay()),
        ingangsdatum: `${t.month}-01`,
      };
    case 'lessons': {
      const allocated = t.int(2, 5);
      return {
        nummer: t.nummer,
        type,
        product: t.byCode('12A12'),
        ingangsdatum: `${t.earlier[1]}-01`,
        lessons: { allocated, given: t.int(1, allocated) },
      };
    }
    case 'quote': {
      // BCP minus discount, by quote (§7.1); the gemeente allocates the quote as the Budget,
      // sometimes rounded up to whole tens of euros.
      const quote = t.int(40_000, 600_000);
      const budget = t.random() < 0.5 ? quote : Math.ceil(quote / 1_000) * 1_000;
      return {
        nummer: t.nummer,
        type,
        product: t.byCode(t.pick(QUOTE_CODES)),
        delivered: dayOf(t.month, t.deliveryDay()),
        ingangsdatum: `${t.month}-01`,
        quote,
        budget,
      };
    }
    case 'pending':
      return { nummer: t.nummer, type, product: t.pick(t.allIn), ingangsdatum: `${t.month}-01` };
  }
}

/** Whether an aid can carry a fault of `kind` (each aid carries at most one). */
function eligible(
  contract: Contract,
  month: string,
  aid: PlannedAid,
  kind: FaultKind,
  allocation: MaintenanceAllocation,
): boolean {
  const cutoff = contract.terms.billing.monthCutoffDay;
  const inMonth = aid.delivered?.startsWith(month) === true;
  switch (kind) {
    case 'wrong-price':
      // A line whose price the contract fixes: a delivery this month, lessons, or a billable
      // month of maintenance of an aid delivered earlier.
      return (
        aid.type === 'lessons' ||
        (aid.type === 'orthosis' && inMonth) ||
        (aid.type === 'all-in' &&
          aid.delivered !== undefined &&
          (inMonth || isBillable(month, aid.delivered, aid.takenBack, cutoff)))
      );
    case 'non-billable-month':
      // Taken back on day 1–15 of the month, or (maintenance on a toewijzing of its own)
      // delivered after the 15th of this month. On the aid's own toewijzing the month of
      // delivery's maintenance would have the delivery's debet key (MaintenanceAllocation).
      return (
        aid.type === 'all-in' &&
        aid.delivered !== undefined &&
        (!inMonth || allocation === 'separate') &&
        !isBillable(month, aid.delivered, aid.takenBack, cutoff)
      );
    case 'second-delivery':
      return aid.type === 'all-in' && inMonth;
    case 'late-invoice':
      return aid.type === 'all-in' && aid.delivered !== undefined && !inMonth;
    case 'over-budget':
      return aid.type === 'quote';
  }
}

/**
 * Pass 2: per fault kind, a seeded shuffle of the eligible aids and the first `fraction` of them
 * (at least one when the fraction is above 0); each aid carries at most one fault.
 */
export function chooseFaults(
  contract: Contract,
  month: string,
  clients: readonly PlannedClient[],
  faults: FaultFractions,
  random: () => number,
  allocation: MaintenanceAllocation,
): Record<FaultKind, number> {
  const counts = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const aids = clients.flatMap((client) => client.aids);
  for (const kind of FAULT_KINDS) {
    const fraction = typeof faults === 'number' ? faults : (faults?.[kind] ?? 0);
    if (fraction <= 0) {
      continue;
    }
    const candidates = aids.filter(
      (a) => a.fault === undefined && eligible(contract, month, a, kind, allocation),
    );
    // A deterministic shuffle, then the first fraction of them (at least one).
    for (let i = candidates.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j] as PlannedAid, candidates[i] as PlannedAid];
    }
    const wanted = Math.max(1, Math.round(fraction * candidates.length));
    for (const aid of candidates.slice(0, wanted)) {
      aid.fault = kind;
      counts[kind] += 1;
    }
  }
  return counts;
}
