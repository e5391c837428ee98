import type { DeadlineCounts } from '../console/deadline-counts.js';
import { parseSeries } from '../metrics/index.js';
import { type AlertRule, backlogStates } from './alert-rules.js';

/** Cumulative counts at one moment, kept as snapshots so a rate can be taken over a window. */
export interface CounterTotals {
  /** Epoch ms of the reading. */
  readonly at: number;
  readonly messages: { readonly total: number; readonly failed: number };
  readonly deliveries: { readonly total: number; readonly failed: number };
}

/** What one evaluation read; a part no rule needs is left out. */
export interface Observations {
  readonly queues?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly deadLetters?: number;
  readonly deadlines?: DeadlineCounts;
  readonly counters?: CounterTotals;
}

/** Delivery attempt outcomes that count as failures (the rest: delivered, held). */
const FAILED_ATTEMPTS = new Set(['failed', 'dead']);

/** Sums the decision and delivery-attempt counters (`iwmo_*_total` series) into totals. */
export function counterTotals(counters: ReadonlyMap<string, number>, at: number): CounterTotals {
  const messages = { total: 0, failed: 0 };
  const deliveries = { total: 0, failed: 0 };
  for (const [series, value] of counters) {
    const { name, labels } = parseSeries(series);
    if (name === 'iwmo_messages_decided_total') {
      messages.total += value;
      messages.failed += labels.get('outcome') === 'failed' ? value : 0;
    } else if (name === 'iwmo_delivery_attempts_total') {
      deliveries.total += value;
      deliveries.failed += FAILED_ATTEMPTS.has(labels.get('outcome') ?? '') ? value : 0;
    }
  }
  return { at, messages, deliveries };
}

/**
 * The failure share in percent over `windowMs`: the counters now against the last snapshot at or
 * before the window's start (or, shortly after a start, the oldest snapshot there is). Null with
 * fewer than `minEvents` events in between, without an earlier snapshot, or when the counters
 * went down (Redis was emptied).
 */
export function failureShare(
  snapshots: readonly CounterTotals[],
  current: CounterTotals,
  source: 'messages' | 'deliveries',
  windowMs: number,
  minEvents: number,
): number | null {
  const start = current.at - windowMs;
  const earlier = snapshots.filter((s) => s.at < current.at).sort((a, b) => a.at - b.at);
  const base = earlier.filter((s) => s.at <= start).pop() ?? earlier[0];
  if (base === undefined) {
    return null;
  }
  const total = current[source].total - base[source].total;
  const failed = current[source].failed - base[source].failed;
  if (total < minEvents || failed < 0) {
    return null;
  }
  return Math.round((10_000 * failed) / total) / 100;
}

/** The rule's value from what was observed (pure); null when it cannot be told. */
export function sampleOf(
  rule: AlertRule,
  observed: Observations,
  snapshots: readonly CounterTotals[],
): number | null {
  switch (rule.kind) {
    case 'backlog': {
      const counts = observed.queues?.[rule.queue];
      return counts === undefined
        ? null
        : backlogStates(rule).reduce((sum, state) => sum + (counts[state] ?? 0), 0);
    }
    case 'failure-rate':
      return observed.counters === undefined
        ? null
        : failureShare(snapshots, observed.counters, rule.source, rule.window, rule.minEvents);
    case 'deadlines':
      return observed.deadlines === undefined
        ? null
        : rule.state === 'overdue'
          ? observed.deadlines.overdue
          : observed.deadlines.atRisk;
    case 'dead-letters':
      return observed.deadLetters ?? null;
  }
}
