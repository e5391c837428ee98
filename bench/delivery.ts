import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { AuditLog } from '../src/audit/audit-log.js';
import { createDeliveryQueue, DeliveryStore, startDeliveryWorker } from '../src/delivery/index.js';
import { buildApp } from '../src/intake/index.js';
import { createLogger } from '../src/observability/index.js';
import { newApiKey, PARTIES_SCHEMA, PartyDirectory } from '../src/parties/index.js';
import { connectFailFast, createWorkerConnection } from '../src/queue/connections.js';
import { createInboundQueue } from '../src/queue/inbound-queue.js';
import { startWorker } from '../src/queue/start-worker.js';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { BodyCipher, MessageStore } from '../src/store/index.js';
import { createDefaultPipeline, declaratieTotalsOf } from '../src/validation/default-pipeline.js';
import { createXsdValidator } from '../src/validation/xsd/index.js';
import { median } from './measure.js';
import { SCHEMA_DIR, validSample } from './samples.js';
import type { Row } from './table.js';

export interface DeliveryBenchOptions {
  readonly runs: number;
  /** Messages forwarded in the throughput phase. */
  readonly messages: number;
  /** How long the endpoint is down in the outage phase. */
  readonly outageMs: number;
  /** Messages sent while the endpoint is down. */
  readonly outageMessages: number;
}

/** Production delivery settings (config defaults), so the outage figures are what users get. */
const DELIVERY_RETRY = { attempts: 10, backoffMs: 2_000 };

/**
 * A loopback endpoint that records each accepted request's Idempotency-Key and the time it was
 * accepted; it can be taken down (port closed: connection refused) and brought back.
 */
class Endpoint {
  readonly accepted = new Map<string, number[]>();
  refused = 0;
  #server: Server | undefined;
  #port = 0;

