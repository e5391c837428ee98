import type { MessageType } from '../domain/message-types.js';

/**
 * What is delivered:
 * - `retour`: the retour (or WMO325) the gateway built, to the sender of the heen message;
 * - `forward`: the message itself, to its receiver (a local back office or a remote party);
 * - `findings`: the pre-flight findings of a message the gateway refused to forward, to its sender.
 */
export const DELIVERY_KINDS = ['retour', 'forward', 'findings'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/**
 * `pending` until it is handed over; `held` in the party's inbox until acknowledged; `dead` when
 * it kept failing (dead letter, replayable).
 */
export const DELIVERY_STATUSES = ['pending', 'held', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface NewDelivery {
  /** `<messageId>-<kind>`: one delivery of each kind per message, so re-runs never duplicate. */
  readonly id: string;
  readonly messageId: string;
  readonly kind: DeliveryKind;
  /** The party code it goes to. */
  readonly party: string;
  /** The adapter chosen when the delivery was created. */
  readonly channel: 'http' | 'directory' | 'inbox';
  /** Type of the delivered document (the retour type for a retour). */
  readonly documentType: MessageType;
  /** Sent as the Idempotency-Key header; stable across retries and replays. */
  readonly idempotencyKey: string;
}

export interface DeliveryRecord extends NewDelivery {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastError: string | undefined;
}

export function deliveryId(messageId: string, kind: DeliveryKind): string {
  return `${messageId}-${kind}`;
}
