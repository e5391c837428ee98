import type { IsoDate } from './dutch-holidays.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

/**
 * Where a deadline stands today:
 * - `overdue`: today is after the due date;
 * - `at-risk`: at most one working day left (due today or on the next working day);
 * - `open`: more time left.
 */
export type DeadlineState = 'open' | 'at-risk' | 'overdue';

export interface Deadline {
  readonly dueDate: IsoDate;
  /** Working days from today to the due date (negative when overdue). */
  readonly workingDaysLeft: number;
  readonly state: DeadlineState;
}

/** The deadline `workingDays` werkdagen after `received`, seen on `today` (fact sheet §7.3). */
export function deadlineOf(received: IsoDate, workingDays: number, today: IsoDate): Deadline {
  const dueDate = addWorkingDays(received, workingDays);
  const workingDaysLeft = workingDaysBetween(today, dueDate);
  const state: DeadlineState =
    today > dueDate ? 'overdue' : workingDaysLeft <= 1 ? 'at-risk' : 'open';
  return { dueDate, workingDaysLeft, state };
}
