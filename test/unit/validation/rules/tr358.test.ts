import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR358 } from '../../../../src/validation/rules/tr358.js';
import { client323, prestatie, wmo323 } from '../../../helpers/rules-messages.js';

const debet = (bedrag: number, ref: string) =>
  prestatie({
    ProductReferentie: { ReferentieNummer: ref },
    IngediendBedrag: { Bedrag: bedrag, DebetCredit: 'D' },
  });
const credit = (bedrag: number, ref: string) =>
  prestatie({
    ProductReferentie: { ReferentieNummer: ref, VorigReferentieNummer: `OLD-${ref}` },
    IngediendBedrag: { Bedrag: bedrag, DebetCredit: 'C' },
  });

function check(
  prestaties: Parameters<typeof client323>[0],
  totaal: { TotaalBedrag: number; DebetCredit: 'D' | 'C' },
) {
  return TR358.check(wmo323([client323(prestaties)], { totaal }), EMPTY_RULE_CONTEXT);
}

describe('TR358', () => {
  describe('when debet exceeds credit', () => {
    it('accepts the difference with D', () => {
      expect(
        check([debet(5000, 'A'), credit(2000, 'B')], { TotaalBedrag: 3000, DebetCredit: 'D' }),
      ).toEqual([]);
    });

    it('rejects the same amount with C', () => {
      expect(
        check([debet(5000, 'A'), credit(2000, 'B')], { TotaalBedrag: 3000, DebetCredit: 'C' }),
      ).toHaveLength(1);
    });
  });

  describe('when the total is negative', () => {
    it('accepts the absolute value with C', () => {
      expect(
        check([debet(1000, 'A'), credit(4000, 'B')], { TotaalBedrag: 3000, DebetCredit: 'C' }),
      ).toEqual([]);
    });

    it('rejects it with D', () => {
      expect(
        check([debet(1000, 'A'), credit(4000, 'B')], { TotaalBedrag: 3000, DebetCredit: 'D' }),
      ).toEqual([
        expect.objectContaining({
          ruleId: 'TR358',
          location: '/Bericht/Declaratie/TotaalIngediendBedrag',
        }),
      ]);
    });

    it('rejects a wrong absolute value with C', () => {
      expect(check([credit(4000, 'B')], { TotaalBedrag: 3999, DebetCredit: 'C' })).toHaveLength(1);
    });
  });

  describe('when the total is zero', () => {
    it('accepts D, and (as the XSLT) also C, which CS325 rejects instead', () => {
      const prestaties = [debet(2500, 'A'), credit(2500, 'B')];
      expect(check(prestaties, { TotaalBedrag: 0, DebetCredit: 'D' })).toEqual([]);
      expect(check(prestaties, { TotaalBedrag: 0, DebetCredit: 'C' })).toEqual([]);
    });
  });

  describe('when the sums are large', () => {
    it('stays exact in integer eurocents', () => {
      const prestaties = Array.from({ length: 1000 }, (_, i) => debet(99_999_999, `R${i}`));
      expect(check(prestaties, { TotaalBedrag: 99_999_999_000, DebetCredit: 'D' })).toEqual([]);
      expect(check(prestaties, { TotaalBedrag: 99_999_998_999, DebetCredit: 'D' })).toHaveLength(1);
    });
  });
});
