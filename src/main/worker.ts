import { type AlertTimer, loadAlertRules, startAlertTimer } from '../alerts/index.js';
import { systemClock } from '../clock/calendar-date.js';
import { loadConfig } from '../config/index.js';
import { deadlinesObserver } from '../console/index.js';
import { createDeliveryQueue, DeliveryStore, startDeliveryWorker } from '../delivery/index.js';
import { metricsObserver } from '../metrics/index.js';
import { createLogger } from '../observability/index.js';
import { loadParties } from '../parties/index.js';
import { createWorkerConnection } from '../queue/connections.js';
import { createInboundQueue } from '../queue/inbound-queue.js';
import { startWorker } from '../queue/start-worker.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../register/index.js';
import { type RetentionTimer, startRetentionTimer } from '../retention/index.js';
import { BsnHasher, SearchIndex, searchObserver } from '../search/index.js';
import { BodyCipher, MessageStore, resolveBodyKey } from '../store/index.js';
import { declaratieTotalsOf } from '../validation/default-pipeline.js';
import { createXsdValidator } from '../validation/xsd/index.js';
import { openJudgingPipeline } from './judging-pipeline.js';
import { requireRedisUrl } from './require-redis-url.js';
import { onTerminationSignal, shutdownInOrder } from './shutdown.js';

/** A worker process: takes messages from the queue, validates them, records the decision. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({
    level: config.logLevel,
    environment: config.environment,
    name: 'worker',
  });
  // Installed first: a SIGTERM during start-up must still close whatever is already running.
  const running: {
    worker?: Awaited<ReturnType<typeof startWorker>>;
    delivery?: Awaited<ReturnType<typeof startDeliveryWorker>>;
  } = {};
  let closeRest: () => Promise<void> = () => Promise.resolve();
  let started: Promise<unknown> = Promise.resolve();
  const timers: { retention?: RetentionTimer; alerts?: AlertTimer } = {};
  onTerminationSignal(logger, async () => {
    // Let a start-up in progress finish, so that a job already taken is finished, not abandoned.
    await started.catch(() => undefined);
    await shutdownInOrder(
      [
        { name: 'retention', run: () => Promise.resolve(timers.retention?.stop()) },
        { name: 'alerts', run: () => timers.alerts?.stop() ?? Promise.resolve() },
        { name: 'worker', run: () => running.worker?.close() ?? Promise.resolve() },
        { name: 'delivery worker', run: () => running.delivery?.close() ?? Promise.resolve() },
        { name: 'connections', run: () => closeRest() },
      ],
      logger,
    );
  });
  const parties = loadParties(config.partiesFile, config.http.host);
  const xsd = createXsdValidator(config.xsd.schemaDir, config.xsd.engine);
  // Levels 1–4; the CBS list and the contracts are read before anything connects.
  const judging = openJudgingPipeline(config, xsd, logger);
  const alertRules = loadAlertRules(config.alerts.file);
  const redis = createWorkerConnection(requireRedisUrl(config));
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  const bodyKey = resolveBodyKey(config.bodyEncryptionKey, config.dataDir);
  const store = new MessageStore(redis, config.redis.prefix, new BodyCipher(bodyKey));
  const register = new RedisRegister(
    redis,
    config.redis.prefix,
    new ClientIds(deriveRegisterKey(bodyKey)),
  );
  const queue = createInboundQueue(redis, config.redis.prefix);
  queue.on('error', (error) => logger.warn({ err: error }, 'queue error'));
  const deliveries = new DeliveryStore(redis, config.redis.prefix);
  const deliveryQueue = createDeliveryQueue(redis, config.redis.prefix);
  deliveryQueue.on('error', (error) => logger.warn({ err: error }, 'delivery queue error'));
  const deliveryRetry = {
    attempts: config.delivery.attempts,
    backoffMs: config.delivery.backoffMs,
  };
  closeRest = () =>
    shutdownInOrder(
      [
        { name: 'queue', run: () => queue.close() },
        { name: 'delivery queue', run: () => deliveryQueue.close() },
        { name: 'redis', run: () => redis.quit() },
        { name: 'schemas', run: () => Promise.resolve(xsd.close()) },
        { name: 'contracts', run: () => Promise.resolve(judging.close()) },
      ],
      logger,
    );
  const startingWorker = startWorker({
    connection: redis,
    prefix: config.redis.prefix,
    store,
    queue,
    pipeline: judging.pipeline,
    register,
    declaratieTotals: declaratieTotalsOf,
    concurrency: config.worker.concurrency,
    lockMs: config.worker.lockMs,
    retry: { attempts: config.worker.attempts, backoffMs: config.worker.backoffMs },
    clock: systemClock,
    logger,
    parties,
    deliveries,
    deliveryQueue,
    deliveryRetry,
    observers: [
      searchObserver(new SearchIndex(redis, config.redis.prefix, new BsnHasher(bodyKey))),
      metricsObserver(config.redis.prefix),
      deadlinesObserver(config.redis.prefix),
    ],
  });
  started = startingWorker;
  running.worker = await startingWorker;
  const startingDelivery = startDeliveryWorker({
    connection: redis,
    prefix: config.redis.prefix,
    deliveries,
    store,
    queue: deliveryQueue,
    parties,
    retry: deliveryRetry,
    concurrency: config.delivery.concurrency,
    clock: systemClock,
    logger,
  });
  started = startingDelivery;
  running.delivery = await startingDelivery;
  // Bodies older than RETENTION_DAYS are removed every 10 minutes (one process at a time).
  timers.retention = startRetentionTimer({
    redis,
    prefix: config.redis.prefix,
    deliveries,
    retentionDays: config.retention.days,
    clock: systemClock,
    logger,
  });
  void timers.retention.runOnce();
  // Alert rules are evaluated every ALERT_EVALUATION_SECONDS (one process at a time).
  timers.alerts = startAlertTimer({
    sources: {
      redis,
      prefix: config.redis.prefix,
      queues: { inbound: queue, delivery: deliveryQueue },
      isLocal: (code) => parties.isLocal(code),
    },
    rules: alertRules,
    webhook:
      config.alerts.webhookUrl === undefined
        ? undefined
        : { url: config.alerts.webhookUrl, secret: config.alerts.webhookSecret },
    consoleUrl: config.console.publicUrl ?? `http://${config.http.host}:${config.http.port}`,
    environment: config.environment,
    clock: systemClock,
    logger,
    everyMs: config.alerts.evaluationSeconds * 1_000,
  });
  logger.info({ engine: xsd.engine, schemas: xsd.messageTypes.length }, 'worker ready');
}

main().catch((caught: unknown) => {
  console.error(caught instanceof Error ? caught.message : caught);
  process.exit(1);
});
