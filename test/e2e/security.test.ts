import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import {
  invokeAdaptiveCardAction,
  makePerson,
  messageActivity,
  postActivity,
  TEST_TENANT_ID,
  type TeamsActivity,
} from '../support/activities';
import { startTestService, type TestService } from '../support/service';
import { CHANNEL_ISSUER, startOpenIdStub, type OpenIdStub, type TokenOptions } from '../support/openid-stub';
import type { Db } from 'mongodb';
import { fileAttachment } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { TeamsUser } from '../support/teams-client';

/** Names every plain object inherits, and a few strings no table should know. */
const HOSTILE_NAMES = [
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'toString',
  'toLocaleString',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__lookupGetter__',
  'prototype',
  'then',
  'x7f3q',
  'goal.delete',
  '${root}',
];

const CANARY = 'canary-Secret-4f1d9c2e-not-a-real-password';
const BOT_ID = '00000000-0000-4000-8000-000000000001';
/** The bot's own tenant (BOT_TENANT_ID, so the allowlist), the one the activity builders use. */
const TENANT = TEST_TENANT_ID;

/** What a leaked TurnContext or adapter would carry; none of it may ever leave the bot. */
function assertNoInternals(text: string): void {
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain('botFrameworkAuthConfig');
  expect(text).not.toContain('MicrosoftAppPassword');
  expect(text).not.toContain('_adapter');
  expect(text).not.toContain('turnState');
}

describe('hostile verbs and commands in local no-auth mode (every outgoing activity is seen)', () => {
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
  beforeEach(() => stub.reset());

  test.each(HOSTILE_NAMES)(
    'when an Action.Submit fallback carries the verb %p, then the answer is a "förstod inte" card and nothing else',
    async (verb) => {
      const person = makePerson('eva.strand@region.example');
      const response = await postActivity(bot.endpoint, {
        ...messageActivity({ serviceUrl: stub.url, person, text: '' }),
        value: { verb, period: 'x' },
      });

      expect(response.status).toBe(200);
      const [sent] = await stub.waitForActivities(1, 5_000);
      const cards = adaptiveCards(sent!.activity);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      const text = JSON.stringify(sent!.activity);
      expect(text).toContain('Jag förstod inte vad kortet bad om');
      assertNoInternals(text);
    },
  );

  test.each(HOSTILE_NAMES)(
    'when an Action.Execute invoke carries the verb %p, then the HTTP answer is a "förstod inte" card, never a 5xx',
    async (verb) => {
      const person = makePerson('eva.strand@region.example');
      const response = await postActivity(bot.endpoint, invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb, data: { verb } }));

      expect(response.status).toBe(200);
      const body = JSON.stringify(response.body);
      expect(body).toContain('Jag förstod inte vad kortet bad om');
      expect(response.body).toMatchObject({
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: { type: 'AdaptiveCard' },
      });
      assertNoInternals(body);
    },
  );

  test.each(HOSTILE_NAMES)(
    'when the message text is the command word %p, then the bot answers with help, not with an object',
    async (word) => {
      const person = makePerson('eva.strand@region.example');
      const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: `${word} DÅ08` }));

      expect(response.status).toBe(200);
      const [sent] = await stub.waitForActivities(1, 5_000);
      const text = JSON.stringify(sent!.activity);
      expect(text).toContain('Jag förstod inte');
      assertNoInternals(text);
    },
  );

  test('when an invoke lacks a name, a handled name or its verb, or an activity lacks from.id or conversation.id, then it gets 400 and no turn runs', async () => {
    const person = makePerson('eva.strand@region.example');
    const invoke = invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb: 'inbox.show', data: {} });
    const message = messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' });
    const broken: Record<string, unknown>[] = [
      { ...invoke, name: undefined },
      { ...invoke, name: 'composeExtension/query' },
      { ...invoke, value: undefined },
      { ...invoke, value: { action: { type: 'Action.Execute' } } },
      { ...message, from: { name: 'No Id' } },
      { ...message, from: undefined },
      { ...message, conversation: { conversationType: 'personal' } },
      { ...message, conversation: undefined },
    ];
    for (const activity of broken) {
      const response = await postActivity(bot.endpoint, activity);
      expect({ status: response.status, activity: Object.keys(activity) }).toMatchObject({ status: 400 });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stub.sent()).toHaveLength(0);
    expect(bot.logs().some((line) => line.includes('unhandled error in turn'))).toBe(false);
  });

  test('when a person sends a 200 kB field in "from", then the stored conversation reference keeps only what the bot needs', async () => {
    const person = makePerson('stor.fran@region.example');
    const activity: TeamsActivity = messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' });
    activity.from = { ...activity.from, padding: 'x'.repeat(200_000), name: 'N'.repeat(5_000) } as TeamsActivity['from'];
    const response = await postActivity(bot.endpoint, activity);

    expect(response.status).toBe(200);
    await stub.waitForActivities(1, 5_000);
    const stored = await bot.service.mongo.db.collection('conversations').findOne({ aadObjectId: person.aadObjectId });
    expect(stored).not.toBeNull();
    const size = JSON.stringify(stored).length;
    expect(size).toBeLessThan(3_000);
    expect(JSON.stringify(stored)).not.toContain('padding');
    expect(stored!.reference).toMatchObject({ user: { id: person.userId, aadObjectId: person.aadObjectId }, serviceUrl: stub.url });
  });

  test('when every hostile probe above has run, then no log line carries the adapter or its settings', () => {
    const logs = bot.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) assertNoInternals(line);
  });
});

