import { withElfproefDigit } from './generate-declaration.js';
import {
  declaratie323,
  type DeclaratieValues,
  lastDayOf,
  type OmvangValues,
  type PrestatieValues,
  start305,
  stop307,
  toewijzing301,
} from './iwmo-messages.js';

/**
 * A month of iWmo traffic for one region (one gemeente, a few aanbieders, thousands of clients),
 * with the generator's own bookkeeping of what the register must end up holding. Used by the
 * level-3 integration test (totals asserted against this bookkeeping) and by bench/level3.ts.
 *
 * Per client a WMO301 with one or two toewijzingen (February–December); for a quarter of the
 * clients a WMO305 starting them (and for a fifth of those a WMO307 stopping them in March); per
 * aanbieder two WMO323: February, and March with credits and corrected re-declarations of some
 * February Prestaties (OP366). About 3 % of the Prestaties are refused on purpose (volume above
 * the allocation, TR321; unknown ToewijzingNummer, TR338). Every message is XSD-valid and free of level-2 findings; every date lies in the past.
 */

export interface TrafficOptions {
  readonly clients: number;
  /** @defaultValue 4 */
  readonly aanbieders?: number;
  /** Same seed, same traffic. @defaultValue 1 */
  readonly seed?: number;
  /** @defaultValue '0363' */
  readonly gemeente?: string;
}

export interface TrafficMessage {
  readonly type: 'WMO301' | 'WMO305' | 'WMO307' | 'WMO323';
  readonly xml: string;
}

/** Messages of one phase are independent; a phase may only start when the previous one is done. */
export interface TrafficPhase {
  readonly name: string;
  readonly messages: readonly TrafficMessage[];
}

export interface ExpectedDeclared {
  /** Net granted volume in comparable units (minutes for hours). */
  readonly volume: number;
  readonly bedrag: number;
  readonly openDebets: number;
}

export interface ExpectedDeclaratie {
  readonly aanbieder: string;
  readonly declaratieNummer: string;
  /** Signed TotaalToegekendBedrag of its WMO325. */
  readonly toegekend: number;
  readonly prestaties: number;
  readonly refused: number;
}

export interface TrafficMonth {
  readonly gemeente: string;
  readonly aanbieders: readonly string[];
  readonly phases: readonly TrafficPhase[];
  /** Per ToewijzingNummer: what the register must hold as declared. */
  readonly declared: ReadonlyMap<string, ExpectedDeclared>;
  /** ToewijzingNummers with a start (WMO305), and those also stopped (WMO307). */
  readonly started: ReadonlySet<string>;
  readonly stopped: ReadonlySet<string>;
  readonly declaraties: readonly ExpectedDeclaratie[];
  readonly totals: {
    readonly clients: number;
    readonly toewijzingen: number;
    readonly prestaties: number;
    readonly granted: number;
    readonly refused: number;
    /** Net granted amount over all declarations (eurocents). */
    readonly bedrag: number;
  };
}

interface ProductKind {
  readonly categorie: string;
  readonly code: string;
  readonly eenheid: string;
  readonly frequentie: '2' | '4';
  readonly volume: readonly [number, number];
  readonly tarief?: number;
}

const PRODUCTS: readonly ProductKind[] = [
  { categorie: '02', code: '02A03', eenheid: '04', frequentie: '2', volume: [2, 8], tarief: 6350 },
  { categorie: '01', code: '01A01', eenheid: '04', frequentie: '2', volume: [2, 4], tarief: 3200 },
  { categorie: '07', code: '07A01', eenheid: '16', frequentie: '2', volume: [1, 4], tarief: 5200 },
  { categorie: '14', code: '14A01', eenheid: '83', frequentie: '4', volume: [5_000, 20_000] },
];

const MONTH_1 = '2026-02';
const MONTH_2 = '2026-03';

/** mulberry32 (as bench/generate-declaration.ts). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function* bsns(): Generator<string, void, undefined> {
  for (let k = 0; k < 10_000; k += 1) {
    const bsn = withElfproefDigit(`9999${String(k).padStart(4, '0')}`);
    if (bsn !== undefined && bsn >= '999900006') {
      yield bsn;
    }
  }
}

/** Calendar weeks (Monday-based) that [begin, end] touches (IV077). */
function weeks(begin: string, end: string): number {
  const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const monday = (n: number): number => n - ((((n + 3) % 7) + 7) % 7);
  return (monday(day(end)) - monday(day(begin))) / 7 + 1;
}

interface Toewijzing {
  readonly nummer: string;
  readonly kind: ProductKind;
  readonly ingangsdatum: string;
  readonly omvang: OmvangValues;
  readonly aanbieder: string;
  readonly bsn: string;
}

