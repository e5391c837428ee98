import { DelayedError, type Job, UnrecoverableError } from 'bullmq';

import type { Clock } from '../clock/calendar-date.js';
import { coerceError, GatewayError } from '../errors/index.js';
import type { DeliveryAttempt } from '../metrics/count-delivery-attempt.js';
import type { Logger } from '../observability/index.js';
import type { PartyDirectory } from '../parties/index.js';
import type { MessageStore } from '../store/index.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { deliverOverHttp } from './deliver-http.js';
import { deliverToDirectory } from './deliver-to-directory.js';
import { loadDeliveryDocument } from './delivery-content.js';
import type { DELIVER_JOB, DeliverData } from './delivery-queue.js';
import type { DeliveryStore } from './delivery-store.js';

export interface DeliveryProcessorDeps {
  readonly deliveries: DeliveryStore;
  readonly store: MessageStore;
  readonly parties: PartyDirectory;
  readonly breaker: CircuitBreaker;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Counts each attempt's outcome (iwmo_delivery_attempts_total); a failure to count is logged. */
  readonly countAttempt?: (attempt: DeliveryAttempt) => Promise<void>;
}

/**
 * Hands one delivery over through the channel its party has now (the route may have changed
 * since the delivery was planned). Safe to re-run: a delivered or held delivery is left alone.
 */
export function createDeliveryProcessor(deps: DeliveryProcessorDeps) {
  return async function processDelivery(
    job: Job<DeliverData, void, typeof DELIVER_JOB>,
    token?: string,
  ): Promise<void> {
    const { deliveryId, correlationId } = job.data;
    const attempt = job.attemptsMade + 1;
    const log = deps.logger.child({ correlationId, deliveryId, jobId: job.id, stage: 'deliver' });
    const count = async (outcome: DeliveryAttempt['outcome'], party: string, kind: string) => {
      await deps.countAttempt?.({ receiver: party, kind, outcome }).catch((caught: unknown) => {
        log.warn({ err: coerceError(caught) }, 'delivery attempt not counted');
      });
    };
    const record = await deps.deliveries.get(deliveryId);
    if (record === undefined || record.status === 'delivered' || record.status === 'held') {
      return;
    }
    try {
      const route = deps.parties.routeFor(record.party);
      if (route === undefined) {
        throw new GatewayError('GW_ERR_DELIVERY_REJECTED', {
          message: `no route is configured for party ${record.party}`,
        });
      }
      switch (route.delivery.type) {
        case 'inbox':
          await deps.deliveries.holdInInbox(record, deps.clock());
          await count('held', record.party, record.kind);
          log.info({ party: record.party, kind: record.kind }, 'held in inbox');
          return;
        case 'http': {
          const document = await loadDeliveryDocument(record, deps.store);
          await deliverOverHttp(route.delivery, document, deps.breaker);
          break;
        }
        case 'directory': {
          const document = await loadDeliveryDocument(record, deps.store);
          await deliverToDirectory(route.delivery.path, document.fileName, document.body);
          break;
        }
      }
      await deps.deliveries.recordAttempt(deliveryId, attempt, undefined, deps.clock());
      await deps.deliveries.markDelivered(deliveryId, deps.clock());
      await count('delivered', record.party, record.kind);
      log.info({ party: record.party, kind: record.kind, attempt }, 'delivered');
    } catch (caught) {
      const error = coerceError(caught);
      const retryable = !(error instanceof GatewayError) || error.retryable;
      const finalAttempt = attempt >= (job.opts.attempts ?? 1);
      await deps.deliveries.recordAttempt(deliveryId, attempt, error.message, deps.clock());
      if (job.data.probe === true && retryable && token !== undefined) {
        // A failed half-open probe: back to its backoff, without spending one of its attempts.
        await job.updateData({ deliveryId, correlationId });
        await job.moveToDelayed(Date.now() + backoffAfter(job), token);
        log.info(
          { err: error, attempt, party: record.party },
          'probe failed, delivery waits again',
        );
        throw new DelayedError();
      }
      if (!retryable || finalAttempt) {
        await deps.deliveries.markDead(deliveryId, error.message, deps.clock());
        await count('dead', record.party, record.kind);
        log.error({ err: error, attempt, party: record.party }, 'delivery is a dead letter');
        throw retryable ? error : new UnrecoverableError(error.message);
      }
      await count('failed', record.party, record.kind);
      log.warn({ err: error, attempt, party: record.party }, 'delivery failed, will retry');
      throw error;
    }
  };
}

/** The nominal exponential backoff after the job's latest attempt (a failed probe waits it again). */
function backoffAfter(job: Job<DeliverData, void, typeof DELIVER_JOB>): number {
  const backoff = job.opts.backoff;
  const base = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 1000);
  return base * 2 ** Math.max(0, job.attemptsMade - 1);
}
