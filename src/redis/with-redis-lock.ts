import { randomUUID } from 'node:crypto';

import type { Redis } from 'ioredis';

/** Deletes the lock only while it is still ours (it may have expired and been taken). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Runs `work` in one process at a time (the retention timer's pattern: SET NX PX with a random
 * token); another process that finds the lock taken skips this round. The lock expires after
 * `ttlMs`, so a process that dies holding it blocks the others for at most that long.
 */
export async function withRedisLock<T>(
  redis: Redis,
  key: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false }> {
  const token = randomUUID();
  if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
    return { ran: false };
  }
  try {
    return { ran: true, value: await work() };
  } finally {
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
