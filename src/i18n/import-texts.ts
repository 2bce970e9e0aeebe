import type { ImportCounts, ImportIssue, ImportIssueCode } from '../domain/import-issues';
import type { Locale } from './locale';

type Describe = (issue: ImportIssue) => string;

const q = (value: string | undefined) => `”${value ?? ''}”`;
/** Tabular readers put the other row's number in `detail`; JSON puts the other path there. */
const other = (detail: string | undefined, row: string) => (detail === undefined ? '' : /^\d+$/.test(detail) ? `${row} ${detail}` : detail);

const SV: Record<ImportIssueCode, Describe> = {
  file_too_large: (i) => `Filen är för stor (${i.detail ?? ''}).`,
  unsupported_file_type: (i) => `Filtypen ${q(i.value)} stöds inte. Använd JSON, XLSX eller CSV.`,
  not_json: (i) => `Filen är inte giltig JSON: ${i.detail ?? ''}`,
  not_xlsx: () => 'Filen är inte en Excel-fil (XLSX), trots namnet.',
  not_csv: () => 'Filen är inte en CSV-fil med text.',
  csv_syntax: () => 'CSV-filen går inte att läsa här: ett citattecken saknar sin motpart eller raden har fel antal kolumner.',
  forbidden_key: (i) => `Fältnamnet ${q(i.field)} är inte tillåtet.`,
  unknown_field: (i) => `Okänt fält ${q(i.field)}.`,
  unknown_column: (i) => `Okänd kolumn ${q(i.field)}.`,
  missing_column: (i) => `Kolumnen ${q(i.field)} saknas.`,
  missing_value: (i) => `${q(i.field)} saknas.`,
  invalid_value: (i) => `${q(i.value)} är inte ett giltigt värde för ${i.field ?? 'fältet'}.`,
  invalid_key: (i) => `${q(i.value)} är inget giltigt id (bokstäver, siffror och - _ . / :).`,
  invalid_email: (i) => `${q(i.value)} är ingen e-postadress.`,
  invalid_date: (i) => `${q(i.value)} är inget datum (ÅÅÅÅ-MM-DD).`,
  invalid_number: (i) => `${q(i.value)} är inte ett tal.`,
  invalid_period_code: (i) => `${q(i.value)} är ingen giltig periodkod.`,
  invalid_value_type: (i) => `Typen ${q(i.value)} finns inte (tal, procent, valuta, ja/nej, text).`,
  invalid_direction: (i) => `Riktningen ${q(i.value)} finns inte (öka, minska, behålla, minst, högst, ja).`,
  period_dates_out_of_order: () => 'Datumen ska komma i ordningen öppnar ≤ sista svarsdag ≤ stänger.',
  duplicate_key: (i) => `Id ${q(i.value)} förekommer flera gånger${i.detail ? ` (även ${other(i.detail, 'rad')})` : ''}.`,
  unknown_unit: (i) => `Enheten ${q(i.value)} finns inte i filen.`,
  unit_cycle: (i) => `Enheten ${q(i.value)} ligger under sig själv.`,
  unknown_period: (i) => `Perioden ${q(i.value)} är inte definierad${i.detail ? ` (definierade: ${i.detail})` : ''}.`,
  plan_without_periods: () => 'Planen har inga uppföljningsperioder.',
  goal_without_owner: () => 'Målet har ingen målägare.',
  conflicting_values: (i) => `${q(i.field)} skiljer sig från ${i.detail ? other(i.detail, 'rad') : 'en tidigare rad'}.`,
  target_type_mismatch: (i) => `${q(i.value)} passar inte typen ${i.detail ?? ''}.`,
  missing_periods_sheet: () => 'Perioderna saknas: lägg till bladet ”Perioder” eller ange en periodfil.',
  empty_file: () => 'Filen är tom.',
  too_many_rows: (i) => `Filen har för många rader (${i.detail ?? ''}).`,
};

