import { describe, expect, it } from 'vitest';

import {
  type AlertRule,
  type CounterTotals,
  counterTotals,
  failureShare,
  parseAlertRules,
  sampleOf,
} from '../../../src/alerts/index.js';
import { seriesName } from '../../../src/metrics/index.js';

const MIN = 60_000;
const totals = (at: number, messages: [number, number], deliveries: [number, number] = [0, 0]) =>
  ({
    at: at * MIN,
    messages: { total: messages[0], failed: messages[1] },
    deliveries: { total: deliveries[0], failed: deliveries[1] },
  }) satisfies CounterTotals;

describe('counterTotals', () => {
  it('adds decisions by outcome and delivery attempts by outcome (failed and dead are failures)', () => {
    const decided = (outcome: string) =>
      seriesName('iwmo_messages_decided_total', {
        message_type: 'WMO301',
        outcome,
        control_level: '2',
      });
    const attempt = (outcome: string) =>
      seriesName('iwmo_delivery_attempts_total', { receiver: '0363', kind: 'retour', outcome });
    const counters = new Map([
      [decided('accepted'), 90],
      [decided('rejected'), 7],
      [decided('failed'), 3],
      [attempt('delivered'), 40],
      [attempt('held'), 5],
      [attempt('failed'), 4],
      [attempt('dead'), 1],
      [seriesName('iwmo_rule_violations_total', { message_type: 'WMO301', rule: 'TR1' }), 9],
    ]);
    expect(counterTotals(counters, 5)).toEqual({
      at: 5,
      messages: { total: 100, failed: 3 },
      deliveries: { total: 50, failed: 5 },
    });
  });
});

describe('failureShare', () => {
  const snapshots = [totals(0, [100, 0]), totals(5, [150, 2]), totals(10, [200, 4])];

  it('takes the share over the window against the last snapshot before its start', () => {
    // window 10 min at minute 15: base is the snapshot of minute 5 → 8 failed of 100.
    expect(failureShare(snapshots, totals(15, [250, 10]), 'messages', 10 * MIN, 10)).toBe(8);
  });

  it('uses the oldest snapshot shortly after a start', () => {
    expect(failureShare(snapshots, totals(15, [250, 10]), 'messages', 60 * MIN, 10)).toBe(6.67);
  });

  it('has no value with too few events, without an earlier snapshot, or after a counter reset', () => {
    expect(failureShare(snapshots, totals(15, [205, 5]), 'messages', 5 * MIN, 10)).toBeNull();
    expect(failureShare([], totals(15, [250, 10]), 'messages', 5 * MIN, 10)).toBeNull();
    expect(failureShare(snapshots, totals(15, [300, 1]), 'messages', 5 * MIN, 10)).toBeNull();
  });

  it('reads the deliveries separately', () => {
    const base = [totals(0, [0, 0], [10, 0])];
    expect(failureShare(base, totals(10, [0, 0], [30, 5]), 'deliveries', 5 * MIN, 10)).toBe(25);
  });
});

describe('sampleOf', () => {
  const rules = parseAlertRules(
    {
      rules: [
        { id: 'in', kind: 'backlog', queue: 'inbound', above: 1 },
        { id: 'out', kind: 'backlog', queue: 'delivery', above: 1 },
        { id: 'mine', kind: 'backlog', queue: 'delivery', above: 1, states: ['delayed'] },
        { id: 'late', kind: 'deadlines', state: 'overdue' },
        { id: 'risk', kind: 'deadlines', state: 'at-risk' },
        { id: 'dead', kind: 'dead-letters' },
        { id: 'rate', kind: 'failure-rate', source: 'messages', above: 5, minEvents: 1 },
      ],
    },
    'test rules',
  );
  const observed = {
    queues: {
      inbound: { waiting: 3, active: 2, prioritized: 1, delayed: 7, failed: 9 },
      delivery: { waiting: 1, active: 1, delayed: 4 },
    },
    deadLetters: 2,
    deadlines: { open: 5, atRisk: 2, overdue: 1 },
    counters: totals(20, [110, 1]),
  };
  const value = (id: string, seen: object = observed) =>
    sampleOf(rules.find((r) => r.id === id) as AlertRule, seen, [totals(0, [100, 0])]);

  it('adds waiting, active and prioritized for the inbound queue, plus delayed for deliveries', () => {
    expect(value('in')).toBe(6);
    expect(value('out')).toBe(6);
    expect(value('mine')).toBe(4);
  });

  it('reads deadlines per state, dead letters and the failure share', () => {
    expect(value('late')).toBe(1);
    expect(value('risk')).toBe(2);
    expect(value('dead')).toBe(2);
    expect(value('rate')).toBe(10);
  });

  it('has no value for what was not observed', () => {
    for (const id of ['in', 'late', 'dead', 'rate']) {
      expect(value(id, {})).toBeNull();
    }
  });
});
