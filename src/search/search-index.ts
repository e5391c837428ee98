import type { Redis } from 'ioredis';

import type { MessageType } from '../domain/message-types.js';
import type { MessageStatus } from '../domain/status.js';
import type { AtomicWrite } from '../store/index.js';
import { storeKeys } from '../store/redis-keys.js';
import type { BsnHasher } from './bsn-hasher.js';
import type { SearchQuery } from './search-query.js';
import type { SearchTerms } from './search-terms.js';

/** The indexed fields; each value has its own sorted set of message ids scored by receipt time. */
export const SEARCH_FIELDS = [
  'type',
  'sender',
  'receiver',
  'bid',
  'status',
  'toewijzing',
  'declaratie',
  'bsn',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** `<prefix>:sx:<field>:<value>` (value URI-encoded; a BSN only as its keyed hash). */
export function searchKey(prefix: string, field: SearchField, value: string): string {
  return `${prefix}:sx:${field}:${encodeURIComponent(value)}`;
}

/** The metadata of a message the index needs (all of it known at intake). */
export interface IndexedMessage {
  readonly id: string;
  readonly messageType: MessageType;
  readonly sender: string | undefined;
  readonly receiver: string | undefined;
  readonly berichtIdentificatie: string | undefined;
  readonly receivedAt: Date;
}

/** One search result: metadata only, never a body value (no BSN). */
export interface SearchHit {
  readonly id: string;
  readonly messageType: string;
  readonly status: string;
  readonly sender: string | null;
  readonly receiver: string | null;
  readonly berichtIdentificatie: string | null;
  readonly receivedAt: string;
  readonly retourCodes: readonly string[];
  readonly ruleIds: readonly string[];
}

export interface SearchPage {
  readonly items: readonly SearchHit[];
  /** Pass as `cursor` for the next page; null at the end. */
  readonly nextCursor: string | null;
  /**
   * False when the scan budget ran out before the page was full (a rare combination of large
   * criteria): the items so far are right, and `nextCursor` continues the scan.
   */
  readonly complete: boolean;
  /** Exact number of matches when one criterion (plus a date range) decides it; else null. */
  readonly total: number | null;
}

/**
 * Candidates read per round trip: the first batch is small (it usually fills the page), later ones
 * double up to the maximum, so a sparse combination needs few round trips. At most SCAN_BUDGET
 * candidates are read per request.
 */
const FIRST_BATCH = 500;
const MAX_BATCH = 4_000;
const SCAN_BUDGET = 20_000;

const HIT_FIELDS = [
  'id',
  'messageType',
  'status',
  'sender',
  'receiver',
  'berichtIdentificatie',
  'receivedAt',
  'retourCodes',
  'violations',
] as const;

interface Candidate {
  readonly id: string;
  readonly score: number;
}

interface ScanPlan {
  readonly driver: string;
  /** Members of the driver set within the date range. */
  readonly driverCount: number;
  readonly others: readonly string[];
  readonly statusFilter: MessageStatus | undefined;
  readonly min: number;
  readonly max: number;
}

interface ScanResult {
  readonly found: readonly Candidate[];
  /** The last member read (where a scan that ran out of budget goes on). */
  readonly last: Candidate | undefined;
  readonly exhausted: boolean;
}

/**
 * The operator's message search (issue #7). The gateway maintains it: intake adds a message's
 * entries in its store transaction, the decision re-adds them (idempotent) and adds the final
 * status in its atomic step. Every criterion is a sorted set scored by receipt time, so a query is
 * a ZRANGE BYSCORE … LIMIT on the smallest set, newest first, with the other criteria checked by
 * ZMSCORE per batch (a cursor-based merge): no SCAN, no ZINTERSTORE, bounded work per request.
 */
export class SearchIndex {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #hasher: BsnHasher;

  constructor(redis: Redis, prefix: string, hasher: BsnHasher) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#hasher = hasher;
  }

  /** The entries of a message (everything but its final status). */
  entryWrites(message: IndexedMessage, terms: SearchTerms): AtomicWrite[] {
    const score = message.receivedAt.getTime();
    const add = (field: SearchField, value: string | undefined): AtomicWrite[] =>
      value === undefined || value === ''
        ? []
        : [{ op: 'zadd', key: this.key(field, value), score, member: message.id }];
    return [
      ...add('type', message.messageType),
      ...add('sender', message.sender),
      ...add('receiver', message.receiver),
      ...add('bid', message.berichtIdentificatie),
      ...terms.toewijzingNummers.flatMap((v) => add('toewijzing', v)),
      ...terms.declaratieNummers.flatMap((v) => add('declaratie', v)),
      ...terms.bsns.flatMap((v) => add('bsn', this.#hasher.hash(v))),
    ];
  }

  /** The entries plus the final status, for the decision's atomic step. */
  decisionWrites(
    message: IndexedMessage,
    status: 'accepted' | 'rejected' | 'failed',
    terms: SearchTerms,
  ): AtomicWrite[] {
    return [
      ...this.entryWrites(message, terms),
      {
        op: 'zadd',
        key: this.key('status', status),
        score: message.receivedAt.getTime(),
        member: message.id,
      },
    ];
  }

  /** The keyed hash the index uses for `bsn` (safe to put in a link; the BSN is not). */
  bsnKeyOf(bsn: string): string {
    return this.#hasher.hash(bsn);
  }

  key(field: SearchField, value: string): string {
    return searchKey(this.#prefix, field, value);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    if (query.id !== undefined) {
      const hits = await this.#hits([query.id]);
      return { items: hits, nextCursor: null, complete: true, total: hits.length };
    }
    const plan = await this.#plan(query);
    if (plan === undefined) {
      return { items: [], nextCursor: null, complete: true, total: 0 };
    }
    const scan = await this.#scan(plan, decodeCursor(query.cursor), query.limit);
    const page = scan.found.slice(0, query.limit);
    const more = scan.found.length > query.limit;
    const nextCursor = more
      ? encodeCursor(page[page.length - 1])
      : scan.exhausted
        ? null
        : encodeCursor(scan.last);
    return {
      items: await this.#hits(page.map((c) => c.id)),
      nextCursor,
      complete: more || scan.exhausted,
      total: plan.others.length === 0 && plan.statusFilter === undefined ? plan.driverCount : null,
    };
  }

  /** The smallest matching set drives the scan; the others are checked per batch. */
  async #plan(query: SearchQuery): Promise<ScanPlan | undefined> {
    const { keys, statusFilter } = this.#criteria(query);
    const min = query.from?.getTime() ?? Number.NEGATIVE_INFINITY;
    // `to` is exclusive: the largest score below it.
    const max = query.to === undefined ? Number.POSITIVE_INFINITY : query.to.getTime() - 1;
    const cards = await Promise.all(keys.map((k) => this.#redis.zcount(k, bound(min), bound(max))));
    const order = keys
      .map((key, i) => ({ key, card: cards[i] ?? 0 }))
      .sort((a, b) => a.card - b.card);
    const driver = order[0];
    if (driver === undefined || driver.card === 0) {
      return undefined;
    }
    return {
      driver: driver.key,
      driverCount: driver.card,
      others: order.slice(1).map((o) => o.key),
      statusFilter,
      min,
      max,
    };
  }

  /**
   * Walks the driver set newest first from the cursor, in batches, until `limit + 1` matches (one
   * more than the page tells whether there is a next page), the end, or the scan budget.
   */
  async #scan(plan: ScanPlan, cursor: Candidate | undefined, limit: number): Promise<ScanResult> {
    const found: Candidate[] = [];
    let examined = 0;
    let last: Candidate | undefined;
    let high = cursor === undefined ? plan.max : Math.min(plan.max, cursor.score);
    // Members already read at score `high` (equal scores are returned in a stable order).
    let offset = 0;
    let size = FIRST_BATCH;
    while (found.length <= limit && examined < SCAN_BUDGET) {
      const asked = Math.min(size, SCAN_BUDGET - examined);
      const batch = pairs(
        await this.#redis.zrange(
          plan.driver,
          bound(high),
          bound(plan.min),
          'BYSCORE',
          'REV',
          'LIMIT',
          offset,
          asked,
          'WITHSCORES',
        ),
      );
      examined += batch.length;
      // Skip what the previous page already showed: same score, id not below the cursor's.
      const fresh = batch.filter(
        (c) => cursor === undefined || c.score !== cursor.score || c.id < cursor.id,
      );
      found.push(...(await this.#filter(fresh, plan.others, plan.statusFilter)));
      last = batch[batch.length - 1] ?? last;
      if (batch.length < asked) {
        return { found, last, exhausted: true };
      }
      const lastScore = batch[batch.length - 1]?.score ?? high;
      offset =
        lastScore === high
          ? offset + batch.length
          : batch.filter((c) => c.score === lastScore).length;
      high = lastScore;
      size = Math.min(size * 2, MAX_BATCH);
    }
    return { found, last, exhausted: false };
  }

  /** The sorted sets a query intersects, and a status to check on the record itself. */
  #criteria(query: SearchQuery): { keys: string[]; statusFilter: MessageStatus | undefined } {
    const keys: string[] = [];
    const add = (field: SearchField, value: string | undefined) => {
      if (value !== undefined) {
        keys.push(this.key(field, value));
      }
    };
    add('type', query.messageType);
    add('sender', query.sender);
    add('receiver', query.receiver);
    add('bid', query.berichtIdentificatie);
    add('toewijzing', query.toewijzingNummer);
    add('declaratie', query.declaratieNummer);
    add('bsn', query.bsn === undefined ? query.bsnKey : this.#hasher.hash(query.bsn));
    let statusFilter: MessageStatus | undefined;
    if (query.status === 'received' || query.status === 'processing') {
      // Undecided messages are in the store's pending index; which of the two is on the record.
      keys.push(storeKeys(this.#prefix).pending);
      statusFilter = query.status;
    } else {
      add('status', query.status);
    }
    if (keys.length === 0) {
      keys.push(storeKeys(this.#prefix).received);
    }
    return { keys, statusFilter };
  }

  /** Keeps the candidates that are in every other set (and have the status, when asked). */
  async #filter(
    candidates: readonly Candidate[],
    others: readonly string[],
    statusFilter: MessageStatus | undefined,
  ): Promise<Candidate[]> {
    if (candidates.length === 0 || (others.length === 0 && statusFilter === undefined)) {
      return [...candidates];
    }
    const ids = candidates.map((c) => c.id);
    const pipeline = this.#redis.pipeline();
    for (const key of others) {
      pipeline.zmscore(key, ...ids);
    }
    if (statusFilter !== undefined) {
      for (const id of ids) {
        pipeline.hget(storeKeys(this.#prefix).message(id), 'status');
      }
    }
    const results = (await pipeline.exec()) ?? [];
    const scores = results.slice(0, others.length).map(([, r]) => r as (string | null)[]);
    const statuses = results.slice(others.length).map(([, r]) => r as string | null);
    return candidates.filter(
      (_c, i) =>
        scores.every((s) => s[i] !== null && s[i] !== undefined) &&
        (statusFilter === undefined || statuses[i] === statusFilter),
    );
  }

  async #hits(ids: readonly string[]): Promise<SearchHit[]> {
    if (ids.length === 0) {
      return [];
    }
    const keys = storeKeys(this.#prefix);
    const pipeline = this.#redis.pipeline();
    for (const id of ids) {
      pipeline.hmget(keys.message(id), ...HIT_FIELDS);
    }
    const rows = (await pipeline.exec()) ?? [];
    return rows.flatMap(([, row]) => {
      const v = row as (string | null)[];
      return v[0] === null || v[0] === undefined ? [] : [toHit(v)];
    });
  }
}

function toHit(v: readonly (string | null | undefined)[]): SearchHit {
  const json = <T>(raw: string | null | undefined, fallback: T): T => {
    try {
      return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T);
    } catch {
      return fallback;
    }
  };
  const violations = json<{ ruleId?: string }[]>(v[8], []);
  return {
    id: v[0] ?? '',
    messageType: v[1] ?? '',
    status: v[2] ?? '',
    sender: v[3] ?? null,
    receiver: v[4] ?? null,
    berichtIdentificatie: v[5] ?? null,
    receivedAt: v[6] ?? '',
    retourCodes: json<string[]>(v[7], []),
    ruleIds: [...new Set(violations.flatMap((x) => (x.ruleId === undefined ? [] : [x.ruleId])))],
  };
}

/** A score bound as Redis spells infinity. */
function bound(n: number): string {
  return n === Number.POSITIVE_INFINITY
    ? '+inf'
    : n === Number.NEGATIVE_INFINITY
      ? '-inf'
      : String(n);
}

function pairs(rows: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) {
    out.push({ id: rows[i] ?? '', score: Number(rows[i + 1]) });
  }
  return out;
}

function encodeCursor(candidate: Candidate | undefined): string | null {
  return candidate === undefined
    ? null
    : Buffer.from(`${candidate.score}:${candidate.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): Candidate | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const score = Number(text.slice(0, colon));
  return colon > 0 && Number.isFinite(score) ? { score, id: text.slice(colon + 1) } : undefined;
}
