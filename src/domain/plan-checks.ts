import { DateTime } from 'luxon';
import type { Period } from './plan';
import { isSwedishHoliday } from './swedish-holidays';

/** Something worth a coordinator's second look in an imported plan; never a reason to refuse it. */
export interface PlanNote {
  code: 'deadline_not_working_day';
  /** The period's label ("Delår per augusti 2026"). */
  period: string;
  /** ISO date. */
  date: string;
  reason: 'weekend' | 'holiday';
}

/**
 * Deadlines that fall on a Saturday, a Sunday or a Swedish public holiday (including midsommar-,
 * jul- and nyårsafton): owners are then reminded on the working day before, and a coordinator may
 * rather move the date. One note per label and date, however many plans share it.
 */
export function deadlineNotes(periods: readonly Pick<Period, 'label' | 'deadline'>[]): PlanNote[] {
  const seen = new Set<string>();
  const notes: PlanNote[] = [];
  for (const period of periods) {
    const key = `${period.label}|${period.deadline}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const weekday = DateTime.fromISO(period.deadline).weekday;
    const reason = weekday >= 6 ? 'weekend' : isSwedishHoliday(period.deadline) ? 'holiday' : null;
    if (reason) notes.push({ code: 'deadline_not_working_day', period: period.label, date: period.deadline, reason });
  }
  return notes;
}
