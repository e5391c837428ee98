import { ERROR_CODES, type ErrorCode } from './codes.js';

/**
 * An error of the gateway itself (STYLE §D16): thrown only when the gateway cannot do its job.
 * Business outcomes (a rejected message) are values, never GatewayErrors.
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  /** Safe, non-personal details for API answers and logs. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    const spec = ERROR_CODES[code];
    super(options.message ?? spec.message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = spec.retryable;
    this.httpStatus = 'httpStatus' in spec ? spec.httpStatus : undefined;
    this.details = options.details;
  }
}

/** Turns anything caught into an Error, keeping the original as `cause` (STYLE §D18). */
export function coerceError(caught: unknown): Error {
  if (caught instanceof Error) {
    return caught;
  }
  return new Error(typeof caught === 'string' ? caught : 'non-error value thrown', {
    cause: caught,
  });
}
