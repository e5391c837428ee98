import type { Redis } from 'ioredis';

import type { CounterTotals } from './alert-samples.js';
import type { AlertState, AlertTransition } from './evaluate-alerts.js';

/**
 * Redis keys of the alerts (`<prefix>:alerts:…`):
 * - `state`: hash, rule id → the alert's state and its rule (JSON);
 * - `meta`: hash, the last evaluation (`evaluatedAt`, `webhook`: on/off, `rules`);
 * - `history`: list, newest first, of phase changes (capped);
 * - `snapshots`: sorted set of counter totals by time (failure rates over a window);
 * - `outbox` + `outbox:n`: webhook calls still to make (sorted by when) and their bodies;
 * - `webhook`: list, newest first, of webhook attempts (capped);
 * - `lock`: the evaluation lock (one process at a time).
 */
export function alertKeys(prefix: string) {
  const base = `${prefix}:alerts`;
  return {
    state: `${base}:state`,
    meta: `${base}:meta`,
    history: `${base}:history`,
    snapshots: `${base}:snapshots`,
    outbox: `${base}:outbox`,
    outboxItems: `${base}:outbox:n`,
    webhook: `${base}:webhook`,
    lock: `${base}:lock`,
  } as const;
}

/** An alert's state with what the console shows of its rule. */
export interface AlertRecord extends AlertState {
  readonly kind: string;
  readonly severity: string;
  readonly threshold: number;
  readonly forMs: number;
  readonly condition: string;
  readonly description: string | null;
}

/** The JSON body of a webhook call (docs/operations.md#alerts). */
export interface AlertPayload {
  readonly notificationId: string;
  readonly alert: string;
  readonly state: 'firing' | 'resolved';
  readonly severity: string;
  readonly kind: string;
  readonly condition: string;
  readonly description: string | null;
  readonly value: number | null;
  readonly threshold: number;
  /** When the condition started to hold: the same in the firing and the resolved call. */
  readonly since: string | null;
  /** When the alert reached this state. */
  readonly at: string;
  readonly environment: string;
  /** The console's alerts page, at this alert. */
  readonly console: string;
}

export interface AlertNotification {
  readonly payload: AlertPayload;
  /** Attempts made so far. */
  readonly attempts: number;
}

export interface WebhookAttempt {
  readonly notificationId: string;
  readonly alert: string;
  readonly state: 'firing' | 'resolved';
  readonly attempt: number;
  readonly at: string;
  /** `delivered`; `retrying` (failed, tried again later); `gave-up` (failed, last attempt). */
  readonly outcome: 'delivered' | 'retrying' | 'gave-up';
  readonly status: number | null;
  readonly error: string | null;
  readonly ms: number;
}

export interface AlertMeta {
  readonly evaluatedAt: string;
  readonly webhook: boolean;
  readonly rules: number;
}

export interface EvaluationWrite {
  readonly records: readonly AlertRecord[];
  readonly transitions: readonly AlertTransition[];
  readonly notifications: readonly AlertNotification[];
  readonly meta: AlertMeta;
  /** Counter totals to keep for rates; older snapshots than `keepSnapshotsAfter` are dropped. */
  readonly snapshot?: CounterTotals;
  readonly keepSnapshotsAfter?: number;
}

const HISTORY_KEPT = 500;
const ATTEMPTS_KEPT = 200;