describe('long arguments echoed back to a coordinator with a plan', () => {
  let stub: ConnectorStub;
  let bot: TestService;
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  let karinsChat: TeamsUser;
  const huge = 'ö'.repeat(50_000);

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({ UTFALL_COORDINATORS: karin.email });
    stub.addPerson(karin);
    karinsChat = new TeamsUser(karin, stub, bot.endpoint);
    await karinsChat.install();
    const url = stub.serveFile('/plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    await karinsChat.say('importera', { attachments: [fileAttachment({ name: 'plan.json', downloadUrl: url, fileType: 'json' })] });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test.each([
    huge,
    `öppna period ${huge}`,
    `stäng period ${huge}`,
    `öppna period DÅ04 ${huge}`,
    `påminn ${huge}`,
    `sammanfattning ${huge}`,
    `delegera ${huge} anna@region.example`,
    `delegera NB-P2-G1-I1 ${huge}`,
  ])(
    'when the coordinator writes a command with a 50 kB word (case %#), then the answer echoes at most a few hundred characters of it',
    async (text) => {
      const before = stub.sent().length;
      const replies = await karinsChat.say(text);
      expect(replies.length).toBeGreaterThan(0);
      const answer = JSON.stringify(
        stub
          .sent()
          .slice(before)
          .map((sent) => sent.activity),
      );
      expect(answer).toContain('ö'.repeat(20));
      expect(answer).not.toContain('ö'.repeat(301));
    },
  );
});

