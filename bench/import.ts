import { createLogger } from '../src/logger';
import type { PlanFileInput } from '../src/domain/plan-format';
import { PlanImporter } from '../src/services/plan-importer';
import { connectMongo } from '../src/store/mongo';
import { PlanRepository } from '../src/store/plan-repository';
import { ensureIndexes } from '../src/store/indexes';
import { benchSummary } from './summary';
import { syntheticRegion } from './synthetic-region';
import { mb, seconds, timed } from './measure';

/** The plan import of a whole region (first, identical, one plan revised, everything changed), then the summary on that data. */
export async function benchImport(uri: string, indicators: number, options: { onSqlite: boolean; summary: boolean }): Promise<void> {
  const { onSqlite } = options;
  const logger = createLogger('warn');
  const mongo = await connectMongo({ uri, dbName: `bench_import_${Date.now()}`, connectTimeoutMs: 10_000, logger });
  await ensureIndexes(mongo.db);
  const region = syntheticRegion({
    owners: indicators / 5,
    goalsPerOwner: 1,
    indicatorsPerGoal: 5,
    plans: Math.max(1, Math.round(indicators / 250)),
  });
  const bytes = Buffer.from(JSON.stringify(region));
  const importer = new PlanImporter(new PlanRepository(mongo.db), {
    timezone: 'Europe/Stockholm',
    maxBytes: 200 * 1024 * 1024,
    organisation: 'Region Syntet',
    now: () => new Date('2026-01-10T08:00:00Z'),
  });
  const rssBefore = process.memoryUsage().rss;
  const first = await timed(() => importer.importFile({ fileName: 'region.json', bytes }));
  const rssAfter = process.memoryUsage().rss;
  const again = await timed(() => importer.importFile({ fileName: 'region.json', bytes }));
  // A revised plan: every indicator target of one plan moved, as a unit's corrected plan is imported again.
  moveTargets(region.plans.slice(0, 1));
  const revisedBytes = Buffer.from(JSON.stringify(region));
  const revised = await timed(() => importer.importFile({ fileName: 'region.json', bytes: revisedBytes }));
  // The worst case: every indicator of the region changed at once.
  const everything = !onSqlite || process.env.BENCH_FULL_CHANGE === '1';
  if (everything) moveTargets(region.plans);
  const changedBytes = Buffer.from(JSON.stringify(region));
  const changed = everything ? await timed(() => importer.importFile({ fileName: 'region.json', bytes: changedBytes })) : undefined;
  if (!first.value.ok || !again.value.ok || !revised.value.ok || (changed && !changed.value.ok)) throw new Error('synthetic import failed');
  console.log('Plan import (JSON, all or nothing, idempotent)');
  console.log(
    `  file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${first.value.summary.indicators} indicators, ${first.value.summary.goals} goals, ${region.plans.length} plans`,
  );
  console.log(
    `  first import:   ${seconds(first.ms)}  (${Math.round(first.value.summary.indicators / (first.ms / 1000))} indicators/s), RSS change ${rssAfter >= rssBefore ? '+' : '−'}${mb(Math.abs(rssAfter - rssBefore))}`,
  );
  console.log(
    `  re-import:      ${seconds(again.ms)}  (unchanged: ${again.value.counts.indicators.unchanged}, written: ${again.value.counts.indicators.created + again.value.counts.indicators.updated})`,
  );
  console.log(`  one plan revised: ${seconds(revised.ms)}  (its targets changed: updated ${revised.value.counts.indicators.updated})`);
  if (changed?.value.ok)
    console.log(
      `  changed import: ${seconds(changed.ms)}  (every target changed: updated ${changed.value.counts.indicators.updated}, unchanged ${changed.value.counts.indicators.unchanged})\n`,
    );
  else
    console.log(
      `  changed import: skipped on SQLite (BENCH_FULL_CHANGE=1 runs it): FerretDB 1.24 there hands no filter but \`_id\` to SQLite (and that one misses the index), so every plan rewritten scans the collection — ${region.plans.length} times the revised plan above\n`,
    );
  if (options.summary) await benchSummary(mongo.db);
  await mongo.db.dropDatabase();
  await mongo.close();
}

function moveTargets(plans: PlanFileInput['plans']): void {
  for (const plan of plans)
    for (const perspective of plan.perspectives)
      for (const goal of perspective.goals ?? [])
        for (const indicator of goal.indicators ?? []) indicator.target = Number(indicator.target ?? 0) + 1;
}
