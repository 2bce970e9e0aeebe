import type { ImportIssue } from '../domain/import-issues';
import { importReportText, importReportView } from './import-report-view';

const counts = (created: number, archived = 0) => ({ created, updated: 0, unchanged: 2, archived });

describe(importReportView.name, () => {
  test('when the import succeeds, then each kind of entity is one fact and archived counts only show when there are some', () => {
    const report = importReportView(
      {
        ok: true,
        kind: 'json',
        counts: {
          units: counts(1),
          plans: counts(1),
          goals: counts(3, 1),
          indicators: counts(5),
          periods: counts(0),
          people: { created: 4 },
        },
        summary: { plans: ['RS 2026'], goals: 3, indicators: 5 },
        notes: [],
      },
      'plan.json',
      'sv',
    );
    expect(report).toMatchObject({ ok: true, title: 'Planen är importerad', subtitle: 'plan.json: RS 2026', problems: [], footer: '' });
    expect(report.counts).toContainEqual({ label: 'Mål', value: '3 nya, 0 ändrade, 2 oförändrade, 1 arkiverade' });
    expect(report.counts).toContainEqual({ label: 'Mätetal', value: '5 nya, 0 ändrade, 2 oförändrade' });
  });

  test('when a deadline falls on a weekend, then the report keeps the import and says so in a note', () => {
    const report = importReportView(
      {
        ok: true,
        kind: 'csv',
        counts: { units: counts(1), plans: counts(1), goals: counts(1), indicators: counts(1), periods: counts(1), people: { created: 1 } },
        summary: { plans: ['RS 2026'], goals: 1, indicators: 1 },
        notes: [{ code: 'deadline_not_working_day', period: 'Delår per augusti 2026', date: '2026-12-20', reason: 'weekend' }],
      },
      'plan.csv',
      'sv',
    );
    expect(report.ok).toBe(true);
    expect(report.footer).toBe(
      'Observera: sista svarsdag för Delår per augusti 2026 (2026-12-20) är en helgdag (lördag eller söndag); sista påminnelsen kommer då vardagen före. Ändra datumet i planen om det inte är meningen.',
    );
    expect(importReportText(report)).toContain('Observera: sista svarsdag');
  });

  test('when there are more than 40 problems, then 40 are listed and the footer says how many more, in text too', () => {
    const issues: ImportIssue[] = Array.from({ length: 45 }, (_, index) => ({ code: 'missing_value', row: index + 2, field: 'titel' }));
    const report = importReportView({ ok: false, issues }, 'plan.csv', 'en');
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(40);
    expect(report.footer).toBe('… and 5 more problems.');
    const text = importReportText(report).split('\n');
    expect(text[0]).toBe('Nothing was imported');
    expect(text).toHaveLength(2 + 40 + 1);
  });
});
