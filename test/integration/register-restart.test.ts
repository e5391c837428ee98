import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

import { start305, toewijzing301 } from '../../bench/iwmo-messages.js';
import { parseMessage } from '../../src/model/index.js';
import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../../src/register/index.js';
import { BodyCipher, MessageStore } from '../../src/store/index.js';
import { testBsn } from '../helpers/level3-traffic.js';

/** The register is plain Redis data under AOF: a restart of redis-server keeps it. */
describe('the register across a Redis restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-register-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const bodyKey = randomBytes(32);
  const prefix = 'restart';
  const bsn = testBsn(9);

  it('still knows a decided toewijzing after redis-server stopped and started again', async () => {
    const xml = toewijzing301(
      { afzender: '0363', ontvanger: '12345678', identificatie: 'R1', dagtekening: '2026-01-10' },
      bsn,
      [
        {
          nummer: '280001',
          categorie: '02',
          code: '02A03',
          toewijzingsdatum: '2026-01-10',
          toewijzingstijd: '08:00:00',
          ingangsdatum: '2026-02-01',
          einddatum: '2026-12-31',
          omvang: { volume: 2, eenheid: '04', frequentie: '2' },
        },
      ],
    );
    const first = await startEmbeddedRedis({ dataDir, appendfsync: 'always' });
    const redis = new Redis(first.url);
    const store = new MessageStore(redis, prefix, new BodyCipher(bodyKey));
    const register = new RedisRegister(redis, prefix, new ClientIds(deriveRegisterKey(bodyKey)));
    await store.create({
      id: 'm1',
      messageType: 'WMO301',
      sender: '0363',
      receiver: '12345678',
      berichtIdentificatie: 'R1',
      dagtekening: '2026-01-10',
      correlationId: 'c1',
      body: Buffer.from(xml),
      receivedAt: new Date(),
    });
    const message = parseMessage('WMO301', xml);
    const snapshot = await register.load(message);
    const writes = register.plan(message, snapshot, { messageId: 'm1', violations: [] });
    const result = { status: 'accepted', controlLevel: 3, violations: [] } as const;
    expect(await store.finishGuarded('m1', result, new Date(), writes, snapshot.guards)).toBe(
      'decided',
    );
    await redis.quit();
    await first.stop();

    const second = await startEmbeddedRedis({ dataDir, appendfsync: 'always' });
    const again = new Redis(second.url);
    try {
      const reopened = new RedisRegister(again, prefix, new ClientIds(deriveRegisterKey(bodyKey)));
      expect(await reopened.readAllocation('0363', '280001')).toMatchObject({
        aanbieder: '12345678',
        actual: { ingangsdatum: '2026-02-01', messageId: 'm1' },
      });
      const start = parseMessage(
        'WMO305',
        start305(
          {
            afzender: '12345678',
            ontvanger: '0363',
            identificatie: 'S1',
            dagtekening: '2026-02-03',
          },
          bsn,
          [{ nummer: '280001', categorie: '02', code: '02A03', begindatum: '2026-02-02' }],
        ),
      );
      const view = (await reopened.load(start)).view;
      expect(view.toewijzingen.get('280001')?.clientId).toBe(view.clients.get(bsn)?.clientId);
      expect(view.clients.get(bsn)?.known).toBe(true);
    } finally {
      await again.quit();
      await second.stop();
    }
  });
});
