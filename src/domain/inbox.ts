import { createHash } from 'node:crypto';
import type { Period } from './plan';
import type { SummaryPeriodRef } from './summary-period';

/**
 * One person's inbox is one follow-up: a period code of one year, across every plan they have goals
 * in (SPEC §5.3). It has the same shape as a summary's period, and is named the same way in keys.
 */
export type InboxRef = SummaryPeriodRef;

/** Period codes compare as the commands read them: case-insensitively. */
export function sameCode(a: string, b: string): boolean {
  return a.toLocaleUpperCase('sv-SE') === b.toLocaleUpperCase('sv-SE');
}

/** The inbox a period belongs to; `years` maps plan keys to their year. */
export function inboxRefOf(period: Pick<Period, 'code' | 'plan'>, years: ReadonlyMap<string, number>): InboxRef {
  return { code: period.code, year: years.get(period.plan) ?? 0 };
}

export function isInInbox(period: Pick<Period, 'code' | 'plan'>, ref: InboxRef, years: ReadonlyMap<string, number>): boolean {
  return sameCode(period.code, ref.code) && years.get(period.plan) === ref.year;
}

/** The periods grouped by inbox, in first-seen order. */
export function groupByInbox<P extends Pick<Period, 'code' | 'plan'>>(
  periods: readonly P[],
  years: ReadonlyMap<string, number>,
): { ref: InboxRef; periods: P[] }[] {
  const groups = new Map<string, { ref: InboxRef; periods: P[] }>();
  for (const period of periods) {
    const ref = inboxRefOf(period, years);
    const key = `${ref.year}/${ref.code.toLocaleUpperCase('sv-SE')}`;
    const group = groups.get(key);
    if (group) group.periods.push(period);
    else groups.set(key, { ref, periods: [period] });
  }
  return [...groups.values()];
}

const MAX_COVER_LENGTH = 200;

/**
 * What an inbox card covers: the plans (keys) whose open periods the owner has work in when it is
 * sent. Part of the card's job id, so that the same card is never sent twice, while a card that
 * covers more (a unit opened later) is a new one. Sorted and joined; a very long list is hashed.
 */
export function promptCover(planKeys: Iterable<string>): string {
  const sorted = [...new Set(planKeys)].sort();
  const joined = sorted.join('+');
  if (joined.length <= MAX_COVER_LENGTH) return joined;
  return `${sorted.length}-plans-${createHash('sha256').update(joined).digest('hex').slice(0, 20)}`;
}

/** The earliest of an inbox's deadlines, and whether its plans' deadlines differ. */
export function inboxDeadline(deadlines: readonly string[]): { earliest: string; differ: boolean } {
  const sorted = [...deadlines].sort();
  return { earliest: sorted[0] ?? '', differ: new Set(sorted).size > 1 };
}
