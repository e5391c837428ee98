import { addDays, isDutchHoliday, type IsoDate, weekday } from './dutch-holidays.js';

/**
 * Werkdagen (fact sheet §7.3): Monday to Friday except Dutch national public holidays
 * (`dutch-holidays.ts`). The iWmo deadlines count them from the day a heen message was received.
 */
export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isDutchHoliday(date);
}

/**
 * The date `count` working days after `date` (the day itself does not count): a retour for a
 * message received on Thursday 2026-12-24 within 3 werkdagen is due on Wednesday 2026-12-30.
 */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  let current = date;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) {
      left -= 1;
    }
  }
  return current;
}

/**
 * Working days from `from` to `to`: how many working days lie after `from` up to and including
 * `to`; negative when `to` is before `from`. 0 when both are the same day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to === from) {
    return 0;
  }
  const sign = to > from ? 1 : -1;
  let count = 0;
  let current = from;
  // Deadlines are days to weeks apart; a bounded walk is simpler than a closed formula with holidays.
  for (let guard = 0; current !== to && guard < 3660; guard += 1) {
    current = addDays(current, sign);
    if (isWorkingDay(sign > 0 ? current : addDays(current, 1))) {
      count += 1;
    }
  }
  return sign * count;
}
