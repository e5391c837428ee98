import { join } from 'node:path';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  declaratie323,
  lastDayOf,
  type PrestatieValues,
  start305,
  toewijzing301,
} from '../../bench/iwmo-messages.js';
import { BUNDLED_SCHEMA_DIR } from '../../src/config/index.js';
import { DRY_RUN_RETOUR_ID } from '../../src/intake/index.js';
import { parseMessage } from '../../src/model/index.js';
import type { DecisionRecord } from '../../src/validation/decision-record.js';
import { createXsdValidator } from '../../src/validation/xsd/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { fromAanbieder, fromGemeente, submit, testBsn } from '../helpers/level3-traffic.js';

/**
 * Issue #5 through the real gateway (levels 1–4, the sample contract for Amsterdam 0363): the
 * decision record a worker stores for a WMO323, and the dry run that judges a declaration the
 * same way without storing or changing anything.
 */
const CONTRACTS_DIR = join(import.meta.dirname, '../../samples/contracts');
const AANBIEDER = '12345678';
const BEGELEIDING = { categorie: '02', code: '02A03' } as const;
const HUISHOUDEN = { categorie: '01', code: '01A01' } as const;
/** The sample contract's 2026 tariffs per hour (not indexed yet). */
const TARIEF = 3900;
const TARIEF_HUISHOUDEN = 3200;
const NOW = new Date('2026-06-15T10:00:00Z');
const [granted, refused] = ['280001', '280002'];
const productOf = (nummer: string) => (nummer === refused ? HUISHOUDEN : BEGELEIDING);

function prestatie(
  referentie: string,
  nummer: string,
  maand: string,
  tarief = TARIEF,
): PrestatieValues {
  const product = productOf(nummer);
  return {
    referentie,
    nummer,
    ...product,
    begindatum: `${maand}-01`,
    einddatum: lastDayOf(maand),
    volume: 10,
    eenheid: '04',
    tarief,
    debetCredit: 'D',
  };
}

