import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dutchDayStart } from '../../src/calendar/index.js';
import { countOpenDeadlines } from '../../src/console/deadline-counts.js';
import { GatewayHarness } from '../helpers/gateway-harness.js';

/**
 * countOpenDeadlines (GET /metrics and the deadline alerts) on hand-made entries: on Monday
 * 2026-12-28 a retour due that day is at risk, one due on the 24th is overdue, one due in January
 * is open; answered entries and entries of vanished messages leave the open set.
 */
describe('countOpenDeadlines', () => {
  const now = new Date('2026-12-28T09:00:00+01:00');
  const endOf = (date: string) => dutchDayStart(date).getTime() + 86_400_000 - 1;
  let gateway: GatewayHarness;
  let key: string;

  beforeAll(async () => {
    gateway = await GatewayHarness.create({
      parties: { local: [{ code: '0363', name: 'Gemeente (test)' }], remote: [], clients: [] },
    });
    const redis = gateway.intakeRedis;
    const p = gateway.prefix;
    key = `${p}:deadline:open`;
    const entries: [string, string, string | undefined, boolean][] = [
      // id, due day, retour delivery status, message record exists
      ['due-today-dead', '2026-12-28', 'dead', true],
      ['due-today-pending', '2026-12-28', 'pending', true],
      ['late-failed', '2026-12-24', undefined, true],
      ['january', '2027-01-08', 'pending', true],
      ['answered', '2026-12-28', 'delivered', true],
      ['in-inbox', '2026-12-24', 'held', true],
      ['vanished', '2026-12-24', undefined, false],
    ];
    for (const [id, due, retour, exists] of entries) {
      await redis.zadd(key, endOf(due), id);
      if (retour !== undefined) {
        await redis.hset(`${p}:dlv:${id}-retour`, { status: retour });
      }
      if (exists) {
        await redis.hset(`${p}:msg:${id}`, { messageType: 'WMO305', receiver: '0363' });
      }
    }
    // Undecided: a heen message to the local party received on Tuesday the 22nd (three working
    // days: the 23rd, the 24th and, after Christmas and the weekend, the 28th: at risk today), one
    // to a remote party and a retour type (neither is the gateway's to answer).
    const undecided: [string, string, string][] = [
      ['undecided-local', 'WMO315', '0363'],
      ['undecided-remote', 'WMO315', '9999'],
      ['undecided-retour', 'WMO306', '0363'],
    ];
    for (const [id, messageType, receiver] of undecided) {
      await redis.hset(`${p}:msg:${id}`, {
        messageType,
        receiver,
        receivedAt: '2026-12-22T10:00:00+01:00',
      });
      await redis.zadd(`${p}:idx:pending`, Date.parse('2026-12-22T10:00:00+01:00'), id);
    }
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('counts each open answer once, in its state', async () => {
    const counts = await countOpenDeadlines(
      {
        redis: gateway.intakeRedis,
        prefix: gateway.prefix,
        isLocal: (code) => gateway.parties.isLocal(code),
      },
      now,
    );
    expect(counts).toEqual({ open: 1, atRisk: 3, overdue: 1 });
  });

  it('drops the answered and vanished entries from the open set', async () => {
    expect((await gateway.intakeRedis.zrange(key, 0, -1)).sort()).toEqual([
      'due-today-dead',
      'due-today-pending',
      'january',
      'late-failed',
    ]);
  });
});
