export { createLogger, type LogContext, type Logger } from './logger.js';
export { maskBsnLike, REDACT_PATHS, REDACTION_CENSOR } from './redaction.js';
