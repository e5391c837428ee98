import { randomBytes, randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import { inject } from 'vitest';

import { AuditLog } from '../../src/audit/audit-log.js';
import type { Clock } from '../../src/clock/calendar-date.js';
import { BUNDLED_SCHEMA_DIR } from '../../src/config/index.js';
import {
  createOperatorTools,
  deadlinesObserver,
  type OperatorTools,
} from '../../src/console/index.js';
import { ContractRegistry } from '../../src/contract/index.js';
import {
  type CircuitBreaker,
  createDeliveryQueue,
  type DeliveryQueue,
  DeliveryStore,
  type DeliveryWorker,
  startDeliveryWorker,
} from '../../src/delivery/index.js';
import { buildApp, type GatewayApp } from '../../src/intake/index.js';
import { metricsObserver } from '../../src/metrics/index.js';
import { createLogger, type Logger } from '../../src/observability/index.js';
import { PARTIES_SCHEMA, type PartiesInput, PartyDirectory } from '../../src/parties/index.js';
import { connectFailFast, createWorkerConnection } from '../../src/queue/connections.js';
import { createInboundQueue, type InboundQueue } from '../../src/queue/inbound-queue.js';
import { startWorker, type WorkerRuntime } from '../../src/queue/start-worker.js';
import { loadCbsGemeenten } from '../../src/reference-data/index.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../../src/register/index.js';
import { BsnHasher, SearchIndex, searchObserver } from '../../src/search/index.js';
import { BodyCipher, type MessageRecord, MessageStore } from '../../src/store/index.js';
import {
  createDefaultPipeline,
  declaratieTotalsOf,
} from '../../src/validation/default-pipeline.js';
import { createXsdValidator, type XsdValidator } from '../../src/validation/xsd/index.js';
import { LogSink } from './log-sink.js';

export interface HarnessOptions {
  readonly withWorker?: boolean;
  readonly maxMessageBytes?: number;
  readonly clock?: Clock;
  readonly attempts?: number;
  readonly lockMs?: number;
  /** The parties file; without it the gateway runs in development mode (all local, no auth). */
  readonly parties?: PartiesInput;
  readonly deliveryAttempts?: number;
  /** DELIVERY_BACKOFF_MS of the delivery worker. @defaultValue 50 */
  readonly deliveryBackoffMs?: number;
  /** The delivery worker's circuit breaker. @defaultValue a new CircuitBreaker() (5 failures, 30 s) */
  readonly breaker?: CircuitBreaker;
  /** CONSOLE_ALLOW_REPLAY for the web console. @defaultValue false */
  readonly allowReplay?: boolean;
  /** METRICS_OPEN_ON_LOOPBACK. @defaultValue false */
  readonly metricsOpenOnLoopback?: boolean;
  /** Judge answered messages on level 3 against the register (as src/main/worker.ts does). */
  readonly level3?: boolean;
  /** Messages the worker handles at once. @defaultValue 2 */
  readonly concurrency?: number;
  /**
   * Judge answered messages on level 4 against these contracts (CONTRACTS_DIR, e.g.
   * samples/contracts) and the bundled CBS list, as src/main/worker.ts does. Needs `level3`.
   */
  readonly contractsDir?: string;
  /** Offer POST /v1/declarations/check with the worker's pipeline, as src/main/intake.ts does. */
  readonly dryRun?: boolean;
  /** DRY_RUN_MAX_BYTES of the dry run. @defaultValue no limit but maxMessageBytes */
  readonly dryRunMaxBytes?: number;
}

/**
 * A whole gateway in the test process against the real test Redis: its own key prefix, the real
 * Fastify app (inject or listen), a real BullMQ worker, the bundled schemas.
 */
export class GatewayHarness {
  readonly prefix = `test-${randomUUID()}`;
  readonly bodyKey = randomBytes(32);
  readonly logs = new LogSink();
  readonly logger: Logger;
  readonly redisUrl: string;
  readonly store: MessageStore;
  readonly queue: InboundQueue;
  readonly app: GatewayApp;
  readonly intakeRedis: Redis;
  readonly parties: PartyDirectory;
  readonly deliveries: DeliveryStore;
  readonly deliveryQueue: DeliveryQueue;
  readonly search: SearchIndex;
  /** Search, metrics and console sessions as the intake process wires them. */
  readonly operator: OperatorTools;
  /** The register of accepted traffic, read through the intake connection. */
  readonly register: RedisRegister;
  readonly #connections: Redis[] = [];
  #xsd: XsdValidator | undefined;
  readonly #contracts: ContractRegistry | undefined;
  #worker: WorkerRuntime | undefined;
  #deliveryWorker: DeliveryWorker | undefined;

  /** Connects to the test Redis and builds the gateway (its worker starts with startWorker). */
  static async create(options: HarnessOptions = {}): Promise<GatewayHarness> {
    const redisUrl = inject('redisUrl');
    return new GatewayHarness(options, redisUrl, await connectFailFast(redisUrl));
  }

  private constructor(
    readonly options: HarnessOptions,
    redisUrl: string,
    intakeRedis: Redis,
  ) {
    this.redisUrl = redisUrl;
    this.intakeRedis = this.track(intakeRedis);
    this.logger = createLogger({ level: 'debug', environment: 'test', name: 'test' }, this.logs);
    this.parties = options.parties
      ? PartyDirectory.fromFile(PARTIES_SCHEMA.parse(options.parties))
      : PartyDirectory.openForDevelopment();
    this.deliveries = new DeliveryStore(intakeRedis, this.prefix);
    this.deliveryQueue = createDeliveryQueue(intakeRedis, this.prefix);
    this.store = new MessageStore(intakeRedis, this.prefix, new BodyCipher(this.bodyKey));
    this.queue = createInboundQueue(intakeRedis, this.prefix);
    this.operator = createOperatorTools({
      redis: intakeRedis,
      bodyKey: this.bodyKey,
      queues: [this.queue, this.deliveryQueue],
      sessionTtlMinutes: 60,
      settings: {
        allowReplay: options.allowReplay ?? false,
        metricsOpenOnLoopback: options.metricsOpenOnLoopback ?? false,
        environment: 'test',
        prefix: this.prefix,
      },
    });
    this.search = this.operator.search;
    this.register = new RedisRegister(intakeRedis, this.prefix, this.clientIds());
    this.#contracts =
      options.contractsDir === undefined
        ? undefined
        : ContractRegistry.open({ source: { dir: options.contractsDir } });
    if (options.dryRun === true) {
      this.#xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
    }
    this.app = buildApp({
      store: this.store,
      queue: this.queue,
      redis: intakeRedis,
      retry: { attempts: options.attempts ?? 3, backoffMs: 100 },
      maxMessageBytes: options.maxMessageBytes ?? 25 * 1024 * 1024,
      logger: this.logger,
      clock: options.clock ?? (() => new Date()),
      parties: this.parties,
      deliveries: this.deliveries,
      deliveryQueue: this.deliveryQueue,
      deliveryRetry: this.deliveryRetry,
      audit: new AuditLog(intakeRedis, this.prefix),
      operator: this.operator,
      register: this.register,
      ...(this.#xsd === undefined
        ? {}
        : {
            declarationCheck: {
              pipeline: this.pipeline(this.#xsd),
              register: this.register,
              ...(options.dryRunMaxBytes === undefined ? {} : { maxBytes: options.dryRunMaxBytes }),
            },
          }),
    });
  }

  /** The pipeline the worker (and the dry run) judge with, by the harness options. */
  pipeline(xsd: XsdValidator) {
    const contracts = this.#contracts;
    return createDefaultPipeline(xsd, {
      crossMessage: this.options.level3 === true,
      ...(contracts === undefined
        ? {}
        : {
            externalSources: {
              cbs: loadCbsGemeenten(),
              contracts: () => contracts.current(),
              clock: this.options.clock ?? (() => new Date()),
            },
          }),
    });
  }

  clientIds(): ClientIds {
    return new ClientIds(deriveRegisterKey(this.bodyKey));
  }

  get deliveryRetry() {
    return {
      attempts: this.options.deliveryAttempts ?? 4,
      backoffMs: this.options.deliveryBackoffMs ?? 50,
    };
  }

  track(connection: Redis): Redis {
    this.#connections.push(connection);
    return connection;
  }

  async startWorker(): Promise<WorkerRuntime> {
    this.#xsd ??= createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
    const connection = this.track(createWorkerConnection(this.redisUrl));
    const store = new MessageStore(connection, this.prefix, new BodyCipher(this.bodyKey));
    this.#worker = await startWorker({
      connection,
      prefix: this.prefix,
      store,
      queue: createInboundQueue(connection, this.prefix),
      pipeline: this.pipeline(this.#xsd),
      ...(this.options.level3 === true
        ? { register: new RedisRegister(connection, this.prefix, this.clientIds()) }
        : {}),
      declaratieTotals: declaratieTotalsOf,
      concurrency: this.options.concurrency ?? 2,
      lockMs: this.options.lockMs ?? 5_000,
      retry: { attempts: this.options.attempts ?? 3, backoffMs: 100 },
      clock: this.options.clock ?? (() => new Date()),
      logger: this.logger,
      reconcileEveryMs: 0,
      parties: this.parties,
      deliveries: new DeliveryStore(connection, this.prefix),
      deliveryQueue: createDeliveryQueue(connection, this.prefix),
      deliveryRetry: this.deliveryRetry,
      observers: [
        searchObserver(new SearchIndex(connection, this.prefix, new BsnHasher(this.bodyKey))),
        metricsObserver(this.prefix),
        deadlinesObserver(this.prefix),
      ],
    });
    this.#deliveryWorker = await startDeliveryWorker({
      connection,
      prefix: this.prefix,
      deliveries: new DeliveryStore(connection, this.prefix),
      store,
      queue: createDeliveryQueue(connection, this.prefix),
      parties: this.parties,
      retry: this.deliveryRetry,
      concurrency: 4,
      clock: this.options.clock ?? (() => new Date()),
      logger: this.logger,
      reconcileEveryMs: 0,
      ...(this.options.breaker === undefined ? {} : { breaker: this.options.breaker }),
    });
    return this.#worker;
  }

  /** Posts XML to the intake and returns the parsed JSON answer. */
  async post(xml: string | Buffer, contentType = 'application/xml', apiKey?: string) {
    const response = await this.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: {
        'content-type': contentType,
        ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
      },
      payload: xml,
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  /** Any API call, optionally with an API key. */
  async call(method: 'GET' | 'POST', url: string, apiKey?: string) {
    const response = await this.app.inject({
      method,
      url,
      headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
    });
    return { status: response.statusCode, text: response.body, headers: response.headers };
  }

  /** Polls the store until the message reaches a terminal status. */
  async waitForDecision(id: string, timeoutMs = 20_000): Promise<MessageRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = await this.store.get(id);
      if (record && ['accepted', 'rejected', 'failed'].includes(record.status)) {
        return record;
      }
      if (Date.now() > deadline) {
        throw new Error(`message ${id} not decided in time (status ${record?.status})`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Closes everything and removes this test's keys (STYLE §I34). */
  async close(): Promise<void> {
    await this.#worker?.close();
    await this.#deliveryWorker?.close();
    await this.app.close();
    await this.deliveryQueue.obliterate({ force: true }).catch(() => undefined);
    await this.deliveryQueue.close();
    await this.queue.obliterate({ force: true }).catch(() => undefined);
    await this.queue.close();
    const cleaner = new Redis(this.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await cleaner.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        await cleaner.del(...keys);
      }
    } while (cursor !== '0');
    await cleaner.quit();
    for (const connection of this.#connections) {
      connection.disconnect();
    }
    this.#xsd?.close();
    this.#contracts?.close();
  }
}
