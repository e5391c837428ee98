import { requireOperator } from '../intake/authenticate.js';
import type { GatewayApp } from '../intake/gateway-app.js';
import { searchHandler } from './api/search-handler.js';
import type { OperatorTools } from './operator-tools.js';

/** The operator routes: GET /v1/search (later: /metrics and the /console pages). */
export function registerOperatorRoutes(app: GatewayApp, tools: OperatorTools): void {
  app.get<{ Querystring: Record<string, string> }>('/v1/search', async (request, reply) => {
    requireOperator(request.caller);
    const result = await searchHandler(tools.search, request.query);
    return reply.status(result.status).send(result.body);
  });
}
