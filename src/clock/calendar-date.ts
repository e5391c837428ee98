/** The Dutch calendar date (YYYY-MM-DD) of an instant: iWmo dates have no time zone (§4.3). */
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function dutchCalendarDate(instant: Date): string {
  return formatter.format(instant);
}

/** A source of the current time, injected so that tests and replays can pin it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
