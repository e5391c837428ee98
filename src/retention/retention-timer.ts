import { randomUUID } from 'node:crypto';

import type { Redis } from 'ioredis';

import type { Clock } from '../clock/calendar-date.js';
import { coerceError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import { purgeExpiredBodies, type RetentionOptions } from './purge-bodies.js';

export interface RetentionTimer {
  /** Runs one purge now (when no other process holds the lock); for tests and start-up. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Runs the purge in every worker process every `everyMs` (default 10 min); a Redis lock
 * (`<prefix>:retention:lock`, SET NX PX) lets one process at a time do it.
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
    const token = randomUUID();
    try {
      if ((await redis.set(lockKey, token, 'PX', 5 * 60_000, 'NX')) !== 'OK') {
        return;
      }
      const report = await purgeExpiredBodies(options, options.clock());
      if (report.purged > 0 || report.deferred > 0) {
        options.logger.info({ ...report, retentionDays: options.retentionDays }, 'retention purge');
      }
    } catch (caught) {
      options.logger.error({ err: coerceError(caught) }, 'retention purge failed');
    } finally {
      if ((await redis.get(lockKey).catch(() => null)) === token) {
        await redis.del(lockKey).catch(() => undefined);
      }
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
