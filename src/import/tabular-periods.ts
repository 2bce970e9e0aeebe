import type { ImportIssue, ImportIssueCode } from '../domain/import-issues';
import type { PeriodInput, PlanInput } from '../domain/plan-format';
import { PERIOD_HEADERS, REQUIRED_PERIOD_FIELDS, fieldText, resolveColumns, type Columns, type PeriodField } from './tabular-headers';
import { isBlankRow, issueIn, type TabularRow, type TabularSheet } from './tabular-sheet';
import type { Source, Sources } from './tabular-sources';
import { parseYear } from './tabular-values';

/** A period given to the command instead of in a sheet; `planYear`/`unitKey` restrict it to some plans. */
export interface PeriodRowInput {
  code: string;
  label?: string;
  opens: string;
  deadline: string;
  closes: string;
  planYear?: number;
  unitKey?: string;
}

/** The `Perioder` sheet (XLSX, or a periods CSV) or the command's periods. */
export type PeriodSource = TabularSheet | readonly PeriodRowInput[];

/** The contract's name for the periods sheet. */
export const PERIOD_SHEET_NAME = 'Perioder';

const PERIOD_FIELDS = Object.keys(PERIOD_HEADERS) as PeriodField[];

export interface PeriodEntry {
  period: PeriodInput;
  planYear?: number;
  unitKey?: string;
  origin: Source;
}

/** Reads the periods with their origin; dates must be ISO dates (date cells arrive as ISO text already). */
export function readPeriods(source: PeriodSource, sources: Sources): { entries: PeriodEntry[]; issues: ImportIssue[] } {
  // A nameless periods sheet (a periods CSV) is still not the indicator sheet: its row 2 is another row 2.
  const read = isSheet(source)
    ? readPeriodSheet(source.name === undefined ? { ...source, name: PERIOD_SHEET_NAME } : source)
    : { entries: source.map(entryFromInput), issues: [] };
  for (const entry of read.entries) sources.set(entry.period, entry.origin);
  return read;
}

function readPeriodSheet(sheet: TabularSheet): { entries: PeriodEntry[]; issues: ImportIssue[] } {
  const entries: PeriodEntry[] = [];
  const { columns, issues } = resolveColumns(sheet, PERIOD_HEADERS, REQUIRED_PERIOD_FIELDS);
  if (REQUIRED_PERIOD_FIELDS.some((field) => columns[field] === undefined)) return { entries, issues };
  for (const row of sheet.rows) {
    if (isBlankRow(row)) continue;
    const read = entryFromRow(sheet, columns, row);
    if ('issue' in read) issues.push(read.issue);
    else entries.push(read);
  }
  return { entries, issues };
}

function isSheet(source: PeriodSource): source is TabularSheet {
  return !Array.isArray(source);
}

function entryFromInput(input: PeriodRowInput, index: number): PeriodEntry {
  const { planYear, unitKey, label, ...dates } = input;
  return {
    period: { ...dates, label: label === undefined || label.trim() === '' ? input.code : label },
    ...(planYear === undefined ? {} : { planYear }),
    ...(unitKey === undefined ? {} : { unitKey }),
    origin: { path: `periods[${index}]`, fields: Object.fromEntries(PERIOD_FIELDS.map((field) => [field, field])) },
  };
}

function entryFromRow(
  sheet: TabularSheet,
  columns: Columns<PeriodField>,
  { row, cells }: TabularRow,
): PeriodEntry | { issue: ImportIssue } {
  const text = (field: PeriodField) => fieldText(columns, cells, field);
  const header = (field: PeriodField) => columns[field]?.header ?? field;
  const planYear = parseYear(text('planYear'));
  if (text('planYear') !== '' && planYear === undefined) {
    return { issue: issueIn(sheet, 'invalid_value', { row, field: header('planYear'), value: text('planYear') }) };
  }
  const fields = Object.fromEntries(PERIOD_FIELDS.map((field) => [field, header(field)]));
  return {
    period: {
      code: text('code'),
      label: text('label') || text('code'),
      opens: text('opens'),
      deadline: text('deadline'),
      closes: text('closes'),
    },
    ...(planYear === undefined ? {} : { planYear }),
    ...(text('unitKey') === '' ? {} : { unitKey: text('unitKey') }),
    origin: { row, ...(sheet.name === undefined ? {} : { sheet: sheet.name }), fields },
  };
}

/**
 * Gives every plan the periods that apply to it: all of them, unless a period names a plan year or
 * unit. A code twice in one plan, or a restriction naming a unit the sheet lacks, is an issue.
 */
export function assignPeriods(plans: readonly PlanInput[], entries: readonly PeriodEntry[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const unitKeys = new Set(plans.map((plan) => plan.unit));
  for (const entry of entries) {
    if (entry.unitKey !== undefined && !unitKeys.has(entry.unitKey))
      issues.push(originIssue(entry.origin, 'unknown_unit', 'unitKey', entry.unitKey));
  }
  for (const plan of plans) {
    const seen = new Map<string, PeriodEntry>();
    for (const entry of entries.filter((e) => appliesTo(e, plan))) {
      const code = entry.period.code.trim().toUpperCase();
      const first = seen.get(code);
      if (first === undefined) {
        seen.set(code, entry);
        plan.periods.push(entry.period);
      } else {
        issues.push(originIssue(entry.origin, 'duplicate_key', 'code', entry.period.code, String(first.origin.row ?? first.origin.path)));
      }
    }
  }
  return issues;
}

function appliesTo(entry: PeriodEntry, plan: PlanInput): boolean {
  return (entry.planYear === undefined || entry.planYear === plan.year) && (entry.unitKey === undefined || entry.unitKey === plan.unit);
}

export function originIssue(origin: Source, code: ImportIssueCode, property: string, value: string, detail?: string): ImportIssue {
  return issueIn(origin.sheet === undefined ? undefined : { name: origin.sheet }, code, {
    ...(origin.row === undefined ? {} : { row: origin.row }),
    ...(origin.path === undefined ? {} : { path: origin.path }),
    field: origin.fields[property] ?? property,
    value,
    ...(detail === undefined ? {} : { detail }),
  });
}

/**
 * Checks each indicator's period codes against its plan's periods (case-insensitively) and writes
 * them as the plan spells them. Plans without periods are left to the schema's plan_without_periods.
 */
export function checkIndicatorPeriods(plans: readonly PlanInput[], sources: Sources): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const plan of plans) {
    if (plan.periods.length === 0) continue;
    const defined = new Map(plan.periods.map((period) => [period.code.trim().toUpperCase(), period.code.trim()]));
    const detail = [...defined.values()].join(', ');
    for (const indicator of indicatorsOf(plan)) {
      const origin = sources.get(indicator);
      indicator.periods = indicator.periods?.map((code) => {
        const known = defined.get(code.toUpperCase());
        if (known === undefined && origin !== undefined) issues.push(originIssue(origin, 'unknown_period', 'periods', code, detail));
        return known ?? code;
      });
    }
  }
  return issues;
}

function indicatorsOf(plan: PlanInput) {
  return plan.perspectives
    .flatMap((perspective) => [...(perspective.goals ?? []), ...(perspective.areas ?? []).flatMap((area) => area.goals)])
    .flatMap((goal) => goal.indicators);
}
