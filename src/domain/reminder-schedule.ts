import { DateTime } from 'luxon';

/** A reminder moment relative to a deadline: `daysBefore` working days before it (0: the deadline's morning). */
export interface ReminderSlot {
  id: string;
  date: string;
}

export interface WorkingHours {
  startHour: number;
  endHour: number;
}

export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 2, 0];
export const OFFICE_HOURS: WorkingHours = { startHour: 8, endHour: 17 };

export function isWorkingDay(date: string, isHoliday: (date: string) => boolean): boolean {
  const weekday = DateTime.fromISO(date).weekday; // 1 = Monday … 7 = Sunday
  return weekday <= 5 && !isHoliday(date);
}

/** The working day `count` working days before `date` (0: `date` itself, or the working day before it if it is a day off). */
export function workingDaysBefore(date: string, count: number, isHoliday: (date: string) => boolean): string {
  let day = DateTime.fromISO(date);
  while (!isWorkingDay(day.toISODate() ?? '', isHoliday)) day = day.minus({ days: 1 });
  for (let left = count; left > 0;) {
    day = day.minus({ days: 1 });
    if (isWorkingDay(day.toISODate() ?? '', isHoliday)) left -= 1;
  }
  return day.toISODate() ?? date;
}

/** The reminder slots of a deadline, earliest first; slots that fall on the same day are merged. */
export function reminderSlots(deadline: string, daysBefore: readonly number[], isHoliday: (date: string) => boolean): ReminderSlot[] {
  const slots = new Map<string, ReminderSlot>();
  for (const count of [...daysBefore].sort((a, b) => b - a)) {
    const date = workingDaysBefore(deadline, count, isHoliday);
    if (!slots.has(date)) slots.set(date, { id: count === 0 ? 'deadline' : `${count}wd`, date });
  }
  return [...slots.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The slot to send now, if any: its date is today in `timezone` and the local time is within office
 * hours. A slot whose day has passed is not sent late (a reminder at 23:00 or days after would be noise).
 */
export function dueSlot(
  now: Date,
  timezone: string,
  slots: readonly ReminderSlot[],
  hours: WorkingHours = OFFICE_HOURS,
): ReminderSlot | null {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  if (local.hour < hours.startHour || local.hour >= hours.endHour) return null;
  const today = local.toISODate();
  return slots.find((slot) => slot.date === today) ?? null;
}

/** Whether the deadline has passed and it is office hours on a working day: time to tell coordinators who is missing. */
export function isAfterDeadline(
  now: Date,
  timezone: string,
  deadline: string,
  isHoliday: (date: string) => boolean,
  hours: WorkingHours = OFFICE_HOURS,
): boolean {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const today = local.toISODate() ?? '';
  return today > deadline && isWorkingDay(today, isHoliday) && local.hour >= hours.startHour && local.hour < hours.endHour;
}
