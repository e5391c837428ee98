/**
 * Calendar dates (`YYYY-MM-DD`, LDT_Datum: no time, no zone) for contract and code-list periods.
 * Day numbers count days since 1970-01-01 in UTC, which has no daylight saving, so consecutive
 * dates always differ by exactly one.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for an existing calendar date in `YYYY-MM-DD` form (so 2023-02-29 is false). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) {
    return false;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** `1970-01-02` → 1. The date must be a valid `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The inverse of {@link dayNumber}. */
export function dateOfDayNumber(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** An inclusive period of calendar dates; no `end` means open-ended. */
export interface DatePeriod {
  readonly start: string;
  readonly end?: string | undefined;
}

/** True when `date` lies in `period` (both ends inclusive). */
export function periodContains(period: DatePeriod, date: string): boolean {
  return period.start <= date && (period.end === undefined || date <= period.end);
}

/** True when two inclusive periods share at least one day. */
export function periodsOverlap(a: DatePeriod, b: DatePeriod): boolean {
  return (a.end === undefined || b.start <= a.end) && (b.end === undefined || a.start <= b.end);
}
