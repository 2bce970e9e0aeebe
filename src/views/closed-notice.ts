import type { Period } from '../domain/plan';
import { collectTexts } from '../i18n/collect-texts';
import type { Locale } from '../i18n/locale';
import { formatShortDateTime } from './format';

/**
 * "Perioden stängdes 12 maj 14:03 av Karin Controller. Svaren kan inte längre ändras." — when and by
 * whom where the period says (closed before this was kept: the plain sentence); `timezone` null
 * leaves the time out.
 */
export function closedNotice(period: Pick<Period, 'closedAt' | 'closedBy'>, locale: Locale, timezone: string | null): string {
  const texts = collectTexts(locale);
  if (!period.closedAt) return texts.periodClosed;
  const when = timezone === null ? null : formatShortDateTime(period.closedAt, timezone, locale);
  return texts.periodClosedBy(when, period.closedBy ?? null);
}
