import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { GatewayError } from '../errors/index.js';
import { BUNDLED_CBS_GEMEENTEN_FILE } from '../reference-data/index.js';
import type { XsdEngine } from '../validation/xsd/xsd-validator.js';
import { ENV_SCHEMA } from './schema.js';

/** The gateway's configuration, deep-frozen, passed down from each entry point. */
export interface Config {
  readonly http: { readonly host: string; readonly port: number };
  readonly redis: { readonly url: string | undefined; readonly prefix: string };
  readonly dataDir: string;
  readonly maxMessageBytes: number;
  /** Largest declaration the dry run takes (POST /v1/declarations/check). */
  readonly dryRunMaxBytes: number;
  readonly worker: {
    readonly processes: number;
    readonly concurrency: number;
    readonly attempts: number;
    readonly backoffMs: number;
    readonly lockMs: number;
  };
  readonly xsd: { readonly engine: XsdEngine; readonly schemaDir: string };
  readonly partiesFile: string | undefined;
  /** Municipal contracts (level 4): the directory, and how often to look for changes (0 = never). */
  readonly contracts: { readonly dir: string | undefined; readonly reloadMs: number };
  /** The CBS gemeentecodes file (TR378). */
  readonly cbsGemeentenFile: string;
  readonly delivery: {
    readonly attempts: number;
    readonly backoffMs: number;
    readonly concurrency: number;
  };
  readonly bodyEncryptionKey: string | undefined;
  readonly logLevel: string;
  readonly environment: string;
  readonly console: {
    readonly allowReplay: boolean;
    readonly sessionTtlMinutes: number;
    /** Base URL of the console in alert links; undefined: http://HTTP_HOST:HTTP_PORT. */
    readonly publicUrl: string | undefined;
  };
  /** Alert rules (a file, or the built-in rules), evaluation interval and the webhook. */
  readonly alerts: {
    readonly file: string | undefined;
    readonly webhookUrl: string | undefined;
    readonly webhookSecret: string | undefined;
    readonly evaluationSeconds: number;
  };
  readonly metrics: { readonly openOnLoopback: boolean };
  readonly retention: { readonly days: number };
}

/** The schemas shipped with the gateway (schemas/iwmo/3.2 at the package root). */
export const BUNDLED_SCHEMA_DIR = fileURLToPath(new URL('../../schemas/iwmo/3.2', import.meta.url));

/**
 * Reads the configuration from `env` (pure: no other input). Unknown keys of the gateway's own
 * namespace are ignored so that the process environment can be passed as it is; invalid values
 * throw GW_ERR_CONFIG_INVALID listing every problem.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const known = Object.fromEntries(
    Object.keys(ENV_SCHEMA.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = ENV_SCHEMA.safeParse(known);
  if (!parsed.success) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message: `invalid configuration:\n${z.prettifyError(parsed.error)}`,
    });
  }
  const e = parsed.data;
  return deepFreeze({
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    dataDir: e.DATA_DIR,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    dryRunMaxBytes: e.DRY_RUN_MAX_BYTES,
    worker: {
      processes: e.WORKER_PROCESSES,
      concurrency: e.WORKER_CONCURRENCY,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      lockMs: e.JOB_LOCK_MS,
    },
    xsd: { engine: e.XSD_ENGINE, schemaDir: e.SCHEMA_DIR ?? BUNDLED_SCHEMA_DIR },
    partiesFile: e.PARTIES_FILE,
    contracts: { dir: e.CONTRACTS_DIR, reloadMs: e.CONTRACTS_RELOAD_MS },
    cbsGemeentenFile: e.CBS_GEMEENTEN_FILE ?? BUNDLED_CBS_GEMEENTEN_FILE,
    delivery: {
      attempts: e.DELIVERY_ATTEMPTS,
      backoffMs: e.DELIVERY_BACKOFF_MS,
      concurrency: e.DELIVERY_CONCURRENCY,
    },
    bodyEncryptionKey: e.BODY_ENCRYPTION_KEY,
    logLevel: e.LOG_LEVEL,
    environment: e.GATEWAY_ENVIRONMENT,
    console: {
      allowReplay: e.CONSOLE_ALLOW_REPLAY,
      sessionTtlMinutes: e.CONSOLE_SESSION_TTL_MINUTES,
      publicUrl: e.CONSOLE_PUBLIC_URL,
    },
    alerts: {
      file: e.ALERTS_FILE,
      webhookUrl: e.ALERT_WEBHOOK_URL,
      webhookSecret: e.ALERT_WEBHOOK_SECRET,
      evaluationSeconds: e.ALERT_EVALUATION_SECONDS,
    },
    metrics: { openOnLoopback: e.METRICS_OPEN_ON_LOOPBACK },
    retention: { days: e.RETENTION_DAYS },
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
    Object.freeze(value);
  }
  return value;
}
