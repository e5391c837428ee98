import { LATENCY_BUCKETS, seriesName } from './metric-keys.js';
import { type Gauges, parseSeries } from './metrics-reader.js';

const HELP: Readonly<Record<string, string>> = {
  iwmo_messages_received_total: 'Messages stored by intake, by message type',
  iwmo_messages_decided_total:
    'Messages decided, by message type, outcome and highest control level',
  iwmo_rule_violations_total: 'Rejected messages per violated rule (each rule once per message)',
  iwmo_retour_codes_total: 'Retour codes in the retours the gateway built',
  iwmo_delivery_attempts_total:
    'Delivery attempts by receiver (party code), kind and outcome (delivered, held, failed: retried, dead)',
};

/** Gauges read outside the MetricsReader: answer deadlines and alert states. */
export interface ExtraGauges {
  /** Open answer deadlines per state (the console's deadlines page). */
  readonly deadlines?: { readonly open: number; readonly atRisk: number; readonly overdue: number };
  /** Every configured alert and whether it fires. */
  readonly alerts?: readonly {
    readonly id: string;
    readonly severity: string;
    readonly firing: boolean;
  }[];
}

/**
 * The Prometheus text exposition (version 0.0.4) of the shared counters and live gauges
 * (docs/operations.md lists every metric).
 */
export function renderPrometheus(
  counters: ReadonlyMap<string, number>,
  gauges: Gauges,
  extra: ExtraGauges = {},
): string {
  const lines: string[] = [];
  const byName = new Map<string, [string, number][]>();
  const histogram = new Map<string, { buckets: Map<string, number>; sumUs: number }>();
  for (const [series, value] of counters) {
    const { name, labels } = parseSeries(series);
    const stage = labels.get('stage') ?? '';
    if (name === 'iwmo_stage_duration_bucket_raw' || name === 'iwmo_stage_duration_sum_us') {
      const h = histogram.get(stage) ?? { buckets: new Map<string, number>(), sumUs: 0 };
      if (name === 'iwmo_stage_duration_sum_us') {
        h.sumUs += value;
      } else {
        const le = labels.get('le') ?? '+Inf';
        h.buckets.set(le, (h.buckets.get(le) ?? 0) + value);
      }
      histogram.set(stage, h);
      continue;
    }
    const list = byName.get(name) ?? [];
    list.push([series, value]);
    byName.set(name, list);
  }
  for (const name of Object.keys(HELP)) {
    lines.push(`# HELP ${name} ${HELP[name] ?? ''}`, `# TYPE ${name} counter`);
    for (const [series, value] of byName.get(name) ?? []) {
      lines.push(`${series} ${value}`);
    }
  }
  lines.push(
    '# HELP iwmo_stage_duration_seconds Time per stage: queue_wait (stored to taken by a worker), validation (all control levels and the retour), intake_to_decision (stored to decided)',
    '# TYPE iwmo_stage_duration_seconds histogram',
  );
  for (const [stage, h] of [...histogram].sort(([a], [b]) => a.localeCompare(b))) {
    let cumulative = 0;
    for (const bound of [...LATENCY_BUCKETS.map(String), '+Inf']) {
      cumulative += h.buckets.get(bound) ?? 0;
      lines.push(
        `${seriesName('iwmo_stage_duration_seconds_bucket', { stage, le: bound })} ${cumulative}`,
      );
    }
    lines.push(`${seriesName('iwmo_stage_duration_seconds_sum', { stage })} ${h.sumUs / 1e6}`);
    lines.push(`${seriesName('iwmo_stage_duration_seconds_count', { stage })} ${cumulative}`);
  }
  const gauge = (name: string, help: string, rows: [Record<string, string>, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const [labels, value] of rows) {
      lines.push(`${seriesName(name, labels)} ${value}`);
    }
  };
  gauge(
    'iwmo_queue_jobs',
    'BullMQ jobs per queue and state',
    Object.entries(gauges.queues).flatMap(([queue, states]) =>
      Object.entries(states).map(([state, n]): [Record<string, string>, number] => [
        { queue, state },
        n,
      ]),
    ),
  );
  gauge('iwmo_workers', 'Worker connections on the inbound queue', [[{}, gauges.workers]]);
  gauge('iwmo_messages_undecided', 'Stored messages not decided yet', [[{}, gauges.undecided]]);
  gauge(
    'iwmo_oldest_undecided_timestamp_seconds',
    'Receipt time of the oldest undecided message (0: none)',
    [[{}, gauges.oldestUndecidedAt === null ? 0 : gauges.oldestUndecidedAt.getTime() / 1000]],
  );
  gauge(
    'iwmo_deliveries_pending',
    'Deliveries not handed over yet (includes ones in retry backoff)',
    [[{}, gauges.deliveriesPending]],
  );
  gauge(
    'iwmo_deliveries_failing',
    'Pending deliveries whose last attempt failed (retrying with backoff)',
    [[{}, gauges.deliveriesFailing]],
  );
  gauge('iwmo_dead_letters', 'Deliveries that failed for good and wait for a replay', [
    [{}, gauges.deadLetters],
  ]);
  gauge('iwmo_redis_used_memory_bytes', 'Redis used_memory', [[{}, gauges.redisUsedMemoryBytes]]);
  if (extra.deadlines !== undefined) {
    const d = extra.deadlines;
    gauge(
      'iwmo_retour_deadlines',
      'Answers (retour, WMO325) still due per state: open, at-risk (at most one working day left), overdue',
      [
        [{ state: 'open' }, d.open],
        [{ state: 'at-risk' }, d.atRisk],
        [{ state: 'overdue' }, d.overdue],
      ],
    );
  }
  if (extra.alerts !== undefined) {
    gauge(
      'iwmo_alert_firing',
      'Whether an alert rule fires (1) or not (0: ok or pending)',
      extra.alerts.map((a) => [{ alert: a.id, severity: a.severity }, a.firing ? 1 : 0]),
    );
  }
  return `${lines.join('\n')}\n`;
}
