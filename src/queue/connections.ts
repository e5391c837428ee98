import { Redis, type RedisOptions } from 'ioredis';

/** BullMQ keys live under `<prefix>:q`, next to the store's keys under `<prefix>:`. */
export function queuePrefix(prefix: string): string {
  return `${prefix}:q`;
}

/**
 * A connection for workers and blocking BullMQ commands: it never gives up on a command while
 * Redis restarts (STYLE §G29).
 */
export function createWorkerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...options });
}

/**
 * A connection for request handlers: commands fail at once while Redis is unreachable, so that
 * intake answers 503 instead of hanging (STYLE §G29).
 */
export function createFailFastConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    ...options,
  });
}

/**
 * Creates a fail-fast connection and waits until it is ready: without an offline queue, commands
 * sent before the connection is up would fail.
 */
export async function connectFailFast(
  url: string,
  options: RedisOptions = {},
  timeoutMs = 10_000,
): Promise<Redis> {
  const redis = createFailFastConnection(url, options);
  if (redis.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.disconnect();
        reject(new Error(`redis at ${url} was not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return redis;
}
