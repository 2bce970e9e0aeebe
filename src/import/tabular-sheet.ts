import type { ImportIssue, ImportIssueCode } from '../domain/import-issues';
import type { PlanFile } from '../domain/plan-format';

/**
 * A cell as a reader hands it over. CSV gives text only; XLSX keeps numbers, booleans and dates
 * typed, so that a numeric 4.6 never has to round-trip through text that reads as ambiguous.
 */
export type Cell = string | number | boolean | Date | null;

export interface TabularRow {
  /** 1-based row in the sheet as the person sees it (the header is normally row 1). */
  row: number;
  cells: readonly Cell[];
}

export interface TabularSheet {
  /** Sheet name (XLSX); issues from this sheet carry it. */
  name?: string;
  header: readonly string[];
  /** Row number of the header; 1 unless the sheet starts with blank rows. */
  headerRow?: number;
  rows: readonly TabularRow[];
}

export type TabularResult = { ok: true; file: PlanFile } | { ok: false; issues: ImportIssue[] };

/** More data rows than this and the import stops before looking at any of them. */
export const MAX_ROWS = 100_000;

/** Calendar date of a date cell. exceljs hands date cells over as UTC midnight, so the UTC parts are the date Excel shows. */
export function isoDateOf(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** The trimmed text of a cell; the import reads every field except baseline and target as text. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDateOf(cell);
  return String(cell).normalize('NFC').trim();
}

export function isBlankRow(row: TabularRow): boolean {
  return row.cells.every((cell) => cellText(cell) === '');
}

/** An issue located in a sheet; undefined parts are left out so issues compare and serialise cleanly. */
export function issueIn(
  sheet: { name?: string } | undefined,
  code: ImportIssueCode,
  at: { row?: number; field?: string; value?: string; detail?: string; path?: string } = {},
): ImportIssue {
  const issue: ImportIssue = { code };
  if (at.row !== undefined) issue.row = at.row;
  if (sheet?.name !== undefined) issue.sheet = sheet.name;
  if (at.field !== undefined) issue.field = at.field;
  if (at.path !== undefined) issue.path = at.path;
  if (at.value !== undefined) issue.value = truncate(at.value);
  if (at.detail !== undefined) issue.detail = at.detail;
  return issue;
}

const MAX_SHOWN_VALUE = 200;

function truncate(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value;
}

/**
 * Drops repeats (a period shared by many plans fails once per plan in the schema) and orders the
 * issues by row, those of `mainSheet` (and those on no sheet) before those of other sheets.
 */
export function tidyIssues(issues: readonly ImportIssue[], mainSheet?: string): ImportIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const id = JSON.stringify([issue.code, issue.sheet, issue.row, issue.field, issue.path, issue.value, issue.detail]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const rank = (issue: ImportIssue) => (issue.sheet === undefined || issue.sheet === mainSheet ? 0 : 1);
  return unique
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.index - b.index)
    .map(({ issue }) => issue);
}
