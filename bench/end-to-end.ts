import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { Redis } from 'ioredis';

import { AuditLog } from '../src/audit/audit-log.js';
import {
  createDeliveryQueue,
  type DeliveryQueue,
  DeliveryStore,
  startDeliveryWorker,
} from '../src/delivery/index.js';
import { buildApp, type GatewayApp } from '../src/intake/index.js';
import { createLogger, type Logger } from '../src/observability/index.js';
import { PartyDirectory } from '../src/parties/index.js';
import { connectFailFast, createWorkerConnection } from '../src/queue/connections.js';
import { createInboundQueue, type InboundQueue } from '../src/queue/inbound-queue.js';
import { startWorker, type WorkerRuntime } from '../src/queue/start-worker.js';
import { type EmbeddedRedis, startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { BodyCipher, MessageStore } from '../src/store/index.js';
import { createDefaultPipeline, declaratieTotalsOf } from '../src/validation/default-pipeline.js';
import { validateMessage } from '../src/validation/pipeline.js';
import { createXsdValidator, type XsdValidator } from '../src/validation/xsd/index.js';
import { inspectMessage } from '../src/xml/inspect-message.js';
import { median, rateAsyncOnce, rateOnce } from './measure.js';
import { SCHEMA_DIR, validSample } from './samples.js';
import type { Row } from './table.js';

export interface EndToEndOptions {
  readonly runs: number;
  /** Messages posted per phase. @defaultValue 2000 in bench/run.ts */
  readonly messages: number;
}

const WORKER_CONCURRENCY = 8;
/** Requests in flight against the intake at once (app.inject, no sockets). */
const POST_CONCURRENCY = 32;
const RETRY = { attempts: 3, backoffMs: 1_000 };
const LOCK_MS = 30_000;
const DELIVERY_RETRY = { attempts: 4, backoffMs: 1_000 };
const DELIVERY_CONCURRENCY = 4;

interface Shared {
  readonly redisUrl: string;
  readonly bodyKey: Buffer;
  readonly logger: Logger;
  readonly xsd: XsdValidator;
}

interface Intake {
  readonly prefix: string;
  readonly app: GatewayApp;
  readonly redis: Redis;
  readonly store: MessageStore;
  readonly queue: InboundQueue;
  readonly deliveryQueue: DeliveryQueue;
}

/** A logger at the production level (info) whose lines go nowhere: formatting cost, no I/O. */
function discardingLogger(): Logger {
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  return createLogger({ level: 'info', environment: 'bench', name: 'bench' }, sink);
}

async function startIntake(shared: Shared, prefix: string): Promise<Intake> {
  const redis = await connectFailFast(shared.redisUrl);
  const store = new MessageStore(redis, prefix, new BodyCipher(shared.bodyKey));
  const queue = createInboundQueue(redis, prefix);
  const deliveryQueue = createDeliveryQueue(redis, prefix);
  const app = buildApp({
    store,
    queue,
    redis,
    retry: RETRY,
    maxMessageBytes: 25 * 1024 * 1024,
    logger: shared.logger,
    clock: () => new Date(),
    // Development mode: every party is local and no API key is needed.
    parties: PartyDirectory.openForDevelopment(),
    deliveries: new DeliveryStore(redis, prefix),
    deliveryQueue,
    deliveryRetry: DELIVERY_RETRY,
    audit: new AuditLog(redis, prefix),
  });
  await app.ready();
  return { prefix, app, redis, store, queue, deliveryQueue };
}

async function stopIntake(intake: Intake): Promise<void> {
  await intake.app.close();
  await intake.queue.close();
  await intake.deliveryQueue.close();
  await intake.redis.quit();
}

/**
 * One in-process worker as src/main/worker.ts wires it (concurrency 8), with its delivery worker.
 * The parties directory is the development one: every party is local, so the worker answers each
 * message (a retour) and plans two deliveries into the gateway's inbox.
 */
async function startBenchWorker(
  shared: Shared,
  prefix: string,
): Promise<{ runtime: WorkerRuntime; stop: () => Promise<void> }> {
  const connection = createWorkerConnection(shared.redisUrl);
  const store = new MessageStore(connection, prefix, new BodyCipher(shared.bodyKey));
  const queue = createInboundQueue(connection, prefix);
  const parties = PartyDirectory.openForDevelopment();
  const deliveries = new DeliveryStore(connection, prefix);
  const deliveryQueue = createDeliveryQueue(connection, prefix);
  const runtime = await startWorker({
    connection,
    prefix,
    store,
    queue,
    pipeline: createDefaultPipeline(shared.xsd),
    declaratieTotals: declaratieTotalsOf,
    concurrency: WORKER_CONCURRENCY,
    lockMs: LOCK_MS,
    retry: RETRY,
    clock: () => new Date(),
    logger: shared.logger,
    reconcileEveryMs: 0,
    parties,
    deliveries,
    deliveryQueue,
    deliveryRetry: DELIVERY_RETRY,
  });
  const delivery = await startDeliveryWorker({
    connection,
    prefix,
    deliveries,
    store,
    queue: deliveryQueue,
    parties,
    retry: DELIVERY_RETRY,
    concurrency: DELIVERY_CONCURRENCY,
    clock: () => new Date(),
    logger: shared.logger,
    reconcileEveryMs: 0,
  });
  return {
    runtime,
    stop: async () => {
      await runtime.close();
      await delivery.close();
      await queue.close();
      await deliveryQueue.close();
      connection.disconnect();
    },
  };
}

/** Copies of the WMO301 sample, each with its own BerichtIdentificatie/Identificatie. */
function messages(template: string, count: number, run: string): Buffer[] {
  const identificatie = /<iwmo:Identificatie>[^<]*<\/iwmo:Identificatie>/;
  if (!identificatie.test(template)) {
    throw new Error('the WMO301 sample has no iwmo:Identificatie');
  }
  return Array.from({ length: count }, (_, i) =>
    Buffer.from(
      template.replace(
        identificatie,
        `<iwmo:Identificatie>B${run}${String(i).padStart(6, '0')}</iwmo:Identificatie>`,
      ),
    ),
  );
}

/** Posts every body through app.inject, POST_CONCURRENCY at a time; returns the message ids. */
async function postAll(app: GatewayApp, bodies: readonly Buffer[]): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < bodies.length) {
      const payload = bodies[next];
      next += 1;
      if (payload === undefined) {
        return;
      }
      const response = await app.inject({
        method: 'POST',
        url: '/v1/messages',
        headers: { 'content-type': 'application/xml' },
        payload,
      });
      if (response.statusCode !== 202) {
        throw new Error(`intake answered ${response.statusCode}: ${response.body}`);
      }
      ids.push(response.json<{ id: string }>().id);
    }
  };
  await Promise.all(Array.from({ length: POST_CONCURRENCY }, lane));
  return ids;
}

