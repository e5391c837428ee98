import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GatewayHarness } from '../helpers/gateway-harness.js';
import { SAMPLES_DIR, validSample, withElementText } from '../helpers/sample-messages.js';
import { testClients } from '../helpers/test-parties.js';

interface Page {
  items: { id: string; status: string; messageType: string; ruleIds: string[] }[];
  nextCursor: string | null;
  complete: boolean;
  total: number | null;
}

/** GET /v1/search: every criterion, paging, BSN by keyed hash, operator only. */
describe('operator search', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;
  const ids: Record<string, string> = {};

  async function search(query: string, key = keys.operator) {
    const response = await gateway.call('GET', `/v1/search?${query}`, key);
    return { status: response.status, page: JSON.parse(response.text) as Page };
  }

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      parties: {
        local: [{ code: '0363', name: 'Gemeente (test)' }],
        remote: [{ code: '12345678', name: 'Supplier (test)' }],
        clients,
      },
    });
    await gateway.startWorker();
    const rejected = withElementText(
      withElementText(
        withElementText(
          readFileSync(join(SAMPLES_DIR, 'WMO323/invalid/TR101.xml'), 'utf8'),
          'DeclaratieNummer',
          'DECREJ77',
        ),
        'Afzender',
        '12345678',
      ),
      'Identificatie',
      'SRCH-REJ-1',
    );
    const messages: Record<string, string> = {
      declaratie: withElementText(validSample('WMO323'), 'Identificatie', 'SRCH-323-1'),
      rejected,
      start1: withElementText(validSample('WMO305'), 'Identificatie', 'SRCH-305-1'),
      start2: withElementText(validSample('WMO305'), 'Identificatie', 'SRCH-305-2'),
      start3: withElementText(validSample('WMO305'), 'Identificatie', 'SRCH-305-3'),
    };
    for (const [name, xml] of Object.entries(messages)) {
      const posted = await gateway.post(xml, 'application/xml', keys.supplier);
      expect(posted.status).toBe(202);
      ids[name] = posted.body['id'] as string;
    }
    for (const id of Object.values(ids)) {
      await gateway.waitForDecision(id);
    }
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('finds a rejected declaration by its DeclaratieNummer, with its rule ids', async () => {
    const { status, page } = await search('declaratieNummer=DECREJ77');
    expect(status).toBe(200);
    expect(page.items.map((i) => i.id)).toEqual([ids['rejected']]);
    expect(page.items[0]?.status).toBe('rejected');
    expect(page.items[0]?.ruleIds).toContain('TR101');
    expect(page.total).toBe(1);
  });

  it('combines criteria: type, sender, receiver and status', async () => {
    const { page } = await search(
      'messageType=WMO305&sender=12345678&receiver=0363&status=accepted',
    );
    expect(page.items.map((i) => i.id).sort()).toEqual(
      [ids['start1'], ids['start2'], ids['start3']].sort(),
    );
    const rejected = await search('messageType=WMO323&status=rejected');
    expect(rejected.page.items.map((i) => i.id)).toEqual([ids['rejected']]);
  });

  it('finds by BerichtIdentificatie, gateway id and BSN', async () => {
    expect((await search('berichtIdentificatie=SRCH-305-2')).page.items[0]?.id).toBe(ids['start2']);
    expect((await search(`id=${ids['start3']}`)).page.items[0]?.id).toBe(ids['start3']);
    const byBsn = await gateway.app.inject({
      method: 'POST',
      url: '/v1/search',
      headers: { authorization: `Bearer ${keys.operator}`, 'content-type': 'application/json' },
      payload: { bsn: '999990019' },
    });
    expect(byBsn.statusCode).toBe(200);
    expect(byBsn.json<Page>().items.map((i) => i.id)).toContain(ids['declaratie']);
    expect(byBsn.body).not.toContain('999990019');
  });

  it('keeps BSNs out of Redis in clear', async () => {
    const keysInRedis = await gateway.intakeRedis.keys(`${gateway.prefix}:sx:bsn:*`);
    expect(keysInRedis.length).toBeGreaterThan(0);
    expect(keysInRedis.join(' ')).not.toContain('999990019');
  });

  it('pages newest first with a cursor, without repeats', async () => {
    const first = await search('messageType=WMO305&limit=2');
    expect(first.page.items).toHaveLength(2);
    expect(first.page.nextCursor).not.toBeNull();
    const second = await search(`messageType=WMO305&limit=2&cursor=${first.page.nextCursor}`);
    expect(second.page.items).toHaveLength(1);
    expect(second.page.nextCursor).toBeNull();
    const all = [...first.page.items, ...second.page.items].map((i) => i.id);
    expect(new Set(all).size).toBe(3);
  });

  it('limits by date range', async () => {
    expect((await search('from=2000-01-01&to=2000-12-31')).page.items).toEqual([]);
    const today = await search(`from=${new Date(Date.now() - 3_600_000).toISOString()}`);
    expect(today.page.items).toHaveLength(5);
  });

  describe('when the caller is not an operator', () => {
    it('answers 403, and 401 without a key', async () => {
      expect(
        (await gateway.call('GET', '/v1/search?messageType=WMO305', keys.supplier)).status,
      ).toBe(403);
      expect((await gateway.call('GET', '/v1/search?messageType=WMO305')).status).toBe(401);
    });
  });

  describe('when a BSN is sent in the URL', () => {
    it('answers 400: a BSN goes in a POST body, never in a URL or access log', async () => {
      const { status, page } = await search('bsn=999990019');
      expect(status).toBe(400);
      expect(JSON.stringify(page)).not.toContain('999990019');
    });
  });

  describe('when a criterion is invalid', () => {
    it('answers 400', async () => {
      expect((await search('messageType=WMO305&limit=0')).status).toBe(400);
      expect((await search('messageType=WMO999')).status).toBe(400);
    });
  });
});