const EN: Record<ImportIssueCode, Describe> = {
  file_too_large: (i) => `The file is too large (${i.detail ?? ''}).`,
  unsupported_file_type: (i) => `The file type "${i.value ?? ''}" is not supported. Use JSON, XLSX or CSV.`,
  not_json: (i) => `The file is not valid JSON: ${i.detail ?? ''}`,
  not_xlsx: () => 'The file is not an Excel (XLSX) file, whatever its name says.',
  not_csv: () => 'The file is not a text CSV file.',
  csv_syntax: () => 'The CSV file cannot be read here: a quote is not closed or the row has the wrong number of columns.',
  forbidden_key: (i) => `The field name "${i.field ?? ''}" is not allowed.`,
  unknown_field: (i) => `Unknown field "${i.field ?? ''}".`,
  unknown_column: (i) => `Unknown column "${i.field ?? ''}".`,
  missing_column: (i) => `The column "${i.field ?? ''}" is missing.`,
  missing_value: (i) => `"${i.field ?? ''}" is missing.`,
  invalid_value: (i) => `"${i.value ?? ''}" is not a valid value for ${i.field ?? 'the field'}.`,
  invalid_key: (i) => `"${i.value ?? ''}" is not a valid id (letters, digits and - _ . / :).`,
  invalid_email: (i) => `"${i.value ?? ''}" is not an e-mail address.`,
  invalid_date: (i) => `"${i.value ?? ''}" is not a date (YYYY-MM-DD).`,
  invalid_number: (i) => `"${i.value ?? ''}" is not a number.`,
  invalid_period_code: (i) => `"${i.value ?? ''}" is not a valid period code.`,
  invalid_value_type: (i) => `The type "${i.value ?? ''}" does not exist (number, percent, currency, yesno, text).`,
  invalid_direction: (i) => `The direction "${i.value ?? ''}" does not exist (increase, decrease, maintain, atLeast, atMost, yes).`,
  period_dates_out_of_order: () => 'Dates must be in the order opens ≤ deadline ≤ closes.',
  duplicate_key: (i) => `The id "${i.value ?? ''}" appears more than once${i.detail ? ` (also ${other(i.detail, 'row')})` : ''}.`,
  unknown_unit: (i) => `The unit "${i.value ?? ''}" is not in the file.`,
  unit_cycle: (i) => `The unit "${i.value ?? ''}" is placed under itself.`,
  unknown_period: (i) => `The period "${i.value ?? ''}" is not defined${i.detail ? ` (defined: ${i.detail})` : ''}.`,
  plan_without_periods: () => 'The plan has no follow-up periods.',
  goal_without_owner: () => 'The goal has no owner.',
  conflicting_values: (i) => `"${i.field ?? ''}" differs from ${i.detail ? other(i.detail, 'row') : 'an earlier row'}.`,
  target_type_mismatch: (i) => `"${i.value ?? ''}" does not fit the type ${i.detail ?? ''}.`,
  missing_periods_sheet: () => 'No periods: add a sheet "Perioder" or give a periods file.',
  empty_file: () => 'The file is empty.',
  too_many_rows: (i) => `The file has too many rows (${i.detail ?? ''}).`,
};

/** Where the problem is: "rad 14, kolumn målvärde" or "plans[0].periods[1].code". */
export function describeLocation(issue: ImportIssue, locale: Locale): string {
  if (issue.row !== undefined) {
    const row = locale === 'en' ? `row ${issue.row}` : `rad ${issue.row}`;
    const sheet = issue.sheet ? `${issue.sheet}, ` : '';
    return issue.field ? `${sheet}${row}, ${locale === 'en' ? 'column' : 'kolumn'} ${issue.field}` : `${sheet}${row}`;
  }
  return issue.path ?? '';
}

export function describeIssue(issue: ImportIssue, locale: Locale): string {
  return (locale === 'en' ? EN : SV)[issue.code](issue);
}

export function formatIssueLine(issue: ImportIssue, locale: Locale): string {
  const where = describeLocation(issue, locale);
  return where === '' ? describeIssue(issue, locale) : `${where}: ${describeIssue(issue, locale)}`;
}

export interface SummaryLine {
  label: string;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export function importSummaryLines(counts: ImportCounts, locale: Locale): SummaryLine[] {
  const labels =
    locale === 'en'
      ? { units: 'Units', plans: 'Plans', goals: 'Goals', indicators: 'Indicators', periods: 'Periods' }
      : { units: 'Enheter', plans: 'Planer', goals: 'Mål', indicators: 'Mätetal', periods: 'Perioder' };
  return (['units', 'plans', 'goals', 'indicators', 'periods'] as const).map((kind) => ({ label: labels[kind], ...counts[kind] }));
}

export function importHeadings(locale: Locale) {
  return locale === 'en'
    ? {
        ok: 'Plan imported',
        failed: 'Nothing was imported',
        created: 'new',
        updated: 'changed',
        unchanged: 'unchanged',
        archived: 'archived',
        more: (n: number) => `… and ${n} more problems.`,
        deadlineNote: (period: string, date: string, reason: 'weekend' | 'holiday') =>
          `Note: the deadline of ${period} (${date}) is ${reason === 'weekend' ? 'on a weekend' : 'a public holiday'}; the last reminder then comes the working day before. Change the date in the plan if that is not what you want.`,
      }
    : {
        ok: 'Planen är importerad',
        failed: 'Inget importerades',
        created: 'nya',
        updated: 'ändrade',
        unchanged: 'oförändrade',
        archived: 'arkiverade',
        more: (n: number) => `… och ${n} problem till.`,
        deadlineNote: (period: string, date: string, reason: 'weekend' | 'holiday') =>
          `Observera: sista svarsdag för ${period} (${date}) är ${reason === 'weekend' ? 'en helgdag (lördag eller söndag)' : 'en röd dag'}; sista påminnelsen kommer då vardagen före. Ändra datumet i planen om det inte är meningen.`,
      };
}
