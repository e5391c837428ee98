import { enqueueDelivery } from '../delivery/index.js';
import type { AppDeps } from '../intake/build-app.js';

/**
 * Replays one dead letter from the console: the same delivery (same id, same idempotency key)
 * becomes pending and is queued again; the message keeps its id and gets a timeline entry, and
 * the audit trail records who replayed what. False when it is not a dead letter (any more).
 */
export async function replayDeadLetter(
  deps: AppDeps,
  deliveryId: string,
  clientId: string,
  correlationId: string,
): Promise<boolean> {
  const now = deps.clock();
  const record = await deps.deliveries.get(deliveryId);
  if (record === undefined || !(await deps.deliveries.revive(deliveryId, now))) {
    return false;
  }
  const queued = await deps.deliveryQueue.getJob(deliveryId);
  await queued?.remove().catch(() => undefined);
  await enqueueDelivery(deps.deliveryQueue, { deliveryId, correlationId }, deps.deliveryRetry);
  await deps.store.addEvent(
    record.messageId,
    'delivery-replayed',
    { deliveryId, kind: record.kind, by: clientId, via: 'console' },
    now,
  );
  await deps.audit.record(
    {
      action: 'replay-delivery',
      clientId,
      outcome: 'allowed',
      detail: { deliveryId, messageId: record.messageId, via: 'console' },
    },
    now,
  );
  return true;
}
