import type { Cell as ExcelCell, Worksheet } from 'exceljs';
import { MAX_ROWS, cellText, type Cell, type TabularRow, type TabularSheet } from './tabular-sheet';

/**
 * The value of an exceljs cell as the import reads it: rich text joined, a formula's cached
 * result, a hyperlink's text, an error as its `#N/A` text. Numbers stay numbers, except that a
 * percent-formatted cell holds a fraction (5,1 % is 0.051) and the plan format wants 5.1.
 */
export function cellOf(cell: ExcelCell): Cell {
  const value = plainValue(cell.value);
  if (typeof value === 'number' && typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) {
    return Number((value * 100).toPrecision(12));
  }
  return value;
}

function plainValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const richText: unknown = Reflect.get(value, 'richText');
  if (Array.isArray(richText)) return richText.map((run: unknown) => textOf(run)).join('');
  if ('result' in value) return plainValue(Reflect.get(value, 'result'));
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return plainValue(Reflect.get(value, 'text'));
  const error: unknown = Reflect.get(value, 'error');
  return typeof error === 'string' ? error : null;
}

function textOf(run: unknown): string {
  const text: unknown = typeof run === 'object' && run !== null ? Reflect.get(run, 'text') : undefined;
  return typeof text === 'string' ? text : '';
}

/**
 * A worksheet as a sheet: the first non-blank row is the header, every later row keeps its sheet
 * row number. Returns 'too_many_rows' before converting anything when the sheet is too long.
 */
export function sheetOf(worksheet: Worksheet): TabularSheet | 'too_many_rows' {
  if (worksheet.actualRowCount > MAX_ROWS + 1) return 'too_many_rows';
  const width = worksheet.columnCount;
  const rows: TabularRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellOf(row.getCell(column)));
    rows.push({ row: rowNumber, cells });
  });
  const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cellText(cell) !== ''));
  const headerRow = rows[headerIndex];
  if (headerRow === undefined) return { name: worksheet.name, header: [], rows: [] };
  return {
    name: worksheet.name,
    header: headerRow.cells.map((cell) => cellText(cell)),
    headerRow: headerRow.row,
    rows: rows.slice(headerIndex + 1),
  };
}
