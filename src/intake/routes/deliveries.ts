import { enqueueDelivery } from '../../delivery/index.js';
import { GatewayError } from '../../errors/index.js';
import { requireOperator } from '../authenticate.js';
import type { AppDeps } from '../build-app.js';
import type { GatewayApp } from '../gateway-app.js';
import { deliveryView } from '../message-view.js';

/** Operator routes: GET /v1/deliveries/dead (dead letters), POST /v1/deliveries/:id/replay. */
export function registerDeliveryRoutes(app: GatewayApp, deps: AppDeps): void {
  app.get<{ Querystring: { limit?: string } }>('/v1/deliveries/dead', async (request) => {
    requireOperator(request.caller);
    const limit = Math.min(Math.max(Number(request.query.limit ?? 100) || 100, 1), 1000);
    const dead = await deps.deliveries.deadLetters(limit);
    return { items: dead.map((d) => ({ ...deliveryView(d), messageId: d.messageId })) };
  });

  app.post<{ Params: { id: string } }>('/v1/deliveries/:id/replay', async (request, reply) => {
    requireOperator(request.caller);
    const now = deps.clock();
    if (!(await deps.deliveries.revive(request.params.id, now))) {
      throw new GatewayError('GW_ERR_API_NOT_FOUND', { message: 'No dead letter with this id' });
    }
    const queued = await deps.deliveryQueue.getJob(request.params.id);
    await queued?.remove().catch(() => undefined);
    await enqueueDelivery(
      deps.deliveryQueue,
      { deliveryId: request.params.id, correlationId: request.id },
      deps.deliveryRetry,
    );
    await deps.audit.record(
      {
        action: 'replay-delivery',
        clientId: request.caller.clientId,
        outcome: 'allowed',
        detail: { deliveryId: request.params.id },
      },
      now,
    );
    return reply.status(202).send({ id: request.params.id, status: 'pending' });
  });
}
