import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { fileAttachment, makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { exitOf, startMain, waitForReady, type Started } from '../support/main-process';
import { testDatabaseName } from '../support/mongo';
import { cardText, TeamsUser } from '../support/teams-client';

const ROOT = path.resolve(__dirname, '../..');
const SEND_CONCURRENCY = 4;

interface PlanShape {
  plans: { perspectives: { areas?: { goals: Goal[] }[]; goals?: Goal[] }[] }[];
}
interface Goal {
  owners: string[];
  indicators: { owner?: string; periods?: string[] }[];
}

const plan = readJsonFixture(PLAN_FIXTURES.halland) as PlanShape;
const goals = plan.plans[0]!.perspectives.flatMap((p) => [...(p.goals ?? []), ...(p.areas ?? []).flatMap((a) => a.goals)]);
const OWNERS = [
  ...new Set(
    goals.flatMap((g) => [
      ...g.owners,
      ...g.indicators.filter((i) => !i.periods || i.periods.includes('UR1')).map((i) => i.owner ?? g.owners[0]!),
    ]),
  ),
].sort();

/**
 * The service as a real process (dist/, as `npm start` runs it), killed with SIGKILL in the middle of
 * an `öppna period` fan-out and started again on the same database: the jobs it held are taken up
 * after JOB_LEASE_SECONDS, and only sends that were in flight at the kill can arrive twice.
 */
// NOT YET WORKING, hence skipped: the process runs on the real clock, and its confirm card for
// Halland's 2022 UR1 has no "Skicka" (the period's dates are past). It needs a plan whose period is
// open today, and ~100–200 owners instead of Halland's 24.
describe.skip('SIGKILL in the middle of a fan-out', () => {
  jest.setTimeout(240_000);
  const uri = process.env.TEST_MONGODB_URI ?? '';
  const dbName = testDatabaseName('sigkill');
  const coordinator = makePerson('karin.controller@region.example', 'Karin Controller');
  let stub: ConnectorStub;
  let client: MongoClient;
  const running: Started[] = [];
  const env = {
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    UTFALL_COORDINATORS: coordinator.email,
    SEND_RATE_PER_SECOND: '10',
    SEND_CONCURRENCY: String(SEND_CONCURRENCY),
    JOB_LEASE_SECONDS: '5',
    CONNECTOR_TIMEOUT_SECONDS: '4',
    SCHEDULER_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'info',
  };
  const start = async () => {
    const started = await startMain({ root: ROOT, env });
    running.push(started);
    expect(await waitForReady(started.port)).toBe(200);
    return { started, endpoint: `http://127.0.0.1:${started.port}/api/messages` };
  };

  beforeAll(async () => {
    stub = await startConnectorStub();
    client = new MongoClient(uri);
    await client.connect();
  });
  afterAll(async () => {
    for (const { child } of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await client
      ?.db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await client?.close();
    await stub?.stop();
  });

  test('when the process is killed mid-way and started again, then every owner has their card and duplicates are at most the sends in flight', async () => {
    const first = await start();
    for (const person of [coordinator, ...OWNERS.map((email) => makePerson(email))]) {
      stub.addPerson(person);
      await new TeamsUser(person, stub, first.endpoint).install();
    }
    const karin = new TeamsUser(coordinator, stub, first.endpoint);
    const url = stub.serveFile('/halland-plan.json', readFixture(PLAN_FIXTURES.halland));
    const [imported] = await karin.say('importera', {
      attachments: [fileAttachment({ name: 'halland-plan.json', downloadUrl: url, fileType: 'json' })],
    });
    expect(cardText(imported!.card)).toContain('Planen är importerad');
    const [confirm] = await karin.say('öppna period UR1');
    stub.reset();

    const prompts = () => stub.sent().filter((s) => JSON.stringify(s.activity).includes('dina mål'));
    await karin.click(confirm!.card!, 'Skicka');
    await stub.waitFor(() => prompts().length >= Math.floor(OWNERS.length / 3), 60_000);
    const exit = exitOf(first.started.child);
    first.started.child.kill('SIGKILL');
    await exit;
    const atKill = prompts().length;

    await start();
    const reached = () => new Set(prompts().map((s) => s.conversationId));
    await stub.waitFor(() => reached().size >= OWNERS.length, 120_000);
    // Every prompt job is finished (done) before counting: nothing more can arrive.
    const jobs = client.db(dbName).collection('jobs');
    for (let i = 0; i < 600; i += 1) {
      if ((await jobs.countDocuments({ batch: 'prompt:2022/UR1', state: { $in: ['pending', 'running'] } })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const duplicates = prompts().length - reached().size;
    console.log(
      `SIGKILL mid fan-out: ${OWNERS.length} owners, ${atKill} prompts before the kill, ${duplicates} duplicate(s) after restart`,
    );
    for (const email of OWNERS) expect(reached().has(`a:personal-${makePerson(email).aadObjectId}`)).toBe(true);
    expect(reached().size).toBe(OWNERS.length);
    expect(duplicates).toBeLessThanOrEqual(SEND_CONCURRENCY);
    expect(await jobs.countDocuments({ batch: 'prompt:2022/UR1', state: { $ne: 'done' } })).toBe(0);
  });
});
