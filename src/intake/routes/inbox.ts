import { loadDeliveryDocument } from '../../delivery/delivery-content.js';
import { GatewayError } from '../../errors/index.js';
import { type Caller, callerActsFor } from '../../parties/index.js';
import { requireParty } from '../authenticate.js';
import type { AppDeps } from '../build-app.js';
import type { GatewayApp } from '../gateway-app.js';
import { deliveryView } from '../message-view.js';

const LIMIT_MAX = 500;

/**
 * GET /v1/inbox, GET /v1/inbox/:id, POST /v1/inbox/:id/ack: retours and forwarded messages held
 * for the caller's parties, handed out until acknowledged (at-least-once; acknowledging twice is
 * fine).
 */
export function registerInboxRoutes(app: GatewayApp, deps: AppDeps): void {
  app.get<{ Querystring: { party?: string; limit?: string } }>('/v1/inbox', async (request) => {
    requireParty(request.caller);
    const parties = partiesOf(request.caller, request.query.party);
    const limit = Math.min(Math.max(Number(request.query.limit ?? 100) || 100, 1), LIMIT_MAX);
    const items = await deps.deliveries.inbox(parties, limit);
    return {
      items: items.map((item) => ({
        ...deliveryView(item),
        messageId: item.messageId,
        href: `/v1/inbox/${item.id}`,
      })),
    };
  });

  app.get<{ Params: { id: string } }>('/v1/inbox/:id', async (request, reply) => {
    const item = await ownItem(deps, request.caller, request.params.id);
    const document = await loadDeliveryDocument(item, deps.store);
    return reply
      .type(document.contentType)
      .header('idempotency-key', document.idempotencyKey)
      .header('x-iwmo-message-type', document.documentType)
      .send(document.body);
  });

  app.post<{ Params: { id: string } }>('/v1/inbox/:id/ack', async (request) => {
    const item = await ownItem(deps, request.caller, request.params.id);
    await deps.deliveries.acknowledge(item, deps.clock());
    return { id: item.id, status: 'delivered' };
  });
}

function partiesOf(caller: Caller, party: string | undefined): string[] {
  if (caller.kind === 'party') {
    if (party !== undefined && !caller.codes.has(party)) {
      throw new GatewayError('GW_ERR_API_FORBIDDEN', { message: 'Not one of your party codes' });
    }
    return party === undefined ? [...caller.codes] : [party];
  }
  if (party === undefined || !/^[0-9]{4}([0-9]{4})?$/.test(party)) {
    throw new GatewayError('GW_ERR_API_BAD_REQUEST', {
      message: 'In development mode, name the party: /v1/inbox?party=<code>',
    });
  }
  return [party];
}

async function ownItem(deps: AppDeps, caller: Caller, id: string) {
  requireParty(caller);
  const item = await deps.deliveries.get(id);
  if (item === undefined || item.channel !== 'inbox' || !callerActsFor(caller, item.party)) {
    throw new GatewayError('GW_ERR_API_NOT_FOUND', { message: 'No such inbox item' });
  }
  return item;
}
