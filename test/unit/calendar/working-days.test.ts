import { describe, expect, it } from 'vitest';

import {
  addWorkingDays,
  deadlineOf,
  dutchDate,
  dutchDayStart,
  dutchHolidays,
  easterSunday,
  isWorkingDay,
  kingsDay,
  workingDaysBetween,
} from '../../../src/calendar/index.js';

describe('easterSunday', () => {
  it.each([
    [1943, '1943-04-25'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('computes Easter %i as %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('dutchHolidays', () => {
  it('lists the eleven national holidays of 2026', () => {
    expect(dutchHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  describe('when 27 April is a Sunday', () => {
    it('moves Koningsdag to Saturday 26 April', () => {
      expect(kingsDay(2025)).toBe('2025-04-26');
      expect(kingsDay(2031)).toBe('2031-04-26');
      expect(kingsDay(2026)).toBe('2026-04-27');
    });
  });

  it('counts Bevrijdingsdag every year, not only every fifth', () => {
    expect(isWorkingDay('2026-05-05')).toBe(false);
    expect(isWorkingDay('2027-05-05')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends and holidays and true on other weekdays', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Goede Vrijdag
    expect(isWorkingDay('2026-05-14')).toBe(false); // Hemelvaartsdag
  });
});

describe('addWorkingDays', () => {
  it('skips Christmas and the weekend after it', () => {
    expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-30');
  });

  it('skips Goede Vrijdag and Tweede Paasdag', () => {
    expect(addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
  });

  it('gives ten working days for a declaration across a weekend', () => {
    expect(addWorkingDays('2026-11-23', 10)).toBe('2026-12-07');
  });
});

describe('workingDaysBetween', () => {
  it('counts forwards and backwards', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(workingDaysBetween('2026-11-23', '2026-11-20')).toBe(-1);
    expect(workingDaysBetween('2026-12-24', '2026-12-30')).toBe(3);
  });
});

describe('deadlineOf', () => {
  describe('when more than one working day is left', () => {
    it('is open', () => {
      expect(deadlineOf('2026-11-23', 3, '2026-11-23')).toEqual({
        dueDate: '2026-11-26',
        workingDaysLeft: 3,
        state: 'open',
      });
    });
  });

  describe('when the due date is the next working day', () => {
    it('is at risk', () => {
      expect(deadlineOf('2026-11-20', 3, '2026-11-24').state).toBe('at-risk');
    });
  });

  describe('when the due date has passed', () => {
    it('is overdue with a negative number of days left', () => {
      const deadline = deadlineOf('2026-11-16', 3, '2026-11-23');
      expect(deadline.state).toBe('overdue');
      expect(deadline.workingDaysLeft).toBe(-2);
    });
  });
});

describe('dutch time', () => {
  it('finds local midnight in winter and summer', () => {
    expect(dutchDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(dutchDayStart('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(dutchDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('gives the Dutch date of an instant', () => {
    expect(dutchDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
  });
});
