import type { Redis } from 'ioredis';

import { metricKeys, seriesName } from './metric-keys.js';

/**
 * How one delivery attempt ended: `delivered` (handed over), `held` (put in the party's inbox),
 * `failed` (will be retried) or `dead` (failed for good: a dead letter).
 */
export type DeliveryAttemptOutcome = 'delivered' | 'held' | 'failed' | 'dead';

export interface DeliveryAttempt {
  /** The party code the delivery goes to. */
  readonly receiver: string;
  /** retour, forward or findings. */
  readonly kind: string;
  readonly outcome: DeliveryAttemptOutcome;
}

/**
 * Counts a delivery attempt in `iwmo_delivery_attempts_total{receiver,kind,outcome}` (shared in
 * Redis, like every counter). An attempt is counted when it ends, so a worker crash mid-attempt
 * loses that one count, never doubles it.
 */
export async function countDeliveryAttempt(
  redis: Redis,
  prefix: string,
  attempt: DeliveryAttempt,
): Promise<void> {
  const keys = metricKeys(prefix);
  const series = seriesName('iwmo_delivery_attempts_total', {
    receiver: attempt.receiver,
    kind: attempt.kind,
    outcome: attempt.outcome,
  });
  await redis.multi().sadd(keys.series, series).incrby(keys.counter(series), 1).exec();
}
