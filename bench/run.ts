import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../src/logger';
import { PlanImporter } from '../src/services/plan-importer';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../src/store/embedded-ferretdb';
import { connectMongo } from '../src/store/mongo';
import { PlanRepository } from '../src/store/plan-repository';
import { ensureIndexes } from '../src/store/indexes';
import { benchAnswers, benchSteadySaves } from './answers';
import { benchFanout, benchFanoutInstances } from './fanout';
import { benchReport } from './report';
import { benchSummary } from './summary';
import { syntheticRegion } from './synthetic-region';
import type { PlanFileInput } from '../src/domain/plan-format';

/**
 * `npm run bench`: figures on a synthetic region (SPEC §8). Sizes come from the environment so a
 * full-size run is one variable away: BENCH_INDICATORS (default 50 000), BENCH_FANOUT_OWNERS
 * (default 1 000; 10 000 is the full region and takes about 230 s at 45/s, twice: one instance, then two),
 * BENCH_CONCURRENT_OWNERS (default 200), BENCH_REPORT_GOALS (default 1 000, five indicators each).
 */
async function main(): Promise<void> {
  const indicators = Number(process.env.BENCH_INDICATORS ?? 50_000);
  const fanoutOwners = Number(process.env.BENCH_FANOUT_OWNERS ?? 1_000);
  const concurrentOwners = Number(process.env.BENCH_CONCURRENT_OWNERS ?? 200);
  // BENCH_PARTS picks parts (report, import, fanout; answers runs with fanout), e.g. BENCH_PARTS=import.
  const parts = new Set((process.env.BENCH_PARTS ?? 'report,import,fanout').split(','));
  // First, while the process is small, so its RSS is the report's own.
  if (parts.has('report')) await benchReport(Number(process.env.BENCH_REPORT_GOALS ?? 1_000));
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-bench-'));
  let ferret: EmbeddedFerretDb | undefined;
  try {
    const uri =
      process.env.MONGODB_URI ?? (ferret = await startEmbeddedFerretDb({ binary: path.resolve('.tools/bin/ferretdb'), dataDir: temp })).uri;
    console.log(
      `database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded FerretDB 1.24 (SQLite)'}; machine: ${os.cpus().length} cores, node ${process.version}\n`,
    );
    if (parts.has('import')) await benchImport(uri, indicators, !process.env.MONGODB_URI);
    if (parts.has('fanout')) {
      const service = await benchFanout(uri, fanoutOwners);
      await benchAnswers(service, concurrentOwners);
      await benchSteadySaves(
        service,
        concurrentOwners,
        Number(process.env.BENCH_STEADY_RATE ?? 20),
        Number(process.env.BENCH_STEADY_SECONDS ?? 10),
      );
      await service.stop();
      await benchFanoutInstances(uri, fanoutOwners);
    }
  } finally {
    await ferret?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

async function benchImport(uri: string, indicators: number, onSqlite: boolean): Promise<void> {
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
    `  first import:   ${seconds(first.ms)}  (${Math.round(first.value.summary.indicators / (first.ms / 1000))} indicators/s), RSS +${mb(rssAfter - rssBefore)}`,
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
      '  changed import: skipped on SQLite (BENCH_FULL_CHANGE=1 runs it): FerretDB 1.24 there updates a document by _id with a scan of the whole collection, so changing every indicator is quadratic\n',
    );
  await benchSummary(mongo.db);
  await mongo.db.dropDatabase();
  await mongo.close();
}

function moveTargets(plans: PlanFileInput['plans']): void {
  for (const plan of plans)
    for (const perspective of plan.perspectives)
      for (const goal of perspective.goals ?? [])
        for (const indicator of goal.indicators ?? []) indicator.target = Number(indicator.target ?? 0) + 1;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
