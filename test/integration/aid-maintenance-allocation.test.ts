import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  declaratie323,
  type HeaderValues,
  lastDayOf,
  type LeveringValues,
  type PrestatieValues,
  start305,
  stop307,
  type ToegewezenProductValues,
  toewijzing301,
} from '../../bench/iwmo-messages.js';
import { prestatieOutcomes } from '../../bench/region-month-outcomes.js';
import {
  deliveryPrice,
  loadGooiContract,
  maintenancePerMonth,
} from '../../bench/region-month-plan.js';
import { parseMessage } from '../../src/model/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { type Decided, submit, testBsn } from '../helpers/level3-traffic.js';

/**
 * An aid and its maintenance allocated as two toegewezen producten (docs/contracts.md,
 * "Allocating an aid and its maintenance"), through the real gateway on levels 1–4 with the
 * sample Gooi en Vechtstreek contract.
 *
 * The contract bills the maintenance of an aid from the month of delivery when it was delivered
 * on day 1–15. On ONE toewijzing that month's maintenance has the delivery's debet key
 * (ProductPeriode, ProductCategorie, ProductCode, ToewijzingNummer; the ProductPeriode is the
 * whole month by TR387/TR388): TR416 rejects the two in one message, TR389 the later one across
 * messages. So the gemeente allocates
 *   A: the aid, aspecifiek (Categorie only), declared once in the contract's delivery Eenheid 82;
 *   B: its maintenance, specifiek (Categorie + the aid's Code) with Omvang "the monthly amount /
 *      83 (euro's) / 4 (per maand)" (IV042), declared monthly in the maintenance Eenheid 83;
 * both from the same Ingangsdatum, and the supplier starts both with a WMO305 on the delivery
 * date and stops both with a WMO307 when the aid is taken back. B's Omvang makes the standard
 * keep the two apart: TR341 refuses a delivery in 82 on B, TR321 a month above the allocated
 * amount. B carries no Budget, so TR369 does not apply to it.
 */
const CONTRACTS_DIR = join(import.meta.dirname, '../../samples/contracts');
const GEMEENTE = '0402'; // Hilversum
const AGB = '12345678'; // rank 1 in the sample contract
const CODE = '11A01'; // category 1: wheelchair for incidental use, all-in with maintenance
const CATEGORIE = '11';
const NOW = new Date('2026-05-10T10:00:00Z');

const contract = loadGooiContract();
const supplier = contract.suppliersByAgb.get(AGB);
const product = contract.productsByCode.get(CODE);
if (supplier === undefined || product === undefined) {
  throw new Error(`the sample contract has no supplier ${AGB} or no product ${CODE}`);
}
const DELIVERY = deliveryPrice(contract, supplier, product, '2026-03-01');
const MAINTENANCE = maintenancePerMonth(contract, supplier, product, 2026);

let sequence = 0;
const fromGemeente = (dagtekening: string): HeaderValues => ({
  afzender: GEMEENTE,
  ontvanger: AGB,
  identificatie: `AM-G${++sequence}`,
  dagtekening,
});
const fromAanbieder = (dagtekening: string, identificatie = `AM-A${++sequence}`): HeaderValues => ({
  afzender: AGB,
  ontvanger: GEMEENTE,
  identificatie,
  dagtekening,
});

/** One client's aid: toewijzing A (the aid) and B (its maintenance). */
interface Aid {
  readonly bsn: string;
  readonly a: string;
  readonly b: string;
  readonly delivered: string;
}

const aid = (index: number, delivered: string): Aid => ({
  bsn: testBsn(700 + index),
  a: String(720_000 + 2 * index),
  b: String(720_001 + 2 * index),
  delivered,
});

/** Delivered on the 10th and taken back on 8 April: maintenance for March only. */
const TENTH = aid(1, '2026-03-10');
const TENTH_TAKEN_BACK = '2026-04-08';
/** Delivered on the 16th: maintenance starts the month after. */
const SIXTEENTH = aid(2, '2026-03-16');
/** Maintenance declared on the aid's own toewijzing A, across two messages. */
const OWN_ACROSS = aid(3, '2026-03-10');
/** A delivery and the month's maintenance on A in one message. */
const OWN_IN_ONE = aid(4, '2026-03-10');
/** The wrong unit and too much on B. */
const PROBE = aid(5, '2026-03-05');
const AIDS = [TENTH, SIXTEENTH, OWN_ACROSS, OWN_IN_ONE, PROBE];

