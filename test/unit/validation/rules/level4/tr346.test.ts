import { describe, expect, it } from 'vitest';

import { TR346 } from '../../../../../src/validation/rules/tr346.js';
import { gooiRaw, setOf, voorbeeldRaw } from '../../../contract/contract-fixtures.js';
import { declaration, from, line } from './declarations.js';
import { check } from './level4-fixtures.js';

const MARCH = from('2026-03-01', '2026-03-31');

/** A line of 01A01 (contract: €32.00 per hour) for Amsterdam. */
function care(
  eenheid: string,
  volume: number,
  tarief: number,
  bedrag: number,
  dc: 'D' | 'C' = 'D',
) {
  return declaration(
    [
      line({
        ProductCode: '01A01',
        ProductCategorie: '01',
        ProductPeriode: MARCH,
        Eenheid: eenheid,
        GeleverdVolume: volume,
        ProductTarief: tarief,
        IngediendBedrag: { Bedrag: bedrag, DebetCredit: dc },
      }),
    ],
    { gemeente: '0363' },
  );
}

describe('TR346', () => {
  it('accepts volume × tariff and refuses one cent off, on debets and credits', () => {
    expect(check(TR346, care('04', 12, 3_200, 38_400))).toEqual([]);
    expect(check(TR346, care('04', 12, 3_200, 38_401))).toEqual([
      {
        ruleId: 'TR346',
        retourCode: '9346',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/Bedrag',
        detail: 'IngediendBedrag 38401 is niet 38400',
      },
    ]);
    expect(check(TR346, care('04', 12, 3_200, 38_399, 'C'))).toHaveLength(1);
  });

  describe('minutes of an hourly contract tariff (IV081)', () => {
    it('computes uurtarief × minutes / 60, not minutes × the rounded minute tariff', () => {
      // 3200 × 50 / 60 = 2666.67 → 2667; 50 × 53 = 2650.
      expect(check(TR346, care('01', 50, 53, 2_667))).toEqual([]);
      expect(check(TR346, care('01', 50, 53, 2_650))).toHaveLength(1);
    });

    it('rounds half a cent up', () => {
      const raw = voorbeeldRaw();
      const product = raw.catalogue.find((p) => p['iwmoCode'] === '01A01');
      if (product !== undefined) {
        product.pricing['tariff'] = 3_030;
      }
      const contracts = setOf(gooiRaw(), raw);
      // 3030 × 1 / 60 = 50.5 → 51
      expect(check(TR346, care('01', 1, 51, 51), { contracts })).toEqual([]);
      expect(check(TR346, care('01', 1, 51, 50), { contracts })).toHaveLength(1);
    });

    it('falls back to volume × tariff without a contract hourly tariff', () => {
      const msg = care('01', 50, 53, 2_650);
      const elsewhere = { ...msg, header: { ...msg.header, Ontvanger: '0518' } };
      expect(check(TR346, elsewhere)).toEqual([]);
    });
  });

  it('wants IngediendBedrag = GeleverdVolume in euros (as CS339) and skips a line without tariff', () => {
    const euro = (bedrag: number) =>
      declaration([
        line({
          ProductPeriode: MARCH,
          Eenheid: '83',
          GeleverdVolume: 5_000,
          IngediendBedrag: { Bedrag: bedrag, DebetCredit: 'D' },
        }),
      ]);
    const withoutTariff = euro(5_000);
    expect(check(TR346, withoutTariff)).toEqual([]);
    expect(check(TR346, euro(5_001))).toHaveLength(1);
  });
});
