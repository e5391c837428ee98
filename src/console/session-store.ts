import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Redis } from 'ioredis';

/** A console session: who logged in and the CSRF token of their forms. */
export interface ConsoleSession {
  readonly clientId: string;
  readonly csrf: string;
  readonly createdAt: string;
}

/**
 * Console sessions in Redis (`<prefix>:console:session:<sha256 of the id>`), with an idle TTL
 * renewed on every request. The cookie holds only the random id (32 bytes); Redis holds only its
 * hash, so reading Redis does not give a usable session. The API key is never stored.
 */
export class ConsoleSessions {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(redis: Redis, prefix: string, ttlMinutes: number) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#ttlSeconds = ttlMinutes * 60;
  }

  async create(clientId: string, now: Date): Promise<{ id: string; session: ConsoleSession }> {
    const id = randomBytes(32).toString('base64url');
    const session = {
      clientId,
      csrf: randomBytes(32).toString('base64url'),
      createdAt: now.toISOString(),
    };
    await this.#redis
      .multi()
      .hset(this.#key(id), session)
      .expire(this.#key(id), this.#ttlSeconds)
      .exec();
    return { id, session };
  }

  /** The session of `id` (renewing its TTL), or undefined when unknown or expired. */
  async get(id: string | undefined): Promise<ConsoleSession | undefined> {
    if (id === undefined || !/^[A-Za-z0-9_-]{43}$/.test(id)) {
      return undefined;
    }
    const key = this.#key(id);
    const [[, hash], [, renewed]] = ((await this.#redis
      .multi()
      .hgetall(key)
      .expire(key, this.#ttlSeconds)
      .exec()) ?? [
      [null, {}],
      [null, 0],
    ]) as [[unknown, Record<string, string>], [unknown, number]];
    if (renewed !== 1 || hash['clientId'] === undefined || hash['csrf'] === undefined) {
      return undefined;
    }
    return { clientId: hash['clientId'], csrf: hash['csrf'], createdAt: hash['createdAt'] ?? '' };
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id !== undefined) {
      await this.#redis.del(this.#key(id));
    }
  }

  #key(id: string): string {
    return `${this.#prefix}:console:session:${createHash('sha256').update(id).digest('hex')}`;
  }
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function csrfMatches(session: ConsoleSession, submitted: unknown): boolean {
  if (typeof submitted !== 'string') {
    return false;
  }
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
