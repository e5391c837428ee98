import { createHmac } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import {
  type AlertPayload,
  type AlertRule,
  AlertStore,
  parseAlertRules,
  startAlertTimer,
} from '../../src/alerts/index.js';
import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const SECRET = 'a-webhook-secret-of-32-characters';

/**
 * The alert timer against a real Redis and a real loopback webhook receiver: a backlog that
 * lasts its `for` duration fires exactly one webhook and resolves when it drains; a dead letter
 * fires at once; failed calls are retried and every attempt is recorded.
 */
describe('alerts', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) {
      await step();
    }
  });

  /** A gateway, a webhook receiver and an alert timer on a clock the test moves. */
  async function setUp(
    rules: AlertRule[],
    options: Parameters<typeof GatewayHarness.create>[0] = {},
    answer: (n: number) => number = () => 200,
  ) {
    const gateway = await GatewayHarness.create(options);
    cleanup.push(() => gateway.close());
    const receiver = await EndpointServer.start(answer);
    cleanup.push(() => receiver.close());
    const clock = { now: T0 };
    const timer = (everyMs = 0) =>
      startAlertTimer({
        sources: {
          redis: gateway.intakeRedis,
          prefix: gateway.prefix,
          queues: { inbound: gateway.queue, delivery: gateway.deliveryQueue },
          isLocal: (code) => gateway.parties.isLocal(code),
        },
        rules,
        webhook: { url: receiver.url, secret: SECRET, timeoutMs: 2_000 },
        consoleUrl: 'https://gateway.example.nl/',
        environment: 'test',
        clock: () => new Date(clock.now),
        logger: gateway.logger,
        everyMs,
      });
    const alerts = timer();
    cleanup.push(() => alerts.stop());
    /** Evaluates at T0 + `minutes` and waits for the webhook calls it started. */
    const evaluateAt = async (minutes: number) => {
      clock.now = T0 + minutes * 60_000;
      const evaluation = await alerts.runOnce();
      await alerts.settled();
      return evaluation;
    };
    const payloads = () => receiver.received.map((r) => JSON.parse(r.body) as AlertPayload);
    return { gateway, receiver, alerts, timer, evaluateAt, payloads, clock };
  }

  describe('when the inbound backlog stays above its threshold for the rule’s duration', () => {
    it('fires exactly one webhook, then one resolve when the queue drains', async () => {
      const rules = parseAlertRules(
        {
          rules: [
            {
              id: 'inbound-backlog',
              kind: 'backlog',
              queue: 'inbound',
              above: 2,
              for: '5m',
              severity: 'critical',
            },
          ],
        },
        'test',
      );
      const { gateway, receiver, evaluateAt, payloads } = await setUp([...rules]);
      // No worker yet: the messages wait in the inbound queue.
      const ids: string[] = [];
      for (const n of [1, 2, 3]) {
        const xml = withElementText(validSample('WMO301'), 'Identificatie', `ALERT-301-${n}`);
        ids.push((await gateway.post(xml)).body['id'] as string);
      }

      expect((await evaluateAt(0))?.states[0]).toMatchObject({ phase: 'pending', value: 3 });
      expect((await evaluateAt(3))?.states[0]?.phase).toBe('pending');
      expect(receiver.received).toHaveLength(0);
      expect((await evaluateAt(5))?.states[0]?.phase).toBe('firing');
      await evaluateAt(6);
      await evaluateAt(7);
      expect(payloads()).toEqual([
        {
          notificationId: expect.any(String),
          alert: 'inbound-backlog',
          state: 'firing',
          severity: 'critical',
          kind: 'backlog',
          condition: 'inbound queue backlog (waiting+active+prioritized) above 2',
          description: null,
          value: 3,
          threshold: 2,
          since: new Date(T0).toISOString(),
          at: new Date(T0 + 5 * 60_000).toISOString(),
          environment: 'test',
          console: 'https://gateway.example.nl/console/alerts#alert-inbound-backlog',
        },
      ]);
      const [firing] = receiver.received;
      expect(firing?.headers['content-type']).toBe('application/json');
      expect(firing?.headers['x-iwmo-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET)
          .update(firing?.body ?? '')
          .digest('hex')}`,
      );
      expect(firing?.headers['idempotency-key']).toBe(payloads()[0]?.notificationId);

      await gateway.startWorker();
      for (const id of ids) {
        await gateway.waitForDecision(id);
      }
      await expect
        .poll(async () => {
          const counts = await gateway.queue.getJobCounts('waiting', 'active');
          return (counts['waiting'] ?? 0) + (counts['active'] ?? 0);
        })
        .toBe(0);
      expect((await evaluateAt(8))?.states[0]).toMatchObject({ phase: 'ok', value: 0 });
      await evaluateAt(9);
      expect(payloads().map((p) => [p.alert, p.state, p.value, p.since])).toEqual([
        ['inbound-backlog', 'firing', 3, new Date(T0).toISOString()],
        ['inbound-backlog', 'resolved', 0, new Date(T0).toISOString()],
      ]);

      const store = new AlertStore(gateway.intakeRedis, gateway.prefix);
      expect((await store.history(10)).map((t) => `${t.from}>${t.to}`)).toEqual([
        'firing>ok',
        'pending>firing',
        'ok>pending',
      ]);
      expect((await store.webhookAttempts(10)).map((a) => [a.state, a.outcome, a.status])).toEqual([
        ['resolved', 'delivered', 200],
        ['firing', 'delivered', 200],
      ]);
    });
  });

  describe('when a delivery becomes a dead letter', () => {
    it('fires the dead-letters alert at once, shows it in the console and in /metrics', async () => {
      const { clients, keys } = testClients();
      const supplier = await EndpointServer.start(() => 400);
      cleanup.push(() => supplier.close());
      const rules = parseAlertRules(
        { rules: [{ id: 'dead-letters', kind: 'dead-letters', description: 'Replay them.' }] },
        'test',
      );
      const { gateway, receiver, evaluateAt, payloads } = await setUp([...rules], {
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
      const posted = await gateway.post(validSample('WMO305'), 'application/xml', keys.supplier);
      await gateway.waitForDecision(posted.body['id'] as string);
      await expect.poll(async () => (await gateway.deliveries.deadLetters(5)).length).toBe(1);

      expect((await evaluateAt(0))?.states[0]).toMatchObject({ phase: 'firing', value: 1 });
      expect(payloads()).toMatchObject([
        { alert: 'dead-letters', state: 'firing', value: 1, threshold: 0 },
      ]);
      expect(receiver.received).toHaveLength(1);

      const metrics = (await gateway.call('GET', '/metrics', keys.operator)).text;
      expect(metrics).toContain('iwmo_alert_firing{alert="dead-letters",severity="warning"} 1');
      expect(metrics).toContain(
        'iwmo_delivery_attempts_total{receiver="12345678",kind="retour",outcome="dead"} 1',
      );
      expect(metrics).toContain('iwmo_retour_deadlines{state="open"} 1');
      expect(metrics).toContain('iwmo_retour_deadlines{state="overdue"} 0');

      const login = await gateway.app.inject({
        method: 'POST',
        url: '/console/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ apiKey: keys.operator }).toString(),
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      const page = await gateway.app.inject({
        method: 'GET',
        url: '/console/alerts',
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      const text = page.body.replace(/\s+/g, ' ');
      expect(text).toContain('<tr id="alert-dead-letters" class="alert-firing">');
      expect(text).toContain('Replay them.');
      expect(text).toMatch(/<strong>1<\/strong> firing/);
      expect(text).toMatch(/<td><span class="tag webhook-delivered">delivered<\/span><\/td>/);
      const overview = await gateway.app.inject({
        method: 'GET',
        url: '/console',
        headers: { cookie },
      });
      expect(overview.body.replace(/\s+/g, ' ')).toMatch(
        /<div class="notice error banner" role="alert"> <strong>1 alert firing:<\/strong> <a href="\/console\/alerts#alert-dead-letters">dead-letters<\/a>/,
      );
    });
  });

  describe('when the webhook receiver fails', () => {
    it('retries after the backoff and records every attempt', async () => {
      const rules = parseAlertRules(
        { rules: [{ id: 'dead-letters', kind: 'dead-letters' }] },
        'test',
      );
      const { gateway, receiver, evaluateAt } = await setUp([...rules], {}, (n) =>
        n === 0 ? 503 : 204,
      );
      await gateway.intakeRedis.zadd(gateway.deliveries.keys.dead, T0, 'x-retour');
      await evaluateAt(0);
      expect(receiver.received).toHaveLength(1);
      const store = new AlertStore(gateway.intakeRedis, gateway.prefix);
      expect((await store.webhookAttempts(5)).map((a) => [a.outcome, a.status])).toEqual([
        ['retrying', 503],
      ]);
      // The retry waits 30 s: an evaluation 10 s later sends nothing.
      await evaluateAt(10 / 60);
      expect(receiver.received).toHaveLength(1);
      await evaluateAt(1);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
      expect((await store.webhookAttempts(5)).map((a) => [a.attempt, a.outcome])).toEqual([
        [2, 'delivered'],
        [1, 'retrying'],
      ]);
    });
  });

  describe('when two processes run the timer', () => {
    it('evaluates in one of them at a time', async () => {
      const rules = parseAlertRules(
        { rules: [{ id: 'dead-letters', kind: 'dead-letters' }] },
        'test',
      );
      const { timer } = await setUp([...rules]);
      const a = timer();
      const b = timer();
      cleanup.push(
        () => a.stop(),
        () => b.stop(),
      );
      const results = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await a.runOnce()).toBeDefined();
    });
  });
});
