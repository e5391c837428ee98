import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditLog } from '../../src/audit/audit-log.js';
import { addWorkingDays, dutchDate } from '../../src/calendar/index.js';
import { EndpointServer } from '../helpers/endpoint-server.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';
import { SAMPLES_DIR, validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

/** The web console through HTTP: sessions, CSRF, every page, raw XML audit, replay, metrics. */
describe('operator console', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;
  let backOffice: EndpointServer;
  let supplier: EndpointServer;
  let cookie = '';
  let csrf = '';
  const ids: Record<string, string> = {};

  /** HTML with whitespace between and around tags removed (the templates are prettier-formatted). */
  const squash = (body: string) =>
    body.replace(/\s+/g, ' ').replace(/> </g, '><').replace(/> /g, '>').replace(/ </g, '<');
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  async function get(url: string, withCookie = true) {
    return gateway.app.inject({ method: 'GET', url, headers: withCookie ? { cookie } : {} });
  }
  async function post(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    return gateway.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: form(fields),
    });
  }
  async function waitFor(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    backOffice = await EndpointServer.start((n) => (n === 0 ? 400 : 200));
    supplier = await EndpointServer.start(() => 400);
    const http = (url: string) => ({ type: 'http' as const, url, timeoutMs: 2_000 });
    gateway = await GatewayHarness.create({
      allowReplay: true,
      deliveryAttempts: 2,
      parties: {
        local: [{ code: '0363', name: 'Gemeente (test)', delivery: http(backOffice.url) }],
        remote: [{ code: '12345678', name: 'Supplier (test)', delivery: http(supplier.url) }],
        clients,
      },
    });
    await gateway.startWorker();
    const rejected = withElementText(
      withElementText(
        withElementText(
          readFileSync(join(SAMPLES_DIR, 'WMO323/invalid/TR101.xml'), 'utf8'),
          'DeclaratieNummer',
          'DECCONSOLE1',
        ),
        'Afzender',
        '12345678',
      ),
      'Identificatie',
      'CONS-REJ-1',
    );
    const start = withElementText(validSample('WMO305'), 'Identificatie', 'CONS-305-1');
    for (const [name, xml] of Object.entries({ rejected, start })) {
      const posted = await gateway.post(xml, 'application/xml', keys.supplier);
      ids[name] = posted.body['id'] as string;
      await gateway.waitForDecision(ids[name] ?? '');
    }
    await waitFor(
      async () => (await gateway.deliveries.deadLetters(10)).some((d) => d.kind === 'forward'),
      'the forward to become a dead letter',
    );
  });
  afterAll(async () => {
    await gateway.close();
    await backOffice.close();
    await supplier.close();
  });

  describe('when nobody is signed in', () => {
    it('sends every page to the sign-in form', async () => {
      const response = await get('/console/dead-letters', false);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/console/login?next=%2Fconsole%2Fdead-letters');
      const login = await get('/console/login', false);
      expect(login.statusCode).toBe(200);
      expect(login.body).toContain('<label for="apiKey">Operator API key</label>');
    });

    it('refuses a party key and a wrong key', async () => {
      for (const apiKey of [keys.supplier, 'operator.wrong']) {
        const response = await post('/console/login', { apiKey });
        expect(response.statusCode).toBe(401);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
    });
  });

  describe('when an operator signs in', () => {
    it('sets an HttpOnly SameSite=Strict cookie with a random session id, not the key', async () => {
      const response = await post('/console/login', {
        apiKey: keys.operator,
        next: '/console/rejects',
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/console/rejects');
      const setCookie = String(response.headers['set-cookie']);
      expect(setCookie).toMatch(
        /^iwmo_console=[A-Za-z0-9_-]{43}; Path=\/console; HttpOnly; SameSite=Strict$/,
      );
      expect(setCookie).not.toContain(keys.operator.split('.')[1] ?? '');
      cookie = setCookie.split(';')[0] ?? '';
      const stored = await gateway.intakeRedis.keys(`${gateway.prefix}:console:session:*`);
      expect(stored).toHaveLength(1);
      expect(await gateway.intakeRedis.ttl(stored[0] ?? '')).toBeGreaterThan(3000);
      const overview = await get('/console');
      expect(overview.statusCode).toBe(200);
      csrf = /name="_csrf" value="([^"]+)"/.exec(overview.body)?.[1] ?? '';
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(overview.headers['content-security-policy']).toContain("default-src 'none'");
      expect(overview.body).toContain('Workers alive');
    });
  });

  describe('the pages', () => {
    it('finds the rejected declaration and explains its violation with the rule description', async () => {
      const list = await get('/console/messages?declaratieNummer=DECCONSOLE1');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`/console/messages/${ids['rejected']}`);
      expect(list.body).toContain('TR101');
      const detail = await get(`/console/messages/${ids['rejected']}`);
      expect(detail.statusCode).toBe(200);
      expect(squash(detail.body)).toContain('<caption>Rules this message broke (');
      expect(squash(detail.body)).toMatch(/<td>TR101<\/td><td>0001<\/td><td>[^<]{10,}<\/td>/);
      expect(detail.body).toContain('/Bericht/');
      expect(detail.body).not.toContain('999990019');
    });

    it('searches by BSN with a POST and never shows or links the BSN', async () => {
      const bsn = /<(?:\w+:)?Bsn>(\d+)</.exec(validSample('WMO305'))?.[1] ?? '';
      const response = await post('/console/messages/by-bsn', { _csrf: csrf, bsn });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`/console/messages/${ids['start']}`);
      expect(response.body).not.toContain(bsn);
    });

    it('shows the raw XML only after a POST with the CSRF token, and audits it', async () => {
      expect((await get(`/console/messages/${ids['start']}`)).body).not.toContain(
        '&lt;wmo305:Bericht',
      );
      expect((await post(`/console/messages/${ids['start']}/raw`, {})).statusCode).toBe(403);
      const shown = await post(`/console/messages/${ids['start']}/raw`, { _csrf: csrf });
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('&lt;wmo305:Bericht');
      const audit = await new AuditLog(gateway.intakeRedis, gateway.prefix).latest(20);
      expect(audit).toContainEqual(
        expect.objectContaining({
          action: 'view-raw-xml',
          clientId: 'operator',
          detail: expect.objectContaining({ messageId: ids['start'] }),
        }),
      );
    });

    it('refuses a POST from another origin', async () => {
      const response = await post(
        `/console/messages/${ids['start']}/raw`,
        { _csrf: csrf },
        { origin: 'https://evil.example' },
      );
      expect(response.statusCode).toBe(403);
    });

    it('counts rejects per rule and sender for today', async () => {
      const response = await get('/console/rejects');
      expect(response.statusCode).toBe(200);
      expect(squash(response.body)).toMatch(
        /<td>[0-9-]{10}<\/td><td><a href="[^"]+">TR101<\/a><\/td><td class="num">1<\/td>/,
      );
      expect(squash(response.body)).toContain('>12345678</a>');
    });

    it('lists answers not delivered yet with their due date in working days', async () => {
      const response = await get('/console/deadlines');
      expect(response.statusCode).toBe(200);
      const due = addWorkingDays(dutchDate(new Date()), 3);
      expect(response.body).toContain(`/console/messages/${ids['start']}`);
      expect(squash(response.body)).toContain(`<td>${due}</td>`);
      expect(squash(response.body)).toContain(
        '<caption>Answers due: retour within 3 working days, WMO325 within 10</caption>',
      );
    });
  });

  describe('dead letters', () => {
    it('replays one with the CSRF token: same delivery id, timeline entry, audit entry', async () => {
      const dead = (await gateway.deliveries.deadLetters(10)).find((d) => d.kind === 'forward');
      expect(dead).toBeDefined();
      const page = await get('/console/dead-letters');
      expect(page.body).toContain(dead?.id.slice(-16) ?? 'x');
      expect((await post('/console/dead-letters/replay', { id: dead?.id ?? '' })).statusCode).toBe(
        403,
      );
      const replayed = await post('/console/dead-letters/replay', {
        _csrf: csrf,
        id: dead?.id ?? '',
      });
      expect(replayed.statusCode).toBe(303);
      expect(replayed.headers.location).toContain('replayed=1');
      await waitFor(
        async () => (await gateway.deliveries.get(dead?.id ?? ''))?.status === 'delivered',
        'the replay',
      );
      const events = await gateway.store.getEvents(dead?.messageId ?? '');
      expect(events).toContainEqual(
        expect.objectContaining({
          event: 'delivery-replayed',
          detail: expect.objectContaining({ deliveryId: dead?.id, by: 'operator' }),
        }),
      );
      const audit = await new AuditLog(gateway.intakeRedis, gateway.prefix).latest(20);
      expect(audit).toContainEqual(
        expect.objectContaining({
          action: 'replay-delivery',
          clientId: 'operator',
          detail: expect.objectContaining({ deliveryId: dead?.id, via: 'console' }),
        }),
      );
    });
  });

  describe('batch replay', () => {
    it('replays every dead letter the filter shows and records the batch', async () => {
      const retours = (await gateway.deliveries.deadLetters(10)).filter((d) => d.kind === 'retour');
      expect(retours.length).toBe(2);
      const filtered = await get('/console/dead-letters?kind=retour');
      expect(filtered.body).toContain('Replay all 2 shown');
      const replayed = await post('/console/dead-letters/replay', {
        _csrf: csrf,
        batch: '1',
        kind: 'retour',
        party: '',
      });
      expect(replayed.statusCode).toBe(303);
      expect(replayed.headers.location).toBe('/console/dead-letters?kind=retour&replayed=2');
      const audit = await new AuditLog(gateway.intakeRedis, gateway.prefix).latest(20);
      expect(audit).toContainEqual(
        expect.objectContaining({
          action: 'replay-batch',
          clientId: 'operator',
          detail: { party: '', kind: 'retour', replayed: '2' },
        }),
      );
    });
  });

  describe('GET /metrics', () => {
    it('needs an operator key and shows counters, histograms and gauges', async () => {
      expect((await gateway.call('GET', '/metrics')).status).toBe(401);
      expect((await gateway.call('GET', '/metrics', keys.supplier)).status).toBe(403);
      const response = await gateway.call('GET', '/metrics', keys.operator);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
      expect(response.text).toContain(
        'iwmo_messages_decided_total{message_type="WMO305",outcome="accepted",control_level="2"} 1',
      );
      expect(response.text).toContain('iwmo_messages_received_total{message_type="WMO305"} 1');
      expect(response.text).toContain(
        'iwmo_rule_violations_total{message_type="WMO323",rule="TR101"} 1',
      );
      expect(response.text).toMatch(/iwmo_stage_duration_seconds_count\{stage="validation"\} 2/);
      expect(response.text).toContain(
        'iwmo_stage_duration_seconds_bucket{stage="queue_wait",le="+Inf"} 2',
      );
      expect(response.text).toMatch(/iwmo_queue_jobs\{queue="inbound",state="waiting"\} \d+/);
      expect(response.text).toMatch(/iwmo_workers \d+/);
      // Delivery failures per receiver: the back office refused the forward once (a dead letter,
      // replayed above); the supplier refuses every retour.
      expect(response.text).toContain(
        'iwmo_delivery_attempts_total{receiver="0363",kind="forward",outcome="dead"} 1',
      );
      expect(response.text).toMatch(
        /^iwmo_delivery_attempts_total\{receiver="12345678",kind="retour",outcome="dead"\} [2-9]$/m,
      );
      expect(response.text).toMatch(/^iwmo_retour_deadlines\{state="open"\} 2$/m);
      expect(response.text).not.toContain('999990019');
    });
  });

  describe('signing out', () => {
    it('ends the session', async () => {
      const response = await post('/console/logout', { _csrf: csrf });
      expect(response.statusCode).toBe(303);
      expect(String(response.headers['set-cookie'])).toContain('Max-Age=0');
      expect((await get('/console')).statusCode).toBe(303);
    });
  });
});

describe('operator console with default settings', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      metricsOpenOnLoopback: true,
      parties: { local: [{ code: '0363', name: 'Gemeente (test)' }], clients },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('is read-only: no replay buttons, and a replay POST is refused', async () => {
    const login = await gateway.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `apiKey=${encodeURIComponent(keys.operator)}`,
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const page = await gateway.app.inject({
      method: 'GET',
      url: '/console/dead-letters',
      headers: { cookie },
    });
    expect(page.body).toContain('CONSOLE_ALLOW_REPLAY=false');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const replay = await gateway.app.inject({
      method: 'POST',
      url: '/console/dead-letters/replay',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${csrf}&id=x-forward`,
    });
    expect(replay.statusCode).toBe(403);
  });

  it('lets a loopback scraper read /metrics without a key when METRICS_OPEN_ON_LOOPBACK is on', async () => {
    const local = await gateway.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
    });
    expect(local.statusCode).toBe(200);
    const remote = await gateway.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.1.2.3',
    });
    expect(remote.statusCode).toBe(401);
  });
});