describe('operator search before the decision', () => {
  const { clients, keys } = testClients();
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      parties: { local: [{ code: '0363', name: 'Gemeente (test)' }], clients },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('finds a message stored by intake (no worker ran) by its body values and status', async () => {
    const xml = withElementText(validSample('WMO323'), 'DeclaratieNummer', 'DECPENDING1');
    const posted = await gateway.post(xml, 'application/xml', keys.supplier);
    expect(posted.status).toBe(202);
    const response = await gateway.call(
      'GET',
      '/v1/search?declaratieNummer=DECPENDING1&status=received',
      keys.operator,
    );
    const page = JSON.parse(response.text) as Page;
    expect(page.items.map((i) => i.id)).toEqual([posted.body['id']]);
    expect(page.items[0]?.status).toBe('received');
  });
});

describe('SearchIndex paging', () => {
  let gateway: GatewayHarness;
  const message = (n: number, score: number, sender: string) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    messageType: 'WMO301' as const,
    sender,
    receiver: '0363',
    berichtIdentificatie: `P${n}`,
    receivedAt: new Date(score),
  });

  async function index(messages: ReturnType<typeof message>[]) {
    const pipeline = gateway.intakeRedis.pipeline();
    for (const m of messages) {
      pipeline.hset(gateway.store.keys.message(m.id), { id: m.id, status: 'accepted' });
      for (const w of gateway.search.decisionWrites(m, 'accepted', {
        bsns: [],
        toewijzingNummers: [],
        declaratieNummers: [],
      })) {
        if (w.op === 'zadd') {
          pipeline.zadd(w.key, w.score, w.member);
        }
      }
    }
    await pipeline.exec();
  }

  beforeAll(async () => {
    gateway = await GatewayHarness.create();
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('pages through 1,200 messages with the same receipt time without repeats or gaps', async () => {
    await index(Array.from({ length: 1200 }, (_, n) => message(n, 1_700_000_000_000, 'SAME')));
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await gateway.search.search({
        sender: 'SAME',
        limit: 250,
        ...(cursor ? { cursor } : {}),
      });
      page.items.forEach((i) => seen.add(i.id));
      if (page.nextCursor === null) {
        break;
      }
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(1200);
  });

  it('stops a sparse combined search at its scan budget and goes on from the cursor', async () => {
    // Two sets of 22,000 that share one old message: more than the 20,000-candidate budget.
    const many = Array.from({ length: 44_000 }, (_, n) => ({
      ...message(10_000 + n, 1_600_000_000_000 + n, n < 22_000 ? 'S1' : 'S2'),
      receiver: n >= 22_000 || n === 3 ? 'R1' : 'R2',
    }));
    await index(many);
    const first = await gateway.search.search({ sender: 'S1', receiver: 'R1', limit: 10 });
    expect(first.items).toEqual([]);
    expect(first.complete).toBe(false);
    expect(first.nextCursor).not.toBeNull();
    const second = await gateway.search.search({
      sender: 'S1',
      receiver: 'R1',
      limit: 10,
      cursor: first.nextCursor ?? '',
    });
    expect(second.items.map((i) => i.id)).toEqual([many[3]?.id]);
    expect(second.complete).toBe(true);
    expect(second.nextCursor).toBeNull();
  });
});