  async up(): Promise<void> {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const key = String(request.headers['idempotency-key']);
        this.accepted.set(key, [...(this.accepted.get(key) ?? []), performance.now()]);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.#port, '127.0.0.1', resolve));
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async down(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/iwmo`;
  }

  get deliveredOnce(): number {
    return [...this.accepted.values()].filter((times) => times.length === 1).length;
  }

  get duplicates(): number {
    return [...this.accepted.values()].reduce(
      (sum, times) => sum + Math.max(0, times.length - 1),
      0,
    );
  }
}

function copies(template: string, count: number, tag: string): Buffer[] {
  return Array.from({ length: count }, (_, i) =>
    Buffer.from(
      template.replace(
        /<iwmo:Identificatie>[^<]*<\/iwmo:Identificatie>/,
        `<iwmo:Identificatie>${tag}${String(i).padStart(7, '0')}</iwmo:Identificatie>`,
      ),
    ),
  );
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Forwarding throughput to a loopback HTTP endpoint (gemeente 0363 → supplier 12345678 with a
 * WMO301, pre-flight levels 1–2, then delivery), with the raw loopback POST rate as the limit;
 * then an outage: the endpoint is down for `outageMs` while messages arrive, and the bench counts
 * delays, losses and duplicates once it is back.
 */
export async function benchDelivery(options: DeliveryBenchOptions): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iwmo-bench-delivery-'));
  const redis = await startEmbeddedRedis({ dataDir, appendfsync: 'everysec' });
  const sink = new Writable({ write: (_c, _e, callback) => callback() });
  const logger = createLogger({ level: 'info', environment: 'bench', name: 'bench' }, sink);
  const xsd = createXsdValidator(SCHEMA_DIR, 'libxml2-wasm');
  const template = validSample('WMO301').bytes.toString('utf8');
  const rows: Row[] = [];
  const endpoint = new Endpoint();
  const apiKey = newApiKey('bench');
  await endpoint.up();
  try {
    // The limit: how fast this machine posts the same document to the same loopback endpoint.
    const body = template;
    const rawRates: number[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const start = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < options.messages) {
            next += 1;
            await fetch(endpoint.url, {
              method: 'POST',
              body,
              headers: { 'idempotency-key': `raw-${run}-${next}` },
            });
          }
        }),
      );
      rawRates.push((options.messages * 1000) / (performance.now() - start));
    }
    rows.push({
      name: 'limit: raw loopback HTTP POST (8 in flight)',
      value: median(rawRates),
      unit: 'req/s',
    });
    endpoint.accepted.clear();

    const gatewayRates: number[] = [];
    for (let run = 0; run < options.runs + 1; run += 1) {
      const outage = run === options.runs;
      const prefix = `bench-dlv-${run}`;
      const parties = PartyDirectory.fromFile(
        PARTIES_SCHEMA.parse({
          local: [{ code: '0363', name: 'gemeente', delivery: { type: 'inbox' } }],
          remote: [
            {
              code: '12345678',
              name: 'supplier',
              delivery: { type: 'http', url: endpoint.url, timeoutMs: 5_000 },
            },
          ],
          clients: [{ id: 'bench', role: 'party', codes: ['0363'], secretHash: apiKey.secretHash }],
        }),
      );
      const intakeRedis = await connectFailFast(redis.url);
      const bodyKey = randomBytes(32);
      const store = new MessageStore(intakeRedis, prefix, new BodyCipher(bodyKey));
      const deliveryQueue = createDeliveryQueue(intakeRedis, prefix);
      const queue = createInboundQueue(intakeRedis, prefix);
      const app = buildApp({
        store,
        queue,
        redis: intakeRedis,
        retry: { attempts: 3, backoffMs: 1_000 },
        maxMessageBytes: 25 * 1024 * 1024,
        logger,
        clock: () => new Date(),
        parties,
        deliveries: new DeliveryStore(intakeRedis, prefix),
        deliveryQueue,
        deliveryRetry: DELIVERY_RETRY,
        audit: new AuditLog(intakeRedis, prefix),
      });
      const connection = createWorkerConnection(redis.url);
      const deliveries = new DeliveryStore(connection, prefix);
      const workerDeliveryQueue = createDeliveryQueue(connection, prefix);
      const runtime = await startWorker({
        connection,
        prefix,
        store: new MessageStore(connection, prefix, new BodyCipher(bodyKey)),
        queue: createInboundQueue(connection, prefix),
        pipeline: createDefaultPipeline(xsd),
        declaratieTotals: declaratieTotalsOf,
        concurrency: 8,
        lockMs: 30_000,
        retry: { attempts: 3, backoffMs: 1_000 },
        clock: () => new Date(),
        logger,
        reconcileEveryMs: 0,
        parties,
        deliveries,
        deliveryQueue: workerDeliveryQueue,
        deliveryRetry: DELIVERY_RETRY,
      });
      const deliveryWorker = await startDeliveryWorker({
        connection,
        prefix,
        deliveries,
        store: new MessageStore(connection, prefix, new BodyCipher(bodyKey)),
        queue: workerDeliveryQueue,
        parties,
        retry: DELIVERY_RETRY,
        concurrency: 8,
        clock: () => new Date(),
        logger,
        reconcileEveryMs: 0,
      });
      const count = outage ? options.outageMessages : options.messages;
      const bodies = copies(template, count, `R${run}`);
      endpoint.accepted.clear();
      if (outage) {
        await endpoint.down();
      }
      const postedAt: number[] = [];
      const start = performance.now();
      for (const [i, payload] of bodies.entries()) {
        const response = await app.inject({
          method: 'POST',
          url: '/v1/messages',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${apiKey.apiKey}` },
          payload,
        });
        if (response.statusCode !== 202) {
          throw new Error(`intake answered ${response.statusCode}: ${response.body}`);
        }
        postedAt[i] = performance.now();
      }
      if (outage) {
        const downFor = options.outageMs - (performance.now() - start);
        await new Promise((r) => setTimeout(r, Math.max(0, downFor)));
        const upAt = performance.now();
        await endpoint.up();
        await waitUntil(() => endpoint.accepted.size >= count, 15 * 60_000);
        await new Promise((r) => setTimeout(r, 2_000));
        const lastDelivery = Math.max(...[...endpoint.accepted.values()].map((t) => t[0] ?? 0));
        const dead = (await deliveries.deadLetters(10_000)).length;
        rows.push(
          {
            name: `outage: endpoint down`,
            value: options.outageMs / 1000,
            unit: 's',
            notes: `${count} messages sent meanwhile`,
          },
          {
            name: 'outage: delivered exactly once',
            value: endpoint.deliveredOnce,
            unit: 'messages',
            notes: `of ${count}`,
          },
          {
            name: 'outage: lost (never delivered)',
            value: count - endpoint.accepted.size,
            unit: 'messages',
          },
          {
            name: 'outage: duplicates at the endpoint',
            value: endpoint.duplicates,
            unit: 'requests',
          },
          { name: 'outage: dead letters', value: dead, unit: 'deliveries' },
          {
            name: 'outage: last delivery after recovery',
            value: (lastDelivery - upAt) / 1000,
            unit: 's',
            notes: 'backoff 2 s doubling, ±50 % jitter',
          },
          {
            name: 'outage: max delay post → delivery',
            value: (lastDelivery - Math.min(...postedAt)) / 1000,
            unit: 's',
          },
        );
      } else {
        await waitUntil(() => endpoint.accepted.size >= count, 5 * 60_000);
        gatewayRates.push((count * 1000) / (performance.now() - start));
      }
      await runtime.close();
      await deliveryWorker.close();
      await app.close();
      await queue.close();
      await deliveryQueue.close();
      await workerDeliveryQueue.close();
      intakeRedis.disconnect();
      connection.disconnect();
    }
    rows.splice(1, 0, {
      name: 'gateway: post → validate (L1–2) → forward over HTTP',
      value: median(gatewayRates),
      unit: 'msg/s',
      notes: `${options.messages} WMO301, 1 worker (8 + 8 concurrency)`,
    });
  } finally {
    await endpoint.down();
    xsd.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** `npx tsx bench/delivery.ts`: this bench alone (BENCH_OUTAGE_S shortens the outage). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const outageS = Number(process.env['BENCH_OUTAGE_S'] ?? 60);
  const { renderTable } = await import('./table.js');
  const rows = await benchDelivery({
    runs: 3,
    messages: 1000,
    outageMs: outageS * 1000,
    outageMessages: 300,
  });
  console.log(renderTable('Delivery to a loopback endpoint (bench/delivery.ts)', rows));
}
