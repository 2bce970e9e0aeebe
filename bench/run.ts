import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { jobBatches } from '../src/domain/job-ids';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { PlanImporter } from '../src/services/plan-importer';
import { startService } from '../src/service';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../src/store/embedded-ferretdb';
import { connectMongo } from '../src/store/mongo';
import { PlanRepository } from '../src/store/plan-repository';
import { startConnectorStub } from '../test/support/connector-stub';
import { makePerson, personalConversationId } from '../test/support/activities';
import { benchAnswers, benchSteadySaves } from './answers';
import { benchReport } from './report';
import { benchSummary } from './summary';
import { syntheticRegion } from './synthetic-region';

/**
 * `npm run bench`: figures on a synthetic region (SPEC §8). Sizes come from the environment so a
 * full-size run is one variable away: BENCH_INDICATORS (default 50 000), BENCH_FANOUT_OWNERS
 * (default 1 000; 10 000 is the full region and takes about 200 s at Teams' 50/s),
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
    if (parts.has('import')) await benchImport(uri, indicators);
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
    }
  } finally {
    await ferret?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

async function benchImport(uri: string, indicators: number): Promise<void> {
  const logger = createLogger('warn');
  const mongo = await connectMongo({ uri, dbName: `bench_import_${Date.now()}`, connectTimeoutMs: 10_000, logger });
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
  // A changed plan: every indicator's target moved, as a revised plan would be imported again.
  for (const plan of region.plans)
    for (const perspective of plan.perspectives)
      for (const goal of perspective.goals ?? [])
        for (const indicator of goal.indicators ?? []) indicator.target = Number(indicator.target ?? 0) + 1;
  const changedBytes = Buffer.from(JSON.stringify(region));
  const changed = await timed(() => importer.importFile({ fileName: 'region.json', bytes: changedBytes }));
  if (!first.value.ok || !again.value.ok || !changed.value.ok) throw new Error('synthetic import failed');
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
  console.log(
    `  changed import: ${seconds(changed.ms)}  (every target changed: updated ${changed.value.counts.indicators.updated}, unchanged ${changed.value.counts.indicators.unchanged})\n`,
  );
  await benchSummary(mongo.db);
  await mongo.db.dropDatabase();
  await mongo.close();
}

async function benchFanout(uri: string, owners: number) {
  const stub = await startConnectorStub();
  stub.limitRate(50);
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: uri,
    MONGODB_DB: `bench_fanout_${Date.now()}`,
    LOG_LEVEL: 'silent',
    SCHEDULER_INTERVAL_SECONDS: '0',
  });
  const now = () => new Date('2026-05-01T08:00:00Z');
  const service = await startService(config, createLogger('silent'), { now, startScheduler: false });
  const { deps, repositories } = service;
  const region = syntheticRegion({ owners, goalsPerOwner: 1, indicatorsPerGoal: 5, plans: Math.max(1, Math.round(owners / 50)) });
  const imported = await deps.importer.importFile({ fileName: 'region.json', bytes: Buffer.from(JSON.stringify(region)) });
  if (!imported.ok) throw new Error('fan-out import failed');
  for (let i = 0; i < owners; i += 1) {
    const person = makePerson(`agare${i}@region.example`);
    await repositories.people.linkIdentity(
      {
        email: person.email,
        aadObjectId: person.aadObjectId,
        tenantId: person.tenantId,
        userId: person.userId,
        name: person.name,
        locale: 'sv-SE',
      },
      now(),
    );
    await repositories.conversations.save(
      {
        key: `personal:${person.aadObjectId}`,
        kind: 'personal',
        conversationId: personalConversationId(person.aadObjectId),
        reference: {
          channelId: 'msteams',
          serviceUrl: stub.url,
          conversation: { id: personalConversationId(person.aadObjectId), conversationType: 'personal', tenantId: person.tenantId },
          user: { id: person.userId, aadObjectId: person.aadObjectId },
          bot: { id: '28:bench', name: 'Utfall' },
        },
        aadObjectId: person.aadObjectId,
        teamId: null,
        teamName: null,
        channelName: null,
      },
      now(),
    );
  }
  const periods = await deps.collect.periodsFor('T1', null, ['draft']);
  // One inbox card per owner and period code of a year, however many plans they have goals in.
  const years = new Map((await repositories.plans.listPlans()).map((plan) => [plan.key, plan.year]));
  const batches = [...new Set(periods.map((p) => jobBatches.prompt({ code: p.code, year: years.get(p.plan) ?? 0 })))];
  const started = performance.now();
  await deps.collect.openPeriods(periods);
  let ticks = 0;
  for (;;) {
    await service.scheduler.tick(new Date(now().getTime() + ticks * 60_000));
    ticks += 1;
    const pending = (await Promise.all(batches.map((batch) => repositories.jobs.countByState(batch)))).reduce(
      (sum, c) => sum + c.pending + c.running,
      0,
    );
    if (pending === 0 || ticks > 50) break;
  }
  const elapsed = performance.now() - started;
  const sends = stub.sent();
  const throttled = stub.requests().filter((r) => r.failedWith === 429).length;
  // Duplicates: cards delivered beyond one per done job (there should be none).
  const jobsDone = (await Promise.all(batches.map((batch) => repositories.jobs.countByState(batch)))).reduce((sum, c) => sum + c.done, 0);
  console.log(
    `Fan-out (open period → last prompt), pacing ${config.sendRatePerSecond}/s, ${config.sendConcurrency} in flight, connector limited to 50/s`,
  );
  console.log(
    `  owners: ${owners}, prompt jobs done: ${jobsDone}, cards delivered: ${sends.length}, duplicates: ${sends.length - jobsDone}, 429 answers: ${throttled}`,
  );
  console.log(
    `  time: ${seconds(elapsed)}  → ${(sends.length / (elapsed / 1000)).toFixed(1)} prompts/s; floor at 50/s would be ${seconds((owners / 50) * 1000)} (${((((owners / 50) * 1000) / elapsed) * 100).toFixed(0)} % of the floor's speed)`,
  );
  console.log(`  projected for 10 000 owners at this rate: ${seconds((10_000 / (sends.length / (elapsed / 1000))) * 1000)}\n`);
  return {
    service,
    stub,
    owners,
    stop: async () => {
      await service.mongo.db.dropDatabase();
      await service.stop();
      await stub.stop();
    },
  };
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
