import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { jobBatches } from '../src/domain/job-ids';
import { parseConfig, type Config } from '../src/config';
import { createLogger } from '../src/logger';
import { stopProcess } from '../src/child-process';
import { startService, type RunningService } from '../src/service';
import type { Period } from '../src/domain/plan';
import { startConnectorStub, type ConnectorStub, type SentActivity } from '../test/support/connector-stub';
import { makePerson, personalConversationId } from '../test/support/activities';
import { syntheticRegion } from './synthetic-region';
import { seconds } from './measure';

/** The bench's instant: the synthetic region's T1 is open then. Instances in child processes use it too. */
export const FANOUT_NOW = '2026-05-01T08:00:00Z';

const serviceEnv = (uri: string, dbName: string): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  MONGODB_URI: uri,
  MONGODB_DB: dbName,
  LOG_LEVEL: 'silent',
  SCHEDULER_INTERVAL_SECONDS: '0',
  // 10 000 owners make a plan file of about 20 MB.
  MAX_UPLOAD_BYTES: String(200 * 1024 * 1024),
});

interface Prepared {
  service: RunningService;
  config: Config;
  periods: Period[];
  batches: string[];
}

/** A service on a fresh database with the synthetic region imported and every owner installed (a chat with the stub). */
async function prepare(uri: string, dbName: string, owners: number, stub: ConnectorStub): Promise<Prepared> {
  const config = parseConfig(serviceEnv(uri, dbName));
  const now = () => new Date(FANOUT_NOW);
  const service = await startService(config, createLogger('silent'), { now, startScheduler: false });
  const { deps, repositories } = service;
  const region = syntheticRegion({ owners, goalsPerOwner: 1, indicatorsPerGoal: 5, plans: Math.max(1, Math.round(owners / 50)) });
  const imported = await deps.importer.importFile({ fileName: 'region.json', bytes: Buffer.from(JSON.stringify(region)) });
  if (!imported.ok) throw new Error(`fan-out import failed: ${JSON.stringify(imported).slice(0, 500)}`);
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
  return { service, config, periods, batches };
}

async function jobCounts(prepared: Prepared) {
  const counts = await Promise.all(prepared.batches.map((batch) => prepared.service.repositories.jobs.countByState(batch)));
  return counts.reduce((sum, c) => ({ open: sum.open + c.pending + c.running, done: sum.done + c.done, failed: sum.failed + c.failed }), {
    open: 0,
    done: 0,
    failed: 0,
  });
}

