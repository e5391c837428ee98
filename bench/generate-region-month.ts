import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { Contract, ContractSupplier } from '../src/contract/index.js';
import {
  bedragOf,
  declaratie323,
  type LeveringValues,
  type PrestatieValues,
  start305,
  stop307,
  type ToegewezenProductValues,
  toewijzing301,
} from './iwmo-messages.js';
import { chooseFaults, type FaultFractions, planClients } from './region-month-clients.js';
import { expectedRules, linesOf, type MaintenanceDeclaration } from './region-month-lines.js';
import {
  addDays,
  createRandom,
  FAULT_KINDS,
  type FaultKind,
  isBillable,
  lastDayOfMonth,
  type LineKind,
  loadGooiContract,
  type MaintenanceAllocation,
  maintenanceNummerOf,
  maintenancePerMonth,
  type PlannedAid,
  type PlannedClient,
} from './region-month-plan.js';

/**
 * A generated month of Wmo aids traffic for the whole Gooi en Vechtstreek region (issue #5,
 * closing note): for each of the contract's gemeenten, clients allocated aids (WMO301), the aids
 * delivered (WMO305, delivery dates over every day of the month, the 15th and the 16th always
 * among them) and some taken back (WMO307), and per supplier per gemeente one WMO323 for the
 * month: a delivery line per aid delivered in the month at the supplier's indexed all-in price, a
 * month of maintenance for every aid that is out by the 15th-of-the-month rule (yearly tariff,
 * indexed, / 12) on the toewijzing the gemeente gave its maintenance (by default one of its own,
 * {@link MaintenanceAllocation}), driving lessons at their tariff and deliveries by quote within
 * their Budget.
 * Everything is dated in the past and every Prestatie is correct, unless faults are asked for:
 * then a known fraction of the eligible aids gets one fault each, and the generator records which
 * Prestatie must be refused by which rule.
 *
 * The three suppliers share the clients of each gemeente by the contract's carousel (§1.8):
 * 5 of 10 to the first, 3 to the second, 2 to the third.
 */

export { expectedRules } from './region-month-lines.js';
export { FAULT_KINDS, type FaultKind, type LineKind, type MaintenanceAllocation };

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
  readonly faults?: FaultFractions;
  /** @defaultValue the sample contract samples/contracts/gooi-en-vechtstreek.yaml */
  readonly contract?: Contract;
  /**
   * How the gemeente allocates an aid's maintenance: on a second toewijzing B of its own
   * (`separate`), or on the aid's toewijzing (`with-the-aid`), see {@link MaintenanceAllocation}.
   * @defaultValue 'separate'
   */
  readonly maintenanceAllocation?: MaintenanceAllocation;
  /**
   * With `maintenanceAllocation: 'with-the-aid'`: declare the month's maintenance of an aid
   * delivered on day 1–15 of that month all the same. The contract bills it (15th-of-the-month
   * rule), but on the aid's own toewijzing that line has the delivery's debet key (both over
   * the whole calendar month per TR387/TR388, both on the catalogue's one ProductCode): TR416
   * rejects the whole declaration on level 2 when both are in one message, and TR389 refuses
   * the later one across messages. So the generator leaves these months out and counts them
   * (`totals.undeclarableMaintenance`); `true` shows the conflict. No effect with `separate`,
   * which declares them on B.
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
    /**
     * Months of maintenance the contract bills but that were not declared: with `with-the-aid`,
     * the month of delivery of an aid delivered on day 1–15; 0 with `separate`.
     */
    readonly undeclarableMaintenance: number;
  };
}

export function generateRegionMonth(options: RegionMonthOptions): RegionMonth {
  const contract = options.contract ?? loadGooiContract();
  const month = options.month ?? '2026-03';
  const invoiced = lastDayOfMonth(month);
  if (invoiced >= new Date().toISOString().slice(0, 10)) {
    throw new Error(`month ${month} has not ended: every date must lie in the past`);
  }
  const maintenance: MaintenanceDeclaration = {
    allocation: options.maintenanceAllocation ?? 'separate',
    deliveryMonth: options.deliveryMonthMaintenance ?? false,
  };
  const random = createRandom(options.seed ?? 1);
  const clients = planClients(contract, month, options.clientsPerGemeente, random);
  const faults = chooseFaults(
    contract,
    month,
    clients,
    options.faults ?? 0,
    random,
    maintenance.allocation,
  );
  return render(contract, month, clients, faults, random, maintenance);
}

