import { performance } from 'node:perf_hooks';
import { jobBatches } from '../src/domain/job-ids';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startService } from '../src/service';
import { startConnectorStub } from '../test/support/connector-stub';
import { makePerson, personalConversationId } from '../test/support/activities';
import { syntheticRegion } from './synthetic-region';

export async function benchFanout(uri: string, owners: number) {
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

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
