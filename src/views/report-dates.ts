import { DateTime } from 'luxon';
import type { Locale } from '../i18n/locale';

/** "5 maj 2026 12:00" in the organisation's time zone. */
export function formatReportDate(instant: Date, timezone: string, locale: Locale = 'sv'): string {
  return DateTime.fromJSDate(instant, { zone: timezone })
    .setLocale(locale === 'en' ? 'en-GB' : 'sv-SE')
    .toFormat('d MMMM yyyy HH:mm');
}

/**
 * The wall-clock time in `timezone` as a Date whose UTC fields are that time: Excel stores dates
 * without a zone and exceljs writes a Date's UTC fields, so the sheet shows the organisation's time.
 */
export function localClock(instant: Date, timezone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}
