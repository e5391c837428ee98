import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

/**
 * The deadlines page over Christmas with a pinned clock: a WMO305 received on Wednesday
 * 2026-12-23 is due three working days later, on Tuesday 2026-12-29 (25 and 26 December and the
 * weekend do not count); at risk on Monday the 28th, overdue on Wednesday the 30th.
 */
describe('console deadlines', () => {
  const { clients, keys } = testClients();
  let now = new Date('2026-12-23T10:00:00+01:00');
  let gateway: GatewayHarness;
  let supplier: EndpointServer;
  let id: string;
  let cookie: string;

  const deadlinesRow = async () => {
    const page = await gateway.app.inject({
      method: 'GET',
      url: '/console/deadlines',
      headers: { cookie },
    });
    const html = page.body.replace(/\s+/g, ' ');
    return /<tr class="state-([a-z-]+)">(.*?)<\/tr>/.exec(html);
  };

  /** The iwmo_retour_deadlines gauges of GET /metrics: open, at-risk, overdue. */
  const deadlineGauges = async () => {
    const text = (await gateway.call('GET', '/metrics', keys.operator)).text;
    return ['open', 'at-risk', 'overdue'].map((state) =>
      Number(
        new RegExp(`^iwmo_retour_deadlines\\{state="${state}"\\} (\\d+)$`, 'm').exec(text)?.[1],
      ),
    );
  };

  beforeAll(async () => {
    supplier = await EndpointServer.start(() => 400);
    gateway = await GatewayHarness.create({
      clock: () => now,
      deliveryAttempts: 1,
      parties: {
        local: [{ code: '0363', name: 'Gemeente (test)' }],
        remote: [
          {
            code: '12345678',
            name: 'Supplier (test)',
            delivery: { type: 'http', url: supplier.url, timeoutMs: 2_000 },
          },
        ],
        clients,
      },
    });
    await gateway.startWorker();
    const posted = await gateway.post(
      withElementText(validSample('WMO305'), 'Identificatie', 'DL-305-1'),
      'application/xml',
      keys.supplier,
    );
    id = posted.body['id'] as string;
    await gateway.waitForDecision(id);
    const login = await gateway.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `apiKey=${encodeURIComponent(keys.operator)}`,
    });
    cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  });
  afterAll(async () => {
    await gateway.close();
    await supplier.close();
  });

  it('is open on the day of receipt, with the due date after Christmas', async () => {
    const row = await deadlinesRow();
    expect(row?.[1]).toBe('open');
    expect(row?.[2]).toContain(id.slice(0, 8));
    expect(row?.[2]).toContain('<td>2026-12-29</td>');
    expect(await deadlineGauges()).toEqual([1, 0, 0]);
  });

  it('is at risk on the last working day before the due date', async () => {
    now = new Date('2026-12-28T09:00:00+01:00');
    const row = await deadlinesRow();
    expect(row?.[1]).toBe('at-risk');
    expect(row?.[2]).toContain('<td class="num">1</td>');
    expect(await deadlineGauges()).toEqual([0, 1, 0]);
  });

  it('is overdue after the due date', async () => {
    now = new Date('2026-12-30T09:00:00+01:00');
    expect((await deadlinesRow())?.[1]).toBe('overdue');
    expect(await deadlineGauges()).toEqual([0, 0, 1]);
  });

  it('drops the entry once the retour is out', async () => {
    const retour = (await gateway.deliveries.forMessage(id)).find((d) => d.kind === 'retour');
    await gateway.deliveries.markDelivered(retour?.id ?? '', now);
    expect(await deadlinesRow()).toBeNull();
    expect(await deadlineGauges()).toEqual([0, 0, 0]);
  });
});
