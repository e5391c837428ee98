import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../src/model/index.js';
import { defineRule, EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { header, wmo301 } from '../../../helpers/rules-messages.js';

const PROBE = defineRule({
  id: 'GW-PROBE',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description: 'probe',
  source: 'unit test',
  check(msg) {
    return msg.Client.Bsn === '999990019'
      ? []
      : [{ location: '/Bericht/Client/Bsn' }, { location: '/x', detail: 'tweede' }];
  },
});

const wmo319: ParsedMessage = {
  type: 'WMO319',
  header: header('482', '2026-04-14'),
  Antwoord: { ReferentieAanbieder: 'VOW-0001', VerzoekAntwoord: '2' },
};

describe('defineRule', () => {
  describe('when the check finds something', () => {
    it('turns findings into frozen violations carrying the rule id, retourcode and level', () => {
      const violations = PROBE.check(wmo301({ Bsn: '999990020' }), EMPTY_RULE_CONTEXT);
      expect(violations).toEqual([
        { ruleId: 'GW-PROBE', retourCode: '0001', level: 2, location: '/Bericht/Client/Bsn' },
        { ruleId: 'GW-PROBE', retourCode: '0001', level: 2, location: '/x', detail: 'tweede' },
      ]);
      expect(Object.isFrozen(violations)).toBe(true);
      expect(violations.every((v) => Object.isFrozen(v))).toBe(true);
      expect('detail' in (violations[0] ?? {})).toBe(false);
    });
  });

  describe('when the check passes', () => {
    it('returns an empty frozen list', () => {
      const violations = PROBE.check(wmo301(), EMPTY_RULE_CONTEXT);
      expect(violations).toEqual([]);
      expect(Object.isFrozen(violations)).toBe(true);
    });
  });

  describe('when the message type is not one the rule applies to', () => {
    it('passes without reading the message', () => {
      expect(PROBE.check(wmo319, EMPTY_RULE_CONTEXT)).toEqual([]);
    });
  });

  it('freezes the rule', () => {
    expect(Object.isFrozen(PROBE)).toBe(true);
    expect(Object.isFrozen(PROBE.appliesTo)).toBe(true);
  });
});