describe('token validation against locally signed Bot Framework tokens (canary password set)', () => {
  let stub: ConnectorStub;
  let openId: OpenIdStub;
  let bot: TestService;

  beforeAll(async () => {
    stub = await startConnectorStub();
    openId = await startOpenIdStub();
    bot = await startTestService(
      { BOT_ID, BOT_PASSWORD: CANARY, BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT, BOT_OPENID_METADATA_URL: openId.metadataUrl },
      { startScheduler: false },
      { captureLogs: true },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await openId?.stop();
    await stub?.stop();
  });
  beforeEach(() => stub.reset());

  const now = () => Math.floor(Date.now() / 1000);
  const validClaims = (): Record<string, unknown> => ({
    iss: CHANNEL_ISSUER,
    aud: BOT_ID,
    serviceurl: stub.url,
    nbf: now() - 60,
    exp: now() + 3600,
    iat: now() - 60,
  });
  const bearer = (options: TokenOptions) => ({ authorization: `Bearer ${openId.token(options)}` });

  test('when a token is signed with the published key for this bot, then an Action.Execute is answered with a card', async () => {
    const person = makePerson('eva.strand@region.example');
    const activity = invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb: 'remind.cancel', data: {}, botId: BOT_ID });
    const response = await postActivity(bot.endpoint, activity, bearer({ claims: validClaims() }));

    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('AdaptiveCard');
    expect(openId.keyFetches()).toBeGreaterThan(0);
  });

  test.each(HOSTILE_NAMES)(
    'when a properly signed invoke carries the verb %p, then the answer is a refusal card without any secret',
    async (verb) => {
      const person = makePerson('eva.strand@region.example');
      const activity = invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb, data: { verb }, botId: BOT_ID });
      const response = await postActivity(bot.endpoint, activity, bearer({ claims: validClaims() }));

      expect(response.status).toBe(200);
      const body = JSON.stringify(response.body);
      expect(body).toContain('Jag förstod inte vad kortet bad om');
      assertNoInternals(body);
    },
  );

  test.each(HOSTILE_NAMES)(
    'when a properly signed Action.Submit fallback carries the verb %p, then the turn runs and nothing secret is logged',
    async (verb) => {
      const person = makePerson('eva.strand@region.example');
      const activity = { ...messageActivity({ serviceUrl: stub.url, person, text: '', botId: BOT_ID }), value: { verb } };
      const response = await postActivity(bot.endpoint, activity, bearer({ claims: validClaims() }));

      expect(response.status).toBe(200);
    },
  );

  test('when a properly signed activity comes from another tenant, then it gets 403 before any turn and nothing is written or sent', async () => {
    const person = makePerson('eva.strand@annan.example', 'Eva Strand', '0badc0de-0000-4000-8000-00000000f0f0');
    const before = await documentCounts(bot.service.mongo.db);
    const message = messageActivity({ serviceUrl: stub.url, person, text: 'status', botId: BOT_ID });
    const invoke = invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb: 'remind.cancel', data: {}, botId: BOT_ID });
    // Our tenant in one field and another in the other is refused too.
    const mixed = { ...message, channelData: { tenant: { id: TENANT } } };

    for (const activity of [message, invoke, mixed]) {
      const response = await postActivity(bot.endpoint, activity, bearer({ claims: validClaims() }));
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: 'Forbidden' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await documentCounts(bot.service.mongo.db)).toEqual(before);
    expect(stub.requests()).toHaveLength(0);
  });

  const forgeries: [string, () => TokenOptions][] = [
    ['a wrong audience', () => ({ claims: { ...validClaims(), aud: '00000000-0000-4000-8000-00000000dead' } })],
    ['a wrong issuer', () => ({ claims: { ...validClaims(), iss: 'https://evil.example' } })],
    ['an expired token', () => ({ claims: { ...validClaims(), nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 } })],
    ['a token not yet valid', () => ({ claims: { ...validClaims(), nbf: now() + 3600, iat: now() + 3600, exp: now() + 7200 } })],
    ['an unknown signing key', () => ({ claims: validClaims(), unknownKey: true, kid: 'someone-elses-key' })],
    ['the right kid but another key', () => ({ claims: validClaims(), unknownKey: true })],
    ['alg none', () => ({ claims: validClaims(), alg: 'none' })],
    ['HS256', () => ({ claims: validClaims(), alg: 'HS256' })],
    [
      'a serviceurl claim for another service',
      () => ({ claims: { ...validClaims(), serviceurl: 'https://smba.trafficmanager.net/emea/' } }),
    ],
  ];

  test.each(forgeries)(
    'when a request carries %s, then it gets 401 with a neutral body and nothing is written or sent',
    async (_label, forge) => {
      const person = makePerson(`forged.${Math.random().toString(36).slice(2)}@region.example`);
      const before = await documentCounts(bot.service.mongo.db);
      const message = messageActivity({ serviceUrl: stub.url, person, text: 'status', botId: BOT_ID });
      const invoke = invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb: 'remind.cancel', data: {}, botId: BOT_ID });

      for (const activity of [message, invoke]) {
        const response = await postActivity(bot.endpoint, activity, bearer(forge()));
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ error: 'Unauthorized' });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await documentCounts(bot.service.mongo.db)).toEqual(before);
      expect(stub.requests()).toHaveLength(0);
    },
  );

  test('when every probe above has run, then no log line carries the password or the adapter settings', () => {
    const logs = bot.logs();
    expect(logs.some((line) => line.includes('rejected a request whose token did not validate'))).toBe(true);
    for (const line of logs) assertNoInternals(line);
  });
});

describe('when the signing keys cannot be fetched', () => {
  let bot: TestService;
  let stub: ConnectorStub;

  beforeAll(async () => {
    stub = await startConnectorStub();
    // A port nothing listens on: fetching the metadata fails at once, as an outage of login.botframework.com would.
    const deadStub = await startOpenIdStub();
    const deadUrl = deadStub.metadataUrl;
    await deadStub.stop();
    bot = await startTestService(
      { BOT_ID, BOT_PASSWORD: CANARY, BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT, BOT_OPENID_METADATA_URL: deadUrl },
      { startScheduler: false },
      { captureLogs: true },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('then a well-formed RS256 token gets 401 with a neutral body (not 500 with the fetch error), and a warning is logged', async () => {
    const signer = await startOpenIdStub();
    const token = signer.token({
      claims: { iss: CHANNEL_ISSUER, aud: BOT_ID, serviceurl: stub.url, exp: Math.floor(Date.now() / 1000) + 600 },
    });
    await signer.stop();
    const person = makePerson('eva.strand@region.example');
    const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp', botId: BOT_ID }), {
      authorization: `Bearer ${token}`,
    });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'Unauthorized' });
    const warning = bot.logs().find((line) => line.includes('rejected a request whose token did not validate'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40 });
    for (const line of bot.logs()) assertNoInternals(line);
  });
});

async function documentCounts(db: Db): Promise<Record<string, number>> {
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const counts: Record<string, number> = {};
  for (const { name } of collections) counts[name] = await db.collection(name).countDocuments();
  return counts;
}
