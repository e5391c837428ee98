import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import { queuePrefix } from '../queue/connections.js';

export const DELIVERY_QUEUE = 'delivery';
export const DELIVER_JOB = 'deliver';

export interface DeliverData {
  readonly deliveryId: string;
  readonly correlationId: string;
  /**
   * Set on the one delayed job promoted as the half-open probe of an open circuit: if the probe
   * fails, the job goes back to its backoff without spending an attempt.
   */
  readonly probe?: boolean;
}

export type DeliveryQueue = Queue<DeliverData, void, typeof DELIVER_JOB>;

export interface DeliveryRetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

export function createDeliveryQueue(connection: Redis, prefix: string): DeliveryQueue {
  return new Queue<DeliverData, void, typeof DELIVER_JOB>(DELIVERY_QUEUE, {
    connection,
    prefix: queuePrefix(prefix),
  });
}

/**
 * Queues a delivery; the job id is the delivery id, so queueing it twice (processor and
 * reconciler) makes one job. Exponential backoff with jitter spreads retries to a recovering
 * endpoint.
 */
export async function enqueueDelivery(
  queue: DeliveryQueue,
  data: DeliverData,
  retry: DeliveryRetryPolicy,
): Promise<void> {
  await queue.add(DELIVER_JOB, data, {
    jobId: data.deliveryId,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs, jitter: 0.5 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}