function allocation(x: Aid): ToegewezenProductValues[] {
  const common = {
    categorie: CATEGORIE,
    toewijzingsdatum: '2026-02-20',
    toewijzingstijd: '09:00:00',
    ingangsdatum: '2026-03-01',
  };
  return [
    { nummer: x.a, ...common },
    {
      nummer: x.b,
      ...common,
      code: CODE,
      omvang: { volume: MAINTENANCE, eenheid: '83', frequentie: '4' },
    },
  ];
}

/** The StartProducten (and the keys of the StopProducten) of A and B: the product as allocated. */
function leveringen(x: Aid): LeveringValues[] {
  const common = {
    categorie: CATEGORIE,
    toewijzingIngangsdatum: '2026-03-01',
    begindatum: x.delivered,
  };
  return [
    { nummer: x.a, ...common },
    { nummer: x.b, ...common, code: CODE },
  ];
}

function whole(month: string): { begindatum: string; einddatum: string } {
  return { begindatum: `${month}-01`, einddatum: lastDayOf(month) };
}

const delivery = (referentie: string, nummer: string): PrestatieValues => ({
  referentie,
  nummer,
  categorie: CATEGORIE,
  code: CODE,
  ...whole('2026-03'),
  volume: 1,
  eenheid: '82',
  tarief: DELIVERY,
  debetCredit: 'D',
});

const maintenance = (
  referentie: string,
  nummer: string,
  month: string,
  amount = MAINTENANCE,
): PrestatieValues => ({
  referentie,
  nummer,
  categorie: CATEGORIE,
  code: CODE,
  ...whole(month),
  volume: amount,
  eenheid: '83',
  debetCredit: 'D',
});

const MARCH = declaratie323(fromAanbieder('2026-03-31'), {
  nummer: 'AM202603',
  maand: '2026-03',
  clienten: [
    {
      bsn: TENTH.bsn,
      prestaties: [delivery('AM-1', TENTH.a), maintenance('AM-2', TENTH.b, '2026-03')],
    },
    {
      bsn: SIXTEENTH.bsn,
      prestaties: [delivery('AM-3', SIXTEENTH.a), maintenance('AM-4', SIXTEENTH.b, '2026-03')],
    },
    { bsn: OWN_ACROSS.bsn, prestaties: [delivery('AM-5', OWN_ACROSS.a)] },
    // B is allocated in euro's: a delivery in stuks on it does not fit its Eenheid (TR341).
    { bsn: PROBE.bsn, prestaties: [delivery('AM-6', PROBE.a), delivery('AM-7', PROBE.b)] },
  ],
});

/** Delivery and maintenance of one month on the same toewijzing A, in one message. */
const COLLISION = declaratie323(fromAanbieder('2026-03-31'), {
  nummer: 'AM202603X',
  maand: '2026-03',
  clienten: [
    {
      bsn: OWN_IN_ONE.bsn,
      prestaties: [delivery('AM-8', OWN_IN_ONE.a), maintenance('AM-9', OWN_IN_ONE.a, '2026-03')],
    },
  ],
});

const APRIL = declaratie323(fromAanbieder('2026-04-30'), {
  nummer: 'AM202604',
  maand: '2026-04',
  clienten: [
    { bsn: TENTH.bsn, prestaties: [maintenance('AM-10', TENTH.b, '2026-04')] },
    { bsn: SIXTEENTH.bsn, prestaties: [maintenance('AM-11', SIXTEENTH.b, '2026-04')] },
    // March's maintenance on A, where March's delivery is an open debet with the same key.
    { bsn: OWN_ACROSS.bsn, prestaties: [maintenance('AM-12', OWN_ACROSS.a, '2026-03')] },
    // More than B's monthly Omvang (TR321), and not the contract's amount either (GW-C08).
    {
      bsn: PROBE.bsn,
      prestaties: [maintenance('AM-13', PROBE.b, '2026-04', MAINTENANCE + 100)],
    },
  ],
});

/** The rules that refused each Prestatie of a decided WMO323, by ReferentieNummer. */
function outcomes(xml: string, decided: Decided | undefined): Record<string, readonly string[]> {
  const parsed = parseMessage('WMO323', xml);
  if (parsed.type !== 'WMO323' || decided === undefined) {
    throw new Error('expected a decided WMO323');
  }
  return Object.fromEntries(
    prestatieOutcomes(parsed, decided.record.violations ?? []).map((o) => [o.referentie, o.rules]),
  );
}

