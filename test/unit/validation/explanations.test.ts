import { describe, expect, it } from 'vitest';

import { explain, EXPLANATIONS } from '../../../src/validation/explanations.js';
import { CONTRACT_RULES, RULES } from '../../../src/validation/rules/index.js';

/** Every rule that can refuse a WMO323: levels 2–4 of the standard and the contract rules. */
const WMO323_RULES = [...RULES, ...CONTRACT_RULES].filter((rule) =>
  (rule.appliesTo as readonly string[]).includes('WMO323'),
);

describe('the plain-language explanations', () => {
  it('cover the rules of levels 2, 3 and 4', () => {
    expect(new Set(WMO323_RULES.map((rule) => rule.level))).toEqual(new Set([2, 3, 4]));
  });

  for (const rule of WMO323_RULES) {
    it(`explain ${rule.id} in Dutch and in English, in one sentence each`, () => {
      const explanation = explain(rule.id);
      expect(
        explanation,
        `${rule.id} has no explanation in src/validation/explanations.ts`,
      ).toBeDefined();
      for (const text of [explanation?.nl ?? '', explanation?.en ?? '']) {
        expect(text.length).toBeGreaterThan(20);
        expect(text).toMatch(/^[A-Z].*\.$/u);
        expect(text.slice(0, -1)).not.toMatch(/[.!?] /u);
      }
    });
  }

  it('explain no rule that does not apply to WMO323', () => {
    const ids = new Set(WMO323_RULES.map((rule) => rule.id as string));
    expect(Object.keys(EXPLANATIONS).filter((id) => !ids.has(id))).toEqual([]);
  });
});
