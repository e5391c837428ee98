import type { Redis } from 'ioredis';

import { AlertStore } from '../alerts/index.js';
import { type CountableQueue, MetricsReader } from '../metrics/index.js';
import { BsnHasher, SearchIndex } from '../search/index.js';
import type { OperatorSettings, OperatorTools } from './operator-tools.js';
import { ConsoleSessions } from './session-store.js';

export interface OperatorToolsInput {
  readonly redis: Redis;
  readonly bodyKey: Buffer;
  /** The inbound and delivery queues (depths and workers on /metrics and the overview). */
  readonly queues: readonly CountableQueue[];
  readonly sessionTtlMinutes: number;
  readonly settings: OperatorSettings;
}

/** Wires search, metrics, console sessions and the alert states on one Redis connection. */
export function createOperatorTools(input: OperatorToolsInput): OperatorTools {
  const { redis, settings } = input;
  return {
    search: new SearchIndex(redis, settings.prefix, new BsnHasher(input.bodyKey)),
    metrics: new MetricsReader(redis, settings.prefix, input.queues),
    sessions: new ConsoleSessions(redis, settings.prefix, input.sessionTtlMinutes),
    alerts: new AlertStore(redis, settings.prefix),
    settings,
  };
}
