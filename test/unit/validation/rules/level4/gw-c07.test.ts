import { describe, expect, it } from 'vitest';

import { GW_C07 } from '../../../../../src/validation/rules/gw-c07.js';
import {
  declared,
  details,
  judge,
  maintenance,
  registerView,
  start,
  type StartOptions,
} from './contract-register.js';

/** Is maintenance of `month` billable for an aid delivered on `delivered` (and maybe taken back)? */
function billable(month: string, delivered: string, options: StartOptions = {}): boolean {
  const register = registerView({ starts: [start(delivered, options)] });
  return judge(GW_C07, declared([maintenance(month, 466)]), register).length === 0;
}

describe('GW-C07: maintenance only for billable months (15th of the month)', () => {
  describe('the delivery date (the start)', () => {
    it('delivered on day 15: that month is billable; on day 16: from the next month', () => {
      expect(billable('2026-03', '2026-03-15')).toBe(true);
      expect(billable('2026-03', '2026-03-16')).toBe(false);
      expect(billable('2026-04', '2026-03-16')).toBe(true);
    });

    it('delivered on day 1 or on the last day of a 30- or 31-day month', () => {
      expect(billable('2026-03', '2026-03-01')).toBe(true);
      expect(billable('2026-03', '2026-03-31')).toBe(false);
      expect(billable('2026-04', '2026-03-31')).toBe(true);
      expect(billable('2026-04', '2026-04-30')).toBe(false);
      expect(billable('2026-05', '2026-04-30')).toBe(true);
    });

    it('in February of a leap year', () => {
      expect(billable('2028-02', '2028-02-15')).toBe(true);
      expect(billable('2028-02', '2028-02-16')).toBe(false);
      expect(billable('2028-02', '2028-02-29')).toBe(false);
      expect(billable('2028-03', '2028-02-29')).toBe(true);
    });

    it('not for a month before the delivery, across the turn of the year', () => {
      expect(billable('2026-12', '2027-01-05')).toBe(false);
      expect(billable('2027-01', '2026-12-16')).toBe(true);
      expect(billable('2026-12', '2026-12-16')).toBe(false);
    });
  });

  describe('the take-back date (the actual stop)', () => {
    it('taken back on day 15: that month is not billable; on day 16: it is', () => {
      expect(billable('2026-06', '2026-01-05', { stop: '2026-06-15' })).toBe(false);
      expect(billable('2026-05', '2026-01-05', { stop: '2026-06-15' })).toBe(true);
      expect(billable('2026-06', '2026-01-05', { stop: '2026-06-16' })).toBe(true);
      expect(billable('2026-07', '2026-01-05', { stop: '2026-06-16' })).toBe(false);
    });

    it('taken back on the last day of a 30-day month, and on 29 February', () => {
      expect(billable('2026-06', '2026-01-05', { stop: '2026-06-30' })).toBe(true);
      expect(billable('2028-02', '2027-01-05', { stop: '2028-02-29' })).toBe(true);
      expect(billable('2028-02', '2027-01-05', { stop: '2028-02-15' })).toBe(false);
    });

    it('a stop that was deleted again does not count: the aid is still out', () => {
      expect(billable('2026-09', '2026-01-05', { deletedStop: '2026-06-10' })).toBe(true);
    });

    it('delivered on the 20th and taken back on the 3rd of the next month earns no month', () => {
      const register = registerView({ starts: [start('2026-03-20', { stop: '2026-04-03' })] });
      expect(details(GW_C07, declared([maintenance('2026-03', 466)]), register)).toEqual([
        'onderhoud van 2026-03 is niet declarabel: geleverd 2026-03-20, ingenomen 2026-04-03, declarabel geen enkele maand (15e van de maand)',
      ]);
      expect(billable('2026-04', '2026-03-20', { stop: '2026-04-03' })).toBe(false);
    });
  });

  it('reports 0611 at the ProductPeriode with the billable months', () => {
    const register = registerView({ starts: [start('2026-01-16', { stop: '2026-06-10' })] });
    expect(judge(GW_C07, declared([maintenance('2026-06', 466)]), register)).toEqual([
      {
        ruleId: 'GW-C07',
        retourCode: '0611',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode',
        detail:
          'onderhoud van 2026-06 is niet declarabel: geleverd 2026-01-16, ingenomen 2026-06-10, declarabel 2026-02 tot en met 2026-05 (15e van de maand)',
      },
    ]);
    const open = registerView({ starts: [start('2026-01-16')] });
    expect(details(GW_C07, declared([maintenance('2026-01', 466)]), open)).toEqual([
      'onderhoud van 2026-01 is niet declarabel: geleverd 2026-01-16, declarabel vanaf 2026-02 (15e van de maand)',
    ]);
  });

  it('leaves a line without a start to GW-C04 and judges nothing without a register', () => {
    expect(judge(GW_C07, declared([maintenance('2026-03', 466)]), registerView())).toEqual([]);
    expect(judge(GW_C07, declared([maintenance('2026-03', 466)]), undefined)).toEqual([]);
  });
});
