import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { Contract, ContractProduct, ContractSupplier } from '../src/contract/index.js';
import {
  declaratie323,
  type LeveringValues,
  type PrestatieValues,
  start305,
  stop307,
  type ToegewezenProductValues,
  toewijzing301,
} from './iwmo-messages.js';
import {
  addDays,
  type AidType,
  createRandom,
  dayOf,
  deliveryPrice,
  earlierMonths,
  FAULT_KINDS,
  type FaultKind,
  isBillable,
  isLate,
  lastDayOfMonth,
  lessonTariff,
  type LineKind,
  loadGooiContract,
  maintenancePerMonth,
  type PlannedAid,
  type PlannedClient,
  regionBsns,
  yearOf,
} from './region-month-plan.js';

/**
 * A generated month of Wmo aids traffic for the whole Gooi en Vechtstreek region (issue #5,
 * closing note): for each of the contract's gemeenten, clients allocated aids (WMO301), the aids
 * delivered (WMO305, delivery dates over every day of the month, the 15th and the 16th always
 * among them) and some taken back (WMO307), and per supplier per gemeente one WMO323 for the
 * month: a delivery line per aid delivered in the month at the supplier's indexed all-in price, a
 * month of maintenance for every aid that is out by the 15th-of-the-month rule (yearly tariff,
 * indexed, / 12), driving lessons at their tariff and deliveries by quote within their Budget.
 * Everything is dated in the past and every Prestatie is correct, unless faults are asked for:
 * then a known fraction of the eligible aids gets one fault each, and the generator records which
 * Prestatie must be refused by which rule.
 *
 * The three suppliers share the clients of each gemeente by the contract's carousel (§1.8):
 * 5 of 10 to the first, 3 to the second, 2 to the third.
 */

export { FAULT_KINDS, type FaultKind, type LineKind };

export interface RegionMonthOptions {
  readonly clientsPerGemeente: number;
  /** Same seed, same month. @defaultValue 1 */
  readonly seed?: number;
  /** The declared month, `YYYY-MM`; must have ended. @defaultValue '2026-03' (31 days) */
  readonly month?: string;
  /**
   * Fraction of the eligible aids that get a fault, for every kind (a number) or per kind; at
   * least one per kind when the fraction is above 0 and an aid is eligible. @defaultValue 0
   */
  readonly faults?: number | Partial<Readonly<Record<FaultKind, number>>>;
  /** @defaultValue the sample contract samples/contracts/gooi-en-vechtstreek.yaml */
  readonly contract?: Contract;
  /**
   * Declare the month's maintenance of an aid delivered on day 1–15 of that month. The contract
   * bills it (15th-of-the-month rule), but the contract file's billing format (a delivery in
   * Eenheid 82 and maintenance in Eenheid 83, both on the catalogue's one ProductCode, both over
   * the whole calendar month per TR387/TR388) gives that line the same debet key as the
   * delivery: TR416 rejects the whole declaration on level 2 when both are in one message, and
   * TR389 refuses the later one across messages. So by default the generator leaves these months
   * out and counts them (`totals.undeclarableMaintenance`); `true` shows the conflict.
   * @defaultValue false
   */
  readonly deliveryMonthMaintenance?: boolean;
}

export interface RegionMessage {
  readonly type: 'WMO301' | 'WMO305' | 'WMO307' | 'WMO323';
  readonly xml: string;
}

/** Messages of one phase are independent; a phase starts when the previous one is decided. */
export interface RegionPhase {
  readonly name: string;
  readonly messages: readonly RegionMessage[];
}

/** The generator's verdict on one Prestatie. */
export interface ExpectedPrestatie {
  readonly gemeente: string;
  readonly aanbieder: string;
  readonly declaratieNummer: string;
  readonly referentie: string;
  readonly kind: LineKind;
  readonly code: string;
  readonly bedrag: number;
  readonly fault?: FaultKind;
  /** The rules that must refuse it; empty when it must be granted. */
  readonly rules: readonly string[];
}

export interface ExpectedDeclaratie {
  readonly gemeente: string;
  readonly aanbieder: string;
  readonly declaratieNummer: string;
  readonly prestaties: number;
  readonly refused: number;
  /** TotaalToegekendBedrag of its WMO325 (eurocents, all debets). */
  readonly toegekend: number;
}