function render(
  contract: Contract,
  month: string,
  clients: readonly PlannedClient[],
  faults: Readonly<Record<FaultKind, number>>,
  random: () => number,
  maintenance: MaintenanceDeclaration,
): RegionMonth {
  const invoiced = lastDayOfMonth(month);
  const year = month.slice(0, 4);
  const separate = maintenance.allocation === 'separate';
  const allocate = (aid: PlannedAid, supplier: ContractSupplier, allocated: string, time: string) =>
    allocationsOf(contract, supplier, aid, allocated, time, year, separate);
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
    const allocated = addDays(aids.map((a) => a.ingangsdatum).sort()[0] ?? `${month}-01`, -10);
    const minute = String(Math.floor(random() * 60)).padStart(2, '0');
    const producten = aids.flatMap((aid) =>
      allocate(aid, client.supplier, allocated, `09:${minute}:00`),
    );
    toewijzingen += producten.length;
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
        producten,
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
          delivered.flatMap((aid) => leveringenOf(aid, separate)),
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
          takenBack.flatMap((aid) =>
            leveringenOf(aid, separate).map((levering) => ({
              ...levering,
              redenBeeindiging: '36',
              einddatum: aid.takenBack ?? invoiced,
            })),
          ),
        ),
      });
    }
    const pair = `${client.gemeente}|${agb}`;
    const next = (): string => {
      referentie += 1;
      return `${client.gemeente}-${month.replace('-', '')}-${referentie}`;
    };
    const lines = aids.flatMap((aid) =>
      linesOf(contract, month, client.supplier, aid, next, maintenance),
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
    // Appended in place: a copy per client made the generator quadratic in the clients of a pair.
    let clienten = byPair.get(pair);
    if (clienten === undefined) {
      clienten = [];
      byPair.set(pair, clienten);
    }
    clienten.push({ bsn: client.bsn, prestaties: lines.map((l) => l.values) });
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
      undeclarableMaintenance:
        separate || maintenance.deliveryMonth
          ? 0
          : clients
              .flatMap((c) => c.aids)
              .filter(
                (a) =>
                  a.type === 'all-in' &&
                  a.delivered?.startsWith(month) === true &&
                  isBillable(
                    month,
                    a.delivered,
                    a.takenBack,
                    contract.terms.billing.monthCutoffDay,
                  ),
              ).length,
    },
  };
}

/** `D` + gemeente + month + supplier rank, e.g. `D04022026031` (12 characters, CS319). */
function declaratieNummerOf(gemeente: string, month: string, rank: number): string {
  return `D${gemeente}${month.replace('-', '')}${rank}`;
}

/**
 * The ToegewezenProducten of an aid (see AidType for the forms): with `separate`, an all-in aid
 * (delivered or not yet) gets a second one for its maintenance, B, from the same Ingangsdatum
 * (so that every ProductPeriode is the whole month, TR387): specifiek, Omvang a month of
 * maintenance in euro's per maand (IV042). The amount is that of the declared month's year, the
 * latest any of the month's lines carries; when the indexation raises it on 1 January, the
 * gemeente allocates B anew (per maand, the Volume cannot change in place, OP033x1).
 */
function allocationsOf(
  contract: Contract,
  supplier: ContractSupplier,
  aid: PlannedAid,
  toewijzingsdatum: string,
  toewijzingstijd: string,
  year: string,
  separate: boolean,
): ToegewezenProductValues[] {
  const aidItself = allocationOf(aid, toewijzingsdatum, toewijzingstijd, year);
  if (!separate || (aid.type !== 'all-in' && aid.type !== 'pending')) {
    return [aidItself];
  }
  const perMonth = maintenancePerMonth(contract, supplier, aid.product, Number(year));
  return [
    aidItself,
    {
      nummer: maintenanceNummerOf(aid),
      categorie: aid.product.iwmoCategory,
      code: aid.product.iwmoCode,
      toewijzingsdatum,
      toewijzingstijd,
      ingangsdatum: aid.ingangsdatum,
      omvang: { volume: perMonth, eenheid: '83', frequentie: '4' },
    },
  ];
}

/** The ToegewezenProduct of an aid itself (see AidType for the forms). */
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

/**
 * The StartProducten (and the keys of the StopProducten) of a delivered aid: its own and, with
 * `separate`, that of its maintenance B (with B's Code), on the same dates.
 */
function leveringenOf(aid: PlannedAid, separate: boolean): LeveringValues[] {
  const own = leveringOf(aid);
  if (!separate || aid.type !== 'all-in') {
    return [own];
  }
  return [own, { ...own, nummer: maintenanceNummerOf(aid), code: aid.product.iwmoCode }];
}

/** The StartProduct (and the key of the StopProduct) of a delivered aid's own toewijzing. */
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
 * [--month 2026-03] [--maintenance separate|with-the-aid]` prints the totals and the
 * declarations as JSON.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '20' },
      faults: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      month: { type: 'string', default: '2026-03' },
      maintenance: { type: 'string', default: 'separate' },
    },
  });
  if (values.maintenance !== 'separate' && values.maintenance !== 'with-the-aid') {
    throw new Error('--maintenance is separate or with-the-aid');
  }
  const month = generateRegionMonth({
    clientsPerGemeente: Number(values.clients),
    faults: Number(values.faults),
    seed: Number(values.seed),
    month: values.month,
    maintenanceAllocation: values.maintenance,
  });
  process.stdout.write(
    `${JSON.stringify({ totals: month.totals, declaraties: month.declaraties }, null, 2)}\n`,
  );
}