/** Resolves when no stored message is undecided any more (the store's pending index is empty). */
async function untilDecided(intake: Intake, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await intake.redis.zcard(intake.store.keys.pending)) > 0) {
    if (Date.now() > deadline) {
      throw new Error('messages were not decided in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Checks that every message ended `accepted` (the sample is valid): otherwise the throughput
 * measured something else, e.g. a worker that fails every message, and the run must not count.
 */
async function assertAllAccepted(intake: Intake, ids: readonly string[]): Promise<number> {
  const pipeline = intake.redis.pipeline();
  for (const id of ids) {
    pipeline.hget(intake.store.keys.message(id), 'status');
  }
  const statuses = new Map<string, number>();
  for (const [error, status] of (await pipeline.exec()) ?? []) {
    const key = error === null ? String(status) : 'error';
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  const accepted = statuses.get('accepted') ?? 0;
  if (accepted !== ids.length) {
    const seen = [...statuses].map(([status, n]) => `${n} ${status}`).join(', ');
    throw new Error(`expected ${ids.length} accepted messages, got ${seen}`);
  }
  return accepted;
}

interface RunResult {
  readonly intakeAlone: number;
  readonly workerAlone: number;
  readonly endToEnd: number;
  readonly intakeWithWorker: number;
  readonly accepted: number;
  readonly redisBytesPerMessage: number;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

/** One run: intake alone, then a worker draining that backlog, then both together. */
/** Runs `use` with a started resource and always stops it, also when `use` throws. */
async function using<R, T>(
  start: () => Promise<R>,
  stop: (resource: R) => Promise<void>,
  use: (resource: R) => Promise<T>,
): Promise<T> {
  const resource = await start();
  try {
    return await use(resource);
  } finally {
    await stop(resource);
  }
}

const seconds = (since: number): number => (performance.now() - since) / 1000;

/** Phase A, intake alone (no worker), then phase B: one worker drains that backlog. */
function measureBacklog(shared: Shared, bodies: readonly Buffer[], run: number) {
  return using(
    () => startIntake(shared, `bench-${run}-a`),
    stopIntake,
    async (intake) => {
      let start = performance.now();
      const ids = await postAll(intake.app, bodies);
      const intakeAlone = bodies.length / seconds(start);
      start = performance.now();
      const workerAlone = await using(
        () => startBenchWorker(shared, intake.prefix),
        (worker) => worker.stop(),
        async () => {
          await untilDecided(intake);
          return bodies.length / seconds(start);
        },
      );
      return { intakeAlone, workerAlone, accepted: await assertAllAccepted(intake, ids) };
    },
  );
}

/** Phase C: the worker is idle and ready, then messages are posted while it works. */
function measureLive(shared: Shared, admin: Redis, bodies: readonly Buffer[], run: number) {
  return using(
    () => startIntake(shared, `bench-${run}-c`),
    stopIntake,
    (intake) =>
      using(
        () => startBenchWorker(shared, intake.prefix),
        (worker) => worker.stop(),
        async () => {
          const memoryBefore = await usedMemory(admin);
          const start = performance.now();
          const ids = await postAll(intake.app, bodies);
          const intakeWithWorker = bodies.length / seconds(start);
          await untilDecided(intake);
          const endToEnd = bodies.length / seconds(start);
          const redisBytesPerMessage = ((await usedMemory(admin)) - memoryBefore) / bodies.length;
          const accepted = await assertAllAccepted(intake, ids);
          return { intakeWithWorker, endToEnd, redisBytesPerMessage, accepted };
        },
      ),
  );
}

/** One run: intake alone, then a worker draining that backlog, then both together. */
async function measureRun(
  shared: Shared,
  admin: Redis,
  bodies: readonly (readonly Buffer[])[],
  run: number,
): Promise<RunResult> {
  const backlog = await measureBacklog(shared, bodies[0] ?? [], run);
  const live = await measureLive(shared, admin, bodies[1] ?? [], run);
  await admin.flushall();
  return {
    intakeAlone: backlog.intakeAlone,
    workerAlone: backlog.workerAlone,
    endToEnd: live.endToEnd,
    intakeWithWorker: live.intakeWithWorker,
    accepted: backlog.accepted + live.accepted,
    redisBytesPerMessage: live.redisBytesPerMessage,
  };
}

/**
 * Bench 4: a real redis-server (embedded, AOF with appendfsync everysec, temporary directory), the
 * intake app (Fastify inject: no sockets) and one in-process worker with concurrency 8, all in
 * this process. Limits measured in the same run: raw Redis PING round trips, and the CPU cost of
 * intake's inspection and of the worker's pipeline on the same WMO301.
 */
export async function benchEndToEnd(options: EndToEndOptions): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-bench-redis-'));
  let redis: EmbeddedRedis | undefined;
  const xsd = createXsdValidator(SCHEMA_DIR, 'libxml2-wasm');
  try {
    redis = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
    const admin = new Redis(redis.url);
    try {
      const shared: Shared = {
        redisUrl: redis.url,
        bodyKey: randomBytes(32),
        logger: discardingLogger(),
        xsd,
      };
      return await measure(shared, admin, options);
    } finally {
      admin.disconnect();
    }
  } finally {
    xsd.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Limits {
  readonly pingOne: number;
  readonly pingMany: number;
  readonly inspect: number;
  readonly pipeline: number;
}

const LIMIT_MS = 300;

/** The limits, measured again before every run so that they see the same machine load. */
async function measureLimits(shared: Shared, admin: Redis, body: Buffer): Promise<Limits> {
  const pipeline = createDefaultPipeline(shared.xsd);
  const sixteen = (): Promise<unknown> =>
    Promise.all(Array.from({ length: 16 }, () => admin.ping()));
  return {
    pingOne: await rateAsyncOnce(() => admin.ping(), LIMIT_MS),
    pingMany: 16 * (await rateAsyncOnce(sixteen, LIMIT_MS)),
    inspect: rateOnce(() => inspectMessage(body), LIMIT_MS),
    pipeline: rateOnce(() => validateMessage(pipeline, 'WMO301', body), LIMIT_MS),
  };
}

async function measure(shared: Shared, admin: Redis, options: EndToEndOptions): Promise<Row[]> {
  const { runs, messages: count } = options;
  const template = validSample('WMO301').bytes.toString('utf8');
  const body = messages(template, 1, 'L')[0] ?? Buffer.alloc(0);
  await measureLimits(shared, admin, body); // warm-up
  const limits: Limits[] = [];
  const results: RunResult[] = [];
  for (let run = 0; run < runs; run += 1) {
    limits.push(await measureLimits(shared, admin, body));
    const bodies = [messages(template, count, `${run}A`), messages(template, count, `${run}C`)];
    results.push(await measureRun(shared, admin, bodies, run));
  }
  const limit = (pick: (l: Limits) => number): number => median(limits.map(pick));
  const pingOne = limit((l) => l.pingOne);
  const pingMany = limit((l) => l.pingMany);
  const inspectRate = limit((l) => l.inspect);
  const pipelineRate = limit((l) => l.pipeline);
  const med = (pick: (r: RunResult) => number): number => median(results.map(pick));
  const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
  const total = 2 * count * runs;
  const endToEnd = med((r) => r.endToEnd);
  return [
    {
      name: 'limit: Redis PING, 1 in flight',
      value: pingOne,
      unit: 'round trips/s',
      notes: 'ioredis → redis-server on loopback',
    },
    { name: 'limit: Redis PING, 16 in flight', value: pingMany, unit: 'commands/s' },
    {
      name: 'limit: intake CPU (inspectMessage, WMO301)',
      value: inspectRate,
      unit: 'msgs/s',
      notes: 'UTF-8 check + libxml2-wasm parse of the whole body',
    },
    {
      name: 'limit: worker CPU (validateMessage, WMO301)',
      value: pipelineRate,
      unit: 'msgs/s',
      notes: 'default pipeline (XSD, typed model, level 2), no Redis',
    },
    {
      name: `intake alone (${count} POST → 202)`,
      value: med((r) => r.intakeAlone),
      unit: 'msgs/s',
      notes: `app.inject, ${POST_CONCURRENCY} in flight; store + enqueue`,
    },
    {
      name: `worker alone (drain ${count} queued)`,
      value: med((r) => r.workerAlone),
      unit: 'msgs/s',
      notes: `1 in-process worker, concurrency ${WORKER_CONCURRENCY}`,
    },
    {
      name: `end to end (${count} posted → all decided)`,
      value: endToEnd,
      unit: 'msgs/s',
      notes: `intake + worker in one process; ${((100 * endToEnd) / pipelineRate).toFixed(0)} % of the worker CPU limit`,
    },
    {
      name: 'intake while the worker runs',
      value: med((r) => r.intakeWithWorker),
      unit: 'msgs/s',
      notes: 'same process, same event loop',
    },
    {
      name: 'Redis memory per decided message',
      value: med((r) => r.redisBytesPerMessage) / 1024,
      unit: 'KB',
      notes: 'all the gateway keeps: record, encrypted body, retour, timeline, deliveries, jobs',
    },
    {
      name: 'messages accepted',
      value: `${accepted}/${total}`,
      unit: '',
      notes: 'every message decided; the sample is valid',
    },
  ];
}