/** The most that may be declared for [begin, end] of a month (as the gateway computes it). */
function maxVolume(t: Toewijzing, begin: string, end: string): number {
  if (t.kind.frequentie === '4') {
    return t.omvang.volume;
  }
  return t.kind.categorie === '01' ? 6 * t.omvang.volume : weeks(begin, end) * t.omvang.volume;
}

function comparable(eenheid: string, volume: number): number {
  return eenheid === '04' ? volume * 60 : volume;
}

export function generateTrafficMonth(options: TrafficOptions): TrafficMonth {
  const random = createRandom(options.seed ?? 1);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const gemeente = options.gemeente ?? '0363';
  const aanbieders = Array.from(
    { length: options.aanbieders ?? 4 },
    (_, i) => `${7}${String(i + 1).padStart(7, '0')}`,
  );
  const bsnSource = bsns();
  const toewijzingen: Toewijzing[] = [];
  const allocations: TrafficMessage[] = [];
  const starts: TrafficMessage[] = [];
  const stops: TrafficMessage[] = [];
  const byClient = new Map<string, Toewijzing[]>();
  const started = new Set<string>();
  const stopped = new Set<string>();
  for (let c = 0; c < options.clients; c += 1) {
    const bsn = bsnSource.next().value;
    if (bsn === undefined) {
      throw new Error('at most ~9,000 clients');
    }
    const aanbieder = aanbieders[c % aanbieders.length] ?? '';
    const first = int(0, PRODUCTS.length - 1);
    const kinds = [PRODUCTS[first]!];
    if (random() < 0.5) {
      kinds.push(PRODUCTS[(first + int(1, PRODUCTS.length - 1)) % PRODUCTS.length]!);
    }
    const own = kinds.map((kind, k): Toewijzing => {
      const nummer = String(500_000 + c * 2 + k);
      return {
        nummer,
        kind,
        ingangsdatum:
          random() < 0.8 ? `${MONTH_1}-01` : `${MONTH_1}-${String(int(2, 20)).padStart(2, '0')}`,
        omvang: {
          volume: int(kind.volume[0], kind.volume[1]),
          eenheid: kind.eenheid,
          frequentie: kind.frequentie,
        },
        aanbieder,
        bsn,
      };
    });
    toewijzingen.push(...own);
    byClient.set(bsn, own);
    allocations.push({
      type: 'WMO301',
      xml: toewijzing301(
        {
          afzender: gemeente,
          ontvanger: aanbieder,
          identificatie: `T301-${c}`,
          dagtekening: '2026-01-20',
        },
        bsn,
        own.map((t) => ({
          nummer: t.nummer,
          categorie: t.kind.categorie,
          code: t.kind.code,
          toewijzingsdatum: '2026-01-20',
          toewijzingstijd: '09:30:00',
          ingangsdatum: t.ingangsdatum,
          einddatum: '2026-12-31',
          omvang: t.omvang,
        })),
      ),
    });
    const levering = own.map((t) => ({
      nummer: t.nummer,
      categorie: t.kind.categorie,
      code: t.kind.code,
      toewijzingIngangsdatum: t.ingangsdatum,
      begindatum: t.ingangsdatum,
    }));
    if (random() >= 0.25) {
      continue; // a quarter of the clients report starts (declarations never depend on them, OP364)
    }
    for (const t of own) {
      started.add(t.nummer);
    }
    starts.push({
      type: 'WMO305',
      xml: start305(
        {
          afzender: aanbieder,
          ontvanger: gemeente,
          identificatie: `T305-${c}`,
          dagtekening: '2026-02-25',
        },
        bsn,
        levering,
      ),
    });
    if (random() < 0.2) {
      for (const t of own) {
        stopped.add(t.nummer);
      }
      stops.push({
        type: 'WMO307',
        xml: stop307(
          {
            afzender: aanbieder,
            ontvanger: gemeente,
            identificatie: `T307-${c}`,
            dagtekening: '2026-04-02',
          },
          bsn,
          levering.map((l) => ({ ...l, redenBeeindiging: '19', einddatum: lastDayOf(MONTH_2) })),
        ),
      });
    }
  }

  const declared = new Map<string, { volume: number; bedrag: number; openDebets: number }>();
  const book = (t: Toewijzing, sign: 1 | -1, volume: number, bedrag: number): void => {
    const entry = declared.get(t.nummer) ?? { volume: 0, bedrag: 0, openDebets: 0 };
    entry.volume += sign * comparable(t.kind.eenheid, volume);
    entry.bedrag += sign * bedrag;
    entry.openDebets += sign;
    declared.set(t.nummer, entry);
  };
  for (const t of toewijzingen) {
    declared.set(t.nummer, { volume: 0, bedrag: 0, openDebets: 0 });
  }
  const declaraties: ExpectedDeclaratie[] = [];
  const declarationMessages: TrafficMessage[][] = [[], []];
  let prestatieCount = 0;
  let refusedCount = 0;
  let total = 0;
  const granted1 = new Map<string, { t: Toewijzing; line: PrestatieValues }[]>();

  aanbieders.forEach((aanbieder, a) => {
    for (const [round, maand] of [MONTH_1, MONTH_2].entries()) {
      let toegekend = 0;
      let refused = 0;
      let count = 0;
      let line = 0;
      const clienten: { bsn: string; prestaties: PrestatieValues[] }[] = [];
      for (const [bsn, own] of byClient) {
        if (own[0]?.aanbieder !== aanbieder) {
          continue;
        }
        const prestaties: PrestatieValues[] = [];
        const debet = (
          t: Toewijzing,
          m: string,
          fault: 'none' | 'volume' | 'nummer',
        ): PrestatieValues => {
          const begin = t.ingangsdatum > `${m}-01` ? t.ingangsdatum : `${m}-01`;
          const end = lastDayOf(m);
          const max = maxVolume(t, begin, end);
          const volume = fault === 'volume' ? max + 1 : int(Math.max(1, Math.floor(max / 3)), max);
          line += 1;
          return {
            referentie: `R${a}${round}-${line}`,
            nummer: fault === 'nummer' ? String(900_000 + line) : t.nummer,
            categorie: t.kind.categorie,
            code: t.kind.code,
            begindatum: begin,
            einddatum: end,
            volume,
            eenheid: t.kind.eenheid,
            ...(t.kind.tarief === undefined ? {} : { tarief: t.kind.tarief }),
            debetCredit: 'D',
          };
        };
        const amount = (p: PrestatieValues): number =>
          p.tarief === undefined ? p.volume : p.volume * p.tarief;
        for (const t of own) {
          if (round === 1) {
            // Credit and re-declare some granted February Prestaties (OP366, IV086, IV091).
            const earlier = granted1.get(t.nummer);
            if (earlier !== undefined && random() < 0.08) {
              for (const { line: old } of earlier) {
                line += 1;
                prestaties.push({
                  ...old,
                  referentie: `R${a}${round}-${line}`,
                  vorigReferentie: old.referentie,
                  debetCredit: 'C',
                });
                toegekend -= amount(old);
                book(t, -1, old.volume, amount(old));
                const again = debet(t, MONTH_1, 'none');
                prestaties.push(again);
                toegekend += amount(again);
                book(t, 1, again.volume, amount(again));
                count += 2;
              }
            }
          }
          const roll = random();
          const fault = roll < 0.02 ? 'volume' : roll < 0.03 ? 'nummer' : 'none';
          const p = debet(t, maand, fault);
          prestaties.push(p);
          count += 1;
          if (fault === 'none') {
            toegekend += amount(p);
            book(t, 1, p.volume, amount(p));
            if (round === 0) {
              granted1.set(t.nummer, [{ t, line: p }]);
            }
          } else {
            refused += 1;
          }
        }
        clienten.push({ bsn, prestaties });
      }
      const declaratie: DeclaratieValues = {
        nummer: `D${aanbieder.slice(-4)}${maand.replace('-', '')}`,
        maand,
        clienten,
      };
      declarationMessages[round]?.push({
        type: 'WMO323',
        xml: declaratie323(
          {
            afzender: aanbieder,
            ontvanger: gemeente,
            identificatie: `T323-${a}-${round}`,
            dagtekening: round === 0 ? '2026-03-05' : '2026-04-03',
          },
          declaratie,
        ),
      });
      declaraties.push({
        aanbieder,
        declaratieNummer: declaratie.nummer,
        toegekend,
        prestaties: count,
        refused,
      });
      prestatieCount += count;
      refusedCount += refused;
      total += toegekend;
    }
  });
  return {
    gemeente,
    aanbieders,
    phases: [
      { name: 'WMO301 toewijzingen', messages: allocations },
      { name: 'WMO305 starts', messages: starts },
      { name: `WMO323 ${MONTH_1}`, messages: declarationMessages[0] ?? [] },
      { name: `WMO323 ${MONTH_2} with credits`, messages: declarationMessages[1] ?? [] },
      { name: 'WMO307 stops', messages: stops },
    ],
    declared,
    started,
    stopped,
    declaraties,
    totals: {
      clients: options.clients,
      toewijzingen: toewijzingen.length,
      prestaties: prestatieCount,
      granted: prestatieCount - refusedCount,
      refused: refusedCount,
      bedrag: total,
    },
  };
}
