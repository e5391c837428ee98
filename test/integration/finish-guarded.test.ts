import { randomBytes, randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { declaratie323, start305, toewijzing301 } from '../../bench/iwmo-messages.js';
import { parseMessage } from '../../src/model/index.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../../src/register/index.js';
import { sha1 } from '../../src/register/read-batch.js';
import { type AtomicGuard, BodyCipher, MessageStore } from '../../src/store/index.js';
import { testBsn } from '../helpers/level3-traffic.js';

/**
 * The decision script with many guards and wide hash writes (a large declaration reads and
 * writes tens of thousands of fields of a few hashes): the guards are checked per key with one
 * HMGET per 500 fields, the fields of one hset are written with one HSET per 500 fields.
 */
describe('MessageStore.finishGuarded with many fields', () => {
  let redis: Redis;
  let store: MessageStore;
  const prefix = `finish-${randomUUID()}`;
  const bodyKey = randomBytes(32);
  const result = { status: 'accepted', controlLevel: 3, violations: [] } as const;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
    store = new MessageStore(redis, prefix, new BodyCipher(bodyKey));
  });
  afterAll(async () => {
    await redis.quit();
  });

  async function message(): Promise<string> {
    const id = randomUUID();
    await store.create({
      id,
      messageType: 'WMO301',
      sender: '0363',
      receiver: '12345678',
      berichtIdentificatie: id,
      dagtekening: '2026-01-01',
      correlationId: id,
      body: Buffer.from('<x/>'),
      receivedAt: new Date(),
    });
    return id;
  }

  it('checks 1,234 field guards of one hash and writes 1,234 fields with one hset', async () => {
    const guarded = `${prefix}:guarded`;
    const values = Array.from({ length: 1_234 }, (_, i) => [`f${i}`, `value ${i}`] as const);
    await redis.hset(guarded, Object.fromEntries(values.filter((_, i) => i % 3 !== 0)));
    const guards: AtomicGuard[] = values.map(([field, value], i) => ({
      key: guarded,
      field,
      sha1: i % 3 === 0 ? '' : sha1(value),
    }));
    const member = `${prefix}:set`;
    await redis.sadd(member, 'in');
    guards.push(
      { key: member, member: 'in', present: true },
      { key: member, member: 'out', present: false },
    );
    const target = `${prefix}:target`;
    const fields = Object.fromEntries(values.map(([field, value]) => [field, `new ${value}`]));
    const write = { op: 'hset', key: target, fields } as const;

    // The last field of the last HMGET chunk changed: nothing is written.
    const stale = guards.map((guard) =>
      'field' in guard && guard.field === 'f1233' ? { ...guard, sha1: sha1('old') } : guard,
    );
    const first = await message();
    expect(await store.finishGuarded(first, result, new Date(), [write], stale)).toBe('conflict');
    expect(await redis.exists(target)).toBe(0);
    // A member guard that does not hold: nothing is written either.
    const absent = guards.map((guard) =>
      'member' in guard && guard.member === 'out' ? { ...guard, present: true } : guard,
    );
    expect(await store.finishGuarded(first, result, new Date(), [write], absent)).toBe('conflict');

    expect(await store.finishGuarded(first, result, new Date(), [write], guards)).toBe('decided');
    expect(await redis.hgetall(target)).toEqual(fields);
    expect(await store.finishGuarded(first, result, new Date(), [write], [])).toBe(
      'already-decided',
    );
  });

  it('applies increments in order, grouped per key', async () => {
    const [a, b] = [`${prefix}:incr-a`, `${prefix}:incr-b`];
    await redis.hset(a, 'x', '10');
    const writes = [
      { op: 'hincrby', key: a, field: 'x', by: 5 },
      { op: 'hincrby', key: a, field: 'y', by: -2 },
      { op: 'hincrby', key: b, field: 'x', by: 1 },
      { op: 'hset', key: b, fields: { x: '100' } },
      { op: 'hincrby', key: b, field: 'x', by: 1 },
      { op: 'hincrby', key: a, field: 'x', by: 1 },
    ] as const;
    expect(await store.finishGuarded(await message(), result, new Date(), writes, [])).toBe(
      'decided',
    );
    expect(await redis.hgetall(a)).toEqual({ x: '16', y: '-2' });
    expect(await redis.hgetall(b)).toEqual({ x: '101' });
  });

  it('guards a client by its version: a start decided in between is a conflict', async () => {
    const register = new RedisRegister(redis, prefix, new ClientIds(deriveRegisterKey(bodyKey)));
    const bsn = testBsn(77);
    const decide = async (xml: string, type: 'WMO301' | 'WMO305'): Promise<void> => {
      const parsed = parseMessage(type, xml);
      const snapshot = await register.load(parsed);
      const writes = register.plan(parsed, snapshot, { messageId: 'm', violations: [] });
      expect(
        await store.finishGuarded(await message(), result, new Date(), writes, snapshot.guards),
      ).toBe('decided');
    };
    const aanbieder = { afzender: '12345678', ontvanger: '0363', dagtekening: '2026-02-03' };
    await decide(
      toewijzing301(
        { afzender: '0363', ontvanger: '12345678', identificatie: 'T1', dagtekening: '2026-01-10' },
        bsn,
        [
          {
            nummer: '290001',
            categorie: '02',
            code: '02A03',
            toewijzingsdatum: '2026-01-10',
            toewijzingstijd: '08:00:00',
            ingangsdatum: '2026-02-01',
            einddatum: '2026-12-31',
            omvang: { volume: 2, eenheid: '04', frequentie: '2' },
          },
        ],
      ),
      'WMO301',
    );
    const declaratie = parseMessage(
      'WMO323',
      declaratie323(
        { ...aanbieder, identificatie: 'D1', dagtekening: '2026-03-02' },
        {
          nummer: 'D1',
          maand: '2026-02',
          clienten: [
            {
              bsn,
              prestaties: [
                {
                  referentie: 'P1',
                  nummer: '290001',
                  categorie: '02',
                  code: '02A03',
                  begindatum: '2026-02-01',
                  einddatum: '2026-02-28',
                  volume: 4,
                  eenheid: '04',
                  tarief: 3900,
                  debetCredit: 'D',
                },
              ],
            },
          ],
        },
      ),
    );
    const snapshot = await register.load(declaratie);
    const clientGuards = snapshot.guards.filter(
      (guard) => 'field' in guard && guard.key.includes(':reg:cl:'),
    );
    expect(clientGuards.map((guard) => 'field' in guard && guard.field)).toEqual(['v']);
    // A start of the same client decided after the declaration's register was read.
    await decide(
      start305({ ...aanbieder, identificatie: 'S1' }, bsn, [
        { nummer: '290001', categorie: '02', code: '02A03', begindatum: '2026-02-02' },
      ]),
      'WMO305',
    );
    const writes = register.plan(declaratie, snapshot, { messageId: 'd', violations: [] });
    expect(
      await store.finishGuarded(await message(), result, new Date(), writes, snapshot.guards),
    ).toBe('conflict');
    const again = await register.load(declaratie);
    expect(
      await store.finishGuarded(await message(), result, new Date(), writes, again.guards),
    ).toBe('decided');
  });
});
