import { describe, expect, it } from 'vitest';

import { CS340 } from '../../../../src/validation/rules/cs340.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { client323, prestatie, wmo323 } from '../../../helpers/rules-messages.js';

function check(begin: string, eind: string) {
  const msg = wmo323(
    [client323([prestatie({ ProductPeriode: { Begindatum: begin, Einddatum: begin } })])],
    {
      periode: { Begindatum: begin, Einddatum: eind },
    },
  );
  return CS340.check(msg, EMPTY_RULE_CONTEXT);
}

describe('CS340', () => {
  describe('when the period is one whole calendar month', () => {
    it.each([
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-04-30'],
      ['2026-12-01', '2026-12-31'],
      ['2023-02-01', '2023-02-28'],
      ['2024-02-01', '2024-02-29'],
      ['2000-02-01', '2000-02-29'],
      ['2100-02-01', '2100-02-28'],
    ])('accepts %s – %s', (begin, eind) => {
      expect(check(begin, eind)).toEqual([]);
    });
  });

  describe('when February ends on the wrong day', () => {
    it.each([
      ['2024-02-01', '2024-02-28'],
      ['2023-02-01', '2023-02-27'],
      ['2100-02-01', '2100-03-01'],
    ])('rejects %s – %s', (begin, eind) => {
      expect(check(begin, eind)).toEqual([
        expect.objectContaining({
          ruleId: 'CS340',
          location: '/Bericht/Declaratie/DeclaratiePeriode',
        }),
      ]);
    });
  });

  describe('when the period does not start on the first', () => {
    it.each([
      ['2026-03-02', '2026-03-31'],
      ['2026-01-15', '2026-02-14'],
    ])('rejects %s – %s', (begin, eind) => {
      expect(check(begin, eind)).toHaveLength(1);
    });
  });

  describe('when the period spans more or less than a month', () => {
    it.each([
      ['2026-03-01', '2026-04-30'],
      ['2026-03-01', '2026-03-30'],
    ])('rejects %s – %s', (begin, eind) => {
      expect(check(begin, eind)).toHaveLength(1);
    });
  });
});
