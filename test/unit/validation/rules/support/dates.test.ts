import { describe, expect, it } from 'vitest';

import {
  addMonths,
  compareDates,
  dateNumber,
  daysInMonth,
  isLeapYear,
  nextDay,
  splitDate,
} from '../../../../../src/validation/rules/support/dates.js';

describe('dates', () => {
  describe('when comparing', () => {
    it('orders calendar dates as the XSLT does (dashes stripped, numeric)', () => {
      expect(dateNumber('2023-04-01')).toBe(20230401);
      expect(compareDates('2023-04-01', '2023-04-02')).toBeLessThan(0);
      expect(compareDates('2023-04-01', '2023-04-01')).toBe(0);
      expect(compareDates('10000-01-01', '9999-12-31')).toBeGreaterThan(0);
    });
  });

  describe('when the year is a leap year', () => {
    it('follows the Gregorian rule', () => {
      expect(isLeapYear(2024)).toBe(true);
      expect(isLeapYear(2023)).toBe(false);
      expect(isLeapYear(2000)).toBe(true);
      expect(isLeapYear(2100)).toBe(false);
      expect(daysInMonth(2024, 2)).toBe(29);
      expect(daysInMonth(2023, 2)).toBe(28);
      expect(daysInMonth(2023, 4)).toBe(30);
      expect(daysInMonth(2023, 12)).toBe(31);
    });
  });

  describe('when stepping days and months', () => {
    it('rolls over month and year ends', () => {
      expect(nextDay('2024-02-28')).toBe('2024-02-29');
      expect(nextDay('2024-02-29')).toBe('2024-03-01');
      expect(nextDay('2023-02-28')).toBe('2023-03-01');
      expect(nextDay('2026-12-31')).toBe('2027-01-01');
    });

    it('adds months with carry or truncation of a missing day', () => {
      expect(addMonths('2026-03-01', 1, 'carry')).toBe('2026-04-01');
      expect(addMonths('2026-12-01', 1, 'carry')).toBe('2027-01-01');
      expect(addMonths('2023-01-31', 1, 'carry')).toBe('2023-03-03');
      expect(addMonths('2023-01-31', 1, 'truncate')).toBe('2023-02-28');
      expect(addMonths('2024-02-29', -60, 'truncate')).toBe('2019-02-28');
      expect(addMonths('2026-04-06', -60, 'truncate')).toBe('2021-04-06');
    });

    it('splits dates with a long year', () => {
      expect(splitDate('12023-05-06')).toEqual({ year: 12023, month: 5, day: 6 });
    });
  });
});
