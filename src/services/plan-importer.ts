import path from 'node:path';
import type { ImportCounts, ImportIssue } from '../domain/import-issues';
import type { PlanFile } from '../domain/plan-format';
import { normalizePlanFile } from '../domain/plan-normalize';
import { deadlineNotes, type PlanNote } from '../domain/plan-checks';
import { calendarDate } from '../domain/time';
import { readCsv, parseCsvSheet } from '../import/read-csv';
import { readPlanJson } from '../import/read-json';
import { readXlsx } from '../import/read-xlsx';
import type { PeriodSource } from '../import/tabular';
import type { PlanRepository } from '../store/plan-repository';

export interface ImportFile {
  fileName: string;
  bytes: Buffer;
}

export type ImportOutcome =
  | { ok: true; kind: FileKind; counts: ImportCounts; summary: { plans: string[]; goals: number; indicators: number }; notes: PlanNote[] }
  | { ok: false; issues: ImportIssue[] };

type FileKind = 'json' | 'xlsx' | 'csv';

export interface PlanImporterOptions {
  timezone: string;
  maxBytes: number;
  organisation: string;
  now: () => Date;
}

/**
 * Import, all or nothing: the whole file is read and checked (format, then references) before the
 * first write, so a file with any problem writes nothing. Writing is idempotent, so an import that
 * is interrupted by a database failure is completed by running it again.
 */
export class PlanImporter {
  constructor(
    private readonly plans: PlanRepository,
    private readonly options: PlanImporterOptions,
  ) {}

  async importFile(file: ImportFile, periodsFile?: ImportFile): Promise<ImportOutcome> {
    const read = await this.read(file, periodsFile);
    if (!read.ok) return read;
    const normalized = normalizePlanFile(read.file);
    if (!normalized.ok) return normalized;
    const now = this.options.now();
    const counts = await this.plans.importPlan(normalized.plan, now, calendarDate(now, this.options.timezone));
    return {
      ok: true,
      kind: read.kind,
      counts,
      summary: {
        plans: normalized.plan.plans.map((plan) => plan.name),
        goals: normalized.plan.goals.length,
        indicators: normalized.plan.indicators.length,
      },
      notes: deadlineNotes(normalized.plan.periods),
    };
  }

  private async read(
    file: ImportFile,
    periodsFile: ImportFile | undefined,
  ): Promise<{ ok: true; kind: FileKind; file: PlanFile } | { ok: false; issues: ImportIssue[] }> {
    const tooLarge = [file, periodsFile].find((candidate) => candidate && candidate.bytes.length > this.options.maxBytes);
    if (tooLarge) {
      return {
        ok: false,
        issues: [
          {
            code: 'file_too_large',
            value: tooLarge.fileName,
            detail: `${megabytes(tooLarge.bytes.length)} > ${megabytes(this.options.maxBytes)}`,
          },
        ],
      };
    }
    const kind = kindOf(file.fileName);
    if (kind === null) {
      return { ok: false, issues: [{ code: 'unsupported_file_type', value: path.extname(file.fileName) || file.fileName }] };
    }
    let periods: PeriodSource | undefined;
    if (periodsFile) {
      const sheet = parseCsvSheet(periodsFile.bytes);
      if (!sheet.ok) return sheet;
      periods = sheet.sheet;
    }
    const tabular = { organisation: this.options.organisation, ...(periods ? { periods } : {}) };
    const result =
      kind === 'json'
        ? readPlanJson(file.bytes.toString('utf8'))
        : kind === 'xlsx'
          ? await readXlsx(file.bytes, tabular)
          : readCsv(file.bytes, tabular);
    return result.ok ? { ok: true, kind, file: result.file } : result;
  }
}

function kindOf(fileName: string): FileKind | null {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv' || extension === '.txt') return 'csv';
  return null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
