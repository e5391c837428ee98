import { type DestinationStream, type Logger, pino } from 'pino';

import { REDACT_PATHS, REDACTION_CENSOR } from './redaction.js';

export type { Logger } from 'pino';

/** Bound once per request or job (STYLE §F24). */
export interface LogContext {
  readonly correlationId?: string;
  readonly messageId?: string;
  readonly messageType?: string;
  readonly jobId?: string;
  readonly stage?: string;
}

/**
 * The one logger factory (STYLE §F23): NDJSON to stdout, or to `destination` (tests inject a
 * sink). Values go into the merging object, never into the message text.
 */
export function createLogger(
  options: { level: string; environment: string; name: string },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { environment: options.environment, pid: process.pid },
      redact: { paths: [...REDACT_PATHS], censor: REDACTION_CENSOR },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
