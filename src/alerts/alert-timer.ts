import type { Clock } from '../clock/calendar-date.js';
import { coerceError } from '../errors/index.js';
import { withRedisLock } from '../redis/with-redis-lock.js';
import { AlertStore } from './alert-store.js';
import { dispatchAlertNotifications } from './alert-webhook.js';
import type { Evaluation } from './evaluate-alerts.js';
import { type AlertEvaluationOptions, runAlertEvaluation } from './run-alert-evaluation.js';

export interface AlertTimer {
  /**
   * Evaluates the rules now, unless another process holds the lock (then undefined), and starts
   * the webhook calls that are due without waiting for them.
   */
  runOnce(): Promise<Evaluation | undefined>;
  /** Resolves when the webhook calls this process has started are done (for tests). */
  settled(): Promise<void>;
  /** Stops the timer and waits for a webhook call in flight (at most its timeout). */
  stop(): Promise<void>;
}

/** The evaluation lock expires after this long (an evaluation takes milliseconds). */
const LOCK_MS = 60_000;

/**
 * Evaluates the alert rules every `everyMs` (ALERT_EVALUATION_SECONDS) in every worker process;
 * the Redis lock `<prefix>:alerts:lock` lets one process at a time do it, as the retention
 * timer does. Webhook calls run after the evaluation, one batch at a time per process, never
 * inside it.
 */
export function startAlertTimer(
  options: AlertEvaluationOptions & { readonly clock: Clock; readonly everyMs?: number },
): AlertTimer {
  const { redis, prefix } = options.sources;
  const store = new AlertStore(redis, prefix);
  const webhook = options.webhook;
  let stopped = false;
  let dispatching: Promise<void> | undefined;
  const dispatch = (): void => {
    if (webhook === undefined || dispatching !== undefined || stopped) {
      return;
    }
    dispatching = dispatchAlertNotifications({
      store,
      target: webhook,
      clock: options.clock,
      logger: options.logger,
      stopped: () => stopped,
    })
      .then(() => undefined)
      .catch((caught: unknown) => {
        options.logger.error({ err: coerceError(caught) }, 'alert webhook dispatch failed');
      })
      .finally(() => {
        dispatching = undefined;
      });
  };
  const runOnce = async (): Promise<Evaluation | undefined> => {
    try {
      const outcome = await withRedisLock(redis, store.keys.lock, LOCK_MS, () =>
        runAlertEvaluation(options, store, options.clock()),
      );
      if (!outcome.ran) {
        return undefined;
      }
      dispatch();
      return outcome.value;
    } catch (caught) {
      options.logger.error({ err: coerceError(caught) }, 'alert evaluation failed');
      return undefined;
    }
  };
  const every = options.everyMs ?? 30_000;
  const timer = every > 0 ? setInterval(() => void runOnce(), every) : undefined;
  timer?.unref();
  return {
    runOnce,
    settled: async () => {
      await dispatching;
    },
    stop: async () => {
      stopped = true;
      if (timer !== undefined) {
        clearInterval(timer);
      }
      await dispatching;
    },
  };
}
