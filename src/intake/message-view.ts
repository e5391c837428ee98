import type { DeliveryRecord } from '../delivery/index.js';
import type { MessageEvent, MessageRecord } from '../store/index.js';
import type { DecisionRecord } from '../validation/decision-record.js';

/** The public JSON shape of GET /v1/messages/{id} (docs/api.md). */
export function messageView(
  record: MessageRecord,
  events: readonly MessageEvent[],
  deliveries: readonly DeliveryRecord[],
  decisionRecord?: DecisionRecord,
) {
  return {
    id: record.id,
    messageType: record.messageType,
    status: record.status,
    sender: record.sender ?? null,
    receiver: record.receiver ?? null,
    berichtIdentificatie: record.berichtIdentificatie ?? null,
    dagtekening: record.dagtekening ?? null,
    receivedAt: record.receivedAt,
    updatedAt: record.updatedAt,
    sizeBytes: record.sizeBytes,
    controlLevel: record.controlLevel ?? null,
    retourId: record.retourId ?? null,
    retourType: record.retourType ?? null,
    retourCodes: record.retourCodes ?? [],
    violations: record.violations ?? [],
    transportError: record.transportError ?? null,
    failureReason: record.failureReason ?? null,
    attempts: record.attempts,
    events,
    deliveries: deliveries.map(deliveryView),
    decisionRecord: decisionRecord ?? null,
  };
}

/** A delivery as the API shows it (no idempotency key: it is a sender-side secret of sorts). */
export function deliveryView(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    kind: delivery.kind,
    party: delivery.party,
    channel: delivery.channel,
    documentType: delivery.documentType,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError ?? null,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}
