import type { Redis } from 'ioredis';

import type { ParsedMessage } from '../model/index.js';
import type { AtomicWrite } from '../store/index.js';
import type { ClientIds } from './client-ids.js';
import { loadRegisterView, type RegisterSnapshot } from './load-register-view.js';
import { planRegisterWrites, type RegisterDecision } from './plan-register-writes.js';
import { type AllocationView, readAllocation } from './read-allocation.js';
import { type RegisterKeys, registerKeys } from './register-keys.js';

/**
 * The register of accepted traffic in Redis (issue #4, docs/operations.md "Register"): what the
 * level-3 rules read before a decision (`load`) and what a decision writes (`plan`, applied by
 * MessageStore.finishGuarded in the same atomic step as the decision itself).
 */
export class RedisRegister {
  readonly keys: RegisterKeys;
  readonly #redis: Redis;
  readonly #clientIds: ClientIds;

  constructor(redis: Redis, prefix: string, clientIds: ClientIds) {
    this.#redis = redis;
    this.#clientIds = clientIds;
    this.keys = registerKeys(prefix);
  }

  load(message: ParsedMessage): Promise<RegisterSnapshot> {
    return loadRegisterView(this.#redis, this.keys, this.#clientIds, message);
  }

  plan(
    message: ParsedMessage,
    snapshot: RegisterSnapshot,
    decision: RegisterDecision,
  ): AtomicWrite[] {
    return planRegisterWrites(message, snapshot, this.keys, decision);
  }

  readAllocation(gemeente: string, toewijzingNummer: string): Promise<AllocationView | undefined> {
    return readAllocation(this.#redis, this.keys, gemeente, toewijzingNummer);
  }
}
