import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson, messageActivity, postActivity } from '../support/activities';
import { startTestService, type TestService } from '../support/service';

describe('authentication with app credentials set', () => {
  let stub: ConnectorStub;
  let bot: TestService;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({
      BOT_ID: '00000000-0000-4000-8000-000000000001',
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when a request carries no token, then it is rejected with 401 and nothing is sent', async () => {
    const person = makePerson('anna.berg@region.example');
    const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));

    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stub.sent()).toHaveLength(0);
  });

  test('when a request carries a token that is not a valid signed JWT, then it is rejected with 401', async () => {
    const person = makePerson('anna.berg@region.example');
    const forged = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: 'https://api.botframework.com', aud: 'x' })}.`;
    const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }), {
      authorization: `Bearer ${forged}`,
    });

    expect(response.status).toBe(401);
    expect(stub.sent()).toHaveLength(0);
  });
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
