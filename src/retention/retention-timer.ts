import type { Redis } from 'ioredis';

import type { Clock } from '../clock/calendar-date.js';
import { coerceError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import { withRedisLock } from '../redis/with-redis-lock.js';
import { purgeExpiredBodies, type RetentionOptions } from './purge-bodies.js';

export interface RetentionTimer {
  /** Runs one purge now (when no other process holds the lock); for tests and start-up. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Runs the purge in every worker process every `everyMs` (default 10 min); a Redis lock
 * (`<prefix>:retention:lock`, `withRedisLock`) lets one process at a time do it; the lock is
 * released only while it is still ours.
 */
export function startRetentionTimer(
  options: RetentionOptions & {
    readonly clock: Clock;
    readonly logger: Logger;
    readonly everyMs?: number;
  },
): RetentionTimer {
  const lockKey = `${options.prefix}:retention:lock`;
  const redis: Redis = options.redis;
  const runOnce = async (): Promise<void> => {
    try {
      const run = await withRedisLock(redis, lockKey, 5 * 60_000, () =>
        purgeExpiredBodies(options, options.clock()),
      );
      if (run.ran && (run.value.purged > 0 || run.value.deferred > 0)) {
        options.logger.info(
          { ...run.value, retentionDays: options.retentionDays },
          'retention purge',
        );
      }
    } catch (caught) {
      options.logger.error({ err: coerceError(caught) }, 'retention purge failed');
    }
  };
  const every = options.everyMs ?? 10 * 60_000;
  const timer = every > 0 ? setInterval(() => void runOnce(), every) : undefined;
  timer?.unref();
  return {
    runOnce,
    stop: () => {
      if (timer !== undefined) {
        clearInterval(timer);
      }
    },
  };
}
