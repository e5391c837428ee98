import { randomUUID } from 'node:crypto';

import { intakeOperatorWrites } from '../console/index.js';
import { coerceError, GatewayError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import { type Caller, callerActsFor } from '../parties/index.js';
import { enqueueMessage } from '../queue/inbound-queue.js';
import type { StufTransport } from '../store/index.js';
import { inspectMessage, type MessageIdentity } from '../xml/inspect-message.js';
import { requireParty } from './authenticate.js';
import type { AppDeps } from './build-app.js';

/** The request logger (Fastify's, a pino logger underneath). */
type IntakeLog = Pick<Logger, 'info' | 'warn'>;

/** One message handed to intake, by POST /v1/messages or inside a StUF-GGk Di01. */
export interface IncomingMessage {
  readonly body: Buffer;
  readonly caller: Caller;
  readonly correlationId: string;
  readonly log: IntakeLog;
  /** Set when the caller already inspected the body (the StUF route checks it before). */
  readonly identity?: MessageIdentity;
  /** Set for a StUF Di01: stores the envelope and recognises transport duplicates. */
  readonly stuf?: StufTransport;
}

/** The message was stored and queued, or it is a transport duplicate of a stored one. */
export type Acceptance =
  | { readonly kind: 'stored'; readonly id: string; readonly identity: MessageIdentity }
  | { readonly kind: 'duplicate'; readonly id: string; readonly identity: MessageIdentity };

/**
 * The one intake path (docs/api.md): the caller must be a party that may send as the message's
 * Afzender; then the message is stored durably and queued. Throws a GatewayError with an HTTP
 * status for anything the sender must fix, and GW_ERR_INTAKE_STORE_UNAVAILABLE when nothing
 * could be stored.
 */
export async function acceptMessage(deps: AppDeps, incoming: IncomingMessage): Promise<Acceptance> {
  const { body, caller, correlationId, log } = incoming;
  requireParty(caller);
  const identity = incoming.identity ?? inspectMessage(body);
  await requireSendAs(deps, caller, identity, log);
  const id = randomUUID();
  const message = {
    id,
    messageType: identity.messageType,
    sender: identity.sender,
    receiver: identity.receiver,
    berichtIdentificatie: identity.berichtIdentificatie,
    dagtekening: identity.dagtekening,
    correlationId,
    body,
    receivedAt: deps.clock(),
  };
  const operatorWrites = intakeOperatorWrites(deps.operator, message, body);
  try {
    if (incoming.stuf !== undefined) {
      const creation = await deps.store.createStufMessage(
        { ...message, stuf: incoming.stuf },
        operatorWrites,
      );
      if (!creation.created) {
        return { kind: 'duplicate', id: creation.existingId, identity };
      }
    } else {
      await deps.store.create(message, operatorWrites);
    }
  } catch (caught) {
    throw new GatewayError('GW_ERR_INTAKE_STORE_UNAVAILABLE', { cause: caught });
  }
  try {
    await enqueueMessage(deps.queue, { messageId: id, correlationId }, deps.retry);
  } catch (caught) {
    // The message is stored, so it is acknowledged: the reconciler queues it once Redis is back.
    log.warn({ err: coerceError(caught), messageId: id }, 'stored but not queued yet');
  }
  log.info(
    { messageId: id, messageType: identity.messageType, sizeBytes: body.length },
    'message received',
  );
  return { kind: 'stored', id, identity };
}

/** Refuses (403, audited) a message whose Afzender the caller may not send as. */
export async function requireSendAs(
  deps: AppDeps,
  caller: Caller,
  identity: MessageIdentity,
  log: IntakeLog,
): Promise<void> {
  if (callerActsFor(caller, identity.sender)) {
    return;
  }
  await deps.audit
    .record(
      {
        action: 'send-as',
        clientId: caller.clientId,
        outcome: 'refused',
        detail: { afzender: identity.sender ?? '', messageType: identity.messageType },
      },
      deps.clock(),
    )
    .catch(() => undefined);
  log.warn(
    { clientId: caller.clientId, afzender: identity.sender, messageType: identity.messageType },
    "refused a message sent in another party's name",
  );
  throw new GatewayError('GW_ERR_INTAKE_SENDER_FORBIDDEN', {
    details: { afzender: identity.sender ?? null },
  });
}
