import { randomUUID } from 'node:crypto';

import { coerceError, GatewayError } from '../../errors/index.js';
import { enqueueMessage } from '../../queue/inbound-queue.js';
import { inspectMessage } from '../../xml/inspect-message.js';
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
    const identity = inspectMessage(body);
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
    const record = await findRecord(deps, request.params.id);
    return messageView(record, await deps.store.getEvents(record.id));
  });

  app.get<{ Params: { id: string } }>('/v1/messages/:id/retour', async (request, reply) => {
    const record = await findRecord(deps, request.params.id);
    const retour = await deps.store.getRetour(record.id);
    if (retour === undefined) {
      throw new GatewayError('GW_ERR_API_RETOUR_NOT_READY', {
        details: { status: record.status },
      });
    }
    return reply.type('application/xml; charset=utf-8').send(retour);
  });
}

async function findRecord(deps: AppDeps, id: string) {
  const record = MESSAGE_ID.test(id) ? await deps.store.get(id) : undefined;
  if (record === undefined) {
    throw new GatewayError('GW_ERR_API_NOT_FOUND', { message: 'No message with this id' });
  }
  return record;
}
