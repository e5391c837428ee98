/**
 * The one registry of gateway error codes (STYLE §D17). Every code has a message template, a
 * retryable flag and, for intake errors, the HTTP status it answers with. `docs/errors.md` lists
 * the same codes; a test keeps the two in sync.
 */
export interface ErrorCodeSpec {
  /** What went wrong, for humans. */
  readonly message: string;
  /** Whether trying the same operation again later may succeed. */
  readonly retryable: boolean;
  /** HTTP status for errors answered at the API. */
  readonly httpStatus?: number;
  /** What an operator should do about it (rendered in docs/errors.md). */
  readonly operatorAction: string;
}

export const ERROR_CODES = {
  GW_ERR_CONFIG_INVALID: {
    message: 'The configuration is invalid',
    retryable: false,
    operatorAction: 'Fix the listed settings (see docs/config.md) and start again.',
  },
  GW_ERR_INTAKE_NOT_WELL_FORMED: {
    message: 'The body is not well-formed XML',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the sender must fix the message.',
  },
  GW_ERR_INTAKE_DTD_FORBIDDEN: {
    message: 'The body contains a document type declaration (DTD); iWmo messages never do',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the sender must remove the DOCTYPE. Repeated attempts may be an attack.',
  },
  GW_ERR_INTAKE_NOT_IWMO: {
    message: 'The body is not an iWmo 3.2 message',
    retryable: false,
    httpStatus: 400,
    operatorAction:
      'None: the sender must send an iWmo 3.2 message (root Bericht in a wmoNNN namespace).',
  },
  GW_ERR_INTAKE_BERICHTCODE_MISMATCH: {
    message: 'Header/BerichtCode does not match the message namespace',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the sender must fix the message.',
  },
  GW_ERR_INTAKE_ENCODING: {
    message: 'The body is not UTF-8 without a byte order mark',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the sender must send UTF-8 without BOM (OP192).',
  },
  GW_ERR_INTAKE_EMPTY_BODY: {
    message: 'The request body is empty',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the sender must include the message.',
  },
  GW_ERR_INTAKE_TOO_LARGE: {
    message: 'The body is larger than the configured limit',
    retryable: false,
    httpStatus: 413,
    operatorAction: 'None: iWmo allows at most 25 MB per file (OP179).',
  },
  GW_ERR_INTAKE_UNSUPPORTED_MEDIA_TYPE: {
    message: 'The content type must be application/xml or text/xml',
    retryable: false,
    httpStatus: 415,
    operatorAction: 'None: the client must send Content-Type: application/xml.',
  },
  GW_ERR_INTAKE_STORE_UNAVAILABLE: {
    message: 'The message store is unavailable; the message was not accepted',
    retryable: true,
    httpStatus: 503,
    operatorAction: 'Check that Redis is running and reachable (GET /healthz).',
  },
  GW_ERR_API_NOT_FOUND: {
    message: 'No such resource',
    retryable: false,
    httpStatus: 404,
    operatorAction: 'None.',
  },
  GW_ERR_API_RETOUR_NOT_READY: {
    message: 'The retour message does not exist (yet)',
    retryable: true,
    httpStatus: 404,
    operatorAction:
      'None: a retour exists once the message is accepted or rejected on level 2 or higher.',
  },
  GW_ERR_API_NOT_STUF: {
    message: 'The message did not arrive over the StUF-GGk transport, so it has no envelope',
    retryable: false,
    httpStatus: 404,
    operatorAction: 'None: use GET /v1/messages/{id}/retour for messages posted to /v1/messages.',
  },
  GW_ERR_API_BAD_REQUEST: {
    message: 'The request is invalid',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the client must fix the request.',
  },
  GW_ERR_API_INTERNAL: {
    message: 'Internal error',
    retryable: true,
    httpStatus: 500,
    operatorAction: 'Look up the request id in the logs; this is a bug.',
  },
  GW_ERR_API_UNAUTHENTICATED: {
    message: 'A valid API key is required (Authorization: Bearer <clientId>.<secret>)',
    retryable: false,
    httpStatus: 401,
    operatorAction:
      'Give the client its API key (npm run make-api-key) and register the hash in the parties file.',
  },
  GW_ERR_API_FORBIDDEN: {
    message: 'This client may not do this',
    retryable: false,
    httpStatus: 403,
    operatorAction:
      'None, unless the client should have access: then add the party code to its entry in the parties file.',
  },
  GW_ERR_INTAKE_SCHEMA_INVALID: {
    message: 'The message is not valid against its iWmo 3.2 schema (level 1, StUF055)',
    retryable: false,
    httpStatus: 422,
    operatorAction:
      'None: the sender must fix the message; details.transportError lists every schema error.',
  },
  GW_ERR_INTAKE_NOT_DECLARATION: {
    message: 'Only a WMO323 declaration can be checked, for a gemeente the gateway answers for',
    retryable: false,
    httpStatus: 400,
    operatorAction: 'None: the client must send a WMO323 to one of the local gemeenten.',
  },
  GW_ERR_INTAKE_DRY_RUN_TOO_LARGE: {
    message:
      'The declaration is larger than the dry run takes (DRY_RUN_MAX_BYTES); send it with POST /v1/messages',
    retryable: false,
    httpStatus: 413,
    operatorAction:
      'None: large declarations are judged by the workers (POST /v1/messages). Raise DRY_RUN_MAX_BYTES only knowing that the intake answers nothing else while it checks (docs/contracts.md "Dry run").',
  },
  GW_ERR_INTAKE_REGISTER_UNAVAILABLE: {
    message: 'The register could not be read; nothing was checked',
    retryable: true,
    httpStatus: 503,
    operatorAction: 'Check that Redis is running and reachable (GET /healthz).',
  },
  GW_ERR_INTAKE_SENDER_FORBIDDEN: {
    message: 'Header/Afzender is not one of the codes this client may send as',
    retryable: false,
    httpStatus: 403,
    operatorAction: "Check the audit log: a client tried to send in another party's name.",
  },
  GW_ERR_DELIVERY_REJECTED: {
    message: 'The receiving endpoint refused the delivery (HTTP 4xx)',
    retryable: false,
    operatorAction:
      'The delivery is a dead letter: fix the cause with the receiving party, then replay it.',
  },
  GW_ERR_DELIVERY_FAILED: {
    message: 'The receiving endpoint could not be reached or failed (timeout, network, HTTP 5xx)',
    retryable: true,
    operatorAction:
      'Retried with exponential backoff and jitter; after the last attempt it becomes a dead letter to replay.',
  },
  GW_ERR_DELIVERY_CIRCUIT_OPEN: {
    message: 'The endpoint failed repeatedly; deliveries to it pause for a while (circuit breaker)',
    retryable: true,
    operatorAction: 'Check the endpoint; deliveries resume by themselves when it answers again.',
  },
  GW_ERR_STORE_MESSAGE_MISSING: {
    message: 'A queued message has no stored record',
    retryable: false,
    operatorAction: 'Inspect Redis persistence: the record was lost after it was acknowledged.',
  },
  GW_ERR_STORE_BODY_UNREADABLE: {
    message: 'A stored message body cannot be decrypted',
    retryable: false,
    operatorAction: 'Check that BODY_ENCRYPTION_KEY is the key the body was stored with.',
  },
  GW_ERR_SCHEMA_LOAD: {
    message: 'An XSD in the schema directory cannot be loaded or compiled',
    retryable: false,
    operatorAction:
      'Check SCHEMA_DIR and the schema files; the process refuses to start without them.',
  },
  GW_ERR_REDIS_START: {
    message: 'The embedded redis-server could not be started',
    retryable: false,
    operatorAction: 'Install redis-server (apt-get install redis-server) or set REDIS_URL.',
  },
  GW_ERR_REGISTER_CONFLICT: {
    message: 'The register kept changing while the message was decided',
    retryable: true,
    operatorAction:
      'None usually: the job is retried with backoff. If it persists, many messages for the same client are being processed at once.',
  },
  GW_ERR_WORKER_RULE_CRASH: {
    message: 'A validation rule threw instead of returning violations',
    retryable: false,
    operatorAction:
      'This is a bug in the named rule; the message is marked failed and can be replayed after a fix.',
  },
  GW_ERR_WORKER_PROCESSING: {
    message: 'Processing the message failed',
    retryable: true,
    operatorAction:
      'Transient failures are retried with backoff; a message that keeps failing ends as failed with the reason.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
