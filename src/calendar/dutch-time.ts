import type { IsoDate } from './dutch-holidays.js';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Europe/Amsterdam is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function dutchOffsetMinutes(instant: Date): number {
  const map = new Map(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(map.get('year')),
    Number(map.get('month')) - 1,
    Number(map.get('day')),
    Number(map.get('hour')),
    Number(map.get('minute')),
    Number(map.get('second')),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a Dutch calendar day starts (00:00 Europe/Amsterdam). DST switches at 01:00 UTC, so
 * the offset at 00:00 UTC of the same date is the offset at local midnight.
 */
export function dutchDayStart(date: IsoDate): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  return new Date(guess - dutchOffsetMinutes(new Date(guess)) * 60_000);
}

/** The Dutch calendar date of `instant`. */
export function dutchDate(instant: Date): IsoDate {
  const map = new Map(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${map.get('year')}-${map.get('month')}-${map.get('day')}`;
}
