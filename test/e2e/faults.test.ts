import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/store/embedded-ferretdb';
import { PromptJobData } from '../../src/domain/jobs';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

const ROOT = path.resolve(__dirname, '../..');

describe('the database stopped and restarted under a load of saves', () => {
  jest.setTimeout(180_000);
  const PERIOD = 'RS-2026/DÅ04';
  const WORKERS = 4;
  let stub: ConnectorStub;
  let bot: TestService;
  let database: EmbeddedFerretDb;
  let dataDir: string;
  let anna: TeamsUser;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-faults-'));
    database = await startEmbeddedFerretDb({ binary: path.join(ROOT, '.tools/bin/ferretdb'), dataDir });
    stub = await startConnectorStub();
    const now = new Date('2026-05-04T08:00:00Z');
    bot = await startTestService({ MONGODB_URI: database.uri }, { now: () => now, startScheduler: false }, { captureLogs: true });
    anna = new TeamsUser(makePerson('anna.berg@region.example', 'Anna Berg'), stub, bot.endpoint);
    stub.addPerson(anna.person);
    await anna.install();
    const imported = await bot.service.deps.importer.importFile({
      fileName: 'exempel-plan.json',
      bytes: readFixture(PLAN_FIXTURES.exempel),
    });
    expect(imported.ok).toBe(true);
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('DÅ04', null, ['draft']));
  });
  afterAll(async () => {
    await bot?.service.stop();
    await stub?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('when saves keep coming while the database stops and comes back, then every acknowledged save is stored and the rest were told to try again', async () => {
    type Outcome = 'saved' | 'retry' | 'conflict' | 'other';
    const outcomes: { value: string; outcome: Outcome; phase: 'before' | 'outage' | 'after'; note?: string }[] = [];
    let phase: 'before' | 'outage' | 'after' = 'before';
    let counter = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        counter += 1;
        // Unique per save (so a lost one shows) and near the target (4,6 %), so the form never asks
        // whether an implausible value was meant instead of saving it.
        const value = `4,${String(counter).padStart(5, '0')} %`;
        const started = phase;
        let outcome: Outcome;
        let note: string | undefined;
        try {
          const form = await anna.invoke('goal.open', { period: PERIOD, goal: 'RS-G7' });
          if (cardText(form).includes('Försök igen om en stund')) {
            outcomes.push({ value, outcome: 'retry', phase: started });
            // As a person would: try again in a moment, not in a tight loop that piles work on a cold database.
            await new Promise((resolve) => setTimeout(resolve, 250));
            continue;
          }
          const answer = cardText(await anna.click(form, 'Spara', { 'RS-G7-I1.outcome': value }));
          outcome = answer.includes('Sparat.')
            ? 'saved'
            : answer.includes('Försök igen om en stund')
              ? 'retry'
              : /ändrat samma svar|Svaret har ändrats/.test(answer)
                ? 'conflict'
                : 'other';
          if (outcome === 'other') note = answer.slice(0, 300);
        } catch (error) {
          outcome = 'other'; // an HTTP error or no card: what Teams must never get
          note = String(error).slice(0, 300);
        }
        outcomes.push({ value, outcome, phase: started, note });
        if (outcome === 'retry') await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const acknowledged = () => outcomes.filter((o) => o.outcome === 'saved').length;
    const workers = Array.from({ length: WORKERS }, () => worker());
    // A guard against a hang, not a timed assertion: it says where the run got stuck.
    const until = async (what: string, done: () => boolean) => {
      for (let i = 0; !done(); i += 1) {
        if (i > 2_400) {
          stop = true;
          throw new Error(`stuck waiting for ${what}: ${JSON.stringify(outcomes.slice(-3))}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await until('10 saves', () => acknowledged() >= 10);
    phase = 'outage';
    await database.stop();
    const duringOutage = outcomes.length;
    await until('saves during the outage', () => outcomes.length >= duringOutage + 2 * WORKERS);
    database = await startEmbeddedFerretDb({ binary: path.join(ROOT, '.tools/bin/ferretdb'), dataDir, port: database.port });
    phase = 'after';
    const ackBeforeRestart = acknowledged();
    await until('saves after the restart', () => acknowledged() >= ackBeforeRestart + 10);
    stop = true;
    await Promise.all(workers);

    const history = await bot.service.repositories.responses.historyOf('indicator:RS-G7-I1', PERIOD);
    const storedValues = new Set(history.map((entry) => (entry.after as { outcomeText?: string }).outcomeText));
    const saved = outcomes.filter((o) => o.outcome === 'saved');
    const lost = saved.filter((o) => !storedValues.has(o.value));
    const count = (outcome: Outcome) => outcomes.filter((o) => o.outcome === outcome).length;
    console.log(
      `database restart under load: ${outcomes.length} saves, ${saved.length} acknowledged, ${history.length} stored, ` +
        `${count('retry')} told "försök igen", ${count('conflict')} conflicts, ${count('other')} other`,
    );

    expect(lost).toEqual([]);
    expect(count('other')).toBe(0);
    // The outage was seen: saves begun while it lasted were told to try again.
    expect(outcomes.some((o) => o.phase === 'outage' && o.outcome === 'retry')).toBe(true);
    // Saves after the restart are acknowledged again without restarting the service.
    expect(outcomes.some((o) => o.phase === 'after' && o.outcome === 'saved')).toBe(true);
    expect(bot.logs().some((line) => line.includes('"msg":"fatal'))).toBe(false);
  });
});

interface PlanShape {
  plans: { perspectives: { areas?: { goals: Goal[] }[]; goals?: Goal[] }[] }[];
}
interface Goal {
  owners: string[];
  indicators: { owner?: string; periods?: string[] }[];
}

describe('a connector storm during the fan-out (Halland, UR1)', () => {
  jest.setTimeout(180_000);
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
  const coordinator = makePerson('karin.controller@region.example', 'Karin Controller');
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-20T06:00:00Z');

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: coordinator.email, SEND_RATE_PER_SECOND: '50', SEND_CONCURRENCY: '16' },
      { now: () => now, startScheduler: false },
      { captureLogs: true },
    );
    for (const person of [coordinator, ...OWNERS.map((email) => makePerson(email))]) {
      stub.addPerson(person);
      await new TeamsUser(person, stub, bot.endpoint).install();
    }
    const imported = await bot.service.deps.importer.importFile({
      fileName: 'halland-plan.json',
      bytes: readFixture(PLAN_FIXTURES.halland),
    });
    expect(imported.ok).toBe(true);
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when Teams answers 20 % of sends with 429 and 5 % with 500, and the report fails four times, then every owner gets exactly one card and the coordinator one report', async () => {
    const karin = new TeamsUser(coordinator, stub, bot.endpoint);
    const [confirm] = await karin.say('öppna period UR1');
    stub.reset();
    stub.storm({ rate429: 0.2, rate500: 0.05, seed: 15, retryAfterSeconds: 1 });
    // The report's first send fails past botbuilder's own retries, so the job queue must try it again.
    const reportPath = `a%3Apersonal-${coordinator.aadObjectId}`;
    stub.failNext(4, { status: 500 }, { method: 'POST', pathIncludes: reportPath });
    const opened = await karin.click(confirm!.card!, 'Skicka');
    expect(cardText(opened)).toContain('är öppen');
    await bot.service.scheduler.idle();
    const report = () => stub.sent().filter((s) => s.conversationId === `a:personal-${coordinator.aadObjectId}`);
    for (let round = 0; round < 30 && report().length === 0; round += 1) {
      now = new Date(now.getTime() + 10 * 60_000);
      await bot.service.scheduler.tick();
    }
    stub.storm(null);

    const jobs = await bot.service.repositories.jobs.listBatch('prompt:2022/UR1');
    const requests = stub.requests();
    const injected = requests.filter((r) => r.failedWith !== undefined);
    console.log(
      `connector storm: ${OWNERS.length} owners, ${requests.length} requests, ${injected.filter((r) => r.failedWith === 429).length}×429 and ` +
        `${injected.filter((r) => r.failedWith === 500).length}×500 injected`,
    );
    for (const email of OWNERS) {
      const cards = stub
        .sent()
        .filter(
          (s) => s.conversationId === `a:personal-${makePerson(email).aadObjectId}` && JSON.stringify(s.activity).includes('dina mål'),
        );
      expect({ email, cards: cards.length }).toEqual({ email, cards: 1 });
    }
    expect(jobs.map((job) => PromptJobData.parse(job.payload).email).sort()).toEqual(OWNERS);
    expect(jobs.every((job) => job.state === 'done')).toBe(true);
    expect(requests.filter((r) => r.path.includes(reportPath) && r.failedWith !== undefined).length).toBeGreaterThanOrEqual(4);
    expect(report().map((s) => s.activity.text)).toEqual([expect.stringContaining(`alla ${OWNERS.length} målägare har fått sitt kort`)]);
    // One more tick: the report is claimed, not sent again.
    now = new Date(now.getTime() + 10 * 60_000);
    await bot.service.scheduler.tick();
    expect(report()).toHaveLength(1);
  });
});
