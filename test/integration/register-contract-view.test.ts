import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  declaratie323,
  lastDayOf,
  type PrestatieValues,
  start305,
  stop307,
  toewijzing301,
} from '../../bench/iwmo-messages.js';
import {
  leveringGroupKey,
  type OpenDebetRecord,
  type RegisterView,
} from '../../src/domain/register/index.js';
import { parseMessage } from '../../src/model/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import {
  type Decided,
  fromAanbieder,
  fromGemeente,
  GEMEENTE,
  submit,
  testBsn,
} from '../helpers/level3-traffic.js';

/**
 * What the contract rules on WMO323 (issue #5) read from the register: the starts and stops
 * behind each Prestatie and the open debets per toewijzing, kept by real decisions.
 */
const AANBIEDER = '33333333';
const BEGELEIDING = { categorie: '02', code: '02A03' } as const;
const TARIEF = 6350;
const N = '260301';

function prestatie(
  referentie: string,
  maand: string,
  volume: number,
  extra: Partial<PrestatieValues> = {},
): PrestatieValues {
  return {
    referentie,
    nummer: N,
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

describe('the register view for the contract rules on WMO323 (issue #5)', () => {
  let gateway: GatewayHarness;
  const bsn = testBsn(31);

  beforeAll(async () => {
    gateway = await GatewayHarness.create({ level3: true });
    await gateway.startWorker();
  });
  afterAll(async () => {
    await gateway.close();
  });

  function declaratie(nummer: string, maand: string, prestaties: PrestatieValues[]): string {
    const [y, m] = maand.split('-').map(Number) as [number, number];
    const dagtekening = new Date(Date.UTC(y, m, 3)).toISOString().slice(0, 10);
    return declaratie323(fromAanbieder(dagtekening, AANBIEDER), {
      nummer,
      maand,
      clienten: [{ bsn, prestaties }],
    });
  }

  async function declare(
    nummer: string,
    maand: string,
    prestaties: PrestatieValues[],
  ): Promise<Decided> {
    const decided = await submit(gateway, declaratie(nummer, maand, prestaties));
    expect(decided.retour.type).toBe('WMO325');
    return decided;
  }

  /** The view the rules of a next WMO323 on the same toewijzing would get. */
  async function nextView(): Promise<RegisterView> {
    const next = parseMessage(
      'WMO323',
      declaratie('DNEXT', '2026-06', [prestatie('P-NEXT', '2026-06', 1)]),
    );
    return (await gateway.register.load(next)).view;
  }

  const referenties = (debets: readonly OpenDebetRecord[] | undefined): string[] =>
    (debets ?? []).map((d) => d.referentieNummer);

  async function accepted(xml: string): Promise<void> {
    const decided = await submit(gateway, xml);
    expect(decided.record.status, decided.record.violations?.map((v) => v.ruleId).join()).toBe(
      'accepted',
    );
  }

  it('shows the start and stop and the granted debet after 301 → 305 → 307 → 323', async () => {
    await accepted(
      toewijzing301(fromGemeente('2025-12-20', AANBIEDER), bsn, [
        {
          nummer: N,
          ...BEGELEIDING,
          toewijzingsdatum: '2025-12-20',
          toewijzingstijd: '09:00:00',
          ingangsdatum: '2026-01-01',
          einddatum: '2026-12-31',
          omvang: { volume: 4, eenheid: '04', frequentie: '2' },
        },
      ]),
    );
    const levering = {
      nummer: N,
      ...BEGELEIDING,
      toewijzingIngangsdatum: '2026-01-01',
      begindatum: '2026-01-05',
    };
    await accepted(start305(fromAanbieder('2026-01-06', AANBIEDER), bsn, [levering]));
    await accepted(
      stop307(fromAanbieder('2026-06-01', AANBIEDER), bsn, [
        { ...levering, redenBeeindiging: '19', einddatum: '2026-05-31' },
      ]),
    );
    const januari = await declare('D2601', '2026-01', [prestatie('P-2601', '2026-01', 16)]);
    expect(januari.record.status).toBe('accepted');

    const view = await nextView();
    const starts = view.clients.get(bsn)?.leveringen.get(leveringGroupKey(N))?.starts;
    expect(starts).toEqual([
      expect.objectContaining({
        toewijzingNummer: N,
        begindatum: '2026-01-05',
        deleted: false,
        stops: [expect.objectContaining({ redenBeeindiging: '19', einddatum: '2026-05-31' })],
      }),
    ]);
    expect(view.openDebetsByToewijzing.get(N)).toEqual([
      {
        referentieNummer: 'P-2601',
        declaratieNummer: 'D2601',
        productCategorie: '02',
        productCode: '02A03',
        eenheid: '04',
        begin: '2026-01-01',
        end: '2026-01-31',
        volume: 16,
        bedrag: 16 * TARIEF,
      },
    ]);
  });

  it('drops the debet once a credit of it is granted', async () => {
    const credit = await declare('D2602', '2026-02', [
      prestatie('P-2602-C', '2026-01', 16, { debetCredit: 'C', vorigReferentie: 'P-2601' }),
    ]);
    expect(credit.record.status).toBe('accepted');
    expect((await nextView()).openDebetsByToewijzing.has(N)).toBe(false);
  });

  it('adds a granted debet but not a refused one (TR389: the period is still open)', async () => {
    await declare('D2603', '2026-03', [prestatie('P-2603', '2026-01', 15)]);
    const mixed = await declare('D2604', '2026-04', [
      prestatie('P-2604-1', '2026-01', 15),
      prestatie('P-2604-2', '2026-03', 12),
    ]);
    expect(mixed.record.violations).toEqual([
      expect.objectContaining({
        ruleId: 'TR389',
        location: expect.stringContaining('/Prestaties/Prestatie[1]/') as string,
      }),
    ]);
    const open = (await nextView()).openDebetsByToewijzing.get(N);
    expect(referenties(open)).toEqual(['P-2603', 'P-2604-2']);
  });

  it('removes a credited debet from its own toewijzing, also when the credit names another', async () => {
    const other = '260302';
    await accepted(
      toewijzing301(fromGemeente('2026-05-01', AANBIEDER), bsn, [
        {
          nummer: other,
          ...BEGELEIDING,
          toewijzingsdatum: '2026-05-01',
          toewijzingstijd: '09:00:00',
          ingangsdatum: '2026-01-01',
          einddatum: '2026-12-31',
          omvang: { volume: 4, eenheid: '04', frequentie: '2' },
        },
      ]),
    );
    const xml = declaratie('D2605', '2026-05', [
      prestatie('P-2605-C', '2026-01', 15, {
        nummer: other,
        debetCredit: 'C',
        vorigReferentie: 'P-2603',
      }),
    ]);
    // The view of this credit holds the debet's list too (read in a second round trip).
    const own = (await gateway.register.load(parseMessage('WMO323', xml))).view;
    expect(referenties(own.openDebetsByToewijzing.get(N))).toEqual(['P-2603', 'P-2604-2']);
    const credit = await submit(gateway, xml);
    expect(credit.record.status, credit.record.violations?.map((v) => v.ruleId).join()).toBe(
      'accepted',
    );
    expect(referenties((await nextView()).openDebetsByToewijzing.get(N))).toEqual(['P-2604-2']);
  });

  it('keeps the lists as JSON, keyed by ToewijzingNummer, without any BSN', async () => {
    const key = gateway.register.keys.openDebetsByToewijzing(GEMEENTE, AANBIEDER);
    const stored = await gateway.intakeRedis.hgetall(key);
    expect(Object.keys(stored)).toEqual([N]);
    const debets = JSON.parse(stored[N] ?? '[]') as OpenDebetRecord[];
    expect(referenties(debets)).toEqual(['P-2604-2']);
    const clientKeys = await gateway.intakeRedis.keys(
      `${gateway.prefix}:reg:cl:${GEMEENTE}:${AANBIEDER}:*`,
    );
    expect(clientKeys).toHaveLength(1);
    const client = await gateway.intakeRedis.hgetall(clientKeys[0] ?? '');
    const levering = client[`l:${leveringGroupKey(N).replace('\u0001', '|')}`];
    expect(() => JSON.parse(levering ?? '') as unknown).not.toThrow();
    for (const raw of [key, ...clientKeys, ...Object.values(stored), ...Object.values(client)]) {
      expect(raw).not.toContain(bsn);
    }
  });
});
