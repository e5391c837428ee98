import type { Redis } from 'ioredis';

import { addDays, dutchDate } from '../calendar/index.js';
import { deliveryKeys } from '../delivery/delivery-store.js';
import { storeKeys } from '../store/redis-keys.js';
import { BUCKET_MS, metricKeys } from './metric-keys.js';

/** The part of a BullMQ queue the reader needs. */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
  getWorkersCount(): Promise<number>;
}

export interface Gauges {
  readonly queues: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly workers: number;
  readonly undecided: number;
  /** Receipt time of the oldest undecided message, or null. */
  readonly oldestUndecidedAt: Date | null;
  readonly deliveriesPending: number;
  /** Pending deliveries whose last attempt failed (retrying with backoff). */
  readonly deliveriesFailing: number;
  readonly deadLetters: number;
  readonly redisUsedMemoryBytes: number;
}

export interface DecisionCounts {
  readonly accepted: number;
  readonly rejected: number;
  readonly failed: number;
}

export interface DayCounts {
  readonly date: string;
  readonly byRule: readonly { readonly value: string; readonly count: number }[];
  readonly bySender: readonly { readonly value: string; readonly count: number }[];
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'];
const OUTCOMES = ['accepted', 'rejected', 'failed'] as const;

/** Reads the shared counters and live gauges for GET /metrics and the console. */
export class MetricsReader {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #queues: readonly CountableQueue[];

  constructor(redis: Redis, prefix: string, queues: readonly CountableQueue[]) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#queues = queues;
  }

  /** Every counter series with its value. */
  async counters(): Promise<Map<string, number>> {
    const keys = metricKeys(this.#prefix);
    const series = (await this.#redis.smembers(keys.series)).sort();
    if (series.length === 0) {
      return new Map();
    }
    const values = await this.#redis.mget(...series.map((s) => keys.counter(s)));
    return new Map(series.map((s, i) => [s, Number(values[i] ?? 0)]));
  }

  async gauges(): Promise<Gauges> {
    const store = storeKeys(this.#prefix);
    const dlv = deliveryKeys(this.#prefix);
    const queues: Record<string, Record<string, number>> = {};
    let workers = 0;
    for (const queue of this.#queues) {
      queues[queue.name] = await queue.getJobCounts(...QUEUE_STATES);
      workers = Math.max(workers, await queue.getWorkersCount());
    }
    const [undecided, oldest, pending, dead, info] = await Promise.all([
      this.#redis.zcard(store.pending),
      this.#redis.zrange(store.pending, 0, 0, 'WITHSCORES'),
      this.#redis.zcard(dlv.pending),
      this.#redis.zcard(dlv.dead),
      this.#redis.info('memory'),
    ]);
    const oldestScore = oldest[1];
    const deliveriesFailing = await this.#failingDeliveries(dlv);
    return {
      queues,
      workers,
      undecided,
      oldestUndecidedAt: oldestScore === undefined ? null : new Date(Number(oldestScore)),
      deliveriesPending: pending,
      deliveriesFailing,
      deadLetters: dead,
      redisUsedMemoryBytes: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0),
    };
  }

  /** Pending deliveries with a last error, among the oldest 10,000 pending (bounded work). */
  async #failingDeliveries(dlv: ReturnType<typeof deliveryKeys>): Promise<number> {
    const ids = await this.#redis.zrange(dlv.pending, 0, 9_999);
    if (ids.length === 0) {
      return 0;
    }
    const pipeline = this.#redis.pipeline();
    for (const id of ids) {
      pipeline.hexists(dlv.delivery(id), 'lastError');
    }
    const results = (await pipeline.exec()) ?? [];
    return results.filter(([, exists]) => exists === 1).length;
  }

  /** Decisions in the last `ms` (to 10-minute precision: whole buckets that overlap it). */
  async decisionsSince(now: Date, ms: number): Promise<DecisionCounts> {
    const keys = metricKeys(this.#prefix);
    const last = Math.floor(now.getTime() / BUCKET_MS);
    const first = Math.floor((now.getTime() - ms) / BUCKET_MS) + 1;
    const names: string[] = [];
    for (let b = first; b <= last; b += 1) {
      for (const outcome of OUTCOMES) {
        names.push(keys.tenMinutes(b, outcome));
      }
    }
    const values = names.length === 0 ? [] : await this.#redis.mget(...names);
    const totals = { accepted: 0, rejected: 0, failed: 0 };
    values.forEach((v, i) => {
      const outcome = OUTCOMES[i % OUTCOMES.length] ?? 'failed';
      totals[outcome] += Number(v ?? 0);
    });
    return totals;
  }

  /** Rejections per rule and per sender for each of the last `days` Dutch calendar days. */
  async rejectsPerDay(now: Date, days: number): Promise<DayCounts[]> {
    const keys = metricKeys(this.#prefix);
    const today = dutchDate(now);
    const out: DayCounts[] = [];
    for (let d = 0; d < days; d += 1) {
      const date = addDays(today, -d);
      const read = async (dimension: 'rule' | 'sender') => {
        const members = (await this.#redis.smembers(keys.dayMembers(date, dimension))).sort();
        if (members.length === 0) {
          return [];
        }
        const counts = await this.#redis.mget(
          ...members.map((m) => keys.dayCount(date, dimension, m)),
        );
        return members
          .map((value, i) => ({ value, count: Number(counts[i] ?? 0) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      };
      out.push({ date, byRule: await read('rule'), bySender: await read('sender') });
    }
    return out;
  }
}

/** Splits `name{a="b",…}` into its name and labels. */
export function parseSeries(series: string): { name: string; labels: Map<string, string> } {
  const brace = series.indexOf('{');
  if (brace < 0) {
    return { name: series, labels: new Map() };
  }
  const labels = new Map<string, string>();
  for (const m of series.slice(brace + 1, -1).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
    labels.set(
      m[1] ?? '',
      (m[2] ?? '').replace(/\\(.)/g, (_all, c: string) => (c === 'n' ? '\n' : c)),
    );
  }
  return { name: series.slice(0, brace), labels };
}
