import path from 'node:path';
import { MongoClient } from 'mongodb';
import { syntheticRegion } from '../../bench/synthetic-region';
import { jobBatches } from '../../src/domain/job-ids';
import { isSwedishHoliday } from '../../src/domain/swedish-holidays';
import { calendarDate } from '../../src/domain/time';
import { ConversationRepository, personalConversationKey } from '../../src/store/conversation-repository';
import { PeopleRepository } from '../../src/store/people-repository';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { fileAttachment, makePerson, personalConversationId } from '../support/activities';
import { exitOf, startMain, waitForReady, type Started } from '../support/main-process';
import { testDatabaseName } from '../support/mongo';
import { cardText, TeamsUser } from '../support/teams-client';

const ROOT = path.resolve(__dirname, '../..');
const SEND_CONCURRENCY = 4;
const OWNER_COUNT = 140;
const TIMEZONE = 'Europe/Stockholm';
const CODE = 'T1';

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The first working day (not a weekend, not a Swedish holiday) on or after `date`. */
function workingDayFrom(date: string): string {
  let day = date;
  for (;;) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isSwedishHoliday(day)) return day;
    day = addDays(day, 1);
  }
}

/**
 * A synthetic region whose T1 can be opened today on the real clock: it opens in a week (so the
 * scheduler does not open it on its own before the coordinator does), its deadline falls on a
 * working day after that, and it closes a week later. T2 and ÅR come after it.
 */
function planOpenableToday() {
  const today = calendarDate(new Date(), TIMEZONE);
  const year = Number(today.slice(0, 4));
  const t1Opens = addDays(today, 7);
  const t1Deadline = workingDayFrom(addDays(t1Opens, 10));
  const t2Opens = addDays(t1Deadline, 30);
  const t2Deadline = workingDayFrom(addDays(t2Opens, 10));
  const arOpens = addDays(t2Deadline, 30);
  const arDeadline = workingDayFrom(addDays(arOpens, 10));
  const region = syntheticRegion({ owners: OWNER_COUNT, goalsPerOwner: 1, indicatorsPerGoal: 2, plans: 3 });
  const periods = [
    { code: CODE, label: `Tertial 1 ${year}`, opens: t1Opens, deadline: t1Deadline, closes: addDays(t1Deadline, 7) },
    { code: 'T2', label: `Tertial 2 ${year}`, opens: t2Opens, deadline: t2Deadline, closes: addDays(t2Deadline, 7) },
    { code: 'ÅR', label: `Helår ${year}`, opens: arOpens, deadline: arDeadline, closes: addDays(arDeadline, 7) },
  ];
  const plans = region.plans.map((plan) => ({ ...plan, key: `${plan.unit}-${year}`, year, periods }));
  return { plan: { ...region, plans }, year };
}

const { plan, year } = planOpenableToday();
// The generator puts goals directly under perspectives (no areas).
const goals = plan.plans.flatMap((p) => p.perspectives.flatMap((x) => x.goals ?? []));
const OWNERS = [
  ...new Set(
    goals.flatMap((g) => [
      ...g.owners,
      ...(g.indicators ?? [])
        .filter((i) => !i.periods || i.periods.length === 0 || i.periods.includes(CODE))
        .map((i) => i.owner ?? g.owners[0]!),
    ]),
  ),
].sort();
const BATCH = jobBatches.prompt({ code: CODE, year });

interface LogLine {
  level?: number;
  msg?: string;
}

/** The process's pino lines at error level or above whose message speaks of something unhandled. */
function unhandledErrors(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => {
      try {
        const parsed = JSON.parse(line) as LogLine;
        return (parsed.level ?? 0) >= 50 && (parsed.msg ?? '').includes('unhandled');
      } catch {
        return false;
      }
    });
}

/**
 * The service as a real process (dist/, as `npm start` runs it), killed with SIGKILL in the middle of
 * an `öppna period` fan-out and started again on the same database: the jobs it held are taken up
 * after JOB_LEASE_SECONDS, and only sends that were in flight at the kill can arrive twice.
 */
