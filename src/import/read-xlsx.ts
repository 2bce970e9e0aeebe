import ExcelJS from 'exceljs';
import type { ImportIssue } from '../domain/import-issues';
import type { TabularImportOptions } from './read-csv';
import { tabularToPlanFile } from './tabular';
import { MAX_ROWS, issueIn, type TabularResult, type TabularSheet } from './tabular-sheet';
import { sheetOf } from './xlsx-sheet';

export type { TabularImportOptions } from './read-csv';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Legacy .xls and password-protected .xlsx are OLE compound files, not zips.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PERIOD_SHEET_NAMES = new Set(['perioder', 'periods']);

export type XlsxSheetsResult = { ok: true; indicators: TabularSheet; periods: TabularSheet | null } | { ok: false; issues: ImportIssue[] };

/**
 * Reads a plan workbook: the first worksheet holds the indicators, a sheet named `Perioder` (or
 * `Periods`) the periods unless the options give them. Never throws: a file that is not an xlsx
 * workbook is the issue 'not_xlsx'.
 */
export async function readXlsx(buffer: Uint8Array, options: TabularImportOptions): Promise<TabularResult> {
  const sheets = await readXlsxSheets(buffer);
  if (!sheets.ok) return sheets;
  return tabularToPlanFile({
    indicators: sheets.indicators,
    periods: options.periods ?? sheets.periods,
    organisation: options.organisation,
  });
}

/** The indicator sheet and the periods sheet (null when the workbook has none) of a workbook. */
export async function readXlsxSheets(buffer: Uint8Array): Promise<XlsxSheetsResult> {
  if (startsWith(buffer, OLE_MAGIC)) return notXlsx('ole');
  if (!startsWith(buffer, ZIP_MAGIC)) return notXlsx('not_zip');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types `load` with its own ArrayBuffer-like Buffer; a copy gives it exactly the file's bytes.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    return notXlsx('unreadable');
  }
  // exceljs lists worksheets in tab order.
  const worksheets = workbook.worksheets;
  const periodSheet = worksheets.find((worksheet) => PERIOD_SHEET_NAMES.has(worksheet.name.trim().toLowerCase()));
  const indicatorSheet = worksheets.find((worksheet) => worksheet !== periodSheet);
  if (indicatorSheet === undefined) return { ok: false, issues: [{ code: 'empty_file' }] };
  const indicators = sheetOf(indicatorSheet);
  if (indicators === 'too_many_rows') return tooManyRows(indicatorSheet.name);
  const periods = periodSheet === undefined ? null : sheetOf(periodSheet);
  if (periods === 'too_many_rows') return tooManyRows(periodSheet?.name);
  return { ok: true, indicators, periods };
}

function tooManyRows(name: string | undefined): XlsxSheetsResult {
  return { ok: false, issues: [issueIn(name === undefined ? undefined : { name }, 'too_many_rows', { detail: String(MAX_ROWS) })] };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function notXlsx(detail: string): XlsxSheetsResult {
  return { ok: false, issues: [{ code: 'not_xlsx', detail }] };
}
