import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) that `now` falls on in `timezone`. */
export function calendarDate(now: Date, timezone: string): string {
  const date = DateTime.fromJSDate(now, { zone: timezone }).toISODate();
  if (date === null) throw new RangeError(`Invalid time zone or instant: ${timezone}`);
  return date;
}

/** The instant a calendar date begins in `timezone` (DST-aware: 00:00 local). */
export function startOfDate(date: string, timezone: string): Date {
  const start = DateTime.fromISO(date, { zone: timezone }).startOf('day');
  if (!start.isValid) throw new RangeError(`Invalid date or time zone: ${date} ${timezone}`);
  return start.toJSDate();
}
