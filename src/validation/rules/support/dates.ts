/**
 * Date arithmetic on LDT_Datum values (`YYYY-MM-DD`, never a time zone). Comparisons follow the
 * official XSLT, which strips the dashes and compares the result as a number (so a five-digit
 * year still orders correctly). No Date objects, so no time zone can leak in.
 */

/** `2023-04-01` → 20230401. */
export function dateNumber(date: string): number {
  if (date.length === 10) {
    // The common YYYY-MM-DD form, without allocating: ≈ 100k dates in a large declaration.
    return (
      digit(date, 0) * 10_000_000 +
      digit(date, 1) * 1_000_000 +
      digit(date, 2) * 100_000 +
      digit(date, 3) * 10_000 +
      digit(date, 5) * 1_000 +
      digit(date, 6) * 100 +
      digit(date, 8) * 10 +
      digit(date, 9)
    );
  }
  return Number(date.replaceAll('-', ''));
}

function digit(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareDates(a: string, b: string): number {
  if (a.length === 10 && b.length === 10) {
    // Same-length YYYY-MM-DD strings order lexicographically exactly as their numbers do.
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return dateNumber(a) - dateNumber(b);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Splits a `YYYY-MM-DD` date; a longer year is allowed, as xs:date allows it. */
export function splitDate(date: string): CalendarDate {
  const dayStart = date.length - 2;
  const monthStart = date.length - 5;
  return {
    year: Number(date.slice(0, monthStart - 1)),
    month: Number(date.slice(monthStart, monthStart + 2)),
    day: Number(date.slice(dayStart)),
  };
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day after `date`. */
export function nextDay(date: string): string {
  const { year, month, day } = splitDate(date);
  if (day < daysInMonth(year, month)) {
    return formatDate({ year, month, day: day + 1 });
  }
  return month === 12
    ? formatDate({ year: year + 1, month: 1, day: 1 })
    : formatDate({ year, month: month + 1, day: 1 });
}

/**
 * Adds whole months. A day that does not exist in the target month is handled as `overflow`
 * says: `'carry'` rolls into the next month (31 Jan + 1 month = 3 Mar in a common year), as the
 * XSLT's addMonths does by default; `'truncate'` clamps to the month's last day.
 */
export function addMonths(date: string, months: number, overflow: 'carry' | 'truncate'): string {
  const { year, month, day } = splitDate(date);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  if (day <= last) {
    return formatDate({ year: targetYear, month: targetMonth, day });
  }
  if (overflow === 'truncate') {
    return formatDate({ year: targetYear, month: targetMonth, day: last });
  }
  const rolled = addMonths(
    formatDate({ year: targetYear, month: targetMonth, day: 1 }),
    1,
    'truncate',
  );
  return formatDate({ ...splitDate(rolled), day: day - last });
}
