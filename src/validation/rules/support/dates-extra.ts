import { daysInMonth, splitDate } from './dates.js';

/**
 * Calendar arithmetic for the volume rules (IV076–IV078): day numbers, ISO weeks, Sundays.
 * Pure functions of `YYYY-MM-DD` strings; Date.UTC is used as a calendar only, never as a clock.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export function dayNumber(date: string): number {
  const { year, month, day } = splitDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
function weekday(day: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((day + 3) % 7) + 7) % 7;
}

export function isSunday(date: string): boolean {
  return weekday(dayNumber(date)) === 6;
}

/** Days in [begin, end], both included. */
export function daysBetween(begin: string, end: string): number {
  return dayNumber(end) - dayNumber(begin) + 1;
}

/** Number of calendar (ISO, Monday-based) weeks that [begin, end] touches (IV077). */
export function calendarWeeks(begin: string, end: string): number {
  const b = dayNumber(begin);
  const e = dayNumber(end);
  const mondayB = b - weekday(b);
  const mondayE = e - weekday(e);
  return (mondayE - mondayB) / 7 + 1;
}

/** Sundays in [begin, end] (IV076 output method). */
export function sundaysBetween(begin: string, end: string): number {
  const b = dayNumber(begin);
  const e = dayNumber(end);
  if (e < b) {
    return 0;
  }
  const firstSunday = b + ((6 - weekday(b) + 7) % 7);
  return firstSunday > e ? 0 : Math.floor((e - firstSunday) / 7) + 1;
}

/** The Sunday on or before `date`. */
export function sundayOnOrBefore(date: string): number {
  const d = dayNumber(date);
  return d - ((weekday(d) + 1) % 7);
}

/** Calendar months that [begin, end] touches. */
export function calendarMonths(begin: string, end: string): number {
  const b = splitDate(begin);
  const e = splitDate(end);
  return e.year * 12 + e.month - (b.year * 12 + b.month) + 1;
}

/** The last day of the month of `date`. */
export function lastDayOfMonth(date: string): number {
  const { year, month } = splitDate(date);
  return daysInMonth(year, month);
}

export function sameMonth(a: string, b: string): boolean {
  const x = splitDate(a);
  const y = splitDate(b);
  return x.year === y.year && x.month === y.month;
}
