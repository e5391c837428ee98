import { randomUUID } from 'node:crypto';

import Fastify, { type FastifyError } from 'fastify';
import type { Redis } from 'ioredis';

import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock/calendar-date.js';
import { type OperatorTools, registerOperatorRoutes } from '../console/index.js';
import type { DeliveryQueue, DeliveryRetryPolicy, DeliveryStore } from '../delivery/index.js';
import { GatewayError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { PartyDirectory } from '../parties/index.js';
import type { InboundQueue, RetryPolicy } from '../queue/inbound-queue.js';
import type { MessageStore } from '../store/index.js';
import type { XsdValidator } from '../validation/xsd/index.js';
import { registerAuthentication } from './authenticate.js';
import type { DeclarationCheckDeps } from './check-declaration.js';
import { errorBody, httpStatusOf } from './error-body.js';
import type { GatewayApp } from './gateway-app.js';
import { type AllocationReader, registerAllocationRoutes } from './routes/allocations.js';
import { registerDeclarationCheckRoute } from './routes/declaration-check.js';
import { registerDeliveryRoutes } from './routes/deliveries.js';
import { registerHealthRoute } from './routes/health.js';
import { registerInboxRoutes } from './routes/inbox.js';
import { registerMessageRoutes } from './routes/messages.js';
import { registerStufRoutes } from './routes/stuf.js';

export interface AppDeps {
  readonly store: MessageStore;
  readonly queue: InboundQueue;
  /** The fail-fast connection used for health checks. */
  readonly redis: Redis;
  readonly retry: RetryPolicy;
  readonly maxMessageBytes: number;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly parties: PartyDirectory;
  readonly deliveries: DeliveryStore;
  readonly deliveryQueue: DeliveryQueue;
  readonly deliveryRetry: DeliveryRetryPolicy;
  readonly audit: AuditLog;
  /**
   * Compiled iWmo schemas for the synchronous level-1 check of StUF payloads (StUF055).
   * @defaultValue the bundled schemas, compiled on the first Di01
   */
  readonly payloadXsd?: XsdValidator;
  /** Search, metrics and the web console (docs/console.md); without them those routes are absent. */
  readonly operator?: OperatorTools;
  /** The register of accepted traffic: GET /v1/allocations (docs/api.md); absent without it. */
  readonly register?: AllocationReader;
  /**
   * The pipeline (levels 1–4) and a read-only register for the dry run of a declaration,
   * POST /v1/declarations/check (docs/api.md); absent without it.
   */
  readonly declarationCheck?: DeclarationCheckDeps;
}

const XML_CONTENT_TYPES = ['application/xml', 'text/xml'];
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP API as a buildable app (STYLE §G30): it never listens; `main/intake.ts` does, and tests
 * use `inject()` or listen on a free port.
 */
export function buildApp(deps: AppDeps): GatewayApp {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: deps.maxMessageBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    XML_CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit: deps.maxMessageBytes },
    (_req, body, done) => done(null, body),
  );
  app.setErrorHandler((error: FastifyError | GatewayError, request, reply) => {
    const gatewayError = toGatewayError(error);
    const status = httpStatusOf(gatewayError.code);
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
    }
    void reply.status(status).send(errorBody(gatewayError));
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send(errorBody(new GatewayError('GW_ERR_API_NOT_FOUND')));
  });
  registerAuthentication(app, deps.parties);
  registerMessageRoutes(app, deps);
  registerInboxRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
  registerStufRoutes(app, deps);
  registerHealthRoute(app, deps);
  if (deps.register !== undefined) {
    registerAllocationRoutes(app, deps.register);
  }
  if (deps.declarationCheck !== undefined) {
    registerDeclarationCheckRoute(app, deps, deps.declarationCheck);
  }
  if (deps.operator !== undefined) {
    registerOperatorRoutes(app, deps, deps.operator);
  }
  return app;
}

function toGatewayError(error: FastifyError | GatewayError): GatewayError {
  if (error instanceof GatewayError) {
    return error;
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new GatewayError('GW_ERR_INTAKE_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new GatewayError('GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return new GatewayError('GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE');
    default:
      if (error.validation !== undefined || (error.statusCode ?? 500) === 400) {
        return new GatewayError('GW_ERR_API_BAD_REQUEST', { message: error.message });
      }
      return new GatewayError('GW_ERR_API_INTERNAL', { cause: error });
  }
}
