import type { ImportIssue } from '../domain/import-issues';
import { PlanFileSchema, type PlanInput } from '../domain/plan-format';
import { INDICATOR_HEADERS, REQUIRED_INDICATOR_FIELDS, resolveColumns } from './tabular-headers';
import { assignPeriods, checkIndicatorPeriods, readPeriods, type PeriodSource } from './tabular-periods';
import { readIndicatorRows } from './tabular-rows';
import { MAX_ROWS, isBlankRow, issueIn, tidyIssues, type TabularResult, type TabularSheet } from './tabular-sheet';
import { issuesFromZod, type Sources } from './tabular-sources';
import { buildTree } from './tabular-tree';

export type { Cell, TabularResult, TabularRow, TabularSheet } from './tabular-sheet';
export type { PeriodRowInput, PeriodSource } from './tabular-periods';

export interface TabularInput {
  /** The indicator sheet: one row per indicator (or per goal without indicators). */
  indicators: TabularSheet;
  /** The `Perioder` sheet or the command's periods; null when neither was given. */
  periods: PeriodSource | null;
  /** The sheet has no place for it, so the caller supplies it (PlanFileSchema requires it). */
  organisation: string;
}

/**
 * Converts a plan sheet (shared/plan-format.md, XLSX/CSV) to the plan file format. All or nothing:
 * either a file that PlanFileSchema has accepted, or every issue found, each on its sheet row and
 * column. Pure: the readers do the I/O.
 */
export function tabularToPlanFile(input: TabularInput): TabularResult {
  const sheet = input.indicators;
  const fail = (issues: readonly ImportIssue[]): TabularResult => ({ ok: false, issues: tidyIssues(issues, sheet.name) });
  if (sheet.rows.length > MAX_ROWS) {
    return fail([issueIn(sheet, 'too_many_rows', { value: String(sheet.rows.length), detail: String(MAX_ROWS) })]);
  }
  if (sheet.header.every((header) => header.trim() === '') && sheet.rows.every(isBlankRow)) {
    return fail([issueIn(sheet, 'empty_file')]);
  }
  const { columns, issues } = resolveColumns(sheet, INDICATOR_HEADERS, REQUIRED_INDICATOR_FIELDS);
  if (REQUIRED_INDICATOR_FIELDS.some((field) => columns[field] === undefined)) return fail(issues);
  if (sheet.rows.every(isBlankRow)) return fail([...issues, issueIn(sheet, 'empty_file')]);
  const sources: Sources = new WeakMap();
  const rows = readIndicatorRows(sheet, columns);
  issues.push(...rows.issues);
  const { units, plans } = buildTree({ sheet, columns, sources, issues }, rows.facts);
  issues.push(...placePeriods(input.periods, plans, sources));
  const file = { organisation: input.organisation.trim(), units, plans };
  sources.set(file, { fields: { organisation: 'organisation' } });
  const parsed = PlanFileSchema.safeParse(file);
  if (!parsed.success) {
    // With no periods given at all, missing_periods_sheet already says why every plan lacks them.
    const schemaIssues = issuesFromZod(file, parsed.error.issues, sources);
    issues.push(...schemaIssues.filter((issue) => input.periods !== null || issue.code !== 'plan_without_periods'));
  }
  if (!parsed.success || issues.length > 0) return fail(issues);
  return { ok: true, file: parsed.data };
}

function placePeriods(source: PeriodSource | null, plans: readonly PlanInput[], sources: Sources): ImportIssue[] {
  if (source === null) return [issueIn(undefined, 'missing_periods_sheet')];
  const { entries, issues } = readPeriods(source, sources);
  issues.push(...assignPeriods(plans, entries));
  issues.push(...checkIndicatorPeriods(plans, sources));
  return issues;
}
