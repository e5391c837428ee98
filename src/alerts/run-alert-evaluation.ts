import { randomUUID } from 'node:crypto';

import type { Logger } from '../observability/index.js';
import { type AlertRule, conditionOf } from './alert-rules.js';
import { sampleOf } from './alert-samples.js';
import type { AlertNotification, AlertRecord, AlertStore } from './alert-store.js';
import type { WebhookTarget } from './alert-webhook.js';
import { evaluateAlerts, type Evaluation } from './evaluate-alerts.js';
import { type AlertSources, observeAlertSources } from './observe-alert-sources.js';

export interface AlertEvaluationOptions {
  readonly sources: AlertSources;
  readonly rules: readonly AlertRule[];
  /** ALERT_WEBHOOK_URL (and secret); without it alerts are only shown, never sent. */
  readonly webhook?: WebhookTarget | undefined;
  /** Base URL of the console for the links in webhook calls (CONSOLE_PUBLIC_URL). */
  readonly consoleUrl: string;
  /** GATEWAY_ENVIRONMENT, sent along so one receiver can serve several gateways. */
  readonly environment: string;
  readonly logger: Logger;
}

/** Counter snapshots are kept this much longer than the longest rate window. */
const SNAPSHOT_MARGIN_MS = 10 * 60_000;

/**
 * One evaluation: reads what the rules need, judges every rule against its state in Redis
 * (`evaluateAlerts`) and records the new states, the phase changes and the webhook calls they
 * need, in one MULTI. The calls themselves are made afterwards (`dispatchAlertNotifications`),
 * so a slow receiver never holds up an evaluation.
 */
export async function runAlertEvaluation(
  options: AlertEvaluationOptions,
  store: AlertStore,
  now: Date,
): Promise<Evaluation> {
  const { rules } = options;
  const observed = await observeAlertSources(options.sources, rules, now);
  const rates = rules.flatMap((r) => (r.kind === 'failure-rate' ? [r.window] : []));
  const snapshots = rates.length > 0 ? await store.snapshots() : [];
  const samples = new Map(rules.map((r) => [r.id, sampleOf(r, observed, snapshots)]));
  const previous = new Map((await store.states()).map((s) => [s.id, s]));
  const evaluation = evaluateAlerts(rules, previous, samples, now);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const records = evaluation.states.flatMap((state): AlertRecord[] => {
    const rule = byId.get(state.id);
    return rule === undefined
      ? []
      : [
          {
            ...state,
            kind: rule.kind,
            severity: rule.severity,
            threshold: rule.above,
            forMs: rule.for,
            condition: conditionOf(rule),
            description: rule.description ?? null,
          },
        ];
  });
  const link = `${options.consoleUrl.replace(/\/+$/, '')}/console/alerts`;
  const notifications = evaluation.transitions.flatMap((t): AlertNotification[] => {
    const record = records.find((r) => r.id === t.id);
    if (options.webhook === undefined || t.notify === null || record === undefined) {
      return [];
    }
    return [
      {
        attempts: 0,
        payload: {
          notificationId: randomUUID(),
          alert: t.id,
          state: t.notify,
          severity: record.severity,
          kind: record.kind,
          condition: record.condition,
          description: record.description,
          value: t.value,
          threshold: record.threshold,
          since: t.since,
          at: t.at,
          environment: options.environment,
          console: `${link}#alert-${t.id}`,
        },
      },
    ];
  });
  await store.saveEvaluation({
    records,
    transitions: evaluation.transitions,
    notifications,
    meta: {
      evaluatedAt: now.toISOString(),
      webhook: options.webhook !== undefined,
      rules: rules.length,
    },
    ...(observed.counters === undefined
      ? {}
      : {
          snapshot: observed.counters,
          keepSnapshotsAfter: now.getTime() - Math.max(...rates) - SNAPSHOT_MARGIN_MS,
        }),
  });
  for (const t of evaluation.transitions) {
    const log = { alert: t.id, from: t.from, to: t.to, value: t.value };
    if (t.to === 'firing') {
      options.logger.warn(log, 'alert firing');
    } else {
      options.logger.info(log, t.notify === 'resolved' ? 'alert resolved' : 'alert state changed');
    }
  }
  return evaluation;
}
