import type { AlertRule } from './alert-rules.js';

/**
 * Where an alert stands:
 * - `ok`: the condition does not hold (after a firing: resolved);
 * - `pending`: it holds, but not yet for the rule's `for` duration;
 * - `firing`: it has held for at least `for`.
 */
export type AlertPhase = 'ok' | 'pending' | 'firing';

/** An alert's state, kept in Redis between evaluations (times as ISO strings). */
export interface AlertState {
  readonly id: string;
  readonly phase: AlertPhase;
  /** When the condition started to hold (pending and firing; kept on the resolve). */
  readonly since: string | null;
  readonly firedAt: string | null;
  readonly resolvedAt: string | null;
  /** The last sample (null: no value, e.g. too few events for a rate). */
  readonly value: number | null;
  readonly evaluatedAt: string;
}

/** A change of phase; `notify` says which webhook call it needs. */
export interface AlertTransition {
  readonly id: string;
  readonly from: AlertPhase;
  readonly to: AlertPhase;
  readonly at: string;
  readonly value: number | null;
  readonly since: string | null;
  readonly notify: 'firing' | 'resolved' | null;
}

export interface Evaluation {
  readonly states: readonly AlertState[];
  readonly transitions: readonly AlertTransition[];
}

/** Whether a sample breaches the rule: above the threshold (no value never breaches). */
export function breaches(rule: AlertRule, value: number | null): boolean {
  return value !== null && value > rule.above;
}

/**
 * One evaluation step (pure): each rule's sample against its previous state. A breach starts
 * `pending` (or fires at once when `for` is 0); it fires once it has lasted `for`; a firing alert
 * resolves on the first sample that does not breach, a pending one goes back to `ok` silently.
 * Only `firing` and `resolved` call the webhook, each exactly once per incident.
 */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  previous: ReadonlyMap<string, AlertState>,
  samples: ReadonlyMap<string, number | null>,
  now: Date,
): Evaluation {
  const states: AlertState[] = [];
  const transitions: AlertTransition[] = [];
  for (const rule of rules) {
    const { state, transition } = evaluateAlert(
      rule,
      previous.get(rule.id),
      samples.get(rule.id) ?? null,
      now,
    );
    states.push(state);
    if (transition !== undefined) {
      transitions.push(transition);
    }
  }
  return { states, transitions };
}

export function evaluateAlert(
  rule: AlertRule,
  previous: AlertState | undefined,
  value: number | null,
  now: Date,
): { state: AlertState; transition?: AlertTransition } {
  const at = now.toISOString();
  const before: AlertState = previous ?? {
    id: rule.id,
    phase: 'ok',
    since: null,
    firedAt: null,
    resolvedAt: null,
    value: null,
    evaluatedAt: at,
  };
  const base = { ...before, id: rule.id, value, evaluatedAt: at };
  const change = (state: AlertState, notify: AlertTransition['notify']) => ({
    state,
    transition: {
      id: rule.id,
      from: before.phase,
      to: state.phase,
      at,
      value,
      since: state.since,
      notify,
    },
  });
  if (!breaches(rule, value)) {
    switch (before.phase) {
      case 'ok':
        return { state: base };
      case 'pending':
        return change({ ...base, phase: 'ok', since: null }, null);
      case 'firing':
        return change({ ...base, phase: 'ok', resolvedAt: at }, 'resolved');
    }
  }
  switch (before.phase) {
    case 'ok':
      return rule.for === 0
        ? change({ ...base, phase: 'firing', since: at, firedAt: at, resolvedAt: null }, 'firing')
        : change({ ...base, phase: 'pending', since: at, firedAt: null, resolvedAt: null }, null);
    case 'pending': {
      const since = before.since ?? at;
      return now.getTime() - Date.parse(since) >= rule.for
        ? change({ ...base, phase: 'firing', since, firedAt: at }, 'firing')
        : { state: { ...base, since } };
    }
    case 'firing':
      return { state: base };
  }
}
