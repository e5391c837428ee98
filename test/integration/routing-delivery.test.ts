import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { CircuitBreaker } from '../../src/delivery/index.js';
import type { PartiesInput } from '../../src/parties/index.js';
import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { SAMPLES_DIR, validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';
import { di01Request, HEEN } from '../unit/stuf/stuf-fixtures.js';

/**
 * The gateway between parties: gemeente 0363 is local (its back office is an HTTP endpoint),
 * supplier 12345678 is remote (HTTP endpoint), everything else goes to a default upstream.
 */
describe('routing and delivery to real HTTP endpoints on loopback', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness | undefined;
  const servers: EndpointServer[] = [];
  const dirs: string[] = [];

  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    for (const server of servers.splice(0)) {
      await server.close();
    }
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function setUp(options: {
    backOffice?: EndpointServer;
    supplier?: EndpointServer;
    upstream?: EndpointServer;
    supplierDelivery?: PartiesInput['local'][number]['delivery'];
    timeoutMs?: number;
    deliveryAttempts?: number;
    deliveryBackoffMs?: number;
    breaker?: CircuitBreaker;
  }) {
    const backOffice = options.backOffice ?? (await EndpointServer.start());
    const supplier = options.supplier ?? (await EndpointServer.start());
    const upstream = options.upstream ?? (await EndpointServer.start());
    servers.push(backOffice, supplier, upstream);
    const http = (url: string) => ({
      type: 'http' as const,
      url,
      timeoutMs: options.timeoutMs ?? 2_000,
    });
    gateway = await GatewayHarness.create({
      deliveryAttempts: options.deliveryAttempts ?? 4,
      ...(options.deliveryBackoffMs === undefined
        ? {}
        : { deliveryBackoffMs: options.deliveryBackoffMs }),
      ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
      parties: {
        local: [
          { code: '0363', name: 'Gemeente Amsterdam (test)', delivery: http(backOffice.url) },
        ],
        remote: [
          {
            code: '12345678',
            name: 'Hulpmiddelen BV (test)',
            delivery: options.supplierDelivery ?? http(supplier.url),
          },
        ],
        default: { name: 'GGK (test)', delivery: http(upstream.url) },
        clients,
      },
    });
    await gateway.startWorker();
    return { gateway, backOffice, supplier, upstream };
  }

  async function waitForDeliveries(
    g: GatewayHarness,
    id: string,
    done: (statuses: string[]) => boolean,
  ) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const statuses = (await g.deliveries.forMessage(id)).map((d) => `${d.kind}:${d.status}`);
      if (done(statuses)) {
        return statuses;
      }
      if (Date.now() > deadline) {
        throw new Error(`deliveries not done: ${statuses.join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  describe('when a supplier sends a start to a local gemeente', () => {
    it('answers with a WMO306 delivered to the supplier and forwards the 305 to the back office', async () => {
      const { gateway, backOffice, supplier } = await setUp({});
      const posted = await gateway.post(validSample('WMO305'), 'application/xml', keys.supplier);
      expect(posted.status).toBe(202);
      const id = posted.body['id'] as string;
      expect((await gateway.waitForDecision(id)).status).toBe('accepted');
      const [retour] = await supplier.waitForRequests(1);
      const [forwarded] = await backOffice.waitForRequests(1);
      expect(retour?.body).toContain('<wmo306:BerichtCode>419</wmo306:BerichtCode>');
      expect(retour?.headers['x-iwmo-message-type']).toBe('WMO306');
      expect(retour?.headers['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
      expect(forwarded?.body).toBe(validSample('WMO305'));
      expect(
        await waitForDeliveries(gateway, id, (s) => s.every((x) => x.endsWith(':delivered'))),
      ).toEqual(['forward:delivered', 'retour:delivered']);
    });
  });

  describe('when a local gemeente sends an allocation to a remote supplier', () => {
    it('checks it on levels 1–2 and forwards it without building a retour', async () => {
      const { gateway, supplier, backOffice } = await setUp({});
      const posted = await gateway.post(validSample('WMO301'), 'application/xml', keys.gemeente);
      const id = posted.body['id'] as string;
      const record = await gateway.waitForDecision(id);
      expect(record.status).toBe('accepted');
      expect(record.retourId).toBeUndefined();
      const [forwarded] = await supplier.waitForRequests(1);
      expect(forwarded?.body).toBe(validSample('WMO301'));
      expect(backOffice.received).toHaveLength(0);
    });

    it('refuses to forward an invalid one and sends the findings back to the gemeente', async () => {
      const { gateway, supplier, backOffice } = await setUp({});
      const invalid = readFileSync(join(SAMPLES_DIR, 'WMO301/invalid/CS003.xml'), 'utf8');
      const posted = await gateway.post(invalid, 'application/xml', keys.gemeente);
      const id = posted.body['id'] as string;
      expect((await gateway.waitForDecision(id)).status).toBe('rejected');
      const [findings] = await backOffice.waitForRequests(1);
      expect(findings?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(findings?.body ?? '{}')).toMatchObject({
        messageId: id,
        status: 'rejected',
        violations: [expect.objectContaining({ ruleId: 'CS003' })],
      });
      expect(supplier.received).toHaveLength(0);
    });
  });

  describe('when the receiving endpoint fails, times out and recovers', () => {
    it('retries with the same idempotency key until it is delivered once', async () => {
      const supplier = await EndpointServer.start((n) => (n === 0 ? 503 : n === 1 ? 'hang' : 200));
      const { gateway } = await setUp({ supplier, timeoutMs: 300 });
      const posted = await gateway.post(validSample('WMO301'), 'application/xml', keys.gemeente);
      const id = posted.body['id'] as string;
      await waitForDeliveries(gateway, id, (s) => s.includes('forward:delivered'));
      expect(supplier.received).toHaveLength(3);
      const idempotencyKeys = new Set(supplier.received.map((r) => r.headers['idempotency-key']));
      expect(idempotencyKeys.size).toBe(1);
      const [delivery] = await gateway.deliveries.forMessage(id);
      expect(delivery?.attempts).toBe(3);
    });
  });

  describe('when the endpoint is down while a backlog builds up, then recovers', () => {
    it('lets the backlog flow once a probe gets through, not after each backoff, each delivered once', async () => {
      // Backoff 60 s (jittered to 30–60 s): without the half-open probe and the promotion of the
      // endpoint's delayed jobs nothing would arrive within waitForDeliveries' 20 s.
      let down = true;
      const answers: number[] = [];
      const supplier = await EndpointServer.start((n) => (answers[n] = down ? 503 : 200));
      const { gateway } = await setUp({
        supplier,
        deliveryBackoffMs: 60_000,
        deliveryAttempts: 3,
        breaker: new CircuitBreaker(3, 300),
      });
      const ids: string[] = [];
      for (let n = 0; n < 6; n += 1) {
        const message = withElementText(validSample('WMO301'), 'Identificatie', `OUTAGE-${n}`);
        const posted = await gateway.post(message, 'application/xml', keys.gemeente);
        expect(posted.status).toBe(202);
        ids.push(posted.body['id'] as string);
      }
      for (const id of ids) {
        expect((await gateway.waitForDecision(id)).status).toBe('accepted');
      }
      // Every delivery failed once (503 or circuit open) and waits out its backoff.
      const deadline = Date.now() + 20_000;
      while ((await gateway.deliveryQueue.getDelayedCount()) < ids.length) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 25));
      }
      // The half-open probes fail while it is down; they spend no attempt (3 each: 8 probes over 6
      // deliveries would otherwise make dead letters).
      while (gateway.logs.lines.filter((l) => l.includes('probe failed')).length < 8) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 25));
      }
      down = false;
      for (const id of ids) {
        await waitForDeliveries(gateway, id, (s) => s.includes('forward:delivered'));
      }
      const deliveredKeys = supplier.received
        .filter((_, n) => answers[n] === 200)
        .map((r) => r.headers['idempotency-key']);
      expect(deliveredKeys).toHaveLength(ids.length);
      expect(new Set(deliveredKeys).size).toBe(ids.length);
      const allKeys = new Set(supplier.received.map((r) => r.headers['idempotency-key']));
      expect(allKeys.size).toBe(ids.length);
      for (const id of ids) {
        const [delivery] = await gateway.deliveries.forMessage(id);
        expect(delivery?.attempts).toBeLessThanOrEqual(3);
      }
      expect(gateway.logs.text).toContain('delayed deliveries promoted');
    });
  });

  describe('when the endpoint refuses the document (4xx)', () => {
    it('makes it a dead letter at once, and an operator replays it once the endpoint is fixed', async () => {
      const supplier = await EndpointServer.start(() => 422);
      const { gateway } = await setUp({ supplier });
      const posted = await gateway.post(validSample('WMO301'), 'application/xml', keys.gemeente);
      const id = posted.body['id'] as string;
      await waitForDeliveries(gateway, id, (s) => s.includes('forward:dead'));
      expect(supplier.received).toHaveLength(1);
      const dead = await gateway.call('GET', '/v1/deliveries/dead', keys.operator);
      expect(JSON.parse(dead.text)).toMatchObject({
        items: [
          expect.objectContaining({
            id: `${id}-forward`,
            status: 'dead',
            lastError: expect.stringContaining('422'),
          }),
        ],
      });
      supplier.behaviour = () => 200;
      const replay = await gateway.call(
        'POST',
        `/v1/deliveries/${id}-forward/replay`,
        keys.operator,
      );
      expect(replay.status).toBe(202);
      await waitForDeliveries(gateway, id, (s) => s.includes('forward:delivered'));
      expect(supplier.received).toHaveLength(2);
      expect(
        JSON.parse((await gateway.call('GET', '/v1/deliveries/dead', keys.operator)).text),
      ).toEqual({ items: [] });
    });
  });

  describe('when a party picks up from its inbox', () => {
    it('hands each item out until it is acknowledged, and acknowledging twice is fine', async () => {
      const { gateway } = await setUp({ supplierDelivery: { type: 'inbox' } });
      const posted = await gateway.post(validSample('WMO305'), 'application/xml', keys.supplier);
      const id = posted.body['id'] as string;
      await waitForDeliveries(gateway, id, (s) => s.includes('retour:held'));
      const list = JSON.parse((await gateway.call('GET', '/v1/inbox', keys.supplier)).text) as {
        items: { id: string; href: string; documentType: string }[];
      };
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ id: `${id}-retour`, documentType: 'WMO306' });
      const item = await gateway.call('GET', list.items[0]!.href, keys.supplier);
      expect(item.status).toBe(200);
      expect(item.text).toContain('<wmo306:Bericht');
      // Not acknowledged yet: handed out again.
      expect(
        (
          JSON.parse((await gateway.call('GET', '/v1/inbox', keys.supplier)).text) as {
            items: unknown[];
          }
        ).items,
      ).toHaveLength(1);
      for (let i = 0; i < 2; i += 1) {
        const ack = await gateway.call('POST', `${list.items[0]!.href}/ack`, keys.supplier);
        expect(ack.status).toBe(200);
      }
      expect(
        (
          JSON.parse((await gateway.call('GET', '/v1/inbox', keys.supplier)).text) as {
            items: unknown[];
          }
        ).items,
      ).toHaveLength(0);
      expect((await gateway.deliveries.get(`${id}-retour`))?.status).toBe('delivered');
    });
  });

  describe('when a party picks up files from a directory', () => {
    it('writes the document atomically under a stable name', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'iwmo-outbox-'));
      dirs.push(dir);
      const { gateway } = await setUp({ supplierDelivery: { type: 'directory', path: dir } });
      const posted = await gateway.post(validSample('WMO301'), 'application/xml', keys.gemeente);
      const id = posted.body['id'] as string;
      await waitForDeliveries(gateway, id, (s) => s.includes('forward:delivered'));
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^WMO301_0363_.+\.xml$/);
      expect(readFileSync(join(dir, files[0]!), 'utf8')).toBe(validSample('WMO301'));
    });
  });

  describe('when a supplier sends its start through the StUF-GGk endpoint', () => {
    it('delivers the WMO306 in a Du01 whose crossRefnummer points to the Di01', async () => {
      const { gateway, supplier } = await setUp({});
      const request = di01Request(validSample('WMO305'), {
        zender: { organisatie: '12345678', applicatie: 'Leverancier' },
        ontvanger: { organisatie: '0363', applicatie: 'GGk' },
        functie: 'WMO305',
      });
      const answer = await gateway.app.inject({
        method: 'POST',
        url: '/v1/stuf/ggk0210',
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          authorization: `Bearer ${keys.supplier}`,
        },
        payload: request,
      });
      expect(answer.statusCode).toBe(200);
      const [delivered] = await supplier.waitForRequests(1);
      expect(delivered?.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(delivered?.body).toContain('Du01');
      expect(delivered?.body).toContain(`crossRefnummer>${HEEN.referentienummer}<`);
      const payload = /xmlBestand[^>]*>([^<]+)</.exec(delivered?.body ?? '')?.[1] ?? '';
      expect(Buffer.from(payload, 'base64').toString('utf8')).toContain(
        '<wmo306:BerichtCode>419</wmo306:BerichtCode>',
      );
    });
  });
});
