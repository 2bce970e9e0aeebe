import { DateTime } from 'luxon';
import { buildHistoryCard, type HistoryCardData } from '../cards/history-card';
import type { AdaptiveCard } from '../cards/render';
import { ASSESSMENTS, type Assessment } from '../domain/vocabulary';
import { goalFormTexts } from '../i18n/goal-form-texts';
import { historyTexts } from '../i18n/history-texts';
import type { Locale } from '../i18n/locale';
import { AUDIT_LIMIT, type AuditEntry, type AuditResult } from '../services/audit-service';
import { shorten } from './format';

const MAX_VALUE = 150;

/** The `historik` card: newest change first, each with who, when (in the organisation's time zone) and what changed. */
export function historyCard(result: Extract<AuditResult, { kind: 'history' }>, locale: Locale, timezone: string): AdaptiveCard {
  return buildHistoryCard(historyCardData(result, locale, timezone));
}

export function historyCardData(result: Extract<AuditResult, { kind: 'history' }>, locale: Locale, timezone: string): HistoryCardData {
  const texts = historyTexts(locale);
  return {
    title: texts.title(result.key),
    subtitle: `${texts.subject[result.subject]}: ${result.name}`,
    empty: texts.empty,
    entries: result.entries.map((entry) => ({
      heading: `${formatDateTime(entry.at, timezone, locale)} · ${entry.byName ? `${entry.byName} (${entry.by})` : entry.by}`,
      lines: linesOf(entry, locale).map((text) => ({ text })),
    })),
    cap: result.total > result.entries.length ? texts.capped(Math.min(AUDIT_LIMIT, result.entries.length), result.total) : '',
  };
}

function linesOf(entry: AuditEntry, locale: Locale): string[] {
  const texts = historyTexts(locale);
  const change = entry.change;
  if (change.kind === 'delegated') return [texts.delegated(change.from, change.to)];
  if (change.kind === 'delegation_ended') return [texts.delegationEnded(change.from, change.to)];
  const shown = (field: keyof typeof texts.fields, value: string | null) => {
    if (value === null) return texts.emptyValue;
    if (field === 'assessment' && isAssessment(value)) return goalFormTexts(locale).assessmentNames[value];
    return `”${shorten(value, MAX_VALUE)}”`;
  };
  const fields = change.fields.map(
    ({ field, before, after }) => `${texts.fields[field]}: ${shown(field, before)} → ${shown(field, after)}`,
  );
  return [texts.version(entry.period ?? '', change.version), ...(fields.length > 0 ? fields : [texts.unchanged])];
}

function isAssessment(value: string): value is Assessment {
  return (ASSESSMENTS as readonly string[]).includes(value);
}

/** "4 maj 2026 10:01" in the organisation's time zone. */
function formatDateTime(instant: Date, timezone: string, locale: Locale): string {
  return DateTime.fromJSDate(instant, { zone: timezone })
    .setLocale(locale === 'en' ? 'en-GB' : 'sv-SE')
    .toFormat('d MMMM yyyy HH:mm');
}
