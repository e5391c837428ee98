import type { Logger } from '../observability/index.js';
import type { MessageStore } from '../store/index.js';
import { enqueueMessage, type InboundQueue, type RetryPolicy } from './inbound-queue.js';

export interface ReconcileDeps {
  readonly store: MessageStore;
  readonly queue: InboundQueue;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
}

export interface ReconcileReport {
  readonly requeued: number;
  readonly markedFailed: number;
}

/**
 * Startup and periodic reconciliation (STYLE §D19): every stored message that is still undecided
 * after `graceMs` must have a live job. One without a job (intake stored it but died before it
 * queued it) is queued again; one whose job has failed for good is recorded as failed.
 */
export async function reconcilePending(
  deps: ReconcileDeps,
  now: Date,
  graceMs: number,
  batch = 500,
): Promise<ReconcileReport> {
  const ids = await deps.store.pendingBefore(new Date(now.getTime() - graceMs), batch);
  let requeued = 0;
  let markedFailed = 0;
  for (const id of ids) {
    const job = await deps.queue.getJob(id);
    if (job === undefined) {
      const record = await deps.store.get(id);
      await enqueueMessage(
        deps.queue,
        { messageId: id, correlationId: record?.correlationId ?? id },
        deps.retry,
      );
      requeued += 1;
      continue;
    }
    const state = await job.getState();
    if (state === 'failed' || state === 'completed') {
      const reason = job.failedReason || `job ${state} without a recorded decision`;
      if (await deps.store.finish(id, { status: 'failed', failureReason: reason }, now)) {
        markedFailed += 1;
      }
    }
  }
  if (requeued + markedFailed > 0) {
    deps.logger.warn({ requeued, markedFailed }, 'reconciled undecided messages');
  }
  return { requeued, markedFailed };
}
