import { GatewayError } from '../../errors/index.js';
import { type Caller, callerMayRead } from '../../parties/index.js';
import { acceptMessage } from '../accept-message.js';
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
    const { id } = await acceptMessage(deps, {
      body,
      caller: request.caller,
      correlationId: request.id,
      log: request.log,
    });
    return reply
      .status(202)
      .header('location', `/v1/messages/${id}`)
      .send({ id, status: 'received' });
  });

  app.get<{ Params: { id: string } }>('/v1/messages/:id', async (request) => {
    const record = await findRecord(deps, request.params.id, request.caller);
    const [events, deliveries, decisionRecord] = await Promise.all([
      deps.store.getEvents(record.id),
      deps.deliveries.forMessage(record.id),
      record.messageType === 'WMO323' ? deps.store.getDecisionRecord(record.id) : undefined,
    ]);
    return messageView(record, events, deliveries, decisionRecord);
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
