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
