import { createServer } from 'node:net';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { installationUpdate, makePerson, messageActivity, postActivity } from '../support/activities';
import { startTestService, type TestService } from '../support/service';
import { personalConversationKey } from '../../src/store/conversation-repository';

/** A loopback port nothing listens on: bound once, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Local no-auth mode (no BOT_ID), where anyone who can reach the endpoint can post any serviceUrl:
 * only addresses on SERVICE_URL_ALLOWLIST (here exactly the connector stub's) are kept for writing
 * later, and every call to Teams has a time budget (CONNECTOR_TIMEOUT_SECONDS).
 */
describe('a dead or foreign serviceUrl', () => {
  jest.setTimeout(30_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let dead: string;

  beforeAll(async () => {
    stub = await startConnectorStub();
    dead = `http://127.0.0.1:${await deadPort()}/`;
    bot = await startTestService(
      { SERVICE_URL_ALLOWLIST: stub.url, CONNECTOR_TIMEOUT_SECONDS: '2' },
      { startScheduler: false },
      { captureLogs: true },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });
  beforeEach(() => stub.reset());

  const storedServiceUrl = async (aadObjectId: string) =>
    (await bot.service.repositories.conversations.find(personalConversationKey(aadObjectId)))?.reference['serviceUrl'];

  test('when a message names a dead serviceUrl, then it is answered at once and the person keeps the reference Teams gave', async () => {
    const person = makePerson('dora.dod@region.example', 'Dora Död');
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));
    await stub.waitForActivities(1, 5_000);
    expect(await storedServiceUrl(person.aadObjectId)).toBe(stub.url);

    const started = Date.now();
    const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: dead, person, text: 'hjälp' }));
    const elapsed = Date.now() - started;

    expect(response.status).toBeLessThan(500);
    // Before: the connector's retries on a refused connection took 9–11 s. A refused connection now fails at once.
    expect(elapsed).toBeLessThan(5_000);
    expect(await storedServiceUrl(person.aadObjectId)).toBe(stub.url);
    expect(bot.logs().some((line) => line.includes('kept no conversation reference'))).toBe(true);

    // Their next message from Teams is answered where Teams is.
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));
    const [sent] = await stub.waitForActivities(1, 5_000);
    expect(JSON.stringify(adaptiveCards(sent!.activity))).toContain('Utfall – så fungerar det');
  });

  test('when someone installs the app with a serviceUrl not on the allowlist, then no reference is stored for them', async () => {
    const person = makePerson('frans.fraemling@region.example', 'Frans Främling');
    const response = await postActivity(
      bot.endpoint,
      installationUpdate({ serviceUrl: 'https://attacker.example/', person, action: 'add' }),
    );

    expect(response.status).toBeLessThan(500);
    expect(await storedServiceUrl(person.aadObjectId)).toBeUndefined();
  });

  test('when Teams does not answer within CONNECTOR_TIMEOUT_SECONDS, then the call is given up and the request is answered', async () => {
    const person = makePerson('sakta.svar@region.example', 'Sakta Svar');
    // The reply waits 8 s at "Teams"; the bot gives up after its 2 s budget.
    stub.delayNext(1, 8_000, { method: 'POST', pathIncludes: '/activities' });

    const started = Date.now();
    const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));
    const elapsed = Date.now() - started;

    expect(response.status).toBeLessThan(500);
    expect(elapsed).toBeLessThan(6_000);
    expect(bot.logs().some((line) => line.includes('CONNECTOR_TIMEOUT') || line.includes('did not answer within 2000 ms'))).toBe(true);
  });
});
