import Holidays from 'date-holidays';

const calendar = new Holidays('SE');
const byYear = new Map<number, Set<string>>();

/**
 * Days off in Sweden: public holidays (röda dagar) and the eves everyone has off in practice
 * (midsommarafton, julafton, nyårsafton, which date-holidays types as "bank").
 */
export function isSwedishHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((day) => day.type === 'public' || day.type === 'bank')
        .map((day) => day.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days.has(date);
}
