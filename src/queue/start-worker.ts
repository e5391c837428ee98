import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';

import type { Clock } from '../clock/calendar-date.js';
import type { DeliveryQueue, DeliveryRetryPolicy, DeliveryStore } from '../delivery/index.js';
import { coerceError } from '../errors/index.js';
import type { DecisionObserver } from '../metrics/decision-observer.js';
import type { Logger } from '../observability/index.js';
import type { PartyDirectory } from '../parties/index.js';
import type { DeclaratieTotals } from '../retour/index.js';
import type { MessageStore } from '../store/index.js';
import type { CheckedMessage, Pipeline } from '../validation/pipeline.js';
import { queuePrefix } from './connections.js';
import type { InboundQueue, RetryPolicy } from './inbound-queue.js';
import {
  INBOUND_QUEUE,
  type InboundJobName,
  type ProcessMessageData,
  type ProcessMessageResult,
} from './jobs.js';
import { createMessageProcessor, type MessageRegister } from './processors/process-message.js';
import { reconcilePending } from './reconcile-pending.js';

export interface WorkerRuntimeOptions<M extends CheckedMessage> {
  readonly connection: Redis;
  readonly prefix: string;
  readonly store: MessageStore;
  readonly queue: InboundQueue;
  readonly pipeline: Pipeline<M>;
  readonly declaratieTotals: (message: M) => DeclaratieTotals | undefined;
  readonly concurrency: number;
  readonly lockMs: number;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly parties: PartyDirectory;
  readonly deliveries: DeliveryStore;
  readonly deliveryQueue: DeliveryQueue;
  readonly deliveryRetry: DeliveryRetryPolicy;
  /** Search index, counters, deadlines: their writes join every decision's atomic step. */
  readonly observers?: readonly DecisionObserver[];
  /** The register of accepted traffic; with it, answered messages are judged on level 3. */
  readonly register?: MessageRegister<M>;
  /** How often undecided messages are reconciled; 0 disables the timer (startup still runs). */
  readonly reconcileEveryMs?: number;
}

export interface WorkerRuntime {
  readonly worker: Worker<ProcessMessageData, ProcessMessageResult, InboundJobName>;
  /** Stops taking jobs, lets running jobs finish, and closes the worker's connections. */
  close(): Promise<void>;
}

/** Starts a BullMQ worker on the inbound queue plus the reconciliation of undecided messages. */
export async function startWorker<M extends CheckedMessage>(
  options: WorkerRuntimeOptions<M>,
): Promise<WorkerRuntime> {
  const { logger } = options;
  const processor = createMessageProcessor({
    store: options.store,
    pipeline: options.pipeline,
    clock: options.clock,
    logger,
    declaratieTotals: options.declaratieTotals,
    parties: options.parties,
    deliveries: options.deliveries,
    deliveryQueue: options.deliveryQueue,
    deliveryRetry: options.deliveryRetry,
    ...(options.observers === undefined ? {} : { observers: options.observers }),
    ...(options.register === undefined ? {} : { register: options.register }),
  });
  const worker = new Worker<ProcessMessageData, ProcessMessageResult, InboundJobName>(
    INBOUND_QUEUE,
    processor,
    {
      connection: options.connection,
      prefix: queuePrefix(options.prefix),
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      // A crashed worker's job is taken over after lockMs; allow a few crashes before giving up.
      stalledInterval: Math.max(1_000, Math.floor(options.lockMs / 2)),
      maxStalledCount: 3,
      autorun: true,
    },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  worker.on('stalled', (jobId) =>
    logger.warn({ jobId }, 'job stalled; another worker takes it over'),
  );
  const reconcile = async (graceMs: number): Promise<void> => {
    try {
      await reconcilePending(
        { store: options.store, queue: options.queue, retry: options.retry, logger },
        options.clock(),
        graceMs,
      );
    } catch (caught) {
      logger.error({ err: coerceError(caught) }, 'reconciliation failed');
    }
  };
  await worker.waitUntilReady();
  await reconcile(options.lockMs);
  const every = options.reconcileEveryMs ?? 30_000;
  const timer =
    every > 0 ? setInterval(() => void reconcile(options.lockMs * 2), every) : undefined;
  timer?.unref();
  return {
    worker,
    close: async () => {
      if (timer) {
        clearInterval(timer);
      }
      await worker.close();
    },
  };
}
