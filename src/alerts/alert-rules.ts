import { z } from 'zod';

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `30s`, `10m`, `2h`, `1d` in milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(text);
  return match === null ? undefined : Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
}

const duration = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, 'a duration such as 30s, 10m, 2h or 1d')
  .transform((text) => parseDuration(text) ?? 0);

/** Queue states a backlog rule adds up. */
export const BACKLOG_STATES = ['waiting', 'active', 'prioritized', 'delayed'] as const;
export type BacklogState = (typeof BACKLOG_STATES)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const common = {
  /** Stable name: the label of `iwmo_alert_firing` and the `alert` of every webhook call. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and -, at most 63 characters'),
  severity: z.enum(ALERT_SEVERITIES).default('warning'),
  /** How long the condition must hold before the alert fires (pending until then). */
  for: duration.default(0),
  description: z.string().min(1).max(500).optional(),
};
const count = z.number().int().min(0);

const BACKLOG_RULE = z.strictObject({
  ...common,
  kind: z.literal('backlog'),
  queue: z.enum(['inbound', 'delivery']),
  /** Fires when the jobs in `states` add up to more than this. */
  above: count,
  /** @defaultValue waiting, active, prioritized (inbound); the same plus delayed (delivery, retries in backoff) */
  states: z.array(z.enum(BACKLOG_STATES)).min(1).optional(),
});

const FAILURE_RATE_RULE = z.strictObject({
  ...common,
  kind: z.literal('failure-rate'),
  /**
   * `messages`: share of decisions that ended `failed` (the gateway could not decide; a rejection
   * is a business answer, not a failure). `deliveries`: share of delivery attempts that failed
   * (retried or dead).
   */
  source: z.enum(['messages', 'deliveries']),
  /** Percentage (0–100): fires when the share over `window` is above it. */
  above: z.number().min(0).max(100),
  window: duration.default(15 * 60_000),
  /** Fewer events than this in the window: no value (one failure out of two is not a rate). */
  minEvents: z.number().int().min(1).default(10),
});

const DEADLINES_RULE = z.strictObject({
  ...common,
  kind: z.literal('deadlines'),
  /** `at-risk` (at most one working day left) or `overdue`; each counts only its own state. */
  state: z.enum(['at-risk', 'overdue']),
  above: count.default(0),
});

const DEAD_LETTERS_RULE = z.strictObject({
  ...common,
  kind: z.literal('dead-letters'),
  above: count.default(0),
});

export const ALERT_RULE_SCHEMA = z.discriminatedUnion('kind', [
  BACKLOG_RULE,
  FAILURE_RATE_RULE,
  DEADLINES_RULE,
  DEAD_LETTERS_RULE,
]);

/** The ALERTS_FILE (docs/operations.md#alerts): a list of rules with unique ids. */
export const ALERTS_FILE_SCHEMA = z.strictObject({
  rules: z
    .array(ALERT_RULE_SCHEMA)
    .max(100)
    // `when`: also report duplicates when other rules have problems (every problem at once).
    .check(
      z.superRefine(
        (rules: readonly unknown[], ctx) => {
          const seen = new Set<unknown>();
          rules.forEach((rule, i) => {
            const id = (rule as { id?: unknown } | null)?.id;
            if (typeof id === 'string' && seen.has(id)) {
              ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id ${id}` });
            }
            seen.add(id);
          });
        },
        { when: (payload) => Array.isArray(payload.value) },
      ),
    ),
});

export type AlertRule = z.output<typeof ALERT_RULE_SCHEMA>;
export type AlertKind = AlertRule['kind'];
export type AlertsFileInput = z.input<typeof ALERTS_FILE_SCHEMA>;

/**
 * The rules in force without ALERTS_FILE (also `config/alerts.example.json`): alerts are on by
 * default, so the console and /metrics show them even before anyone writes a file; a webhook is
 * only called when ALERT_WEBHOOK_URL is set. A file with `"rules": []` turns them off.
 */
export const DEFAULT_ALERT_RULES: AlertsFileInput = {
  rules: [
    {
      id: 'inbound-backlog',
      kind: 'backlog',
      queue: 'inbound',
      above: 1000,
      for: '10m',
      severity: 'warning',
      description: 'Messages wait for a worker: too few workers, or a worker is stuck.',
    },
    {
      id: 'delivery-backlog',
      kind: 'backlog',
      queue: 'delivery',
      above: 1000,
      for: '15m',
      severity: 'warning',
      description: 'Deliveries queue up (waiting or retrying): a receiver is slow or down.',
    },
    {
      id: 'message-failures',
      kind: 'failure-rate',
      source: 'messages',
      above: 5,
      window: '15m',
      minEvents: 20,
      for: '5m',
      severity: 'critical',
      description: 'Messages end failed (no decision): Redis, a rule crash or a bad contract.',
    },
    {
      id: 'delivery-failures',
      kind: 'failure-rate',
      source: 'deliveries',
      above: 25,
      window: '15m',
      minEvents: 20,
      for: '10m',
      severity: 'warning',
      description: 'Delivery attempts fail: look at the receivers on the dead letters page.',
    },
    {
      id: 'deadlines-overdue',
      kind: 'deadlines',
      state: 'overdue',
      above: 0,
      severity: 'critical',
      description: 'A retour is past its due day (3 working days, WMO325: 10).',
    },
    {
      id: 'deadlines-at-risk',
      kind: 'deadlines',
      state: 'at-risk',
      above: 0,
      for: '30m',
      severity: 'warning',
      description: 'A retour is not out and at most one working day is left.',
    },
    {
      id: 'dead-letters',
      kind: 'dead-letters',
      above: 0,
      severity: 'warning',
      description: 'A delivery failed for good: replay it from the dead letters page.',
    },
  ],
};

/** A short human description of the condition, for the console and the webhook. */
export function conditionOf(rule: AlertRule): string {
  switch (rule.kind) {
    case 'backlog':
      return `${rule.queue} queue backlog (${backlogStates(rule).join('+')}) above ${rule.above}`;
    case 'failure-rate':
      return `${rule.source === 'messages' ? 'failed messages' : 'failed delivery attempts'} above ${rule.above}% over ${rule.window / 60_000} min (at least ${rule.minEvents} events)`;
    case 'deadlines':
      return `retour deadlines ${rule.state} above ${rule.above}`;
    case 'dead-letters':
      return `dead letters above ${rule.above}`;
  }
}

/** The queue states a backlog rule counts. */
export function backlogStates(rule: Extract<AlertRule, { kind: 'backlog' }>): BacklogState[] {
  return (
    rule.states ??
    (rule.queue === 'delivery'
      ? ['waiting', 'active', 'prioritized', 'delayed']
      : ['waiting', 'active', 'prioritized'])
  );
}
