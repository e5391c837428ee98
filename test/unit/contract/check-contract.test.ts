import { describe, expect, it } from 'vitest';

import { gooiRaw, problemsOf, type Raw, supplierRaw } from './contract-fixtures.js';

/** Supplier 12345678's price of category 1 is €620.00 delivery. */
function withPrice(edit: (price: Record<string, unknown>) => void, category = '1'): Raw {
  const raw = gooiRaw();
  const price = supplierRaw(raw, '12345678').prices[category];
  if (price === undefined) {
    throw new Error(`no price for ${category}`);
  }
  edit(price);
  return raw;
}

describe('checkContract', () => {
  describe('maintenance between 5 % and 15 % of the delivery price (§7.2)', () => {
    it.each([
      [3100, true],
      [3099, false],
      [9300, true],
      [9301, false],
    ])('maintenance %i on a delivery price of 62000 is valid: %s', (maintenance, valid) => {
      const problems = problemsOf(
        withPrice((price) => {
          price['maintenancePerYear'] = maintenance;
        }),
      );
      if (valid) {
        expect(problems).toEqual([]);
      } else {
        expect(problems).toEqual([
          expect.stringMatching(
            /not between 5 % and 15 % of the delivery price 62000[\s\S]*→ at suppliers\[0\]\.prices\.1\.maintenancePerYear/,
          ),
        ]);
      }
    });

    it('takes the bounds from the contract file', () => {
      const raw = withPrice((price) => {
        price['maintenancePerYear'] = 3100;
      });
      (raw['limits'] as Record<string, unknown>)['maintenancePercentOfDelivery'] = {
        min: 6,
        max: 15,
      };
      expect(problemsOf(raw)).toHaveLength(1);
    });
  });

  describe('discount between 10 % and 25 % (§7.1)', () => {
    it.each([
      [10, true],
      [9.99, false],
      [25, true],
      [25.01, false],
      [12.345, false],
    ])('a discount of %s % is valid: %s', (discount, valid) => {
      const problems = problemsOf(
        withPrice((price) => {
          price['discountPercent'] = discount;
        }, '7'),
      );
      expect(problems.length === 0).toBe(valid);
      if (!valid) {
        expect(problems.join('\n')).toContain('→ at suppliers[0].prices.7.discountPercent');
      }
    });
  });

  describe('when the orthosis (11A04) gets a maintenance tariff', () => {
    it('refuses it: no separate maintenance for an orthosis', () => {
      const problems = problemsOf(
        withPrice((price) => {
          price['maintenancePerYear'] = 15000;
        }, '2c'),
      );
      expect(problems).toEqual([
        expect.stringMatching(
          /category 2c \(11A04\) has no separate maintenance tariff[\s\S]*prices\.2c\.maintenancePerYear/,
        ),
      ]);
    });
  });

  describe('when a price list is incomplete or has stray fields', () => {
    it('names every missing and every superfluous field', () => {
      const raw = gooiRaw();
      const prices = supplierRaw(raw, '23456789').prices;
      delete prices['8a'];
      prices['13'] = { delivery: 100000 };
      prices['99'] = { delivery: 1 };
      const text = problemsOf(raw).join('\n');
      expect(text).toContain('→ at suppliers[1].prices.8a.delivery');
      expect(text).toContain('→ at suppliers[1].prices.8a.maintenancePerYear');
      expect(text).toContain('→ at suppliers[1].prices.13.discountPercent');
      expect(text).toContain('→ at suppliers[1].prices.13.delivery');
      expect(text).toContain('category 99 is not in the catalogue');
    });
  });

  describe('unique codes', () => {
    it('refuses a second product with the same iWmo code or category label', () => {
      const raw = gooiRaw();
      const copy = { ...raw.catalogue[0], category: '1-bis' } as Raw['catalogue'][number];
      raw.catalogue.push(copy);
      raw.catalogue.push({ ...(raw.catalogue[1] as Raw['catalogue'][number]), iwmoCode: '11A99' });
      const text = problemsOf(raw).join('\n');
      expect(text).toContain('iwmoCode 11A01 is not unique (also at catalogue[0])');
      expect(text).toContain('category 2a is not unique (also at catalogue[1])');
    });

    it('refuses a second supplier with the same AGB code', () => {
      const raw = gooiRaw();
      raw.suppliers.push({ ...supplierRaw(raw, '12345678'), rank: 4 });
      expect(problemsOf(raw).join('\n')).toContain('agbCode 12345678 is not unique');
    });

    it('refuses a product of a category outside the scope', () => {
      const raw = gooiRaw();
      (raw.catalogue[0] as Record<string, unknown>)['iwmoCategory'] = '14';
      expect(problemsOf(raw).join('\n')).toContain('category 14 is not in scope.productCategories');
    });
  });

  describe('periods that do not overlap', () => {
    it('refuses overlapping phases', () => {
      const raw = gooiRaw();
      (raw.phases[1] as Record<string, unknown>)['start'] = '2026-03-31';
      expect(problemsOf(raw).join('\n')).toContain('phase overlaps phases[0]');
    });

    it('accepts phases that touch (31 March, 1 April)', () => {
      expect(problemsOf(gooiRaw())).toEqual([]);
    });

    it('refuses a phase that ends before it starts, and an option before the initial period', () => {
      const raw = gooiRaw();
      raw.phases[0] = {
        id: 'initial',
        kind: 'initial',
        start: '2022-04-01',
        end: '2022-03-31',
        exercised: true,
      };
      raw.phases.push({
        id: 'early',
        kind: 'option',
        start: '2020-01-01',
        end: '2020-12-31',
        exercised: false,
      });
      const text = problemsOf(raw).join('\n');
      expect(text).toContain('ends (2022-03-31) before it starts');
      expect(text).toContain('the earliest phase must be the initial one');
    });

    it('refuses overlapping periods of one supplier and one rank held twice at once', () => {
      const raw = gooiRaw();
      supplierRaw(raw, '34567890').periods = [
        { start: '2022-04-01', end: '2026-06-15' },
        { start: '2026-06-15', end: '2030-03-31' },
      ];
      supplierRaw(raw, '23456789').rank = 1;
      const text = problemsOf(raw).join('\n');
      expect(text).toContain('period overlaps suppliers[2].periods[0]');
      expect(text).toContain('rank 1 is held by two suppliers at once');
    });

    it('accepts a rank handed over mid-month (waiting-room contract, §1.9)', () => {
      const raw = gooiRaw();
      supplierRaw(raw, '34567890').periods = [{ start: '2022-04-01', end: '2026-06-15' }];
      raw.suppliers.push({
        ...supplierRaw(raw, '34567890'),
        agbCode: '45678901',
        name: 'Wachtkamer B.V. (fictief)',
        periods: [{ start: '2026-06-16', end: '2030-03-31' }],
      });
      expect(problemsOf(raw)).toEqual([]);
    });

    it('refuses a supplier period outside the contract', () => {
      const raw = gooiRaw();
      supplierRaw(raw, '12345678').periods = [{ start: '2022-03-31', end: '2030-03-31' }];
      expect(problemsOf(raw).join('\n')).toContain(
        'lies outside the contract (2022-04-01 – 2030-03-31)',
      );
    });

    it('refuses the same gemeente twice at once, and accepts it with periods apart', () => {
      const raw = gooiRaw();
      raw.municipalities.push({ cbsCode: '0402', name: 'Hilversum' });
      expect(problemsOf(raw).join('\n')).toContain('gemeente 0402 overlaps municipalities[3]');
      raw.municipalities[3] = {
        cbsCode: '0402',
        name: 'Hilversum',
        period: { start: '2022-04-01', end: '2024-12-31' },
      };
      raw.municipalities[7] = {
        cbsCode: '0402',
        name: 'Hilversum',
        period: { start: '2025-01-01' },
      };
      expect(problemsOf(raw)).toEqual([]);
    });
  });

  describe('indexation', () => {
    it('refuses a gap in the years and a year given twice', () => {
      const raw = gooiRaw();
      raw.indexation.percentages = [
        { year: 2023, percent: 1 },
        { year: 2023, percent: 2 },
        { year: 2025, percent: 3 },
      ];
      const text = problemsOf(raw).join('\n');
      expect(text).toContain('year 2023 is not unique');
      expect(text).toContain('expected 2024, found 2025');
    });

    it('refuses more than two decimals', () => {
      const raw = gooiRaw();
      raw.indexation.percentages = [{ year: 2023, percent: 2.345 }];
      expect(problemsOf(raw).join('\n')).toContain('at most two decimals');
    });
  });

  it('refuses a delivery unit equal to the maintenance unit', () => {
    const raw = gooiRaw();
    (raw['billing'] as Record<string, unknown>)['maintenanceUnit'] = '82';
    expect(problemsOf(raw).join('\n')).toContain('must differ from billing.deliveryUnit');
  });
});
