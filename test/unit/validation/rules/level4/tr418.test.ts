import { describe, expect, it } from 'vitest';

import { TR418 } from '../../../../../src/validation/rules/tr418.js';
import { gooiRaw, setOf, supplierRaw, voorbeeldRaw } from '../../../contract/contract-fixtures.js';
import { declared, delivery, judge, registerView, start } from './contract-register.js';
import { declaration, from, line, on, priced } from './declarations.js';
import { check } from './level4-fixtures.js';

/** Delivery prices of supplier 12345678 for category 1 (11A01), base 2022 €620.00. */
const WHEELCHAIR = { 2022: 62_000, 2023: 64_387, 2024: 66_293, 2025: 68_361, 2026: 69_967 };

function wheelchairOn(date: string, tarief: number) {
  return declaration([priced('11A01', '11', tarief, on(date))]);
}

describe('TR418', () => {
  describe('indexation by year (§7.4: from 1 January, compounding, two decimals)', () => {
    it('compounds each year on the rounded price of the year before', () => {
      for (const [year, price] of Object.entries(WHEELCHAIR)) {
        const date = year === '2022' ? '2022-06-15' : `${year}-06-15`;
        expect(check(TR418, wheelchairOn(date, price)), year).toEqual([]);
      }
    });

    it('accepts the 2025 price on 31 December 2025 and refuses the 2026 price', () => {
      expect(check(TR418, wheelchairOn('2025-12-31', WHEELCHAIR[2025]))).toEqual([]);
      const [violation] = check(TR418, wheelchairOn('2025-12-31', WHEELCHAIR[2026]));
      expect(violation?.detail).toContain('69967 is de prijs van 2026');
    });

    it('refuses the 2025 price on 1 January 2026 and names the year it belongs to', () => {
      expect(check(TR418, wheelchairOn('2026-01-01', WHEELCHAIR[2026]))).toEqual([]);
      const violations = check(TR418, wheelchairOn('2026-01-01', WHEELCHAIR[2025]));
      expect(violations).toEqual([
        {
          ruleId: 'TR418',
          retourCode: '0611',
          level: 4,
          location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductTarief',
          detail: expect.stringMatching(
            /^ProductTarief 68361 is niet het contracttarief 69967 van 11A01 in 2026 \(gooi-en-vechtstreek-hulpmiddelen@2026\.1 sha256:[0-9a-f]{16}\); 68361 is de prijs van 2025/,
          ),
        },
      ]);
    });

    it('uses the first day of the ProductPeriode for the year', () => {
      const period = declaration([
        priced('11A01', '11', WHEELCHAIR[2025], from('2025-12-31', '2026-01-01')),
      ]);
      expect(check(TR418, period)).toEqual([]);
    });

    describe('with the register: the year of the delivery date (the start)', () => {
      it('prices a January line of an aid delivered on 31 December at December’s price', () => {
        const register = registerView({ starts: [start('2025-12-31')] });
        const msg = declared([delivery('2026-01', { ProductTarief: WHEELCHAIR[2025] })]);
        expect(judge(TR418, msg, register)).toEqual([]);
        const at2026 = declared([delivery('2026-01', { ProductTarief: WHEELCHAIR[2026] })]);
        expect(judge(TR418, at2026, register)[0]?.detail).toContain(
          `contracttarief ${String(WHEELCHAIR[2025])} van 11A01 in 2025`,
        );
      });

      it('prices an aid delivered on 1 January at the new price', () => {
        const register = registerView({ starts: [start('2026-01-01')] });
        const at = (tarief: number) =>
          judge(TR418, declared([delivery('2026-01', { ProductTarief: tarief })]), register);
        expect(at(WHEELCHAIR[2026])).toEqual([]);
        expect(at(WHEELCHAIR[2025])).toHaveLength(1);
      });
    });

    it('keeps the last published price in a year without a percentage yet', () => {
      expect(check(TR418, wheelchairOn('2027-03-01', WHEELCHAIR[2026]))).toEqual([]);
    });

    it('prices a leap day in its own year', () => {
      const raw = gooiRaw();
      raw.indexation.percentages.push({ year: 2027, percent: 1.5 }, { year: 2028, percent: 2 });
      const contracts = setOf(raw, voorbeeldRaw());
      // 69967 × 1.015 = 71016.5 → 71017; × 1.02 = 72437.34 → 72437
      expect(check(TR418, wheelchairOn('2028-02-29', 72_437), { contracts })).toEqual([]);
      expect(check(TR418, wheelchairOn('2028-02-29', 71_017), { contracts })).toHaveLength(1);
      expect(check(TR418, wheelchairOn('2027-12-31', 71_017), { contracts })).toEqual([]);
    });

    it('rounds half up to the cent and allows a negative index', () => {
      const raw = gooiRaw();
      const price = supplierRaw(raw, '12345678').prices['1'];
      if (price !== undefined) {
        price['delivery'] = 100_050;
        price['maintenancePerYear'] = 10_000;
      }
      raw.indexation.percentages = [{ year: 2023, percent: -0.5 }];
      const contracts = setOf(raw, voorbeeldRaw());
      // 100050 × 0.995 = 99549.75 → 99550
      expect(check(TR418, wheelchairOn('2023-05-01', 99_550), { contracts })).toEqual([]);
      expect(check(TR418, wheelchairOn('2023-05-01', 99_549), { contracts })).toHaveLength(1);
    });
  });

  describe('the driving lesson (12A12, €80 excl. VAT per lesson, §7.1)', () => {
    const lesson = (tarief: number, supplier = '12345678', raw = gooiRaw()) =>
      check(
        TR418,
        declaration(
          [priced('12A12', '12', tarief, from('2026-03-02', '2026-03-09'), { GeleverdVolume: 2 })],
          {
            supplier,
          },
        ),
        { contracts: setOf(raw, voorbeeldRaw()) },
      );

    it('accepts €80 per lesson in every year (the sample does not index it)', () => {
      expect(lesson(8_000)).toEqual([]);
      expect(lesson(8_188)).toHaveLength(1);
    });

    it('follows the contract when it says otherwise: another fee, or indexed', () => {
      const raw = gooiRaw();
      const lessonProduct = raw.catalogue.find((p) => p['iwmoCode'] === '12A12');
      if (lessonProduct !== undefined) {
        lessonProduct.pricing['tariff'] = 8_500;
      }
      expect(lesson(8_500, '12345678', raw)).toEqual([]);
      expect(lesson(8_000, '12345678', raw)).toHaveLength(1);
      const indexed = gooiRaw();
      const indexedLesson = indexed.catalogue.find((p) => p['iwmoCode'] === '12A12');
      if (indexedLesson !== undefined) {
        indexedLesson.pricing['indexed'] = true;
      }
      // 8000 → 8308 → 8554 → 8821 → 9028
      expect(lesson(9_028, '12345678', indexed)).toEqual([]);
      expect(lesson(8_000, '12345678', indexed)).toHaveLength(1);
    });

    it("takes a supplier's own lesson tariff from its price list", () => {
      const raw = gooiRaw();
      supplierRaw(raw, '23456789').prices['rijles'] = { unitTariff: 7_500 };
      expect(lesson(7_500, '23456789', raw)).toEqual([]);
      expect(lesson(8_000, '12345678', raw)).toEqual([]);
    });
  });

  describe('lines it does not judge', () => {
    it('leaves a price by quote (category 7), maintenance, a credit and an uncovered line alone', () => {
      const msg = declaration([
        priced('11A13', '11', 123_456, on('2026-01-20')),
        line({
          ProductPeriode: from('2026-01-01', '2026-01-31'),
          Eenheid: '83',
          GeleverdVolume: 413,
          IngediendBedrag: { Bedrag: 413, DebetCredit: 'D' },
        }),
        priced('11A01', '11', 1, on('2026-01-12'), {
          IngediendBedrag: { Bedrag: 1, DebetCredit: 'C' },
        }),
        priced('11A01', '11', 1, on('2030-06-01')),
      ]);
      expect(check(TR418, msg)).toEqual([]);
    });

    it('does not judge a gemeente without a contract', () => {
      expect(
        check(
          TR418,
          declaration([priced('11A01', '11', 1, on('2026-01-12'))], { gemeente: '0363' }),
        ),
      ).toEqual([]);
    });
  });

  describe('an hourly tariff declared in minutes (IV081)', () => {
    const minutes = (tarief: number) =>
      check(
        TR418,
        declaration(
          [
            priced('01A01', '01', tarief, from('2026-03-01', '2026-03-31'), {
              GeleverdVolume: 50,
              Eenheid: '01',
            }),
          ],
          { gemeente: '0363' },
        ),
      );

    it('wants the minute tariff uurtarief / 60 rounded: 3200 / 60 = 53.33 → 53', () => {
      expect(minutes(53)).toEqual([]);
      expect(minutes(54)).toHaveLength(1);
    });
  });

  it('judges every line and points at each ProductTarief', () => {
    const msg = declaration([
      priced('11A01', '11', 1, on('2026-01-12')),
      priced('11A02', '11', 2, on('2026-01-13')),
    ]);
    expect(check(TR418, msg).map((v) => v.location)).toEqual([
      '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[1]/ProductTarief',
      '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductTarief',
    ]);
  });
});
