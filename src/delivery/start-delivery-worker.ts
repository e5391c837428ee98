import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';

import type { Clock } from '../clock/calendar-date.js';
import { coerceError } from '../errors/index.js';
import { countDeliveryAttempt } from '../metrics/count-delivery-attempt.js';
import type { Logger } from '../observability/index.js';
import type { PartyDirectory } from '../parties/index.js';
import { queuePrefix } from '../queue/connections.js';
import type { MessageStore } from '../store/index.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { DELIVER_JOB } from './delivery-queue.js';
import {
  type DeliverData,
  DELIVERY_QUEUE,
  type DeliveryQueue,
  type DeliveryRetryPolicy,
  enqueueDelivery,
} from './delivery-queue.js';
import type { DeliveryStore } from './delivery-store.js';
import { createDeliveryProcessor } from './process-delivery.js';
import { promoteOnRecovery } from './promote-deliveries.js';

export interface DeliveryWorkerOptions {
  readonly connection: Redis;
  readonly prefix: string;
  readonly deliveries: DeliveryStore;
  readonly store: MessageStore;
  readonly queue: DeliveryQueue;
  readonly parties: PartyDirectory;
  readonly retry: DeliveryRetryPolicy;
  readonly concurrency: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often pending deliveries without a job are queued again; 0 disables the timer. */
  readonly reconcileEveryMs?: number;
  readonly breaker?: CircuitBreaker;
}

export interface DeliveryWorker {
  readonly worker: Worker<DeliverData, void, typeof DELIVER_JOB>;
  close(): Promise<void>;
}

/**
 * Starts the delivery worker, the reconciliation of pending deliveries and the promotion of an
 * endpoint's delayed deliveries when it recovers (and the half-open probe while its circuit is open).
 */
export async function startDeliveryWorker(options: DeliveryWorkerOptions): Promise<DeliveryWorker> {
  const breaker = options.breaker ?? new CircuitBreaker();
  const processor = createDeliveryProcessor({
    deliveries: options.deliveries,
    store: options.store,
    parties: options.parties,
    breaker,
    clock: options.clock,
    logger: options.logger,
    countAttempt: (attempt) => countDeliveryAttempt(options.connection, options.prefix, attempt),
  });
  const worker = new Worker<DeliverData, void, typeof DELIVER_JOB>(DELIVERY_QUEUE, processor, {
    connection: options.connection,
    prefix: queuePrefix(options.prefix),
    concurrency: options.concurrency,
  });
  worker.on('error', (error) => options.logger.error({ err: error }, 'delivery worker error'));
  // An endpoint that answers again gets its backlog now, not at the end of each job's backoff.
  const promotion = promoteOnRecovery(breaker, {
    queue: options.queue,
    deliveries: options.deliveries,
    parties: options.parties,
    logger: options.logger,
  });
  const reconcile = async (): Promise<void> => {
    try {
      await requeuePendingDeliveries(options, new Date(options.clock().getTime() - 60_000));
    } catch (caught) {
      options.logger.error({ err: coerceError(caught) }, 'delivery reconciliation failed');
    }
  };
  await worker.waitUntilReady();
  await reconcile();
  const every = options.reconcileEveryMs ?? 30_000;
  const timer = every > 0 ? setInterval(() => void reconcile(), every) : undefined;
  timer?.unref();
  return {
    worker,
    close: async () => {
      promotion.close();
      if (timer) {
        clearInterval(timer);
      }
      await worker.close();
    },
  };
}

/** Queues every pending delivery older than `olderThan` that has no live job. */
export async function requeuePendingDeliveries(
  options: Pick<DeliveryWorkerOptions, 'deliveries' | 'queue' | 'retry'>,
  olderThan: Date,
): Promise<number> {
  let requeued = 0;
  for (const id of await options.deliveries.pendingBefore(olderThan, 500)) {
    const job = await options.queue.getJob(id);
    const state = job ? await job.getState() : undefined;
    if (job === undefined || state === 'completed' || state === 'failed') {
      await job?.remove().catch(() => undefined);
      await enqueueDelivery(options.queue, { deliveryId: id, correlationId: id }, options.retry);
      requeued += 1;
    }
  }
  return requeued;
}
