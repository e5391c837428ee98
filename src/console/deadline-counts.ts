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
 * whose message is gone) are removed from the open set, as the page does. Pipelined: a few
 * round trips whatever the number of entries; for /metrics and the alerts.
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
  const retours = redis.pipeline();
  for (const { id } of ids) {
    retours.hget(dlv.delivery(`${id}-retour`), 'status');
  }
  const statuses = ids.length === 0 ? [] : ((await retours.exec()) ?? []);
  // Without a retour delivery (a failed message) the entry stays, unless its message is gone.
  const noRetour = ids.filter((_e, i) => typeof statuses[i]?.[1] !== 'string');
  const exists = redis.pipeline();
  for (const { id } of noRetour) {
    exists.exists(store.message(id));
  }
  const existing = noRetour.length === 0 ? [] : ((await exists.exec()) ?? []);
  const gone = new Set(noRetour.filter((_e, i) => existing[i]?.[1] === 0).map((e) => e.id));
  const done: string[] = [];
  // Scores are the end of a due day: few distinct values, each judged once.
  const stateOf = new Map<number, DeadlineState>();
  ids.forEach(({ id, due }, i) => {
    const retour = statuses[i]?.[1];
    if (gone.has(id) || retour === 'delivered' || retour === 'held') {
      done.push(id);
      return;
    }
    const state = stateOf.get(due) ?? stateOfDue(dutchDate(new Date(due)), today);
    stateOf.set(due, state);
    counts[state] += 1;
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