/** The most sends the connector saw in any one second (a sliding window, as its throttling counts). */
function busiestSecond(sends: readonly SentActivity[]): number {
  const times = sends.map((send) => send.at).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Cards per owner beyond the first (there should be none). */
function duplicatesOf(sends: readonly SentActivity[]): number {
  return sends.length - new Set(sends.map((send) => send.conversationId)).size;
}

function paceLine(sends: readonly SentActivity[], startedAt: number, rate: number): string {
  const times = sends.map((send) => send.at).sort((a, b) => a - b);
  const elapsed = times[times.length - 1]! - startedAt;
  const overall = sends.length / (elapsed / 1000);
  // Between the first and the last card: the pace itself, without the opening before the first card.
  const steady = (sends.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000);
  return (
    `  time: ${seconds(elapsed)} → ${overall.toFixed(1)} prompts/s = ${((overall / rate) * 100).toFixed(1)} % of the configured ${rate}/s; ` +
    `first card after ${seconds(times[0]! - startedAt)}, then ${steady.toFixed(1)}/s (${((steady / rate) * 100).toFixed(1)} %)`
  );
}

/** One instance: open the period, tick until every prompt job is handled. Returns the service for the answers bench. */
export async function benchFanout(uri: string, owners: number) {
  const stub = await startConnectorStub();
  stub.limitRate(50);
  const prepared = await prepare(uri, `bench_fanout_${Date.now()}`, owners, stub);
  const { service, config } = prepared;
  const startedAt = Date.now();
  await service.deps.collect.openPeriods(prepared.periods);
  for (let ticks = 0; ticks <= 50; ticks += 1) {
    await service.scheduler.tick(new Date(new Date(FANOUT_NOW).getTime() + ticks * 60_000));
    if ((await jobCounts(prepared)).open === 0) break;
  }
  const sends = stub.sent();
  const counts = await jobCounts(prepared);
  const throttled = stub.requests().filter((r) => r.failedWith === 429).length;
  console.log(
    `Fan-out, one instance (open period → last prompt), pacing ${config.sendRatePerSecond}/s, ${config.sendConcurrency} in flight, connector limited to 50/s`,
  );
  console.log(
    `  owners: ${owners}, prompt jobs done: ${counts.done} (failed ${counts.failed}), cards delivered: ${sends.length}, duplicates: ${duplicatesOf(sends)}, 429 answers: ${throttled}, busiest second: ${busiestSecond(sends)} sends`,
  );
  console.log(paceLine(sends, startedAt, config.sendRatePerSecond));
  const rate = sends.length / ((Math.max(...sends.map((s) => s.at)) - startedAt) / 1000);
  console.log(`  projected for 10 000 owners at this rate: ${seconds((10_000 / rate) * 1000)}\n`);
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

/**
 * Two service processes on one database (as two App Service instances on one MongoDB), each with
 * its own scheduler ticking every second: the period is opened from a third process (the bench),
 * and both send through the send slots they share in the database, at SEND_RATE_PER_SECOND together.
 */
export async function benchFanoutInstances(uri: string, owners: number, instances = 2): Promise<void> {
  const stub = await startConnectorStub();
  stub.limitRate(50);
  const dbName = `bench_fanout2_${Date.now()}`;
  const prepared = await prepare(uri, dbName, owners, stub);
  const children: ChildProcess[] = [];
  try {
    // The jobs are there before any instance runs; then every instance starts its scheduler at once.
    await prepared.service.deps.collect.openPeriods(prepared.periods);
    children.push(...(await Promise.all(Array.from({ length: instances }, () => startInstance(uri, dbName)))));
    const startedAt = Date.now();
    for (const child of children) child.stdin!.write('go\n');
    const deadline = Date.now() + Math.max(120_000, (owners / 10) * 1000);
    while ((await jobCounts(prepared)).open > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    const sends = stub.sent();
    const counts = await jobCounts(prepared);
    const throttled = stub.requests().filter((r) => r.failedWith === 429).length;
    const shares = await sharesOf(prepared, children);
    console.log(
      `Fan-out, ${instances} service processes on one database (period opened, then both started at once, ticking every second), SEND_RATE_PER_SECOND ${prepared.config.sendRatePerSecond} on each (the shared budget), connector limited to 50/s`,
    );
    console.log(
      `  owners: ${owners}, prompt jobs done: ${counts.done} (failed ${counts.failed}, unfinished ${counts.open}), cards delivered: ${sends.length}, duplicates: ${duplicatesOf(sends)}, 429 answers: ${throttled}, busiest second: ${busiestSecond(sends)} sends`,
    );
    console.log(
      `  per instance: ${shares.map((n, i) => `#${i + 1} ${n} (${((n / Math.max(1, counts.done)) * 100).toFixed(0)} %)`).join(', ')}`,
    );
    console.log(`${paceLine(sends, startedAt, prepared.config.sendRatePerSecond)} (combined)\n`);
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
    await prepared.service.mongo.db.dropDatabase();
    await prepared.service.stop();
    await stub.stop();
  }
}

/** A service process (bench/fanout-instance.ts) on the database; resolves once it is listening. */
async function startInstance(uri: string, dbName: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'fanout-instance.js')], {
    env: { ...process.env, ...serviceEnv(uri, dbName), SCHEDULER_INTERVAL_SECONDS: '1', BENCH_NOW: FANOUT_NOW },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fan-out instance exited with ${code}`)));
  });
  return child;
}

/** How many prompts each instance sent: the owner of each done job's winning claim is `<pid>-<uuid>`. */
async function sharesOf(prepared: Prepared, children: readonly ChildProcess[]): Promise<number[]> {
  const jobs = (await Promise.all(prepared.batches.map((batch) => prepared.service.repositories.jobs.listBatch(batch)))).flat();
  const byPid = new Map<string, number>();
  for (const job of jobs.filter((j) => j.state === 'done' && j.result?.activityId)) {
    const holder = await prepared.service.repositories.claims.holder(`job:${job.id}#${job.attempts}`);
    const pid = holder?.split('-')[0] ?? '?';
    byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
  }
  return children.map((child) => byPid.get(String(child.pid)) ?? 0);
}
