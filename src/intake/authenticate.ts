import { GatewayError } from '../errors/index.js';
import type { Caller, PartyDirectory } from '../parties/index.js';
import type { GatewayApp } from './gateway-app.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated API client (set for every /v1 route). */
    caller: Caller;
  }
}

/** Reads the API key from `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers['authorization'];
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    return authorization.slice('Bearer '.length).trim();
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

/**
 * Authenticates every /v1 request (STYLE: one hook, routes then authorise). /healthz stays open
 * for load balancers. Unknown or wrong keys get 401.
 */
export function registerAuthentication(app: GatewayApp, parties: PartyDirectory): void {
  // Fastify wants a null initial value for reference types; the hook sets it before any route.
  app.decorateRequest('caller', null as never);
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/v1/')) {
      done();
      return;
    }
    const caller = parties.authenticate(presentedKey(request.headers));
    if (caller === undefined) {
      done(new GatewayError('GW_ERR_API_UNAUTHENTICATED'));
      return;
    }
    request.caller = caller;
    done();
  });
}

/** Throws 403 unless the caller is an operator (or the gateway runs in development mode). */
export function requireOperator(caller: Caller): void {
  if (caller.kind === 'party') {
    throw new GatewayError('GW_ERR_API_FORBIDDEN', { message: 'This needs the operator role' });
  }
}

/** Throws 403 unless the caller is a sending party (or the gateway runs in development mode). */
export function requireParty(caller: Caller): void {
  if (caller.kind === 'operator') {
    throw new GatewayError('GW_ERR_API_FORBIDDEN', {
      message: 'Operators do not send or receive messages',
    });
  }
}
