import type { Redis } from 'ioredis';

import { addDays, dutchDate } from '../calendar/index.js';
import { openDeadlinesKey } from '../console/deadline-keys.js';
import type { DeliveryStore } from '../delivery/index.js';
import { BUCKET_MS, metricKeys } from '../metrics/index.js';
import { storeKeys } from '../store/redis-keys.js';

export interface RetentionOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly deliveries: DeliveryStore;
  /** RETENTION_DAYS: bodies of messages received longer ago are removed. @defaultValue 60 */
  readonly retentionDays: number;
  /** Messages looked at per run at most, so one run stays short. @defaultValue 5000 */
  readonly maxPerRun?: number;
}

export interface PurgeReport {
  readonly purged: number;
  /** Messages past retention kept for now: undecided, or a delivery still needs the body. */
  readonly deferred: number;
}

const DAY = 86_400_000;
/** Decision buckets of the overview and per-day reject counts are kept this long. */
const KEEP_TEN_MINUTE_BUCKETS_MS = 3 * DAY;

/**
 * Removes the body and the retour XML (both hold personal data) of messages received more than
 * `retentionDays` ago; the record (metadata, decision, violations, retour codes) and the timeline
 * stay, with a `body-purged` event. A message is kept while it is undecided or one of its
 * deliveries is not delivered (pending, held in an inbox, dead): those need the body, and a
 * replay must still work. Kept ones are looked at again on every run
 * (`<prefix>:retention:deferred`); the scan of `idx:received` resumes where the last run ended
 * (`<prefix>:retention:until`), so a run never walks the whole history.
 */
export async function purgeExpiredBodies(
  options: RetentionOptions,
  now: Date,
): Promise<PurgeReport> {
  const { redis, prefix } = options;
  const keys = storeKeys(prefix);
  const cutoff = now.getTime() - options.retentionDays * DAY;
  const max = options.maxPerRun ?? 5_000;
  const untilKey = `${prefix}:retention:until`;
  const deferredKey = `${prefix}:retention:deferred`;
  const from = Number((await redis.get(untilKey)) ?? '-1');
  const rows = await redis.zrangebyscore(
    keys.received,
    `(${from}`,
    cutoff,
    'WITHSCORES',
    'LIMIT',
    0,
    max,
  );
  const fresh: { id: string; score: number }[] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) {
    fresh.push({ id: rows[i] ?? '', score: Number(rows[i + 1]) });
  }
  const retry = await redis.zrangebyscore(deferredKey, '-inf', cutoff, 'LIMIT', 0, max);
  let purged = 0;
  let deferred = 0;
  for (const id of [...retry, ...fresh.map((f) => f.id)]) {
    if (await purgeOne(options, id, now)) {
      purged += 1;
      await redis.zrem(deferredKey, id);
    } else {
      deferred += 1;
      const score = Number((await redis.zscore(keys.received, id)) ?? cutoff);
      await redis.zadd(deferredKey, score, id);
    }
  }
  const last = fresh[fresh.length - 1];
  if (last !== undefined) {
    // A full batch may have cut a run of equal scores: resume at that score (purging is idempotent).
    const until = fresh.length === max ? Math.max(from, last.score - 1) : last.score;
    await redis.set(untilKey, String(until));
  }
  await dropOldStats(redis, prefix, now);
  return { purged, deferred };
}

async function purgeOne(options: RetentionOptions, id: string, now: Date): Promise<boolean> {
  const { redis, prefix } = options;
  const keys = storeKeys(prefix);
  const status = await redis.hget(keys.message(id), 'status');
  if (status === null) {
    return true;
  }
  if (status !== 'accepted' && status !== 'rejected' && status !== 'failed') {
    return false;
  }
  const deliveries = await options.deliveries.forMessage(id);
  if (deliveries.some((d) => d.status !== 'delivered')) {
    return false;
  }
  if (
    (await redis.exists(keys.body(id))) === 0 &&
    (await redis.hexists(keys.message(id), 'bodyPurgedAt')) === 1
  ) {
    return true;
  }
  const at = now.toISOString();
  await redis
    .multi()
    .del(keys.body(id), keys.retour(id))
    .hset(keys.message(id), 'bodyPurgedAt', at)
    .rpush(
      keys.events(id),
      JSON.stringify({
        at,
        event: 'body-purged',
        detail: { retentionDays: options.retentionDays },
      }),
    )
    .zrem(openDeadlinesKey(prefix), id)
    .exec();
  return true;
}

/** Drops overview buckets older than three days and per-day reject counts older than 60 days. */
async function dropOldStats(redis: Redis, prefix: string, now: Date): Promise<void> {
  const keys = metricKeys(prefix);
  const newestOld = Math.floor((now.getTime() - KEEP_TEN_MINUTE_BUCKETS_MS) / BUCKET_MS);
  const names: string[] = [];
  for (let b = newestOld - 144; b <= newestOld; b += 1) {
    for (const outcome of ['accepted', 'rejected', 'failed']) {
      names.push(keys.tenMinutes(b, outcome));
    }
  }
  const day = addDays(dutchDate(now), -61);
  for (const dimension of ['rule', 'sender'] as const) {
    const members = await redis.smembers(keys.dayMembers(day, dimension));
    names.push(
      keys.dayMembers(day, dimension),
      ...members.map((m) => keys.dayCount(day, dimension, m)),
    );
  }
  await redis.del(...names);
}