/** Claims due outbox entries by moving them a lease ahead (atomic: one process gets each). */
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id) end
return ids`;

/** The alerts' state, history, counter snapshots and webhook outbox in Redis. */
export class AlertStore {
  readonly keys: ReturnType<typeof alertKeys>;
  readonly #redis: Redis;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.keys = alertKeys(prefix);
  }

  /** Every alert's state, by rule id. */
  async states(): Promise<AlertRecord[]> {
    const hash = await this.#redis.hgetall(this.keys.state);
    return Object.values(hash)
      .map((json) => JSON.parse(json) as AlertRecord)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async meta(): Promise<AlertMeta | undefined> {
    const hash = await this.#redis.hgetall(this.keys.meta);
    return hash['evaluatedAt'] === undefined
      ? undefined
      : {
          evaluatedAt: hash['evaluatedAt'],
          webhook: hash['webhook'] === 'on',
          rules: Number(hash['rules'] ?? 0),
        };
  }

  /** Phase changes, newest first. */
  async history(limit: number): Promise<AlertTransition[]> {
    const rows = await this.#redis.lrange(this.keys.history, 0, limit - 1);
    return rows.map((json) => JSON.parse(json) as AlertTransition);
  }

  /** Webhook attempts, newest first. */
  async webhookAttempts(limit: number): Promise<WebhookAttempt[]> {
    const rows = await this.#redis.lrange(this.keys.webhook, 0, limit - 1);
    return rows.map((json) => JSON.parse(json) as WebhookAttempt);
  }

  /** Counter snapshots, oldest first. */
  async snapshots(): Promise<CounterTotals[]> {
    const rows = await this.#redis.zrange(this.keys.snapshots, 0, -1);
    return rows.map((json) => JSON.parse(json) as CounterTotals);
  }

  /**
   * Records one evaluation in one MULTI: states (rules no longer configured are dropped), the
   * phase changes, the webhook calls they need, the counter snapshot and the meta.
   */
  async saveEvaluation(write: EvaluationWrite): Promise<void> {
    const keys = this.keys;
    const known = await this.#redis.hkeys(keys.state);
    const current = new Set(write.records.map((r) => r.id));
    const tx = this.#redis.multi();
    const gone = known.filter((id) => !current.has(id));
    if (gone.length > 0) {
      tx.hdel(keys.state, ...gone);
    }
    if (write.records.length > 0) {
      tx.hset(keys.state, Object.fromEntries(write.records.map((r) => [r.id, JSON.stringify(r)])));
    }
    if (write.transitions.length > 0) {
      tx.lpush(keys.history, ...write.transitions.map((t) => JSON.stringify(t)));
      tx.ltrim(keys.history, 0, HISTORY_KEPT - 1);
    }
    for (const n of write.notifications) {
      tx.hset(keys.outboxItems, n.payload.notificationId, JSON.stringify(n));
      tx.zadd(keys.outbox, Date.parse(n.payload.at), n.payload.notificationId);
    }
    if (write.snapshot !== undefined) {
      tx.zadd(keys.snapshots, write.snapshot.at, JSON.stringify(write.snapshot));
      tx.zremrangebyscore(keys.snapshots, '-inf', `(${write.keepSnapshotsAfter ?? 0}`);
    }
    tx.hset(keys.meta, {
      evaluatedAt: write.meta.evaluatedAt,
      webhook: write.meta.webhook ? 'on' : 'off',
      rules: String(write.meta.rules),
    });
    await tx.exec();
  }

  /** Claims up to `limit` webhook calls that are due, for `leaseMs` (then another may retry). */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<string[]> {
    return (await this.#redis.eval(
      CLAIM,
      1,
      this.keys.outbox,
      now.getTime(),
      now.getTime() + leaseMs,
      limit,
    )) as string[];
  }

  async notification(id: string): Promise<AlertNotification | undefined> {
    const json = await this.#redis.hget(this.keys.outboxItems, id);
    return json === null ? undefined : (JSON.parse(json) as AlertNotification);
  }

  /** Records an attempt; `retryAt` keeps the call in the outbox, without it the call is done. */
  async recordAttempt(
    notification: AlertNotification,
    attempt: WebhookAttempt,
    retryAt: Date | undefined,
  ): Promise<void> {
    const id = notification.payload.notificationId;
    const tx = this.#redis
      .multi()
      .lpush(this.keys.webhook, JSON.stringify(attempt))
      .ltrim(this.keys.webhook, 0, ATTEMPTS_KEPT - 1);
    if (retryAt === undefined) {
      tx.zrem(this.keys.outbox, id).hdel(this.keys.outboxItems, id);
    } else {
      tx.hset(
        this.keys.outboxItems,
        id,
        JSON.stringify({ ...notification, attempts: attempt.attempt }),
      ).zadd(this.keys.outbox, retryAt.getTime(), id);
    }
    await tx.exec();
  }

  /** Drops an outbox entry whose body is missing (nothing to send). */
  async forget(id: string): Promise<void> {
    await this.#redis.multi().zrem(this.keys.outbox, id).hdel(this.keys.outboxItems, id).exec();
  }
}
