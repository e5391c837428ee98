import type { AtomicWrite } from '../store/index.js';

/**
 * Collects the register writes of one decision: hash fields per key are merged into one HSET,
 * increments per field are summed, so a declaration with many Prestaties on one toewijzing
 * becomes one HINCRBY per field.
 */
export class WriteSet {
  readonly #hset = new Map<string, Record<string, string>>();
  readonly #hincrby = new Map<string, Map<string, number>>();
  readonly #hdel = new Map<string, Set<string>>();
  readonly #other: AtomicWrite[] = [];

  hset(key: string, field: string, value: string): void {
    let fields = this.#hset.get(key);
    if (fields === undefined) {
      fields = {};
      this.#hset.set(key, fields);
    }
    fields[field] = value;
    if (this.#hdel.size > 0) {
      this.#hdel.get(key)?.delete(field);
    }
  }

  /** Deletes a hash field; the last of hset and hdel on one field wins. */
  hdel(key: string, field: string): void {
    const fields = this.#hset.get(key);
    if (fields !== undefined) {
      delete fields[field];
    }
    const deleted = this.#hdel.get(key) ?? new Set<string>();
    deleted.add(field);
    this.#hdel.set(key, deleted);
  }

  hincrby(key: string, field: string, by: number): void {
    let fields = this.#hincrby.get(key);
    if (fields === undefined) {
      fields = new Map<string, number>();
      this.#hincrby.set(key, fields);
    }
    fields.set(field, (fields.get(field) ?? 0) + by);
  }

  sadd(key: string, member: string): void {
    this.#other.push({ op: 'sadd', key, member });
  }

  rpush(key: string, value: string): void {
    this.#other.push({ op: 'rpush', key, value });
  }

  toWrites(): AtomicWrite[] {
    const writes: AtomicWrite[] = [...this.#other];
    for (const [key, fields] of this.#hset) {
      if (Object.keys(fields).length > 0) {
        writes.push({ op: 'hset', key, fields });
      }
    }
    for (const [key, fields] of this.#hdel) {
      for (const field of fields) {
        writes.push({ op: 'hdel', key, field });
      }
    }
    for (const [key, fields] of this.#hincrby) {
      for (const [field, by] of fields) {
        if (by !== 0) {
          writes.push({ op: 'hincrby', key, field, by });
        }
      }
    }
    return writes;
  }
}
