import { describe, expect, it } from 'vitest';

import {
  calendarMonths,
  calendarWeeks,
  sundaysBetween,
} from '../../../../../src/validation/rules/support/dates-extra.js';
import {
  maxVolumeForPeriod,
  maxVolumeForToewijzing,
} from '../../../../../src/validation/rules/support/volume-limits.js';
import { toewijzing } from './register-fixtures.js';

describe('volume limits (IV076–IV078)', () => {
  it('counts calendar weeks, Sundays and months as the invulinstructies do', () => {
    // IV077: 11-10-2022 t/m 28-12-2022 = week 41 t/m 52; October 4, November 5, December 5 weeks.
    expect(calendarWeeks('2022-10-11', '2022-12-28')).toBe(12);
    expect(calendarWeeks('2022-10-11', '2022-10-31')).toBe(4);
    expect(calendarWeeks('2022-11-01', '2022-11-30')).toBe(5);
    expect(calendarWeeks('2022-12-01', '2022-12-28')).toBe(5);
    expect(sundaysBetween('2022-10-11', '2022-10-31')).toBe(3);
    expect(sundaysBetween('2022-12-01', '2022-12-31')).toBe(4);
    expect(sundaysBetween('2022-12-05', '2022-12-03')).toBe(0);
    expect(calendarMonths('2026-02-10', '2026-12-31')).toBe(11);
  });

  it('inspanning per week: calendar weeks × volume, always 6 weeks for categorie 01', () => {
    const t = toewijzing('1', { ingangsdatum: '2022-10-11', einddatum: '2022-12-28' });
    expect(maxVolumeForPeriod(t, '2022-10-01', '2022-10-31')).toBe(4 * 4 * 60);
    expect(maxVolumeForToewijzing(t)).toBe(12 * 4 * 60);
    const hh = toewijzing('1', { product: { categorie: '01', code: '01A01' } });
    expect(maxVolumeForPeriod(hh, '2026-02-01', '2026-02-28')).toBe(6 * 4 * 60);
  });

  it('output per week: Sundays, plus the broken last week in the month of the last Sunday', () => {
    const t = toewijzing('1', {
      ingangsdatum: '2022-10-11',
      einddatum: '2022-12-31',
      omvang: { volume: 30_000, eenheid: '83', frequentie: '2' },
    });
    expect(maxVolumeForPeriod(t, '2022-10-01', '2022-10-31')).toBe(3 * 30_000);
    expect(maxVolumeForPeriod(t, '2022-11-01', '2022-11-30')).toBe(4 * 30_000);
    expect(maxVolumeForPeriod(t, '2022-12-01', '2022-12-31')).toBe(5 * 30_000);
    expect(maxVolumeForToewijzing(t)).toBe((3 + 4 + 4 + 1) * 30_000);
  });

  it('per dag, per maand and TBGT; no limit for an open end or outside the toewijzing', () => {
    const dag = toewijzing('1', { omvang: { volume: 2, eenheid: '16', frequentie: '1' } });
    expect(maxVolumeForPeriod(dag, '2026-02-01', '2026-02-28')).toBe(56);
    expect(maxVolumeForToewijzing(dag)).toBe(2 * 365);
    const maand = toewijzing('1', { omvang: { volume: 15, eenheid: '04', frequentie: '4' } });
    expect(maxVolumeForPeriod(maand, '2026-02-01', '2026-02-28')).toBe(15 * 60);
    expect(maxVolumeForToewijzing(maand)).toBe(12 * 15 * 60);
    const tbgt = toewijzing('1', {
      omvang: { volume: 40, eenheid: '04', frequentie: '6' },
      einddatum: undefined,
    });
    expect(maxVolumeForToewijzing(tbgt)).toBe(40 * 60);
    expect(maxVolumeForToewijzing(toewijzing('1', { einddatum: undefined }))).toBeUndefined();
    expect(
      maxVolumeForPeriod(toewijzing('1', { omvang: undefined }), '2026-02-01', '2026-02-28'),
    ).toBeUndefined();
    expect(
      maxVolumeForPeriod(toewijzing('1', { einddatum: '2026-01-31' }), '2026-02-01', '2026-02-28'),
    ).toBeUndefined();
  });
});
