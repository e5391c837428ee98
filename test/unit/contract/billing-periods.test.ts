import { describe, expect, it } from 'vitest';

import {
  addDays,
  billableMonths,
  deliveryInvoiceDeadline,
  isBillableMonth,
  lastDayOfMonth,
  maintenanceInvoiceDeadline,
  monthOf,
  nextMonth,
  previousMonth,
} from '../../../src/contract/index.js';

describe('months', () => {
  it('steps over the turn of the year both ways', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(monthOf('2028-02-29')).toBe('2028-02');
  });

  it.each([
    ['2028-02', '2028-02-29'],
    ['2027-02', '2027-02-28'],
    ['2100-02', '2100-02-28'],
    ['2000-02', '2000-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('the last day of %s is %s (leap years by the Gregorian rule)', (month, last) => {
    expect(lastDayOfMonth(month)).toBe(last);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2028-01-30', 30)).toBe('2028-02-29');
    expect(addDays('2027-01-30', 30)).toBe('2027-03-01');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
  });
});

describe('the 15th-of-the-month rule', () => {
  it.each([
    ['2026-03-01', '2026-03'],
    ['2026-03-15', '2026-03'],
    ['2026-03-16', '2026-04'],
    ['2026-03-31', '2026-04'],
    ['2026-12-16', '2027-01'],
  ])('delivered on %s: maintenance from %s', (delivered, first) => {
    expect(billableMonths(delivered, undefined, 15)).toEqual({ first, last: undefined });
  });

  it.each([
    ['2026-06-15', '2026-05'],
    ['2026-06-16', '2026-06'],
    ['2026-06-01', '2026-05'],
    ['2027-01-10', '2026-12'],
  ])('taken back on %s: maintenance up to %s', (takenBack, last) => {
    expect(billableMonths('2026-01-05', takenBack, 15).last).toBe(last);
  });

  it('earns no month when delivered after the cutoff and taken back before it next month', () => {
    const months = billableMonths('2026-03-20', '2026-04-03', 15);
    expect(months).toEqual({ first: '2026-04', last: '2026-03' });
    expect(isBillableMonth('2026-03', months)).toBe(false);
    expect(isBillableMonth('2026-04', months)).toBe(false);
  });

  it('earns the month itself when delivered and taken back in it around the cutoff', () => {
    const months = billableMonths('2026-05-15', '2026-05-16', 15);
    expect(isBillableMonth('2026-05', months)).toBe(true);
    expect(isBillableMonth('2026-06', months)).toBe(false);
    expect(isBillableMonth('2026-04', months)).toBe(false);
  });

  it('keeps an aid that is still out billable for every later month', () => {
    const months = billableMonths('2026-02-10', undefined, 15);
    expect(isBillableMonth('2026-01', months)).toBe(false);
    expect(isBillableMonth('2026-02', months)).toBe(true);
    expect(isBillableMonth('2031-07', months)).toBe(true);
  });

  it('follows the contract’s cutoff day', () => {
    expect(billableMonths('2026-03-10', '2026-07-10', 10)).toEqual({
      first: '2026-03',
      last: '2026-06',
    });
    expect(billableMonths('2026-03-11', '2026-07-11', 10)).toEqual({
      first: '2026-04',
      last: '2026-07',
    });
  });
});

describe('invoice deadlines', () => {
  it('gives a delivery 30 days after the delivery date', () => {
    expect(deliveryInvoiceDeadline('2026-01-31', 30)).toBe('2026-03-02');
    expect(deliveryInvoiceDeadline('2028-01-31', 30)).toBe('2028-03-01');
  });

  it('gives maintenance 30 days after the last day of its month', () => {
    expect(maintenanceInvoiceDeadline('2028-02', 30)).toBe('2028-03-30');
    expect(maintenanceInvoiceDeadline('2027-02', 30)).toBe('2027-03-30');
    expect(maintenanceInvoiceDeadline('2026-12', 30)).toBe('2027-01-30');
    expect(maintenanceInvoiceDeadline('2026-04', 30)).toBe('2026-05-30');
  });
});
