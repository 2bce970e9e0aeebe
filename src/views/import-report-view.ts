import type { ImportResultCardData } from '../cards/import-result-card';
import { formatIssueLine, importHeadings, importSummaryLines } from '../i18n/import-texts';
import type { Locale } from '../i18n/locale';
import type { ImportOutcome } from '../services/plan-importer';

const MAX_LINES = 40;

/** The import's outcome as card data (for chat); {@link importReportText} turns it into lines for the command line. */
export function importReportView(outcome: ImportOutcome, fileName: string, locale: Locale): ImportResultCardData {
  const headings = importHeadings(locale);
  if (!outcome.ok) {
    const lines = outcome.issues.map((issue) => ({ line: formatIssueLine(issue, locale) }));
    return {
      ok: false,
      title: headings.failed,
      subtitle: fileName,
      counts: [],
      problems: lines.slice(0, MAX_LINES),
      footer: lines.length > MAX_LINES ? headings.more(lines.length - MAX_LINES) : '',
    };
  }
  const counts = importSummaryLines(outcome.counts, locale).map((line) => ({
    label: line.label,
    value: [
      `${line.created} ${headings.created}`,
      `${line.updated} ${headings.updated}`,
      `${line.unchanged} ${headings.unchanged}`,
      ...(line.archived > 0 ? [`${line.archived} ${headings.archived}`] : []),
    ].join(', '),
  }));
  const notes = outcome.notes.map((note) => headings.deadlineNote(note.period, note.date, note.reason));
  return {
    ok: true,
    title: headings.ok,
    subtitle: `${fileName}: ${outcome.summary.plans.join(', ')}`,
    counts,
    problems: [],
    footer: notes.join('\n\n'),
  };
}

export function importReportText(report: ImportResultCardData): string {
  const lines = [report.title, report.subtitle];
  for (const count of report.counts) lines.push(`  ${count.label}: ${count.value}`);
  for (const problem of report.problems) lines.push(`  - ${problem.line}`);
  if (report.footer) lines.push(report.footer);
  return lines.join('\n');
}
