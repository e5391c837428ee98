/**
 * Dutch national public holidays, computed for any year (never a table per year). The list is the
 * one of the Algemene termijnenwet (art. 3), which governs statutory deadlines, plus Goede Vrijdag
 * (issue #7):
 * Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Koningsdag, Bevrijdingsdag,
 * Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 *
 * Bevrijdingsdag (5 May) counts **every year**: the Algemene termijnenwet names "de vijfde mei"
 * without the five-yearly condition some collective agreements use, and an earlier deadline is
 * the safe side for an operator.
 *
 * @see https://wetten.overheid.nl/BWBR0002448/ (Algemene termijnenwet, art. 3)
 */

/** A calendar date without time zone: `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

/** Easter Sunday of `year` (Gregorian), by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** Koningsdag: 27 April, or 26 April when the 27th is a Sunday (Wet viering Koningsdag). */
export function kingsDay(year: number): IsoDate {
  return weekday(isoDate(year, 4, 27)) === 0 ? isoDate(year, 4, 26) : isoDate(year, 4, 27);
}

/** Every national public holiday of `year`, in date order. */
export function dutchHolidays(year: number): readonly Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    { date: isoDate(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: isoDate(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: isoDate(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
  return list.sort((x, y) => x.date.localeCompare(y.date));
}

const cache = new Map<number, ReadonlySet<IsoDate>>();

/** Whether `date` is a Dutch national public holiday. */
export function isDutchHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let dates = cache.get(year);
  if (dates === undefined) {
    dates = new Set(dutchHolidays(year).map((h) => h.date));
    cache.set(year, dates);
  }
  return dates.has(date);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

/** `date` plus `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
