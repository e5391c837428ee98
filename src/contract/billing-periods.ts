import { dateOfDayNumber, dayNumber } from './calendar.js';

/**
 * The contract's billing calendar (Gooi en Vechtstreek §7.3, §6.8 req. 88): deadlines after a
 * delivery or a month, and the 15th-of-the-month rule that decides which months of maintenance
 * an aid earns. Pure functions of dates (`YYYY-MM-DD`) and months (`YYYY-MM`).
 */

/** `2028-02-10` → `2028-02`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month after `month` (`2026-12` → `2027-01`). */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `month` (`2027-01` → `2026-12`). */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** First day of a month: `2028-02` → `2028-02-01`. */
export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

/** Last day of a month, leap years included: `2028-02` → `2028-02-29`. */
export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return dateOfDayNumber(Date.UTC(year, m, 0) / 86_400_000);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/**
 * The months an aid earns maintenance for by the 15th-of-the-month rule (cutoff day 15):
 * delivered on day 1–cutoff → from that month, later → from the next month; taken back on day
 * 1–cutoff → up to the month before, later → up to and including that month. `takenBack`
 * undefined means the aid is still out (open-ended). `last` may come before `first` (an aid
 * delivered on the 20th and taken back on the 3rd of the next month earns no month at all).
 */
export function billableMonths(
  delivered: string,
  takenBack: string | undefined,
  cutoffDay: number,
): { readonly first: string; readonly last: string | undefined } {
  const deliveredMonth = monthOf(delivered);
  const first =
    Number(delivered.slice(8, 10)) <= cutoffDay ? deliveredMonth : nextMonth(deliveredMonth);
  if (takenBack === undefined) {
    return { first, last: undefined };
  }
  const backMonth = monthOf(takenBack);
  const last = Number(takenBack.slice(8, 10)) <= cutoffDay ? previousMonth(backMonth) : backMonth;
  return { first, last };
}

/** True when `month` lies in the billable months (see {@link billableMonths}). */
export function isBillableMonth(
  month: string,
  months: { readonly first: string; readonly last: string | undefined },
): boolean {
  return month >= months.first && (months.last === undefined || month <= months.last);
}

/** The last day a delivery on `delivered` may be invoiced (`days` after it, 30 by contract). */
export function deliveryInvoiceDeadline(delivered: string, days: number): string {
  return addDays(delivered, days);
}

/** The last day maintenance for `month` may be invoiced (`days` after the month's last day). */
export function maintenanceInvoiceDeadline(month: string, days: number): string {
  return addDays(lastDayOfMonth(month), days);
}
