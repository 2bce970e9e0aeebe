import { dueSlot, isAfterDeadline, isWorkingDay, reminderSlots, workingDaysBefore } from './reminder-schedule';
import { isSwedishHoliday } from './swedish-holidays';

const STOCKHOLM = 'Europe/Stockholm';

describe(reminderSlots.name, () => {
  test('when the deadline is an ordinary Thursday, then the slots are 7 and 2 working days before and the deadline itself', () => {
    expect(reminderSlots('2022-05-12', [7, 2, 0], isSwedishHoliday)).toEqual([
      { id: '7wd', date: '2022-05-03' },
      { id: '2wd', date: '2022-05-10' },
      { id: 'deadline', date: '2022-05-12' },
    ]);
  });

  test('when midsommarafton and a weekend come before the deadline, then they are not counted as working days', () => {
    expect(workingDaysBefore('2026-06-22', 2, isSwedishHoliday)).toBe('2026-06-17');
  });

  test('when the deadline falls on a public holiday, then its morning reminder moves to the working day before', () => {
    expect(isSwedishHoliday('2026-05-14')).toBe(true); // Kristi himmelsfärdsdag
    expect(reminderSlots('2026-05-14', [0], isSwedishHoliday)).toEqual([{ id: 'deadline', date: '2026-05-13' }]);
  });

  test('when two offsets land on the same day, then there is one slot', () => {
    expect(reminderSlots('2026-12-28', [1, 0], isSwedishHoliday).map((slot) => slot.date)).toEqual(['2026-12-23', '2026-12-28']);
    expect(reminderSlots('2026-12-27', [1, 0], isSwedishHoliday).map((slot) => slot.date)).toEqual(['2026-12-22', '2026-12-23']);
  });
});

describe(dueSlot.name, () => {
  const slots = [{ id: '2wd', date: '2026-03-30' }];

  test('when it is 08:30 in Stockholm on the slot day, just after the switch to summer time, then the slot is due', () => {
    expect(dueSlot(new Date('2026-03-30T06:30:00Z'), STOCKHOLM, slots)).toEqual(slots[0]);
  });

  test('when it is before 08:00 or from 17:00 in Stockholm, then nothing is due', () => {
    expect(dueSlot(new Date('2026-03-30T05:30:00Z'), STOCKHOLM, slots)).toBeNull();
    expect(dueSlot(new Date('2026-03-30T15:00:00Z'), STOCKHOLM, slots)).toBeNull();
  });

  test('when the slot day has passed, then it is not sent late', () => {
    expect(dueSlot(new Date('2026-03-31T08:00:00Z'), STOCKHOLM, slots)).toBeNull();
  });
});

describe(isAfterDeadline.name, () => {
  test('when the deadline was Friday, then the list goes out on Monday morning, not during the weekend', () => {
    expect(isAfterDeadline(new Date('2026-11-28T09:00:00Z'), STOCKHOLM, '2026-11-27', isSwedishHoliday)).toBe(false);
    expect(isAfterDeadline(new Date('2026-11-30T08:00:00Z'), STOCKHOLM, '2026-11-27', isSwedishHoliday)).toBe(true);
  });
});

describe(isWorkingDay.name, () => {
  test('when it is julafton, a Saturday or an ordinary Monday, then only the Monday is a working day', () => {
    expect(isWorkingDay('2026-12-24', isSwedishHoliday)).toBe(false);
    expect(isWorkingDay('2026-11-28', isSwedishHoliday)).toBe(false);
    expect(isWorkingDay('2026-11-23', isSwedishHoliday)).toBe(true);
  });
});
