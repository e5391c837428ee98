import { AuditLog } from '../audit/audit-log.js';
import { systemClock } from '../clock/calendar-date.js';
import { loadConfig } from '../config/index.js';
import { createOperatorTools } from '../console/index.js';
import { createDeliveryQueue, DeliveryStore } from '../delivery/index.js';
import { buildApp } from '../intake/index.js';
import { createLogger } from '../observability/index.js';
import { loadParties } from '../parties/index.js';
import { connectFailFast } from '../queue/connections.js';
import { createInboundQueue } from '../queue/inbound-queue.js';
import { ClientIds, deriveRegisterKey, RedisRegister } from '../register/index.js';
import { BodyCipher, MessageStore, resolveBodyKey } from '../store/index.js';
import { createXsdValidator } from '../validation/xsd/index.js';
import { openJudgingPipeline } from './judging-pipeline.js';
import { requireRedisUrl } from './require-redis-url.js';
import { onTerminationSignal, shutdownInOrder } from './shutdown.js';

/** The HTTP intake process: accepts messages, stores them, queues them, answers queries. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({
    level: config.logLevel,
    environment: config.environment,
    name: 'intake',
  });
  const parties = loadParties(config.partiesFile, config.http.host);
  if (parties.open) {
    logger.warn(
      'no PARTIES_FILE: development mode, every party is local and the API has no authentication',
    );
  }
  // The StUF endpoint answers an XSD-invalid payload at once (Fo01 StUF055), with the same
  // schemas and engine the workers use; the dry run of a declaration (POST
  // /v1/declarations/check) judges levels 1–4 here with the workers' sources, read before
  // anything connects so that an invalid contract file stops the start (docs/contracts.md).
  const payloadXsd = createXsdValidator(config.xsd.schemaDir, config.xsd.engine);
  const judging = openJudgingPipeline(config, payloadXsd, logger);
  const redis = await connectFailFast(requireRedisUrl(config));
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  const bodyKey = resolveBodyKey(config.bodyEncryptionKey, config.dataDir);
  const store = new MessageStore(redis, config.redis.prefix, new BodyCipher(bodyKey));
  const queue = createInboundQueue(redis, config.redis.prefix);
  queue.on('error', (error) => logger.warn({ err: error }, 'queue error'));
  const deliveryQueue = createDeliveryQueue(redis, config.redis.prefix);
  deliveryQueue.on('error', (error) => logger.warn({ err: error }, 'delivery queue error'));
  const register = new RedisRegister(
    redis,
    config.redis.prefix,
    new ClientIds(deriveRegisterKey(bodyKey)),
  );
  const app = buildApp({
    store,
    queue,
    redis,
    retry: { attempts: config.worker.attempts, backoffMs: config.worker.backoffMs },
    maxMessageBytes: config.maxMessageBytes,
    logger,
    clock: systemClock,
    parties,
    deliveries: new DeliveryStore(redis, config.redis.prefix),
    deliveryQueue,
    deliveryRetry: { attempts: config.delivery.attempts, backoffMs: config.delivery.backoffMs },
    audit: new AuditLog(redis, config.redis.prefix),
    payloadXsd,
    register,
    declarationCheck: {
      pipeline: judging.pipeline,
      register,
      maxBytes: config.dryRunMaxBytes,
    },
    operator: createOperatorTools({
      redis,
      bodyKey,
      queues: [queue, deliveryQueue],
      sessionTtlMinutes: config.console.sessionTtlMinutes,
      settings: {
        allowReplay: config.console.allowReplay,
        metricsOpenOnLoopback: config.metrics.openOnLoopback,
        environment: config.environment,
        prefix: config.redis.prefix,
      },
    }),
  });
  onTerminationSignal(logger, () =>
    shutdownInOrder(
      [
        { name: 'http', run: () => app.close() },
        { name: 'queue', run: () => queue.close() },
        { name: 'delivery queue', run: () => deliveryQueue.close() },
        { name: 'redis', run: () => redis.quit() },
        { name: 'schemas', run: () => Promise.resolve(payloadXsd.close()) },
        { name: 'contracts', run: () => Promise.resolve(judging.close()) },
      ],
      logger,
    ),
  );
  await app.listen({ host: config.http.host, port: config.http.port });
}

main().catch((caught: unknown) => {
  console.error(caught instanceof Error ? caught.message : caught);
  process.exit(1);
});
