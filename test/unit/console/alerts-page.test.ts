import { describe, expect, it } from 'vitest';

import type { AlertRecord } from '../../../src/alerts/index.js';
import { alertValue, firingBanner, sortAlerts } from '../../../src/console/pages/alerts.js';

const record = (id: string, phase: AlertRecord['phase'], severity: string): AlertRecord => ({
  id,
  phase,
  severity,
  since: null,
  firedAt: null,
  resolvedAt: null,
  value: 1,
  evaluatedAt: '2026-11-23T10:00:00.000Z',
  kind: 'dead-letters',
  threshold: 0,
  forMs: 0,
  condition: 'dead letters above 0',
  description: null,
});

describe('the alerts page', () => {
  const records = [
    record('b-ok', 'ok', 'critical'),
    record('c-warn', 'firing', 'warning'),
    record('a-pending', 'pending', 'info'),
    record('d-crit', 'firing', 'critical'),
  ];

  it('lists firing alerts first, then pending, the most severe first', () => {
    expect(sortAlerts(records).map((r) => r.id)).toEqual(['d-crit', 'c-warn', 'a-pending', 'b-ok']);
  });

  it('shows rates as percentages and a missing value as such', () => {
    expect(alertValue('failure-rate', 12.5)).toBe('12.5 %');
    expect(alertValue('backlog', 1200)).toBe('1200');
    expect(alertValue('backlog', null)).toBe('no value');
  });

  describe('when alerts fire', () => {
    it('puts a banner on the overview linking each firing alert', () => {
      const banner = firingBanner(records).value.replace(/\s+/g, ' ');
      expect(banner).toContain('role="alert"');
      expect(banner).toContain('<strong>2 alerts firing:</strong>');
      expect(banner).toContain('<a href="/console/alerts#alert-d-crit">d-crit</a> (critical)');
      expect(banner.indexOf('d-crit')).toBeLessThan(banner.indexOf('c-warn'));
    });
  });

  describe('when nothing fires', () => {
    it('shows no banner', () => {
      expect(firingBanner([record('x', 'pending', 'warning')]).value).toBe('');
    });
  });
});
