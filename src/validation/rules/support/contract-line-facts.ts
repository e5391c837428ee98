import {
  billableMonths,
  type Contract,
  type ContractProduct,
  type ContractSet,
  type ContractSupplier,
  deliveryInvoiceDeadline,
  maintenanceInvoiceDeadline,
  monthOf,
  type TariffTerm,
  tariffTerm,
  yearOf,
} from '../../../contract/index.js';
import {
  canonicalNummer,
  leveringGroupKey,
  messageParties,
  type OpenDebetRecord,
  type RegisterView,
  type StartRecord,
  type StopRecord,
  type ToewijzingVersion,
} from '../../../domain/register/index.js';
import type { ParsedMessage, Wmo323Client, Wmo323Prestatie } from '../../../model/index.js';
import type { IndexStep } from '../../decision-record.js';
import { clientOf, toewijzingOf } from './cross-message.js';
import { contractLineOf } from './external-sources.js';

/**
 * Everything the contract rules (GW-C04…) and the decision record need to know about one debet
 * Prestatie of a WMO323 (issue #5): the contract it falls under, what kind of line it is, the
 * toewijzing, start and stop behind it in the register, and the price, the billable months and
 * the invoice deadline the contract gives it. Pure: a function of the message, the contract
 * snapshot and the register view, cached per (contracts, register, Prestatie).
 */

/**
 * What a line is under the contract (`ContractBasis.kind` of the decision record):
 * - `delivery`: an aid at the supplier's all-in delivery price (contract `billing.deliveryUnit`);
 * - `maintenance`: a month of maintenance of an aid (`billing.maintenanceUnit`), by the
 *   15th-of-the-month rule at the yearly tariff / 12;
 * - `unit`: a fixed tariff per unit (the driving lesson, an hourly tariff or its minutes);
 * - `by-quote`: a delivery of a category priced as gross catalogue price minus discount (7, 13,
 *   16) — a delivery all the same, but the price stands in the quote;
 * - `euro-amount`: an amount in euros without tariff.
 */
export type LineKind = 'delivery' | 'maintenance' | 'unit' | 'by-quote' | 'euro-amount';

/** True for the kinds that deliver an aid: the all-in delivery and the delivery by quote. */
export function isDeliveryKind(kind: LineKind): boolean {
  return kind === 'delivery' || kind === 'by-quote';
}

/** The kind of line a contract term describes; undefined for a unit without a price (GW-C03). */
function lineKindOf(term: TariffTerm): LineKind | undefined {
  switch (term.kind) {
    case 'tariff':
      return term.basis === 'delivery' ? 'delivery' : 'unit';
    case 'by-quote':
      return 'by-quote';
    case 'maintenance':
      return 'maintenance';
    case 'euro-amount':
      return 'euro-amount';
    case 'wrong-unit':
      return undefined;
  }
}

/**
 * The kind of an approved open debet of the register under `contract`, judged the same way as a
 * line of the message (by its ProductCode and Eenheid); undefined when the contract does not
 * list its code or does not price it in that unit.
 */
export function openDebetKind(
  contract: Contract,
  supplier: ContractSupplier,
  debet: OpenDebetRecord,
): LineKind | undefined {
  const product =
    debet.productCode === undefined ? undefined : contract.productsByCode.get(debet.productCode);
  if (product === undefined) {
    return undefined;
  }
  return lineKindOf(tariffTerm(contract, supplier, product, debet.eenheid, debet.begin));
}

/** What the register knows about the toewijzing behind a Prestatie and its start and stop. */
export interface LineRegisterFacts {
  /**
   * The actual toewijzing the Prestatie names, when it is one of this client with this supplier
   * (otherwise TR338/TR304 refuse the line and no contract rule judges it).
   */
  readonly toewijzing: ToewijzingVersion | undefined;
  /**
   * The start (WMO305) behind the line among the actual (not deleted) starts of the toewijzing:
   * the latest one that began on or before the last day of the ProductPeriode, or else the
   * earliest one (which began after the period). Undefined when no actual start was reported.
   */
  readonly start: StartRecord | undefined;
  /** The actual (latest not deleted) stop (WMO307) of that start: the aid was taken back. */
  readonly stop: StopRecord | undefined;
  /**
   * Approved debets of the toewijzing that no credit has cancelled yet (from earlier messages),
   * in register order; a credit in this message may still release one (see {@link isReleased}).
   */
  readonly openDebets: readonly OpenDebetRecord[];
}

