import type { ZodError } from 'zod';
import { IMPORT_ISSUE_CODES, type ImportIssue, type ImportIssueCode } from '../domain/import-issues';
import { issueIn } from './tabular-sheet';

/** Where an object of the built plan file came from: its row, and the header behind each property. */
export interface Source {
  row?: number;
  sheet?: string;
  /** For values given as options rather than in a sheet, such as the command's periods. */
  path?: string;
  fields: Record<string, string>;
}

/** Built objects → their rows. A WeakMap because periods are shared between plans and keep one origin. */
export type Sources = WeakMap<object, Source>;

type ZodIssue = ZodError['issues'][number];

const CODES = new Set<string>(IMPORT_ISSUE_CODES);

/**
 * Turns PlanFileSchema's issues into ImportIssues placed on the row and column the failing value
 * came from: walks the issue path through the built file and keeps the deepest object with a source.
 */
export function issuesFromZod(data: unknown, zodIssues: readonly ZodIssue[], sources: Sources): ImportIssue[] {
  const issues = zodIssues.map((zodIssue) => {
    const { source, property, value } = locate(data, zodIssue.path, sources);
    const field = property === undefined ? undefined : source?.fields[property];
    return issueIn(source?.sheet === undefined ? undefined : { name: source.sheet }, codeOf(zodIssue, value), {
      ...(source?.row === undefined ? {} : { row: source.row }),
      ...(source?.path === undefined ? {} : { path: source.path }),
      ...(field === undefined ? {} : { field }),
      ...(isPrimitive(value) ? { value: String(value) } : {}),
    });
  });
  // zod still runs a period's date-order check when one of its dates is no date; that date says it all.
  const place = (issue: ImportIssue) => JSON.stringify([issue.sheet, issue.row, issue.path]);
  const badDates = new Set(issues.filter((issue) => issue.code === 'invalid_date').map(place));
  return issues.filter((issue) => issue.code !== 'period_dates_out_of_order' || !badDates.has(place(issue)));
}

function locate(data: unknown, path: readonly PropertyKey[], sources: Sources) {
  let node: unknown = data;
  let source: Source | undefined;
  let property: string | undefined;
  for (const segment of path) {
    if (!isObject(node)) return { source, property, value: undefined };
    const own = sources.get(node);
    if (own !== undefined) {
      source = own;
      property = String(segment);
    }
    node = Reflect.get(node, segment);
  }
  if (isObject(node) && sources.has(node)) return { source: sources.get(node), property: undefined, value: node };
  return { source, property, value: node };
}

function codeOf(zodIssue: ZodIssue, value: unknown): ImportIssueCode {
  // The schemas use issue codes as messages wherever a specific code exists.
  if (isIssueCode(zodIssue.message)) return zodIssue.message;
  if (zodIssue.code === 'invalid_type' && value === undefined) return 'missing_value';
  if (zodIssue.code === 'too_small' && zodIssue.origin === 'string') return 'missing_value';
  if (zodIssue.code === 'unrecognized_keys') return 'unknown_field';
  return 'invalid_value';
}

function isIssueCode(text: string): text is ImportIssueCode {
  return CODES.has(text);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
