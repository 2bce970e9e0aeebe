import { DateTime } from 'luxon';
import type { PlanImporter } from '../../services/plan-importer';
import { buildDemoPlan } from './demo-plan';

/** Imports the demo plan (DÅ08 opens today: the scheduler opens it and prompts its owners). */
export async function importDemoPlan(importer: PlanImporter, now: Date, timezone: string): Promise<void> {
  const plan = buildDemoPlan(DateTime.fromJSDate(now, { zone: timezone }).startOf('day'));
  const outcome = await importer.importFile({ fileName: 'demo-plan.json', bytes: Buffer.from(JSON.stringify(plan), 'utf8') });
  if (!outcome.ok) throw new Error(`The demo plan does not import: ${JSON.stringify(outcome.issues)}`);
}
