import { createHash, hash } from 'node:crypto';

import type { ChainableCommander, Redis } from 'ioredis';

import type { AtomicGuard } from '../store/index.js';

/** Fields per HMGET: keeps single commands small for a declaration with 100k Prestaties. */
const CHUNK = 1_000;

/** SHA-1 in hex, as Redis's `redis.sha1hex` gives it; one-shot `crypto.hash` where Node has it. */
export const sha1: (value: string) => string =
  typeof hash === 'function'
    ? (value) => hash('sha1', value, 'hex')
    : (value) => createHash('sha1').update(value).digest('hex');

/**
 * Which fields of an HMGET must still hold their value when the decision is written: all
 * (`true`), none (`false`), or only the named one, the hash's version, when every write to the
 * hash increments it (the client hash, `CLIENT_FIELDS.version`): one guard then covers the
 * whole hash as well as one per field would.
 */
export type ReadGuard = boolean | { readonly versionField: string };

/**
 * Reads for one message, sent as one pipeline (one round trip per phase). Every read may record
 * a guard: the value it saw must still be there when the decision is written (optimistic
 * concurrency, see MessageStore.finishGuarded).
 */
export class ReadBatch {
  readonly #pipeline: ChainableCommander;
  readonly #handlers: ((value: unknown) => void)[] = [];
  readonly #after: (() => void)[] = [];
  readonly #guards: AtomicGuard[];

  constructor(redis: Redis, guards: AtomicGuard[]) {
    this.#pipeline = redis.pipeline();
    this.#guards = guards;
  }

  hmget(
    key: string,
    fields: readonly string[],
    guard: ReadGuard,
    onDone: (values: ReadonlyMap<string, string | null>) => void,
  ): void {
    if (typeof guard === 'object' && !fields.includes(guard.versionField)) {
      throw new Error(`a read guarded by ${guard.versionField} must read that field`);
    }
    const unique = [...new Set(fields)];
    const result = new Map<string, string | null>();
    if (unique.length === 0) {
      this.#after.push(() => onDone(result));
      return;
    }
    for (let start = 0; start < unique.length; start += CHUNK) {
      const chunk = unique.slice(start, start + CHUNK);
      const last = start + CHUNK >= unique.length;
      this.#pipeline.hmget(key, ...chunk);
      this.#handlers.push((value) => {
        const values = value as (string | null)[];
        chunk.forEach((field, index) => {
          const found = values[index] ?? null;
          result.set(field, found);
          if (guard === true || (typeof guard === 'object' && field === guard.versionField)) {
            this.#guards.push({ key, field, sha1: found === null ? '' : sha1(found) });
          }
        });
        if (last) {
          onDone(result);
        }
      });
    }
  }

  sismember(key: string, member: string, guard: boolean, onDone: (present: boolean) => void): void {
    this.#pipeline.sismember(key, member);
    this.#handlers.push((value) => {
      const present = value === 1;
      if (guard) {
        this.#guards.push({ key, member, present });
      }
      onDone(present);
    });
  }

  async run(): Promise<void> {
    if (this.#handlers.length > 0) {
      const results = await this.#pipeline.exec();
      if (results === null) {
        throw new Error('the register read was aborted');
      }
      results.forEach(([error, value], index) => {
        if (error !== null) {
          throw error;
        }
        this.#handlers[index]?.(value);
      });
    }
    for (const after of this.#after) {
      after();
    }
  }
}
