import type { ImportIssue, ImportIssueCode } from '../domain/import-issues';
import type { Columns, IndicatorField } from './tabular-headers';
import { issueIn, type TabularSheet } from './tabular-sheet';
import type { Sources } from './tabular-sources';

/** What grouping the indicator rows needs to report: the sheet, its columns and where issues go. */
export interface TreeContext {
  sheet: TabularSheet;
  columns: Columns<IndicatorField>;
  sources: Sources;
  issues: ImportIssue[];
}

export function header(context: TreeContext, field: IndicatorField): string {
  return context.columns[field]?.header ?? field;
}

export function rowIssue(
  context: TreeContext,
  code: ImportIssueCode,
  row: number,
  field: IndicatorField,
  value: string,
  detail?: string,
): void {
  const at = { row, field: header(context, field), value, ...(detail === undefined ? {} : { detail }) };
  context.issues.push(issueIn(context.sheet, code, at));
}

const MAX_SLUG = 40;

/**
 * A key fragment from a name: lower-case letters and digits joined by `-`. A long name is cut and
 * given a hash of the whole, so that two long names sharing a beginning still get different keys.
 */
export function slugOf(name: string): string {
  const slug =
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'x';
  if (slug.length <= MAX_SLUG) return slug;
  return `${slug.slice(0, MAX_SLUG - 8).replace(/-+$/u, '')}-${fnv1a(slug).toString(36).padStart(7, '0').slice(0, 7)}`;
}

// FNV-1a, 32 bits: tiny, pure and stable across runs and Node versions, which is all a key needs.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
