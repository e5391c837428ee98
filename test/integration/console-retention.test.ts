import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { purgeExpiredBodies, startRetentionTimer } from '../../src/retention/index.js';
import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

const DAY = 86_400_000;

/** RETENTION_DAYS: bodies go, the record and the decision stay; nothing a delivery needs goes. */
describe('retention purge', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;
  let endpoint: EndpointServer;
  let delivered: string;
  let undelivered: string;

  beforeAll(async () => {
    endpoint = await EndpointServer.start(() => 200);
    const http = { type: 'http' as const, url: endpoint.url, timeoutMs: 2_000 };
    gateway = await GatewayHarness.create({
      parties: {
        local: [{ code: '0363', name: 'Gemeente (test)', delivery: http }],
        remote: [{ code: '12345678', name: 'Supplier (test)', delivery: http }],
        clients,
      },
    });
    await gateway.startWorker();
    const post = async (identificatie: string) => {
      const posted = await gateway.post(
        withElementText(validSample('WMO305'), 'Identificatie', identificatie),
        'application/xml',
        keys.supplier,
      );
      const id = posted.body['id'] as string;
      await gateway.waitForDecision(id);
      return id;
    };
    delivered = await post('RET-1');
    undelivered = await post('RET-2');
    const deadline = Date.now() + 20_000;
    for (const id of [delivered, undelivered]) {
      while ((await gateway.deliveries.forMessage(id)).some((d) => d.status !== 'delivered')) {
        if (Date.now() > deadline) {
          throw new Error('deliveries not done');
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // The second message's first delivery becomes a dead letter (as after failed attempts).
    const [first] = await gateway.deliveries.forMessage(undelivered);
    await gateway.deliveries.markDead(first?.id ?? '', 'HTTP 500', new Date());
  });
  afterAll(async () => {
    await gateway.close();
    await endpoint.close();
  });

  const options = () => ({
    redis: gateway.intakeRedis,
    prefix: gateway.prefix,
    deliveries: gateway.deliveries,
    retentionDays: 60,
  });

  describe('when messages are younger than the retention period', () => {
    it('keeps everything', async () => {
      const report = await purgeExpiredBodies(options(), new Date(Date.now() + 59 * DAY));
      expect(report).toEqual({ purged: 0, deferred: 0 });
      expect((await gateway.store.getBody(delivered)).length).toBeGreaterThan(0);
    });
  });

  describe('when the retention period has passed', () => {
    it('removes body and retour XML, keeps the record and decision, and notes it in the timeline', async () => {
      const before = await gateway.store.get(delivered);
      const report = await purgeExpiredBodies(options(), new Date(Date.now() + 61 * DAY));
      expect(report).toEqual({ purged: 1, deferred: 1 });
      await expect(gateway.store.getBody(delivered)).rejects.toThrow();
      expect(await gateway.store.getRetour(delivered)).toBeUndefined();
      const after = await gateway.store.get(delivered);
      expect(after).toMatchObject({
        status: before?.status,
        retourId: before?.retourId,
        retourCodes: before?.retourCodes,
        messageType: 'WMO305',
        berichtIdentificatie: 'RET-1',
      });
      const events = await gateway.store.getEvents(delivered);
      expect(events.at(-1)).toMatchObject({ event: 'body-purged', detail: { retentionDays: 60 } });
      const search = await gateway.call(
        'GET',
        '/v1/search?berichtIdentificatie=RET-1',
        keys.operator,
      );
      expect((JSON.parse(search.text) as { items: unknown[] }).items).toHaveLength(1);
    });

    it('keeps the body of a message with a dead letter, and purges it once it is delivered', async () => {
      expect((await gateway.store.getBody(undelivered)).length).toBeGreaterThan(0);
      const dead = (await gateway.deliveries.forMessage(undelivered)).find(
        (d) => d.status === 'dead',
      );
      await gateway.deliveries.markDelivered(dead?.id ?? '', new Date());
      const report = await purgeExpiredBodies(options(), new Date(Date.now() + 62 * DAY));
      expect(report.purged).toBe(1);
      await expect(gateway.store.getBody(undelivered)).rejects.toThrow();
    });
  });

  describe('when several worker processes run the timer', () => {
    it('lets one of them purge at a time and releases the lock', async () => {
      const posted = await gateway.post(
        withElementText(validSample('WMO305'), 'Identificatie', 'RET-3'),
        'application/xml',
        keys.supplier,
      );
      const id = posted.body['id'] as string;
      await gateway.waitForDecision(id);
      const deadline = Date.now() + 20_000;
      while ((await gateway.deliveries.forMessage(id)).some((d) => d.status !== 'delivered')) {
        if (Date.now() > deadline) {
          throw new Error('deliveries not done');
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const timer = () =>
        startRetentionTimer({
          ...options(),
          clock: () => new Date(Date.now() + 70 * DAY),
          logger: gateway.logger,
          everyMs: 0,
        });
      const [a, b] = [timer(), timer()];
      await Promise.all([a.runOnce(), b.runOnce()]);
      a.stop();
      b.stop();
      await expect(gateway.store.getBody(id)).rejects.toThrow();
      const purgedEvents = (await gateway.store.getEvents(id)).filter(
        (e) => e.event === 'body-purged',
      );
      expect(purgedEvents).toHaveLength(1);
      expect(await gateway.intakeRedis.exists(`${gateway.prefix}:retention:lock`)).toBe(0);
    });
  });
});
