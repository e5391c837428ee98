import { GatewayError } from '../errors/index.js';
import { requireOperator } from '../intake/authenticate.js';
import type { AppDeps } from '../intake/build-app.js';
import type { GatewayApp } from '../intake/gateway-app.js';
import { auditHandler } from './api/audit-handler.js';
import { metricsHandler } from './api/metrics-handler.js';
import { searchHandler } from './api/search-handler.js';
import type { OperatorTools } from './operator-tools.js';
import { registerConsole } from './register-console.js';

/** The operator routes: GET /v1/search, GET /metrics and the /console pages (docs/console.md). */
export function registerOperatorRoutes(app: GatewayApp, deps: AppDeps, tools: OperatorTools): void {
  app.get<{ Querystring: Record<string, string> }>('/v1/search', async (request, reply) => {
    requireOperator(request.caller);
    const result = await searchHandler(tools.search, request.query, 'GET');
    return reply.status(result.status).send(result.body);
  });

  // The app parses only XML bodies; this scope adds JSON for the search criteria.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_r, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new GatewayError('GW_ERR_API_BAD_REQUEST', { message: 'invalid JSON' }), undefined);
        }
      },
    );
    scope.post('/v1/search', async (request, reply) => {
      requireOperator(request.caller);
      const body = request.body;
      const criteria =
        typeof body === 'object' && body !== null
          ? Object.fromEntries(
              Object.entries(body).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]),
            )
          : {};
      const result = await searchHandler(tools.search, criteria, 'POST');
      return reply.status(result.status).send(result.body);
    });
    done();
  });

  app.get<{ Querystring: Record<string, string> }>('/v1/audit', async (request, reply) => {
    requireOperator(request.caller);
    const result = await auditHandler({ key: deps.audit.key, redis: deps.redis }, request.query);
    return reply.status(result.status).send(result.body);
  });

  app.get('/metrics', async (request, reply) => {
    const open =
      tools.settings.metricsOpenOnLoopback && isLoopback(request.socket.remoteAddress ?? '');
    if (!open) {
      const caller = deps.parties.authenticate(presentedKey(request.headers));
      if (caller === undefined) {
        throw new GatewayError('GW_ERR_API_UNAUTHENTICATED');
      }
      requireOperator(caller);
    }
    const result = await metricsHandler(tools, deps);
    return reply
      .status(result.status)
      .type(result.contentType ?? 'text/plain')
      .send(result.body);
  });

  registerConsole(app, deps, tools);
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers['authorization'];
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    return authorization.slice('Bearer '.length).trim();
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}
