import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { start305, toewijzing301 } from '../../bench/iwmo-messages.js';
import { newApiKey } from '../../src/parties/index.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { testBsn } from '../helpers/level3-traffic.js';
import { testClients } from '../helpers/test-parties.js';

/**
 * A gateway at a gemeente (0363 local, supplier 12345678 remote): the gemeente's own WMO301s are
 * forwarded after levels 1–2 and recorded in the register, so that the supplier's starts are
 * judged on level 3 against them.
 */
describe('the register at a gemeente-side gateway', () => {
  const { clients, keys } = testClients();
  const other = newApiKey('other');
  let gateway: GatewayHarness;
  const bsn = testBsn(7);
  const PRODUCT = { categorie: '02', code: '02A03' } as const;

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      level3: true,
      parties: {
        local: [{ code: '0363', name: 'Gemeente (test)' }],
        remote: [
          { code: '12345678', name: 'Supplier (test)' },
          { code: '87654321', name: 'Other (test)' },
        ],
        clients: [
          ...clients,
          { id: 'other', role: 'party', codes: ['87654321'], secretHash: other.secretHash },
        ],
      },
    });
    await gateway.startWorker();
  });
  afterAll(async () => {
    await gateway.close();
  });

  async function send(xml: string, apiKey: string) {
    const posted = await gateway.post(xml, 'application/xml', apiKey);
    expect(posted.status).toBe(202);
    return gateway.waitForDecision(posted.body['id'] as string);
  }

  it('records the forwarded WMO301 and judges the supplier\u2019s WMO305 against it', async () => {
    const forwarded = await send(
      toewijzing301(
        {
          afzender: '0363',
          ontvanger: '12345678',
          identificatie: 'F301',
          dagtekening: '2026-01-10',
        },
        bsn,
        [
          {
            nummer: '270001',
            ...PRODUCT,
            toewijzingsdatum: '2026-01-10',
            toewijzingstijd: '11:00:00',
            ingangsdatum: '2026-02-01',
            einddatum: '2026-12-31',
            omvang: { volume: 3, eenheid: '04', frequentie: '2' },
          },
        ],
      ),
      keys.gemeente,
    );
    expect(forwarded).toMatchObject({ status: 'accepted', controlLevel: 2 });
    expect(forwarded.retourType).toBeUndefined();

    const start = (nummer: string, identificatie: string) =>
      start305(
        { afzender: '12345678', ontvanger: '0363', identificatie, dagtekening: '2026-02-03' },
        bsn,
        [{ nummer, ...PRODUCT, toewijzingIngangsdatum: '2026-02-01', begindatum: '2026-02-02' }],
      );
    expect(await send(start('270001', 'S1'), keys.supplier)).toMatchObject({
      status: 'accepted',
      controlLevel: 3,
    });
    expect(await send(start('270002', 'S2'), keys.supplier)).toMatchObject({
      status: 'rejected',
      controlLevel: 3,
      retourCodes: ['0200', '9019'],
    });
  });

  it('shows the allocation to the gemeente and the supplier, and to nobody else', async () => {
    const url = '/v1/allocations/270001?gemeente=0363';
    const byGemeente = await gateway.call('GET', url, keys.gemeente);
    expect(byGemeente.status).toBe(200);
    expect(JSON.parse(byGemeente.text)).toMatchObject({
      aanbieder: '12345678',
      leveringen: [{ begindatum: '2026-02-02', deleted: false, stops: [] }],
    });
    expect((await gateway.call('GET', url, keys.supplier)).status).toBe(200);
    expect((await gateway.call('GET', url, keys.operator)).status).toBe(200);
    expect((await gateway.call('GET', url, other.apiKey)).status).toBe(404);
    expect((await gateway.call('GET', url)).status).toBe(401);
  });
});
