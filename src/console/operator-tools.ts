import type { AlertStore } from '../alerts/index.js';
import type { MetricsReader } from '../metrics/index.js';
import type { SearchIndex } from '../search/index.js';
import type { ConsoleSessions } from './session-store.js';

export interface OperatorSettings {
  /** CONSOLE_ALLOW_REPLAY: the console may replay dead letters. @defaultValue false */
  readonly allowReplay: boolean;
  /** METRICS_OPEN_ON_LOOPBACK: /metrics answers loopback scrapes without a key. @defaultValue false */
  readonly metricsOpenOnLoopback: boolean;
  /** GATEWAY_ENVIRONMENT, shown as a badge on every console page. */
  readonly environment: string;
  /** The Redis key prefix (deadline and stats keys live under it). */
  readonly prefix: string;
}

/**
 * The operator's tools (issue #7), handed to `buildApp`: search, metrics and the web console.
 * Absent in apps that do not need them (benchmarks, some tests); then their routes do not exist.
 */
export interface OperatorTools {
  readonly search: SearchIndex;
  readonly metrics: MetricsReader;
  readonly sessions: ConsoleSessions;
  /** Alert states, history and webhook attempts (written by the workers' alert timer). */
  readonly alerts: AlertStore;
  readonly settings: OperatorSettings;
}
