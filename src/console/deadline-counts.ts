import type { Redis } from 'ioredis';

import { deadlineOf, type DeadlineState, dutchDate } from '../calendar/index.js';
import { deliveryKeys } from '../delivery/delivery-store.js';
import { isHeenMessageType, type MessageType } from '../domain/message-types.js';
import { storeKeys } from '../store/redis-keys.js';
import { answerWorkingDays, openDeadlinesKey } from './deadline-keys.js';

/** Open answer deadlines per state (each message counts once, in its own state). */
export interface DeadlineCounts {
  readonly open: number;
  readonly atRisk: number;
  readonly overdue: number;
}

export interface DeadlineCountSources {
  readonly redis: Redis;
  readonly prefix: string;
  /** Whether the gateway answers messages to this party (PartyDirectory.isLocal). */
  readonly isLocal: (code: string | undefined) => boolean;
}

/** At most this many open deadlines and undecided messages are read per count (bounded work). */
const MAX_ENTRIES = 10_000;

/**
 * Counts the answers still due, as the deadlines page lists them (docs/console.md): decided heen
 * messages in `<prefix>:deadline:open` whose retour delivery is neither delivered nor held in the
 * sender's inbox, and undecided heen messages to a local party. Entries whose answer is out (or
 * whose message is gone) are removed from the open set, as the page does. Two pipelined
 * round trips for the decided ones, whatever their number; for /metrics and the alerts.
 */
export async function countOpenDeadlines(
  sources: DeadlineCountSources,
  now: Date,
): Promise<DeadlineCounts> {
  const { redis, prefix } = sources;
  const key = openDeadlinesKey(prefix);
  const store = storeKeys(prefix);
  const dlv = deliveryKeys(prefix);
  const today = dutchDate(now);
  const counts = { open: 0, 'at-risk': 0, overdue: 0 } satisfies Record<DeadlineState, number>;

  const open = await redis.zrange(key, 0, MAX_ENTRIES - 1, 'WITHSCORES');
  const ids: { id: string; due: number }[] = [];
  for (let i = 0; i + 1 < open.length; i += 2) {
    ids.push({ id: open[i] ?? '', due: Number(open[i + 1]) });
  }
  const checks = redis.pipeline();
  for (const { id } of ids) {
    checks.exists(store.message(id));
    checks.hget(dlv.delivery(`${id}-retour`), 'status');
  }
  const answers = ids.length === 0 ? [] : ((await checks.exec()) ?? []);
  const done: string[] = [];
  ids.forEach(({ id, due }, i) => {
    const exists = answers[2 * i]?.[1];
    const retour = answers[2 * i + 1]?.[1];
    if (exists === 0 || retour === 'delivered' || retour === 'held') {
      done.push(id);
      return;
    }
    counts[stateOfDue(dutchDate(new Date(due)), today)] += 1;
  });
  if (done.length > 0) {
    await redis.zrem(key, ...done);
  }

  const decided = new Set(ids.map((e) => e.id));
  const undecided = (await redis.zrange(store.pending, 0, MAX_ENTRIES - 1)).filter(
    (id) => !decided.has(id),
  );
  const reads = redis.pipeline();
  for (const id of undecided) {
    reads.hmget(store.message(id), 'messageType', 'receiver', 'receivedAt');
  }
  const records = undecided.length === 0 ? [] : ((await reads.exec()) ?? []);
  for (const [, fields] of records) {
    const [type, receiver, receivedAt] = (fields ?? []) as (string | null)[];
    if (
      type === null ||
      type === undefined ||
      receivedAt === null ||
      receivedAt === undefined ||
      !isHeenMessageType(type as MessageType) ||
      !sources.isLocal(receiver ?? undefined)
    ) {
      continue;
    }
    const received = dutchDate(new Date(receivedAt));
    counts[deadlineOf(received, answerWorkingDays(type), today).state] += 1;
  }
  return { open: counts.open, atRisk: counts['at-risk'], overdue: counts.overdue };
}

/** The state of a deadline due on `due`, seen on `today` (as `deadlineOf` judges it). */
function stateOfDue(due: string, today: string): DeadlineState {
  // deadlineOf counts from a received day; a due day is its own received day plus 0 working days.
  return deadlineOf(due, 0, today).state;
}
