export {
  countDeliveryAttempt,
  type DeliveryAttempt,
  type DeliveryAttemptOutcome,
} from './count-delivery-attempt.js';
export { type DecisionFacts, type DecisionObserver, observerWrites } from './decision-observer.js';
export { BUCKET_MS, LATENCY_BUCKETS, metricKeys, seriesName } from './metric-keys.js';
export { metricsObserver } from './metrics-observer.js';
export {
  type CountableQueue,
  type DayCounts,
  type DecisionCounts,
  type Gauges,
  MetricsReader,
  parseSeries,
} from './metrics-reader.js';
export { type ExtraGauges, renderPrometheus } from './render-prometheus.js';
