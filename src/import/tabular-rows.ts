import type { ImportIssue, ImportIssueCode } from '../domain/import-issues';
import type { IndicatorInput } from '../domain/plan-format';
import type { ValueType } from '../domain/vocabulary';
import { fieldCell, fieldText, type Columns, type IndicatorField } from './tabular-headers';
import { isBlankRow, issueIn, type Cell, type TabularRow, type TabularSheet } from './tabular-sheet';
import {
  ownerAddress,
  parseDirection,
  parseTargetCell,
  parseValueType,
  parseYear,
  splitOwners,
  splitPeriodCodes,
  type TargetParse,
} from './tabular-values';

/** One indicator row read on its own. Structural cells may be blank: a goal's later rows inherit them. */
export interface RowFacts {
  row: number;
  /** False when the row cannot be placed in a plan (its year is no year); its keys still count. */
  placeable: boolean;
  /** The key as written, also when the indicator itself has issues, so that duplicates are still found. */
  indicatorKey: string;
  unitKey: string;
  unitName: string;
  /** The unit's chef, written on every row of the unit (or on some): the same address wherever written. */
  unitManager: string;
  year: number | undefined;
  perspective: string;
  area: string;
  goalKey: string;
  goal: string;
  owners: string[];
  /** Absent for a goal without indicators (an uppdrag), written as a row with the indicator cells blank. */
  indicator: IndicatorInput | undefined;
}

const INDICATOR_CELLS: readonly IndicatorField[] = [
  'indicatorKey',
  'indicator',
  'indicatorOwner',
  'valueType',
  'unitOfMeasure',
  'direction',
  'baseline',
  'target',
  'periods',
];

interface RowReader {
  text: (field: IndicatorField) => string;
  cell: (field: IndicatorField) => Cell;
  issue: (code: ImportIssueCode, field: IndicatorField, detail?: string) => ImportIssue;
}

/** Reads every non-blank data row; each problem in a cell becomes an issue on that row and column. */
export function readIndicatorRows(sheet: TabularSheet, columns: Columns<IndicatorField>): { facts: RowFacts[]; issues: ImportIssue[] } {
  const facts: RowFacts[] = [];
  const issues: ImportIssue[] = [];
  for (const row of sheet.rows) {
    if (isBlankRow(row)) continue;
    const read = readRow(rowReader(sheet, columns, row), row.row);
    issues.push(...read.issues);
    facts.push(read.facts);
  }
  return { facts, issues };
}

function rowReader(sheet: TabularSheet, columns: Columns<IndicatorField>, { row, cells }: TabularRow): RowReader {
  const text = (field: IndicatorField) => fieldText(columns, cells, field);
  return {
    text,
    cell: (field) => fieldCell(columns, cells, field),
    issue: (code, field, detail) =>
      issueIn(sheet, code, {
        row,
        field: columns[field]?.header ?? field,
        value: text(field),
        ...(detail === undefined ? {} : { detail }),
      }),
  };
}

function readRow(reader: RowReader, row: number): { facts: RowFacts; issues: ImportIssue[] } {
  const { text } = reader;
  const year = parseYear(text('planYear'));
  const badYear = text('planYear') !== '' && year === undefined;
  const indicator = readIndicator(reader);
  const facts: RowFacts = {
    row,
    placeable: !badYear,
    indicatorKey: text('indicatorKey'),
    unitKey: text('unitKey'),
    unitName: text('unitName'),
    unitManager: text('unitManager').toLowerCase(),
    year,
    perspective: text('perspective').replace(/\s+/gu, ' '),
    area: text('area').replace(/\s+/gu, ' '),
    goalKey: text('goalKey'),
    goal: text('goal'),
    owners: splitOwners(text('goalOwner')),
    indicator: indicator.indicator,
  };
  return { facts, issues: badYear ? [reader.issue('invalid_value', 'planYear'), ...indicator.issues] : indicator.issues };
}

function readIndicator(reader: RowReader): { indicator?: IndicatorInput; issues: ImportIssue[] } {
  const { text, issue } = reader;
  if (INDICATOR_CELLS.every((field) => text(field) === '')) return { issues: [] };
  const issues = (['indicatorKey', 'indicator', 'valueType'] as const)
    .filter((field) => text(field) === '')
    .map((field) => issue('missing_value', field));
  const valueType = parseValueType(text('valueType'));
  if (valueType === undefined && text('valueType') !== '') issues.push(issue('invalid_value_type', 'valueType'));
  const direction = parseDirection(text('direction'));
  if (direction === undefined) issues.push(issue('invalid_direction', 'direction'));
  if (valueType === undefined || direction === undefined) return { issues };
  const baseline = readTarget(reader, 'baseline', valueType, direction.baselineHint);
  const target = readTarget(reader, 'target', valueType);
  issues.push(...baseline.issues, ...target.issues);
  if (issues.length > 0) return { issues };
  const unit = text('unitOfMeasure');
  const owner = ownerAddress(text('indicatorOwner'));
  const periods = splitPeriodCodes(text('periods'));
  const indicator: IndicatorInput = {
    key: text('indicatorKey'),
    name: text('indicator'),
    ...(owner === '' ? {} : { owner }),
    valueType,
    ...(unit === '' ? {} : { unit }),
    direction: direction.direction,
    baseline: baseline.value,
    target: target.value,
    ...(periods.length === 0 ? {} : { periods }),
  };
  return { indicator, issues };
}

function readTarget(
  reader: RowReader,
  field: 'baseline' | 'target',
  valueType: ValueType,
  hint?: string,
): { value: number | boolean | null; issues: ImportIssue[] } {
  const own = reader.text(field) !== '';
  // A baseline in the direction cell counts only when the baseline column says nothing.
  const parsed: TargetParse = own || hint === undefined ? parseTargetCell(reader.cell(field), valueType) : parseTargetCell(hint, valueType);
  if (parsed.ok) return { value: parsed.value, issues: [] };
  const issue = reader.issue(parsed.code, own || hint === undefined ? field : 'direction', parsed.detail);
  return { value: null, issues: [issue] };
}
