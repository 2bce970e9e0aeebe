import { jobBatches } from '../../src/domain/job-ids';
import { startConnectorStub, type ConnectorStub, type SentActivity } from '../support/connector-stub';
import { makePerson, personalConversationId } from '../support/activities';
import { testDatabaseName } from '../support/mongo';
import { startTestService, type TestService } from '../support/service';
import { syntheticRegion } from '../../bench/synthetic-region';

const OWNERS = 60;
/** The connector's limit here: lower than Teams' 50/s, so that a test instance's database work is never what keeps it under. */
const LIMIT = 10;
const NOW = new Date('2026-05-01T08:00:00Z');

/** The most sends the connector saw within any one second. */
function busiestSecond(sends: readonly SentActivity[]): number {
  const times = sends.map((send) => send.at).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('the prompt fan-out from two instances on one database', () => {
  jest.setTimeout(120_000);
  let stub: ConnectorStub;
  let instances: TestService[] = [];

  beforeAll(async () => {
    stub = await startConnectorStub();
    // As the Bot Connector: more than LIMIT sends in any one second are answered 429.
    stub.limitRate(LIMIT);
    // Each instance is configured with the pace meant for the whole app; each pacing alone, the two would send 16/s.
    const dbName = testDatabaseName('fanout-two');
    for (let i = 0; i < 2; i += 1) {
      instances.push(await startTestService({ MONGODB_DB: dbName, SEND_RATE_PER_SECOND: '8' }, { now: () => NOW, startScheduler: false }));
    }
    const { deps, repositories } = instances[0]!.service;
    const region = syntheticRegion({ owners: OWNERS, goalsPerOwner: 1, indicatorsPerGoal: 2, plans: 2 });
    expect((await deps.importer.importFile({ fileName: 'region.json', bytes: Buffer.from(JSON.stringify(region)) })).ok).toBe(true);
    for (let i = 0; i < OWNERS; i += 1) {
      const person = makePerson(`agare${i}@region.example`);
      await repositories.people.linkIdentity({ ...person, locale: 'sv-SE' }, NOW);
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
            bot: { id: '28:utfall', name: 'Utfall' },
          },
          aadObjectId: person.aadObjectId,
          teamId: null,
          teamName: null,
          channelName: null,
        },
        NOW,
      );
    }
  });
  afterAll(async () => {
    for (const instance of instances.reverse()) await instance.stop();
    instances = [];
    await stub?.stop();
  });

  test('when both drain the opened period at once, then every owner gets exactly one card, both send, and no second holds more sends than the connector allows', async () => {
    const [a, b] = instances.map((instance) => instance.service);
    const periods = await a!.deps.collect.periodsFor('T1', null, ['draft']);
    await a!.deps.collect.openPeriods(periods);

    const done = [0, 0];
    for (let round = 0; round < 5; round += 1) {
      const reports = await Promise.all([a!.scheduler.tick(NOW), b!.scheduler.tick(NOW)]);
      reports.forEach((report, i) => (done[i]! += report.jobs.done));
      const counts = await a!.repositories.jobs.countByState(jobBatches.prompt({ code: 'T1', year: 2026 }));
      if (counts.pending + counts.running === 0) break;
    }

    const sends = stub.sent();
    const perOwner = new Map<string, number>();
    for (const send of sends) perOwner.set(send.conversationId, (perOwner.get(send.conversationId) ?? 0) + 1);
    expect(perOwner.size).toBe(OWNERS);
    expect([...perOwner.values()].every((cards) => cards === 1)).toBe(true);
    expect(stub.requests().filter((request) => request.failedWith === 429)).toHaveLength(0);
    expect(busiestSecond(sends)).toBeLessThanOrEqual(LIMIT);
    expect(done[0]! + done[1]!).toBe(OWNERS);
    expect(done.every((n) => n > 0)).toBe(true);
  });
});