export interface RegionMonth {
  readonly month: string;
  readonly gemeenten: readonly string[];
  readonly suppliers: readonly string[];
  readonly phases: readonly RegionPhase[];
  /** By `${aanbieder}|${ReferentieNummer}`. */
  readonly prestaties: ReadonlyMap<string, ExpectedPrestatie>;
  readonly declaraties: readonly ExpectedDeclaratie[];
  readonly totals: {
    readonly clients: number;
    readonly toewijzingen: number;
    readonly messages: number;
    readonly prestaties: number;
    readonly granted: number;
    readonly refused: number;
    readonly faults: Readonly<Record<FaultKind, number>>;
    /** Σ granted IngediendBedrag (eurocents). */
    readonly toegekend: number;
    /** Months of maintenance the contract bills but the billing format cannot declare. */
    readonly undeclarableMaintenance: number;
  };
}

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

const QUOTE_CODES = ['11A13', '12A11', '13A06'];

interface Counters {
  nummer: number;
  referentie: number;
}

export function generateRegionMonth(options: RegionMonthOptions): RegionMonth {
  const contract = options.contract ?? loadGooiContract();
  const month = options.month ?? '2026-03';
  const invoiced = lastDayOfMonth(month);
  if (invoiced >= new Date().toISOString().slice(0, 10)) {
    throw new Error(`month ${month} has not ended: every date must lie in the past`);
  }
  const random = createRandom(options.seed ?? 1);
  const clients = planClients(contract, month, options.clientsPerGemeente, random);
  const faults = chooseFaults(contract, month, clients, options.faults ?? 0, random);
  return render(
    contract,
    month,
    clients,
    faults,
    random,
    options.deliveryMonthMaintenance ?? false,
  );
}

