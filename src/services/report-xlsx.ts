import { MEASURABILITY_COUNTS, measurabilityRows, reviewItems } from '../domain/measurability';
import { comparisonLine } from '../views/summary-view';
import ExcelJS from 'exceljs';
import type { Bucket } from '../domain/aggregation';
import { BUCKETS } from '../domain/aggregation';
import type { ReportIndicator, ReportModel, ReportUnit, ReportValue } from '../domain/report-model';
import { bucketLabel, reportTexts, valueText, type ReportTexts } from '../i18n/report-texts';
import type { Locale } from '../i18n/locale';
import { formatReportDate, localClock } from '../views/report-dates';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF2' } };
const MAX_SHEET_NAME = 31;

/**
 * The report as an Excel workbook: "Sammanställning", one sheet per unit with a row per indicator,
 * and "Mätbarhet". Values are number cells with a number format (Excel shows them with the reader's
 * separators, `4,4 %` in Swedish Excel); a word ("Saknas", "Ej tillgängligt") where there is none.
 * Every user text is written as a string cell, never as a formula (exceljs only writes a formula
 * for a `{ formula }` value), so `=HYPERLINK(…)` in a comment stays text.
 */
export async function renderReportXlsx(model: ReportModel, locale: Locale, timezone: string): Promise<Buffer> {
  const texts = reportTexts(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Utfall';
  workbook.created = model.cover.madeAt;
  const names = new Set<string>();
  summarySheet(workbook.addWorksheet(uniqueName(texts.sheetSummary, names)), model, texts, timezone, locale);
  for (const unit of model.units)
    unitSheet(
      workbook.addWorksheet(uniqueName(unit.name, names), { views: [{ state: 'frozen', ySplit: 1 }] }),
      unit,
      model,
      texts,
      timezone,
    );
  measurabilitySheet(workbook.addWorksheet(uniqueName(texts.sheetMeasurability, names)), model, texts);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function summarySheet(sheet: ExcelJS.Worksheet, model: ReportModel, texts: ReportTexts, timezone: string, locale: Locale): void {
  const { cover, summary } = model;
  sheet.columns = [{ width: 40 }, ...BUCKETS.map(() => ({ width: 11 })), { width: 11 }];
  sheet.addRow([texts.title]).font = { bold: true, size: 14 };
  sheet.addRow([texts.organisation, cover.organisation]);
  sheet.addRow([texts.units, cover.units.map((unit) => unit.name).join(', ')]);
  sheet.addRow([texts.period, cover.periodLabel]);
  sheet.addRow([cover.final ? texts.final : texts.draft]);
  sheet.addRow([texts.madeAt(formatReportDate(cover.madeAt, timezone, locale))]);
  sheet.addRow([
    summary.owners.total === 0 ? texts.noOwners : texts.responseRate(summary.owners.answered, summary.owners.total, summary.responseRate),
  ]);
  for (const [title, pick] of [
    [texts.goalsPerPerspective, 'goals'],
    [texts.indicatorsPerPerspective, 'indicators'],
  ] as const) {
    sheet.addRow([]);
    header(sheet.addRow([title, ...BUCKETS.map((bucket) => texts.buckets[bucket]), texts.total]));
    for (const perspective of summary.perspectives) sheet.addRow([perspective.name, ...countsRow(perspective[pick])]);
    sheet.addRow([texts.total, ...countsRow(summary.totals[pick])]).font = { bold: true };
  }
  sheet.addRow([]);
  if (summary.comparison && summary.previousLabel) {
    header(sheet.addRow([texts.change(summary.previousLabel)]));
    sheet.addRow([comparisonLine(summary.comparison, summary.previousLabel, locale)]);
  } else sheet.addRow([texts.noPrevious]);
  sheet.addRow([]);
  header(sheet.addRow([texts.redGoals]));
  if (summary.redGoals.length === 0) sheet.addRow([texts.noRedGoals]);
  for (const red of summary.redGoals) {
    sheet.addRow([`${red.unitName} · ${red.perspective} · ${red.title}`, bucketLabel(red.assessment, texts)]).font = { bold: true };
    sheet.addRow([`${texts.analysis}: ${red.analysis || texts.noAnalysis}`]);
    for (const indicator of red.indicators) {
      sheet.addRow([indicator.name, valueText(indicator.outcome, [], texts), valueText(indicator.target, [], texts), indicator.comment]);
    }
  }
}

function countsRow(counts: Record<Bucket, number>): number[] {
  const values = BUCKETS.map((bucket) => counts[bucket]);
  return [...values, values.reduce((sum, n) => sum + n, 0)];
}

function unitSheet(sheet: ExcelJS.Worksheet, unit: ReportUnit, model: ReportModel, texts: ReportTexts, timezone: string): void {
  const c = texts.columns;
  const trend = model.periods.slice(0, -1);
  sheet.columns = [
    { header: c.unit, width: 22 },
    { header: c.perspective, width: 18 },
    { header: c.area, width: 24 },
    { header: c.goal, width: 40 },
    { header: c.goalAssessment, width: 14 },
    { header: c.indicator, width: 44 },
    { header: c.outcome, width: 14 },
    { header: c.outcomeText, width: 16 },
    { header: c.typed, width: 14 },
    { header: c.target, width: 12 },
    { header: c.comment, width: 50 },
    { header: c.assessment, width: 14 },
    { header: c.previous, width: 14 },
    ...trend.map((period) => ({ header: period.code, width: 11 })),
    { header: c.lastYear, width: 12 },
    { header: c.owner, width: 28 },
    { header: c.savedBy, width: 22 },
    { header: c.savedAt, width: 17 },
  ];
  header(sheet.getRow(1));
  for (const perspective of unit.perspectives) {
    for (const area of perspective.areas) {
      for (const goal of area.goals) {
        const lead = [unit.name, perspective.name, area.name ?? '', goal.title, bucketLabel(goal.assessment, texts)];
        if (goal.indicators.length === 0) {
          sheet.addRow([
            ...lead,
            '–',
            '',
            '',
            '',
            '',
            goal.analysis,
            '',
            '',
            ...trend.map(() => ''),
            '',
            goal.owners.join(', '),
            goal.savedBy ?? '',
            goal.savedAt ? localClock(goal.savedAt, timezone) : '',
          ]);
          continue;
        }
        for (const indicator of goal.indicators) indicatorRow(sheet, lead, indicator, trend.length, texts, timezone);
      }
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: sheet.columnCount } };
}

function indicatorRow(
  sheet: ExcelJS.Worksheet,
  lead: string[],
  indicator: ReportIndicator,
  trendCount: number,
  texts: ReportTexts,
  timezone: string,
): void {
  const row = sheet.addRow([
    ...lead,
    indicator.name,
    null,
    valueText(indicator.outcome, indicator.measuredIn, texts),
    indicator.typed,
    null,
    indicator.comment,
    bucketLabel(indicator.assessment, texts),
    null,
    ...indicator.trend.slice(0, trendCount).map(() => null),
    null,
    indicator.owner,
    indicator.savedBy ?? '',
    indicator.savedAt ? localClock(indicator.savedAt, timezone) : '',
  ]);
  valueCell(row.getCell(7), indicator.outcome, indicator.measuredIn, texts);
  valueCell(row.getCell(10), indicator.target, indicator.measuredIn, texts);
  valueCell(row.getCell(13), indicator.previous, indicator.measuredIn, texts);
  indicator.trend.slice(0, trendCount).forEach((value, index) => valueCell(row.getCell(14 + index), value, indicator.measuredIn, texts));
  valueCell(row.getCell(14 + trendCount), indicator.lastYear, indicator.measuredIn, texts);
  const savedAt = row.getCell(17 + trendCount);
  if (savedAt.value instanceof Date) savedAt.numFmt = 'yyyy-mm-dd hh:mm';
}

/** A real number with a format for its unit, or the word for what stands there instead. */
function valueCell(cell: ExcelJS.Cell, value: ReportValue | null, measuredIn: readonly string[], texts: ReportTexts): void {
  if (value === null) return;
  if (value.state === 'value' && value.number !== null) {
    cell.value = value.number;
    cell.numFmt = numberFormat(value);
  } else cell.value = valueText(value, measuredIn, texts);
}

/** `#,##0.0" %"`: stored in Excel's invariant syntax, shown with the reader's separators. */
export function numberFormat(value: ReportValue): string {
  const decimals = Math.min(2, (String(value.number).split('.')[1] ?? '').length);
  const base = decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
  return value.unit ? `${base}" ${value.unit.replace(/"/g, '')}"` : base;
}

function measurabilitySheet(sheet: ExcelJS.Worksheet, model: ReportModel, texts: ReportTexts): void {
  const m = texts.measurabilityColumns;
  const keys = MEASURABILITY_COUNTS;
  sheet.columns = [{ width: 30 }, { width: 40 }, { width: 44 }, ...keys.map(() => ({ width: 14 })), { width: 16 }];
  sheet.addRow([texts.measurability]).font = { bold: true, size: 14 };
  sheet.addRow([texts.measurabilityIntro]);
  header(sheet.addRow([m.unit, ...keys.map((key) => m[key]), m.assessableShare]));
  for (const { name, counts } of measurabilityRows(model.measurability, texts.total)) {
    const row = sheet.addRow([name, ...keys.map((key) => counts[key]), counts.assessableShare / 100]);
    row.getCell(keys.length + 2).numFmt = '0 %';
  }
  sheet.addRow([]);
  header(sheet.addRow([texts.review]));
  header(sheet.addRow([texts.columns.unit, texts.columns.goal, texts.columns.indicator, texts.columns.comment]));
  for (const { unit, item } of reviewItems(model.measurability)) {
    sheet.addRow([unit, item.goalTitle, item.indicatorName ?? '–', item.reasons.map((reason) => texts.reviewReasons[reason]).join(' ')]);
  }
}

function header(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
function uniqueName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, MAX_SHEET_NAME) || 'Enhet';
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${clean.slice(0, MAX_SHEET_NAME - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