describe('an aid and its maintenance on two toewijzingen (Gooi en Vechtstreek, levels 1–4)', () => {
  let gateway: GatewayHarness;
  const decided = new Map<string, Decided>();

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      level3: true,
      contractsDir: CONTRACTS_DIR,
      clock: () => NOW,
    });
    await gateway.startWorker();
    for (const x of AIDS) {
      const allocated = await submit(
        gateway,
        toewijzing301(fromGemeente('2026-02-20'), x.bsn, allocation(x)),
      );
      decided.set(`301 ${x.a}`, allocated);
      const started = await submit(
        gateway,
        start305(fromAanbieder(x.delivered), x.bsn, leveringen(x)),
      );
      decided.set(`305 ${x.a}`, started);
    }
    decided.set('march', await submit(gateway, MARCH));
    decided.set('collision', await submit(gateway, COLLISION));
    decided.set(
      'stop',
      await submit(
        gateway,
        stop307(
          fromAanbieder('2026-04-09'),
          TENTH.bsn,
          leveringen(TENTH).map((l) => ({
            ...l,
            redenBeeindiging: '36',
            einddatum: TENTH_TAKEN_BACK,
          })),
        ),
      ),
    );
    decided.set('april', await submit(gateway, APRIL));
  }, 60_000);
  afterAll(async () => {
    await gateway.close();
  });

  it('accepts A and B in one WMO301, the starts of both on the delivery date and the stops', () => {
    for (const [name, { record }] of decided) {
      if (name.startsWith('30') || name === 'stop') {
        expect(record.violations ?? [], name).toEqual([]);
        expect(record.status, name).toBe('accepted');
        expect(record.controlLevel, name).toBe(4);
      }
    }
  });

  it("grants the delivery on A and that month's maintenance on B for an aid delivered on the 10th", () => {
    expect(decided.get('march')?.record.status).toBe('accepted');
    const rules = outcomes(MARCH, decided.get('march'));
    expect(rules['AM-1']).toEqual([]);
    expect(rules['AM-2']).toEqual([]);
  });

  it("refuses the delivery month's maintenance of an aid delivered on the 16th by GW-C07, and grants the next month", () => {
    const march = outcomes(MARCH, decided.get('march'));
    expect(march['AM-3']).toEqual([]);
    expect(march['AM-4']).toEqual(['GW-C07']);
    expect(outcomes(APRIL, decided.get('april'))['AM-11']).toEqual([]);
  });

  it('stops the maintenance with the aid: taken back on the 8th, that month is not billed (GW-C07)', () => {
    expect(outcomes(APRIL, decided.get('april'))['AM-10']).toEqual(['GW-C07']);
  });

  it("still collides on the aid's own toewijzing: TR416 in one message, TR389 across messages", () => {
    const collision = decided.get('collision');
    expect(collision?.record.status).toBe('rejected');
    expect(collision?.record.retourCodes).toEqual(['0001']);
    expect(collision?.record.violations?.map((v) => v.ruleId)).toEqual(['TR416']);
    expect(outcomes(MARCH, decided.get('march'))['AM-5']).toEqual([]);
    expect(outcomes(APRIL, decided.get('april'))['AM-12']).toEqual(['TR389']);
  });

  it('keeps B for maintenance: a delivery in stuks does not fit it (TR341), nor more than its monthly Omvang (TR321)', () => {
    const march = outcomes(MARCH, decided.get('march'));
    expect(march['AM-6']).toEqual([]);
    expect(march['AM-7']).toEqual(['TR341']);
    expect(outcomes(APRIL, decided.get('april'))['AM-13']).toEqual(['GW-C08', 'TR321']);
  });

  it('grants exactly the correct amounts in the WMO325s', async () => {
    const toegekend = async (name: string): Promise<number | undefined> => {
      const record = decided.get(name)?.record;
      const antwoord = parseMessage(
        'WMO325',
        (await gateway.store.getRetour(record?.id ?? '')) ?? '',
      );
      return antwoord.type === 'WMO325'
        ? antwoord.DeclaratieAntwoord?.TotaalToegekendBedrag.TotaalBedrag
        : undefined;
    };
    // March: four deliveries on A and one month of maintenance on B; April: one month.
    expect(await toegekend('march')).toBe(4 * DELIVERY + MAINTENANCE);
    expect(await toegekend('april')).toBe(MAINTENANCE);
  });
});
