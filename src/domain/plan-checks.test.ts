import { deadlineNotes } from './plan-checks';

describe(deadlineNotes.name, () => {
  test('when a deadline is a Sunday, midsommarafton or a weekday, then only the first two are noted, each once', () => {
    expect(
      deadlineNotes([
        { label: 'Delår per augusti 2026', deadline: '2026-12-20' },
        { label: 'Delår per augusti 2026', deadline: '2026-12-20' },
        { label: 'Tertial 2 2026', deadline: '2026-06-19' },
        { label: 'Delår per april 2026', deadline: '2026-05-12' },
      ]),
    ).toEqual([
      { code: 'deadline_not_working_day', period: 'Delår per augusti 2026', date: '2026-12-20', reason: 'weekend' },
      { code: 'deadline_not_working_day', period: 'Tertial 2 2026', date: '2026-06-19', reason: 'holiday' },
    ]);
  });

  test('when every deadline is a working day, then there is nothing to note', () => {
    expect(deadlineNotes([{ label: 'Helår 2026', deadline: '2027-01-22' }])).toEqual([]);
  });
});
