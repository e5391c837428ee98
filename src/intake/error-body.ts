import type { GatewayError } from '../errors/index.js';
import { ERROR_CODES, type ErrorCode } from '../errors/index.js';

/** The JSON body of every API error: `{ code, message }` plus safe details. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function errorBody(error: GatewayError): ErrorBody {
  return {
    code: error.code,
    message: error.message,
    ...(error.details && Object.keys(error.details).length > 0 ? { details: error.details } : {}),
  };
}

export function httpStatusOf(code: ErrorCode): number {
  const spec = ERROR_CODES[code];
  return 'httpStatus' in spec ? spec.httpStatus : 500;
}
