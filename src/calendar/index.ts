export { type Deadline, deadlineOf, type DeadlineState } from './deadline.js';
export {
  addDays,
  dutchHolidays,
  easterSunday,
  type Holiday,
  isDutchHoliday,
  type IsoDate,
  kingsDay,
  weekday,
} from './dutch-holidays.js';
export { dutchDate, dutchDayStart, dutchOffsetMinutes } from './dutch-time.js';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';
