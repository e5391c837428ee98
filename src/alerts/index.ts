export {
  ALERT_RULE_SCHEMA,
  ALERT_SEVERITIES,
  type AlertKind,
  type AlertRule,
  ALERTS_FILE_SCHEMA,
  type AlertSeverity,
  type AlertsFileInput,
  conditionOf,
  DEFAULT_ALERT_RULES,
  parseDuration,
} from './alert-rules.js';
export {
  type CounterTotals,
  counterTotals,
  failureShare,
  type Observations,
  sampleOf,
} from './alert-samples.js';
export {
  type AlertMeta,
  type AlertNotification,
  type AlertPayload,
  type AlertRecord,
  AlertStore,
  type WebhookAttempt,
} from './alert-store.js';
export { type AlertTimer, startAlertTimer } from './alert-timer.js';
export {
  dispatchAlertNotifications,
  postAlert,
  retryDelayMs,
  WEBHOOK_MAX_ATTEMPTS,
  type WebhookTarget,
} from './alert-webhook.js';
export {
  type AlertPhase,
  type AlertState,
  type AlertTransition,
  breaches,
  evaluateAlert,
  evaluateAlerts,
  type Evaluation,
} from './evaluate-alerts.js';
export { loadAlertRules, parseAlertRules } from './load-alert-rules.js';
export { type AlertSources, observeAlertSources } from './observe-alert-sources.js';
export { type AlertEvaluationOptions, runAlertEvaluation } from './run-alert-evaluation.js';
