import { DateTime } from 'luxon';
import type { Indicator } from '../domain/plan';
import { formatValue, type OutcomeValue } from '../domain/values';
import type { Locale } from '../i18n/locale';

/** "fredag 11 september 2026" / "Friday 11 September 2026". */
export function formatLongDate(date: string, locale: Locale): string {
  return DateTime.fromISO(date)
    .setLocale(locale === 'en' ? 'en-GB' : 'sv-SE')
    .toFormat('cccc d MMMM yyyy');
}

/** "12 maj 14:03" in the organisation's time zone. */
export function formatShortDateTime(instant: Date, timezone: string, locale: Locale): string {
  return DateTime.fromJSDate(instant, { zone: timezone })
    .setLocale(locale === 'en' ? 'en-GB' : 'sv-SE')
    .toFormat('d MMMM HH:mm');
}

/** A target or baseline with the indicator's unit: "4,6 %", "21 707 kr", "Ja" (in English "4.6 %", "21,707 kr", "Yes"). */
export function formatTarget(value: number | boolean | null, indicator: Indicator, locale: Locale = 'sv'): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return formatOutcome({ kind: 'boolean', value }, indicator, locale);
  const unit = indicator.valueType === 'percent' ? undefined : (indicator.unitOfMeasure ?? undefined);
  return formatValue({ kind: 'number', value }, indicator.valueType, unit, locale);
}

/** An outcome as cards write it; in English, yes/no and "not available" are English words and numbers are written the English way. */
export function formatOutcome(value: OutcomeValue, indicator: Indicator, locale: Locale = 'sv'): string {
  if (locale === 'en' && value.kind === 'boolean') return value.value ? 'Yes' : 'No';
  if (locale === 'en' && value.kind === 'not_available') return 'Not available';
  const unit = indicator.valueType === 'percent' || value.kind !== 'number' ? undefined : (indicator.unitOfMeasure ?? undefined);
  return formatValue(value, indicator.valueType, unit, locale);
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const MAX_LISTED = 15;

/** The first addresses of a long list, and how many more, for a confirmation card. */
export function listed(emails: readonly string[], locale: Locale): string[] {
  const shown = emails.slice(0, MAX_LISTED);
  const rest = emails.length - shown.length;
  return rest > 0 ? [...shown, locale === 'en' ? `… and ${rest} more` : `… och ${rest} till`] : shown;
}
