import type { z } from 'zod';
import { IMPORT_ISSUE_CODES, type ImportIssue, type ImportIssueCode } from '../domain/import-issues';

const KNOWN_CODES = new Set<string>(IMPORT_ISSUE_CODES);

/** Turns zod's issues into import issues with a readable JSON path (plans[0].periods[1].code). */
export function zodIssuesToImportIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ImportIssue[] {
  return issues.flatMap((issue): ImportIssue[] => {
    const path = formatPath(issue.path);
    const field = lastField(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ code: 'unknown_field' as const, path: path === '' ? key : `${path}.${key}`, field: key }));
    }
    const value = valueAt(input, issue.path);
    return [{ code: codeFor(issue, field, value), path, field, ...(value === undefined ? {} : { value: preview(value) }) }];
  });
}

function codeFor(issue: z.core.$ZodIssue, field: string, value: unknown): ImportIssueCode {
  if (KNOWN_CODES.has(issue.message)) return issue.message as ImportIssueCode;
  if (value === undefined) return 'missing_value';
  if (issue.code === 'invalid_value' && field === 'valueType') return 'invalid_value_type';
  if (issue.code === 'invalid_value' && field === 'direction') return 'invalid_direction';
  return 'invalid_value';
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out === '' ? String(part) : `${out}.${String(part)}`;
  }, '');
}

function lastField(path: readonly PropertyKey[]): string {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const part = path[index];
    if (typeof part === 'string') return part;
  }
  return '';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.prototype.hasOwnProperty.call(current, part) ? (current as Record<PropertyKey, unknown>)[part] : undefined;
  }
  return current;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
