import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  antwoord319,
  declaratie323,
  lastDayOf,
  type OmvangValues,
  type PrestatieValues,
  start305,
  stop307,
  toewijzing301,
  verzoek315,
  verzoek317,
} from '../../bench/iwmo-messages.js';
import { BUNDLED_SCHEMA_DIR } from '../../src/config/index.js';
import type { ParsedMessage } from '../../src/model/index.js';
import { createXsdValidator } from '../../src/validation/xsd/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import {
  type Decided,
  fromAanbieder,
  fromGemeente,
  GEMEENTE,
  submit,
  testBsn,
} from '../helpers/level3-traffic.js';

const BEGELEIDING = { categorie: '02', code: '02A03' } as const;
const PER_WEEK_4_UUR: OmvangValues = { volume: 4, eenheid: '04', frequentie: '2' };
const TARIEF = 6350;

function prestatie(
  referentie: string,
  nummer: string,
  maand: string,
  volume: number,
  extra: Partial<PrestatieValues> = {},
): PrestatieValues {
  return {
    referentie,
    nummer,
    ...BEGELEIDING,
    begindatum: `${maand}-01`,
    einddatum: lastDayOf(maand),
    volume,
    eenheid: '04',
    tarief: TARIEF,
    debetCredit: 'D',
    ...extra,
  };
}

/** The retour as the tests read it: narrowed to its type. */
function as<T extends ParsedMessage['type']>(decided: Decided, type: T): ParsedMessage<T> {
  expect(decided.retour.type).toBe(type);
  return decided.retour as ParsedMessage<T>;
}

function headerOnly(decided: Decided): void {
  const retour = decided.retour;
  expect(decided.record.status, decided.record.violations?.map((v) => v.ruleId).join()).toBe(
    'accepted',
  );
  expect(decided.record.controlLevel).toBe(3);
  expect('Client' in retour || 'Antwoord' in retour).toBe(false);
  expect('RetourCodes' in retour.header).toBe(false);
}

function toegekend(decided: Decided): number {
  const antwoord = as(decided, 'WMO325').DeclaratieAntwoord;
  const total = antwoord?.TotaalToegekendBedrag;
  return total === undefined
    ? NaN
    : total.DebetCredit === 'C'
      ? -total.TotaalBedrag
      : total.TotaalBedrag;
}

