import { createHash } from 'node:crypto';

import type { MessageType } from '../domain/message-types.js';
import type { PartyDirectory } from '../parties/index.js';
import { deliveryId, type DeliveryKind, type NewDelivery } from './delivery-record.js';

export interface DecidedMessage {
  readonly id: string;
  readonly messageType: MessageType;
  readonly sender: string | undefined;
  readonly receiver: string | undefined;
  readonly berichtIdentificatie: string | undefined;
  readonly status: 'accepted' | 'rejected';
  /** True when the gateway answered for the receiver (built a retour or 325). */
  readonly answered: boolean;
  readonly retour?: { readonly type: MessageType; readonly id: string };
}

/**
 * Which deliveries a decided message causes (docs/routing.md):
 * - answered for a local receiver: the retour to the sender, and an accepted message to the
 *   receiver's back office (a 323 with a 325 whose Prestaties were partly granted counts as
 *   accepted);
 * - forwarded: an accepted (pre-flight valid) message to its receiver; a refused one's findings
 *   back to its sender.
 * A party without a route gets nothing; the message's timeline says so.
 */
export function planDeliveries(message: DecidedMessage, parties: PartyDirectory): NewDelivery[] {
  const plans: NewDelivery[] = [];
  const add = (kind: DeliveryKind, party: string | undefined, documentType: MessageType): void => {
    const route = party === undefined ? undefined : parties.routeFor(party);
    if (party === undefined || route === undefined) {
      return;
    }
    plans.push({
      id: deliveryId(message.id, kind),
      messageId: message.id,
      kind,
      party,
      channel: route.delivery.type,
      documentType,
      idempotencyKey: idempotencyKey(message, kind),
    });
  };
  if (message.answered) {
    if (message.retour) {
      add('retour', message.sender, message.retour.type);
    }
    if (message.status === 'accepted') {
      add('forward', message.receiver, message.messageType);
    }
  } else if (message.status === 'accepted') {
    add('forward', message.receiver, message.messageType);
  } else {
    add('findings', message.sender, message.messageType);
  }
  return plans;
}

/** Derived from the iWmo identity (sender, type, BerichtIdentificatie), so it survives replays. */
function idempotencyKey(message: DecidedMessage, kind: DeliveryKind): string {
  const identity = [
    message.sender ?? '',
    message.messageType,
    message.berichtIdentificatie ?? message.id,
    kind,
    message.retour?.id ?? '',
  ].join('\u0000');
  return createHash('sha256').update(identity).digest('hex');
}
