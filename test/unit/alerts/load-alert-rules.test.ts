import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  conditionOf,
  DEFAULT_ALERT_RULES,
  loadAlertRules,
  parseDuration,
} from '../../../src/alerts/index.js';
import { GatewayError } from '../../../src/errors/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'iwmo-alerts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (caught) {
    return caught as GatewayError;
  }
  throw new Error('did not throw');
}

describe('loadAlertRules', () => {
  describe('when no ALERTS_FILE is set', () => {
    it('returns the built-in rules: backlog, failure rates, deadlines and dead letters', () => {
      const rules = loadAlertRules(undefined);
      expect(rules.map((r) => r.id)).toEqual(DEFAULT_ALERT_RULES.rules.map((r) => r.id));
      expect(new Set(rules.map((r) => r.kind))).toEqual(
        new Set(['backlog', 'failure-rate', 'deadlines', 'dead-letters']),
      );
      expect(rules.find((r) => r.id === 'inbound-backlog')).toMatchObject({
        above: 1000,
        for: 10 * 60_000,
      });
      expect(Object.isFrozen(rules)).toBe(true);
    });

    it('matches config/alerts.example.json', () => {
      const example = JSON.parse(readFileSync(join(ROOT, 'config/alerts.example.json'), 'utf8'));
      expect(example).toEqual(DEFAULT_ALERT_RULES);
      expect(loadAlertRules(join(ROOT, 'config/alerts.example.json'))).toEqual(
        loadAlertRules(undefined),
      );
    });
  });

  describe('when the file is valid', () => {
    it('applies the defaults: warning, fires at once, 15-minute window, 10 events', () => {
      const file = write('ok.json', {
        rules: [{ id: 'rate', kind: 'failure-rate', source: 'deliveries', above: 20 }],
      });
      expect(loadAlertRules(file)).toEqual([
        {
          id: 'rate',
          kind: 'failure-rate',
          source: 'deliveries',
          above: 20,
          severity: 'warning',
          for: 0,
          window: 15 * 60_000,
          minEvents: 10,
        },
      ]);
    });

    it('turns alerts off with an empty list', () => {
      expect(loadAlertRules(write('off.json', { rules: [] }))).toEqual([]);
    });
  });

  describe('when the file is invalid', () => {
    it('lists every problem with its path', () => {
      const file = write('bad.json', {
        rules: [
          { id: 'Backlog!', kind: 'backlog', queue: 'outbound', above: -1, for: '10 minutes' },
          { id: 'dup', kind: 'dead-letters', severity: 'page-me' },
          { id: 'dup', kind: 'failure-rate', source: 'messages', above: 120, extra: true },
          { id: 'x', kind: 'disk-full' },
        ],
      });
      const error = errorOf(() => loadAlertRules(file));
      expect(error).toBeInstanceOf(GatewayError);
      expect(error.code).toBe('GW_ERR_CONFIG_INVALID');
      for (const path of [
        'rules[0].id',
        'rules[0].queue',
        'rules[0].above',
        'rules[0].for',
        'rules[1].severity',
        'rules[2].above',
        'rules[2]',
        'rules[3].kind',
      ]) {
        expect(error.message).toContain(`at ${path}`);
      }
      expect(error.message).toContain('extra');
      expect(error.message).toContain('duplicate rule id dup');
    });

    it('says when the file cannot be read or is not JSON', () => {
      expect(errorOf(() => loadAlertRules(join(dir, 'missing.json'))).message).toContain(
        'cannot read the alerts file',
      );
      expect(errorOf(() => loadAlertRules(write('text.json', '{ rules'))).code).toBe(
        'GW_ERR_CONFIG_INVALID',
      );
    });
  });
});

describe('parseDuration and conditionOf', () => {
  it('reads s, m, h and d', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('10')).toBeUndefined();
    expect(parseDuration('1.5h')).toBeUndefined();
  });

  it('describes each built-in rule', () => {
    const texts = loadAlertRules(undefined).map(conditionOf);
    expect(texts).toContain('inbound queue backlog (waiting+active+prioritized) above 1000');
    expect(texts).toContain('failed messages above 5% over 15 min (at least 20 events)');
    expect(texts).toContain('retour deadlines overdue above 0');
    expect(texts).toContain('dead letters above 0');
  });
});
