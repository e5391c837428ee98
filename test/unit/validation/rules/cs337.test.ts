import { describe, expect, it } from 'vitest';

import { CS337 } from '../../../../src/validation/rules/cs337.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { client323, prestatie, wmo323 } from '../../../helpers/rules-messages.js';

const check = (Begindatum: string, Einddatum: string) =>
  CS337.check(
    wmo323([client323([prestatie({ ProductPeriode: { Begindatum, Einddatum } })])]),
    EMPTY_RULE_CONTEXT,
  ).length;

describe('CS337', () => {
  it('accepts a period within one calendar month', () => {
    expect(check('2026-03-01', '2026-03-31')).toBe(0);
    expect(check('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('rejects the same month of another year and another month of the same year', () => {
    expect(check('2025-03-01', '2026-03-31')).toBe(1);
    expect(check('2026-02-28', '2026-03-01')).toBe(1);
  });
});
