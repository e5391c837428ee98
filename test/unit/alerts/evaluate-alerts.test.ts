import { describe, expect, it } from 'vitest';

import {
  type AlertRule,
  type AlertState,
  evaluateAlerts,
  parseAlertRules,
} from '../../../src/alerts/index.js';

const [backlog, deadLetters] = parseAlertRules(
  {
    rules: [
      { id: 'inbound-backlog', kind: 'backlog', queue: 'inbound', above: 100, for: '5m' },
      { id: 'dead-letters', kind: 'dead-letters' },
    ],
  },
  'test rules',
) as [AlertRule, AlertRule];

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** Feeds samples (minute → value) through the evaluation, one step per sample, keeping state. */
function run(rule: AlertRule, samples: readonly [number, number | null][]) {
  let states = new Map<string, AlertState>();
  const steps = samples.map(([minute, value]) => {
    const evaluation = evaluateAlerts([rule], states, new Map([[rule.id, value]]), at(minute));
    states = new Map(evaluation.states.map((s) => [s.id, s]));
    const state = evaluation.states[0];
    return {
      minute,
      phase: state?.phase,
      notify: evaluation.transitions.map((t) => t.notify).filter((n) => n !== null),
      state,
    };
  });
  return steps;
}

describe('evaluateAlerts', () => {
  describe('when a backlog stays above its threshold for the rule’s duration', () => {
    it('is pending first and fires exactly once when the duration has passed', () => {
      const steps = run(backlog, [
        [0, 50],
        [1, 150],
        [3, 400],
        [5, 300],
        [6, 500],
        [7, 200],
      ]);
      expect(steps.map((s) => s.phase)).toEqual([
        'ok',
        'pending',
        'pending',
        'pending',
        'firing',
        'firing',
      ]);
      expect(steps.flatMap((s) => s.notify)).toEqual(['firing']);
      const fired = steps[4]?.state;
      expect(fired?.since).toBe(at(1).toISOString());
      expect(fired?.firedAt).toBe(at(6).toISOString());
      expect(fired?.value).toBe(500);
    });
  });

  describe('when the breach ends before the duration', () => {
    it('goes back to ok without any notification, and a new breach starts the clock again', () => {
      const steps = run(backlog, [
        [0, 150],
        [4, 150],
        [5, 20],
        [6, 150],
        [10, 150],
        [11, 150],
      ]);
      expect(steps.map((s) => s.phase)).toEqual([
        'pending',
        'pending',
        'ok',
        'pending',
        'pending',
        'firing',
      ]);
      expect(steps.flatMap((s) => s.notify)).toEqual(['firing']);
      expect(steps[5]?.state?.since).toBe(at(6).toISOString());
    });
  });

  describe('when a firing alert drains', () => {
    it('resolves once on the first sample at or below the threshold, keeping its since', () => {
      const steps = run(backlog, [
        [0, 150],
        [5, 150],
        [6, 100],
        [7, 90],
      ]);
      expect(steps.map((s) => s.phase)).toEqual(['pending', 'firing', 'ok', 'ok']);
      expect(steps.flatMap((s) => s.notify)).toEqual(['firing', 'resolved']);
      expect(steps[2]?.state).toMatchObject({
        since: at(0).toISOString(),
        firedAt: at(5).toISOString(),
        resolvedAt: at(6).toISOString(),
        value: 100,
      });
    });
  });

  describe('when the rule has no duration', () => {
    it('fires on the first breaching sample (dead letters above 0)', () => {
      const steps = run(deadLetters, [
        [0, 0],
        [1, 1],
        [2, 3],
        [3, 0],
        [4, 2],
      ]);
      expect(steps.map((s) => s.phase)).toEqual(['ok', 'firing', 'firing', 'ok', 'firing']);
      expect(steps.flatMap((s) => s.notify)).toEqual(['firing', 'resolved', 'firing']);
    });
  });

  describe('when a sample has no value', () => {
    it('counts as not breaching', () => {
      const steps = run(deadLetters, [
        [0, 2],
        [1, null],
      ]);
      expect(steps.map((s) => s.phase)).toEqual(['firing', 'ok']);
      expect(steps[1]?.state?.value).toBeNull();
    });
  });

  it('reports every transition with from, to, the value and the breach start', () => {
    const evaluation = evaluateAlerts(
      [backlog, deadLetters],
      new Map(),
      new Map([
        ['inbound-backlog', 101],
        ['dead-letters', 1],
      ]),
      at(0),
    );
    expect(evaluation.transitions).toEqual([
      {
        id: 'inbound-backlog',
        from: 'ok',
        to: 'pending',
        at: at(0).toISOString(),
        value: 101,
        since: at(0).toISOString(),
        notify: null,
      },
      {
        id: 'dead-letters',
        from: 'ok',
        to: 'firing',
        at: at(0).toISOString(),
        value: 1,
        since: at(0).toISOString(),
        notify: 'firing',
      },
    ]);
  });
});
