import { describe, expect, it } from 'vitest';

import type { RetourCode } from '../../../../src/domain/retourcodes.js';
import type { DebetCredit } from '../../../../src/model/index.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR342 } from '../../../../src/validation/rules/tr342.js';
import { client325, prestatie, wmo325 } from '../../../helpers/rules-messages.js';

type Amount = readonly [number, DebetCredit];

function check(
  ingediend: Amount,
  toegekend: Amount,
  afgewezen: readonly Amount[],
  codes: readonly RetourCode[] = ['0200'],
) {
  const prestaties = afgewezen.map(([bedrag, dc], i) =>
    prestatie({
      ProductReferentie:
        dc === 'C'
          ? { ReferentieNummer: `R${i}`, VorigReferentieNummer: `V${i}` }
          : { ReferentieNummer: `R${i}` },
      IngediendBedrag: { Bedrag: bedrag, DebetCredit: dc },
    }),
  );
  const msg = wmo325({
    DeclaratieNummer: 'DEC202603',
    TotaalIngediendBedrag: { TotaalBedrag: ingediend[0], DebetCredit: ingediend[1] },
    TotaalToegekendBedrag: { TotaalBedrag: toegekend[0], DebetCredit: toegekend[1] },
    ...(prestaties.length > 0 ? { Clienten: [client325(prestaties)] } : {}),
    RetourCodes: codes,
  });
  return TR342.check(msg, EMPTY_RULE_CONTEXT);
}

describe('TR342', () => {
  describe('when the rejected Prestaties explain the difference', () => {
    it('accepts debet totals', () => {
      expect(check([15000, 'D'], [10000, 'D'], [[5000, 'D']])).toEqual([]);
    });

    it('accepts credit totals (the JW325 example: 58000 C − 34000 C = 24000 C)', () => {
      expect(
        check(
          [58000, 'C'],
          [34000, 'C'],
          [
            [5000, 'C'],
            [14000, 'C'],
            [5000, 'C'],
          ],
        ),
      ).toEqual([]);
    });

    it('accepts mixed signs: 3000 D ingediend, 1000 C toegekend, rejected 5000 D and 1000 C', () => {
      expect(
        check(
          [3000, 'D'],
          [1000, 'C'],
          [
            [5000, 'D'],
            [1000, 'C'],
          ],
        ),
      ).toEqual([]);
    });

    it('accepts a fully granted declaration without Clienten (8001)', () => {
      expect(check([15000, 'D'], [15000, 'D'], [], ['8001'])).toEqual([]);
    });
  });

  describe('when the signs do not add up', () => {
    it('rejects a credit total read as debet', () => {
      expect(check([58000, 'C'], [34000, 'D'], [[24000, 'C']])).toEqual([
        expect.objectContaining({
          ruleId: 'TR342',
          location: '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag',
        }),
      ]);
    });

    it('rejects returned debet lines that should have been credit', () => {
      expect(check([58000, 'C'], [34000, 'C'], [[24000, 'D']])).toHaveLength(1);
    });

    it('rejects a difference without returned Prestaties', () => {
      expect(check([15000, 'D'], [10000, 'D'], [])).toHaveLength(1);
    });
  });

  describe('when DeclaratieAntwoord itself is rejected', () => {
    it('requires TotaalToegekendBedrag 0 and ignores the Prestaties', () => {
      expect(check([15000, 'D'], [0, 'D'], [], ['9333'])).toEqual([]);
      expect(check([15000, 'D'], [0, 'D'], [[5000, 'D']], ['0200', '9333'])).toEqual([]);
      expect(check([15000, 'D'], [15000, 'D'], [], ['9333'])).toHaveLength(1);
    });
  });

  describe('when the 325 has no DeclaratieAntwoord (level-2 rejection of the 323)', () => {
    it('has nothing to check', () => {
      expect(TR342.check(wmo325(undefined), EMPTY_RULE_CONTEXT)).toEqual([]);
    });
  });
});
