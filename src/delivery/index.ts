export { CircuitBreaker, type CircuitBreakerListener } from './circuit-breaker.js';
export {
  createDeliveryQueue,
  DELIVERY_QUEUE,
  type DeliveryQueue,
  type DeliveryRetryPolicy,
  enqueueDelivery,
} from './delivery-queue.js';
export {
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  type DeliveryKind,
  type DeliveryRecord,
  type DeliveryStatus,
  type NewDelivery,
} from './delivery-record.js';
export { DeliveryStore } from './delivery-store.js';
export { type DecidedMessage, planDeliveries } from './plan-deliveries.js';
export { promoteDelayedDeliveries, promoteOnRecovery } from './promote-deliveries.js';
export {
  type DeliveryWorker,
  requeuePendingDeliveries,
  startDeliveryWorker,
} from './start-delivery-worker.js';
