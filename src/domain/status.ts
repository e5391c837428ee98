/**
 * The lifecycle of a message in the gateway (STYLE §D19), a closed set:
 *
 *   received → processing → accepted | rejected | failed
 *
 * - `received`: durably stored and queued; the sender has its tracking id.
 * - `processing`: a worker has taken it (it returns to the queue if that worker dies).
 * - `accepted`: valid on every control level that ran; the retour is header-only (or 325 with 8001).
 * - `rejected`: not valid; on level 1 with a transport error and no retour, on level 2+ with a retour.
 * - `failed`: the gateway could not process it after all retries; the reason is recorded.
 */
export const MESSAGE_STATUSES = [
  'received',
  'processing',
  'accepted',
  'rejected',
  'failed',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<MessageStatus> = new Set([
  'accepted',
  'rejected',
  'failed',
]);

const ALLOWED: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  received: ['processing', 'accepted', 'rejected', 'failed'],
  processing: ['processing', 'accepted', 'rejected', 'failed'],
  accepted: [],
  rejected: [],
  failed: [],
};

/** Whether a message in status `from` may move to `to`. Terminal states never move. */
export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isMessageStatus(value: string): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly string[]).includes(value);
}
