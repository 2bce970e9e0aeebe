import type { CommandStartedEvent } from 'mongodb';
import { isAfterResponse } from '../../src/services/after-response';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

const PERIOD = 'RS-2026/DÅ04';
/** Round trips the owner waits for (was open 7, save 21 with one answer before issue 14; now 4 and 10). */
const BUDGET = { open: 4, save: 10 };
/** What the driver sends for its own bookkeeping, not for the product. */
const BOOKKEEPING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'saslStart', 'saslContinue', 'buildInfo']);

/**
 * The database round trips of the two invokes every owner makes (open a goal, save it), counted
 * with the driver's command monitoring: a figure free of the machine's noise, so a change that adds
 * queries to the invoke path fails here instead of only showing up as a slower bench.
 */
describe('database round trips per invoke (a budget, counted, not timed)', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let anna: TeamsUser;
  const now = new Date('2026-05-04T08:00:00Z');
  const commands: string[] = [];
  let counting = false;

  beforeAll(async () => {
    const uri = new URL(process.env.TEST_MONGODB_URI ?? '');
    uri.searchParams.set('monitorCommands', 'true');
    stub = await startConnectorStub();
    bot = await startTestService({ MONGODB_URI: uri.toString() }, { now: () => now, startScheduler: false });
    bot.service.mongo.client.on('commandStarted', (event: CommandStartedEvent) => {
      // Work started after the answer (the summaries' scheduling) is not what the owner waits for.
      if (counting && !BOOKKEEPING.has(event.commandName) && !isAfterResponse())
        commands.push(`${event.commandName} ${collectionOf(event)}`);
    });
    anna = new TeamsUser(makePerson('anna.berg@region.example', 'Anna Berg'), stub, bot.endpoint);
    stub.addPerson(anna.person);
    await anna.install();
    const imported = await bot.service.deps.importer.importFile({
      fileName: 'exempel-plan.json',
      bytes: readFixture(PLAN_FIXTURES.exempel),
    });
    expect(imported.ok).toBe(true);
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('DÅ04', null, ['draft']));
    // Warm: the first invoke of an instance fills its caches (plan content, identity).
    await anna.invoke('goal.open', { period: PERIOD, goal: 'RS-G1' });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; trips: string[] }> {
    commands.length = 0;
    counting = true;
    try {
      const result = await work();
      return { result, trips: [...commands] };
    } finally {
      counting = false;
    }
  }

  test('opening a goal form and saving it stay within their budgets of database round trips', async () => {
    const open = await counted(() => anna.invoke('goal.open', { period: PERIOD, goal: 'RS-G7' }));
    expect(cardText(open.result)).toContain('Mål: minska till 4,6');
    const save = await counted(() => anna.click(open.result, 'Spara', { 'RS-G7-I1.outcome': '4,5 %', 'RS-G7-I1.comment': '' }));
    expect(cardText(save.result)).toContain('Sparat.');
    console.log(`goal.open: ${open.trips.length} round trips\n  ${open.trips.join('\n  ')}`);
    console.log(`goal.save: ${save.trips.length} round trips\n  ${save.trips.join('\n  ')}`);
    expect(open.trips.length).toBeLessThanOrEqual(BUDGET.open);
    expect(save.trips.length).toBeLessThanOrEqual(BUDGET.save);
  });
});

function collectionOf(event: CommandStartedEvent): string {
  const target = (event.command as Record<string, unknown>)[event.commandName];
  return typeof target === 'string' ? target : '';
}