const NO_DEBETS: readonly OpenDebetRecord[] = Object.freeze([]);

/** The register facts of one Prestatie; `register` is the level-3 view the worker loaded. */
export function lineRegisterFacts(
  msg: ParsedMessage<'WMO323'>,
  client: Wmo323Client,
  prestatie: Wmo323Prestatie,
  register: RegisterView,
): LineRegisterFacts {
  const { aanbieder } = messageParties(msg.type, msg.header);
  const clientView = clientOf(register, client.Bsn);
  const toewijzing = toewijzingOf(
    register,
    aanbieder,
    clientView.clientId,
    prestatie.ToewijzingNummer,
  );
  const group = clientView.leveringen.get(leveringGroupKey(prestatie.ToewijzingNummer));
  const start = startBehind(group?.starts ?? [], prestatie.ProductPeriode.Einddatum);
  return {
    toewijzing,
    start,
    stop: start === undefined ? undefined : actualStop(start),
    openDebets:
      register.openDebetsByToewijzing.get(canonicalNummer(prestatie.ToewijzingNummer)) ?? NO_DEBETS,
  };
}

function startBehind(starts: readonly StartRecord[], periodEnd: string): StartRecord | undefined {
  let latestBefore: StartRecord | undefined;
  let earliestAfter: StartRecord | undefined;
  for (const start of starts) {
    if (start.deleted) {
      continue;
    }
    if (start.begindatum <= periodEnd) {
      if (latestBefore === undefined || start.begindatum >= latestBefore.begindatum) {
        latestBefore = start;
      }
    } else if (earliestAfter === undefined || start.begindatum < earliestAfter.begindatum) {
      earliestAfter = start;
    }
  }
  return latestBefore ?? earliestAfter;
}

/** The stop in force: the last one reported that was not deleted (TR414 keeps them ascending). */
function actualStop(start: StartRecord): StopRecord | undefined {
  for (let i = start.stops.length - 1; i >= 0; i -= 1) {
    const stop = start.stops[i];
    if (stop !== undefined && !stop.deleted) {
      return stop;
    }
  }
  return undefined;
}

/** The price the contract sets for a line, with how it was reached (for the decision record). */
export interface LinePrice {
  /**
   * The amount the line must carry, in eurocents: the ProductTarief for a delivery or a unit
   * line (TR418), the IngediendBedrag of one month for maintenance (GW-C07).
   */
  readonly cents: number;
  /** The year whose prices apply: the delivery date's for a delivery, else the period's. */
  readonly year: number;
  /** The base-year price the contract sets (the yearly tariff for maintenance), in eurocents. */
  readonly baseCents: number;
  /** Maintenance: the yearly tariff indexed to `year`, of which `cents` is a twelfth. */
  readonly perYearCents?: number;
  /** The indexation applied; undefined for a tariff the contract does not index. */
  readonly indexation?: { readonly baseYear: number; readonly applied: readonly IndexStep[] };
}

