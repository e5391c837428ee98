import { z } from 'zod';

import { XSD_ENGINES } from '../validation/xsd/xsd-validator.js';

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting of the gateway, read from the environment (STYLE §E20). Defaults live here and
 * nowhere else. docs/config.md and .env.example list the same keys; a test keeps them in sync.
 */
export const ENV_SCHEMA = z.strictObject({
  /** Interface the HTTP API listens on. */
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the HTTP API (0 = any free port). */
  HTTP_PORT: port.default(8080),
  /** Redis to use; when absent, `npm start` runs an embedded redis-server in DATA_DIR. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and BullMQ queue of this gateway. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('iwmo'),
  /** Directory for the embedded Redis data (AOF) and the generated body encryption key. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Largest accepted message in bytes; the standard allows 25 MB (OP179). */
  MAX_MESSAGE_BYTES: positiveInt.default(25 * 1024 * 1024),
  /**
   * Largest declaration the dry run (POST /v1/declarations/check) takes, in bytes: it runs on the
   * intake's event loop (≈ 1 s for 5 MB, ≈ 4 s for 20 MB; docs/contracts.md "Dry run").
   */
  DRY_RUN_MAX_BYTES: positiveInt.default(5 * 1024 * 1024),
  /** Worker processes started by `npm start`. */
  WORKER_PROCESSES: positiveInt.max(64).default(2),
  /** Messages one worker process handles at the same time. */
  WORKER_CONCURRENCY: positiveInt.max(256).default(4),
  /** Attempts per message before it ends as failed. */
  JOB_ATTEMPTS: positiveInt.max(100).default(5),
  /** First retry delay; doubles on every further attempt. */
  JOB_BACKOFF_MS: positiveInt.default(1_000),
  /** How long a worker owns a message before another worker may take it over after a crash. */
  JOB_LOCK_MS: positiveInt.min(1_000).default(30_000),
  /** Which libxml2 binding validates against the XSDs (docs/decisions.md). */
  XSD_ENGINE: z.enum(XSD_ENGINES).default('libxml2-wasm'),
  /** Directory with basisschema.xsd and WMOnnn.xsd; defaults to the bundled schemas. */
  SCHEMA_DIR: z.string().min(1).optional(),
  /** Base64 of 32 random bytes; encrypts message bodies at rest. Generated in DATA_DIR when absent. */
  BODY_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of exactly 32 bytes')
    .optional(),
  /** JSON file with local/remote parties, routes and API clients (docs/routing.md). */
  PARTIES_FILE: z.string().min(1).optional(),
  /** Attempts per delivery before it becomes a dead letter. */
  DELIVERY_ATTEMPTS: positiveInt.max(100).default(10),
  /** First delivery retry delay; doubles per attempt, with jitter. */
  DELIVERY_BACKOFF_MS: positiveInt.default(2_000),
  /** Deliveries one worker process runs at the same time. */
  DELIVERY_CONCURRENCY: positiveInt.max(256).default(8),
  /**
   * Directory whose `*.json`, `*.yaml` and `*.yml` files are the municipal contracts
   * (docs/contracts.md).
   */
  CONTRACTS_DIR: z.string().min(1).optional(),
  /** How often the worker looks for changed contract files; 0 = only at start. */
  CONTRACTS_RELOAD_MS: z.coerce.number().int().min(0).default(30_000),
  /** CBS gemeentecodes with validity periods (TR378); defaults to the bundled list. */
  CBS_GEMEENTEN_FILE: z.string().min(1).optional(),
  /** Pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Whether the web console may replay dead letters (docs/console.md); read-only when false. */
  CONSOLE_ALLOW_REPLAY: z.stringbool().default(false),
  /** Idle lifetime of a console session; every request renews it. */
  CONSOLE_SESSION_TTL_MINUTES: positiveInt.max(24 * 60).default(60),
  /** Let GET /metrics answer scrapes from a loopback address without an API key. */
  METRICS_OPEN_ON_LOOPBACK: z.stringbool().default(false),
  /** JSON file with the alert rules (docs/operations.md#alerts); built-in rules when absent. */
  ALERTS_FILE: z.string().min(1).optional(),
  /** Where firing and resolved alerts are POSTed (JSON); without it alerts are only shown. */
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs every alert webhook body (X-Iwmo-Signature: sha256=HMAC-SHA256 of the body). */
  ALERT_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** How often a worker evaluates the alert rules (one process at a time). */
  ALERT_EVALUATION_SECONDS: positiveInt.max(3_600).default(30),
  /** Base URL under which operators reach the console, for the links in alert webhooks. */
  CONSOLE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Days after receipt when a message's body is removed (metadata and decision stay). */
  RETENTION_DAYS: positiveInt.max(36_500).default(60),
  /** Label shown in logs and on the operator view, e.g. production or acceptance. */
  GATEWAY_ENVIRONMENT: z.string().min(1).default('development'),
});

export type EnvInput = z.input<typeof ENV_SCHEMA>;
export type EnvConfig = z.output<typeof ENV_SCHEMA>;
