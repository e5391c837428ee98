import { describe, expect, it } from 'vitest';

import type { RegisterView } from '../../../../../src/domain/register/index.js';
import type { Wmo323Message } from '../../../../../src/model/index.js';
import { gooiRaw, setOf, supplierRaw } from '../../../contract/contract-fixtures.js';
import { declared, delivery, maintenance, registerView, start } from './contract-register.js';
import { from, priced } from './declarations.js';
import { checkAll } from './level4-fixtures.js';

/**
 * The contract rules together, as the level-4 stage runs them with the register: each fault of
 * a line is reported by one rule, with one reason.
 */

/** The rule ids level 4 reports for `msg`, invoiced (and dated) on `invoiced`. */
function ruleIds(
  lines: Parameters<typeof declared>[0],
  invoiced: string,
  register: RegisterView,
  contracts = setOf(gooiRaw()),
): string[] {
  const msg: Wmo323Message = declared(lines, {
    dagtekening: invoiced,
    declaratieDagtekening: invoiced,
  });
  return checkAll(msg, { register, contracts, today: invoiced }).map((v) => v.ruleId);
}

/** The sample contract with a 2027 index of 3.1 %: the 2027 wheelchair costs 72 136. */
function with2027Index() {
  const raw = gooiRaw();
  raw.indexation.percentages.push({ year: 2027, percent: 3.1 });
  return setOf(raw);
}

describe('the contract rules with the register, together', () => {
  describe('a delivery around the turn of the year (indexation)', () => {
    const contracts = with2027Index();

    it('delivered on 31 December: declared in December at that year’s price', () => {
      const register = registerView({ starts: [start('2026-12-31')] });
      expect(ruleIds([delivery('2026-12')], '2027-01-10', register, contracts)).toEqual([]);
    });

    it('delivered on 1 January: the new price, and the old one is TR418’s alone', () => {
      const register = registerView({ starts: [start('2027-01-01')] });
      const at = (tarief: number) =>
        ruleIds(
          [delivery('2027-01', { ProductTarief: tarief })],
          '2027-01-10',
          register,
          contracts,
        );
      expect(at(72_136)).toEqual([]);
      expect(at(69_967)).toEqual(['TR418']);
    });

    it('delivered on 31 December but declared in January: the period is wrong, not the price', () => {
      const register = registerView({ starts: [start('2026-12-31')] });
      expect(ruleIds([delivery('2027-01')], '2027-01-10', register, contracts)).toEqual(['GW-C04']);
      // at the January price the line is wrong twice: the period (GW-C04) and the price (TR418)
      expect(
        ruleIds(
          [delivery('2027-01', { ProductTarief: 72_136 })],
          '2027-01-10',
          register,
          contracts,
        ).sort(),
      ).toEqual(['GW-C04', 'TR418']);
    });
  });

  describe('a phase of the contract that was not exercised (option 2 from 2028-04-01)', () => {
    const register = registerView({ starts: [start('2026-01-05')] });

    it('maintenance of March 2028 is contracted, April 2028 is GW-C01’s alone', () => {
      expect(ruleIds([maintenance('2028-03', 466)], '2028-04-10', register)).toEqual([]);
      expect(ruleIds([maintenance('2028-04', 466)], '2028-05-10', register)).toEqual(['GW-C01']);
    });

    it('a delivery in April 2028 is GW-C01’s alone', () => {
      const delivered = registerView({ starts: [start('2028-04-03')] });
      expect(ruleIds([delivery('2028-04')], '2028-04-10', delivered)).toEqual(['GW-C01']);
    });
  });

  describe('a supplier that leaves the contract on 15 June 2026', () => {
    const raw = gooiRaw();
    const supplier = supplierRaw(raw, '12345678');
    supplier.periods = [{ start: '2022-04-01', end: '2026-06-15' }];
    const contracts = setOf(raw);
    const register = registerView({ starts: [start('2026-01-05')] });

    it('may declare May; June (half a month without contract) is GW-C01’s alone', () => {
      expect(ruleIds([maintenance('2026-05', 466)], '2026-06-10', register, contracts)).toEqual([]);
      expect(ruleIds([maintenance('2026-06', 466)], '2026-07-10', register, contracts)).toEqual([
        'GW-C01',
      ]);
    });
  });

  describe('the orthosis (11A04, category 2c)', () => {
    const register = registerView({ starts: [start('2026-03-10')] });

    it('is delivered at the 2c price (185 000 indexed to 2026 = 208 776)', () => {
      const orthosis = (tarief: number) =>
        delivery('2026-03', { ProductCode: '11A04', ProductTarief: tarief });
      expect(ruleIds([orthosis(208_776)], '2026-03-20', register)).toEqual([]);
      expect(ruleIds([orthosis(69_967)], '2026-03-20', register)).toEqual(['TR418']);
    });

    it('has no maintenance: GW-C03 alone', () => {
      const line = maintenance('2026-04', 466, { ProductCode: '11A04' });
      expect(ruleIds([line], '2026-05-10', register)).toEqual(['GW-C03']);
    });
  });

  describe('the driving lesson (12A12)', () => {
    it('needs no start and costs €80 per lesson; another amount is TR418’s', () => {
      const lesson = (tarief: number) =>
        priced('12A12', '12', tarief, from('2026-03-01', '2026-03-31'), {
          ToewijzingNummer: '5001',
          GeleverdVolume: 2,
        });
      expect(ruleIds([lesson(8_000)], '2026-04-10', registerView())).toEqual([]);
      expect(ruleIds([lesson(8_500)], '2026-04-10', registerView())).toEqual(['TR418']);
    });
  });

  it('a maintenance month that is not billable is GW-C07’s alone, not GW-C08’s too', () => {
    const register = registerView({ starts: [start('2026-03-16')] });
    expect(ruleIds([maintenance('2026-03', 466)], '2026-04-10', register)).toEqual(['GW-C07']);
  });
});
