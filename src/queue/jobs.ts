/**
 * The typed job map (STYLE §G26): queue name → job name → payload. Jobs carry ids only; the
 * message itself stays in the encrypted store (STYLE §G27).
 */
export const INBOUND_QUEUE = 'inbound';
export const PROCESS_MESSAGE_JOB = 'process-message';

export interface ProcessMessageData {
  readonly messageId: string;
  /** The intake request id, carried into every worker log line. */
  readonly correlationId: string;
}

export interface ProcessMessageResult {
  readonly status: string;
  /** True when the message was already decided and this run changed nothing. */
  readonly alreadyDecided: boolean;
}

export type InboundJobName = typeof PROCESS_MESSAGE_JOB;
