import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Generates realistic, synthetic WMO323 declarations (BerichtCode 484) of any size, for the
 * benchmarks. Every generated message is valid against schemas/iwmo/3.2/WMO323.xsd and free of
 * level-2 findings (fact sheet §6.2, §6.3):
 * - CS002: every Bsn passes the 11-proef and comes from the test range 999900006–999999990;
 *   TR101: no Bsn occurs twice;
 * - CS319, CS340, CS100: an alphanumeric DeclaratieNummer, one whole calendar month ≥ 2021-01;
 * - CS337, TR134, TR137, TR335: every ProductPeriode lies inside the DeclaratiePeriode month and
 *   before the Dagtekening (the 5th of the next month);
 * - TR101, TR314 (in-message): ReferentieNummers are unique; TR315: so are VorigReferentieNummers;
 * - CD060, TR316: only credits carry a VorigReferentieNummer, and it refers to an invented number
 *   of an earlier declaration (prefix of the previous month), never to a line of this file;
 * - TR416: every Prestatie has its own ToewijzingNummer, so no debet repeats another's key;
 * - CD087, CS339, TR346: ProductTarief only when Eenheid ≠ 83; IngediendBedrag = volume × tarief,
 *   or = volume for Eenheid 83 (euro's, volume in eurocents);
 * - CS325, TR358: TotaalIngediendBedrag = Σ debet − Σ credit, D when ≥ 0, amounts in eurocents.
 *
 * CLI: `tsx bench/generate-declaration.ts --mb 25 > declaratie.xml` (also --clients,
 * --prestaties, --seed, --month). A summary goes to stderr.
 */

export interface DeclarationOptions {
  readonly clients: number;
  readonly prestatiesPerClient: number;
  /** Same seed, same options → the same bytes. */
  readonly seed: number;
  /** The DeclaratiePeriode as YYYY-MM. @defaultValue '2026-03' */
  readonly month?: string;
  /** Share of Prestaties that are credits. @defaultValue 0.03 */
  readonly creditShare?: number;
}

interface Product {
  readonly categorie: string;
  readonly code: string;
  /** LDT_Eenheid: 04 uur, 82 stuks (output), 83 euro's. */
  readonly eenheid: '04' | '82' | '83';
  /** Eurocents per unit; absent for Eenheid 83 (CD087). */
  readonly tarief?: number;
  readonly volume: readonly [min: number, max: number];
  /** month: the whole month; day: one delivery day; tail: from a day in the month to its end. */
  readonly period: 'month' | 'day' | 'tail';
  /** Relative frequency. */
  readonly weight: number;
}

/**
 * Wmo aids from the Gooi en Vechtstreek contract (categories 11–13, all-in prices, maintenance
 * per month, driving lessons at €80, BCP-minus-discount in euro's), plus category 14 and some
 * hourly support. Prices are invented but obey the contract's rules.
 */
const PRODUCTS: readonly Product[] = [
  {
    categorie: '11',
    code: '11A01',
    eenheid: '82',
    tarief: 1625,
    volume: [1, 1],
    period: 'month',
    weight: 8,
  },
  {
    categorie: '11',
    code: '11A05',
    eenheid: '82',
    tarief: 2870,
    volume: [1, 1],
    period: 'month',
    weight: 5,
  },
  {
    categorie: '11',
    code: '11A07',
    eenheid: '82',
    tarief: 385000,
    volume: [1, 1],
    period: 'day',
    weight: 1,
  },
  {
    categorie: '11',
    code: '11A13',
    eenheid: '83',
    volume: [25000, 180000],
    period: 'day',
    weight: 1,
  },
  {
    categorie: '12',
    code: '12A02',
    eenheid: '82',
    tarief: 2150,
    volume: [1, 1],
    period: 'month',
    weight: 6,
  },
  {
    categorie: '12',
    code: '12A05',
    eenheid: '82',
    tarief: 3410,
    volume: [1, 1],
    period: 'tail',
    weight: 2,
  },
  {
    categorie: '12',
    code: '12A12',
    eenheid: '82',
    tarief: 8000,
    volume: [1, 3],
    period: 'day',
    weight: 1,
  },
  {
    categorie: '13',
    code: '13A01',
    eenheid: '82',
    tarief: 245000,
    volume: [1, 1],
    period: 'day',
    weight: 1,
  },
  {
    categorie: '13',
    code: '13A03',
    eenheid: '82',
    tarief: 1190,
    volume: [1, 1],
    period: 'month',
    weight: 4,
  },
  {
    categorie: '13',
    code: '13A06',
    eenheid: '83',
    volume: [8500, 95000],
    period: 'day',
    weight: 1,
  },
  {
    categorie: '14',
    code: '14A01',
    eenheid: '82',
    tarief: 4500,
    volume: [1, 2],
    period: 'month',
    weight: 3,
  },
  {
    categorie: '02',
    code: '02A03',
    eenheid: '04',
    tarief: 6350,
    volume: [2, 40],
    period: 'month',
    weight: 4,
  },
  {
    categorie: '01',
    code: '01A01',
    eenheid: '04',
    tarief: 3200,
    volume: [4, 20],
    period: 'tail',
    weight: 3,
  },
];

const TOTAL_WEIGHT = PRODUCTS.reduce((sum, p) => sum + p.weight, 0);
const BSN_PREFIXES = 10_000; // 9999 followed by 4 digits, then the check digit: ≈ 9,090 BSNs
const BSN_STRIDE = 7_919; // a prime that does not divide BSN_PREFIXES: visits every prefix once

/** mulberry32: a small, fast, seeded PRNG (not for cryptography). */
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

/** The 9-digit BSN for 8 leading digits, or undefined when no check digit satisfies the 11-proef. */
export function withElfproefDigit(first8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    sum += (9 - i) * Number(first8[i]);
  }
  // 9·d1 + … + 2·d8 − d9 ≡ 0 (mod 11)  ⇔  d9 = sum mod 11, which must be a single digit.
  const check = sum % 11;
  return check === 10 ? undefined : `${first8}${check}`;
}

