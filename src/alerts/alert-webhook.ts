import { createHmac } from 'node:crypto';

import { coerceError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { AlertPayload, AlertStore, WebhookAttempt } from './alert-store.js';

/** Where alert notifications go (ALERT_WEBHOOK_URL, ALERT_WEBHOOK_SECRET). */
export interface WebhookTarget {
  readonly url: string;
  /** Signs every body: `X-Iwmo-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  readonly secret?: string | undefined;
  /** @defaultValue 5000 */
  readonly timeoutMs?: number;
}

/** Attempts per notification; retries back off from 30 s, doubling, up to 30 min (about 1 h). */
export const WEBHOOK_MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;
/** A claimed call is retried by another process after this long if its claimer died. */
const LEASE_MS = 60_000;

export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
}

/** One POST of a notification; a 2xx answer is success, anything else (or a timeout) a failure. */
export async function postAlert(
  target: WebhookTarget,
  payload: AlertPayload,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'iwmo-gateway-alerts',
    // The same notification keeps its id on every retry: receivers can drop duplicates.
    'idempotency-key': payload.notificationId,
  };
  if (target.secret !== undefined) {
    headers['x-iwmo-signature'] =
      `sha256=${createHmac('sha256', target.secret).update(body).digest('hex')}`;
  }
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(target.timeoutMs ?? 5_000),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok
      ? { ok: true, status: response.status, error: null }
      : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (caught) {
    const error = coerceError(caught);
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, status: null, error: `${error.message}${cause}` };
  }
}

export interface DispatchOptions {
  readonly store: AlertStore;
  readonly target: WebhookTarget;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Checked between calls: a stopping process leaves the rest to the next one. */
  readonly stopped?: () => boolean;
}

/**
 * Makes the webhook calls that are due (oldest first), one at a time, and records every attempt.
 * A failed call is tried again later (backoff) until WEBHOOK_MAX_ATTEMPTS; a claimed call whose
 * process dies is taken over after a lease. Returns the number of attempts made.
 */
export async function dispatchAlertNotifications(options: DispatchOptions): Promise<number> {
  const { store, logger } = options;
  let made = 0;
  for (const id of await store.claimDue(options.clock(), LEASE_MS, 20)) {
    if (options.stopped?.() === true) {
      break;
    }
    const notification = await store.notification(id);
    if (notification === undefined) {
      await store.forget(id);
      continue;
    }
    const { payload } = notification;
    const attempt = notification.attempts + 1;
    const started = Date.now();
    const result = await postAlert(options.target, payload);
    const at = options.clock();
    const last = attempt >= WEBHOOK_MAX_ATTEMPTS;
    const record: WebhookAttempt = {
      notificationId: id,
      alert: payload.alert,
      state: payload.state,
      attempt,
      at: at.toISOString(),
      outcome: result.ok ? 'delivered' : last ? 'gave-up' : 'retrying',
      status: result.status,
      error: result.error,
      ms: Date.now() - started,
    };
    const retryAt = result.ok || last ? undefined : new Date(at.getTime() + retryDelayMs(attempt));
    await store.recordAttempt(notification, record, retryAt);
    made += 1;
    const log = { alert: payload.alert, state: payload.state, attempt, status: result.status };
    if (result.ok) {
      logger.info(log, 'alert webhook delivered');
    } else {
      logger.warn({ ...log, error: result.error }, 'alert webhook failed');
    }
  }
  return made;
}
