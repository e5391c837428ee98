import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Redis } from 'ioredis';

import { MESSAGE_TYPES } from '../src/domain/message-types.js';
import { connectFailFast } from '../src/queue/connections.js';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { BsnHasher, parseSearchQuery, SearchIndex } from '../src/search/index.js';
import { storeKeys } from '../src/store/redis-keys.js';
import type { Row } from './table.js';

export interface SearchBenchOptions {
  /** Synthetic messages to index. @defaultValue 1,000,000 */
  readonly entries: number;
  /** Timed calls per query. */
  readonly samples: number;
}

const DAY = 86_400_000;
const SPAN_DAYS = 90;
const SENDERS = 200;
const RECEIVERS = 40;
const CLIENTS = 250_000;

/**
 * Entry point for bench/run.ts: BENCH_SEARCH_ENTRIES messages (default 1,000,000), 20 timed calls
 * per query and run.
 */
export function runSearchBench(settings: { readonly runs: number }): Promise<Row[]> {
  const raw = process.env['BENCH_SEARCH_ENTRIES'];
  const entries = raw === undefined || raw === '' ? 1_000_000 : Number(raw);
  if (!Number.isInteger(entries) || entries <= 0) {
    throw new Error(`BENCH_SEARCH_ENTRIES must be a positive integer, got ${raw}`);
  }
  return benchSearch({ entries, samples: 20 * settings.runs });
}

/**
 * Search latency at scale (issue #7): fills `entries` synthetic messages straight into Redis
 * (pipelined: the record hash fields a hit shows plus every index entry the gateway writes), then
 * times typical operator queries through SearchIndex: p50/p95/p99 per query, in ms, on a private
 * redis-server (no persistence, so the fill measures Redis, not the disk).
 */