describe('level 3 on the register (scenarios through the real pipeline)', () => {
  let gateway: GatewayHarness;
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');

  beforeAll(async () => {
    gateway = await GatewayHarness.create({ level3: true, concurrency: 4 });
    await gateway.startWorker();
  });
  afterAll(async () => {
    await gateway.close();
    xsd.close();
  });

  async function send(xml: string): Promise<Decided> {
    const decided = await submit(gateway, xml);
    expect(xsd.validate(decided.record.retourType!, Buffer.from(decided.retourXml))).toEqual({
      valid: true,
    });
    return decided;
  }

  describe('allocation → start → monthly declarations → credit and re-declaration → stop', () => {
    const aanbieder = '11111111';
    const bsn = testBsn(1);
    const n = '260101';

    it('accepts every step and keeps the register totals', async () => {
      headerOnly(
        await send(
          toewijzing301(fromGemeente('2025-12-20', aanbieder), bsn, [
            {
              nummer: n,
              ...BEGELEIDING,
              toewijzingsdatum: '2025-12-20',
              toewijzingstijd: '09:00:00',
              ingangsdatum: '2026-01-01',
              einddatum: '2026-12-31',
              omvang: PER_WEEK_4_UUR,
            },
          ]),
        ),
      );
      headerOnly(
        await send(
          start305(fromAanbieder('2026-01-06', aanbieder), bsn, [
            {
              nummer: n,
              ...BEGELEIDING,
              toewijzingIngangsdatum: '2026-01-01',
              begindatum: '2026-01-05',
            },
          ]),
        ),
      );
      const declareer = (
        nummer: string,
        maand: string,
        dagtekening: string,
        prestaties: PrestatieValues[],
      ) =>
        send(
          declaratie323(fromAanbieder(dagtekening, aanbieder), {
            nummer,
            maand,
            clienten: [{ bsn, prestaties }],
          }),
        );
      const januari = await declareer('D202601', '2026-01', '2026-02-03', [
        prestatie('P-2601-1', n, '2026-01', 16),
      ]);
      const februari = await declareer('D202602', '2026-02', '2026-03-03', [
        prestatie('P-2602-1', n, '2026-02', 14),
      ]);
      // March: credit February, declare February again (corrected) and March (OP366, IV086).
      const maart = await declareer('D202603', '2026-03', '2026-04-02', [
        prestatie('P-2603-1', n, '2026-02', 14, { debetCredit: 'C', vorigReferentie: 'P-2602-1' }),
        prestatie('P-2603-2', n, '2026-02', 12),
        prestatie('P-2603-3', n, '2026-03', 15),
      ]);
      for (const [decided, amount] of [
        [januari, 16 * TARIEF],
        [februari, 14 * TARIEF],
        [maart, 13 * TARIEF],
      ] as const) {
        expect(decided.record.status).toBe('accepted');
        const antwoord = as(decided, 'WMO325');
        expect(antwoord.header.RetourCodes).toEqual(['0200']);
        expect(antwoord.DeclaratieAntwoord?.RetourCodes).toEqual(['8001']);
        expect(antwoord.DeclaratieAntwoord?.Clienten).toBeUndefined();
        expect(toegekend(decided)).toBe(amount);
      }
      headerOnly(
        await send(
          stop307(fromAanbieder('2026-04-03', aanbieder), bsn, [
            {
              nummer: n,
              ...BEGELEIDING,
              toewijzingIngangsdatum: '2026-01-01',
              begindatum: '2026-01-05',
              redenBeeindiging: '19',
              einddatum: '2026-03-31',
            },
          ]),
        ),
      );
      const allocation = await gateway.register.readAllocation(GEMEENTE, n);
      expect(allocation).toMatchObject({
        gemeente: GEMEENTE,
        toewijzingNummer: n,
        aanbieder,
        history: [expect.objectContaining({ actual: true, einddatum: '2026-12-31' })],
        declared: { volume: (16 + 14 - 14 + 12 + 15) * 60, bedrag: 43 * TARIEF, openDebets: 3 },
        leveringen: [
          expect.objectContaining({
            begindatum: '2026-01-05',
            deleted: false,
            stops: [expect.objectContaining({ redenBeeindiging: '19', einddatum: '2026-03-31' })],
          }),
        ],
      });
      expect(
        allocation?.declared.prestaties.map((p) => [p.referentieNummer, p.debetCredit]),
      ).toEqual([
        ['P-2601-1', 'D'],
        ['P-2602-1', 'D'],
        ['P-2603-1', 'C'],
        ['P-2603-2', 'D'],
        ['P-2603-3', 'D'],
      ]);
      expect(JSON.stringify(allocation)).not.toContain(bsn);
    });

    it('shows the allocation over HTTP, scoped per gemeente', async () => {
      const found = await gateway.call('GET', `/v1/allocations/${n}?gemeente=${GEMEENTE}`);
      expect(found.status).toBe(200);
      const body = JSON.parse(found.text) as Record<string, unknown>;
      expect(body).toMatchObject({
        gemeente: GEMEENTE,
        toewijzingNummer: n,
        aanbieder,
        actual: { ingangsdatum: '2026-01-01', product: { categorie: '02', code: '02A03' } },
        declared: { openDebets: 3, bedrag: 43 * TARIEF },
      });
      expect(found.text).not.toContain('clientId');
      expect(found.text).not.toContain(bsn);
      expect((await gateway.call('GET', `/v1/allocations/${n}?gemeente=0999`)).status).toBe(404);
      expect((await gateway.call('GET', `/v1/allocations/${n}`)).status).toBe(400);
    });

    it('refuses the same Identificatie again from the same sender (TR056, header-only 9056)', async () => {
      const header = fromAanbieder('2026-04-03', aanbieder, 'DUPLICATE-1');
      const xml = start305(header, bsn, [
        {
          nummer: n,
          ...BEGELEIDING,
          toewijzingIngangsdatum: '2026-01-01',
          begindatum: '2026-04-01',
        },
      ]);
      headerOnly(await send(xml));
      const again = await send(xml);
      expect(again.record.status).toBe('rejected');
      const retour = as(again, 'WMO306');
      expect(retour.header.RetourCodes).toEqual(['9056']);
      expect(retour.Client).toBeUndefined();
    });

    it('refuses a DeclaratieNummer used before as a whole (TR333: 9333, nothing granted)', async () => {
      const decided = await send(
        declaratie323(fromAanbieder('2026-05-04', aanbieder), {
          nummer: 'D202603',
          maand: '2026-04',
          clienten: [{ bsn, prestaties: [prestatie('P-2604-1', n, '2026-04', 4)] }],
        }),
      );
      expect(decided.record.status).toBe('rejected');
      const antwoord = as(decided, 'WMO325');
      expect(antwoord.header.RetourCodes).toEqual(['0200']);
      expect(antwoord.DeclaratieAntwoord?.RetourCodes).toEqual(['9333']);
      expect(antwoord.DeclaratieAntwoord?.Clienten).toBeUndefined();
      expect(toegekend(decided)).toBe(0);
    });
  });

  describe('a change requested with a WMO317 and honoured with a WMO301', () => {
    const aanbieder = '22222222';
    const bsn = testBsn(2);

    it('keeps the verzoek pending until the 301, refuses a second verzoek and a late answer', async () => {
      headerOnly(
        await send(
          toewijzing301(fromGemeente('2025-12-20', aanbieder), bsn, [
            {
              nummer: '260201',
              ...BEGELEIDING,
              toewijzingsdatum: '2025-12-20',
              toewijzingstijd: '09:00:00',
              ingangsdatum: '2026-01-01',
              einddatum: '2026-12-31',
              omvang: { volume: 3, eenheid: '04', frequentie: '2' },
            },
          ]),
        ),
      );
      const wijziging = {
        teWijzigen: [
          {
            nummer: '260201',
            gewensteIngangsdatum: '2026-05-01',
            einddatum: '2026-12-31',
            omvang: { volume: 6, eenheid: '04', frequentie: '2' },
          },
        ],
      };
      headerOnly(
        await send(
          verzoek317(fromAanbieder('2026-04-10', aanbieder), bsn, {
            referentie: 'VOW-1',
            ...wijziging,
          }),
        ),
      );
      const tweede = await send(
        verzoek317(fromAanbieder('2026-04-11', aanbieder), bsn, {
          referentie: 'VOW-2',
          ...wijziging,
        }),
      );
      expect(tweede.record.status).toBe('rejected');
      const vow = as(tweede, 'WMO318');
      expect(vow.header.RetourCodes).toEqual(['0200']);
      expect(vow.Client?.RetourCodes).toEqual(['0200']);
      expect(vow.Client?.Verzoek.RetourCodes).toEqual(['9374']);
      expect(vow.Client?.Verzoek.TeWijzigenProducten?.map((p) => p.RetourCodes)).toEqual([
        ['0233'],
      ]);
      expect(vow.Client?.Verzoek.ReferentieAanbieder).toBe('VOW-2');

      headerOnly(
        await send(
          toewijzing301(fromGemeente('2026-04-15', aanbieder), bsn, [
            {
              nummer: '260201',
              referentieAanbieder: 'VOW-1',
              ...BEGELEIDING,
              toewijzingsdatum: '2026-04-15',
              toewijzingstijd: '10:00:00',
              ingangsdatum: '2026-01-01',
              einddatum: '2026-04-30',
              redenWijziging: '12',
              omvang: { volume: 3, eenheid: '04', frequentie: '2' },
            },
            {
              nummer: '260202',
              referentieAanbieder: 'VOW-1',
              ...BEGELEIDING,
              toewijzingsdatum: '2026-04-15',
              toewijzingstijd: '10:00:00',
              ingangsdatum: '2026-05-01',
              einddatum: '2026-12-31',
              omvang: { volume: 6, eenheid: '04', frequentie: '2' },
            },
          ]),
        ),
      );
      const laat = await send(antwoord319(fromGemeente('2026-04-16', aanbieder), 'VOW-1', '1'));
      expect(laat.record.status).toBe('rejected');
      const antwoord = as(laat, 'WMO320');
      expect(antwoord.header.RetourCodes).toEqual(['0200']);
      expect(antwoord.Antwoord?.RetourCodes).toEqual(['9359']);

      const changed = await gateway.register.readAllocation(GEMEENTE, '260201');
      expect(changed?.actual).toMatchObject({ einddatum: '2026-04-30', redenWijziging: '12' });
      expect(changed?.history.map((v) => [v.einddatum, v.actual])).toEqual([
        ['2026-12-31', false],
        ['2026-04-30', true],
      ]);
      // The verzoek is no longer pending: a new one is accepted.
      headerOnly(
        await send(
          verzoek317(fromAanbieder('2026-04-20', aanbieder), bsn, {
            referentie: 'VOW-3',
            ongewijzigd: ['260201', '260202'],
            nieuw: [
              {
                categorie: '03',
                code: '03A01',
                gewensteIngangsdatum: '2026-06-01',
                einddatum: '2026-12-31',
                omvang: { volume: 2, eenheid: '04', frequentie: '2' },
              },
            ],
          }),
        ),
      );
    });
  });

  describe('when verzoeken for one client arrive at the same time', () => {
    it('accepts exactly one: the others see it pending (TR374), however the workers interleave', async () => {
      const bsn = testBsn(5);
      const xmls = ['VOT-A', 'VOT-B', 'VOT-C', 'VOT-D'].map((referentie) =>
        verzoek315(fromAanbieder('2026-03-02', '55555555'), bsn, [
          {
            referentie,
            ...BEGELEIDING,
            ingangsdatum: '2026-04-01',
            einddatum: '2026-12-31',
            omvang: PER_WEEK_4_UUR,
          },
        ]),
      );
      const posted = await Promise.all(xmls.map((xml) => gateway.post(xml)));
      const records = await Promise.all(
        posted.map((p) => gateway.waitForDecision(p.body['id'] as string)),
      );
      expect(records.map((r) => r.status).sort()).toEqual([
        'accepted',
        'rejected',
        'rejected',
        'rejected',
      ]);
      for (const record of records.filter((r) => r.status === 'rejected')) {
        expect(record.retourCodes).toEqual(['0200', '9374']);
      }
    });
  });

  describe('when the register changed between reading and deciding', () => {
    it('writes nothing and reports a conflict; with the current value it decides', async () => {
      const id = 'guard-test';
      await gateway.store.create({
        id,
        messageType: 'WMO301',
        sender: GEMEENTE,
        receiver: '66666666',
        berichtIdentificatie: 'X',
        dagtekening: '2026-01-01',
        correlationId: id,
        body: Buffer.from('<x/>'),
        receivedAt: new Date(),
      });
      const key = `${gateway.prefix}:reg:test`;
      await gateway.intakeRedis.hset(key, 'f', 'new');
      const result = { status: 'accepted', controlLevel: 3, violations: [] } as const;
      const write = { op: 'hset', key, fields: { written: '1' } } as const;
      const stale = [{ key, field: 'f', sha1: '' }];
      expect(await gateway.store.finishGuarded(id, result, new Date(), [write], stale)).toBe(
        'conflict',
      );
      expect(await gateway.intakeRedis.hget(key, 'written')).toBeNull();
      expect((await gateway.store.get(id))?.status).toBe('received');
      const { createHash } = await import('node:crypto');
      const current = [{ key, field: 'f', sha1: createHash('sha1').update('new').digest('hex') }];
      expect(await gateway.store.finishGuarded(id, result, new Date(), [write], current)).toBe(
        'decided',
      );
      expect(await gateway.intakeRedis.hget(key, 'written')).toBe('1');
      expect(await gateway.store.finishGuarded(id, result, new Date(), [write], current)).toBe(
        'already-decided',
      );
    });
  });

  describe('a start without an allocation', () => {
    it('answers with the client copied, 9019 on the start and 9063 on the deletion', async () => {
      const decided = await send(
        start305(fromAanbieder('2026-02-05', '33333333'), testBsn(3), [
          {
            nummer: '999001',
            ...BEGELEIDING,
            toewijzingIngangsdatum: '2026-02-01',
            begindatum: '2026-02-02',
          },
          { categorie: '06', begindatum: '2026-02-03', status: '3' },
        ]),
      );
      expect(decided.record).toMatchObject({ status: 'rejected', controlLevel: 3 });
      expect(decided.record.violations?.map((v) => [v.ruleId, v.retourCode])).toEqual([
        ['TR019', '9019'],
        ['TR063', '9063'],
      ]);
      const retour = as(decided, 'WMO306');
      expect(retour.header.RetourCodes).toEqual(['0200']);
      expect(retour.Client?.RetourCodes).toEqual(['0200']);
      expect(retour.Client?.StartProducten.map((p) => [p.ToewijzingNummer, p.RetourCodes])).toEqual(
        [
          ['999001', ['9019']],
          [undefined, ['9063']],
        ],
      );
    });
  });

  describe('declarations against the register', () => {
    const aanbieder = '44444444';
    const bsn = testBsn(4);

    beforeAll(async () => {
      const base = { toewijzingsdatum: '2026-01-05', toewijzingstijd: '08:00:00' };
      headerOnly(
        await send(
          toewijzing301(fromGemeente('2026-01-05', aanbieder), bsn, [
            {
              nummer: '260401',
              ...BEGELEIDING,
              ...base,
              ingangsdatum: '2026-02-10',
              einddatum: '2026-02-20',
              omvang: { volume: 10, eenheid: '04', frequentie: '4' },
            },
            {
              nummer: '260402',
              categorie: '03',
              code: '03A01',
              ...base,
              ingangsdatum: '2026-01-01',
              einddatum: '2026-12-31',
              omvang: { volume: 20, eenheid: '04', frequentie: '4' },
            },
          ]),
        ),
      );
    });

    it('refuses Prestaties outside the allocated period (9307, 9308) and grants the rest', async () => {
      const decided = await send(
        declaratie323(fromAanbieder('2026-03-02', aanbieder), {
          nummer: 'D402',
          maand: '2026-02',
          clienten: [
            {
              bsn,
              prestaties: [
                prestatie('P-402-1', '260401', '2026-02', 5, { einddatum: '2026-02-20' }),
                prestatie('P-402-2', '260401', '2026-02', 4, { begindatum: '2026-02-10' }),
                prestatie('P-402-3', '260402', '2026-02', 8, { categorie: '03', code: '03A01' }),
              ],
            },
          ],
        }),
      );
      expect(decided.record.status).toBe('accepted');
      const antwoord = as(decided, 'WMO325');
      expect(antwoord.header.RetourCodes).toEqual(['0200']);
      expect(antwoord.DeclaratieAntwoord?.RetourCodes).toEqual(['0200']);
      expect(toegekend(decided)).toBe(8 * TARIEF);
      expect(
        antwoord.DeclaratieAntwoord?.Clienten?.map((c) => [
          c.Bsn,
          c.RetourCodes,
          c.Prestaties.map((p) => [p.ProductReferentie.ReferentieNummer, p.RetourCodes]),
        ]),
      ).toEqual([
        [
          bsn,
          ['0200'],
          [
            ['P-402-1', ['9307']],
            ['P-402-2', ['9308']],
          ],
        ],
      ]);
    });

    it('refuses a ReferentieNummer that was granted before (TR314: 8021)', async () => {
      const decided = await send(
        declaratie323(fromAanbieder('2026-04-02', aanbieder), {
          nummer: 'D403',
          maand: '2026-03',
          clienten: [
            {
              bsn,
              prestaties: [
                prestatie('P-402-3', '260402', '2026-03', 8, { categorie: '03', code: '03A01' }),
              ],
            },
          ],
        }),
      );
      expect(decided.record.status).toBe('accepted');
      const antwoord = as(decided, 'WMO325');
      expect(antwoord.DeclaratieAntwoord?.RetourCodes).toEqual(['0200']);
      expect(toegekend(decided)).toBe(0);
      expect(
        antwoord.DeclaratieAntwoord?.Clienten?.flatMap((c) =>
          c.Prestaties.map((p) => [p.ProductReferentie.ReferentieNummer, p.RetourCodes]),
        ),
      ).toEqual([['P-402-3', ['8021']]]);
    });

    it('refuses a credit without an approved debet (TR323: 8017)', async () => {
      const decided = await send(
        declaratie323(fromAanbieder('2026-05-04', aanbieder), {
          nummer: 'D404',
          maand: '2026-04',
          clienten: [
            {
              bsn,
              prestaties: [
                prestatie('P-404-1', '260402', '2026-02', 8, {
                  categorie: '03',
                  code: '03A01',
                  debetCredit: 'C',
                  vorigReferentie: 'P-NOT-GRANTED',
                }),
              ],
            },
          ],
        }),
      );
      const antwoord = as(decided, 'WMO325');
      expect(antwoord.header.RetourCodes).toEqual(['0200']);
      expect(antwoord.DeclaratieAntwoord?.RetourCodes).toEqual(['0200']);
      expect(
        antwoord.DeclaratieAntwoord?.Clienten?.flatMap((c) =>
          c.Prestaties.map((p) => [
            p.ProductReferentie.VorigReferentieNummer,
            p.IngediendBedrag.DebetCredit,
            p.RetourCodes,
          ]),
        ),
      ).toEqual([['P-NOT-GRANTED', 'C', ['8017']]]);
      expect(toegekend(decided)).toBe(0);
      const allocation = await gateway.register.readAllocation(GEMEENTE, '260402');
      expect(allocation?.declared).toMatchObject({ bedrag: 8 * TARIEF, openDebets: 1 });
    });
  });
});
