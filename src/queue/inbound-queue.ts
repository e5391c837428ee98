import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import { queuePrefix } from './connections.js';
import {
  INBOUND_QUEUE,
  type InboundJobName,
  PROCESS_MESSAGE_JOB,
  type ProcessMessageData,
  type ProcessMessageResult,
} from './jobs.js';

export type InboundQueue = Queue<ProcessMessageData, ProcessMessageResult, InboundJobName>;

export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

export function createInboundQueue(connection: Redis, prefix: string): InboundQueue {
  return new Queue<ProcessMessageData, ProcessMessageResult, InboundJobName>(INBOUND_QUEUE, {
    connection,
    prefix: queuePrefix(prefix),
  });
}

/**
 * Queues a stored message. The job id is the gateway message id: adding the same message twice
 * (intake plus the reconciler) creates one job. It is not derived from the iWmo identity, because
 * a second message with the same BerichtIdentificatie must be judged (TR056), not swallowed.
 */
export async function enqueueMessage(
  queue: InboundQueue,
  data: ProcessMessageData,
  retry: RetryPolicy,
): Promise<void> {
  await queue.add(PROCESS_MESSAGE_JOB, data, {
    jobId: data.messageId,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    // The store keeps the durable record; finished jobs only need to live long enough to debug.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}