/** Everything about one debet Prestatie under the contract that governs it. */
export interface ContractLineFacts {
  readonly contract: Contract;
  readonly supplier: ContractSupplier;
  /** The catalogue entry: `product.category` is the contract's label (`1`, `2c`, `rijles`). */
  readonly product: ContractProduct;
  readonly kind: LineKind;
  /** The contract's term for the line (tariffTerm, in the year of {@link LinePrice.year}). */
  readonly term: TariffTerm;
  /** Undefined when the rules were given no register view. */
  readonly register: LineRegisterFacts | undefined;
  /** A delivery: the Begindatum of the start behind it, the date the aid was delivered. */
  readonly deliveryDate?: string;
  /** Maintenance: the month of the ProductPeriode (`YYYY-MM`). */
  readonly month?: string;
  /**
   * Maintenance with a start: the months the aid earns maintenance by the 15th-of-the-month
   * rule (contract `billing.monthCutoffDay`), from the start's Begindatum to the stop's
   * Einddatum; `last` undefined while the aid is out.
   */
  readonly billableMonths?: { readonly first: string; readonly last: string | undefined };
  /** Undefined for a line priced by quote, an amount in euros, or maintenance without a tariff. */
  readonly price?: LinePrice;
  /**
   * The last day the line may be invoiced (DeclaratieDagtekening): `deliveryInvoiceDays` after
   * the delivery date, `maintenanceInvoiceDays` after the month's last day. Undefined for a
   * delivery whose start is unknown and for unit and euro lines (the contract sets none).
   */
  readonly invoiceDeadline?: string;
}

/** What {@link contractLineFacts} reads besides the message. */
export interface ContractLineContext {
  readonly contracts: ContractSet;
  readonly register?: RegisterView;
}

const NO_REGISTER = {};

/** One debet Prestatie a contract governs, with its facts (see {@link forEachContractLine}). */
interface ContractLineEntry {
  readonly facts: ContractLineFacts;
  readonly prestatie: Wmo323Prestatie;
  readonly client: Wmo323Client;
}

/** What is known per (message, contract snapshot, register view). */
interface LineCache {
  readonly byPrestatie: WeakMap<Wmo323Prestatie, ContractLineFacts | null>;
  /** Every line with facts in document order, built by the first rule that walks them. */
  lines: readonly ContractLineEntry[] | undefined;
}

const CACHE = new WeakMap<object, WeakMap<ContractSet, WeakMap<object, LineCache>>>();

