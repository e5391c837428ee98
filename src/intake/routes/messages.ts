import { randomUUID } from 'node:crypto';

import { coerceError, GatewayError } from '../../errors/index.js';
import { type Caller, callerActsFor, callerMayRead } from '../../parties/index.js';
import { enqueueMessage } from '../../queue/inbound-queue.js';
import { inspectMessage } from '../../xml/inspect-message.js';
import { requireParty } from '../authenticate.js';
import type { AppDeps } from '../build-app.js';
import type { GatewayApp } from '../gateway-app.js';
import { messageView } from '../message-view.js';

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** POST /v1/messages, GET /v1/messages/:id and GET /v1/messages/:id/retour (docs/api.md). */
export function registerMessageRoutes(app: GatewayApp, deps: AppDeps): void {
  app.post('/v1/messages', async (request, reply) => {
    const body = request.body;
    if (!Buffer.isBuffer(body)) {
      throw new GatewayError('GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE');
    }
    requireParty(request.caller);
    const identity = inspectMessage(body);
    if (!callerActsFor(request.caller, identity.sender)) {
      await deps.audit
        .record(
          {
            action: 'send-as',
            clientId: request.caller.clientId,
            outcome: 'refused',
            detail: { afzender: identity.sender ?? '', messageType: identity.messageType },
          },
          deps.clock(),
        )
        .catch(() => undefined);
      request.log.warn(
        {
          clientId: request.caller.clientId,
          afzender: identity.sender,
          messageType: identity.messageType,
        },
        "refused a message sent in another party's name",
      );
      throw new GatewayError('GW_ERR_INTAKE_SENDER_FORBIDDEN', {
        details: { afzender: identity.sender ?? null },
      });
    }
    const id = randomUUID();
    const correlationId = request.id;
    try {
      await deps.store.create({
        id,
        messageType: identity.messageType,
        sender: identity.sender,
        receiver: identity.receiver,
        berichtIdentificatie: identity.berichtIdentificatie,
        dagtekening: identity.dagtekening,
        correlationId,
        body,
        receivedAt: deps.clock(),
      });
    } catch (caught) {
      throw new GatewayError('GW_ERR_INTAKE_STORE_UNAVAILABLE', { cause: caught });
    }
    try {
      await enqueueMessage(deps.queue, { messageId: id, correlationId }, deps.retry);
    } catch (caught) {
      // The message is stored, so it is acknowledged: the reconciler queues it once Redis is back.
      request.log.warn({ err: coerceError(caught), messageId: id }, 'stored but not queued yet');
    }
    request.log.info(
      { messageId: id, messageType: identity.messageType, sizeBytes: body.length },
      'message received',
    );
    return reply
      .status(202)
      .header('location', `/v1/messages/${id}`)
      .send({ id, status: 'received' });
  });

  app.get<{ Params: { id: string } }>('/v1/messages/:id', async (request) => {
    const record = await findRecord(deps, request.params.id, request.caller);
    const [events, deliveries] = await Promise.all([
      deps.store.getEvents(record.id),
      deps.deliveries.forMessage(record.id),
    ]);
    return messageView(record, events, deliveries);
  });

  app.get<{ Params: { id: string } }>('/v1/messages/:id/retour', async (request, reply) => {
    const record = await findRecord(deps, request.params.id, request.caller);
    const retour = await deps.store.getRetour(record.id);
    if (retour === undefined) {
      throw new GatewayError('GW_ERR_API_RETOUR_NOT_READY', {
        details: { status: record.status },
      });
    }
    return reply.type('application/xml; charset=utf-8').send(retour);
  });
}

/** The message, if it exists and the caller may see it (others' messages look absent: 404). */
async function findRecord(deps: AppDeps, id: string, caller: Caller) {
  const record = MESSAGE_ID.test(id) ? await deps.store.get(id) : undefined;
  if (record === undefined || !callerMayRead(caller, record.sender, record.receiver)) {
    throw new GatewayError('GW_ERR_API_NOT_FOUND', { message: 'No message with this id' });
  }
  return record;
}
