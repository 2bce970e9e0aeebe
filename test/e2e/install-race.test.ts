import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { conversationUpdateMembersAdded, installationUpdate, makePerson, postActivity } from '../support/activities';
import { startTestService, type TestService } from '../support/service';

describe('installs as Teams delivers them (two events at once)', () => {
  let stub: ConnectorStub;
  let bot: TestService;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({}, { startScheduler: false }, { captureLogs: true });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when 18 people install and each gets installationUpdate and conversationUpdate together, then every chat is stored once and no error is logged', async () => {
    const people = Array.from({ length: 18 }, (_, index) => makePerson(`installerare${index}@region.example`));
    for (const person of people) stub.addPerson(person);

    for (const person of people) {
      const responses = await Promise.all([
        postActivity(bot.endpoint, installationUpdate({ serviceUrl: stub.url, person, action: 'add' })),
        postActivity(bot.endpoint, conversationUpdateMembersAdded({ serviceUrl: stub.url, person, scope: 'personal' })),
      ]);
      expect(responses.map((response) => response.status)).toEqual([200, 200]);
    }

    const stored = await bot.service.mongo.db.collection('conversations').countDocuments({ kind: 'personal' });
    expect(stored).toBe(people.length);
    const errors = bot.logs().filter((line) => /"level":(50|60)/.test(line));
    expect(errors).toEqual([]);
  });
});
