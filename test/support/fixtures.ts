import { readFileSync } from 'node:fs';
import path from 'node:path';

/** ../shared/fixtures beside the project (see DEVELOPERS.md), or SHARED_DIR. */
export const SHARED_FIXTURES = path.resolve(process.env.SHARED_DIR ?? path.resolve(__dirname, '../../../shared'), 'fixtures');
export const LOCAL_FIXTURES = path.resolve(__dirname, '../fixtures');

export const PLAN_FIXTURES = {
  norrbotten: path.join(SHARED_FIXTURES, 'norrbotten-plan.json'),
  halland: path.join(SHARED_FIXTURES, 'halland-plan.json'),
  exempel: path.join(LOCAL_FIXTURES, 'exempel-plan.json'),
} as const;

export function readFixture(file: string): Buffer {
  return readFileSync(file);
}

export function readJsonFixture(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}
