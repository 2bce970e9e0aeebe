/**
 * A problem found in an import file, located as precisely as the source allows: a row and column
 * for XLSX/CSV, a JSON path for JSON. `code` is stable; i18n/import-texts.ts turns it into Swedish or English.
 */
export interface ImportIssue {
  code: ImportIssueCode;
  /** 1-based row in the sheet (the header is row 1), for XLSX/CSV. */
  row?: number;
  /** Sheet name for XLSX ('Perioder' or the first sheet's name). */
  sheet?: string;
  /** Column header as written in the file, or the JSON field name. */
  field?: string;
  /** JSON path such as plans[0].perspectives[1].goals[2].indicators[0].owner. */
  path?: string;
  /** What was found, shown back to the person (cut to a readable length). */
  value?: string;
  /** Extra facts for the message: an expected list, the other row of a duplicate, … */
  detail?: string;
}

export const IMPORT_ISSUE_CODES = [
  'file_too_large',
  'unsupported_file_type',
  'not_json',
  'not_xlsx',
  'not_csv',
  'csv_syntax',
  'forbidden_key',
  'unknown_field',
  'unknown_column',
  'missing_column',
  'missing_value',
  'invalid_value',
  'invalid_key',
  'invalid_email',
  'invalid_date',
  'invalid_number',
  'invalid_period_code',
  'invalid_value_type',
  'invalid_direction',
  'period_dates_out_of_order',
  'duplicate_key',
  'unknown_unit',
  'unit_cycle',
  'unknown_period',
  'plan_without_periods',
  'goal_without_owner',
  'conflicting_values',
  'target_type_mismatch',
  'missing_periods_sheet',
  'empty_file',
  'too_many_rows',
] as const;

export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/** What one import did to one kind of entity. */
export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export interface ImportCounts {
  units: SyncCounts;
  plans: SyncCounts;
  goals: SyncCounts;
  indicators: SyncCounts;
  periods: SyncCounts;
  people: { created: number };
}
