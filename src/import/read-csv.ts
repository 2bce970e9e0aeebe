import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportIssue } from '../domain/import-issues';
import { tabularToPlanFile } from './tabular';
import type { PeriodSource } from './tabular-periods';
import { cellText, type TabularResult, type TabularRow, type TabularSheet } from './tabular-sheet';

export interface TabularImportOptions {
  /** PlanFileSchema requires it and a sheet has no place for it. */
  organisation: string;
  /** Periods from the command; for XLSX they take the place of the `Perioder` sheet. */
  periods?: PeriodSource;
}

// With `info: true` csv-parse returns { record, info } per record although its types say string[][].
const CsvRecordsSchema = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

export type CsvSheetResult = { ok: true; sheet: TabularSheet } | { ok: false; issues: ImportIssue[] };

/** Reads a plan CSV (`;` or `,`, UTF-8 with or without BOM) into a plan file. Never throws. */
export function readCsv(input: string | Uint8Array, options: TabularImportOptions): TabularResult {
  const read = parseCsvSheet(input);
  if (!read.ok) return read;
  return tabularToPlanFile({ indicators: read.sheet, periods: options.periods ?? null, organisation: options.organisation });
}

/**
 * Parses CSV text or bytes into a sheet (also usable for a periods CSV; `name`, such as its file
 * name, then tells its issues apart from the indicator file's). Rows are numbered by the line each
 * record starts on, which is the spreadsheet row unless a cell holds a line break.
 */
export function parseCsvSheet(input: string | Uint8Array, name?: string): CsvSheetResult {
  const decoded = typeof input === 'string' ? { ok: true as const, text: input } : decodeCsv(input);
  if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
  // Normalised line ends keep csv-parse's line count right; CRLF inside a quoted cell becomes LF, which is harmless.
  const text = decoded.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  if (text.trim() === '') return { ok: false, issues: [{ code: 'empty_file' }] };
  let records: unknown;
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: false, skip_empty_lines: true, info: true });
  } catch (error) {
    return { ok: false, issues: [csvIssue(error)] };
  }
  const checked = CsvRecordsSchema.safeParse(records);
  if (!checked.success) return { ok: false, issues: [{ code: 'not_csv' }] };
  const rows: TabularRow[] = checked.data.map(({ record, info }) => ({ row: startLine(record, info.lines), cells: record }));
  const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cellText(cell) !== ''));
  const headerRow = rows[headerIndex];
  if (headerRow === undefined) return { ok: false, issues: [{ code: 'empty_file' }] };
  const header = headerRow.cells.map((cell) => cellText(cell));
  const sheet: TabularSheet = { header, headerRow: headerRow.row, rows: rows.slice(headerIndex + 1) };
  return { ok: true, sheet: name === undefined ? sheet : { name, ...sheet } };
}

function startLine(record: readonly string[], endLine: number): number {
  return endLine - record.reduce((breaks, cell) => breaks + (cell.match(/\n/gu)?.length ?? 0), 0);
}

/** `;` (Swedish Excel) or `,`: whichever occurs more often outside quotes in the first line with text. */
export function detectDelimiter(text: string): ';' | ',' {
  let quoted = false;
  let semicolons = 0;
  let commas = 0;
  for (const char of text.trimStart()) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/**
 * UTF-8 as the format says; bytes that are not UTF-8 are read as Windows-1252, which is what
 * Swedish Excel writes for "CSV (semikolonavgränsad)". NUL bytes mean a binary file, not CSV.
 */
function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; issue: ImportIssue } {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, issue: { code: 'not_csv', detail: 'binary' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

function csvIssue(error: unknown): ImportIssue {
  if (error instanceof CsvError) {
    const lines: unknown = Reflect.get(error, 'lines');
    return { code: 'csv_syntax', ...(typeof lines === 'number' ? { row: lines } : {}), detail: error.code };
  }
  return { code: 'csv_syntax', detail: error instanceof Error ? error.message : String(error) };
}