export async function benchSearch(options: SearchBenchOptions): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'iwmo-bench-search-'));
  const server = await startEmbeddedRedis({ dataDir: dir, appendfsync: 'everysec' });
  const redis = await connectFailFast(server.url);
  try {
    await redis.config('SET', 'appendonly', 'no');
    const prefix = 'bench';
    const index = new SearchIndex(redis, prefix, new BsnHasher(randomBytes(32)));
    const fillStart = performance.now();
    const now = Date.now();
    const declaratie = await fill(redis, prefix, index, options.entries, now);
    const fillSeconds = (performance.now() - fillStart) / 1000;
    const memory = await usedMemoryMb(redis);
    const rows: Row[] = [
      {
        name: 'fill',
        value: options.entries / fillSeconds,
        unit: 'messages/s',
        notes: `${options.entries.toLocaleString('en-US')} messages, pipelined`,
      },
      {
        name: 'redis memory',
        value: memory,
        unit: 'MB',
        notes: `${((memory * 2 ** 20) / options.entries).toFixed(0)} bytes per message (record fields + index)`,
      },
    ];
    const from7 = new Date(now - 7 * DAY).toISOString();
    const queries: Record<string, Record<string, string>> = {
      'DeclaratieNummer (1 hit)': { declaratieNummer: declaratie },
      'BSN (keyed hash)': { bsn: bsnOf(4242) },
      'sender, newest 50': { sender: code(7) },
      'type + status (two large sets)': { messageType: 'WMO301', status: 'accepted' },
      'sender + receiver + last 7 days': { sender: code(3), receiver: gemeente(5), from: from7 },
      'rare: sender + type + failed': { sender: code(11), messageType: 'WMO317', status: 'failed' },
      'date range only (one day)': {
        from: new Date(now - 2 * DAY).toISOString(),
        to: new Date(now - DAY).toISOString(),
      },
    };
    for (const [name, raw] of Object.entries(queries)) {
      const query = parseSearchQuery({ ...raw, limit: '50' });
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < options.samples; i += 1) {
        const start = performance.now();
        const page = await index.search(query);
        times.push(performance.now() - start);
        hits = page.items.length;
      }
      rows.push(...percentiles(name, times, `${hits} hits on the page`));
    }
    // Deep paging: follow the cursor 20 pages into one sender's messages.
    const deep: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const start = performance.now();
      const result = await index.search(
        parseSearchQuery({ sender: code(7), limit: '50', ...(cursor === null ? {} : { cursor }) }),
      );
      deep.push(performance.now() - start);
      cursor = result.nextCursor;
    }
    rows.push(...percentiles('sender, pages 1-20 by cursor', deep, '20 consecutive pages'));
    return rows;
  } finally {
    await redis.quit().catch(() => undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentiles(name: string, times: number[], notes: string): Row[] {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return [
    { name: `${name} p50`, value: at(0.5), unit: 'ms', notes },
    { name: `${name} p95`, value: at(0.95), unit: 'ms' },
    { name: `${name} p99`, value: at(0.99), unit: 'ms' },
  ];
}

const code = (n: number) => String(10_000_000 + n);
const gemeente = (n: number) => String(300 + n).padStart(4, '0');
const bsnOf = (n: number) => String(100_000_000 + n);

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fills the store and index; returns a DeclaratieNummer that exists (for the 1-hit query). */
async function fill(
  redis: Redis,
  prefix: string,
  index: SearchIndex,
  entries: number,
  now: number,
): Promise<string> {
  const rnd = random(1);
  let declaratie = '';
  const keys = storeKeys(prefix);
  const batch = 5_000;
  for (let start = 0; start < entries; start += batch) {
    const pipeline = redis.pipeline();
    // One ZADD per key and batch (many members each): the fill measures Redis, not the client.
    const zsets = new Map<string, (string | number)[]>();
    for (let n = start; n < Math.min(entries, start + batch); n += 1) {
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const type = MESSAGE_TYPES[Math.floor(rnd() * MESSAGE_TYPES.length)] ?? 'WMO301';
      const receivedAt = new Date(now - Math.floor(rnd() * SPAN_DAYS * DAY));
      const roll = rnd();
      const status = roll < 0.8 ? 'accepted' : roll < 0.97 ? 'rejected' : 'failed';
      const sender = code(Math.floor(rnd() * SENDERS));
      const receiver = gemeente(Math.floor(rnd() * RECEIVERS));
      const bid = `B${String(n).padStart(10, '0')}`;
      const clients = type === 'WMO323' ? 3 : 1;
      if (type === 'WMO323' && n >= entries / 2 && declaratie === '') {
        declaratie = `D${String(n).padStart(9, '0')}`;
      }
      const bsns = Array.from({ length: clients }, () => bsnOf(Math.floor(rnd() * CLIENTS)));
      pipeline.hset(keys.message(id), {
        id,
        messageType: type,
        status,
        sender,
        receiver,
        berichtIdentificatie: bid,
        receivedAt: receivedAt.toISOString(),
      });
      const zadd = (key: string, score: number, member: string) => {
        const members = zsets.get(key);
        if (members === undefined) {
          zsets.set(key, [score, member]);
        } else {
          members.push(score, member);
        }
      };
      zadd(keys.received, receivedAt.getTime(), id);
      const writes = index.decisionWrites(
        { id, messageType: type, sender, receiver, berichtIdentificatie: bid, receivedAt },
        status,
        {
          bsns,
          toewijzingNummers: [String(n % 400_000)],
          declaratieNummers: type === 'WMO323' ? [`D${String(n).padStart(9, '0')}`] : [],
        },
      );
      for (const w of writes) {
        if (w.op === 'zadd') {
          zadd(w.key, w.score, w.member);
        }
      }
    }
    for (const [key, members] of zsets) {
      pipeline.zadd(key, ...members);
    }
    await pipeline.exec();
  }
  return declaratie;
}

async function usedMemoryMb(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const match = /used_memory:(\d+)/.exec(info);
  return Number(match?.[1] ?? 0) / 2 ** 20;
}
