import { renderPrometheus } from '../../metrics/index.js';
import type { OperatorTools } from '../operator-tools.js';
import type { HandlerResult } from './handler.js';

/** GET /metrics: Prometheus text format (docs/operations.md). */
export async function metricsHandler(tools: OperatorTools): Promise<HandlerResult> {
  const [counters, gauges] = await Promise.all([tools.metrics.counters(), tools.metrics.gauges()]);
  return {
    status: 200,
    body: renderPrometheus(counters, gauges),
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
  };
}