describe('the decision record and the dry run of a declaration', () => {
  let gateway: GatewayHarness;
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
  const bsn = testBsn(501);

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      level3: true,
      contractsDir: CONTRACTS_DIR,
      dryRun: true,
      clock: () => NOW,
    });
    await gateway.startWorker();
    const allocated = await submit(
      gateway,
      toewijzing301(
        fromGemeente('2025-12-20', AANBIEDER),
        bsn,
        [granted, refused].map((nummer) => ({
          nummer,
          ...productOf(nummer),
          toewijzingsdatum: '2025-12-20',
          toewijzingstijd: '09:00:00',
          ingangsdatum: '2026-01-01',
          einddatum: '2026-12-31',
          omvang: { volume: 4, eenheid: '04', frequentie: '2' },
        })),
      ),
    );
    expect(allocated.record.status, JSON.stringify(allocated.record.violations)).toBe('accepted');
    const started = await submit(
      gateway,
      start305(
        fromAanbieder('2026-01-06', AANBIEDER),
        bsn,
        [granted, refused].map((nummer) => ({
          nummer,
          ...productOf(nummer),
          toewijzingIngangsdatum: '2026-01-01',
          begindatum: '2026-01-05',
        })),
      ),
    );
    expect(started.record.status).toBe('accepted');
  });
  afterAll(async () => {
    await gateway.close();
    xsd.close();
  });

  async function messageJson(id: string) {
    const response = await gateway.call('GET', `/v1/messages/${id}`);
    expect(response.status).toBe(200);
    return JSON.parse(response.text) as { status: string; decisionRecord: DecisionRecord | null };
  }

  it('records per Prestatie the toewijzing, the start, the contract version and the price', async () => {
    const decided = await submit(
      gateway,
      declaratie323(fromAanbieder('2026-03-03', AANBIEDER), {
        nummer: 'DR202602',
        maand: '2026-02',
        clienten: [
          {
            bsn,
            prestaties: [
              prestatie('DR-2602-1', granted, '2026-02'),
              prestatie('DR-2602-2', refused, '2026-02', 4100),
            ],
          },
        ],
      }),
    );
    expect(decided.record.status).toBe('accepted');
    expect(decided.record.retourCodes).toEqual(['0200', '0611']);
    const view = await messageJson(decided.id);
    const record = view.decisionRecord;
    expect(record?.judgedOn).toBe('2026-06-15');
    expect(record?.contractVersions.map((v) => v.id)).toEqual(['voorbeeld-amsterdam-diemen-wmo']);
    const common = (price: number) => ({
      allocation: expect.objectContaining({ ingangsdatum: '2026-01-01', einddatum: '2026-12-31' }),
      start: expect.objectContaining({ begindatum: '2026-01-05' }),
      contract: expect.objectContaining({
        version: record?.contractVersions[0],
        kind: 'unit',
        basePrice: price,
        indexedPrice: price,
        priceYear: 2026,
      }),
    });
    expect(record?.prestaties).toEqual([
      expect.objectContaining({
        referentieNummer: 'DR-2602-1',
        toewijzingNummer: granted,
        outcome: 'granted',
        ruleIds: [],
        ...common(TARIEF),
      }),
      expect.objectContaining({
        referentieNummer: 'DR-2602-2',
        toewijzingNummer: refused,
        outcome: 'refused',
        ruleIds: ['TR418'],
        retourCodes: ['0611'],
        ...common(TARIEF_HUISHOUDEN),
      }),
    ]);
    expect(record?.prestaties[0]?.allocation?.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(record)).not.toContain(bsn);

    // The console's message detail page shows the same record as a table, without the BSN.
    const login = await gateway.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'apiKey=development',
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const page = await gateway.app.inject({
      method: 'GET',
      url: `/console/messages/${decided.id}`,
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="decision-heading">Decision record</h2>');
    expect(page.body).toContain('DR-2602-2');
    expect(page.body).toContain('TR418 (0611)');
    expect(page.body).toContain('voorbeeld-amsterdam-diemen-wmo@2026.1');
    expect(page.body).not.toContain(bsn);
  });

  describe('when a declaration is checked before it is sent (dry run)', () => {
    const march = declaratie323(fromAanbieder('2026-04-02', AANBIEDER, 'DRYRUN-0001'), {
      nummer: 'DR202603',
      maand: '2026-03',
      clienten: [
        {
          bsn,
          prestaties: [
            prestatie('DR-2603-1', granted, '2026-03'),
            prestatie('DR-2603-2', refused, '2026-03', 4100),
          ],
        },
      ],
    });

    async function dryRun(xml: string) {
      const response = await gateway.app.inject({
        method: 'POST',
        url: '/v1/declarations/check',
        headers: { 'content-type': 'application/xml' },
        payload: xml,
      });
      return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
    }

    /** Every key of this gateway except BullMQ's, with its serialised value. */
    async function snapshotKeys(): Promise<Map<string, string>> {
      const redis = new Redis(gateway.redisUrl);
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(
          cursor,
          'MATCH',
          `${gateway.prefix}:*`,
          'COUNT',
          1000,
        );
        cursor = next;
        keys.push(...batch.filter((key) => !key.includes(':bull:')));
      } while (cursor !== '0');
      const values = new Map<string, string>();
      for (const key of keys.sort()) {
        const dumped = await redis.dumpBuffer(key);
        values.set(key, dumped?.toString('base64') ?? '');
      }
      await redis.quit();
      return values;
    }

    it('answers the findings, the WMO325 and the record, and stores and changes nothing', async () => {
      // Deliveries of earlier retours settle first; then nothing else writes.
      await new Promise((r) => setTimeout(r, 500));
      const before = await snapshotKeys();
      const checked = await dryRun(march);
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({
        outcome: 'accepted',
        controlLevel: 4,
        retourCodes: ['0200', '0611'],
        granted: 1,
        refused: 1,
        toegekend: 10 * TARIEF,
        findings: [
          {
            location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductTarief',
            referentieNummer: 'DR-2603-2',
            ruleId: 'TR418',
            retourCode: '0611',
            level: 4,
            nl: expect.stringContaining('tarief'),
            en: expect.stringContaining('tariff'),
            detail: expect.any(String),
          },
        ],
      });
      const wmo325 = checked.body['wmo325'] as string;
      expect(xsd.validate('WMO325', Buffer.from(wmo325))).toEqual({ valid: true });
      expect(parseMessage('WMO325', wmo325).header.BerichtIdentificatie.Identificatie).toBe(
        DRY_RUN_RETOUR_ID,
      );
      const record = checked.body['decisionRecord'] as DecisionRecord;
      expect(record.prestaties.map((p) => [p.referentieNummer, p.outcome])).toEqual([
        ['DR-2603-1', 'granted'],
        ['DR-2603-2', 'refused'],
      ]);
      expect(await snapshotKeys()).toEqual(before);

      // Sent for real afterwards, the declaration is judged as if the dry run never happened:
      // no TR333 (DeclaratieNummer used) and no TR056 (Identificatie used), the same answer.
      const decided = await submit(gateway, march);
      expect(decided.record.status).toBe('accepted');
      expect(decided.record.violations?.map((v) => v.ruleId)).toEqual(['TR418']);
      expect(decided.record.retourId).not.toBe(DRY_RUN_RETOUR_ID);
      expect(decided.retourXml.replace(decided.record.retourId ?? '', DRY_RUN_RETOUR_ID)).toBe(
        wmo325,
      );
      expect((await messageJson(decided.id)).decisionRecord).toEqual(record);
    });

    it('refuses a schema-invalid declaration with the schema errors (422)', async () => {
      const checked = await dryRun(march.replace('<wmo323:Eenheid>04</wmo323:Eenheid>', ''));
      expect(checked.status).toBe(422);
      expect(checked.body).toMatchObject({
        code: 'GW_ERR_INTAKE_SCHEMA_INVALID',
        details: {
          transportError: {
            code: 'StUF055',
            issues: [expect.objectContaining({ line: expect.any(Number) })],
          },
        },
      });
    });

    it('answers a level-2 error with the header-only WMO325 and no record', async () => {
      const twice = declaratie323(fromAanbieder('2026-04-02', AANBIEDER), {
        nummer: 'DR202603B',
        maand: '2026-03',
        clienten: [
          {
            bsn,
            prestaties: [
              prestatie('DR-2603-9', granted, '2026-03'),
              prestatie('DR-2603-9', granted, '2026-03'),
            ],
          },
        ],
      });
      const checked = await dryRun(twice);
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({
        outcome: 'rejected',
        controlLevel: 2,
        retourCodes: ['0001'],
        decisionRecord: null,
      });
      expect((checked.body['findings'] as { ruleId: string }[]).length).toBeGreaterThan(0);
    });

    it('checks only declarations', async () => {
      const allocation = toewijzing301(fromGemeente('2025-12-20', AANBIEDER), bsn, []);
      expect((await dryRun(allocation)).body).toMatchObject({
        code: 'GW_ERR_INTAKE_NOT_DECLARATION',
      });
    });
  });
});
