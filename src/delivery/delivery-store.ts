import type { Redis } from 'ioredis';

import type { MessageType } from '../domain/message-types.js';
import type { AtomicWrite } from '../store/index.js';
import type {
  DeliveryKind,
  DeliveryRecord,
  DeliveryStatus,
  NewDelivery,
} from './delivery-record.js';

export function deliveryKeys(prefix: string) {
  return {
    delivery: (id: string) => `${prefix}:dlv:${id}`,
    ofMessage: (messageId: string) => `${prefix}:msg:${messageId}:deliveries`,
    /** Deliveries not handed over yet (score: creation time); the reconciler's work list. */
    pending: `${prefix}:idx:dlv:pending`,
    /** Dead letters (score: time of death). */
    dead: `${prefix}:idx:dlv:dead`,
    /** Items held for a party until it acknowledges them (score: creation time). */
    inbox: (party: string) => `${prefix}:inbox:${party}`,
  } as const;
}

/** Deliveries, their state, dead letters and inboxes, in Redis. */
export class DeliveryStore {
  readonly keys: ReturnType<typeof deliveryKeys>;
  readonly #redis: Redis;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.keys = deliveryKeys(prefix);
  }

  /** The writes that create `deliveries` atomically with the message's decision. */
  creationWrites(deliveries: readonly NewDelivery[], now: Date): AtomicWrite[] {
    const at = now.toISOString();
    return deliveries.flatMap((d): AtomicWrite[] => [
      {
        op: 'hset',
        key: this.keys.delivery(d.id),
        fields: {
          id: d.id,
          messageId: d.messageId,
          kind: d.kind,
          party: d.party,
          channel: d.channel,
          documentType: d.documentType,
          idempotencyKey: d.idempotencyKey,
          status: 'pending',
          attempts: '0',
          createdAt: at,
          updatedAt: at,
        },
      },
      { op: 'sadd', key: this.keys.ofMessage(d.messageId), member: d.id },
      { op: 'zadd', key: this.keys.pending, score: now.getTime(), member: d.id },
    ]);
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const hash = await this.#redis.hgetall(this.keys.delivery(id));
    return hash['id'] === undefined ? undefined : toRecord(hash);
  }

  async forMessage(messageId: string): Promise<DeliveryRecord[]> {
    const ids = await this.#redis.smembers(this.keys.ofMessage(messageId));
    const records = await Promise.all(ids.sort().map((id) => this.get(id)));
    return records.filter((r): r is DeliveryRecord => r !== undefined);
  }

  async recordAttempt(
    id: string,
    attempt: number,
    error: string | undefined,
    now: Date,
  ): Promise<void> {
    await this.#redis.hset(this.keys.delivery(id), {
      attempts: String(attempt),
      updatedAt: now.toISOString(),
      ...(error === undefined ? {} : { lastError: error }),
    });
  }

  /** Marks a delivery handed over (idempotent). */
  async markDelivered(id: string, now: Date): Promise<void> {
    await this.#redis
      .multi()
      .hset(this.keys.delivery(id), { status: 'delivered', updatedAt: now.toISOString() })
      .zrem(this.keys.pending, id)
      .zrem(this.keys.dead, id)
      .exec();
  }

  /** Puts a delivery in its party's inbox; it stays pending until the party acknowledges it. */
  async holdInInbox(record: DeliveryRecord, now: Date): Promise<void> {
    await this.#redis
      .multi()
      .zadd(this.keys.inbox(record.party), 'NX', now.getTime(), record.id)
      .hset(this.keys.delivery(record.id), { status: 'held', updatedAt: now.toISOString() })
      .zrem(this.keys.pending, record.id)
      .exec();
  }

  async markDead(id: string, error: string, now: Date): Promise<void> {
    await this.#redis
      .multi()
      .hset(this.keys.delivery(id), {
        status: 'dead',
        lastError: error,
        updatedAt: now.toISOString(),
      })
      .zrem(this.keys.pending, id)
      .zadd(this.keys.dead, now.getTime(), id)
      .exec();
  }

  /** Makes a dead letter pending again for a replay; false when it is not dead. */
  async revive(id: string, now: Date): Promise<boolean> {
    const record = await this.get(id);
    if (record?.status !== 'dead') {
      return false;
    }
    await this.#redis
      .multi()
      .hset(this.keys.delivery(id), {
        status: 'pending',
        attempts: '0',
        updatedAt: now.toISOString(),
      })
      .zrem(this.keys.dead, id)
      .zadd(this.keys.pending, now.getTime(), id)
      .exec();
    return true;
  }

  async deadLetters(limit: number): Promise<DeliveryRecord[]> {
    const ids = await this.#redis.zrange(this.keys.dead, 0, limit - 1);
    const records = await Promise.all(ids.map((id) => this.get(id)));
    return records.filter((r): r is DeliveryRecord => r !== undefined);
  }

  async pendingBefore(olderThan: Date, limit: number): Promise<string[]> {
    return this.#redis.zrangebyscore(
      this.keys.pending,
      '-inf',
      olderThan.getTime(),
      'LIMIT',
      0,
      limit,
    );
  }

  /** Inbox items of the given parties, oldest first. */
  async inbox(parties: readonly string[], limit: number): Promise<DeliveryRecord[]> {
    const ids = new Set<string>();
    for (const party of parties) {
      for (const id of await this.#redis.zrange(this.keys.inbox(party), 0, limit - 1)) {
        ids.add(id);
      }
    }
    const records = await Promise.all([...ids].map((id) => this.get(id)));
    return records
      .filter((r): r is DeliveryRecord => r !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, limit);
  }

  /** Acknowledges an inbox item (idempotent: acknowledging twice is fine). */
  async acknowledge(record: DeliveryRecord, now: Date): Promise<void> {
    await this.#redis
      .multi()
      .zrem(this.keys.inbox(record.party), record.id)
      .hset(this.keys.delivery(record.id), { status: 'delivered', updatedAt: now.toISOString() })
      .zrem(this.keys.pending, record.id)
      .exec();
  }
}

function toRecord(hash: Record<string, string>): DeliveryRecord {
  return {
    id: hash['id'] ?? '',
    messageId: hash['messageId'] ?? '',
    kind: (hash['kind'] ?? 'forward') as DeliveryKind,
    party: hash['party'] ?? '',
    channel: (hash['channel'] ?? 'inbox') as DeliveryRecord['channel'],
    documentType: (hash['documentType'] ?? 'WMO301') as MessageType,
    idempotencyKey: hash['idempotencyKey'] ?? '',
    status: (hash['status'] ?? 'pending') as DeliveryStatus,
    attempts: Number(hash['attempts'] ?? 0),
    createdAt: hash['createdAt'] ?? '',
    updatedAt: hash['updatedAt'] ?? '',
    lastError: hash['lastError'],
  };
}
