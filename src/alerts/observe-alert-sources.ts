import type { Redis } from 'ioredis';

import { countOpenDeadlines } from '../console/deadline-counts.js';
import { deliveryKeys } from '../delivery/delivery-store.js';
import { type CountableQueue, MetricsReader } from '../metrics/index.js';
import { type AlertRule, BACKLOG_STATES } from './alert-rules.js';
import { counterTotals, type Observations } from './alert-samples.js';

/** What the alert rules read: the queues, the dead letters, the deadlines and the counters. */
export interface AlertSources {
  readonly redis: Redis;
  readonly prefix: string;
  readonly queues: { readonly inbound: CountableQueue; readonly delivery: CountableQueue };
  /** Whether the gateway answers messages to this party (deadlines of undecided messages). */
  readonly isLocal: (code: string | undefined) => boolean;
}

/** Reads what the rules need, and nothing else. */
export async function observeAlertSources(
  sources: AlertSources,
  rules: readonly AlertRule[],
  now: Date,
): Promise<Observations> {
  const kinds = new Set(rules.map((r) => r.kind));
  const queues: Record<string, Record<string, number>> = {};
  for (const rule of rules) {
    if (rule.kind === 'backlog' && queues[rule.queue] === undefined) {
      queues[rule.queue] = await sources.queues[rule.queue].getJobCounts(...BACKLOG_STATES);
    }
  }
  return {
    queues,
    ...(kinds.has('dead-letters')
      ? { deadLetters: await sources.redis.zcard(deliveryKeys(sources.prefix).dead) }
      : {}),
    ...(kinds.has('deadlines') ? { deadlines: await countOpenDeadlines(sources, now) } : {}),
    ...(kinds.has('failure-rate')
      ? {
          counters: counterTotals(
            await new MetricsReader(sources.redis, sources.prefix, []).counters(),
            now.getTime(),
          ),
        }
      : {}),
  };
}
