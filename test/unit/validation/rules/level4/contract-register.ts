import {
  canonicalNummer,
  type ClientRegisterView,
  EMPTY_REGISTER_VIEW,
  leveringGroupKey,
  type OpenDebetRecord,
  type RegisterView,
  type StartRecord,
  type ToewijzingVersion,
} from '../../../../../src/domain/register/index.js';
import type { Wmo323Message, Wmo323Prestatie } from '../../../../../src/model/index.js';
import type { ExternalSourceContext, Rule } from '../../../../../src/validation/rules/index.js';
import type { Violation } from '../../../../../src/validation/violation.js';
import { declaration, type DeclarationOptions, line } from './declarations.js';
import { level4Context } from './level4-fixtures.js';

/**
 * Register views for the contract rules that read earlier traffic (GW-C04…GW-C09): one client
 * (the BSN of `client323`) with one toewijzing {@link NUMMER} of supplier 12345678 for a
 * wheelchair (11A01, category 1 of the sample Gooi en Vechtstreek contract), its starts and
 * stops, and its open debets.
 */

export const BSN = '999990019';
export const NUMMER = '5001';
export const SUPPLIER = '12345678';

export function toewijzing(extra: Partial<ToewijzingVersion> = {}): ToewijzingVersion {
  return {
    toewijzingNummer: NUMMER,
    aanbieder: SUPPLIER,
    clientId: 'c1',
    toewijzingsdatum: '2025-12-20',
    toewijzingstijd: '09:00:00',
    ingangsdatum: '2025-01-01',
    einddatum: '2029-12-31',
    product: { categorie: '11', code: '11A01' },
    omvang: { volume: 1, eenheid: '82', frequentie: '6' },
    identificatie: 'G0',
    messageId: 'm0',
    ...extra,
  };
}

export interface StartOptions {
  /** Einddatum of an actual stop (the aid was taken back). */
  readonly stop?: string;
  readonly deleted?: boolean;
  /** A stop that was reported and deleted again (StatusAanlevering 3). */
  readonly deletedStop?: string;
}

/** A start (WMO305) of toewijzing {@link NUMMER} on `begindatum`, the delivery date. */
export function start(begindatum: string, options: StartOptions = {}): StartRecord {
  return {
    key: `${NUMMER}|${begindatum}`,
    toewijzingNummer: NUMMER,
    product: { categorie: '11', code: '11A01' },
    begindatum,
    deleted: options.deleted ?? false,
    stops: [
      ...(options.deletedStop === undefined
        ? []
        : [
            {
              redenBeeindiging: '02',
              einddatum: options.deletedStop,
              deleted: true,
              identificatie: 'U-stop-0',
            },
          ]),
      ...(options.stop === undefined
        ? []
        : [
            {
              redenBeeindiging: '02',
              einddatum: options.stop,
              deleted: false,
              identificatie: 'U-stop-1',
            },
          ]),
    ],
    identificatie: `U-start-${begindatum}`,
  };
}

/** An approved, uncredited debet of toewijzing {@link NUMMER} from an earlier declaration. */
export function openDebet(extra: Partial<OpenDebetRecord> = {}): OpenDebetRecord {
  return {
    referentieNummer: 'EARLIER-1',
    declaratieNummer: 'DEC-EARLIER',
    productCategorie: '11',
    productCode: '11A01',
    eenheid: '82',
    begin: '2026-01-01',
    end: '2026-01-31',
    volume: 1,
    bedrag: 69_967,
    ...extra,
  };
}

export interface RegisterParts {
  readonly toewijzingen?: readonly ToewijzingVersion[];
  readonly starts?: readonly StartRecord[];
  readonly openDebets?: readonly OpenDebetRecord[];
}

/** A register view holding the parts (default: the toewijzing, no start, no debets). */
export function registerView(parts: RegisterParts = {}): RegisterView {
  const client: ClientRegisterView = {
    clientId: 'c1',
    known: true,
    toewijzingNummers: [NUMMER],
    pendingVerzoeken: [],
    leveringen: new Map([[leveringGroupKey(NUMMER), { starts: parts.starts ?? [] }]]),
  };
  return {
    ...EMPTY_REGISTER_VIEW,
    toewijzingen: new Map(
      (parts.toewijzingen ?? [toewijzing()]).map((t) => [canonicalNummer(t.toewijzingNummer), t]),
    ),
    clients: new Map([[BSN, client]]),
    openDebetsByToewijzing: new Map(
      parts.openDebets === undefined ? [] : [[canonicalNummer(NUMMER), parts.openDebets]],
    ),
  };
}

/** The wheelchair (11A01) delivered in `month`, at `tarief` (default the 2026 price 69 967). */
export function delivery(month: string, overrides: Partial<Wmo323Prestatie> = {}): Wmo323Prestatie {
  const tarief = overrides.ProductTarief ?? 69_967;
  return line({
    ToewijzingNummer: NUMMER,
    ProductPeriode: monthPeriod(month),
    ProductTarief: tarief,
    IngediendBedrag: { Bedrag: tarief, DebetCredit: 'D' },
    ...overrides,
  });
}

/** A month of maintenance of the wheelchair (11A01, Eenheid 83) for `bedrag` eurocents. */
export function maintenance(
  month: string,
  bedrag: number,
  overrides: Partial<Wmo323Prestatie> = {},
): Wmo323Prestatie {
  const { ProductTarief: _omitted, ...base } = line({ ToewijzingNummer: NUMMER });
  return {
    ...base,
    ProductPeriode: monthPeriod(month),
    Eenheid: '83',
    GeleverdVolume: bedrag,
    IngediendBedrag: { Bedrag: bedrag, DebetCredit: 'D' },
    ...overrides,
  };
}

/** A credit of the earlier debet `referentie` (IV085: never judged by a contract rule). */
export function credit(
  referentie: string,
  of: Wmo323Prestatie,
  nummer = 'CREDIT-1',
): Wmo323Prestatie {
  return {
    ...of,
    ProductReferentie: { ReferentieNummer: nummer, VorigReferentieNummer: referentie },
    IngediendBedrag: { Bedrag: of.IngediendBedrag.Bedrag, DebetCredit: 'C' },
  };
}

/** `2028-02` → the whole calendar month, leap years included. */
export function monthPeriod(month: string): { Begindatum: string; Einddatum: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { Begindatum: `${month}-01`, Einddatum: `${month}-${String(last)}` };
}

/** Lines with distinct ReferentieNummers, in one declaration of the client {@link BSN}. */
export function declared(
  lines: readonly Wmo323Prestatie[],
  options: DeclarationOptions = {},
): Wmo323Message {
  return declaration(
    lines.map((l, i) =>
      l.ProductReferentie.ReferentieNummer === 'RN-0001'
        ? { ...l, ProductReferentie: { ReferentieNummer: `RN-${String(i + 1)}` } }
        : l,
    ),
    options,
  );
}

/** The violations of one rule with the sample sources, `register` and any overrides. */
export function judge(
  rule: Rule,
  msg: Wmo323Message,
  register: RegisterView | undefined,
  overrides: Partial<ExternalSourceContext> = {},
): readonly Violation[] {
  return rule.check(
    msg,
    level4Context({ ...(register === undefined ? {} : { register }), ...overrides }),
  );
}

/** Only the details, for compact assertions. */
export function details(
  rule: Rule,
  msg: Wmo323Message,
  register: RegisterView | undefined,
  overrides: Partial<ExternalSourceContext> = {},
): (string | undefined)[] {
  return judge(rule, msg, register, overrides).map((violation) => violation.detail);
}
