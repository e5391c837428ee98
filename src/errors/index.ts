export { ERROR_CODES, type ErrorCode, type ErrorCodeSpec } from './codes.js';
export { coerceError, GatewayError } from './gateway-error.js';