describe('SIGKILL in the middle of a fan-out', () => {
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
    if (!uri) throw new Error('TEST_MONGODB_URI is not set: the jest globalSetup did not start a database.');
    stub = await startConnectorStub();
    client = new MongoClient(uri);
    await client.connect();
    // The owners have installed Utfall: their identities and personal chats are written through the
    // service's own repositories before it starts, as an install would leave them (150 installs by
    // activity would take most of the run). The fan-out itself runs in the process.
    const db = client.db(dbName);
    const people = new PeopleRepository(db);
    const conversations = new ConversationRepository(db);
    const now = new Date();
    for (const email of OWNERS) {
      const person = makePerson(email);
      stub.addPerson(person);
      await people.linkIdentity(
        {
          email: person.email,
          aadObjectId: person.aadObjectId,
          tenantId: person.tenantId,
          userId: person.userId,
          name: person.name,
          locale: 'sv-SE',
        },
        now,
      );
      const conversationId = personalConversationId(person.aadObjectId);
      await conversations.save(
        {
          key: personalConversationKey(person.aadObjectId),
          kind: 'personal',
          conversationId,
          reference: {
            channelId: 'msteams',
            serviceUrl: stub.url,
            conversation: { id: conversationId, conversationType: 'personal', tenantId: person.tenantId },
            user: { id: person.userId, aadObjectId: person.aadObjectId, name: person.name },
            bot: { id: '28:utfall', name: 'Utfall' },
          },
          aadObjectId: person.aadObjectId,
          teamId: null,
          teamName: null,
          channelName: null,
        },
        now,
      );
    }
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
    expect(OWNERS.length).toBeGreaterThanOrEqual(120);
    const first = await start();
    stub.addPerson(coordinator);
    const karin = new TeamsUser(coordinator, stub, first.endpoint);
    await karin.install();
    const url = stub.serveFile('/region-plan.json', Buffer.from(JSON.stringify(plan)));
    const [imported] = await karin.say('importera', {
      attachments: [fileAttachment({ name: 'region-plan.json', downloadUrl: url, fileType: 'json' })],
    });
    expect(cardText(imported!.card)).toContain('Planen är importerad');
    const [confirm] = await karin.say(`öppna period ${CODE}`);
    expect(cardText(confirm!.card)).toContain(`Skicka kort till ${OWNERS.length} av ${OWNERS.length} målägare`);
    stub.reset();

    const ownerConversations = new Set(OWNERS.map((email) => personalConversationId(makePerson(email).aadObjectId)));
    const prompts = () =>
      stub.sent().filter((s) => ownerConversations.has(s.conversationId) && JSON.stringify(s.activity).includes('dina mål'));
    await karin.click(confirm!.card!, 'Skicka');
    await stub.waitFor(() => prompts().length >= Math.floor(OWNERS.length / 3), 60_000);
    const exit = exitOf(first.started.child);
    first.started.child.kill('SIGKILL');
    await exit;
    const atKill = prompts().length;
    expect(atKill).toBeLessThan(OWNERS.length);

    const second = await start();
    const reached = () => new Set(prompts().map((s) => s.conversationId));
    await stub.waitFor(() => reached().size >= OWNERS.length, 120_000);
    // Every prompt job is finished (done) before counting: nothing more can arrive.
    const jobs = client.db(dbName).collection('jobs');
    for (let i = 0; i < 600; i += 1) {
      if ((await jobs.countDocuments({ batch: BATCH, state: { $in: ['pending', 'running'] } })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const duplicates = prompts().length - reached().size;
    console.log(
      `SIGKILL mid fan-out: ${OWNERS.length} owners, ${atKill} prompts before the kill, ${duplicates} duplicate(s) after restart`,
    );
    for (const conversationId of ownerConversations) expect(reached().has(conversationId)).toBe(true);
    expect(reached().size).toBe(OWNERS.length);
    expect(duplicates).toBeLessThanOrEqual(SEND_CONCURRENCY);
    expect(await jobs.countDocuments({ batch: BATCH })).toBe(OWNERS.length);
    expect(await jobs.countDocuments({ batch: BATCH, state: { $ne: 'done' } })).toBe(0);
    expect(unhandledErrors(first.started.output())).toEqual([]);
    expect(unhandledErrors(second.started.output())).toEqual([]);
  });
});
