const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A StUF `Tijdstip` (yyyymmddhhmmssfff, 17 digits) in Dutch local time, like the dates in the
 * iWmo payload, which have no time zone either (fact sheet §4.3).
 */
export function formatTijdstip(instant: Date): string {
  const formatted = parts.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    formatted.find((p) => p.type === type)?.value ?? '00';
  const millis = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}${millis}`;
}
