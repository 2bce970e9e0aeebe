import type { ImportIssue } from '../domain/import-issues';
import { PlanFileSchema, type PlanFile } from '../domain/plan-format';
import { zodIssuesToImportIssues } from './zod-issues';

export type ReadResult = { ok: true; file: PlanFile } | { ok: false; issues: ImportIssue[] };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads the canonical JSON plan. Keys starting with "$" (MongoDB operators) or naming the object
 * prototype are refused outright, wherever they are, before the schema looks at anything.
 */
export function readPlanJson(text: string): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issues: [{ code: 'not_json', detail: error instanceof Error ? error.message : String(error) }] };
  }
  const forbidden = findForbiddenKeys(parsed, '');
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const result = PlanFileSchema.safeParse(parsed);
  if (!result.success) return { ok: false, issues: zodIssuesToImportIssues(result.error.issues, parsed) };
  return { ok: true, file: result.data };
}

function findForbiddenKeys(value: unknown, path: string): ImportIssue[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findForbiddenKeys(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const here = path === '' ? key : `${path}.${key}`;
    if (key.startsWith('$') || FORBIDDEN.has(key)) return [{ code: 'forbidden_key' as const, path: here, field: key }];
    return findForbiddenKeys((value as Record<string, unknown>)[key], here);
  });
}
