import type { ImportIssue } from '../domain/import-issues';
import { cellText, issueIn, type Cell, type TabularSheet } from './tabular-sheet';

/** Column headers of the indicator sheet (shared/plan-format.md), English and Swedish. */
export const INDICATOR_HEADERS = {
  unitKey: ['unit_key', 'enhet_id'],
  unitName: ['unit', 'enhet'],
  unitManager: ['unit_manager', 'enhetschef'],
  planYear: ['plan_year', 'år'],
  perspective: ['perspective', 'perspektiv'],
  area: ['area', 'målområde'],
  goalKey: ['goal_key', 'mål_id'],
  goal: ['goal', 'mål'],
  goalOwner: ['goal_owner', 'målägare'],
  indicatorKey: ['indicator_key', 'mätetal_id'],
  indicator: ['indicator', 'mätetal'],
  indicatorOwner: ['indicator_owner', 'ansvarig'],
  valueType: ['value_type', 'typ'],
  unitOfMeasure: ['unit_of_measure', 'enhet_mått'],
  direction: ['direction', 'riktning'],
  baseline: ['baseline', 'ingångsvärde'],
  target: ['target', 'målvärde'],
  periods: ['periods', 'perioder'],
} as const satisfies Record<string, readonly string[]>;
export type IndicatorField = keyof typeof INDICATOR_HEADERS;

export const REQUIRED_INDICATOR_FIELDS: readonly IndicatorField[] = [
  'unitKey',
  'planYear',
  'perspective',
  'goalKey',
  'goal',
  'goalOwner',
  'indicatorKey',
  'indicator',
  'valueType',
];

/** Column headers of the `Perioder` sheet (or a periods CSV given to the command). */
export const PERIOD_HEADERS = {
  code: ['code', 'kod', 'period'],
  label: ['label', 'namn', 'benämning'],
  opens: ['opens', 'öppnar'],
  deadline: ['deadline', 'sista svarsdag', 'svarsdag'],
  closes: ['closes', 'stänger'],
  planYear: ['plan_year', 'år'],
  unitKey: ['unit_key', 'enhet_id'],
} as const satisfies Record<string, readonly string[]>;
export type PeriodField = keyof typeof PERIOD_HEADERS;

export const REQUIRED_PERIOD_FIELDS: readonly PeriodField[] = ['code', 'opens', 'deadline', 'closes'];

export interface Column {
  index: number;
  /** The header exactly as written, for issues. */
  header: string;
}
export type Columns<F extends string> = Partial<Record<F, Column>>;

/**
 * Folds a header to compare it: case, accents (`enhet_matt` = `enhet_mått`), spaces, hyphens and
 * underscores, and a trailing hint in brackets or a required-marker (`Riktning (öka, minska…)`, `Mål*`).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(.*\)/gu, '')
    .replace(/[*:]/gu, '')
    .trim()
    .replace(/[\s_-]+/gu, '_');
}

/**
 * Maps a sheet's header row to fields. Every unknown header, every repeated field and every
 * missing required field becomes an issue on the header row.
 */
export function resolveColumns<F extends string>(
  sheet: TabularSheet,
  headers: Record<F, readonly string[]>,
  required: readonly F[],
): { columns: Columns<F>; issues: ImportIssue[] } {
  const lookup = aliasLookup(headers);
  const row = sheet.headerRow ?? 1;
  const columns: Columns<F> = {};
  const issues: ImportIssue[] = [];
  sheet.header.forEach((raw, index) => {
    const header = cellText(raw);
    if (header === '') {
      if (columnHasData(sheet, index)) issues.push(issueIn(sheet, 'unknown_column', { row, field: '', detail: String(index + 1) }));
      return;
    }
    const field = lookup.get(normalizeHeader(header));
    if (field === undefined) {
      issues.push(issueIn(sheet, 'unknown_column', { row, field: header, value: header }));
    } else if (columns[field] !== undefined) {
      issues.push(issueIn(sheet, 'duplicate_key', { row, field: header, value: header, detail: columns[field].header }));
    } else {
      columns[field] = { index, header };
    }
  });
  for (const field of required) {
    if (columns[field] === undefined) {
      issues.push(issueIn(sheet, 'missing_column', { row, field: headers[field][0], detail: headers[field].join(', ') }));
    }
  }
  return { columns, issues };
}

function aliasLookup<F extends string>(headers: Record<F, readonly string[]>): Map<string, F> {
  const lookup = new Map<string, F>();
  for (const field of Object.keys(headers) as F[]) {
    for (const alias of headers[field]) lookup.set(normalizeHeader(alias), field);
  }
  return lookup;
}

// A blank header over blank cells is just Excel's used range; over data it would silently drop values.
function columnHasData(sheet: TabularSheet, index: number): boolean {
  return sheet.rows.some((row) => cellText(row.cells[index]) !== '');
}

/** Reads one field of a row as trimmed text ('' when the column is absent). */
export function fieldText<F extends string>(columns: Columns<F>, cells: readonly Cell[], field: F): string {
  const column = columns[field];
  return column === undefined ? '' : cellText(cells[column.index]);
}

/** The raw cell of a field, for the columns whose numbers and booleans must not pass through text. */
export function fieldCell<F extends string>(columns: Columns<F>, cells: readonly Cell[], field: F): Cell {
  const column = columns[field];
  return column === undefined ? null : (cells[column.index] ?? null);
}
