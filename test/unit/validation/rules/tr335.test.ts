import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR335 } from '../../../../src/validation/rules/tr335.js';
import { client323, prestatie, wmo323 } from '../../../helpers/rules-messages.js';

function check(einddatum: string, declaratieDagtekening: string) {
  const begin = `${einddatum.slice(0, 8)}01`;
  return TR335.check(
    wmo323(
      [client323([prestatie({ ProductPeriode: { Begindatum: begin, Einddatum: einddatum } })])],
      {
        declaratieDagtekening,
      },
    ),
    EMPTY_RULE_CONTEXT,
  );
}

describe('TR335', () => {
  describe('when Einddatum is exactly five years before DeclaratieDagtekening', () => {
    it('accepts it', () => {
      expect(check('2021-04-06', '2026-04-06')).toEqual([]);
    });
  });

  describe('when Einddatum is one day earlier', () => {
    it('rejects it on ProductPeriode/Einddatum', () => {
      expect(check('2021-04-05', '2026-04-06')).toEqual([
        expect.objectContaining({
          ruleId: 'TR335',
          location:
            '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Einddatum',
        }),
      ]);
    });
  });

  describe('when DeclaratieDagtekening is 29 February', () => {
    it('takes 28 February five years earlier as the limit', () => {
      expect(check('2019-02-28', '2024-02-29')).toEqual([]);
      expect(check('2019-02-27', '2024-02-29')).toHaveLength(1);
    });
  });
});