function inner<K extends object, V>(map: WeakMap<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function lineCache(msg: ParsedMessage<'WMO323'>, ctx: ContractLineContext): LineCache {
  const byContracts = inner(
    CACHE,
    msg,
    () => new WeakMap<ContractSet, WeakMap<object, LineCache>>(),
  );
  const byRegister = inner(byContracts, ctx.contracts, () => new WeakMap<object, LineCache>());
  return inner(byRegister, ctx.register ?? NO_REGISTER, () => ({
    byPrestatie: new WeakMap(),
    lines: undefined,
  }));
}

function cachedFacts(
  cache: LineCache,
  msg: ParsedMessage<'WMO323'>,
  client: Wmo323Client,
  prestatie: Wmo323Prestatie,
  ctx: ContractLineContext,
): ContractLineFacts | undefined {
  let facts = cache.byPrestatie.get(prestatie);
  if (facts === undefined) {
    facts = buildFacts(msg, client, prestatie, ctx) ?? null;
    cache.byPrestatie.set(prestatie, facts);
  }
  return facts ?? undefined;
}

/**
 * The facts of one debet Prestatie, or undefined when no contract governs it as a contracted
 * line in a priced unit (GW-C01…GW-C03 report why) or when it is a credit (IV085). Cached per
 * message, contract snapshot, register view and Prestatie: several rules ask for the same line.
 */
export function contractLineFacts(
  msg: ParsedMessage<'WMO323'>,
  client: Wmo323Client,
  prestatie: Wmo323Prestatie,
  ctx: ContractLineContext,
): ContractLineFacts | undefined {
  return cachedFacts(lineCache(msg, ctx), msg, client, prestatie, ctx);
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function buildFacts(
  msg: ParsedMessage<'WMO323'>,
  client: Wmo323Client,
  prestatie: Wmo323Prestatie,
  ctx: ContractLineContext,
): ContractLineFacts | undefined {
  if (prestatie.IngediendBedrag.DebetCredit !== 'D') {
    return undefined;
  }
  const line = contractLineOf(msg, prestatie);
  const resolution = ctx.contracts.resolve(line);
  if (resolution.kind !== 'contracted') {
    return undefined;
  }
  const { contract, supplier, product } = resolution;
  const eenheid = prestatie.Eenheid;
  const periodTerm = tariffTerm(contract, supplier, product, eenheid, line.begin);
  const kind = lineKindOf(periodTerm);
  if (kind === undefined) {
    return undefined;
  }
  const register =
    ctx.register === undefined
      ? undefined
      : lineRegisterFacts(msg, client, prestatie, ctx.register);
  const billing = contract.terms.billing;
  // Built field by field rather than by spreading: one object shape, no copies (a declaration
  // may hold 100,000 lines).
  const facts: Writable<ContractLineFacts> = {
    contract,
    supplier,
    product,
    kind,
    term: periodTerm,
    register,
  };
  if (isDeliveryKind(kind)) {
    const deliveryDate = register?.start?.begindatum;
    // The price of a delivery is that of the year it was delivered (§7.4): the start's
    // Begindatum when the register knows it, else the first day of the ProductPeriode.
    if (deliveryDate !== undefined) {
      facts.term = tariffTerm(contract, supplier, product, eenheid, deliveryDate);
      facts.deliveryDate = deliveryDate;
      facts.invoiceDeadline = deliveryInvoiceDeadline(deliveryDate, billing.deliveryInvoiceDays);
    }
    setPrice(facts, priceOf(contract, supplier, product, facts.term, deliveryDate ?? line.begin));
    return facts;
  }
  if (kind === 'maintenance') {
    const month = monthOf(line.begin);
    const start = register?.start;
    facts.month = month;
    if (start !== undefined) {
      facts.billableMonths = billableMonths(
        start.begindatum,
        register?.stop?.einddatum,
        billing.monthCutoffDay,
      );
    }
    facts.invoiceDeadline = maintenanceDeadline(month, billing.maintenanceInvoiceDays);
  }
  setPrice(facts, priceOf(contract, supplier, product, periodTerm, line.begin));
  return facts;
}

function setPrice(facts: Writable<ContractLineFacts>, price: LinePrice | undefined): void {
  if (price !== undefined) {
    facts.price = price;
  }
}

/** maintenanceInvoiceDeadline per month: a declaration repeats a handful of months. */
const MAINTENANCE_DEADLINES = new Map<string, string>();

function maintenanceDeadline(month: string, days: number): string {
  const key = `${month}|${days}`;
  let deadline = MAINTENANCE_DEADLINES.get(key);
  if (deadline === undefined) {
    if (MAINTENANCE_DEADLINES.size >= 1_000) {
      MAINTENANCE_DEADLINES.clear();
    }
    deadline = maintenanceInvoiceDeadline(month, days);
    MAINTENANCE_DEADLINES.set(key, deadline);
  }
  return deadline;
}

/** The contract's price of a line with its base price and indexation; undefined when unpriced. */
function priceOf(
  contract: Contract,
  supplier: ContractSupplier,
  product: ContractProduct,
  term: TariffTerm,
  date: string,
): LinePrice | undefined {
  const year = yearOf(date);
  const prices = supplier.prices[product.category];
  const pricing = product.pricing;
  switch (term.kind) {
    case 'tariff': {
      if (term.basis === 'delivery') {
        const base = prices?.delivery ?? 0;
        return {
          cents: term.cents,
          year,
          baseCents: base,
          indexation: indexationOf(contract, year),
        };
      }
      if (pricing.model !== 'fixed-per-unit') {
        return undefined;
      }
      const base = prices?.unitTariff ?? pricing.tariff;
      return {
        cents: term.cents,
        year,
        baseCents: base,
        ...(pricing.indexed ? { indexation: indexationOf(contract, year) } : {}),
      };
    }
    case 'maintenance': {
      const base = prices?.maintenancePerYear;
      if (base === undefined || term.perYearCents === undefined) {
        return undefined;
      }
      return {
        cents: monthlyAmount(term.perYearCents),
        year,
        baseCents: base,
        perYearCents: term.perYearCents,
        indexation: indexationOf(contract, year),
      };
    }
    case 'by-quote':
    case 'euro-amount':
    case 'wrong-unit':
      return undefined;
  }
}

/**
 * One month of a yearly maintenance tariff: a twelfth, rounded half up to the cent. The contract
 * sets a price "per category per year" and bills maintenance monthly (§7.2, §7.3) without
 * saying how a month is rounded; the gateway rounds it as it rounds indexed prices (half up to
 * the cent, docs/contracts.md), on the yearly tariff already indexed to the month's year.
 */
export function monthlyAmount(perYearCents: number): number {
  return Math.floor((perYearCents + 6) / 12);
}

type Indexation = { readonly baseYear: number; readonly applied: readonly IndexStep[] };

const INDEXATIONS = new WeakMap<Contract, Map<number, Indexation>>();

/**
 * The base year and the percentages applied after it up to `year` (years without one: none).
 * One frozen object per contract and year, shared by the lines of that year.
 */
function indexationOf(contract: Contract, year: number): Indexation {
  const byYear = inner(INDEXATIONS, contract, () => new Map<number, Indexation>());
  let indexation = byYear.get(year);
  if (indexation === undefined) {
    const { baseYear, percentages } = contract.terms.indexation;
    indexation = Object.freeze({
      baseYear,
      applied: Object.freeze(
        percentages
          .filter((entry) => entry.year > baseYear && entry.year <= year)
          .map((entry) => Object.freeze({ year: entry.year, percent: entry.percent })),
      ),
    });
    byYear.set(year, indexation);
  }
  return indexation;
}

/**
 * True when a credit Prestatie in this message cancels the open debet: credits are processed
 * before debets (OP366), so a debet may be declared again in the message that credits it.
 */
export function isReleased(msg: ParsedMessage<'WMO323'>, debet: OpenDebetRecord): boolean {
  return creditedReferences(msg).has(debet.referentieNummer);
}

const CREDITED = new WeakMap<ParsedMessage<'WMO323'>, ReadonlySet<string>>();

/** The ReferentieNummers this message's credits refer to (VorigReferentieNummer). */
function creditedReferences(msg: ParsedMessage<'WMO323'>): ReadonlySet<string> {
  let credited = CREDITED.get(msg);
  if (credited === undefined) {
    const set = new Set<string>();
    for (const client of msg.Declaratie.Clienten) {
      for (const prestatie of client.Prestaties) {
        const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
        if (prestatie.IngediendBedrag.DebetCredit === 'C' && vorig !== undefined) {
          set.add(vorig);
        }
      }
    }
    credited = set;
    CREDITED.set(msg, credited);
  }
  return credited;
}

/**
 * Calls `visit` for every debet Prestatie that a contract governs as a contracted line in a
 * priced unit, in document order, with its facts. Credits are never judged (IV085).
 */
export function forEachContractLine(
  msg: ParsedMessage<'WMO323'>,
  ctx: ContractLineContext,
  visit: (facts: ContractLineFacts, prestatie: Wmo323Prestatie, client: Wmo323Client) => void,
): void {
  // The lines are listed once per message, snapshot and view; the other rules walk that list.
  const cache = lineCache(msg, ctx);
  let lines = cache.lines;
  if (lines === undefined) {
    const listed: ContractLineEntry[] = [];
    for (const client of msg.Declaratie.Clienten) {
      for (const prestatie of client.Prestaties) {
        const facts = cachedFacts(cache, msg, client, prestatie, ctx);
        if (facts !== undefined) {
          listed.push({ facts, prestatie, client });
        }
      }
    }
    lines = listed;
    cache.lines = lines;
  }
  for (const { facts, prestatie, client } of lines) {
    visit(facts, prestatie, client);
  }
}

/**
 * True when an open debet has the Prestatie's debet key (ProductPeriode, ProductCategorie,
 * ProductCode; the toewijzing is the same by construction): TR389 (9389) already refuses a
 * second debet with that key, so the contract rules leave it to TR389 and report only the
 * repeats TR389 cannot see.
 */
export function sameDebetKey(debet: OpenDebetRecord, prestatie: Wmo323Prestatie): boolean {
  return (
    debet.begin === prestatie.ProductPeriode.Begindatum &&
    debet.end === prestatie.ProductPeriode.Einddatum &&
    debet.productCategorie === prestatie.ProductCategorie &&
    debet.productCode === prestatie.ProductCode
  );
}
