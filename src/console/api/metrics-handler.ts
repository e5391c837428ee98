import type { AppDeps } from '../../intake/build-app.js';
import { renderPrometheus } from '../../metrics/index.js';
import { countOpenDeadlines } from '../deadline-counts.js';
import type { OperatorTools } from '../operator-tools.js';
import type { HandlerResult } from './handler.js';

/** GET /metrics: Prometheus text format (docs/operations.md). */
export async function metricsHandler(
  tools: OperatorTools,
  deps: Pick<AppDeps, 'redis' | 'parties' | 'clock'>,
): Promise<HandlerResult> {
  const [counters, gauges, deadlines, alerts] = await Promise.all([
    tools.metrics.counters(),
    tools.metrics.gauges(),
    countOpenDeadlines(
      {
        redis: deps.redis,
        prefix: tools.settings.prefix,
        isLocal: (code) => deps.parties.isLocal(code),
      },
      deps.clock(),
    ),
    tools.alerts.states(),
  ]);
  return {
    status: 200,
    body: renderPrometheus(counters, gauges, {
      deadlines,
      alerts: alerts.map((a) => ({ id: a.id, severity: a.severity, firing: a.phase === 'firing' })),
    }),
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
  };
}