/** Unique synthetic BSNs from the test range, in a seed-dependent order. */
function* testBsns(seed: number): Generator<string> {
  const start = Math.abs(seed * 104_729) % BSN_PREFIXES;
  for (let k = 0; k < BSN_PREFIXES; k += 1) {
    const prefix = (start + k * BSN_STRIDE) % BSN_PREFIXES;
    const bsn = withElfproefDigit(`9999${String(prefix).padStart(4, '0')}`);
    if (bsn !== undefined && bsn >= '999900006' && bsn <= '999999990') {
      yield bsn;
    }
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function monthOf(text: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match === null || month < 1 || month > 12 || year < 2021) {
    throw new Error(`month must be YYYY-MM from 2021-01 on (CS100), got ${text}`);
  }
  return { year, month };
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pickProduct(random: () => number): Product {
  let ticket = random() * TOTAL_WEIGHT;
  for (const product of PRODUCTS) {
    ticket -= product.weight;
    if (ticket < 0) {
      return product;
    }
  }
  return PRODUCTS[0] as Product;
}

/** Generates one WMO323 declaration as UTF-8 XML text (see the module comment for its rules). */
export function generateDeclaration(options: DeclarationOptions): string {
  const { clients, prestatiesPerClient, seed } = options;
  if (!Number.isInteger(clients) || clients < 1) {
    throw new Error('clients must be a positive integer');
  }
  if (!Number.isInteger(prestatiesPerClient) || prestatiesPerClient < 1) {
    throw new Error('prestatiesPerClient must be a positive integer');
  }
  const { year, month } = monthOf(options.month ?? '2026-03');
  const creditShare = options.creditShare ?? 0.03;
  const random = createRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const dagtekening = isoDate(next.year, next.month, 5);
  const ym = `${year}${pad(month, 2)}`;
  const earlierYm = `${previous.year}${pad(previous.month, 2)}`;
  const bsns = testBsns(seed);
  let debet = 0;
  let credit = 0;
  let line = 0;
  let earlierLine = int(1, 400_000);
  const body: string[] = [];
  for (let c = 0; c < clients; c += 1) {
    const bsn = bsns.next();
    if (bsn.done === true) {
      throw new Error(`at most ${c} distinct test BSNs: use fewer clients or more prestaties`);
    }
    body.push(`
      <wmo323:Client>
        <wmo323:Bsn>${bsn.value}</wmo323:Bsn>
        <wmo323:Prestaties>`);
    for (let p = 0; p < prestatiesPerClient; p += 1) {
      line += 1;
      const product = pickProduct(random);
      const isCredit = random() < creditShare;
      const volume = int(product.volume[0], product.volume[1]);
      const amount = product.tarief === undefined ? volume : volume * product.tarief;
      if (isCredit) {
        credit += amount;
      } else {
        debet += amount;
      }
      const day = int(1, lastDay);
      const [begin, end] =
        product.period === 'month'
          ? [1, lastDay]
          : product.period === 'day'
            ? [day, day]
            : [day, lastDay];
      earlierLine += int(1, 50);
      const vorig = isCredit
        ? `
                <iwmo:VorigReferentieNummer>P${earlierYm}-${pad(earlierLine, 7)}</iwmo:VorigReferentieNummer>`
        : '';
      const tarief =
        product.tarief === undefined
          ? ''
          : `
            <wmo323:ProductTarief>${product.tarief}</wmo323:ProductTarief>`;
      body.push(`
          <wmo323:Prestatie>
            <wmo323:ProductReferentie>
              <iwmo:ReferentieNummer>P${ym}-${pad(line, 7)}</iwmo:ReferentieNummer>${vorig}
            </wmo323:ProductReferentie>
            <wmo323:ToewijzingNummer>${300_000 + line}</wmo323:ToewijzingNummer>
            <wmo323:ProductCategorie>${product.categorie}</wmo323:ProductCategorie>
            <wmo323:ProductCode>${product.code}</wmo323:ProductCode>
            <wmo323:ProductPeriode>
              <iwmo:Begindatum>${isoDate(year, month, begin)}</iwmo:Begindatum>
              <iwmo:Einddatum>${isoDate(year, month, end)}</iwmo:Einddatum>
            </wmo323:ProductPeriode>
            <wmo323:GeleverdVolume>${volume}</wmo323:GeleverdVolume>
            <wmo323:Eenheid>${product.eenheid}</wmo323:Eenheid>${tarief}
            <wmo323:IngediendBedrag>
              <iwmo:Bedrag>${amount}</iwmo:Bedrag>
              <iwmo:DebetCredit>${isCredit ? 'C' : 'D'}</iwmo:DebetCredit>
            </wmo323:IngediendBedrag>
          </wmo323:Prestatie>`);
    }
    body.push(`
        </wmo323:Prestaties>
      </wmo323:Client>`);
  }
  const total = debet - credit;
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Synthetic declaration generated by bench/generate-declaration.ts (seed ${seed}): no real person. -->
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema" xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">
  <wmo323:Header>
    <wmo323:BerichtCode>484</wmo323:BerichtCode>
    <wmo323:BerichtVersie>3</wmo323:BerichtVersie>
    <wmo323:BerichtSubversie>2</wmo323:BerichtSubversie>
    <wmo323:Afzender>12345678</wmo323:Afzender>
    <wmo323:Ontvanger>0402</wmo323:Ontvanger>
    <wmo323:BerichtIdentificatie>
      <iwmo:Identificatie>G${ym}${pad(Math.abs(seed) % 100_000, 5)}</iwmo:Identificatie>
      <iwmo:Dagtekening>${dagtekening}</iwmo:Dagtekening>
    </wmo323:BerichtIdentificatie>
    <wmo323:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo323:XsdVersie>
  </wmo323:Header>
  <wmo323:Declaratie>
    <wmo323:DeclaratieNummer>D${ym}${pad(Math.abs(seed) % 10_000, 4)}</wmo323:DeclaratieNummer>
    <wmo323:DeclaratiePeriode>
      <iwmo:Begindatum>${isoDate(year, month, 1)}</iwmo:Begindatum>
      <iwmo:Einddatum>${isoDate(year, month, lastDay)}</iwmo:Einddatum>
    </wmo323:DeclaratiePeriode>
    <wmo323:DeclaratieDagtekening>${dagtekening}</wmo323:DeclaratieDagtekening>
    <wmo323:TotaalIngediendBedrag>
      <iwmo:TotaalBedrag>${Math.abs(total)}</iwmo:TotaalBedrag>
      <iwmo:DebetCredit>${total >= 0 ? 'D' : 'C'}</iwmo:DebetCredit>
    </wmo323:TotaalIngediendBedrag>
    <wmo323:Clienten>`;
  const tail = `
    </wmo323:Clienten>
  </wmo323:Declaratie>
</wmo323:Bericht>
`;
  return `${head}${body.join('')}${tail}`;
}

export interface SizedDeclaration {
  readonly xml: string;
  readonly clients: number;
  readonly prestaties: number;
}

/**
 * A declaration of about `bytes` bytes (within ≈ 1 %).
 * @param options.prestatiesPerClient @defaultValue 4
 */
export function generateDeclarationOfSize(
  bytes: number,
  options: Omit<DeclarationOptions, 'clients' | 'prestatiesPerClient'> & {
    readonly prestatiesPerClient?: number;
  },
): SizedDeclaration {
  const base = { ...options, prestatiesPerClient: options.prestatiesPerClient ?? 4 };
  const one = generateDeclaration({ ...base, clients: 1 }).length;
  const probe = generateDeclaration({ ...base, clients: 201 }).length;
  const perClient = (probe - one) / 200;
  const clients = Math.max(1, Math.round((bytes - one) / perClient) + 1);
  const xml = generateDeclaration({ ...base, clients });
  return { xml, clients, prestaties: clients * base.prestatiesPerClient };
}

function runCli(): void {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string' },
      clients: { type: 'string' },
      prestaties: { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      month: { type: 'string', default: '2026-03' },
    },
  });
  const common = {
    seed: Number(values.seed),
    prestatiesPerClient: Number(values.prestaties),
    month: values.month,
  };
  const xml =
    values.mb !== undefined
      ? generateDeclarationOfSize(Number(values.mb) * 1024 * 1024, common).xml
      : generateDeclaration({ ...common, clients: Number(values.clients ?? '100') });
  process.stdout.write(xml);
  const prestaties = xml.split('<wmo323:Prestatie>').length - 1;
  console.error(`WMO323: ${Buffer.byteLength(xml)} bytes, ${prestaties} Prestaties`);
}

if (process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1])) {
  runCli();
}