function planClients(
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
  const counters: Counters = { nummer: 600_000, referentie: 0 };
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
        counters.nummer += 1;
        const nummer = String(counters.nummer);
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
            nummer,
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
function eligible(contract: Contract, month: string, aid: PlannedAid, kind: FaultKind): boolean {
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
      // Taken back on day 1–15 of the month (an aid delivered after the 15th of this month has
      // its delivery line in the same period, see DELIVERY_MONTH_MAINTENANCE).
      return (
        aid.type === 'all-in' &&
        aid.delivered !== undefined &&
        !inMonth &&
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

function chooseFaults(
  contract: Contract,
  month: string,
  clients: readonly PlannedClient[],
  faults: RegionMonthOptions['faults'],
  random: () => number,
): Record<FaultKind, number> {
  const counts = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const aids = clients.flatMap((client) => client.aids);
  for (const kind of FAULT_KINDS) {
    const fraction = typeof faults === 'number' ? faults : (faults?.[kind] ?? 0);
    if (fraction <= 0) {
      continue;
    }
    const candidates = aids.filter(
      (a) => a.fault === undefined && eligible(contract, month, a, kind),
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

interface Line {
  readonly values: PrestatieValues;
  readonly kind: LineKind;
  readonly fault?: FaultKind;
}

/** The Prestaties of one aid in the month's declaration, faults included. */
function linesOf(
  contract: Contract,
  month: string,
  supplier: ContractSupplier,
  aid: PlannedAid,
  next: () => string,
  deliveryMonthMaintenance: boolean,
): Line[] {
  const fault = aid.fault;
  const lines: Line[] = [];
  const add = (values: PrestatieValues, kind: LineKind, faulty: boolean): void => {
    lines.push(faulty && fault !== undefined ? { values, kind, fault } : { values, kind });
  };
  const builder = lineBuilder(aid, next);
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
  // Maintenance of an aid delivered this month has the delivery's debet key (see
  // RegionMonthOptions.deliveryMonthMaintenance): left out unless asked for.
  if (aid.type === 'all-in' && (deliveryMonthMaintenance || !delivered.startsWith(month))) {
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
 * Lines of one aid's toewijzing. Every ProductPeriode is a whole calendar month (TR387, TR388):
 * a delivery's is the month of its delivery date, which lies in it (GW-C04).
 */
function lineBuilder(aid: PlannedAid, next: () => string): LineBuilder {
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

function render(
  contract: Contract,
  month: string,
  clients: readonly PlannedClient[],
  faults: Readonly<Record<FaultKind, number>>,
  random: () => number,
  deliveryMonthMaintenance: boolean,
): RegionMonth {
  const invoiced = lastDayOfMonth(month);
  const year = month.slice(0, 4);
  const allocations: RegionMessage[] = [];
  const starts: RegionMessage[] = [];
  const stops: RegionMessage[] = [];
  const byPair = new Map<string, { bsn: string; prestaties: PrestatieValues[] }[]>();
  const prestaties = new Map<string, ExpectedPrestatie>();
  let referentie = 0;
  let toewijzingen = 0;
  clients.forEach((client, n) => {
    const agb = client.supplier.agbCode;
    const aids = client.aids;
    toewijzingen += aids.length;
    const allocated = addDays(aids.map((a) => a.ingangsdatum).sort()[0] ?? `${month}-01`, -10);
    const minute = String(Math.floor(random() * 60)).padStart(2, '0');
    allocations.push({
      type: 'WMO301',
      xml: toewijzing301(
        {
          afzender: client.gemeente,
          ontvanger: agb,
          identificatie: `T301-${n}`,
          dagtekening: allocated,
        },
        client.bsn,
        aids.map((aid) => allocationOf(aid, allocated, `09:${minute}:00`, year)),
      ),
    });
    const delivered = aids.filter((a) => a.delivered !== undefined);
    if (delivered.length > 0) {
      const latest =
        delivered
          .map((a) => a.delivered ?? '')
          .sort()
          .at(-1) ?? invoiced;
      const reported = addDays(latest, 2) > invoiced ? invoiced : addDays(latest, 2);
      starts.push({
        type: 'WMO305',
        xml: start305(
          {
            afzender: agb,
            ontvanger: client.gemeente,
            identificatie: `S305-${n}`,
            dagtekening: reported,
          },
          client.bsn,
          delivered.map((aid) => leveringOf(aid)),
        ),
      });
    }
    const takenBack = aids.filter((a) => a.takenBack !== undefined);
    if (takenBack.length > 0) {
      stops.push({
        type: 'WMO307',
        xml: stop307(
          {
            afzender: agb,
            ontvanger: client.gemeente,
            identificatie: `S307-${n}`,
            dagtekening: invoiced,
          },
          client.bsn,
          takenBack.map((aid) => ({
            ...leveringOf(aid),
            redenBeeindiging: '36',
            einddatum: aid.takenBack ?? invoiced,
          })),
        ),
      });
    }
    const pair = `${client.gemeente}|${agb}`;
    const next = (): string => {
      referentie += 1;
      return `${client.gemeente}-${month.replace('-', '')}-${referentie}`;
    };
    const lines = aids.flatMap((aid) =>
      linesOf(contract, month, client.supplier, aid, next, deliveryMonthMaintenance),
    );
    if (lines.length === 0) {
      return;
    }
    const declaratieNummer = declaratieNummerOf(client.gemeente, month, client.supplier.rank);
    for (const line of lines) {
      prestaties.set(`${agb}|${line.values.referentie}`, {
        gemeente: client.gemeente,
        aanbieder: agb,
        declaratieNummer,
        referentie: line.values.referentie,
        kind: line.kind,
        code: line.values.code,
        bedrag: bedragOf(line.values),
        ...(line.fault === undefined ? {} : { fault: line.fault }),
        rules: line.fault === undefined ? [] : expectedRules(line.fault, line.kind),
      });
    }
    byPair.set(pair, [
      ...(byPair.get(pair) ?? []),
      { bsn: client.bsn, prestaties: lines.map((l) => l.values) },
    ]);
  });

  const declarations: RegionMessage[] = [];
  const declaraties: ExpectedDeclaratie[] = [];
  for (const [pair, clienten] of byPair) {
    const [gemeente = '', agb = ''] = pair.split('|');
    const rank = contract.suppliersByAgb.get(agb)?.rank ?? 0;
    const nummer = declaratieNummerOf(gemeente, month, rank);
    declarations.push({
      type: 'WMO323',
      xml: declaratie323(
        { afzender: agb, ontvanger: gemeente, identificatie: nummer, dagtekening: invoiced },
        { nummer, maand: month, clienten },
      ),
    });
    const own = [...prestaties.values()].filter(
      (p) => p.declaratieNummer === nummer && p.aanbieder === agb,
    );
    const refused = own.filter((p) => p.rules.length > 0);
    declaraties.push({
      gemeente,
      aanbieder: agb,
      declaratieNummer: nummer,
      prestaties: own.length,
      refused: refused.length,
      toegekend: own.filter((p) => p.rules.length === 0).reduce((sum, p) => sum + p.bedrag, 0),
    });
  }
  const phases: RegionPhase[] = [
    { name: 'WMO301 toewijzingen', messages: allocations },
    { name: 'WMO305 starts (deliveries)', messages: starts },
    { name: 'WMO307 stops (taken back)', messages: stops },
    { name: `WMO323 ${month}`, messages: declarations },
  ];
  const all = [...prestaties.values()];
  const refused = all.filter((p) => p.rules.length > 0).length;
  return {
    month,
    gemeenten: contract.terms.municipalities.map((m) => m.cbsCode),
    suppliers: contract.terms.suppliers.map((s) => s.agbCode),
    phases,
    prestaties,
    declaraties,
    totals: {
      clients: clients.length,
      toewijzingen,
      messages: phases.reduce((sum, phase) => sum + phase.messages.length, 0),
      prestaties: all.length,
      granted: all.length - refused,
      refused,
      faults,
      toegekend: declaraties.reduce((sum, d) => sum + d.toegekend, 0),
      undeclarableMaintenance: deliveryMonthMaintenance
        ? 0
        : clients
            .flatMap((c) => c.aids)
            .filter(
              (a) =>
                a.type === 'all-in' &&
                a.delivered?.startsWith(month) === true &&
                isBillable(month, a.delivered, a.takenBack, contract.terms.billing.monthCutoffDay),
            ).length,
    },
  };
}

/** `D` + gemeente + month + supplier rank, e.g. `D04022026031` (12 characters, CS319). */
function declaratieNummerOf(gemeente: string, month: string, rank: number): string {
  return `D${gemeente}${month.replace('-', '')}${rank}`;
}

function bedragOf(values: PrestatieValues): number {
  return values.tarief === undefined ? values.volume : values.volume * values.tarief;
}

/** The ToegewezenProduct of an aid (see {@link AidType} for the forms). */
function allocationOf(
  aid: PlannedAid,
  toewijzingsdatum: string,
  toewijzingstijd: string,
  year: string,
): ToegewezenProductValues {
  const common = {
    nummer: aid.nummer,
    categorie: aid.product.iwmoCategory,
    toewijzingsdatum,
    toewijzingstijd,
    ingangsdatum: aid.ingangsdatum,
  };
  switch (aid.type) {
    case 'all-in':
    case 'pending':
      return common;
    case 'orthosis':
      return {
        ...common,
        code: aid.product.iwmoCode,
        omvang: { volume: 1, eenheid: '82', frequentie: '6' },
      };
    case 'lessons':
      return {
        ...common,
        code: aid.product.iwmoCode,
        einddatum: `${year}-12-31`,
        omvang: { volume: aid.lessons?.allocated ?? 1, eenheid: '82', frequentie: '6' },
      };
    case 'quote':
      return { ...common, einddatum: `${year}-12-31`, budget: aid.budget ?? 0 };
  }
}

/** The StartProduct (and the key of the StopProduct) of a delivered aid. */
function leveringOf(aid: PlannedAid): LeveringValues {
  const specific = aid.type === 'orthosis' || aid.type === 'lessons';
  return {
    nummer: aid.nummer,
    categorie: aid.product.iwmoCategory,
    ...(specific ? { code: aid.product.iwmoCode } : {}),
    toewijzingIngangsdatum: aid.ingangsdatum,
    begindatum: aid.delivered ?? aid.ingangsdatum,
  };
}

/**
 * CLI: `npx tsx bench/generate-region-month.ts --clients 20 [--faults 0.1] [--seed 1]
 * [--month 2026-03]` prints the totals and the declarations as JSON.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '20' },
      faults: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      month: { type: 'string', default: '2026-03' },
    },
  });
  const month = generateRegionMonth({
    clientsPerGemeente: Number(values.clients),
    faults: Number(values.faults),
    seed: Number(values.seed),
    month: values.month,
  });
  process.stdout.write(
    `${JSON.stringify({ totals: month.totals, declaraties: month.declaraties }, null, 2)}\n`,
  );
}
