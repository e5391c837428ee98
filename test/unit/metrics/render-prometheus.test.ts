import { describe, expect, it } from 'vitest';

import {
  metricsObserver,
  parseSeries,
  renderPrometheus,
  seriesName,
} from '../../../src/metrics/index.js';
import type { MessageRecord } from '../../../src/store/index.js';

const gauges = {
  queues: { inbound: { waiting: 3 } },
  workers: 2,
  undecided: 3,
  oldestUndecidedAt: null,
  deliveriesPending: 1,
  deliveriesFailing: 1,
  deadLetters: 0,
  redisUsedMemoryBytes: 1024,
};

describe('seriesName and parseSeries', () => {
  it('escape and read back label values', () => {
    const series = seriesName('x_total', { a: 'q"uote', b: 'back\\slash' });
    expect(series).toBe('x_total{a="q\\"uote",b="back\\\\slash"}');
    const parsed = parseSeries(series);
    expect(parsed.name).toBe('x_total');
    expect([...parsed.labels]).toEqual([
      ['a', 'q"uote'],
      ['b', 'back\\slash'],
    ]);
  });
});

describe('metricsObserver', () => {
  const record = {
    id: 'm1',
    messageType: 'WMO301',
    sender: '0363',
    receivedAt: '2026-11-23T10:00:00.000Z',
  } as MessageRecord;

  it('counts a rejection per type, outcome, rule and retour code, and times the stages', () => {
    const writes = metricsObserver('p').decisionWrites({
      record,
      result: {
        status: 'rejected',
        controlLevel: 2,
        violations: [
          { ruleId: 'CS003', retourCode: '0001', level: 2, location: '/a' },
          { ruleId: 'CS003', retourCode: '0001', level: 2, location: '/b' },
        ],
        retour: { id: 'R1', type: 'WMO302', codes: ['0001'], xml: '' },
      },
      body: undefined,
      answering: true,
      now: new Date('2026-11-23T10:00:02.000Z'),
      startedAt: new Date('2026-11-23T10:00:00.030Z'),
      validationMs: 12,
    });
    const counted = writes.flatMap((w) => (w.op === 'incrby' ? [`${w.key} +${w.by}`] : []));
    expect(counted).toContain(
      'p:metrics:c:iwmo_messages_decided_total{message_type="WMO301",outcome="rejected",control_level="2"} +1',
    );
    expect(counted).toContain(
      'p:metrics:c:iwmo_rule_violations_total{message_type="WMO301",rule="CS003"} +1',
    );
    expect(counted.filter((c) => c.includes('rule="CS003"'))).toHaveLength(1);
    expect(counted).toContain(
      'p:metrics:c:iwmo_retour_codes_total{message_type="WMO301",retour_code="0001"} +1',
    );
    expect(counted).toContain(
      'p:metrics:c:iwmo_stage_duration_bucket_raw{stage="queue_wait",le="0.05"} +1',
    );
    expect(counted).toContain(
      'p:metrics:c:iwmo_stage_duration_bucket_raw{stage="intake_to_decision",le="2.5"} +1',
    );
    expect(counted).toContain('p:stats:day:2026-11-23:rule:CS003 +1');
    expect(counted).toContain('p:stats:day:2026-11-23:sender:0363 +1');
  });
});

describe('renderPrometheus', () => {
  it('prints counters, cumulative histogram buckets with sum and count, and gauges', () => {
    const counters = new Map([
      [
        'iwmo_messages_decided_total{message_type="WMO301",outcome="accepted",control_level="2"}',
        4,
      ],
      ['iwmo_stage_duration_bucket_raw{stage="validation",le="0.01"}', 3],
      ['iwmo_stage_duration_bucket_raw{stage="validation",le="0.1"}', 1],
      ['iwmo_stage_duration_sum_us{stage="validation"}', 45_000],
    ]);
    const text = renderPrometheus(counters, gauges);
    expect(text).toContain('# TYPE iwmo_messages_decided_total counter');
    expect(text).toContain(
      'iwmo_messages_decided_total{message_type="WMO301",outcome="accepted",control_level="2"} 4',
    );
    expect(text).toContain('iwmo_stage_duration_seconds_bucket{stage="validation",le="0.005"} 0');
    expect(text).toContain('iwmo_stage_duration_seconds_bucket{stage="validation",le="0.01"} 3');
    expect(text).toContain('iwmo_stage_duration_seconds_bucket{stage="validation",le="0.25"} 4');
    expect(text).toContain('iwmo_stage_duration_seconds_bucket{stage="validation",le="+Inf"} 4');
    expect(text).toContain('iwmo_stage_duration_seconds_sum{stage="validation"} 0.045');
    expect(text).toContain('iwmo_stage_duration_seconds_count{stage="validation"} 4');
    expect(text).toContain('iwmo_queue_jobs{queue="inbound",state="waiting"} 3');
    expect(text).toContain('iwmo_workers 2');
    expect(text).toContain('iwmo_deliveries_failing 1');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('iwmo_retour_deadlines');
    expect(text).not.toContain('iwmo_alert_firing');
  });

  it('prints delivery attempts per receiver and outcome, deadline risks and alert states', () => {
    const counters = new Map([
      [
        seriesName('iwmo_delivery_attempts_total', {
          receiver: '12345678',
          kind: 'retour',
          outcome: 'dead',
        }),
        2,
      ],
    ]);
    const text = renderPrometheus(counters, gauges, {
      deadlines: { open: 4, atRisk: 2, overdue: 1 },
      alerts: [
        { id: 'dead-letters', severity: 'warning', firing: true },
        { id: 'inbound-backlog', severity: 'critical', firing: false },
      ],
    });
    expect(text).toContain('# TYPE iwmo_delivery_attempts_total counter');
    expect(text).toContain(
      'iwmo_delivery_attempts_total{receiver="12345678",kind="retour",outcome="dead"} 2',
    );
    expect(text).toContain('# TYPE iwmo_retour_deadlines gauge');
    expect(text).toContain('iwmo_retour_deadlines{state="open"} 4');
    expect(text).toContain('iwmo_retour_deadlines{state="at-risk"} 2');
    expect(text).toContain('iwmo_retour_deadlines{state="overdue"} 1');
    expect(text).toContain('# TYPE iwmo_alert_firing gauge');
    expect(text).toContain('iwmo_alert_firing{alert="dead-letters",severity="warning"} 1');
    expect(text).toContain('iwmo_alert_firing{alert="inbound-backlog",severity="critical"} 0');
  });
});
